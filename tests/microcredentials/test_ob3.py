"""Open Badges 3.0: an exported micro-credential validates against 1EdTech's schema (read from
../shared/specs) and imports back to the same content; foreign and broken documents are refused with the
JSON path of the offending field."""

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from qualbridge.interop import ob3
from qualbridge.microcredentials.model import from_mapping
from qualbridge.microcredentials.sample import load_sample

SCHEMA = Path(__file__).resolve().parents[2] / ".." / "shared" / "specs" / "openbadges-3.0"
SCHEMA_FILE = SCHEMA / "ob_v3p0_achievementcredential_schema.json"

FULL = from_mapping(
    {
        "id": "test-site-safety",
        "title": "Test micro-credential in site safety",
        "provider": "A provider",
        "country": "NZ",
        "credits": 10,
        "credit_system": "nz-credit",
        "level": "nz-nzqcf:4",
        "outcomes": ["Identify hazards on a site", "Write a safety plan"],
        "assessment": "practical",
        "participation": "blended",
        "quality_assurance": "NZQA approval",
        "review_date": "2030-01-01",
        "stacks_toward": ["ie/higher-diploma"],
    }
)


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft201909Validator(schema)


def _errors(validator, doc):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


@pytest.mark.parametrize("mc", [FULL, *load_sample().values()], ids=lambda m: m.id)
def test_export_validates_and_round_trips(validator, mc):
    doc = ob3.export_micro_credential(mc)
    assert _errors(validator, doc) == []
    assert ob3.detects(doc)
    back = ob3.import_document(json.loads(json.dumps(doc)))
    same = {k: v for k, v in back.as_json().items() if k not in ("source_url", "consulted", "verified")}
    want = {k: v for k, v in mc.as_json().items() if k not in ("source_url", "consulted", "verified")}
    assert same == want


def test_schema_catches_what_qualbridge_would_miss(validator):
    """The validator is live: a credential without validFrom fails it."""
    doc = ob3.export_micro_credential(FULL)
    del doc["validFrom"]
    assert _errors(validator, doc)


def _broken(change):
    doc = ob3.export_micro_credential(FULL)
    change(doc)
    return doc


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.__setitem__("type", ["VerifiableCredential"]), "type"),
        (lambda d: d.pop("credentialSubject"), "credentialSubject"),
        (lambda d: d["credentialSubject"].pop("achievement"), "credentialSubject.achievement"),
        (lambda d: d["credentialSubject"]["achievement"].pop("name"), "credentialSubject.achievement.name"),
        (
            lambda d: d["credentialSubject"]["achievement"]["alignment"][0].__setitem__(
                "targetUrl", "not a uri"
            ),
            "credentialSubject.achievement.alignment[0].targetUrl",
        ),
        (
            lambda d: d["credentialSubject"]["achievement"].__setitem__("creditsAvailable", "ten"),
            "credentialSubject.achievement.creditsAvailable",
        ),
        (
            lambda d: d["credentialSubject"]["achievement"]["alignment"][2].pop("targetName"),
            "credentialSubject.achievement.alignment[2].targetName",
        ),
    ],
)
def test_refused_documents_name_the_path(change, path):
    with pytest.raises(ob3.InvalidDocument) as err:
        ob3.import_document(_broken(change))
    assert err.value.path == path
    assert path in str(err.value)


def test_eqf_aligned_badge_from_elsewhere_is_read():
    """A badge from another issuer aligned to an EQF level URI, without qualbridge's own terms."""
    doc = ob3.export_micro_credential(FULL)
    ach = doc["credentialSubject"]["achievement"]
    ach["alignment"] = [
        {"type": ["Alignment"], "targetName": "EQF level 5", "targetUrl": "http://data.europa.eu/snb/eqf/5"}
    ]
    ach["tag"] = []
    ach["creator"]["address"]["addressCountry"] = "IE"
    mc = ob3.import_document(copy.deepcopy(doc))
    assert mc.level == "eu-eqf:5"
    assert mc.credit_system == "ects" and not mc.verified  # an assumed system is never marked verified


def test_statement_exports_as_valid_open_badge(validator):
    statement = {
        "id": "urn:uuid:0b8e3a57-3f00-4c6b-9d66-3f4cbb6c1a10",
        "issuer": "did:web:nic.example",
        "validFrom": "2026-12-03T00:00:00Z",
        "credentialSubject": {
            "qualification": {"qualificationType": "nz/bachelor"},
            "decision": {
                "outcome": "full",
                "names": {"en": "Full recognition"},
                "comparableLevel": ["jp-jeqf:6"],
                "reasons": ["Comparable level."],
                "purpose": "further-study",
                "decidingBody": "jp-nic",
            },
        },
    }
    doc = ob3.export_statement(statement)
    assert _errors(validator, doc) == []
    assert doc["credentialSubject"]["achievement"]["alignment"][0]["targetCode"] == "jp-jeqf:6"
