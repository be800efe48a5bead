"""Forms of the public pages: estimate, verify, grade, credit and transcript conversion.

Choices come from the data (countries with qualification types, frameworks, grading scales, credit
systems) and are built when the form is, so the labels follow the visitor's language. Every field has
a label and help text for screen readers; validation only checks shape, the core checks meaning.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from qualbridge.credits import load_systems
from qualbridge.grades import METHOD_NAMES, load_scales
from qualbridge.web.explorer import catalogue
from qualbridge.web.explorer.evidence import PURPOSES
from qualbridge.web.explorer.templatetags.explorer_tags import methodname
from qualbridge.web.i18n import visitor_lang

MAX_UPLOAD = 2 * 1024 * 1024


def _scale_choices() -> list[tuple[str, str]]:
    return [
        (sid, f"{sid} — {catalogue.name(s.model.names) or sid}") for sid, s in sorted(load_scales().items())
    ]


def _system_choices() -> list[tuple[str, str]]:
    return [(sid, f"{sid} — {catalogue.name(s.names) or sid}") for sid, s in sorted(load_systems().items())]


def _choice_langs(named: dict[str, dict[str, str]]) -> dict[str, str]:
    """The ``lang`` of each choice whose name (:func:`catalogue.name`) is not the visitor's language."""
    langs = {}
    for key, names in named.items():
        shown = catalogue.name(names)
        lang = next((k for k, v in names.items() if v == shown), None)
        if lang and lang != visitor_lang():
            langs[key] = lang
    return langs


def scale_langs() -> dict[str, str]:
    return _choice_langs({sid: dict(s.model.names) for sid, s in load_scales().items()})


def system_langs() -> dict[str, str]:
    return _choice_langs({sid: dict(s.names) for sid, s in load_systems().items()})


class EstimateForm(forms.Form):
    country = forms.ChoiceField(label=_("Country where it was awarded"), required=False)
    qualification = forms.CharField(
        label=_("Qualification"),
        max_length=200,
        error_messages={"required": _("Type the name of your qualification, as on the certificate.")},
        help_text=_(
            "Any name as it appears on the certificate, in any language (学士, gakushi, BSc Hons ...)."
        ),
    )
    purpose = forms.ChoiceField(label=_("Purpose"), choices=list(PURPOSES.items()), initial="study")
    destination = forms.ChoiceField(label=_("Compare with the framework of"), initial="eu-eqf")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Any country")), *catalogue.countries()]
        self.fields["country"].widget = LangSelect(catalogue.country_langs())
        self.fields["country"].widget.choices = self.fields["country"].choices
        self.fields["destination"].choices = catalogue.framework_choices()
        self.fields["destination"].widget = LangSelect(catalogue.framework_choice_langs())
        self.fields["destination"].widget.choices = self.fields["destination"].choices
        self.fields["qualification"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})


class LangSelect(forms.Select):
    """A select whose options carry ``lang`` where their label is in another language (WCAG 3.1.2)."""

    def __init__(self, langs: dict[str, str], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.langs = langs

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(name, value, *args, **kwargs)
        lang = self.langs.get(str(value))
        if lang:
            option["attrs"] = {**option.get("attrs", {}), "lang": lang}
        return option


class VerifyForm(forms.Form):
    statement = forms.CharField(
        label=_("Paste the statement (JSON)"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    statement_file = forms.FileField(label=_("or upload the statement file"), required=False)
    status_list = forms.CharField(
        label=_("Status list (optional, JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only needed when the issuer's status list is not published on this site."),
    )
    status_list_file = forms.FileField(label=_("or upload the status list file"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in ("statement_file", "status_list_file"):
            upload = data.get(name)
            if upload is not None and upload.size > MAX_UPLOAD:
                self.add_error(name, _("The file is larger than 2 MB."))
        if not data.get("statement", "").strip() and not data.get("statement_file"):
            raise forms.ValidationError(_("Paste the statement or upload its file."))
        return data


class GradeForm(forms.Form):
    value = forms.CharField(label=_("Grade"), max_length=50)
    from_scale = forms.ChoiceField(label=_("From grading scale"))
    to_scale = forms.ChoiceField(label=_("To grading scale"))
    method = forms.ChoiceField(label=_("Method"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices, langs = _scale_choices(), scale_langs()
        for name in ("from_scale", "to_scale"):
            self.fields[name].widget = LangSelect(langs, choices=choices)
            self.fields[name].choices = choices
        methods = [(key, methodname(key)) for key in METHOD_NAMES]
        self.fields["method"].choices = [("", _("Recommended for these scales")), *methods]


class CreditForm(forms.Form):
    amount = forms.DecimalField(
        label=_("Amount of credit"), min_value=0, max_value=1_000_000, decimal_places=2
    )
    from_system = forms.ChoiceField(label=_("From credit system"))
    to_system = forms.ChoiceField(label=_("To credit system"), initial="ects")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = _system_choices()
        self.fields["from_system"].widget = LangSelect(system_langs(), choices=choices)
        self.fields["to_system"].widget = LangSelect(system_langs(), choices=choices)
        self.fields["from_system"].choices = choices
        self.fields["to_system"].choices = choices


class TranscriptForm(forms.Form):
    transcript = forms.FileField(
        label=_("Transcript (CSV)"),
        help_text=_("One course per line: name, credits, grade (a header row is optional)."),
    )
    from_scale = forms.ChoiceField(label=_("Grading scale of the transcript"))
    to_scale = forms.ChoiceField(label=_("Convert to grading scale"))
    credit_system = forms.ChoiceField(label=_("Credit system of the transcript"), required=False)
    to_credits = forms.ChoiceField(label=_("Convert credits to"), initial="ects")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scales = _scale_choices()
        systems = _system_choices()
        fields = {
            "from_scale": (scales, scale_langs()),
            "to_scale": (scales, scale_langs()),
            "credit_system": ([("", _("Do not convert credits")), *systems], system_langs()),
            "to_credits": (systems, system_langs()),
        }
        for name, (choices, langs) in fields.items():
            self.fields[name].widget = LangSelect(langs, choices=choices)
            self.fields[name].choices = choices

    def clean_transcript(self) -> Any:
        upload = self.cleaned_data["transcript"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload
