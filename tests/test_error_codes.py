"""The error codes are the API's problem ``type`` slugs and the CLI's machine-readable errors: clients
key on them, so declaring them in the class line must give every class exactly the code it had."""

from __future__ import annotations

import pytest

from qualbridge import errors
from qualbridge.statements import errors as statement_errors

CODES = {
    errors.QualbridgeError: ("invalid-input", None),
    errors.UnknownId: ("unknown-id", "identifier"),
    errors.UnknownFramework: ("unknown-framework", "framework"),
    errors.UnknownLevel: ("unknown-level", "level"),
    errors.UnknownQualification: ("unknown-qualification", "qualification type"),
    errors.UnknownCountry: ("unknown-country", "country"),
    errors.UnknownScale: ("unknown-scale", "grading scale"),
    errors.UnknownCreditSystem: ("unknown-credit-system", "credit system"),
    errors.UnknownPolicy: ("unknown-policy", "recognition policy"),
    errors.AmbiguousQualification: ("ambiguous-qualification", None),
    errors.NoMatch: ("no-match", None),
    errors.InvalidGrade: ("invalid-grade", None),
    errors.InvalidCredits: ("invalid-credits", None),
    errors.InvalidCaseFile: ("invalid-case-file", None),
    errors.CaseFieldError: ("invalid-case-field", None),
    statement_errors.InvalidKey: ("invalid-key", None),
    statement_errors.UnknownContext: ("unknown-context", None),
    statement_errors.UnresolvableKey: ("unresolvable-key", None),
    statement_errors.InvalidCredential: ("invalid-credential", None),
    statement_errors.UndefinedTerms: ("undefined-terms", None),
    statement_errors.InvalidStatusList: ("invalid-status-list", None),
    statement_errors.InvalidTrustList: ("invalid-trust-list", None),
}


@pytest.mark.parametrize("cls", CODES, ids=lambda c: c.__name__)
def test_each_error_keeps_its_code_and_kind(cls: type[errors.QualbridgeError]) -> None:
    code, kind = CODES[cls]
    assert cls.code == code
    assert getattr(cls, "kind", None) == kind


def test_an_unknown_id_names_its_kind_and_the_valid_values() -> None:
    with pytest.raises(errors.UnknownScale) as caught:
        raise errors.UnknownScale("zz-none", ["jp-gpa", "de-note"])
    assert str(caught.value).startswith("Unknown grading scale 'zz-none'.")
    assert caught.value.code == "unknown-scale"


def test_a_subclass_without_a_code_keeps_its_parents() -> None:
    class Later(errors.InvalidCaseFile):
        pass

    assert Later.code == "invalid-case-file"
