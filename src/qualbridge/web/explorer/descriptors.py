"""Level descriptors for the public pages: one level's, and two aligned levels' side by side, per domain.

A framework's level descriptors are the words its owner publishes for each domain (knowledge, skills,
autonomy ...). The pages show them in the visitor's language when the data hold it, else in English,
else in the language published; text in another language than the page's carries its ``lang`` so a
screen reader reads it right, and the original-language wording is shown beside the English one when
both are held (a Thai or Malay descriptor is the authoritative text; the English is its translation).

Side by side (the Europass "compare qualifications" view, for levels): for each level of framework A,
its descriptors next to those of the level(s) of B it is linked to, one row per domain. Domains with
the same id in both frameworks (``knowledge`` with ``knowledge``) share a row; the others get a row of
their own with nothing on the other side, because two frameworks' domains are not the same thing
merely for sitting in the same column. A level whose descriptors the data mark unverified says so;
curator notes are not shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qualbridge.registry import Registry
from qualbridge.registry.models import Framework, LangText, Level
from qualbridge.web.i18n import visitor_lang


@dataclass(frozen=True, slots=True)
class Text:
    """A descriptor text, the language it is in, and whether that differs from the page's language."""

    text: str
    lang: str
    foreign: bool


@dataclass(frozen=True, slots=True)
class Cell:
    """One domain's descriptor of one level: the shown text, and the original-language text if any."""

    domain: str
    domain_name: Text
    shown: Text | None
    original: Text | None = None


@dataclass(frozen=True, slots=True)
class LevelDescriptors:
    level_id: str
    label: Text
    verified: bool
    cells: list[Cell] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return any(c.shown for c in self.cells)


def chosen(text: LangText, page_lang: str | None = None) -> Text | None:
    """The text in the page's language, else English, else the first language given.

    >>> chosen({"en": "Basic knowledge", "ms": "Pengetahuan asas"}, "ja")
    Text(text='Basic knowledge', lang='en', foreign=True)
    >>> chosen({}, "en") is None
    True
    """
    if not text:
        return None
    lang = page_lang or visitor_lang()
    for key in (lang, "en"):
        if text.get(key):
            return Text(text[key], key, key != lang)
    key, value = next(iter(text.items()))
    return Text(value, key, key != lang)


def _original(text: LangText, shown: Text | None, page_lang: str) -> Text | None:
    """The published original-language wording when it is neither English nor the one shown."""
    for key, value in text.items():
        if key in ("en", page_lang) or key.endswith("-Latn") or shown is None or value == shown.text:
            continue
        return Text(value, key, key != page_lang)
    return None


def level_descriptors(fw: Framework, level: Level, page_lang: str | None = None) -> LevelDescriptors:
    """Every domain of ``fw`` for ``level``: the descriptor text (or nothing when none is held)."""
    lang = page_lang or visitor_lang()
    cells = []
    for domain in fw.domains:
        text = level.descriptors.get(domain.id, {})
        shown = chosen(text, lang)
        name = chosen(domain.names, lang) or Text(domain.id, "en", lang != "en")
        cells.append(Cell(domain.id, name, shown, _original(text, shown, lang)))
    label = chosen(level.labels, lang) or Text(level.notation, lang, False)
    return LevelDescriptors(f"{fw.id}:{level.notation}", label, fw.verified and level.verified, cells)


@dataclass(frozen=True, slots=True)
class DomainRow:
    """One row of the side-by-side view: a domain of A and/or B, and each side's texts."""

    left_name: Text | None
    right_name: Text | None
    left: Cell | None
    right: list[tuple[LevelDescriptors, Cell | None]]


@dataclass(frozen=True, slots=True)
class PairBlock:
    """One level of A with the levels of B it is linked to, as rows per domain."""

    left: LevelDescriptors
    right: list[LevelDescriptors]
    rows: list[DomainRow]


def domain_order(fa: Framework, fb: Framework) -> list[tuple[str | None, str | None]]:
    """Pairs of domain ids (A's, B's): shared ids first in A's order, then A's own, then B's own.

    The ids are the data's; only the same id counts as the same domain.
    """
    b_ids = [d.id for d in fb.domains]
    shared = [(d.id, d.id) for d in fa.domains if d.id in b_ids]
    only_a = [(d.id, None) for d in fa.domains if d.id not in b_ids]
    a_ids = {d.id for d in fa.domains}
    only_b = [(None, i) for i in b_ids if i not in a_ids]
    return [*shared, *only_a, *only_b]


def pair_block(
    registry: Registry, fa: Framework, level: Level, targets: list[str], page_lang: str | None = None
) -> PairBlock:
    """Level ``level`` of ``fa`` beside the target levels (level ids in another framework)."""
    lang = page_lang or visitor_lang()
    left = level_descriptors(fa, level, lang)
    right = []
    fb = None
    for level_id in targets:
        fb = registry.framework_of_level(level_id)
        right.append(level_descriptors(fb, registry.level(level_id), lang))
    rows = []
    if fb is not None:
        left_cells = {c.domain: c for c in left.cells}
        for a_id, b_id in domain_order(fa, fb):
            a_cell = left_cells.get(a_id) if a_id else None
            b_cells = [(r, next((c for c in r.cells if c.domain == b_id), None)) for r in right]
            b_name = next((c.domain_name for _, c in b_cells if c is not None), None)
            if not (a_cell and a_cell.shown) and not any(c and c.shown for _, c in b_cells):
                continue  # a domain neither side describes at these levels says nothing here
            rows.append(DomainRow(a_cell.domain_name if a_cell else None, b_name, a_cell, b_cells))
    return PairBlock(left, right, rows)


def pair_blocks(
    registry: Registry, fa: Framework, rows: list[tuple[str, list[str]]], page_lang: str | None = None
) -> list[PairBlock]:
    """A block for every (level id of A, its target level ids) where either side holds descriptors."""
    levels = {f"{fa.id}:{lv.notation}": lv for lv in fa.levels}
    blocks = []
    for level_id, targets in rows:
        known = [t for t in targets if t in registry.level_order]
        if not known:
            continue
        block = pair_block(registry, fa, levels[level_id], known, page_lang)
        if block.left.has_text or any(r.has_text for r in block.right):
            blocks.append(block)
    return blocks
