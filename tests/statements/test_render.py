"""The bilingual statement: PDF/A-3 with the signed credential attached, both languages, a QR code.

Nothing here is skipped: without WeasyPrint, the IPAex fonts or poppler-utils the tests fail and say
which Debian package to install (``make system-packages``).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from qualbridge.evaluate import Assessment, evaluate, parse_case
from qualbridge.statements.issue import issue_credential
from qualbridge.statements.multikey import KeyPair
from qualbridge.statements.qr import qr_img, qr_matrix, qr_png
from qualbridge.statements.render import (
    ASSESSMENT_NAME,
    ATTACHMENT_NAME,
    check_fonts,
    credential_digest,
    render_html,
    render_pdf,
    statement_claims,
    verification_url,
)
from qualbridge.statements.verify import verify_credential

CASES = Path(__file__).resolve().parents[2] / "examples" / "cases"


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: install the Debian package poppler-utils (make system-packages)"
    return path


def assessment(name: str) -> Assessment:
    raw: dict[str, Any] = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return evaluate(parse_case(raw))


@pytest.fixture(scope="module")
def key() -> KeyPair:
    return KeyPair.generate()


@pytest.fixture(scope="module")
def signed_full(
    key: KeyPair, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Assessment, dict[str, Any], Path]:
    a = assessment("full-jp-gakushi-to-gb.yaml")
    cred = issue_credential(statement_claims(a), key, key.did)
    out = tmp_path_factory.mktemp("pdf") / "full.pdf"
    out.write_bytes(render_pdf(a, cred))
    return a, cred, out


def pdf_text(path: Path) -> str:
    return subprocess.run(
        [tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_fonts_and_weasyprint_are_installed():
    import weasyprint  # noqa: F401  (fails clearly when missing)

    check_fonts()  # raises MissingFonts naming fonts-ipaexfont-gothic / -mincho


@pytest.mark.parametrize(
    ("case", "ja", "en"),
    [
        ("full-jp-gakushi-to-gb.yaml", "完全な承認", "Full recognition"),
        ("partial-jp-incomplete-studies.yaml", "部分的な承認", "Partial recognition"),
        ("alternative-jp-tanki-to-gb.yaml", "代替的な承認", "Alternative recognition"),
        ("conditional-gb-professional-practice.yaml", "条件付き承認", "Conditional recognition"),
        ("non-recognition-mill.yaml", "不承認", "Non-recognition"),
    ],
)
def test_pdf_text_holds_the_decision_in_both_languages(case, ja, en, key, tmp_path):
    a = assessment(case)
    cred = issue_credential(statement_claims(a), key, key.did)
    out = tmp_path / "s.pdf"
    out.write_bytes(render_pdf(a, cred))
    text = pdf_text(out)
    assert ja in text and en in text
    assert a.case_reference in text
    # the reasons appear in both languages too (first words of the first reason)
    assert a.recommendation.reasons_en[0][:25] in " ".join(text.split())


def test_pdf_is_a4_pdfa3_with_embedded_ipaex_fonts(signed_full):
    _, _, path = signed_full
    info = subprocess.run([tool("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    assert "595.276 x 841.89 pts (A4)" in info
    meta = subprocess.run(
        [tool("pdfinfo"), "-meta", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert 'pdfaid:part="3"' in meta and 'pdfaid:conformance="B"' in meta
    fonts = subprocess.run([tool("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    assert "IPAexGothic" in fonts and "IPAexMincho" in fonts
    for line in fonts.splitlines()[2:]:
        assert " yes " in line, f"font not embedded: {line}"


def test_signed_credential_is_attached_and_verifies(signed_full, tmp_path):
    a, cred, path = signed_full
    listing = subprocess.run(
        [tool("pdfdetach"), "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert ATTACHMENT_NAME in listing and ASSESSMENT_NAME in listing
    subprocess.run([tool("pdfdetach"), "-saveall", "-o", str(tmp_path), str(path)], check=True)
    attached = json.loads((tmp_path / ATTACHMENT_NAME).read_text(encoding="utf-8"))
    assert attached == cred
    issuer_keys = {attached["issuer"]: [attached["proof"]["verificationMethod"]]}
    assert verify_credential(attached, trusted_keys=issuer_keys).ok
    decision = attached["credentialSubject"]["decision"]
    assert decision["outcome"] == "full" and decision["names"] == {
        "en": "Full recognition",
        "ja": "完全な承認",
    }
    full = json.loads((tmp_path / ASSESSMENT_NAME).read_text(encoding="utf-8"))
    assert full["data_version"] == a.data_version


def test_tampered_claims_do_not_verify(key):
    a = assessment("non-recognition-mill.yaml")
    cred = issue_credential(statement_claims(a), key, key.did)
    cred["credentialSubject"]["decision"]["outcome"] = "full"
    assert not verify_credential(cred).ok


def test_qr_code_leads_to_verification_of_this_credential(signed_full):
    a, cred, _ = signed_full
    url = verification_url(a, cred)
    assert url.startswith(f"{a.verify_base_url}/verify?")
    assert cred["id"].removeprefix("urn:uuid:") in url and credential_digest(cred) in url
    html = render_html(a, cred)
    assert qr_img(url) in html  # the QR code drawn is the one of this URL
    assert url.replace("&", "&amp;") in html
    other = dict(cred, id="urn:uuid:00000000-0000-0000-0000-000000000000")
    assert verification_url(a, other) != url


def test_qr_png_draws_the_qr_matrix_module_for_module():
    import io

    import qrcode
    from PIL import Image

    url = "http://example.org/verify?ref=QB-EX-0001&id=6bdd7e30-51a1-48fe-a5d2-f0375b4c6b5f&digest=_1TRKrDE7GdHmG4eZzKQ0A"
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_L, border=1)
    qr.add_data(url)
    qr.make(fit=True)
    expected = qr.get_matrix()
    assert qr_matrix(url) == expected
    image = Image.open(io.BytesIO(qr_png(url)))
    assert image.format == "PNG" and image.size == (len(expected), len(expected))
    drawn = [[image.getpixel((x, y)) == 0 for x in range(image.width)] for y in range(image.height)]
    assert drawn == expected  # black pixel exactly where the code has a dark module


def test_pdf_holds_the_qr_code_as_one_sharp_image(signed_full):
    a, cred, path = signed_full
    listing = subprocess.run(
        [tool("pdfimages"), "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(listing) == 1, listing
    fields = listing[0].split()
    size = len(qr_matrix(verification_url(a, cred)))
    assert (fields[3], fields[4]) == (str(size), str(size))  # one pixel per module
    assert fields[9] == "no"  # not interpolated: the modules print as sharp squares


def test_html_is_bilingual_side_by_side_and_escaped(signed_full):
    a, cred, _ = signed_full
    html = render_html(a, cred)
    assert html.count('<td class="ja">') >= 3
    for f in a.principal.findings:
        assert f.reasoning_ja.replace("'", "&#x27;") in html or f.reasoning_ja in html
    assert "IPAexGothic" in html and "IPAexMincho" in html and "size: A4" in html


def test_unsigned_statement_is_marked_as_a_draft(tmp_path):
    a = assessment("refugee-background-paper.yaml")
    out = tmp_path / "draft.pdf"
    out.write_bytes(render_pdf(a, None))
    text = pdf_text(out)
    assert "Unsigned draft" in text and "未署名の草案" in text
    assert "背景説明書" in text and "background paper" in text


def test_claims_use_only_terms_the_contexts_define():
    from qualbridge.statements.contextcheck import undefined_terms
    from qualbridge.statements.issue import build_credential

    for path in CASES.glob("*.yaml"):
        doc = build_credential(statement_claims(assessment(path.name)), "did:example:issuer")
        assert undefined_terms(doc) == []


def test_verification_address_can_be_overridden(signed_full):
    a, cred, _ = signed_full
    url = verification_url(a, cred, "https://verify.example.org/")
    assert url.startswith("https://verify.example.org/verify?ref=QB-EX-0001&id=")
    assert url in render_html(a, cred, verify_base_url="https://verify.example.org").replace("&amp;", "&")
