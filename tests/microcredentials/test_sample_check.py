"""`qualbridge data check` reads the micro-credential sample: a bad record is named by file and field."""

from __future__ import annotations

from pathlib import Path

from qualbridge.microcredentials.sample import SAMPLE_DIR, sample_problems

GOOD_ENTRY = """
  - id: test-one
    title: Test micro-credential
    provider: Test provider
    country: NZ
    credits: 5
    credit_system: nz-credit
    level: "nz-nzqcf:2"
"""


def test_the_shipped_sample_has_no_problem() -> None:
    assert list(SAMPLE_DIR.glob("*.yaml")), "the sample folder is empty"
    assert sample_problems() == []


def test_bad_records_are_named_by_file_and_field(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "sources:\n  list: {url: https://example.org/list, title: A list, consulted: 2026-12-03}\nsource: list\nmicro_credentials:"
        + GOOD_ENTRY
        + GOOD_ENTRY.replace('level: "nz-nzqcf:2"', 'level: "nz-nzqcf:99"')
        + GOOD_ENTRY.replace("credits: 5", "credits: -3").replace("test-one", "test-two"),
        encoding="utf-8",
    )
    (tmp_path / "nosource.yaml").write_text(
        "micro_credentials:" + GOOD_ENTRY.replace("test-one", "x"), encoding="utf-8"
    )
    found = {(p.file, p.field) for p in sample_problems(tmp_path)}
    assert ("microcredentials/bad.yaml", "micro_credentials[1].id") in found  # test-one twice
    assert ("microcredentials/bad.yaml", "micro_credentials[1].level") in found
    assert ("microcredentials/bad.yaml", "micro_credentials[2].credits") in found
    assert ("microcredentials/nosource.yaml", "sources") in found
    assert not any(p[1].startswith("micro_credentials[0]") for p in found)
