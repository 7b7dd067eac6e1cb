"""Each role lands on its own start page after logging in."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import assert_accessible, login


@pytest.mark.parametrize("username", ["coordinator-berchem", "backoffice", "manager", "citizen"])
def test_a_user_lands_on_the_start_page_of_their_role(page, demo_site, username):
    login(page, demo_site, username)
    page.wait_for_url("**/start/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page, context=f"start page of {username}")


def test_a_wrong_password_shows_an_error_and_no_start_page(page, demo_site):
    login(page, demo_site, "agent", "wrong-password")
    assert "/aanmelden/" in page.url
    assert_accessible(page, context="login page with error")
