from __future__ import annotations

from loket.accounts.hooks import start_sections
from loket.accounts.models import Role


def test_backoffice_and_district_roles_get_a_link_to_their_work_queue(backoffice_user, berchem_staff):
    for user in (backoffice_user, berchem_staff):
        links = [link.label for section in start_sections(user=user) for link in section.links]
        assert "Mijn werkbak" in links


def test_citizens_get_no_work_queue_link(make_user):
    citizen = make_user(Role.CITIZEN)
    assert "Mijn werkbak" not in [link.label for s in start_sections(user=citizen) for link in s.links]
