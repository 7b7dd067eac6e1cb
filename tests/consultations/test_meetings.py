from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from loket.consultations import selectors, services
from loket.consultations.documents import meeting_ics
from loket.consultations.models import AgendaItem


def test_planning_a_meeting_invites_the_districts_and_their_coordinators(
    plan, berchem, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        meeting = plan()
    assert set(meeting.districts.values_list("slug", flat=True)) == {"berchem", "borgerhout"}
    assert len(mail.outbox) == 1
    invitation = mail.outbox[0]
    assert "coord.berchem@example.org" in invitation.to
    assert "district.berchem@antwerpen.be" in invitation.to
    _name, content, mimetype = invitation.attachments[0]
    assert mimetype.startswith("text/calendar")
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["uid"]) == meeting.uid
    assert event.decoded("dtstart") == meeting.starts_at


def test_the_invitation_parses_back_with_time_place_and_sequence(plan):
    meeting = plan(place="Districtshuis Berchem")
    calendar = icalendar.Calendar.from_ical(meeting_ics(meeting))
    assert str(calendar["method"]) == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    assert str(event["location"]) == "Districtshuis Berchem"
    assert event.decoded("dtend") - event.decoded("dtstart") == dt.timedelta(hours=2)
    assert int(event["sequence"]) == 0


def test_rescheduling_raises_the_sequence_and_cancelling_sends_a_cancel(plan, helpdesk):
    meeting = plan()
    meeting = services.meeting_reschedule(
        meeting=meeting,
        starts_at=meeting.starts_at + dt.timedelta(days=1),
        ends_at=meeting.ends_at + dt.timedelta(days=1),
        place="",
        actor=helpdesk,
    )
    assert int(icalendar.Calendar.from_ical(meeting_ics(meeting)).walk("VEVENT")[0]["sequence"]) == 1
    meeting = services.meeting_set_status(meeting=meeting, status="cancelled", actor=helpdesk)
    calendar = icalendar.Calendar.from_ical(meeting_ics(meeting))
    assert str(calendar["method"]) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["status"]) == "CANCELLED"


def test_a_meeting_must_end_after_it_starts_and_lie_ahead(plan):
    with pytest.raises(ValidationError) as info:
        plan(ends_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert "ends_at" in info.value.message_dict
    with pytest.raises(ValidationError) as info:
        plan(days=-3)
    assert "starts_at" in info.value.message_dict


def test_only_the_helpdesk_plans(plan, berchem):
    with pytest.raises(PermissionDenied):
        plan(actor=berchem)


def test_a_district_sees_only_the_meetings_it_takes_part_in(plan, berchem, deurne, helpdesk):
    meeting = plan()
    assert list(selectors.meetings_visible_to(user=berchem)) == [meeting]
    assert list(selectors.meetings_visible_to(user=deurne)) == []
    assert list(selectors.meetings_visible_to(user=helpdesk)) == [meeting]
    with pytest.raises(Http404):
        selectors.meeting_get(user=deurne, meeting_id=meeting.pk)


def test_the_proposal_flow_puts_accepted_items_on_the_agenda_in_order(plan, berchem, helpdesk):
    meeting = plan()
    first = services.item_propose(meeting=meeting, title="Parkeerbeleid", actor=berchem)
    second = services.item_propose(meeting=meeting, title="Winterdienst", actor=helpdesk)
    refused = services.item_propose(meeting=meeting, title="Iets anders", actor=berchem)
    assert first.district.slug == "berchem" and second.district is None
    assert selectors.agenda(meeting=meeting) == []
    services.item_accept(item=second, actor=helpdesk)
    services.item_accept(item=first, actor=helpdesk)
    services.item_refuse(item=refused, actor=helpdesk, reason="Hoort op de districtsraad.")
    assert [i.title for i in selectors.agenda(meeting=meeting)] == ["Winterdienst", "Parkeerbeleid"]
    services.agenda_move(item=first, up=True, actor=helpdesk)
    assert [i.title for i in selectors.agenda(meeting=meeting)] == ["Parkeerbeleid", "Winterdienst"]
    refused.refresh_from_db()
    assert refused.status == AgendaItem.Status.REFUSED


def test_refusing_needs_a_reason_and_only_proposals_are_decided(plan, berchem, helpdesk):
    item = services.item_propose(meeting=plan(), title="Parkeerbeleid", actor=berchem)
    with pytest.raises(ValidationError):
        services.item_refuse(item=item, actor=helpdesk, reason=" ")
    services.item_accept(item=item, actor=helpdesk)
    with pytest.raises(ValidationError):
        services.item_accept(item=item, actor=helpdesk)
    with pytest.raises(PermissionDenied):
        services.item_refuse(item=item, actor=berchem, reason="nee")


def test_a_district_that_does_not_take_part_cannot_propose(plan, deurne):
    with pytest.raises(PermissionDenied):
        services.item_propose(meeting=plan(), title="Iets", actor=deurne)


def test_a_district_sees_its_own_proposals_but_not_another_districts(plan, berchem, helpdesk, make_user):
    meeting = plan()
    borgerhout = make_user("coordinator", "borgerhout")
    services.item_propose(meeting=meeting, title="Van Berchem", actor=berchem)
    services.item_propose(meeting=meeting, title="Van Borgerhout", actor=borgerhout)
    assert [i.title for i in selectors.proposals_visible(meeting=meeting, user=berchem)] == ["Van Berchem"]
    assert len(selectors.proposals_visible(meeting=meeting, user=helpdesk)) == 2


def test_proposals_close_at_the_deadline_for_districts(plan, berchem, helpdesk):
    from django.utils import timezone

    meeting = plan(proposals_until=timezone.now() - dt.timedelta(hours=1))
    with pytest.raises(ValidationError):
        services.item_propose(meeting=meeting, title="Te laat", actor=berchem)
    assert services.item_propose(meeting=meeting, title="Van de stad", actor=helpdesk)


def test_open_action_points_carry_over_to_every_next_meeting_until_done(plan, helpdesk):
    first, second, third = plan(days=7), plan(days=14), plan(days=21)
    action = services.action_add(
        meeting=first, title="Verdeelsleutel opmaken", owner_name="Stad", due_date=dt.date(2027, 1, 15), actor=helpdesk
    )
    assert selectors.actions_carried(meeting=first) == []
    assert selectors.actions_carried(meeting=second) == [action]
    assert selectors.actions_carried(meeting=third) == [action]
    services.action_complete(action=action, actor=helpdesk, note="Bezorgd.", meeting=second)
    assert selectors.actions_carried(meeting=second) == [action]  # shown as done where it was closed
    assert selectors.actions_carried(meeting=third) == []


def test_an_action_for_a_district_that_does_not_take_part_is_refused(plan, helpdesk):
    from loket.organisation.models import District

    with pytest.raises(ValidationError) as info:
        services.action_add(
            meeting=plan(),
            title="x",
            owner_name="",
            owner_district=District.objects.get(slug="deurne"),
            due_date=dt.date(2027, 1, 1),
            actor=helpdesk,
        )
    assert "owner_district" in info.value.message_dict
