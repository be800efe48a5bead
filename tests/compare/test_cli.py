"""``qualbridge compare`` as a user runs it, over the real data."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from qualbridge.compare import matrix, render_svg
from qualbridge.registry.loader import Registry
from tests.helpers import run_cli as qb


def test_json_answer_has_the_promised_keys() -> None:
    out = qb("compare", "nz-nzqcf:7", "--to", "eu-eqf", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in ("outcome", "target_levels", "confidence", "routes", "comparable_qualifications", "caveats"):
        assert key in data
    assert data["target_levels"] == ["eu-eqf:6"]
    assert data["routes"][0]["steps"][0]["evidence"]["decision"] == "nz-nzqcf__eu-eqf"


def test_readable_answer_draws_the_route() -> None:
    out = qb("compare", "学士", "--to", "eu-eqf", "--country", "jp")
    assert out.returncode == 0, out.stderr
    assert "jp/gakushi" in out.stdout and "学士" in out.stdout
    assert "Outcome      partially-comparable" in out.stdout
    assert "isced-2011:6" in out.stdout and "v  eu-eqf:6" in out.stdout
    assert "ISCED" in out.stdout.split("Caveats")[1]


def test_no_match_is_individual_assessment() -> None:
    data = json.loads(qb("compare", "nz-nzqcf:8", "--to", "eu-eqf", "--json").stdout)
    assert data["outcome"] == "individual-assessment" and data["target_levels"] == []


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("compare", "nz-nzqcf:7", "--to", "eu-eqx"), "eu-eqf"),
        (("compare", "Meister", "--to", "eu-eqf", "--country", "dx"), "de"),
        (("compare", "--matrix", "nz-nzqcx", "eu-eqf"), "nz-nzqcf"),
        (("compare", "Meister", "--to", "eu-eqf"), "de/meister"),
    ],
)
def test_bad_input_exits_2_naming_valid_ids(args: tuple[str, ...], expected: str) -> None:
    out = qb(*args)
    assert out.returncode == 2
    assert expected in out.stderr
    assert "Traceback" not in out.stderr


def test_matrix_table() -> None:
    out = qb("compare", "--matrix", "nz-nzqcf", "eu-eqf")
    assert out.returncode == 0, out.stderr
    line8 = next(line for line in out.stdout.splitlines() if line.startswith("8 "))
    assert "noMatch" in line8 and "individual-assessment" in line8


def test_matrix_svg_file(tmp_path: Path) -> None:
    target = tmp_path / "nz-eqf.svg"
    out = qb("compare", "--matrix", "nz-nzqcf", "eu-eqf", "--svg", str(target))
    assert out.returncode == 0, out.stderr
    root = ET.fromstring(target.read_text(encoding="utf-8"))
    assert root.tag.endswith("svg")


def test_svg_draws_levels_links_by_match_and_legend(real: Registry) -> None:
    rows = matrix("nz-nzqcf", "eu-eqf", registry=real)
    svg = render_svg(real, "nz-nzqcf", "eu-eqf", rows)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    bars = root.findall(f".//{ns}rect")
    assert len(bars) == len(real.frameworks["nz-nzqcf"].levels) + len(real.frameworks["eu-eqf"].levels)
    links = root.findall(f".//{ns}path")
    assert len(links) == sum(len(r.targets) for r in rows)
    titles = [link.find(f"{ns}title").text or "" for link in links]  # type: ignore[union-attr]
    assert any("nz-nzqcf__eu-eqf" in t and "broadMatch" in t for t in titles)
    dashed = {link.get("stroke-dasharray") for link in links}
    assert len(dashed) >= 2  # exact (solid) and broad (dashed) are drawn differently
    assert "Legend" in svg and "no counterpart" in svg
    assert "\u2715" in svg  # NZQCF 8 is marked as left without an EQF level
