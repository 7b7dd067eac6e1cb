from __future__ import annotations

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.citizens.models import ContactMoment


def test_an_agent_registers_a_contact_moment(an, agent, client_for):
    response = client_for(agent).post(
        "/api/v1/contact-moments/",
        {"citizen": an.pk, "channel": "phone", "outcome": "callback", "duration_seconds": 240, "notes": "Terugbellen"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    moment = ContactMoment.objects.get(pk=response.json()["id"])
    assert moment.staff == agent and moment.citizen == an and moment.duration_seconds == 240
    assert AuditEntry.objects.filter(action="create", object_type="citizens.contactmoment").exists()


def test_an_anonymous_caller_can_be_registered(antwerp, agent, client_for):
    response = client_for(agent).post(
        "/api/v1/contact-moments/", {"channel": "phone", "outcome": "answered"}, format="json"
    )
    assert response.status_code == 201
    assert ContactMoment.objects.get().citizen is None


def test_a_bad_channel_or_outcome_is_refused(an, agent, client_for):
    response = client_for(agent).post(
        "/api/v1/contact-moments/",
        {"citizen": an.pk, "channel": "fax", "outcome": "maybe", "duration_seconds": -1},
        format="json",
    )
    assert response.status_code == 400
    assert {"channel", "outcome", "duration_seconds"} <= set(response.json()["error"]["details"])


def test_a_citizen_cannot_register_contact_moments(an, make_user, client_for):
    citizen = make_user(Role.CITIZEN)
    response = client_for(citizen).post(
        "/api/v1/contact-moments/", {"channel": "phone", "outcome": "answered"}, format="json"
    )
    assert response.status_code == 403
