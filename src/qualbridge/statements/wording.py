"""The statement's sentences a holder reads: whose qualification, when awarded, how it compares, where.

A statement read by an applicant, an employer or an admissions office says things in words: the holder's
full name as the documents write it and in Latin script, with the date of birth; the year of the award
when only the year is known (never a dash); the level comparison as a sentence with how strong its
evidence is ("In part comparable to Level 6 of the JEQF, on limited evidence"), not an outcome code and
a bare number beside the decision it may seem to contradict; an institution whose name matched several
as "to be confirmed" (the candidates are for the evaluator and stay in the attached assessment).
The words are the core's catalogue's (``statement.*`` codes in ``ui.po``).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING

from qualbridge.errors import QualbridgeError
from qualbridge.messages import both
from qualbridge.messages.scripts import lang_of
from qualbridge.registry import get_registry
from qualbridge.registry.models import pick

if TYPE_CHECKING:
    from qualbridge.evaluate.assess import ComparisonSummary, InstitutionSummary, QualificationSummary

#: the comparison's confidence from which its evidence is called strong (the engine's "confident"),
#: and below which it is called limited
STRONG, MODERATE = 0.8, 0.5
#: evidence items the statement leaves to the attached assessment (the evaluator's working)
WORKING_PREFIXES = ("candidates:",)


def _e(text: object) -> str:
    return html.escape("" if text is None else str(text))


def marked(text: str) -> str:
    """``text`` escaped, inside a ``lang`` span when it is written in a script other than Latin (so a
    reader's screen reader and the PDF's font choice know its language)."""
    lang = lang_of(text)
    return f'<span lang="{lang}">{_e(text)}</span>' if lang else _e(text)


def holder_rows(applicant: Mapping[str, str]) -> list[tuple[str, str]]:
    """(label, HTML) rows naming the holder: full name as on the documents, in Latin script, birth date.

    Without a full name the account's family and given names stand in; nothing given reads "not given".
    """
    none_ja, none_en = both("statement.not-given")["ja"], both("statement.not-given")["en"]
    account = " ".join(applicant.get(k, "") for k in ("family_name", "given_name")).strip()
    full = applicant.get("full_name") or account
    latin = applicant.get("full_name_latin") or (account if account and lang_of(account) is None else "")
    birth = applicant.get("birth_date", "")
    return [
        (
            "氏名（書類の表記） Full name (as on the documents)",
            marked(full) if full else f"{none_ja} · {none_en}",
        ),
        ("氏名（ラテン文字） Name in Latin script", _e(latin) if latin else f"{none_ja} · {none_en}"),
        ("生年月日 Date of birth", _e(birth) if birth else f"{none_ja} · {none_en}"),
    ]


def awarded(q: QualificationSummary) -> str:
    """When the qualification was awarded: the date, else the year, else not completed, else not given."""
    if q.awarded is not None:
        return _e(q.awarded.isoformat())
    if q.awarded_year is not None:
        words = both("statement.awarded.year", year=q.awarded_year)
        return f"{_e(words['ja'])} · {_e(words['en'])}"
    code = "statement.awarded.not-completed" if not q.completed else "statement.not-given"
    words = both(code)
    return f"{_e(words['ja'])} · {_e(words['en'])}"


def _levels(level_ids: list[str], lang: str) -> str:
    registry = get_registry()
    shown = []
    for level_id in level_ids:
        try:
            label = registry.level(level_id).labels
        except (QualbridgeError, KeyError):
            shown.append(level_id)
            continue
        shown.append(label.get(lang) or label.get("en") or level_id)
    return "、".join(shown) if lang == "ja" else ", ".join(shown)


def _framework(framework_id: str, lang: str) -> str:
    try:
        fw = get_registry().framework(framework_id)
    except (QualbridgeError, KeyError):
        return framework_id
    if lang == "ja":
        return fw.names.get("ja") or fw.abbreviation
    return fw.abbreviation or pick(dict(fw.names))


def evidence_code(confidence: float) -> str:
    """How strong a comparison's evidence is, in words.

    >>> evidence_code(0.85), evidence_code(0.6), evidence_code(0.38)
    ('statement.evidence.strong', 'statement.evidence.moderate', 'statement.evidence.limited')
    """
    if confidence >= STRONG:
        return "statement.evidence.strong"
    return "statement.evidence.moderate" if confidence >= MODERATE else "statement.evidence.limited"


def comparison_sentence(c: ComparisonSummary) -> tuple[str, str]:
    """(Japanese, English) sentence of the level comparison, with its evidence in words."""
    outcome = c.outcome if c.target_levels else "individual-assessment"
    if outcome not in ("comparable", "partially-comparable"):
        outcome = "individual-assessment"
    evidence = both(evidence_code(c.confidence))
    sentences = {}
    for lang in ("ja", "en"):
        words = both(
            f"statement.comparison.{outcome}",
            levels=_levels(c.target_levels, lang),
            framework=_framework(c.target_framework, lang),
            evidence=evidence[lang],
            confidence=f"{c.confidence:.2f}",
        )
        sentences[lang] = words[lang]
    return sentences["ja"], sentences["en"]


def institution_line(inst: InstitutionSummary, names: tuple[str, str]) -> tuple[str, str]:
    """(Japanese, English) HTML of the institution: its names, or, when its name matched several or
    none, the name given marked as to be confirmed (never the list of candidates)."""
    if not inst.id and inst.given and inst.status in ("ambiguous", "not-found"):
        words = both(f"statement.institution.{inst.status}", given=inst.given)
        return _e(words["ja"]), _e(words["en"])
    return marked(names[0]), marked(names[1])


def shown_evidence(items: list[str]) -> list[str]:
    """The evidence items a statement prints (the evaluator's working, such as candidates, is left out).

    >>> shown_evidence(["given: Univ. of X", "candidates: a, b"])
    ['given: Univ. of X']
    """
    return [i for i in items if not i.startswith(WORKING_PREFIXES)]
