"""What a holder reads on the statement, and that it is drawn whole: no missing glyph, no overflow.

The statement names the holder as the documents do (Hangul here) and in Latin script, with the date of
birth; says the year of an award whose date was not given; words the level comparison (never the
outcome code); marks an institution whose name matched several as to be confirmed (never listing the
candidates); fills every qualification's table. The PDF is then read back with poppler: every
character of the names in Hangul, Thai and Devanagari is drawn with an embedded font that has it (no
.notdef box), and every word's box lies inside the page's printable area without overlapping another
word (text that overflows its cell or the decision box runs into its neighbour or off the page).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from qualbridge.evaluate import Assessment, evaluate, parse_case
from qualbridge.evaluate.decision import OfficeDecision, decided
from qualbridge.evaluate.policy import Outcome
from qualbridge.statements.render import render_html, render_pdf

KOREAN, THAI, HINDI = "김민준", "ปริญญาตรี", "स्नातक उपाधि"
#: the page's printable area (statement.css: A4, margins 14/13/16/13 mm), with a point of tolerance
MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
LEFT, RIGHT, TOP, BOTTOM = 13 * MM - 1, PAGE_W - 13 * MM + 1, 14 * MM - 1, PAGE_H - 16 * MM + 12 * MM


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: install the Debian packages poppler-utils and fontconfig"
    return path


def holder_case() -> dict[str, Any]:
    documents = [{"kind": "diploma"}, {"kind": "transcript"}, {"kind": "identity"}]
    return {
        "reference": "QB-T-16B",
        "policy": "jp-nic",
        "applicant": {"given_name": "Minjun", "family_name": "Kim"},
        "purpose": {"kind": "further-study"},
        "credentials": [
            {"country": "KR", "qualification": "kr/haksa", "title": "학사 (공학)", "awarded_year": 2022,
             "institution": "Seoul National", "documents": documents},
            {"country": "TH", "qualification": "th/parinya-tri", "title": THAI, "awarded_year": 2018,
             "documents": documents},
            {"country": "IN", "qualification": "in/bachelor", "title": HINDI, "awarded": "2016-06-30",
             "documents": documents},
            {"country": "JP", "qualification": "jp/gakushi", "title": "学士（文学）", "institution": "Kyoto",
             "awarded_year": 2014, "documents": documents},
        ],
    }  # fmt: skip


@pytest.fixture(scope="module")
def statement(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assessment, Path, str]:
    engine = evaluate(parse_case(holder_case()))
    decision = OfficeDecision(
        outcome=Outcome.FULL,
        reasons="The level, workload and institution are comparable with a Japanese bachelor's degree; "
        "the evaluator checked the diploma supplement and the transcript of every year of study.",
        decided_on=dt.date(2026, 12, 1),
        applicant={"full_name": KOREAN, "full_name_latin": "KIM Minjun", "birth_date": "1999-05-04"},
    )
    assessment = decided(engine, decision)
    path = tmp_path_factory.mktemp("statement") / "holder.pdf"
    path.write_bytes(render_pdf(assessment))
    text = subprocess.run(
        [tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, text=True
    ).stdout
    return assessment, path, text


def test_the_holder_is_named_as_on_the_documents_in_latin_script_with_the_birth_date(statement):
    _, _, text = statement
    assert KOREAN in text and "KIM Minjun" in text and "1999-05-04" in text


def test_the_award_year_is_said_when_only_the_year_was_given(statement):
    _, _, text = statement
    assert "in 2022" in text and "2022年" in text and "in 2018" in text and "2016-06-30" in text
    assert not re.search(r"Awarded\s+—", text)


def test_the_comparison_is_a_sentence_with_its_evidence_in_words(statement):
    assessment, _, text = statement
    assert "Full recognition" in text
    flat = " ".join(text.split())
    for credential in assessment.credentials:
        outcome = credential.comparison.outcome
        assert outcome == "individual-assessment" or credential.comparison.target_levels
        assert f"· {outcome} ·" not in flat  # the code is never printed as the comparison
    assert "partially-comparable" not in flat and "evidence (confidence" in flat


def test_an_ambiguous_institution_is_to_be_confirmed_without_its_candidates(statement):
    assessment, _, text = statement
    japanese = assessment.credentials[3]
    assert japanese.institution.status == "ambiguous"
    flat = " ".join(text.split())
    assert "Kyoto: to be confirmed (the name matches more than one institution)" in flat
    assert "candidates" not in flat and "jp/kyoto-" not in flat


def test_every_qualification_has_its_elements_table(statement):
    _, _, text = statement
    sections = re.split(r"資格 Qualification \d", text)[1:]
    assert len(sections) == 4
    for section in sections:
        for element in ("Level", "Workload", "Quality", "Profile", "Learning outcomes"):
            assert element in section


def test_the_html_marks_names_in_other_scripts_with_their_language():
    engine = evaluate(parse_case(holder_case()))
    page = render_html(decided(engine, OfficeDecision(
        outcome=Outcome.FULL, reasons="Comparable.", decided_on=dt.date(2026, 12, 1),
        applicant={"full_name": KOREAN},
    )))  # fmt: skip
    assert f'<span lang="ko">{KOREAN}</span>' in page
    assert f'<span lang="th">{THAI}</span>' in page
    assert f'<span lang="und-Deva">{HINDI}</span>' in page


def _embedded_families(path: Path) -> set[str]:
    out = subprocess.run([tool("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
    return {re.sub(r"[^a-z]", "", n.split("+", 1)[-1].lower()) for n in names}


def _covering_families(char: str) -> set[str]:
    out = subprocess.run(
        [tool("fc-list"), f":charset={ord(char):04x}", "family"], capture_output=True, text=True, check=True
    ).stdout
    families = {f for line in out.splitlines() for f in line.split(",")}
    return {re.sub(r"[^a-z]", "", f.lower()) for f in families if f}


def test_every_letter_of_hangul_thai_and_devanagari_is_drawn_with_a_font_that_has_it(statement):
    _, path, text = statement
    embedded = _embedded_families(path)
    for name in (KOREAN, THAI, HINDI):
        # the text layer has it (pdftotext reads each glyph's character back; it may split a Devanagari
        # word where a vowel sign is drawn before its consonant, so spaces are not compared)
        assert name.replace(" ", "") in re.sub(r"\s", "", text)
        for char in set(name) - {" "}:
            covering = _covering_families(char)
            assert covering, f"no installed font has {char!r} (U+{ord(char):04X}): install fonts-noto-core"
            drawn = {e for e in embedded if any(e.startswith(c[:12]) for c in covering)}
            assert drawn, f"{char!r} (U+{ord(char):04X}) is drawn with none of {sorted(covering)[:5]}"


def _words(path: Path) -> list[tuple[int, float, float, float, float, str]]:
    out = subprocess.run(
        [tool("pdftotext"), "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    root = ElementTree.fromstring(
        re.sub(r"<!DOCTYPE[^>]*>", "", out).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    )
    words = []
    for number, page in enumerate(root.iter("page")):
        for w in page.iter("word"):
            box = tuple(float(w.get(k, "0")) for k in ("xMin", "yMin", "xMax", "yMax"))
            words.append((number, *box, w.text or ""))
    return words


def test_no_text_overflows_the_page_or_runs_into_other_text(statement):
    _, path, _ = statement
    words = _words(path)
    assert len(words) > 200
    outside = [w for w in words if w[1] < LEFT or w[3] > RIGHT or w[2] < TOP - 1 or w[4] > BOTTOM]
    assert not outside, f"words outside the printable area: {outside[:5]}"
    overlapping = []
    by_page: dict[int, list[tuple[int, float, float, float, float, str]]] = {}
    for w in words:
        by_page.setdefault(w[0], []).append(w)
    for page in by_page.values():
        page.sort(key=lambda w: w[2])
        for i, a in enumerate(page):
            for b in page[i + 1 :]:
                if b[2] >= a[4]:
                    break
                width = min(a[3], b[3]) - max(a[1], b[1])
                height = min(a[4], b[4]) - max(a[2], b[2])
                smaller = min((a[3] - a[1]) * (a[4] - a[2]), (b[3] - b[1]) * (b[4] - b[2]))
                if width > 0 and height > 0 and width * height > 0.25 * smaller:
                    overlapping.append((a[5], b[5]))
    assert not overlapping, f"words drawn over each other (text overflowing its box): {overlapping[:5]}"
