"""The web's languages: the visitor's language as a data tag, and compiling the gettext catalogues
(``.po`` -> ``.mo``) with Babel, so no system gettext is needed."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.utils.translation import get_language


def visitor_lang() -> str:
    """The visitor's language as a data and message-catalogue tag: ``ja`` or ``en``."""
    return "ja" if (get_language() or "en").startswith("ja") else "en"


WEB_DIR = Path(__file__).resolve().parent


def compile_messages(web_dir: Path = WEB_DIR) -> list[Path]:
    """Write a fresh ``.mo`` beside every ``.po`` (project and app ``locale`` folders) newer than it."""
    written = []
    for po_path in web_dir.glob("**/locale/*/LC_MESSAGES/*.po"):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file)
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written
