"""Convert MEXT's list of universities (as JSON from EJU-Express/University-info-of-Japan) to CSV.

MEXT publishes 全国大学一覧 as Excel workbooks; the EJU-Express project converts them to JSON
(``university/datas/r4-university-info.json``: one record per university with ``name``,
``name_eng``, ``type`` 国立/公立/私立 and ``mext_code``, the MEXT school code). This module turns
such records into rows of the CSV format of :mod:`qualbridge.institutions.importers`, so the
shipped ``jp.csv`` can be regenerated from the full file: ``python -m qualbridge.institutions.mext
r4-university-info.json > jp.csv``. Romanisations are generated (and marked so); English names
keep the source's wording with its capitalisation of "And"/"The"/"Of" lowered.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from qualbridge.institutions.importers import CSV_COLUMNS, slug
from qualbridge.institutions.romanise import romanise_ja

TYPES = {"国立": "national", "公立": "public", "私立": "private"}


#: a function word MEXT's list glues between two capitalised words ("UniversityofForeignStudies")
_GLUED = re.compile(r"(?<=[a-z]{3})(of|and|for|the)(?=[A-Z])")


def tidy_english(name: str) -> str:
    """Restore the spacing and case of an English name as MEXT's list writes it.

    >>> tidy_english("The University of Electro - Communications")
    'The University of Electro-Communications'
    >>> tidy_english("NagasakiUniversityofForeignStudies")
    'Nagasaki University of Foreign Studies'
    >>> tidy_english("Kyushu University of Nursing And Social Welfare")
    'Kyushu University of Nursing and Social Welfare'
    >>> tidy_english("Niho[A-Za-z] [A-Za-z]nstitut fMedicalScience")
    ''
    """
    name = name.strip()
    if "[" in name or "]" in name:  # a garbled entry in the source: better no English name than a wrong one
        return ""
    name = re.sub(r"\s+-\s+", "-", name)
    name = _GLUED.sub(r" \1 ", name)
    name = re.sub(r"(?<=[a-z’'])(?=[A-Z])", " ", name)  # CamelCase -> words
    name = re.sub(r",(?=\S)", ", ", name)
    name = re.sub(r"\s+", " ", name)
    return re.sub(r"(?<=\S) (And|Of|The|For|In|At) ", lambda m: f" {m.group(1).lower()} ", name)


def rows(records: Iterable[dict[str, Any]]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    used: dict[str, int] = {}
    for rec in records:
        name = str(rec["name"]).strip()
        latn = romanise_ja(name)
        base = f"jp/{slug(latn) or slug(str(rec.get('name_eng', '')))}"
        used[base] = used.get(base, 0) + 1
        inst_id = base if used[base] == 1 else f"{base}-{used[base]}"
        out.append({
            "id": inst_id, "country": "JP", "name": name, "lang": "ja", "romanisation": latn,
            "romanisation_generated": "true", "name_en": tidy_english(str(rec.get("name_eng") or "")),
            "type": TYPES.get(str(rec.get("type", "")), ""), "recognition": "recognised",
            "recognition_body": "MEXT", "identifiers": f"mext={rec['mext_code']}" if rec.get("mext_code") else "",
        })  # fmt: skip
    return out


def write_csv(records: Iterable[dict[str, Any]], out: Any) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows(records):
        writer.writerow({c: row.get(c, "") for c in CSV_COLUMNS})


if __name__ == "__main__":  # pragma: no cover - a data-build helper
    write_csv(json.loads(Path(sys.argv[1]).read_text(encoding="utf-8")), sys.stdout)
