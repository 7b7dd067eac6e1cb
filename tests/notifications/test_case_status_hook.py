from __future__ import annotations

from django.core import mail

from loket.cases.services import case_transition
from loket.notifications.models import Notification


def test_a_public_status_change_notifies_the_citizen_with_reference_and_label(
    make_case, citizen, agent, django_capture_on_commit_callbacks
):
    case = make_case(citizen=citizen)
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=case, to_status="in_progress", actor=agent, text="We bekijken uw aanvraag.", public=True)
    notification = Notification.objects.get(case=case)
    assert (notification.template_key, notification.status) == ("case_status_changed", "sent")
    assert notification.subject == f"Uw aanvraag {case.reference}: in behandeling"
    assert "We bekijken uw aanvraag." in mail.outbox[0].body
    assert case.reference in mail.outbox[0].body


def test_an_internal_status_or_a_case_without_citizen_notifies_nobody(
    make_case, citizen, agent, django_capture_on_commit_callbacks
):
    report = make_case(citizen=citizen, kind="report", title="Losliggende tegel")
    anonymous = make_case(citizen=None)
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=report, to_status="in_progress", actor=agent)  # internal step for reports
        case_transition(case=anonymous, to_status="in_progress", actor=agent)
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_asking_for_information_and_closing_use_their_own_templates(
    make_case, citizen, agent, django_capture_on_commit_callbacks
):
    case = make_case(citizen=citizen)
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=case, to_status="in_progress", actor=agent)
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(
            case=case, to_status="waiting_for_citizen", actor=agent, text="Stuur uw huurcontract.", public=True
        )
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=case, to_status="withdrawn", actor=agent)
    keys = list(Notification.objects.order_by("id").values_list("template_key", flat=True))
    assert keys == ["case_status_changed", "case_information_requested", "case_closed"]
    assert "Stuur uw huurcontract." in mail.outbox[1].body
    assert "afgerond met als resultaat: ingetrokken" in mail.outbox[2].body


def test_the_citizen_is_not_told_of_their_own_change(make_case, citizen, django_capture_on_commit_callbacks):
    case = make_case(citizen=citizen)
    with django_capture_on_commit_callbacks(execute=True):
        case_transition(case=case, to_status="withdrawn", actor=citizen)
    assert not Notification.objects.exists()
