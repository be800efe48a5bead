"""Which language tag a name in another script carries (WCAG 3.1.2: text in another language is marked).

A holder's name, an institution's or a qualification's, is shown as its documents write it: in Hangul,
Thai, Devanagari, Han or kana, Cyrillic, Arabic... A page or a statement marks it with a ``lang`` so a
screen reader pronounces it and a renderer picks a font that has its letters. Where the script names
one language (Hangul: Korean; kana: Japanese; Thai script: Thai) the tag is that language; where it is
shared by several (Devanagari, Han without kana, Cyrillic, Arabic), the tag says only the script
(``und-Deva``: undetermined language in Devanagari), which is honest and still lets a renderer choose.

>>> lang_of("김민준"), lang_of("สมชาย ใจดี"), lang_of("山田 太郎"), lang_of("やまだ")
('ko', 'th', 'und-Hani', 'ja')
>>> lang_of("देवनागरी"), lang_of("Ana Silva"), lang_of("")
('und-Deva', None, None)
"""

from __future__ import annotations

import unicodedata

#: (first code point, last code point, tag): the scripts the data's names are written in
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x3040, 0x30FF, "ja"),  # hiragana, katakana
    (0x31F0, 0x31FF, "ja"),
    (0xFF66, 0xFF9F, "ja"),  # half-width katakana
    (0xAC00, 0xD7AF, "ko"),  # Hangul syllables
    (0x1100, 0x11FF, "ko"),  # Hangul jamo
    (0x3130, 0x318F, "ko"),
    (0x0E00, 0x0E7F, "th"),  # Thai
    (0x0E80, 0x0EFF, "lo"),  # Lao
    (0x1780, 0x17FF, "km"),  # Khmer
    (0x1000, 0x109F, "my"),  # Myanmar
    (0x0900, 0x097F, "und-Deva"),
    (0x0980, 0x09FF, "und-Beng"),
    (0x0B80, 0x0BFF, "ta"),  # Tamil
    (0x0D80, 0x0DFF, "si"),  # Sinhala
    (0x10A0, 0x10FF, "ka"),  # Georgian
    (0x0530, 0x058F, "hy"),  # Armenian
    (0x0590, 0x05FF, "he"),  # Hebrew
    (0x0370, 0x03FF, "el"),  # Greek
    (0x0600, 0x06FF, "und-Arab"),
    (0x0400, 0x04FF, "und-Cyrl"),
    (0x3400, 0x4DBF, "und-Hani"),
    (0x4E00, 0x9FFF, "und-Hani"),
)


def _tag(char: str) -> str | None:
    point = ord(char)
    return next((tag for low, high, tag in _RANGES if low <= point <= high), None)


def lang_of(text: str) -> str | None:
    """The tag of the script ``text`` is written in, or ``None`` for Latin script (or no letters).

    Kana anywhere makes Han-and-kana text Japanese; Hangul makes Han-and-Hangul text Korean.
    """
    tags = {t for t in (_tag(c) for c in text if unicodedata.category(c).startswith("L")) if t}
    if not tags:
        return None
    for decisive in ("ja", "ko"):
        if decisive in tags:
            return decisive
    return sorted(tags)[0]
