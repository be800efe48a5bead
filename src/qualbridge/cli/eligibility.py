"""``qualbridge eligibility``: admission eligibility (入学資格) under Japanese law for a foreign qualification.

    qualbridge eligibility kr/godeunghakgyo-joreop --for jp-university
    qualbridge eligibility "IB Diploma" --for jp-university --json
    qualbridge eligibility gb/master --for jp-doctoral
    qualbridge eligibility "Attestat" --country kz --years 11 --for jp-university

The answer (eligible, conditional, not-eligible or individual-assessment) always names the legal basis,
the years of schooling counted and the sources; an unknown qualification, country or target exits 2.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from qualbridge.cli.output import console, print_json
from qualbridge.eligibility.answer import Eligibility, check_eligibility
from qualbridge.eligibility.policy import load_policy
from qualbridge.registry.loader import get_registry

_STYLE = {
    "eligible": "green",
    "conditional": "yellow",
    "not-eligible": "red",
    "individual-assessment": "cyan",
}


def _print(result: Eligibility) -> None:
    data = result.as_json()
    names = " · ".join(v for k, v in result.names.items() if k in ("ja", "ja-Latn", "en"))
    console.print(Text(f"{result.type_id or result.query}  {names}", style="bold"))
    console.print(
        Text(
            f"for {result.target}  {result.target_names.get('ja', '')} / {result.target_names.get('en', '')}"
        )
    )
    console.print()
    console.print(Text("Outcome      ") + Text(data["outcome"], style=_STYLE[data["outcome"]]))
    rule = data["rule"]
    if rule:
        console.print(Text(f"Basis        {rule['basis'].get('ja', '')}"))
        console.print(Text(f"             {rule['basis'].get('en', '')}"))
        if not rule["verified"]:
            console.print(
                Text(f"             (not verified against its source: {rule['note'] or ''})", style="yellow")
            )
        if rule["designation"]:
            d = rule["designation"]
            console.print(
                Text(f"Designated   {d['names'].get('en', d['id'])} {d['designated'] or ''}".rstrip())
            )
    years = data["years_of_schooling"]
    if years["min"] is None:
        counted = "not recorded"
    elif years["min"] == years["max"]:
        counted = f"{years['min']}"
    else:
        counted = f"{years['min']}–{years['max']} (a range)"
    doubt = "" if years["verified"] or years["min"] is None else ", unverified"
    console.print(Text(f"Years        {counted} ({years['source']}{doubt})"))
    for condition in data["conditions"]:
        console.print(Text(f"Condition    {condition['text'].get('en', '')}"))
        console.print(Text(f"             {condition['text'].get('ja', '')}"))
    console.print()
    console.print(Text(data["summary"]["en"]))
    console.print(Text(data["summary"]["ja"]))
    console.print()
    for source in data["sources"]:
        console.print(Text(f"Source       {source['title']} — {source['url']}"))


def register(app: typer.Typer) -> None:
    @app.command("eligibility")
    def eligibility_command(
        qualification: Annotated[str, typer.Argument(help="A type id (kr/godeunghakgyo-joreop) or a name.")],
        target: Annotated[
            str,
            typer.Option(
                "--for",
                help="jp-university, jp-kosen-transfer, jp-masters, jp-doctoral or jp-doctoral-medicine.",
            ),
        ],
        country: Annotated[
            str | None, typer.Option("--country", help="Country of the qualification (ISO code).")
        ] = None,
        years: Annotated[
            int | None, typer.Option("--years", help="Years of schooling completed, as the transcript shows.")
        ] = None,
        json_out: Annotated[
            bool, typer.Option("--json", help="Print the answer as one JSON object.")
        ] = False,
    ) -> None:
        """Admission eligibility (入学資格) under Japanese law, with its legal basis, years counted and sources."""
        load_policy()
        result = check_eligibility(get_registry(), qualification, target, country=country, years=years)
        if json_out:
            print_json(result.as_json())
        else:
            _print(result)
