"""Entry point of the ``qualbridge`` command.

Each command group lives in its own module and exposes ``app``; this module mounts them and turns
every :class:`~qualbridge.errors.QualbridgeError` into a one-line message and exit status 2.
"""

from __future__ import annotations

import importlib
import sys

import typer
from rich.console import Console
from rich.text import Text

from qualbridge.errors import QualbridgeError
from qualbridge.registry.loader import DataError

app = typer.Typer(
    name="qualbridge",
    help="Qualifications frameworks, comparisons, grade and credit conversion, credential evaluation.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Qualifications frameworks, comparisons, grade and credit conversion, credential evaluation."""
    # a callback keeps ``qualbridge`` a group even when only one command is mounted (see _mount)


#: (module under qualbridge.cli, command group name; None for a single command named like its module)
GROUPS = [
    ("frameworks", "frameworks"),
    ("qualifications", "qualifications"),
    ("data", "data"),
    ("compare", None),
    ("grades", "grades"),
    ("credits", "credits"),
    ("transcript", "transcript"),
    ("institutions", "institutions"),
    ("keys", "keys"),
    ("evaluate", None),
    ("statements", "statements"),
    ("serve", None),
    ("audit", "audit"),  # h11ops: offline check of signed audit checkpoints
    ("eligibility", None),  # h13: admission eligibility (issue 13)
    # h15: operations
    ("backup", None),
    ("restore", None),
    ("countries", "countries"),  # country profiles (issue 18)
    ("referencing", "referencing"),  # h19: the referencing assistant (issue 19)
]


def _mount(argv: list[str]) -> None:
    """Mount the command groups; only the one named on the command line when there is one.

    Each group imports its part of the core (the signing stack, the institution matcher, the PDF
    renderer ...); importing them all would make every command take a second to start.
    """
    wanted = argv[1] if len(argv) > 1 else None
    known = {group or module for module, group in GROUPS}
    for module_name, group in GROUPS:
        if wanted in known and (group or module_name) != wanted:
            continue
        module = importlib.import_module(f"qualbridge.cli.{module_name}")
        if group is None:
            module.register(app)
        else:
            app.add_typer(module.app, name=group)


_mount(sys.argv)

err_console = Console(stderr=True)


def run() -> None:
    """Run the CLI; a user error prints its message and exits 2, never a traceback."""
    try:
        # without standalone mode click returns a command's ``typer.Exit(code)`` instead of exiting
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except QualbridgeError as exc:
        err_console.print("[bold red]error:[/]", Text(str(exc)), highlight=False, soft_wrap=True, emoji=False)
        sys.exit(2)
    except DataError as exc:
        err_console.print("[bold red]The data files do not load:[/]", highlight=False)
        for problem in exc.problems:
            err_console.print(Text(f"  {problem}"), highlight=False, soft_wrap=True, emoji=False)
        err_console.print("Run `qualbridge data check` for the full report.")
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err_console.print("Aborted.")
        sys.exit(1)
    except Exception as exc:  # click usage errors
        import click

        click_errors: tuple[type[Exception], ...] = (click.ClickException,)
        try:  # typer >= 0.20 vendors click as typer._click
            from typer._click.exceptions import ClickException as TyperClickException

            click_errors += (TyperClickException,)
        except ImportError:
            pass
        if isinstance(exc, click_errors):
            exc.show()  # type: ignore[attr-defined]
            sys.exit(2)
        raise
