"""Level descriptors on the public pages: a framework's own page, and two frameworks' aligned levels side
by side per domain, with ``lang`` on text in another language than the page's.

Expectations are read off the data and the engine (which levels are linked, which texts are held), never
typed in: the tests check that the pages show what the data hold, not that the data are true.
"""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client

from qualbridge.compare import matrix
from qualbridge.registry import get_registry
from qualbridge.registry.models import Domain, Framework, FrameworkKind, Level
from qualbridge.web.explorer.descriptors import domain_order, level_descriptors

pytestmark = pytest.mark.django_db


def page(client: Client, url: str, lang: str = "en") -> str:
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200, url
    return response.content.decode()


def spans(body: str) -> dict[str, str]:
    """Every descriptor span's text -> its lang attribute ('' when none)."""
    found = re.findall(r'<span class="descriptor[^"]*"(?: lang="([^"]+)")?>([^<]*)</span>', body)
    return {html.unescape(text): lang for lang, text in found}


def held(fw_id: str) -> dict[str, dict[str, str]]:
    """level notation -> domain -> English descriptor text, as the data hold them."""
    fw = get_registry().frameworks[fw_id]
    return {
        lv.notation: {d: t["en"] for d, t in lv.descriptors.items() if t.get("en")}
        for lv in fw.levels
        if any(lv.descriptors.values())
    }


def test_framework_page_shows_every_descriptor_it_holds(client: Client) -> None:
    fw = get_registry().frameworks["nz-nzqcf"]
    texts = held("nz-nzqcf")
    assert texts, "the NZQCF holds descriptor text for some levels"
    body = page(client, "/frameworks/nz-nzqcf")
    shown = spans(body)
    for domains in texts.values():
        for text in domains.values():
            assert text in shown
    for domain in fw.domains:
        assert domain.names["en"] in body
    # an English text on an English page needs no lang; on the Japanese page it says it is English
    assert all(shown[t] == "" for d in texts.values() for t in d.values())
    shown_ja = spans(page(client, "/frameworks/nz-nzqcf", "ja"))
    assert all(shown_ja[t] == "en" for d in texts.values() for t in d.values())


def test_curator_notes_stay_off_the_framework_page(client: Client) -> None:
    body = html.unescape(page(client, "/frameworks/nz-nzqcf"))
    notes = [lv.note for lv in get_registry().frameworks["nz-nzqcf"].levels if lv.note]
    assert notes and not any(note in body for note in notes)


def test_a_framework_without_descriptor_text_says_so(client: Client) -> None:
    fw = get_registry().frameworks["asean-aqrf"]
    assert fw.domains and not held("asean-aqrf")
    body = page(client, "/frameworks/asean-aqrf")
    assert "no descriptor text for this framework" in body and not spans(body)


def test_original_language_text_is_shown_with_its_lang() -> None:
    fw = Framework(
        id="xx-test",
        kind=FrameworkKind.NQF,
        jurisdiction="MY",
        abbreviation="T",
        names={"en": "Test"},
        domains=[Domain(id="knowledge", names={"en": "Knowledge", "ms": "Pengetahuan"})],
        levels=[
            Level(
                notation="1", descriptors={"knowledge": {"ms": "Pengetahuan asas", "en": "Basic knowledge"}}
            )
        ],
        sources={},
    )
    (cell,) = level_descriptors(fw, fw.levels[0], "ja").cells
    assert (cell.shown.text, cell.shown.lang, cell.shown.foreign) == ("Basic knowledge", "en", True)
    assert cell.original is not None and (cell.original.text, cell.original.lang) == (
        "Pengetahuan asas",
        "ms",
    )
    (cell_en,) = level_descriptors(fw, fw.levels[0], "en").cells
    assert cell_en.shown.foreign is False and cell_en.original.lang == "ms"


def test_only_the_same_domain_id_shares_a_row() -> None:
    reg = get_registry()
    aqf, eqf = reg.frameworks["au-aqf"], reg.frameworks["eu-eqf"]
    pairs = domain_order(aqf, eqf)
    shared = {d.id for d in aqf.domains} & {d.id for d in eqf.domains}
    assert {a for a, b in pairs if a and b} == shared and all(a == b for a, b in pairs if a and b)
    assert {a for a, _ in pairs if a} == {d.id for d in aqf.domains}
    assert {b for _, b in pairs if b} == {d.id for d in eqf.domains}


def test_side_by_side_puts_linked_levels_descriptors_next_to_each_other(client: Client) -> None:
    reg = get_registry()
    body = page(client, "/frameworks/au-aqf/vs/eu-eqf", "ja")
    section = body[body.index('id="descriptors"') :]
    rows = [r for r in matrix("au-aqf", "eu-eqf") if r.targets and r.match != "noMatch"]
    assert rows
    aqf, eqf = held("au-aqf"), held("eu-eqf")
    shared = {d.id for d in reg.frameworks["au-aqf"].domains} & {
        d.id for d in reg.frameworks["eu-eqf"].domains
    }
    for row in rows:
        anchor = 'id="descriptors-' + row.level.replace(":", "").replace(".", "") + '"'
        table = section[section.index(anchor) :]
        table = table[: table.index("</table>")]
        left = aqf.get(row.level.split(":")[1], {})
        for target in row.targets:
            assert f"<code>{target}</code>" in table
            right = eqf.get(target.split(":")[1], {})
            for domain in shared:
                if domain in left and domain in right:
                    # the two texts of one domain sit in the same table row
                    tr = next(t for t in table.split("<tr>") if html.escape(left[domain], quote=True) in t)
                    assert html.escape(right[domain], quote=True) in tr
        unverified = not reg.level(row.level).verified or not reg.frameworks["au-aqf"].verified
        assert ("未確認" in table.split("</thead>")[0]) == (
            unverified or any(not reg.level(t).verified for t in row.targets)
        )
    # English text on the Japanese page carries its language
    assert 'class="descriptor" lang="en"' in section


def test_side_by_side_without_descriptor_text_says_so(client: Client) -> None:
    assert not held("jp-jeqf") and not held("isced-2011")
    body = page(client, "/frameworks/jp-jeqf/vs/isced-2011")
    assert "Neither framework" in html.unescape(body) and 'class="descriptors"' not in body
