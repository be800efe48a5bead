"""The core's one message catalogue: every sentence the core produces, written once, in every language.

A core result never carries prose of its own. It carries a :class:`Message`: a stable ``code`` (such as
``outcome.reason.minor``) and its parameters. The words for each code are in the gettext catalogues
beside this module (``locale/<lang>/LC_MESSAGES/*.po``: ``core.po`` and one file per topic, so that
each topic's words live apart; a code may be in only one file), msgid = the code, msgstr = the sentence with
``{name}`` placeholders), read with Babel, so a translator edits a ``.po`` file and never Python.
Shells (the CLI, the web app, the statements) choose the words by code; they never test message text.

>>> Message("example.greeting", {"name": "Aiko"}).text("en")
'Hello, Aiko.'
>>> text("example.greeting", "ja", name="Aiko")
'Aikoさん、こんにちは。'
>>> both("example.greeting", name="Aiko")["ja"]
'Aikoさん、こんにちは。'

``tests/messages`` fails when a code lacks a language, a translation is fuzzy or empty, or the
placeholders of two languages differ.
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

#: the languages every code must have, the first being the fallback
LANGUAGES: tuple[str, ...] = ("en", "ja")
LOCALE_DIR = Path(__file__).with_name("locale")

Param = str | int | float


class UnknownMessage(KeyError):
    """A code that is not in the catalogue (a programming error: the catalogue test catches it)."""


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """One catalogue entry as read from a ``.po`` file."""

    code: str
    text: str
    fuzzy: bool
    placeholders: frozenset[str]


def placeholders(sentence: str) -> frozenset[str]:
    """The ``{name}`` fields of a sentence.

    >>> sorted(placeholders("{level} of {framework}"))
    ['framework', 'level']
    """
    return frozenset(name for _, name, _, _ in string.Formatter().parse(sentence) if name)


@cache
def catalogue(lang: str) -> Mapping[str, Entry]:
    """Every entry of one language's catalogue (read once per process)."""
    from babel.messages.pofile import read_po

    entries: dict[str, Entry] = {}
    for path in sorted((LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po")):
        with path.open("rb") as handle:
            po = read_po(handle, locale=lang)
        for message in po:
            if not message.id or not isinstance(message.id, str):
                continue
            if message.id in entries:
                raise ValueError(f"{path.name}: code {message.id!r} is already in another catalogue file")
            sentence = message.string if isinstance(message.string, str) else ""
            entries[message.id] = Entry(message.id, sentence, message.fuzzy, placeholders(sentence))
    return MappingProxyType(entries)


def text(code: str, lang: str = "en", /, **params: Param) -> str:
    """The sentence for ``code`` in ``lang`` (English when ``lang`` is not a catalogue language)."""
    for candidate in (lang, LANGUAGES[0]):
        entry = catalogue(candidate).get(code)
        if entry is not None and entry.text and not entry.fuzzy:
            return entry.text.format_map(params)
    raise UnknownMessage(code)


def both(code: str, /, **params: Param) -> dict[str, str]:
    """The sentence in every catalogue language, as the data files' ``{lang: text}`` shape."""
    return {lang: text(code, lang, **params) for lang in LANGUAGES}


@dataclasses.dataclass(frozen=True, slots=True)
class Message:
    """A sentence of the core as data: a stable code and its parameters, worded by the shells."""

    code: str
    params: Mapping[str, Param] = dataclasses.field(default_factory=lambda: MappingProxyType({}))

    def text(self, lang: str = "en") -> str:
        return text(self.code, lang, **self.params)

    def both(self) -> dict[str, str]:
        return both(self.code, **self.params)

    def as_dict(self) -> dict[str, Any]:
        """JSON shape: ``{"code": ..., "params": {...}}``."""
        return {"code": self.code, "params": dict(self.params)}


def problems() -> list[str]:
    """Every defect of the catalogues: a code missing in a language, an empty or fuzzy translation,
    or placeholders that differ between languages. Empty when the catalogue is complete."""
    found: list[str] = []
    codes = set().union(*(catalogue(lang).keys() for lang in LANGUAGES))
    for code in sorted(codes):
        reference: frozenset[str] | None = None
        for lang in LANGUAGES:
            entry = catalogue(lang).get(code)
            if entry is None or not entry.text:
                found.append(f"{lang}: {code!r} has no translation")
                continue
            if entry.fuzzy:
                found.append(f"{lang}: {code!r} is marked fuzzy")
            if reference is None:
                reference = entry.placeholders
            elif entry.placeholders != reference:
                found.append(
                    f"{lang}: {code!r} uses placeholders {sorted(entry.placeholders)}, "
                    f"{LANGUAGES[0]} uses {sorted(reference)}"
                )
    return found
