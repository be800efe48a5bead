"""The shells never read the core's words to decide anything.

The core's results carry codes (a caveat, a confidence factor, a verification check, a finding); the CLI
and the web app choose words by code. A shell that tests a message's text (``"is revoked" in message``,
``factor.detail.startswith("Workload")``) breaks the day the sentence is reworded or translated. This
test reads every module of ``qualbridge.cli`` and ``qualbridge.web`` and fails on a comparison between a
string literal and something that holds a sentence (a name or attribute called message, detail, text,
caveat, summary, reason ...), or on ``startswith``/``endswith`` of such a thing.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import qualbridge

SRC = Path(qualbridge.__file__).parent
SHELLS = ("cli", "web")
#: names that hold words rather than codes
WORDY = re.compile(
    r"(^|_)(msg|message|messages|detail|text|caveat|caveats|summary|reason|sentence|note)s?($|_)"
)
#: comparisons that still exist on main, with the helper fixing them; remove an entry when it is fixed
KNOWN: dict[str, str] = {}


def _wordy(node: ast.expr) -> bool:
    """Does ``node`` name something that holds a sentence (``msg``, ``f.detail``, ``c.text()``...)?"""
    if isinstance(node, ast.Call):
        return _wordy(node.func)
    if isinstance(node, ast.Attribute):
        return bool(WORDY.search(node.attr)) or (_wordy(node.value) and node.attr in ("lower", "casefold"))
    if isinstance(node, ast.Name):
        return bool(WORDY.search(node.id))
    if isinstance(node, ast.Subscript):
        return _wordy(node.value)
    return False


def _literal(node: ast.expr) -> bool:
    """A string literal with a word in it (``"\\x00" in text`` checks input, not the core's words)."""
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and bool(re.search(r"[^\W\d_]{2}", node.value))
    )


def text_comparisons(tree: ast.AST) -> list[int]:
    """Line numbers where a sentence is compared with a string literal."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(_literal(s) for s in sides) and any(_wordy(s) for s in sides):
                lines.append(node.lineno)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("startswith", "endswith")
            and _wordy(node.func.value)
            and any(_literal(arg) for arg in node.args)
        ):
            lines.append(node.lineno)
    return lines


def _shell_modules() -> list[Path]:
    return [
        path
        for shell in SHELLS
        for path in sorted((SRC / shell).rglob("*.py"))
        if "migrations" not in path.parts
    ]


def test_the_check_finds_what_it_is_for() -> None:
    bad = 'if factor.detail.startswith("Workload"):\n    pass\nok = "is revoked" in status_msg\n'
    good = 'if factor.code == "compare.type.access":\n    pass\nok = "a b" in codes\nend = text.endswith("\\n")\n'
    assert text_comparisons(ast.parse(bad)) == [1, 3]
    assert text_comparisons(ast.parse(good)) == []


def test_no_shell_compares_core_message_text() -> None:
    found = {}
    for path in _shell_modules():
        where = path.relative_to(SRC).as_posix()
        lines = text_comparisons(ast.parse(path.read_text(encoding="utf-8")))
        if lines and where not in KNOWN:
            found[where] = lines
    assert found == {}, "a shell decides on the core's words; compare codes instead"


def test_known_offenders_still_offend() -> None:
    """An entry of KNOWN that no longer compares text must be removed (the list only shrinks)."""
    fixed = [
        where
        for where in KNOWN
        if (SRC / where).exists()
        and not text_comparisons(ast.parse((SRC / where).read_text(encoding="utf-8")))
    ]
    assert fixed == [], f"remove from KNOWN: {fixed}"
