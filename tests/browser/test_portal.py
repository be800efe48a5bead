"""The public portal in Debian's Chromium: an estimate from search to result, two frameworks side by
side, verifying a valid, a tampered and a revoked statement, and the language switch."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from qualbridge.compare import compare
from qualbridge.web.explorer import status
from tests.web.explorer.statements import documents, provider, trust

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(45_000)
    yield tab
    context.close()


@pytest.fixture
def published_lists() -> Iterator[None]:
    status.set_status_list_provider(provider)
    status.set_trust_list_provider(
        trust
    )  # the test issuer is on the trust list, as an administrator adds one
    yield
    status.set_status_list_provider(None)
    status.set_trust_list_provider(None)


def test_estimate_from_search_to_result(page: Any, live_server: Any) -> None:
    page.goto(f"{live_server.url}/estimate")
    page.select_option("#id_country", "jp")
    page.fill("#id_qualification", "gakush")
    suggestion = page.locator('input[name="type"][value="jp/gakushi"]')
    suggestion.wait_for()
    suggestion.check()
    page.select_option("#id_destination", "gb-rqf")
    page.select_option("#id_purpose", "study")
    page.get_by_role("button", name="Estimate").click()
    result = page.locator("#result")
    result.wait_for()
    assert "not a decision" in result.inner_text()
    assert not page.locator("#target-levels").is_visible()  # the level ids are one click away
    page.locator("#evidence-details > summary").click()
    shown = page.locator("#target-levels").inner_text()
    expected = compare("jp/gakushi", "gb-rqf").target_levels
    assert expected and all(level in shown for level in expected)
    assert page.locator("#evidence").is_visible()
    # usable on a phone: nothing wider than the screen
    page.set_viewport_size({"width": 360, "height": 740})
    assert page.evaluate("document.querySelector('main').scrollWidth <= window.innerWidth + 1")


def test_two_frameworks_side_by_side(page: Any, live_server: Any) -> None:
    page.goto(f"{live_server.url}/frameworks/")
    page.select_option("#pair-a", "nz-nzqcf")
    page.select_option("#pair-b", "eu-eqf")
    page.get_by_role("button", name="Show side by side").click()
    page.wait_for_url("**/frameworks/nz-nzqcf/vs/eu-eqf")
    links = page.locator("svg.alignment a.link")
    assert links.count() >= 8
    matches = {links.nth(i).get_attribute("data-match") for i in range(links.count())}
    assert {"exactMatch", "broadMatch"} <= matches
    assert page.locator("svg.alignment a.nomatch").count() == 1
    # keyboard: a link can be focused and opened; it opens the referencing decision with its source
    links.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/frameworks/decisions/nz-nzqcf__eu-eqf")
    assert page.get_by_role("heading", name="Sources").is_visible()
    assert page.locator("main ul a[href^='http']").count() >= 1


@pytest.mark.parametrize(
    ("name", "state", "words"),
    [
        ("valid", "valid", "authentic and valid"),
        ("tampered", "tampered", "altered since it was signed"),
        ("revoked", "revoked", "The issuer has revoked this statement"),
    ],
)
def test_verify_a_statement(
    page: Any, live_server: Any, published_lists: None, name: str, state: str, words: str
) -> None:
    page.goto(f"{live_server.url}/verify")
    page.fill("#id_statement", json.dumps(documents()[name]))
    page.get_by_role("button", name="Verify", exact=True).click()
    verdict = page.locator("#verdict")
    verdict.wait_for()
    assert verdict.get_attribute("data-state") == state
    assert words in verdict.inner_text()
    assert page.locator("ol.checks li").count() == 6


def test_language_switch_and_accept_language(page: Any, browser: Any, live_server: Any) -> None:
    page.goto(f"{live_server.url}/jeqf")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text("How long it takes").first.is_visible()
    page.select_option("#language-switch", "ja")  # choosing changes nothing yet (WCAG 3.2.2)
    page.focus("#language-switch")
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert page.locator("html").get_attribute("lang") == "en"
    page.select_option("#language-switch", "ja")
    with page.expect_navigation():
        page.click("form.lang button[type=submit]")
    assert page.locator("html").get_attribute("lang") == "ja"
    assert page.get_by_text("修業年限").first.is_visible()
    assert page.url.endswith("/jeqf")
    japanese = browser.new_context(locale="ja-JP")
    try:
        tab = japanese.new_page()
        tab.goto(f"{live_server.url}/estimate")
        assert tab.locator("html").get_attribute("lang") == "ja"
        assert "決定ではありません" in tab.locator("main").inner_text()
    finally:
        japanese.close()
