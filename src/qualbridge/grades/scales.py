"""Grading scales loaded from ``data/grading/*.yaml`` and the arithmetic every method shares.

:class:`Scale` wraps one :class:`~qualbridge.registry.grading.GradingScale` with what a conversion
asks of it: read a grade (a number on the axis or a label), say whether it passes, where it sits
between the anchors (worst, lowest pass, best) and which label a value falls under. Pydantic is used
once, at load time; everything per grade is plain arithmetic so transcripts convert fast.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from qualbridge.errors import InvalidGrade, UnknownScale
from qualbridge.registry.grading import Direction, GradeLabel, GradingFile, GradingScale, ScaleKind
from qualbridge.registry.loader import read_yaml
from qualbridge.registry.models import Source

GRADING_DIR = Path(__file__).resolve().parent.parent / "data" / "grading"

#: the C loader is several times faster where PyYAML was built with it


@dataclass(frozen=True)
class Scale:
    """A grading scale ready for conversion. Build with :func:`get_scale`."""

    model: GradingScale
    jurisdiction: str
    sources: dict[str, Source]
    default_source: str | None
    _by_name: dict[str, GradeLabel] = field(default_factory=dict, repr=False)

    # -- identity -------------------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.model.id

    @property
    def best(self) -> float:
        return self.model.best

    @property
    def lowest_pass(self) -> float:
        return self.model.lowest_pass

    @property
    def worst(self) -> float:
        return self.model.worst

    @property
    def higher_is_better(self) -> bool:
        return self.model.direction is Direction.HIGHER

    @property
    def is_labelled(self) -> bool:
        return self.model.kind is not ScaleKind.NUMERIC

    @property
    def verified(self) -> bool:
        return self.model.verified

    def source_url(self) -> str | None:
        key = self.model.source or self.default_source
        return self.sources[key].url if key in self.sources else None

    # -- reading a grade --------------------------------------------------------------------------
    def valid_values(self) -> str:
        """What this scale accepts, for error messages."""
        lo, hi = sorted((self.best, self.worst))
        text = f"a number from {_fmt(lo)} to {_fmt(hi)}"
        if self.model.labels:
            shown = [lab.label for lab in self.model.labels]
            text += " or one of " + ", ".join(shown)
        return f"{self.id} accepts {text}"

    def parse(self, grade: str | float) -> tuple[float, str | None]:
        """The grade's value on the axis and its label; :class:`InvalidGrade` when it is not one of ours."""
        if isinstance(grade, int | float) and not isinstance(grade, bool):
            return self._check_number(float(grade), repr(grade)), None
        text = str(grade).strip()
        folded = unicodedata.normalize("NFKC", text).strip()  # full-width "８５" or "Ａ" as typed in Japan
        lab = self._by_name.get(text.casefold()) or self._by_name.get(folded.casefold())
        if lab is not None:
            return lab.point, lab.label
        try:
            number = float(folded.replace(",", ".")) if _looks_numeric(folded) else math.nan
        except ValueError:
            number = math.nan
        if math.isnan(number):
            raise InvalidGrade(f"{text!r} is not a grade on {self.id}: {self.valid_values()}.")
        return self._check_number(number, repr(text)), None

    def _check_number(self, number: float, shown: str) -> float:
        lo, hi = sorted((self.best, self.worst))
        if not math.isfinite(number) or not lo <= number <= hi:
            raise InvalidGrade(f"{shown} is out of range for {self.id}: {self.valid_values()}.")
        return number

    # -- where a value sits ---------------------------------------------------------------------
    def passes(self, value: float) -> bool:
        return value >= self.lowest_pass if self.higher_is_better else value <= self.lowest_pass

    def better(self, a: float, b: float) -> bool:
        """Is ``a`` strictly better than ``b`` on this scale?"""
        return a > b if self.higher_is_better else a < b

    def label_for(self, value: float, passed: bool | None = None) -> str | None:
        """The label a value falls under (band threshold, else nearest labelled point on the same side)."""
        labels = self.model.labels
        if not labels:
            return None
        side = self.passes(value) if passed is None else passed
        same_side = [lab for lab in labels if self.passes(lab.point) == side] or list(labels)
        banded = [lab for lab in same_side if lab.min is not None and lab.max is not None]
        if banded and len(banded) == len(same_side):
            # best first: the first band whose lower edge (in the scale's direction) the value reaches
            for lab in banded:
                edge = lab.min if self.higher_is_better else lab.max
                assert edge is not None
                if not self.better(edge, value):
                    return lab.label
            return banded[-1].label
        best_lab = min(same_side, key=lambda lab: (abs(lab.point - value), lab.label != _fmt(lab.point)))
        return best_lab.label

    def label(self, name: str) -> GradeLabel | None:
        return self._by_name.get(name.strip().casefold())


def _looks_numeric(text: str) -> bool:
    return bool(text) and all(c in "0123456789.,+-−eE " for c in text) and any(c.isdigit() for c in text)


def _fmt(x: float) -> str:
    return f"{x:g}"


def _build(model: GradingScale, gf: GradingFile) -> Scale:
    by_name: dict[str, GradeLabel] = {}
    for lab in model.labels:
        for name in (lab.label, *lab.aliases, *lab.names.values()):
            by_name.setdefault(name.casefold(), lab)
    return Scale(model, gf.jurisdiction.upper(), gf.sources, gf.source, by_name)


@cache
def load_scales(directory: Path = GRADING_DIR) -> dict[str, Scale]:
    """Every grading scale, by id (parsed once per process)."""
    scales: dict[str, Scale] = {}
    for path in sorted(directory.glob("*.yaml")):
        gf = GradingFile.model_validate(read_yaml(path))
        for model in gf.scales:
            if model.id in scales:
                raise ValueError(f"{path.name}: duplicate scale id {model.id!r}")
            scales[model.id] = _build(model, gf)
    return scales


def get_scale(scale_id: str) -> Scale:
    """The scale with this id; :class:`UnknownScale` naming the closest ids otherwise."""
    scales = load_scales()
    try:
        return scales[scale_id.strip().lower()]
    except KeyError:
        raise UnknownScale(scale_id, scales) from None


def scales_for(country: str | None = None) -> Iterator[Scale]:
    """Scales of one jurisdiction (ISO code or region, any case), or all of them."""
    wanted = country.strip().upper() if country else None
    for scale in load_scales().values():
        if wanted is None or scale.jurisdiction == wanted:
            yield scale
