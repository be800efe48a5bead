"""Importers validate every row and report bad ones with their line numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualbridge.institutions.importers import InvalidInstitutionFile, read_csv, read_deqar_json, read_file

HEADER = "country,name,lang,name_en,acronyms,recognition,identifiers\n"


def test_csv_good_rows_are_read_and_bad_rows_reported_by_line():
    text = (
        HEADER
        + "JP,京都大学,ja,Kyoto University,,recognised,mext=F126110107407\n"  # line 2
        + "XX,Nowhere University,en,,,recognised,\n"  # line 3: bad country
        + "GB,University College London,en,,UCL,maybe,\n"  # line 4: bad recognition
        + "GB,,en,,,,\n"  # line 5: no name
        + "US,Example College,en,,,unknown,whed\n"  # line 6: identifier without '='
    )
    result = read_csv(text)
    assert [i.names["en"] for i in result.institutions] == ["Kyoto University"]
    kyoto = result.institutions[0]
    assert kyoto.id == "jp/kyoto-daigaku" and kyoto.romanisation_generated
    assert kyoto.identifiers == {"mext": "F126110107407"}
    by_line = {p.line: p for p in result.problems}
    assert sorted(by_line) == [3, 4, 5, 6]
    assert "XX" in by_line[3].message and by_line[3].field == "country"
    assert by_line[4].field == "recognition" and "not-recognised" in by_line[4].message
    assert by_line[5].field == "name"
    assert by_line[6].field == "identifiers"


def test_csv_unknown_column_is_rejected_with_the_valid_ones():
    result = read_csv("country,name,colour\nJP,東京大学,blue\n")
    assert not result.institutions
    assert result.problems[0].line == 1 and "colour" in result.problems[0].message


def test_csv_duplicate_id_names_the_first_line():
    result = read_csv("id,country,name\ngb/x,GB,X One\ngb/x,GB,X Two\n")
    assert len(result.institutions) == 1
    assert result.problems[0].line == 3 and "line 2" in result.problems[0].message


DEQAR = [
    {
        "id": 1234,
        "deqar_id": "DEQARINST1234",
        "name_primary": "Universität Beispielstadt",
        "website_link": "https://www.uni-beispiel.example/",
        "names_actual": [
            {
                "name_official": "Universität Beispielstadt",
                "name_english": "University of Beispielstadt",
                "acronym": "UBS",
                "alternative_names": [{"name": "Uni Beispielstadt"}],
            }
        ],
        "names_former": [{"name_official": "Hochschule Beispielstadt", "name_valid_to": "1999-12-31"}],
        "countries": [
            {"country": {"iso_3166_alpha2": "DE", "name_english": "Germany"}, "city": "Beispielstadt"}
        ],
        "identifiers": [{"identifier": "DE9999", "resource": "ETER"}],
    },
    {"id": 5, "name_primary": "No Country College", "countries": []},
]


def test_deqar_records_are_read_and_a_bad_one_reported_by_line():
    text = json.dumps({"count": 2, "results": DEQAR}, indent=2, ensure_ascii=False)
    result = read_deqar_json(text)
    assert len(result.institutions) == 1
    inst = result.institutions[0]
    assert inst.country == "DE"
    assert inst.names["en"] == "University of Beispielstadt"
    assert inst.identifiers == {"deqar": "DEQARINST1234", "eter": "DE9999"}
    assert inst.acronyms == ["UBS"] and "Uni Beispielstadt" in inst.aliases
    assert inst.former_names[0].name == "Hochschule Beispielstadt"
    assert inst.former_names[0].valid_to == "1999-12-31"
    [problem] = result.problems
    assert problem.field == "countries"
    bad_line = text.splitlines()[problem.line - 1]
    assert bad_line.strip() == "{", "the reported line is where the bad record starts"
    assert '"id": 5' in text.splitlines()[problem.line]


def test_deqar_syntax_error_gives_the_line():
    result = read_deqar_json('[\n  {"id": 1,\n  "countries": [}\n]')
    assert result.problems and result.problems[0].line == 3


def test_read_file_raises_nothing_but_reports(tmp_path: Path):
    path = tmp_path / "list.csv"
    path.write_text("country,name\nQQ,Bad\n", encoding="utf-8")
    result = read_file(path)
    assert result.problems[0].line == 2


def test_invalid_file_error_lists_lines():
    err = InvalidInstitutionFile("x.csv", read_csv("country,name\nQQ,Bad\nJP,\n").problems)
    assert "line 2" in str(err) and "line 3" in str(err)
    with pytest.raises(ValueError):
        raise err
