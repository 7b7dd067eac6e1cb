"""Browser checks of the organisation pages: accessible (axe-core), and the map click works."""

from __future__ import annotations

import pytest

from tests.browser import assert_accessible

pytestmark = pytest.mark.e2e


@pytest.fixture
def organisation_site(live_server, transactional_db):
    from loket.organisation import demo

    demo.load(log=lambda line: None)
    return str(live_server.url)


@pytest.mark.parametrize(
    "path", ["/districten/", "/districten/deurne/", "/loketten/", "/loketten/districtshuis-antwerpen/"]
)
def test_the_organisation_pages_are_accessible(page, organisation_site, path):
    page.goto(organisation_site + path)
    assert_accessible(page, context=path)


def test_a_click_on_the_map_names_the_district(page, organisation_site):
    page.goto(organisation_site + "/in-welk-district-woon-ik/")
    assert_accessible(page, context="which district")
    page.set_viewport_size({"width": 1280, "height": 2000})  # the whole map on screen
    page.evaluate(
        """() => {
        const svg = document.getElementById('districtskaart'), d = svg.dataset;
        const pt = svg.createSVGPoint();
        pt.x = (4.4700 - parseFloat(d.west)) * parseFloat(d.xPerDegree);
        pt.y = (parseFloat(d.north) - 51.2200) * parseFloat(d.yPerDegree);
        const screen = pt.matrixTransform(svg.getScreenCTM());
        window.__click = [screen.x, screen.y];
    }"""
    )
    x, y = page.evaluate("window.__click")
    page.mouse.click(x, y)
    page.wait_for_url("**lat=*")
    assert "U woont in district Deurne" in page.locator(".district-answer").inner_text()
    assert_accessible(page, context="which district answer")


def test_the_address_form_works_without_javascript(browser, organisation_site):
    context = browser.new_context(java_script_enabled=False, locale="nl-BE")
    try:
        nojs = context.new_page()
        nojs.goto(organisation_site + "/in-welk-district-woon-ik/")
        nojs.get_by_label("Adres (straat en huisnummer)").fill("Aalmoezenierstraat 12, 2000 Antwerpen")
        nojs.get_by_role("button", name="Zoek mijn district").click()
        assert "U woont in district Antwerpen" in nojs.locator(".district-answer").inner_text()
    finally:
        context.close()
