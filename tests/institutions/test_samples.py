"""The country samples outside Japan: enough countries, and every verified fact cites a source it was read in.

A sample's file cites its register even where the register could not be read; such an entry's note
starts with "Not read", and no fact marked verified may rest on it. The rows an evaluator can rely on
are those whose recognition is verified, so each country needs at least three of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest

from qualbridge.institutions.loader import DATA_DIR, data_files, load_file
from qualbridge.institutions.models import Institution, InstitutionFile, RecognitionStatus
from qualbridge.registry.base import Fact

#: the formats of the identifier schemes the samples use, as their issuers define them
ID_FORMATS = {
    "ukprn": r"1\d{7}",  # UK Provider Reference Number: 8 digits starting with 1
    "cricos": r"\d{5}[A-Z]",  # CRICOS provider code, e.g. 00102E
    "cn-moe": r"41\d{8}",  # 学校标识码 of the MoE list: 10 digits starting with 41
}


def sample_files() -> list[tuple[str, InstitutionFile]]:
    files = [(p.name, load_file(p)) for p in data_files(DATA_DIR)]
    return [(name, f) for name, f in files if f.country not in (None, "JP")]


def facts(f: InstitutionFile) -> Iterator[tuple[Institution, str, Fact]]:
    for inst in f.institutions:
        yield inst, "institution", inst
        yield inst, "recognition", inst.recognition


def test_at_least_ten_countries_besides_japan_have_three_institutions_each():
    per_country = Counter(i.country for _, f in sample_files() for i in f.institutions)
    countries = sorted(c for c, n in per_country.items() if n >= 3)
    assert len(countries) >= 10, per_country


def test_each_sample_country_has_three_institutions_with_verified_recognition():
    verified = Counter(i.country for _, f in sample_files() for i in f.institutions if i.recognition.verified)
    short = {f.country: verified[f.country] for _, f in sample_files() if verified[f.country] < 3}
    assert short == {}


def test_sample_files_are_one_country_each():
    for name, f in sample_files():
        assert {i.country for i in f.institutions} == {f.country}, name


@pytest.mark.parametrize("name,f", sample_files(), ids=lambda x: x if isinstance(x, str) else "")
def test_verified_facts_cite_a_source_of_their_file_that_was_read(name: str, f: InstitutionFile):
    for inst, what, fact in facts(f):
        if not fact.verified:
            continue
        key = fact.source or f.source
        assert key in f.sources, (name, inst.id, what, key)
        note = f.sources[key].note or ""
        assert not note.startswith("Not read"), (name, inst.id, what, key)


@pytest.mark.parametrize("name,f", sample_files(), ids=lambda x: x if isinstance(x, str) else "")
def test_unverified_facts_say_why(name: str, f: InstitutionFile):
    for inst, what, fact in facts(f):
        if not fact.verified:
            assert fact.note and fact.note.strip(), (name, inst.id, what)


def test_verified_recognitions_name_the_body_that_says_so():
    for _, f in sample_files():
        for inst in f.institutions:
            rec = inst.recognition
            if rec.verified:
                assert rec.status is not RecognitionStatus.UNKNOWN, inst.id
                assert any(v.strip() for v in rec.body.values()), inst.id


def test_identifiers_have_their_scheme_format():
    seen = 0
    for _, f in sample_files():
        for inst in f.institutions:
            for scheme, value in inst.identifiers.items():
                assert scheme in ID_FORMATS, (inst.id, scheme)
                assert re.fullmatch(ID_FORMATS[scheme], value), (inst.id, scheme, value)
                seen += 1
    assert seen >= 3
