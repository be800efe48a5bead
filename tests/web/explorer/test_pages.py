"""The public pages: frameworks explorer, side-by-side picture, JEQF guide, estimate, convert, languages."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from qualbridge.compare import compare, matrix
from qualbridge.registry import get_registry

pytestmark = pytest.mark.django_db


def page(client: Client, url: str, lang: str = "en", status: int = 200) -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == status, url
    return response.content.decode()


def test_framework_list_links_every_framework(client: Client) -> None:
    body = page(client, "/frameworks/")
    for fid in get_registry().frameworks:
        assert f'href="/frameworks/{fid}"' in body


def test_framework_page_shows_levels_types_and_decisions(client: Client) -> None:
    registry = get_registry()
    body = page(client, "/frameworks/nz-nzqcf")
    fw = registry.frameworks["nz-nzqcf"]
    for level in fw.levels:
        assert f'id="row-nz-nzqcf-{level.notation}"' in body
    for type_id in registry.types_by_level.get("nz-nzqcf:7", []):
        assert type_id in body
    for alignment in registry.alignments_by_framework["nz-nzqcf"]:
        assert f'href="/frameworks/decisions/{alignment}"' in body


def test_unknown_framework_is_a_404_naming_the_closest(client: Client) -> None:
    body = page(client, "/frameworks/jp-jqef", status=404)
    assert "jp-jqef" in body and 'href="/frameworks/jp-jeqf"' in body


def test_side_by_side_draws_every_link_by_match_type_with_its_decision() -> None:
    client = Client()
    body = page(client, "/frameworks/nz-nzqcf/vs/eu-eqf")
    svg = body[body.index("<svg") : body.index("</svg>")]
    rows = matrix("nz-nzqcf", "eu-eqf")
    drawn = re.findall(r'<a href="([^"]+)" class="link" data-match="([^"]+)"', svg)
    expected = [(r.match, t) for r in rows if r.match != "noMatch" for t in r.targets]
    assert len(drawn) == len(expected)
    assert sorted(m for _, m in drawn) == sorted(str(m) for m, _ in expected)
    # a link that rests on one decision opens that decision; the decision page names its source
    assert all(href == "/frameworks/decisions/nz-nzqcf__eu-eqf" for href, _ in drawn)
    decision = page(client, "/frameworks/decisions/nz-nzqcf__eu-eqf")
    al = get_registry().alignments["nz-nzqcf__eu-eqf"]
    assert al.sources[al.source or next(iter(al.sources))].url in decision
    # the level NZQCF 8 has no EQF counterpart by decision: drawn as a cross, listed in the table
    no_match = [r.level for r in rows if r.match == "noMatch"]
    assert no_match and svg.count('class="link nomatch"') == len(no_match)


def test_side_by_side_rejects_unknown_and_swaps(client: Client) -> None:
    assert page(client, "/frameworks/nz-nzqcf/vs/eu-eqx", status=404)
    assert 'href="/frameworks/eu-eqf/vs/nz-nzqcf"' in page(client, "/frameworks/nz-nzqcf/vs/eu-eqf")
    response = client.get("/frameworks/", {"a": "gb-scqf", "b": "gb-rqf"})
    assert response.status_code == 302 and response["Location"] == "/frameworks/gb-scqf/vs/gb-rqf"


def test_jeqf_guide_lists_every_japanese_type_in_both_languages(client: Client) -> None:
    registry = get_registry()
    body = page(client, "/jeqf")
    for type_id in registry.types_by_jurisdiction["JP"]:
        qt = registry.qualifications[type_id]
        assert qt.names["ja"] in body and qt.names["en"].replace("'", "&#x27;") in body
    # the comparison shown is the engine's answer
    result = compare("jp/gakushi", "eu-eqf")
    section = body[body.index('id="jpgakushi"') :]
    section = section[: section.index("</section>")]
    for level in result.target_levels:
        assert result.target_level_labels[level] in section


def test_estimate_from_a_name_to_the_result(client: Client) -> None:
    body = page(client, "/estimate?qualification=gakushi&country=jp&purpose=study&destination=eu-eqf")
    result = compare("gakushi", "eu-eqf", "jp")
    assert "not a decision" in body
    # the answer is a sentence and the certainty is words: no bare percentage or score (issue 16)
    assert result.summary is not None and result.summary.text("en") in body
    assert f"{result.confidence * 100:.0f}%" not in body and f"{result.confidence:.2f}" not in body
    # the evidence (ids, levels, routes) is one click away
    evidence = body[body.index('id="evidence-details"') :]
    assert result.source.id in evidence
    for level in result.target_levels:
        assert level in evidence
    assert "What would change or firm up this estimate" in body
    if any(r.tier == "isced" for r in result.routes if r.best):
        assert "rests only on ISCED 2011" in body


def test_estimate_with_an_ambiguous_name_lists_every_candidate(client: Client) -> None:
    body = page(client, "/estimate?qualification=Bachelor&purpose=study&destination=eu-eqf")
    candidates = re.findall(r'name="type" value="([^"]+)"', body)
    assert len(candidates) > 1
    chosen = page(
        client, f"/estimate?qualification=Bachelor&type={candidates[0]}&purpose=study&destination=eu-eqf"
    )
    assert 'id="result"' in chosen and candidates[0] in chosen


def test_estimate_with_an_unknown_name_says_so(client: Client) -> None:
    body = page(client, "/estimate?qualification=zzqqxx&purpose=study&destination=eu-eqf")
    assert 'role="alert"' in body and "zzqqxx" in body and 'id="result"' not in body


def test_estimate_search_suggests_types(client: Client) -> None:
    body = page(client, "/estimate/search?qualification=gakushi&country=jp")
    assert 'value="jp/gakushi"' in body


def test_grade_and_credit_converters_show_method_and_formula(client: Client) -> None:
    from qualbridge import credits, grades

    body = page(client, "/convert?tool=grade&g-value=8&g-from_scale=nl-1-10&g-to_scale=de-1-5&g-method=")
    expected = grades.convert("8", "nl-1-10", "de-1-5")
    assert expected.method_name in body and f"{expected.value:g}" in body
    body = page(client, "/convert?tool=credit&c-amount=124&c-from_system=jp-tani&c-to_system=ects")
    assert f"{credits.convert(124, 'jp-tani', 'ects').value:g}" in body
    bad = page(client, "/convert?tool=grade&g-value=99&g-from_scale=nl-1-10&g-to_scale=de-1-5&g-method=")
    assert 'id="convert-error"' in bad and "out of range" in bad


def test_transcript_upload(client: Client) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    csv = b"name,credits,grade\nAlgebra,6,8\nHistory,4,5\nBroken,x,7\n"
    response = client.post(
        "/convert",
        {
            "tool": "transcript",
            "t-transcript": SimpleUploadedFile("t.csv", csv, content_type="text/csv"),
            "t-from_scale": "nl-1-10",
            "t-to_scale": "de-1-5",
            "t-credit_system": "",
            "t-to_credits": "ects",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'id="transcript-result"' in body
    assert (
        "Algebra" in body and "line 4" in body and "Credits: 10 in total, 6 earned (1 failed courses)" in body
    )


def test_every_page_in_japanese_and_english(client: Client) -> None:
    for url, ja in [
        ("/frameworks/", "<h1>資格枠組み</h1>"),
        ("/frameworks/nz-nzqcf/vs/eu-eqf", "凡例"),
        ("/jeqf", "修業年限"),
        ("/estimate", "これは推定であり、決定ではありません"),
        ("/verify", "証明書の検証"),
        ("/convert", "成績証明書を換算"),
    ]:
        assert ja in page(client, url, lang="ja"), url
        assert ja not in page(client, url, lang="en"), url


def test_a_link_naming_only_the_type_gives_an_estimate(client: Client) -> None:
    body = page(client, "/estimate?type=jp/shushi&qualification=jp/shushi")
    assert 'id="result"' in body and "jp/shushi" in body
