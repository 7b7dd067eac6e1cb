from __future__ import annotations

import datetime as dt

import pytest

from loket.audit.models import AuditEntry
from loket.counters.models import Appointment, CounterSettings, Desk
from loket.organisation.models import OpeningException
from tests.counters.manage.conftest import appointment

URL = "/loket/districtshuis-berchem/beheer/"
SETTINGS = {
    "settings-slot_minutes": "15",
    "settings-online_share": "60",
    "settings-min_notice_minutes": "120",
    "settings-horizon_days": "45",
    "settings-release_hour": "7",
    "settings-hold_minutes": "10",
    "settings-reminder_hours": "24",
    "settings-no_show_grace_minutes": "15",
    "settings-lookahead_minutes": "10",
}

pytestmark = pytest.mark.usefixtures("evening")  # 10 March 2026, 18:00


def test_the_screen_shows_desks_capacity_and_exceptions(manager_client, desk):
    OpeningException.objects.create(location=desk.location, date=dt.date(2026, 4, 2), reason="Opleiding")
    response = manager_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Loket 1" in page and 'name="settings-online_share"' in page and "Opleiding" in page


def test_an_unknown_location_is_not_found(manager_client, berchem):
    assert manager_client.get("/loket/nergens/beheer/").status_code == 404


def test_a_manager_adds_a_desk(manager_client, berchem, services):
    response = manager_client.post(
        URL,
        {"form": "desk-new", "desk-new-name": "Loket 2", "desk-new-services": [services["eid"].pk],
         "desk-new-bookable": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    desk = Desk.objects.get(location=berchem, name="Loket 2")
    assert (desk.bookable, list(desk.services.values_list("slug", flat=True))) == (True, ["eid"])
    entry = AuditEntry.objects.get(object_type="counters.desk")
    assert (entry.action, entry.actor_username, entry.district_id) == ("create", "stafdienst", berchem.district_id)


def test_a_manager_renames_a_desk_and_changes_its_services(manager_client, desk, services):
    prefix = f"desk-{desk.pk}"
    data = {"form": prefix, f"{prefix}-name": "Loket 1A", f"{prefix}-services": [services["rijbewijs"].pk]}
    assert manager_client.post(URL, data).status_code == 302
    desk.refresh_from_db()
    assert (desk.name, desk.bookable, [s.slug for s in desk.services.all()]) == ("Loket 1A", False, ["rijbewijs"])
    assert AuditEntry.objects.get(action="change").fields == ["bookable", "name", "services"]


def test_a_desk_needs_a_free_name_and_a_service(manager_client, desk, services):
    response = manager_client.post(URL, {"form": "desk-new", "desk-new-name": "loket 1"})
    assert response.status_code == 400
    form = response.context["new_desk_form"]
    assert form.errors == {
        "name": ["Deze locatie heeft al een balie met die naam."],
        "services": ["Kies minstens één dienst."],
    }
    assert Desk.objects.count() == 1
    assert "Deze locatie heeft al een balie met die naam." in response.content.decode()


def test_a_manager_changes_the_capacity_settings(manager_client, berchem):
    response = manager_client.post(URL, {"form": "settings", **SETTINGS, "settings-one_open_per_service": "on"})
    assert response.status_code == 302
    settings = CounterSettings.objects.get(location=berchem)
    assert (settings.slot_minutes, settings.online_share, settings.horizon_days) == (15, 60, 45)
    entry = AuditEntry.objects.get(object_type="counters.countersettings")
    assert entry.fields == ["horizon_days", "online_share", "release_hour", "slot_minutes"]


def test_an_online_share_over_100_percent_is_refused_next_to_the_field(manager_client, berchem):
    response = manager_client.post(URL, {"form": "settings", **SETTINGS, "settings-online_share": "120"})
    assert response.status_code == 400
    assert list(response.context["settings_form"].errors) == ["online_share"]
    assert 'id="id_settings-online_share_error"' in response.content.decode()
    assert CounterSettings.objects.get(location=berchem).online_share == 70
    assert not AuditEntry.objects.exists()


def test_a_manager_adds_a_closure_and_is_warned_about_booked_appointments(manager_client, desk, services):
    appointment(desk, services["eid"], "10:00", Appointment.Status.BOOKED, day=dt.date(2026, 3, 20))
    appointment(desk, services["eid"], "10:30", Appointment.Status.CANCELLED, day=dt.date(2026, 3, 20))
    data = {"form": "exception-add", "exception-date": "2026-03-20", "exception-kind": "closed",
            "exception-reason": "Verhuis"}  # fmt: skip
    response = manager_client.post(URL, data, follow=True)
    exception = OpeningException.objects.get(location=desk.location)
    assert (exception.date, exception.closed, exception.reason) == (dt.date(2026, 3, 20), True, "Verhuis")
    page = response.content.decode()
    assert "Let op: op vrijdag 20 maart 2026 staan nog 1 afspraken gepland." in page
    assert AuditEntry.objects.get(object_type="organisation.openingexception").action == "create"


def test_a_manager_enters_other_hours_for_a_day(manager_client, berchem):
    data = {"form": "exception-add", "exception-date": "2026-03-11", "exception-kind": "hours",
            "exception-opens": "09:00", "exception-closes": "12:00"}  # fmt: skip
    assert manager_client.post(URL, data).status_code == 302
    exception = OpeningException.objects.get(location=berchem)
    assert (exception.closed, exception.opens, exception.closes) == (False, dt.time(9), dt.time(12))


def test_a_closure_in_the_past_is_refused(manager_client, berchem):
    data = {"form": "exception-add", "exception-date": "2026-03-09", "exception-kind": "closed"}
    response = manager_client.post(URL, data)
    assert response.status_code == 400
    assert response.context["exception_form"].errors == {
        "date": ["Een dag in het verleden kan niet meer gewijzigd worden."]
    }
    assert not OpeningException.objects.filter(location=berchem).exists()


def test_other_hours_need_a_closing_time_after_the_opening_time(manager_client, berchem):
    data = {"form": "exception-add", "exception-date": "2026-03-12", "exception-kind": "hours",
            "exception-opens": "12:00", "exception-closes": "09:00"}  # fmt: skip
    response = manager_client.post(URL, data)
    assert response.status_code == 400
    assert list(response.context["exception_form"].errors) == ["closes"]


def test_a_manager_deletes_a_future_exception(manager_client, berchem):
    exception = OpeningException.objects.create(location=berchem, date=dt.date(2026, 3, 12))
    response = manager_client.post(URL, {"form": "exception-delete", "exception": exception.pk})
    assert response.status_code == 302
    assert not OpeningException.objects.filter(location=berchem).exists()
    assert AuditEntry.objects.get().action == "delete"


def test_a_past_exception_is_kept(manager_client, berchem):
    exception = OpeningException.objects.create(location=berchem, date=dt.date(2026, 3, 2))
    response = manager_client.post(URL, {"form": "exception-delete", "exception": exception.pk})
    assert response.status_code == 400
    assert OpeningException.objects.filter(pk=exception.pk).exists()


def test_an_unknown_form_or_desk_is_refused(manager_client, desk):
    assert manager_client.post(URL, {"form": "something"}).status_code == 400
    assert manager_client.post(URL, {"form": "desk-abc"}).status_code == 404
    assert manager_client.post(URL, {"form": "exception-delete", "exception": "x"}).status_code == 404
