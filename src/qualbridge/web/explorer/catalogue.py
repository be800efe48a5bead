"""Read-only views of the registry shaped for the portal and the public API.

Thin adapters over the core: the framework summary and detail are the core's records
(:mod:`qualbridge.registry.summary`, so the API prints what ``qualbridge frameworks show --json``
prints), names are picked in the visitor's language, and the lists that every page needs
(countries with qualification types, frameworks by kind, the decisions a link rests on) are built once
per registry with :meth:`Registry.derive`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qualbridge.registry import Registry, get_registry
from qualbridge.registry.models import Alignment, Framework, as_dict, pick
from qualbridge.registry.search import search_qualifications
from qualbridge.registry.summary import (
    FrameworkDetail,
    QualificationSummary,
    framework_detail,
    qualification_summary,
)
from qualbridge.web.i18n import visitor_lang

#: frameworks a foreign qualification is most often compared with (shown first in pickers, and in the
#: JEQF guide's comparison columns); ids missing from the data are skipped
MAIN_FRAMEWORKS = ("eu-eqf", "gb-rqf", "gb-scqf", "au-aqf", "nz-nzqcf", "kr-kqf", "asean-aqrf", "isced-2011")
KIND_ORDER = {"rqf": 0, "nqf": 1, "sub-framework": 2, "classification": 3}


def name(text: dict[str, str]) -> str:
    """``text`` in the visitor's language, else English, else the first one given."""
    return pick(text, visitor_lang())


def romanised(text: dict[str, str]) -> str:
    """The romanisation (``ja-Latn``, ``zh-Latn``, ``ko-Latn``) when the names carry one."""
    return next((v for k, v in text.items() if k.endswith("-Latn")), "")


def frameworks(registry: Registry | None = None) -> list[Framework]:
    """Every framework: regional ones first, then national, sub-frameworks, classifications; by id."""
    reg = registry or get_registry()
    return sorted(reg.frameworks.values(), key=lambda f: (KIND_ORDER.get(f.kind.value, 9), f.id))


def framework_label(names: dict[str, str]) -> tuple[str, str | None]:
    """A framework's name for a drop-down and its language when that is not the visitor's: the name in
    the visitor's language where the data has one, else (for a Japanese visitor) the original name in
    its own language, else English."""
    lang = visitor_lang()
    if names.get(lang):
        return names[lang], None
    if lang != "en":
        original = next(
            ((k, v) for k, v in names.items() if k not in ("en", lang) and "-Latn" not in k), None
        )
        if original:
            return original[1], original[0]
    shown = pick(names, lang)
    key = next((k for k, v in names.items() if v == shown), None)
    return shown, key if key != lang else None


def framework_choices(registry: Registry | None = None) -> list[tuple[str, str]]:
    """(id, "ABBR — name") for a select: the main frameworks first, then the rest by id."""
    reg = registry or get_registry()
    main = [fid for fid in MAIN_FRAMEWORKS if fid in reg.frameworks]
    rest = sorted(fid for fid in reg.frameworks if fid not in main)
    return [
        (fid, f"{reg.frameworks[fid].abbreviation} — {framework_label(reg.frameworks[fid].names)[0]}")
        for fid in main + rest
    ]


def framework_choice_langs(registry: Registry | None = None) -> dict[str, str]:
    """The ``lang`` of each framework choice whose name is not in the visitor's language (WCAG 3.1.2)."""
    reg = registry or get_registry()
    langs = {fid: framework_label(fw.names)[1] for fid, fw in reg.frameworks.items()}
    return {fid: lang for fid, lang in langs.items() if lang}


def detail(framework_id: str, registry: Registry | None = None) -> FrameworkDetail:
    """The framework's detail as the CLI prints it (raises UnknownFramework)."""
    reg = registry or get_registry()
    return framework_detail(reg, reg.framework(framework_id))


def country_name(code: str, names: dict[str, str] | None) -> tuple[str, str | None]:
    """A jurisdiction's name in the visitor's language and its ``lang`` when it is another: the data's
    name, else CLDR's (Babel) for a country code, else the data's name in another language."""
    lang = visitor_lang()
    if names and names.get(lang):
        return names[lang], None
    if len(code) == 2:
        from babel import Locale

        territory = Locale.parse(lang).territories.get(code.upper())
        if territory:
            return territory, None
    if not names:
        return code, None
    shown = name(names)
    key = next((k for k, v in names.items() if v == shown), None)
    return shown, key if key != lang else None


def countries(registry: Registry | None = None) -> list[tuple[str, str]]:
    """(code, name) of every jurisdiction that has qualification types, by name in the visitor's language."""
    reg = registry or get_registry()
    out = []
    for code in reg.types_by_jurisdiction:
        file = reg.qualification_files.get(code)
        label = country_name(code, dict(file.names) if file is not None and file.names else None)[0]
        out.append((code.lower(), f"{label} ({code})"))
    return sorted(out, key=lambda c: c[1].casefold())


def country_langs(registry: Registry | None = None) -> dict[str, str]:
    """The ``lang`` of each country choice whose name is not in the visitor's language."""
    reg = registry or get_registry()
    langs = {}
    for code in reg.types_by_jurisdiction:
        file = reg.qualification_files.get(code)
        lang = country_name(code, dict(file.names) if file is not None and file.names else None)[1]
        if lang:
            langs[code.lower()] = lang
    return langs


def find_qualifications(
    text: str | None, country: str | None = None, limit: int = 20, registry: Registry | None = None
) -> list[QualificationSummary]:
    """Types matching ``text`` (any name, best first), or every type of ``country`` when there is no text.

    Raises UnknownCountry for a country the registry does not know.
    """
    reg = registry or get_registry()
    if text and text.strip():
        hits = search_qualifications(reg, text, country=country, limit=limit)
        return [qualification_summary(reg.qualifications[h.type_id], h.score, h.matched) for h in hits]
    if country:
        from qualbridge.registry.search import check_country

        ids = reg.types_by_jurisdiction[check_country(reg, country)]
    else:
        ids = sorted(reg.qualifications)
    return [qualification_summary(reg.qualifications[t]) for t in ids[:limit]]


@dataclass(frozen=True)
class Decision:
    """What a link in the alignment picture rests on: a referencing decision or a placement."""

    id: str
    alignment: Alignment | None
    text: str


def decision(decision_id: str, registry: Registry | None = None) -> Decision:
    reg = registry or get_registry()
    return Decision(decision_id, reg.alignments.get(decision_id), decision_id)


def alignment_sources(al: Alignment) -> list[dict[str, Any]]:
    """The alignment's sources, the default one first."""
    keys = sorted(al.sources, key=lambda k: (k != al.source, k))
    return [{"key": k, **as_dict(al.sources[k])} for k in keys]
