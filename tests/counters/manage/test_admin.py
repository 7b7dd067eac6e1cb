from __future__ import annotations

import pytest

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.counters.models import Appointment, Ticket
from tests.counters.manage.conftest import appointment


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user(Role.ADMIN, username="beheerder", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def booked(desk, services):
    return appointment(desk, services["eid"], "10:00", Appointment.Status.BOOKED, reference="APT-2026-000123")


def test_viewing_an_appointment_in_the_admin_is_audited(admin_client, booked):
    assert admin_client.get(f"/beheer/counters/appointment/{booked.pk}/change/").status_code == 200
    entry = AuditEntry.objects.get(action="view")
    assert (entry.actor_username, entry.object_type, entry.object_id, entry.district_id) == (
        "beheerder",
        "counters.appointment",
        str(booked.pk),
        booked.location.district_id,
    )


def test_appointments_are_found_by_reference_name_or_email(admin_client, booked):
    for term in ("APT-2026-000123", "Janssens", "jan@example.org"):
        response = admin_client.get("/beheer/counters/appointment/", {"q": term})
        assert response.context["cl"].result_count == 1, term
    assert admin_client.get("/beheer/counters/appointment/", {"q": "Peeters"}).context["cl"].result_count == 0


def test_appointments_are_not_added_or_deleted_in_the_admin(admin_client, booked):
    assert admin_client.get("/beheer/counters/appointment/add/").status_code == 403
    assert admin_client.get(f"/beheer/counters/appointment/{booked.pk}/delete/").status_code == 403


def test_tickets_are_read_only_in_the_admin(admin_client, counter_day):
    ticket = Ticket.objects.first()
    assert admin_client.get("/beheer/counters/ticket/").status_code == 200
    response = admin_client.post(f"/beheer/counters/ticket/{ticket.pk}/change/", {"status": "waiting"})
    assert response.status_code == 403
    assert Ticket.objects.get(pk=ticket.pk).status == ticket.status


@pytest.mark.parametrize("model", ["countersettings", "desk", "queue"])
def test_the_counter_lists_open_in_the_admin(admin_client, counter_day, model):
    assert admin_client.get(f"/beheer/counters/{model}/").status_code == 200


def test_a_manager_does_not_enter_the_counters_admin(client, make_user, booked):
    client.force_login(make_user(Role.MANAGER, is_staff=True))
    assert client.get(f"/beheer/counters/appointment/{booked.pk}/change/").status_code in (302, 403)
    assert not AuditEntry.objects.filter(action="view").exists()


def test_a_desk_opens_in_the_admin_with_its_services(admin_client, desk):
    response = admin_client.get(f"/beheer/counters/desk/{desk.pk}/change/")
    assert response.status_code == 200
    assert "Identiteitskaart" in response.content.decode()
