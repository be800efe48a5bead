"""The interview record's form: the two evaluators, the date and language, and what the interview found."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qualbridge.web.accounts.models import User
from qualbridge.web.cases.permissions import ASSESSORS
from qualbridge.web.passport.models import Interview

ONE_A_LINE = _("One item a line.")


class InterviewForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Interview
        fields = [
            "conducted_on",
            "language",
            "title",
            "country",
            "qualification_type",
            "institution",
            "field",
            "awarded",
            "level",
            "other_qualifications",
            "work_experience",
            "language_proficiency",
            "evidence",
            "certainty",
            "notes",
        ]
        labels = {
            "conducted_on": _("Date of the interview"),
            "language": _("Language of the interview"),
            "title": _("Highest qualification (as the evaluators found it)"),
            "country": _("Country (ISO code, two letters)"),
            "qualification_type": _("Qualification type id, if known (e.g. jp/gakushi)"),
            "institution": _("Institution"),
            "field": _("Subject field"),
            "awarded": _("Year awarded"),
            "level": _("Level the evaluators found"),
            "other_qualifications": _("Other relevant qualifications"),
            "work_experience": _("Relevant work experience"),
            "language_proficiency": _("Language proficiency"),
            "evidence": _("Evidence the assessment rests on"),
            "certainty": _("How sure the evaluators are"),
            "notes": _("Internal notes (not on the passport)"),
        }
        help_texts = {
            "other_qualifications": ONE_A_LINE,
            "work_experience": ONE_A_LINE,
            "language_proficiency": ONE_A_LINE,
            "evidence": ONE_A_LINE,
        }
        widgets = {
            "conducted_on": forms.DateInput(attrs={"type": "date"}),
            "other_qualifications": forms.Textarea(attrs={"rows": 2}),
            "work_experience": forms.Textarea(attrs={"rows": 2}),
            "language_proficiency": forms.Textarea(attrs={"rows": 2}),
            "evidence": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def clean_country(self) -> str:
        value = str(self.cleaned_data.get("country", "")).strip().upper()
        if len(value) != 2 or not value.isalpha():
            raise forms.ValidationError(_("A two-letter ISO 3166-1 code, such as SY or UA."))
        return value


class StartInterviewForm(InterviewForm):
    second_evaluator = forms.ModelChoiceField(
        queryset=User.objects.none(), label=_("Second evaluator"), empty_label=None
    )

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["second_evaluator"].queryset = (
            User.objects.filter(office_id=actor.office_id, role__in=ASSESSORS)
            .exclude(pk=actor.pk)
            .order_by("username")
        )


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the passport revoked?"), widget=forms.Textarea(attrs={"rows": 2})
    )
