"""Every message of the web app has its Japanese translation.

Parses every ``.po`` under ``src/qualbridge/web`` with Babel: each message needs a non-empty Japanese
``msgstr`` (every plural form), must not be fuzzy, and must keep the placeholders of its ``msgid``.
Also reads the templates and Python modules: every literal message they mark for translation must be
in some catalogue, so a new string cannot slip in untranslated because nobody re-ran makemessages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

WEB = Path(__file__).resolve().parents[2] / "src" / "qualbridge" / "web"
CATALOGUES = sorted(WEB.glob("**/locale/*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdr]")
KEYWORDS = {"_": None, "gettext": None, "gettext_lazy": None, "ngettext": (1, 2), "ngettext_lazy": (1, 2)}


def _ids(msgid: str | tuple[str, ...]) -> tuple[str, ...]:
    return msgid if isinstance(msgid, tuple) else (msgid,)


def test_there_are_japanese_catalogues_for_the_project_and_the_casework() -> None:
    names = {p.relative_to(WEB).as_posix() for p in CATALOGUES}
    assert {"locale/ja/LC_MESSAGES/django.po", "cases/locale/ja/LC_MESSAGES/django.po"} <= names


@pytest.mark.parametrize("path", CATALOGUES, ids=[p.relative_to(WEB).as_posix() for p in CATALOGUES])
def test_every_message_has_its_japanese_translation(path: Path) -> None:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    assert path.parts[-3] == "ja", f"{path}: only Japanese catalogues are expected (English is the source)"
    assert catalog.locale is None or str(catalog.locale) == "ja", f"{path}: Language header {catalog.locale}"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        elif not all(s and s.strip() for s in strings):
            problems.append(f"untranslated: {message.id!r}")
        else:
            wanted = set().union(*(PLACEHOLDER.findall(i) for i in _ids(message.id)))
            for text in strings:
                if set(PLACEHOLDER.findall(text)) != wanted:
                    problems.append(f"placeholders differ: {message.id!r} -> {text!r}")
    assert not problems, f"{path}:\n" + "\n".join(problems)


def _catalogued() -> set[str]:
    found: set[str] = set()
    for path in CATALOGUES:
        with path.open("rb") as handle:
            for message in read_po(handle):
                found.update(_ids(message.id))
    return found


TRANSLATE = re.compile(r"""{%\s*(?:translate|trans)\s+(["'])(.*?)\1""", re.S)
BLOCK = re.compile(
    r"{%\s*blocktrans(?:late)?\b(?P<opts>[^%]*)%}(?P<one>.*?)(?:{%\s*plural\s*%}(?P<many>.*?))?{%\s*endblocktrans(?:late)?\s*%}",
    re.S,
)
VARIABLE = re.compile(r"{{\s*(\w+)\s*}}")


def _template_messages(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    found = {m.group(2) for m in TRANSLATE.finditer(text)}
    for block in BLOCK.finditer(text):
        for part in ("one", "many"):
            if block.group(part) is not None:
                found.add(VARIABLE.sub(r"%(\1)s", block.group(part)))
    return found


def _sources() -> list[Path]:
    return sorted(
        p
        for p in WEB.rglob("*")
        if p.suffix in (".html", ".py") and "migrations" not in p.parts and "static" not in p.parts
    )


def test_every_marked_string_is_in_a_catalogue() -> None:
    known = _catalogued()
    missing = []
    for path in _sources():
        if path.suffix == ".html":
            messages = _template_messages(path)
        else:
            messages = {
                i
                for _line, msgid, _c, _ctx in extract_from_file("python", str(path), keywords=KEYWORDS)
                for i in _ids(msgid)
                if i
            }
        missing += [f"{path.relative_to(WEB)}: {m!r}" for m in sorted(messages - known)]
    assert not missing, "strings marked for translation but missing from every catalogue:\n" + "\n".join(
        missing
    )
