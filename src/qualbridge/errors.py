"""Typed errors shared by every layer.

Every error names the bad value and what would be valid, so the CLI can print it and exit 2 and the
API can turn it into an RFC 9457 problem document without a traceback ever reaching a user.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any


class QualbridgeError(ValueError):
    """Base class: a user-facing problem with the input (never a bug)."""

    #: short machine-readable slug used as the problem ``type`` in the API
    code = "invalid-input"

    def __init_subclass__(cls, *, code: str | None = None, kind: str | None = None, **kwargs: Any) -> None:
        """A subclass names its ``code`` (and an :class:`UnknownId` its ``kind``) in its class line, so a
        family of errors that differ only in these reads as one line each."""
        super().__init_subclass__(**kwargs)
        if code is not None:
            cls.code = code
        if kind is not None:
            cls.kind = kind  # type: ignore[attr-defined]

    def __init__(self, message: str, *, suggestions: Iterable[str] = ()) -> None:
        self.suggestions = list(suggestions)
        if self.suggestions:
            message = f"{message} Did you mean: {', '.join(self.suggestions)}?"
        super().__init__(message)


def closest(value: str, candidates: Iterable[str], n: int = 5) -> list[str]:
    """The candidates closest to ``value`` by spelling, best first.

    >>> closest("jp-jqef", ["jp-jeqf", "eu-eqf", "au-aqf"], n=1)
    ['jp-jeqf']
    """
    pool = list(candidates)
    found = difflib.get_close_matches(value.lower(), pool, n=n, cutoff=0.4)
    if not found:
        found = [c for c in pool if value.lower() in c.lower()][:n]
    return found


class UnknownId(QualbridgeError):
    """An identifier that names nothing in the registry."""

    code = "unknown-id"
    kind = "identifier"

    def __init__(self, value: str, candidates: Iterable[str] = ()) -> None:
        self.value = value
        pool = sorted(dict.fromkeys(candidates))
        suggestions = closest(value, pool) if value.strip() else []
        message = f"Unknown {self.kind} {value!r}."
        if not suggestions and 0 < len(pool) <= 80:  # nothing close: name every valid value
            message += f" Valid: {', '.join(pool)}."
        super().__init__(message, suggestions=suggestions)


class UnknownFramework(UnknownId, code="unknown-framework", kind="framework"):
    """A framework id the registry does not hold."""


class UnknownLevel(UnknownId, code="unknown-level", kind="level"):
    """A level id that is not a level of any framework in the registry."""


class UnknownQualification(UnknownId, code="unknown-qualification", kind="qualification type"):
    """A qualification-type id the registry does not hold."""


class UnknownCountry(UnknownId, code="unknown-country", kind="country"):
    """A country code the data has nothing for."""


class UnknownScale(UnknownId, code="unknown-scale", kind="grading scale"):
    """A grading-scale id no scale file declares."""


class UnknownCreditSystem(UnknownId, code="unknown-credit-system", kind="credit system"):
    """A credit-system id no credit-system file declares."""


class AmbiguousQualification(QualbridgeError, code="ambiguous-qualification"):
    """A name that matches several qualification types equally well: never pick one silently."""

    def __init__(self, query: str, candidates: list[tuple[str, str]]) -> None:
        self.query = query
        self.candidates = candidates
        listed = "; ".join(f"{cid} ({name})" for cid, name in candidates)
        super().__init__(
            f"{query!r} matches several qualification types equally: {listed}. Give one id, or the country."
        )


class NoMatch(QualbridgeError, code="no-match"):
    """A free-text name that matches no qualification type."""


class InvalidGrade(QualbridgeError, code="invalid-grade"):
    """A grade its scale does not have, or grade shares (a distribution) that cannot be used."""


class InvalidCredits(QualbridgeError, code="invalid-credits"):
    """An amount of credit that is not a usable number, or a conversion its systems cannot make."""


class InvalidCaseFile(QualbridgeError, code="invalid-case-file"):
    """A case or policy file that cannot be read as one."""


class CaseFieldError(InvalidCaseFile, code="invalid-case-field"):
    """One field of a case file is missing or wrong; the message starts with its path."""

    def __init__(self, field: str, message: str, *, suggestions: Iterable[str] = ()) -> None:
        self.field = field
        super().__init__(f"{field}: {message}", suggestions=suggestions)


class UnknownPolicy(UnknownId, code="unknown-policy", kind="recognition policy"):
    """A recognition-policy id no policy file declares."""
