"""Notices in the admin: a new work queues them; staff see the ones that were not delivered, and
why, re-queue them with "opnieuw proberen", and see each subscription's counts per status."""

from __future__ import annotations

import smtplib
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core.mail.backends import locmem
from django.utils import timezone

from loket.accounts.models import Role
from loket.works.models import Work, WorkNotice
from loket.works.notices import MAX_ATTEMPTS, notices_queue_for_works
from tests.works import helpers_public as public
from tests.works.helpers_data import GROENPLAATS, make_work, square
from tests.works.test_admin import ADD, form
from tests.works.test_import_notices import subscription

pytestmark = pytest.mark.django_db
NOTICES = "/beheer/works/worknotice/"
SUBSCRIPTIONS = "/beheer/works/areasubscription/"


class FlakyEmailBackend(locmem.EmailBackend):
    """A mail server that refuses the next ``refusals`` messages, then delivers (to the outbox)."""

    refusals = 0

    def send_messages(self, email_messages: Any) -> int:
        if FlakyEmailBackend.refusals > 0:
            FlakyEmailBackend.refusals -= 1
            raise smtplib.SMTPException("451 mail server busy, try again later")
        return super().send_messages(email_messages)


@pytest.fixture
def flaky_mail(settings):
    settings.EMAIL_BACKEND = "tests.works.test_admin_notices.FlakyEmailBackend"
    FlakyEmailBackend.refusals = 1
    yield FlakyEmailBackend
    FlakyEmailBackend.refusals = 0


@pytest.fixture
def admin_client(client, make_user):
    client.force_login(make_user("admin", is_staff=True, is_superuser=True))
    return client


def coming(**fields):
    today = timezone.localdate()
    data = form(
        start_date=(today + timedelta(days=3)).isoformat(),
        end_date=(today + timedelta(days=20)).isoformat(),
        **fields,
    )
    data.update({"hindrances-TOTAL_FORMS": "0", "diversions-TOTAL_FORMS": "0"})
    return data


def test_a_work_added_in_the_admin_queues_a_notice_for_a_subscriber_nearby(antwerp, admin_client):
    nearby = subscription()
    response = admin_client.post(ADD, coming(), follow=True)
    assert response.status_code == 200
    work = Work.objects.get(external_id="HOOG-1")
    assert list(WorkNotice.objects.values_list("subscription", "work")) == [(nearby.pk, work.pk)]
    assert "1 abonnee in de buurt krijgt bericht over dit werk." in response.content.decode()


def test_changing_a_work_in_the_admin_queues_no_notice(antwerp, admin_client):
    subscription()
    work = make_work(external_id="HOOG-1", source="stad", geometry=square(51.1685, 4.3946))
    response = admin_client.post(f"/beheer/works/work/{work.pk}/change/", coming(geometry=square(*GROENPLAATS)))
    assert response.status_code == 302
    assert not WorkNotice.objects.exists()
    assert Work.objects.get(pk=work.pk).district.slug == "antwerpen"


def failed_notice(
    capture, *, email: str = "an@example.be", title: str = "Riolering Groenplaats", at=public.GROENPLAATS
) -> WorkNotice:
    """A notice the (flaky) mail server refused on the first try."""
    public.make_subscription(email=email, at=at)
    work = public.make_work(title=title, at=at)
    with capture(execute=True):
        assert notices_queue_for_works(work_ids=[work.pk]) == 1
    notice = WorkNotice.objects.get(work=work)
    assert notice.status == WorkNotice.Status.FAILED and notice.attempts == 1
    return notice


def retry(client, capture, *notices: WorkNotice, follow: bool = True):
    data = {"action": "retry", "_selected_action": [notice.pk for notice in notices]}
    with capture(execute=True):  # the send job runs after the commit
        return client.post(NOTICES, data, follow=follow)


def test_the_admin_lists_the_notices_that_were_not_delivered_with_their_error(
    antwerp, admin_client, flaky_mail, django_capture_on_commit_callbacks
):
    failed_notice(django_capture_on_commit_callbacks)
    page = admin_client.get(NOTICES, {"status__exact": "failed"}).content.decode()
    assert "an@example.be" in page and "Riolering Groenplaats" in page
    assert "451 mail server busy, try again later" in page
    assert "opnieuw proberen" in page
    assert "Riolering Groenplaats" not in admin_client.get(NOTICES, {"status__exact": "sent"}).content.decode()


def test_notices_are_found_by_the_subscriber_s_email_or_the_work_s_title(
    antwerp, admin_client, flaky_mail, django_capture_on_commit_callbacks
):
    failed_notice(django_capture_on_commit_callbacks)
    assert "Riolering Groenplaats" in admin_client.get(NOTICES, {"q": "AN@example"}).content.decode()
    assert "an@example.be" in admin_client.get(NOTICES, {"q": "riolering"}).content.decode()
    assert "Riolering Groenplaats" not in admin_client.get(NOTICES, {"q": "bert@"}).content.decode()


def test_a_notice_is_only_looked_at_in_the_admin_never_edited(
    antwerp, admin_client, flaky_mail, django_capture_on_commit_callbacks
):
    notice = failed_notice(django_capture_on_commit_callbacks)
    page = admin_client.get(f"{NOTICES}{notice.pk}/change/")
    assert page.status_code == 200
    assert "451 mail server busy" in page.content.decode()
    admin_client.post(f"{NOTICES}{notice.pk}/change/", {"status": "sent", "attempts": "0"})
    assert WorkNotice.objects.get(pk=notice.pk).status == WorkNotice.Status.FAILED


