"""The agents' start page leads to the workspace and the callback list."""

from __future__ import annotations

from loket.accounts.models import Role
from loket.contactcentre.integrations import contact_centre_start_section


def test_an_agent_starts_from_the_workspace_and_the_callback_list(agent_client, catalogue):
    page = agent_client.get("/start/")

    assert page.status_code == 200
    assert 'href="/contactcenter/"' in page.text
    assert 'href="/terugbellen/"' in page.text


def test_citizens_and_district_staff_get_no_contact_centre_section(make_user, antwerp):
    assert contact_centre_start_section(make_user(Role.CITIZEN)) is None
    assert contact_centre_start_section(make_user(Role.DISTRICT_STAFF, district="berchem")) is None
