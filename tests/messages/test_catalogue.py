"""The core's message catalogue is complete: every code in every language, nothing fuzzy, the same
placeholders in each language, and every code the source uses is in the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import qualbridge
from qualbridge import messages

SRC = Path(qualbridge.__file__).parent
#: literal codes passed to the catalogue's functions: Message("a.b"), text("a.b", ...), both("a.b")
USE = re.compile(r"\b(?:Message|text|both)\(\s*\"([a-z0-9_-]+(?:\.[a-z0-9_-]+)+)\"")


def test_catalogue_has_every_language_for_every_code() -> None:
    assert messages.problems() == []


def test_every_code_used_in_the_source_is_in_the_catalogue() -> None:
    known = set(messages.catalogue("en"))
    used = {
        (path.relative_to(SRC).as_posix(), code)
        for path in SRC.rglob("*.py")
        for code in USE.findall(path.read_text(encoding="utf-8"))
    }
    assert used, "the scan finds no use at all: the pattern is broken"
    missing = sorted(f"{where}: {code}" for where, code in used if code not in known)
    assert missing == []


def _write(root: Path, lang: str, body: str) -> None:
    folder = root / lang / "LC_MESSAGES"
    folder.mkdir(parents=True)
    header = f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    (folder / "core.po").write_text(header + body, encoding="utf-8")


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(messages, "LOCALE_DIR", tmp_path)
    messages.catalogue.cache_clear()
    yield tmp_path
    messages.catalogue.cache_clear()


def test_missing_fuzzy_and_mismatched_translations_are_reported(scratch: Path) -> None:
    _write(
        scratch,
        "en",
        'msgid "a.one"\nmsgstr "One {x}"\n\nmsgid "a.two"\nmsgstr "Two"\n\nmsgid "a.three"\nmsgstr "Three {y}"\n',
    )
    _write(scratch, "ja", '#, fuzzy\nmsgid "a.one"\nmsgstr "一 {x}"\n\nmsgid "a.three"\nmsgstr "三 {z}"\n')
    found = messages.problems()
    assert any("'a.one' is marked fuzzy" in p for p in found)
    assert any("ja: 'a.two' has no translation" in p for p in found)
    assert any("'a.three' uses placeholders ['z']" in p for p in found)
    # a fuzzy or missing translation is never shown: English stands in
    assert messages.text("a.one", "ja", x=1) == "One 1"
    assert messages.text("a.two", "ja") == "Two"


def test_unknown_code_is_an_error_not_a_blank(scratch: Path) -> None:
    _write(scratch, "en", "")
    with pytest.raises(messages.UnknownMessage):
        messages.text("no.such.code")


def test_message_is_data_the_shells_word() -> None:
    m = messages.Message("example.greeting", {"name": "Aiko"})
    assert m.as_dict() == {"code": "example.greeting", "params": {"name": "Aiko"}}
    assert m.both() == {"en": "Hello, Aiko.", "ja": "Aikoさん、こんにちは。"}
    assert messages.text("example.greeting", "fr", name="Aiko") == "Hello, Aiko."


def test_topic_files_join_the_catalogue_and_a_code_lives_in_one_file(scratch: Path) -> None:
    _write(scratch, "en", 'msgid "a.one"\nmsgstr "One"\n')
    header = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    topic = scratch / "en" / "LC_MESSAGES" / "topic.po"
    topic.write_text(header + 'msgid "b.two"\nmsgstr "Two"\n', encoding="utf-8")
    assert messages.text("b.two", "en") == "Two"
    assert messages.text("a.one", "en") == "One"
    topic.write_text(header + 'msgid "a.one"\nmsgstr "Again"\n', encoding="utf-8")
    messages.catalogue.cache_clear()
    with pytest.raises(ValueError, match=r"a\.one"):
        messages.catalogue("en")
