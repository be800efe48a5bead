"""Forms of the casework pages; they validate input, the actions decide what is allowed.

Country and qualification type are chosen from the registry: a text field with a searchable list
(``<datalist>``) in the page, checked against the registry here and again by the action.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qualbridge.web.accounts.models import Office
from qualbridge.web.cases import intake
from qualbridge.web.cases.errors import InvalidTransition
from qualbridge.web.cases.models import Decision, DocumentKind, Purpose

#: the public estimate's purposes, as the casework names them (for answers carried over)
ESTIMATE_PURPOSES = {
    "study": "further-study",
    "employment": "employment",
    "profession": "professional-practice",
}


class CredentialForm(forms.Form):
    title = forms.CharField(label=_("Qualification, as written on the diploma"), max_length=300)
    qualification_type = forms.CharField(
        label=_("Kind of qualification"),
        help_text=_(
            "Start typing its name in any language (学士, gakushi, Bachelor ...) and choose it from the "
            "list; leave it empty if yours is not there."
        ),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "qualification-types", "autocomplete": "off"}),
    )
    country = forms.CharField(
        label=_("Country where it was awarded"),
        help_text=_("Start typing the country's name (Japan, 日本 ...) and choose it from the list."),
        min_length=2,
        max_length=100,
        widget=forms.TextInput(attrs={"list": "countries", "autocomplete": "off"}),
    )
    institution = forms.CharField(label=_("Institution"), max_length=300)
    awarded_year = forms.IntegerField(label=_("Year awarded"), min_value=1900, max_value=2100, required=False)

    def clean_country(self) -> str:
        try:
            return intake.check_country(str(self.cleaned_data["country"]))
        except InvalidTransition as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "country" in data and data.get("qualification_type"):
            try:
                data["qualification_type"] = intake.check_qualification(
                    data["qualification_type"], data["country"]
                )
            except InvalidTransition as exc:
                self.add_error("qualification_type", str(exc))
        return data


class DocumentForm(forms.Form):
    file = forms.FileField(label=_("Document (PDF, JPEG or PNG)"), allow_empty_file=True)
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)


class HolderForm(forms.Form):
    """Whose qualification it is, as the statement will name them: the name as the documents write
    it (any script), in Latin script, and the date of birth."""

    holder_name = forms.CharField(
        label=_("Full name, as on your documents"),
        max_length=200,
        required=False,
        help_text=_("In the script of your diploma, e.g. 김민준, สมชาย ใจดี or 山田 太郎."),
    )
    holder_name_latin = forms.CharField(
        label=_("Full name in Latin script (as in your passport)"), max_length=200, required=False
    )
    holder_birth_date = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


#: the holder's fields, as the case stores them
HOLDER_FIELDS = ("holder_name", "holder_name_latin", "holder_birth_date")


class NewCaseForm(CredentialForm, DocumentForm, HolderForm):
    office = forms.ModelChoiceField(
        label=_("Recognising body"), queryset=Office.objects.all(), empty_label=None
    )
    purpose = forms.ChoiceField(label=_("Purpose of recognition"), choices=Purpose.choices)

    field_order = [
        "office",
        "purpose",
        *HOLDER_FIELDS,
        "country",
        "qualification_type",
        "title",
        "institution",
        "awarded_year",
    ]

    @classmethod
    def initial_from(cls, query: Any) -> dict[str, str]:
        """The public estimate's answer carried over (``?country=JP&type=jp/gakushi&purpose=study``),
        shown by name in the visitor's language (the form takes names and ids alike)."""
        initial = {}
        country = str(query.get("country", "")).strip()[:100]
        code = ""
        if country:
            try:
                code = intake.check_country(country)
            except InvalidTransition:
                code = ""
            initial["country"] = intake.country_name(code) if code else country
        type_id = str(query.get("type") or query.get("qualification_type") or "").strip()[:200]
        if type_id:
            try:
                found = intake.check_qualification(type_id, code) if code else ""
            except InvalidTransition:
                found = ""
            initial["qualification_type"] = intake.qualification_name(found) if found else type_id
        purpose = str(query.get("purpose", ""))
        purpose = ESTIMATE_PURPOSES.get(purpose, purpose)
        if purpose in Purpose.values:
            initial["purpose"] = purpose
        title = str(query.get("qualification", "")).strip()[:300]
        if title:
            initial["title"] = title
        return initial


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
    basis = forms.CharField(
        label=_(
            "What the recognition rests on: the part recognised (partial), the comparable home "
            "qualification (alternative) or the conditions (conditional)"
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )


class DelayForm(forms.Form):
    new_deadline = forms.DateField(label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(
        label=_("Reason (the applicant sees it)"), widget=forms.Textarea(attrs={"rows": 2})
    )


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}))


class AssignForm(forms.Form):
    evaluator = forms.IntegerField(label=_("Evaluator"))
