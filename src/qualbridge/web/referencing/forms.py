"""The paste form: the reference framework and the descriptors, one level per line, with size limits.

A line is ``NOTATION: descriptor text`` (``5: Comprehensive knowledge ...``); several lines with the
same notation are one level's text, in the order of first appearance from the lowest level up.
Limits keep one request cheap: at most ``MAX_CHARS`` characters and ``MAX_LEVELS`` levels.
"""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from qualbridge.referencing.model import DescribedFramework, DescribedLevel

MAX_CHARS = 20_000
MAX_LEVELS = 20
LINE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9+.\-]{0,9})\s*[:|]\s*(.+?)\s*$")


class PasteForm(forms.Form):
    name = forms.CharField(label=_("Name of your framework"), max_length=120, required=False)
    reference = forms.ChoiceField(label=_("Reference framework"))
    descriptors = forms.CharField(
        label=_("Level descriptors (English), one level per line as “level: text”"),
        widget=forms.Textarea(attrs={"rows": 14, "lang": "en"}),
        max_length=MAX_CHARS,
    )

    def __init__(self, *args: object, references: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["reference"].choices = references  # type: ignore[attr-defined]

    def clean_descriptors(self) -> DescribedFramework:
        text: str = self.cleaned_data["descriptors"]
        order: list[str] = []
        texts: dict[str, list[str]] = {}
        for number, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            match = LINE.match(raw)
            if not match:
                raise forms.ValidationError(
                    _("Line %(line)d is not “level: text” (for example “5: Comprehensive knowledge …”)."),
                    params={"line": number},
                )
            notation, body = match.groups()
            if notation not in texts:
                order.append(notation)
                texts[notation] = []
            texts[notation].append(body)
        if len(order) < 2:
            raise forms.ValidationError(_("Give the descriptors of at least two levels, one level per line."))
        if len(order) > MAX_LEVELS:
            raise forms.ValidationError(
                _("At most %(max)d levels can be compared at once; you gave %(count)d."),
                params={"max": MAX_LEVELS, "count": len(order)},
            )
        levels = tuple(DescribedLevel(n, {"other": " ".join(texts[n])}, n) for n in order)
        return DescribedFramework("pasted", self.data.get("name") or "pasted", "en", levels)
