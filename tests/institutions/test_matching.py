"""Matching behaviour a user depends on: names in any script and form find the institution;
close calls are reported as ambiguous, never decided silently; mills are flagged."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qualbridge.errors import UnknownCountry
from qualbridge.institutions.matcher import MARGIN, Matcher
from qualbridge.institutions.models import Institution
from qualbridge.institutions.normalise import key


@pytest.mark.parametrize(
    "query",
    ["Univ. of Tokyo", "東京大学", "Tokyo Daigaku", "Tōkyō Daigaku", "The University of Tokyo", "tokyo univ"],
)
def test_forms_of_one_name_find_the_university_of_tokyo(shipped, query):
    result = shipped.match(query)
    assert result.best is not None, result.to_dict()
    assert result.best.official_name == "東京大学"
    assert result.best.id == result.candidates[0].id


def test_country_restricts_candidates(shipped):
    result = shipped.match("University", country="JP", limit=10)
    assert result.candidates
    assert {c.country for c in result.candidates} == {"JP"}


def test_a_bare_city_name_is_ambiguous_and_nothing_is_chosen(shipped):
    result = shipped.match("Tokyo", country="JP")
    assert result.ambiguous
    assert result.best is None
    assert len(result.candidates) >= 2
    assert result.candidates[0].score - result.candidates[1].score < MARGIN


def test_two_institutions_with_the_same_name_are_both_shown():
    same = [
        Institution(id="aa/x-1", country="US", names={"en": "Lincoln University"}, official_lang="en"),
        Institution(id="aa/x-2", country="NZ", names={"en": "Lincoln University"}, official_lang="en"),
    ]
    result = Matcher(same).match("Lincoln University")
    assert result.ambiguous and result.best is None
    assert {c.id for c in result.candidates} == {"aa/x-1", "aa/x-2"}
    assert Matcher(same).match("Lincoln University", country="NZ").best.id == "aa/x-2"


def test_a_mill_is_flagged_and_not_recognised(shipped):
    result = shipped.match("St Regis Univ.")
    assert result.best is not None
    assert result.best.is_mill
    assert result.best.recognition == "not-recognised"
    inst = shipped.get(result.best.id)
    assert inst.recognition.source in shipped.files["mills.yaml"].sources


def test_unknown_country_is_a_typed_error(shipped):
    with pytest.raises(UnknownCountry, match="XX"):
        shipped.match("Tokyo", country="XX")


def test_nonsense_finds_no_confident_match(shipped):
    result = shipped.match("zzqx wvvk")
    assert result.best is None


def test_match_many_equals_one_by_one(shipped):
    names = ["Hitotsubashi University", "一橋大学", "Chiba Univ"]
    assert [r.to_dict() for r in shipped.match_many(names)] == [shipped.match(n).to_dict() for n in names]


@given(st.permutations(["Tokyo", "University", "of", "Foreign", "Studies"]))
def test_word_order_does_not_change_the_key(words):
    assert key(" ".join(words)) == key("Tokyo University of Foreign Studies")


@pytest.mark.parametrize(
    ("a", "b"), [("Kyōto", "Kyouto"), ("Ōsaka", "Oosaka"), ("Tōhoku", "Tohoku"), ("Keiō", "Keiou")]
)
def test_long_vowel_spellings_share_a_key(a, b):
    assert key(a) == key(b)
