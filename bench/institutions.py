"""Benchmark: institution name matching at 30,000 institutions, next to plain rapidfuzz.

Everything here is SYNTHETIC and exists for the benchmark only: 30,000 made-up institutions
("Karimo Institute of Technology", "University of Tesuvana" ...) with deliberately shared place
names, and noisy variants of their names (typos, abbreviations, word order, punctuation, dropped
words, a leading "The"). Prints, for qualbridge's matcher and for ``rapidfuzz.process.extractOne``
with WRatio over the raw names (the plain baseline), measured in the same run:
matches per second (batched) and top-1 accuracy. Run: ``.venv/bin/python bench/institutions.py``.
"""

from __future__ import annotations

import random
import string
import time

from rapidfuzz import fuzz, process, utils

from qualbridge.institutions.matcher import Matcher
from qualbridge.institutions.models import Institution

N_INSTITUTIONS = 30_000
N_QUERIES = 2_000
N_BASELINE = 300  # the baseline is slow; it is timed on the first N_BASELINE queries
SEED = 20261128

PATTERNS = [
    "University of {p}", "{p} University", "{p} Institute of Technology", "{p} University of Technology",
    "{p} Medical University", "{p} University of Education", "{p} College of Arts", "{p} State University",
    "{p} Women's University", "{p} University of Foreign Studies", "{p} Prefectural University",
    "{p} City University", "{p} Polytechnic", "{p} School of Economics", "Saint {p} College",
    "{p} Institute of Science and Technology", "{p} {q} University", "{p} International University",
]  # fmt: skip
ABBREV = {
    "University": ["Univ.", "Uni", "U."], "Institute": ["Inst."], "Technology": ["Tech."],
    "College": ["Coll."], "International": ["Intl."], "Science": ["Sci."], "Saint": ["St."],
}  # fmt: skip
COUNTRIES = ["JP", "GB", "US", "DE", "FR", "CN", "KR", "IN", "AU", "NZ", "PH", "BR", "MX", "NG", "KE", "EG"]


def place_names(rng: random.Random, n: int) -> list[str]:
    syllables = [c + v for c in "bdfghjkmnprstvwyz" for v in "aeiou"]
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize())
    return sorted(out)


def make_institutions(rng: random.Random) -> list[Institution]:
    places = place_names(rng, N_INSTITUTIONS // 2)
    names: set[str] = set()
    out = []
    while len(out) < N_INSTITUTIONS:
        pattern = rng.choice(PATTERNS)
        name = pattern.format(p=rng.choice(places), q=rng.choice(places))
        if name in names:
            continue
        names.add(name)
        cc = rng.choice(COUNTRIES)
        out.append(
            Institution(
                id=f"{cc.lower()}/synthetic-{len(out)}", country=cc, names={"en": name}, official_lang="en"
            )
        )
    return out


def typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    op = rng.choice("dsti")
    if op == "d":
        return word[:i] + word[i + 1 :]
    if op == "s":
        return word[:i] + rng.choice(string.ascii_lowercase) + word[i + 1 :]
    if op == "t":
        return word[: i - 1] + word[i] + word[i - 1] + word[i + 1 :]
    return word[:i] + rng.choice(string.ascii_lowercase) + word[i:]


def noisy(rng: random.Random, name: str) -> str:
    words = name.split()
    for op in rng.sample(["typo", "abbrev", "order", "punct", "drop", "the", "case"], k=rng.randint(1, 3)):
        if op == "typo":
            j = rng.randrange(len(words))
            words[j] = typo(rng, words[j])
        elif op == "abbrev":
            words = [rng.choice(ABBREV[w]) if w in ABBREV and rng.random() < 0.7 else w for w in words]
        elif op == "order":
            if words[:2] == ["University", "of"]:
                words = [*words[2:], "University"]
            else:
                rng.shuffle(words)
        elif op == "punct":
            words = [w + rng.choice([",", ".", "", "-"]) if rng.random() < 0.3 else w for w in words]
        elif op == "drop":
            droppable = [
                j
                for j, w in enumerate(words)
                if w.lower() in {"of", "and", "the", "technology", "university"}
            ]
            if droppable and len(words) > 2:
                del words[rng.choice(droppable)]
        elif op == "the":
            words = ["The", *words]
        elif op == "case":
            words = [w.lower() if rng.random() < 0.5 else w.upper() for w in words]
    return " ".join(words)


def main() -> None:
    rng = random.Random(SEED)
    t0 = time.perf_counter()
    institutions = make_institutions(rng)
    truth_idx = [rng.randrange(len(institutions)) for _ in range(N_QUERIES)]
    queries = [noisy(rng, institutions[i].names["en"]) for i in truth_idx]
    print(
        f"synthetic data: {len(institutions):,} institutions, {len(queries):,} noisy queries ({time.perf_counter() - t0:.1f} s)"
    )

    t0 = time.perf_counter()
    matcher = Matcher(institutions)
    build = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    results = matcher.match_many(queries)
    qb_time, qb_cpu = time.perf_counter() - t0, time.process_time() - c0
    top1 = [
        bool(r.candidates) and r.candidates[0].id == institutions[i].id
        for r, i in zip(results, truth_idx, strict=True)
    ]
    chosen = sum(r.best is not None for r in results)
    chosen_right = sum(
        r.best is not None and r.best.id == institutions[i].id
        for r, i in zip(results, truth_idx, strict=True)
    )
    ambiguous = sum(r.ambiguous for r in results)

    names = [inst.names["en"] for inst in institutions]
    sub = queries[:N_BASELINE]
    t0, c0 = time.perf_counter(), time.process_time()
    base = [process.extractOne(q, names, scorer=fuzz.WRatio, processor=utils.default_process) for q in sub]
    base_time, base_cpu = time.perf_counter() - t0, time.process_time() - c0
    base_top1 = [b is not None and b[2] == i for b, i in zip(base, truth_idx[:N_BASELINE], strict=True)]

    print(f"qualbridge matcher: index built in {build:.1f} s")
    print("matches/s: wall clock, and per CPU second (the machine may be shared)")
    print(f"{'':28}{'matches/s':>12}{'per CPU-s':>12}{'top-1 accuracy':>16}{'queries':>10}")
    print(
        f"{'qualbridge Matcher':28}{len(queries) / qb_time:>12,.0f}{len(queries) / qb_cpu:>12,.0f}"
        f"{sum(top1) / len(top1):>16.1%}{len(queries):>10,}"
    )
    print(
        f"{'  same on baseline subset':28}{'':>24}{sum(top1[:N_BASELINE]) / N_BASELINE:>16.1%}{N_BASELINE:>10,}"
    )
    print(
        f"{'rapidfuzz extractOne WRatio':28}{N_BASELINE / base_time:>12,.0f}{N_BASELINE / base_cpu:>12,.0f}"
        f"{sum(base_top1) / N_BASELINE:>16.1%}{N_BASELINE:>10,}"
    )
    print(f"speed ratio qualbridge / baseline: {(len(queries) / qb_time) / (N_BASELINE / base_time):.0f}x")
    print(
        f"qualbridge chose a best match for {chosen / len(results):.1%} of queries "
        f"({chosen_right / max(chosen, 1):.1%} of them right); {ambiguous / len(results):.1%} flagged ambiguous"
    )


if __name__ == "__main__":
    main()
