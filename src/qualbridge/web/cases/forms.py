"""Forms of the casework pages; they validate input, the actions decide what is allowed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from qualbridge.web.accounts.models import Office
from qualbridge.web.cases.models import Decision, DocumentKind, Purpose


class CredentialForm(forms.Form):
    title = forms.CharField(label=_("Qualification, as written on the diploma"), max_length=300)
    qualification_type = forms.CharField(
        label=_("Qualification type id, if known (e.g. jp/gakushi)"), max_length=80, required=False
    )
    country = forms.CharField(label=_("Country (ISO code, e.g. JP)"), min_length=2, max_length=2)
    institution = forms.CharField(label=_("Institution"), max_length=300)
    awarded_year = forms.IntegerField(label=_("Year awarded"), min_value=1900, max_value=2100, required=False)

    def clean_country(self) -> str:
        return str(self.cleaned_data["country"]).upper()


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("Document (PDF, JPEG or PNG)"), allow_empty_file=True)
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)


class NewCaseForm(CredentialForm, DocumentForm):
    office = forms.ModelChoiceField(
        label=_("Recognising body"), queryset=Office.objects.all(), empty_label=None
    )
    purpose = forms.ChoiceField(label=_("Purpose of recognition"), choices=Purpose.choices)

    field_order = [
        "office",
        "purpose",
        "title",
        "qualification_type",
        "country",
        "institution",
        "awarded_year",
    ]


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    file = forms.FileField(label=_("Document (PDF, JPEG or PNG)"), required=False, allow_empty_file=True)


class AppealForm(forms.Form):
    reasons = forms.CharField(label=_("Reasons for your appeal"), widget=forms.Textarea(attrs={"rows": 4}))
    file = forms.FileField(label=_("New evidence (PDF, JPEG or PNG)"), required=False, allow_empty_file=True)


class RequestForm(forms.Form):
    text = forms.CharField(label=_("Documents needed"), widget=forms.Textarea(attrs={"rows": 2}))


class FindingForm(forms.Form):
    text = forms.CharField(label=_("Finding"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    substantial_difference = forms.NullBooleanField(
        label=_("Substantial difference"),
        widget=forms.NullBooleanSelect,
    )
    reasoning = forms.CharField(label=_("Reasoning"), widget=forms.Textarea(attrs={"rows": 2}))


class DraftForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 4}))


class DelayForm(forms.Form):
    new_deadline = forms.DateField(label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(
        label=_("Reason (the applicant sees it)"), widget=forms.Textarea(attrs={"rows": 2})
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}))


class AssignForm(forms.Form):
    evaluator = forms.IntegerField(label=_("Evaluator"))
