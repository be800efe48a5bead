"""A shim so hypothesis-jsonschema 0.23 (used by schemathesis 3) runs on today's Hypothesis.

hypothesis-jsonschema draws object properties with ``cu.many(...).more()``; Hypothesis 6.14x replaced
that interface with a context manager. This restores the old ``more()`` / ``reject()`` loop on top of
``ConjectureData.draw_boolean`` for that one module; remove it once hypothesis-jsonschema catches up.
"""

from __future__ import annotations

import types
from typing import Any

from hypothesis.internal.conjecture import utils as cu


class _Many:
    def __init__(self, data: Any, min_size: int, max_size: float, average_size: float) -> None:
        self.data, self.min_size, self.max_size = data, min_size, max_size
        self.p_continue = cu._calc_p_continue(average_size - min_size, max_size - min_size)
        self.count = self.rejections = 0
        self.force_stop = False

    def more(self) -> bool:
        if self.count < self.min_size:
            go = self.data.draw_boolean(self.p_continue, forced=True) if self.p_continue > 0 else True
        elif self.force_stop or self.count >= self.max_size:
            go = self.data.draw_boolean(self.p_continue, forced=False) if self.p_continue < 1 else False
        else:
            go = self.data.draw_boolean(self.p_continue)
        if go:
            self.count += 1
        return bool(go)

    def reject(self, why: str | None = None) -> None:
        self.count -= 1
        self.rejections += 1
        if self.rejections > max(3, 2 * self.count):
            if self.count < self.min_size:
                self.data.mark_invalid(why)
            self.force_stop = True


def install() -> None:
    from hypothesis_jsonschema import _from_schema

    if hasattr(cu.many, "more"):
        return
    shim = types.SimpleNamespace(**{k: getattr(cu, k) for k in dir(cu) if not k.startswith("__")})
    shim.many = _Many
    _from_schema.cu = shim  # type: ignore[attr-defined]
