"""``qualbridge training``: the training cases evaluators work in a training office, with the country
of each and the sources its reference answer rests on (:mod:`qualbridge.training`)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from qualbridge.cli.output import console, print_json, print_table
from qualbridge.errors import QualbridgeError
from qualbridge.registry.training import TrainingCaseFile
from qualbridge.training.catalogue import get_training_case, training_cases

app = typer.Typer(help="Training cases with reference answers, for evaluators.", no_args_is_help=True)

LANGS = ("en", "ja")
JSON = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def summary(case: TrainingCaseFile) -> dict[str, Any]:
    """What ``training list --json`` prints for one case."""
    return {
        "id": case.id,
        "country": case.country,
        "title": case.title.model_dump(),
        "bases": sorted(b.value for b in case.bases()),
        "decision": case.reference.decision.outcome,
        "sources": [{"key": k, "url": s.url, "title": s.title} for k, s in case.sources.items()],
    }


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise QualbridgeError(f"Unknown language {lang!r}; valid: {', '.join(LANGS)}.")
    return lang


@app.command("list")
def list_cases(
    json: JSON = False,
    lang: Annotated[str, typer.Option("--lang", help="Language of the titles: en or ja.")] = "en",
) -> None:
    """Every training case with its country and the sources of its reference answer."""
    lang = _lang(lang)
    cases = training_cases()
    if json:
        print_json([summary(c) for c in cases])
        return
    countries = len({c.country for c in cases})
    print_table(
        f"{len(cases)} training cases, {countries} countries",
        ("id", "country", "title", "reference rests on", "sources"),
        (
            (
                c.id,
                c.country,
                getattr(c.title, lang),
                ", ".join(sorted(b.value for b in c.bases())),
                "\n".join(s.url for s in c.sources.values()),
            )
            for c in cases
        ),
    )


@app.command("show")
def show(
    case_id: Annotated[str, typer.Argument(metavar="ID", help="A training case id (see `training list`).")],
    json: JSON = False,
    lang: Annotated[str, typer.Option("--lang", help="Language: en or ja.")] = "en",
) -> None:
    """One training case: the scenario, the documents, and the reference answer element by element."""
    lang = _lang(lang)
    case = get_training_case(case_id)
    if json:
        print_json(case.model_dump(mode="json"))
        return
    console.print(f"[bold]{getattr(case.title, lang)}[/] ({case.country})")
    console.print(getattr(case.scenario, lang))
    for doc in case.documents:
        console.print(f"  document {doc.kind}: {getattr(doc.description, lang)}")
    rows = [
        (name, "yes" if e.substantial else "no", e.basis.value, getattr(e.reasons, lang))
        for name, e in case.reference.elements.items()
    ]
    decision = case.reference.decision
    rows.append(("decision", decision.outcome, decision.basis.value, getattr(decision.reasons, lang)))
    print_table("reference answer", ("element", "substantial difference", "basis", "reasons"), rows)
    for key, source in case.sources.items():
        console.print(f"  source {key}: {source.title} — {source.url} (consulted {source.consulted})")
