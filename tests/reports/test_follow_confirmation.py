"""Following a report ("volg deze melding in de plaats") is a double opt-in: the address gets a
confirmation link and nothing else until that link is used. A logged-in user following with their
own account address is confirmed at once; the reporter's own address from the form needs nothing."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from loket.accounts.models import Role
from loket.cases.services import case_transition
from loket.reports import links
from loket.reports.following import report_follow, report_unfollow
from loket.reports.models import Follower
from loket.reports.services import report_merge
from tests.reports.conftest import DISTRICT_POINTS, GROENPLAATS

pytestmark = pytest.mark.django_db

NEIGHBOUR = "buur@example.be"


@pytest.fixture
def report(submit, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        report = submit("weg.put", email="piet@example.be")
    mailoutbox.clear()
    return report


def follow(client, report, email=NEIGHBOUR, callbacks=None):
    url = reverse("reports:follow", args=[report.public_token])
    if callbacks is None:
        return client.post(url, {"email": email}, follow=True)
    with callbacks(execute=True):
        return client.post(url, {"email": email}, follow=True)


def plan(report, actor, callbacks) -> None:
    with callbacks(execute=True):
        case_transition(case=report.case, to_status="planned", actor=actor, text="Herstel volgende week.", public=True)


def confirm_link(message) -> str:
    found = re.search(r"https://loket\.example(/meldingen/\S+/volgen/bevestigen/\S+/)", message.body)
    assert found, message.body
    return found.group(1)


def test_following_mails_only_a_confirmation_link_and_subscribes_nobody_yet(
    client, report, backoffice, django_capture_on_commit_callbacks
):
    page = follow(client, report, callbacks=django_capture_on_commit_callbacks)
    assert "bevestig" in page.content.decode().lower()
    follower = Follower.objects.get(report=report, email=NEIGHBOUR)
    assert follower.confirmed_at is None
    assert [m.to for m in mail.outbox] == [[NEIGHBOUR]]
    assert "Bevestig" in mail.outbox[0].subject
    code = confirm_link(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    assert links.follow_confirm_email(report, code) == NEIGHBOUR
    mail.outbox.clear()

    plan(report, backoffice, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["piet@example.be"]]  # the reporter, not the unconfirmed address


def test_the_confirmation_link_asks_on_get_and_subscribes_on_post(
    client, report, backoffice, django_capture_on_commit_callbacks
):
    follow(client, report, callbacks=django_capture_on_commit_callbacks)
    url = confirm_link(mail.outbox[0])
    mail.outbox.clear()
    page = client.get(url)
    assert page.status_code == 200 and "Ja, ik volg deze melding" in page.content.decode()
    assert Follower.objects.get(email=NEIGHBOUR).confirmed_at is None  # a mail scanner's GET changes nothing

    done = client.post(url, follow=True)
    assert "U volgt nu melding" in done.content.decode()
    assert Follower.objects.get(email=NEIGHBOUR).confirmed_at is not None
    plan(report, backoffice, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == [NEIGHBOUR, "piet@example.be"]


def test_a_forged_or_foreign_confirmation_link_is_not_found(client, report, submit):
    follow(client, report)
    other = submit("weg.put", point=DISTRICT_POINTS["berchem"])
    forged = reverse("reports:follow-confirm", args=[report.public_token, "vervalst"])
    foreign = links.follow_confirm_path(other, NEIGHBOUR).replace(other.public_token, report.public_token)
    for url in (forged, foreign):
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Follower.objects.get(email=NEIGHBOUR).confirmed_at is None


def test_an_expired_confirmation_link_says_so_and_subscribes_nobody(client, report):
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC), tick=False):
        follow(client, report)
        url = links.follow_confirm_path(report, NEIGHBOUR)
    with time_machine.travel(dt.datetime(2026, 12, 9, 10, tzinfo=dt.UTC), tick=False):
        page = client.post(url)
    assert page.status_code == 410 and "verlopen" in page.content.decode()
    assert Follower.objects.get(email=NEIGHBOUR).confirmed_at is None


def test_a_logged_in_user_following_with_their_own_address_is_confirmed_at_once(
    client, report, make_user, django_capture_on_commit_callbacks
):
    jan = make_user(Role.CITIZEN, username="jan", email="Jan@Example.be")
    client.force_login(jan)
    page = follow(client, report, email="jan@example.be", callbacks=django_capture_on_commit_callbacks)
    assert "U volgt nu melding" in page.content.decode()
    assert Follower.objects.get(email="jan@example.be").confirmed_at is not None
    assert [m.to for m in mail.outbox] == [["jan@example.be"]]
    assert "U volgt nu de melding" in mail.outbox[0].body


def test_a_logged_in_user_following_with_another_address_must_confirm_it(
    client, report, make_user, django_capture_on_commit_callbacks
):
    client.force_login(make_user(Role.CITIZEN, username="jan", email="jan@example.be"))
    follow(client, report, callbacks=django_capture_on_commit_callbacks)
    assert Follower.objects.get(email=NEIGHBOUR).confirmed_at is None
    assert "Bevestig" in mail.outbox[0].subject


def test_the_logged_in_reporter_is_told_they_hear_of_it_already(client, submit, citizen):
    own = submit("weg.put", actor=citizen)
    client.force_login(citizen)
    page = follow(client, own, email=citizen.email)
    assert "zelf ingediend" in page.content.decode()
    assert not Follower.objects.filter(report=own).exists()


def test_asking_again_does_not_flood_the_address(client, report, submit, django_capture_on_commit_callbacks):
    for _attempt in range(3):
        follow(client, report, callbacks=django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    others = [submit("weg.put", point=point) for point in list(DISTRICT_POINTS.values())[1:9]]
    mail.outbox.clear()
    for other in others:
        follow(client, other, callbacks=django_capture_on_commit_callbacks)
    assert len(mail.outbox) < len(others)  # a daily cap per address, whatever the report


def test_following_needs_a_valid_address_and_an_open_report(
    client, report, backoffice, django_capture_on_commit_callbacks
):
    page = follow(client, report, email="geen adres")
    assert "geen geldig e-mailadres" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=report.case, to_status="done", actor=backoffice)
    page = follow(client, report)
    assert "al afgesloten" in page.content.decode()
    assert not Follower.objects.filter(email=NEIGHBOUR).exists()


def test_the_reporters_own_address_from_the_form_needs_no_confirmation(report):
    reporter = Follower.objects.get(report=report)
    assert (reporter.email, reporter.kind) == ("piet@example.be", "reporter")
    assert reporter.confirmed_at is not None


def test_unfollowing_before_confirming_voids_the_link(client, report):
    follow(client, report)
    url = links.follow_confirm_path(report, NEIGHBOUR)
    report_unfollow(report=report, email=NEIGHBOUR)
    assert client.post(url).status_code == 404
    assert not Follower.objects.filter(email=NEIGHBOUR).exists()


def test_merging_carries_confirmed_followers_and_a_later_confirmation_follows_the_main_report(
    submit, backoffice, django_capture_on_commit_callbacks
):
    main = submit("weg.put", point=GROENPLAATS)
    duplicate = submit("weg.put", point=GROENPLAATS)
    report_follow(report=duplicate, email="bevestigd@example.be")
    report_follow(report=duplicate, email=NEIGHBOUR)
    from loket.reports.following import report_follow_confirm

    report_follow_confirm(report=duplicate, email="bevestigd@example.be")
    with django_capture_on_commit_callbacks(execute=True):
        report_merge(duplicate=duplicate, into=main, actor=backoffice)
    assert set(main.followers.values_list("email", flat=True)) == {"bevestigd@example.be"}

    duplicate.refresh_from_db()
    report_follow_confirm(report=duplicate, email=NEIGHBOUR)
    carried = main.followers.get(email=NEIGHBOUR)
    assert carried.confirmed_at is not None and carried.kind == "merged"


def test_the_api_treats_the_reporters_own_address_like_the_form(city, django_capture_on_commit_callbacks):
    from rest_framework.test import APIClient

    body = {"category": "weg.put", "description": "Put in de weg", "lat": GROENPLAATS[0], "lon": GROENPLAATS[1]}
    with django_capture_on_commit_callbacks(execute=True):
        response = APIClient().post("/api/v1/reports/", {**body, "email": "Piet@Example.be"}, format="json")
    assert response.status_code == 201
    reporter = Follower.objects.get(email="piet@example.be")
    assert reporter.kind == "reporter" and reporter.confirmed_at is not None
    assert [m.to for m in mail.outbox] == [["piet@example.be"]] and "Bedankt voor uw melding" in mail.outbox[0].body