def test_opnieuw_proberen_requeues_a_failed_notice_and_the_job_delivers_it(
    antwerp, admin_client, flaky_mail, mailoutbox, django_capture_on_commit_callbacks
):
    notice = failed_notice(django_capture_on_commit_callbacks)
    assert notice.next_attempt_at > timezone.now()  # the automatic retry would wait
    assert mailoutbox == []

    response = retry(admin_client, django_capture_on_commit_callbacks, notice)

    assert "1 bericht staat opnieuw in de wachtrij en wordt nu verstuurd." in response.content.decode()
    notice.refresh_from_db()
    assert notice.status == WorkNotice.Status.SENT and notice.attempts == 2
    assert notice.last_error == "" and notice.sent_at is not None and notice.next_attempt_at is None
    [mail] = mailoutbox
    assert mail.to == ["an@example.be"] and mail.subject == "Nieuw werk in uw buurt: Riolering Groenplaats"


def test_a_notice_that_used_up_its_tries_gets_one_more_and_stays_failed_if_refused_again(
    antwerp, admin_client, flaky_mail, mailoutbox, django_capture_on_commit_callbacks
):
    notice = failed_notice(django_capture_on_commit_callbacks)
    WorkNotice.objects.filter(pk=notice.pk).update(attempts=MAX_ATTEMPTS, next_attempt_at=None)
    flaky_mail.refusals = 1

    retry(admin_client, django_capture_on_commit_callbacks, notice)

    notice.refresh_from_db()
    assert notice.status == WorkNotice.Status.FAILED and notice.attempts == MAX_ATTEMPTS
    assert notice.next_attempt_at is None  # no new round of automatic retries
    assert mailoutbox == []

    retry(admin_client, django_capture_on_commit_callbacks, notice)  # the server is back
    notice.refresh_from_db()
    assert notice.status == WorkNotice.Status.SENT and len(mailoutbox) == 1


def test_opnieuw_proberen_leaves_sent_notices_alone(
    antwerp, admin_client, flaky_mail, mailoutbox, django_capture_on_commit_callbacks
):
    failed = failed_notice(django_capture_on_commit_callbacks)
    flaky_mail.refusals = 1
    sent = failed_notice(
        django_capture_on_commit_callbacks, email="bert@example.be", title="Kabels Deurne", at=public.DEURNE
    )
    retry(admin_client, django_capture_on_commit_callbacks, sent)
    sent.refresh_from_db()
    assert sent.status == WorkNotice.Status.SENT
    mailoutbox.clear()

    response = retry(admin_client, django_capture_on_commit_callbacks, failed, sent)

    page = response.content.decode()
    assert "1 bericht staat opnieuw in de wachtrij" in page
    assert "1 bericht blijft ongewijzigd" in page
    assert [mail.to for mail in mailoutbox] == [["an@example.be"]]  # the sent one does not go twice
    assert WorkNotice.objects.get(pk=sent.pk).sent_at == sent.sent_at


def test_staff_without_the_change_permission_cannot_requeue(
    antwerp, client, make_user, flaky_mail, mailoutbox, django_capture_on_commit_callbacks
):
    notice = failed_notice(django_capture_on_commit_callbacks)
    viewer = make_user(Role.ADMIN, is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_worknotice"))
    client.force_login(viewer)
    page = client.get(NOTICES)
    assert page.status_code == 200 and "Riolering Groenplaats" in page.content.decode()
    assert "opnieuw proberen" not in page.content.decode()

    retry(client, django_capture_on_commit_callbacks, notice)

    assert WorkNotice.objects.get(pk=notice.pk).status == WorkNotice.Status.FAILED
    assert mailoutbox == []


def test_a_citizen_cannot_reach_the_notices(antwerp, client, make_user):
    client.force_login(make_user(Role.CITIZEN))
    assert client.get(NOTICES, follow=True).status_code == 403


def test_the_subscriptions_list_shows_each_subscription_s_notices_per_status(
    antwerp, admin_client, flaky_mail, django_capture_on_commit_callbacks
):
    notice = failed_notice(django_capture_on_commit_callbacks)
    flaky_mail.refusals = 0
    second = public.make_work(title="Kabels Nationalestraat")
    with django_capture_on_commit_callbacks(execute=True):
        notices_queue_for_works(work_ids=[second.pk])
    pk = notice.subscription_id

    page = admin_client.get(SUBSCRIPTIONS).content.decode()

    failed_link = f"{NOTICES}?subscription__id__exact={pk}&amp;status__exact=failed"
    sent_link = f"{NOTICES}?subscription__id__exact={pk}&amp;status__exact=sent"
    assert f'<a href="{failed_link}">1</a>' in page and f'<a href="{sent_link}">1</a>' in page
    assert "Berichten niet bezorgd" in page
    listed = admin_client.get(NOTICES, {"subscription__id__exact": pk, "status__exact": "failed"}).content.decode()
    assert "Riolering Groenplaats" in listed and "Kabels Nationalestraat" not in listed
    assert f'<a href="{failed_link}">1</a>' in admin_client.get(f"{SUBSCRIPTIONS}{pk}/change/").content.decode()
