"""The statement as PDF/A-3b (WeasyPrint), with the signed credential and the assessment embedded.

The page is :mod:`qualbridge.statements.page`'s HTML; the signed credential (W3C Verifiable Credential
JSON) is embedded as an associated file. Fonts are the IPAex fonts from Debian's packages
(``fonts-ipaexfont-gothic``, ``fonts-ipaexfont-mincho``) and Noto for names in Hangul, Thai and
Devanagari (``fonts-noto-cjk``, ``fonts-noto-core``), named by family; a machine without them
raises :class:`MissingFonts` rather than printing tofu.
"""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

from qualbridge.errors import QualbridgeError
from qualbridge.statements.page import ASSESSMENT_NAME, ATTACHMENT_NAME, statement_page, template_files

if TYPE_CHECKING:
    from qualbridge.evaluate.assess import Assessment

FONT_FAMILIES = ("IPAexGothic", "IPAexMincho", "Noto Sans CJK JP", "Noto Sans Thai", "Noto Sans Devanagari")
#: the Debian packages that provide them
FONT_PACKAGES = "fonts-ipaexfont-gothic, fonts-ipaexfont-mincho, fonts-noto-cjk and fonts-noto-core"


class MissingFonts(QualbridgeError):
    code = "missing-fonts"


class RenderError(QualbridgeError):
    code = "render-error"


@cache
def check_fonts() -> None:
    """Raise :class:`MissingFonts` unless fontconfig knows both IPAex families."""
    if shutil.which("fc-list") is None:
        raise MissingFonts(f"fontconfig (fc-list) is not installed; install fontconfig and {FONT_PACKAGES}.")
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    missing = [f for f in FONT_FAMILIES if f not in listed]
    if missing:
        raise MissingFonts(
            f"Font families {', '.join(missing)} are not installed; statements need them. Install the Debian "
            f"packages {FONT_PACKAGES} (make system-packages)."
        )


_GC_LOCK = threading.Lock()
_GC_PAUSES = [0, False]  # renders in progress, whether the collector was enabled before the first


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while WeasyPrint lays out and writes a statement.

    A render allocates many thousands of objects; with the registry loaded (~400,000 tracked objects) that
    triggers a full collection every few statements, ~120 ms each (25 ms a statement on average).
    The render's own cyclic garbage (~12,000 objects) is collected in one young-generation pass
    afterwards (~7 ms). Re-entrant and thread-safe: the last render to finish restores the collector.
    (``gc.freeze()`` of the registry would be simpler, but makes the interpreter crash at exit once
    WeasyPrint's Pango objects are alive.)
    """
    with _GC_LOCK:
        if _GC_PAUSES[0] == 0:
            _GC_PAUSES[1] = gc.isenabled()
            gc.disable()
        _GC_PAUSES[0] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _GC_PAUSES[0] -= 1
            restore = _GC_PAUSES[0] == 0 and _GC_PAUSES[1]
            if restore:
                gc.enable()
        if restore:
            gc.collect(0)


_WEASY = threading.local()


def _weasy() -> tuple[Any, Any]:
    """WeasyPrint's font configuration and the parsed stylesheet, made once per thread (Pango's font
    map is not shared between threads). Making them for every statement costs ~30 ms: fontconfig
    setup, Pango's font and shaping caches starting cold, and the CSS parse."""
    made: tuple[Any, Any] | None = getattr(_WEASY, "made", None)
    if made is None:
        try:
            from weasyprint import CSS
            from weasyprint.text.fonts import FontConfiguration
        except ImportError as exc:  # pragma: no cover - a dependency of the package
            raise RenderError(f"WeasyPrint cannot be imported: {exc}") from None
        fonts = FontConfiguration()
        made = _WEASY.made = (fonts, CSS(string=template_files()[1], font_config=fonts))
    return made


def render_pdf(
    assessment: Assessment, credential: Mapping[str, Any] | None = None, *, verify_base_url: str | None = None
) -> bytes:
    """PDF/A-3b of the statement; the signed credential (if given) and the full assessment are embedded
    as associated files."""
    check_fonts()
    fonts, stylesheet = _weasy()
    from weasyprint import HTML, Attachment

    page = statement_page(assessment, credential, verify_base_url, "")
    attachments = [
        Attachment(
            string=json.dumps(assessment.as_json(), ensure_ascii=False, indent=1),
            name=ASSESSMENT_NAME,
            description="The full assessment: findings with all their evidence, conversions, data version",
            relationship="Supplement",
        )
    ]
    if credential is not None:
        attachments.append(
            Attachment(
                string=json.dumps(credential, ensure_ascii=False, indent=2),
                name=ATTACHMENT_NAME,
                description="Signed recognition statement (W3C Verifiable Credential 2.0, eddsa-rdfc-2022)",
                relationship="Data",
            )
        )
    with _collector_paused():
        pdf: bytes = HTML(string=page).write_pdf(
            pdf_variant="pdf/a-3b", attachments=attachments, stylesheets=[stylesheet], font_config=fonts
        )
    return pdf
