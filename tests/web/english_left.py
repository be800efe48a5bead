"""A detector of English sentences left on a Japanese page.

Reads the page's visible text: every text node outside ``<script>``, ``<style>``, ``<code>``, ``<pre>``,
``<kbd>``, ``<samp>``, ``<template>`` and outside any element whose ``lang`` is not Japanese (a name
in its own language, an English original, a romanisation marked ``ja-Latn``: WCAG 3.1.2 asks exactly
that they be marked, so marked text is not "left"). In what remains it looks for a run of three or
more English words in a row: words of two or more letters with a lower-case letter (so acronyms such
as EQF or ISCED and identifiers such as ``jp-jeqf:6`` or ``jp/gakushi`` break a run), separated by
spaces or light punctuation only. Japanese sentences may name a framework or an acronym; they do not
hold three English words in a row.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

SKIPPED = {"script", "style", "code", "pre", "kbd", "samp", "template", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
#: an English word: letters with at least one lower-case letter (not an acronym, not an id)
WORD = r"(?<![\w/:.@#-])[A-Za-z]?[a-z][A-Za-z]*(?:['’][a-z]+)?(?![\w/:@#-])"
RUN = re.compile(rf"{WORD}(?:[ ,;()\"“”]+{WORD}){{2,}}")


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden from the check)
        self.texts: list[str] = []

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        lang = (dict(attrs).get("lang") or "").lower()
        foreign = bool(lang) and not (lang == "ja" or (lang.startswith("ja-") and "latn" not in lang))
        hidden = self._hidden() or tag in SKIPPED or foreign
        self.stack.append((tag, hidden))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not self._hidden() and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_texts(html: str) -> list[str]:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return parser.texts


def english_left(html: str) -> list[str]:
    """The runs of three or more English words in the page's visible Japanese text."""
    found = []
    for text in visible_texts(html):
        found += [m.group(0) for m in RUN.finditer(text)]
    return found
