"""The explorer's Japanese catalogue: every message translated, every placeholder kept."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

import qualbridge.web.explorer

PO = Path(qualbridge.web.explorer.__file__).parent / "locale" / "ja" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def test_every_message_is_translated_with_its_placeholders() -> None:
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="ja")
    messages = [m for m in catalog if m.id]
    assert len(messages) > 100
    for message in messages:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(s.strip() for s in strings), ids[0]
        assert not message.fuzzy, ids[0]
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) == wanted, ids[0]
