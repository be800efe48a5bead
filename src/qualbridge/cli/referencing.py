"""``qualbridge referencing``: the referencing assistant (see :mod:`qualbridge.referencing`).

    qualbridge referencing suggest de-dqr --to eu-eqf [--semantic] [--json] [--svg dqr.svg]
    qualbridge referencing evaluate [--semantic] [--json]
    qualbridge referencing outcomes eu-eqf:6 --outcomes outcomes.txt [--json]

``suggest`` drafts a referencing from descriptors; ``evaluate`` measures the assistant against every
decision in the data beside a proportional baseline; ``outcomes`` compares a programme's stated
learning outcomes with the descriptors of a home level or qualification type.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from qualbridge.cli.output import console, print_json, print_table, write_svg
from qualbridge.errors import QualbridgeError
from qualbridge.referencing.model import to_json
from qualbridge.registry.loader import Registry, get_registry

app = typer.Typer(
    help="Suggest a referencing from level descriptors; measure it; check learning outcomes.",
    no_args_is_help=True,
)

SEMANTIC = typer.Option(
    "--semantic", help="Sentence embeddings (all-MiniLM-L6-v2, offline) instead of TF-IDF."
)
JSON = typer.Option("--json", help="Print JSON.")


def _registry() -> Registry:
    """The registry the commands use (a seam for tests)."""
    return get_registry()


def _cut(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


@app.command("suggest")
def suggest_cmd(
    framework: Annotated[str, typer.Argument(help="Framework id with level descriptors, e.g. de-dqr.")],
    to: Annotated[str, typer.Option("--to", help="Reference framework id, e.g. eu-eqf.")],
    semantic: Annotated[bool, SEMANTIC] = False,
    json: Annotated[bool, JSON] = False,
    svg: Annotated[
        Path | None, typer.Option("--svg", help="Write the picture of the suggestion here.")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of the descriptors compared.")] = "en",
) -> None:
    """Suggest how FRAMEWORK's levels correspond to the reference framework's, from descriptors only."""
    from qualbridge.referencing import described, suggest
    from qualbridge.referencing.picture import render

    registry = _registry()
    src_fw, ref_fw = registry.framework(framework), registry.framework(to)
    if src_fw.id == ref_fw.id:
        raise QualbridgeError(f"--to {to!r} is the framework itself; name another reference framework.")
    result = suggest(described(src_fw, lang), described(ref_fw, lang), semantic=semantic)
    if svg is not None:
        write_svg(svg, render(result, [lv.notation for lv in ref_fw.levels]))
    if json:
        print_json(to_json(result))
        return
    rows = []
    for lv in result.levels:
        phrase = lv.phrases[0] if lv.phrases else None
        rows.append(
            (
                lv.notation,
                ", ".join(lv.targets),
                f"{lv.similarity:.2f} {lv.strength}",
                f"{_cut(phrase.source)} ≈ {_cut(phrase.target)}" if phrase else "",
                " ".join(w.text("en") for w in lv.warnings),
            )
        )
    print_table(
        f"{src_fw.id} → {ref_fw.id} ({result.method})",
        ("level", "suggested", "strength", "phrases that drove it", "warnings"),
        rows,
    )
    for caveat in result.caveats:
        console.print(caveat.text("en"), highlight=False)


@app.command("evaluate")
def evaluate_cmd(semantic: Annotated[bool, SEMANTIC] = False, json: Annotated[bool, JSON] = False) -> None:
    """Hide each decision in the data, suggest, compare: exact agreement and mean error beside a baseline."""
    from qualbridge.referencing.evaluate import evaluate

    registry = _registry()
    with Progress(console=console, transient=True, disable=json) as bar:
        task = bar.add_task("frameworks", total=len(registry.alignments))
        result = evaluate(registry, semantic=semantic, progress=lambda _id: bar.advance(task))
    if json:
        print_json(to_json(result))
        return
    print_table(
        f"Referencing assistant ({result.method}) against the decisions in the data",
        ("alignment", "kind", "levels", "exact", "mean error", "baseline exact", "baseline error", "better"),
        (
            (
                fr.alignment,
                fr.kind,
                str(fr.assistant.rows),
                f"{fr.assistant.exact_agreement:.0%}",
                f"{fr.assistant.mae:.2f}",
                f"{fr.baseline.exact_agreement:.0%}",
                f"{fr.baseline.mae:.2f}",
                "yes" if fr.beats_baseline else "no",
            )
            for fr in result.frameworks
        ),
    )
    o, b = result.overall, result.baseline
    console.print(
        f"{len(result.frameworks)} alignments, {o.rows} levels: exact agreement {o.exact_agreement:.1%}, "
        f"mean absolute error {o.mae:.2f}; baseline {b.exact_agreement:.1%}, {b.mae:.2f}.",
        highlight=False,
    )
    ov, bv = result.overall_verified, result.baseline_verified
    console.print(
        f"On the {ov.rows} rows the data marks verified: {ov.exact_agreement:.1%} (baseline {bv.exact_agreement:.1%}).",
        highlight=False,
    )


@app.command("outcomes")
def outcomes_cmd(
    target: Annotated[
        str, typer.Argument(help="Home level id (eu-eqf:6) or qualification type id (jp/gakushi).")
    ],
    outcomes: Annotated[
        Path, typer.Option("--outcomes", help="Text file: one stated learning outcome per line.")
    ],
    semantic: Annotated[bool, SEMANTIC] = False,
    json: Annotated[bool, JSON] = False,
) -> None:
    """Which descriptor statements of a home level the programme's stated learning outcomes cover."""
    from qualbridge.referencing.outcomes import coverage

    if not outcomes.is_file():
        raise QualbridgeError(f"--outcomes {str(outcomes)!r} is not a readable file (one outcome per line).")
    lines = outcomes.read_text(encoding="utf-8").splitlines()
    result = coverage(_registry(), target, lines, semantic=semantic)
    if json:
        print_json(to_json(result))
        return
    print_table(
        result.summary.text("en"),
        ("domain", "descriptor statement", "covered by"),
        ((s.domain, s.text, s.by or "— not covered —") for s in result.statements),
    )
