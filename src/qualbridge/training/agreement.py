"""Agreement between trainees who worked the same training cases (Cohen's and Fleiss' kappa).

The kappas are :mod:`qualbridge.analytics.consistency`'s; this module only chooses the items they are
computed on, so a figure always says how many cases it rests on:

- Fleiss' kappa over the items every rater judged (the statistic needs the same number of ratings
  per item), or ``None`` when fewer than two raters or no item are shared by all;
- Cohen's kappa for each pair of raters over the items both judged (at least :data:`MIN_SHARED`).

An item is a training case's decision (``<case>``), or one element of it (``<case>:<element>``,
judged substantial ``yes`` or ``no``).

>>> r = {"a": {"ann": "full", "bob": "full"}, "b": {"ann": "partial", "bob": "full"},
...      "c": {"ann": "full", "bob": "full"}}
>>> result = agreement(r)
>>> (result.fleiss_items, round(result.fleiss or 0, 2), result.pairs[0].items)
(3, -0.2, 3)
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping

from qualbridge.analytics.consistency import cohen_kappa, fleiss_kappa

#: items two raters must share before their Cohen's kappa is shown
MIN_SHARED = 2


@dataclasses.dataclass(frozen=True, slots=True)
class Pair:
    first: str
    second: str
    kappa: float
    items: int


@dataclasses.dataclass(frozen=True, slots=True)
class Agreement:
    raters: tuple[str, ...]
    fleiss: float | None
    fleiss_items: int
    pairs: tuple[Pair, ...]


def agreement(ratings: Mapping[str, Mapping[str, str]]) -> Agreement:
    """``ratings[item][rater]`` is the category the rater gave the item."""
    raters = tuple(sorted({rater for by_rater in ratings.values() for rater in by_rater}))
    shared = [item for item, by_rater in ratings.items() if len(raters) >= 2 and set(by_rater) == set(raters)]
    fleiss = None
    if shared:
        categories = sorted({ratings[item][r] for item in shared for r in raters})
        table = [[sum(ratings[item][r] == c for r in raters) for c in categories] for item in shared]
        fleiss = fleiss_kappa(table)
    pairs = []
    for first, second in itertools.combinations(raters, 2):
        both = sorted(item for item, by_rater in ratings.items() if first in by_rater and second in by_rater)
        if len(both) >= MIN_SHARED:
            kappa = cohen_kappa([ratings[i][first] for i in both], [ratings[i][second] for i in both])
            pairs.append(Pair(first, second, kappa, len(both)))
    return Agreement(raters=raters, fleiss=fleiss, fleiss_items=len(shared), pairs=tuple(pairs))
