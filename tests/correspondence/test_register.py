from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from loket.correspondence.models import Letter
from loket.correspondence.services import letter_set_status
from tests.correspondence.conftest import EXE, PDF, PNG


@pytest.fixture(autouse=True)
def _wednesday_4_march():
    with time_machine.travel("2026-03-04 10:00 +01:00", tick=False):
        yield


def test_a_letter_gets_a_brf_reference_in_sequence(register):
    first, second = register(), register(subject="Tweede brief")
    assert first.reference == "BRF-2026-000001"
    assert second.reference == "BRF-2026-000002"


def test_a_letter_from_a_district_goes_to_the_city_and_belongs_to_that_district(register):
    letter = register()
    assert letter.direction == Letter.Direction.TO_CITY
    assert letter.district.slug == "berchem"
    assert [p.name for p in letter.recipients.all()] == ["Stad: Mobiliteit"]


def test_a_letter_from_the_city_goes_to_one_district(register):
    letter = register(sender="city_college", recipients=["district_council:deurne", "district_coordinator:deurne"])
    assert letter.direction == Letter.Direction.TO_DISTRICT
    assert letter.district.slug == "deurne"


def test_a_letter_to_two_districts_is_refused(register):
    with pytest.raises(ValidationError) as info:
        register(sender="city_college", recipients=["district_council:deurne", "district_council:berchem"])
    assert "recipients" in info.value.message_dict


def test_a_district_cannot_write_to_another_district(register):
    with pytest.raises(ValidationError):
        register(recipients=["district_council:deurne"])


def test_an_unknown_party_is_refused_with_its_code(register):
    with pytest.raises(ValidationError) as info:
        register(recipients=["city_service:bestaat-niet"])
    assert "bestaat-niet" in " ".join(info.value.messages)


def test_a_letter_needs_a_subject_and_a_text_or_a_pdf(register):
    with pytest.raises(ValidationError) as info:
        register(subject=" ")
    assert "subject" in info.value.message_dict
    with pytest.raises(ValidationError) as info:
        register(body="")
    assert "body" in info.value.message_dict
    assert register(body="", pdf=SimpleUploadedFile("brief.pdf", PDF)).pdf


def test_a_future_letter_date_is_refused(register):
    with pytest.raises(ValidationError) as info:
        register(letter_date=dt.date(2026, 3, 5))
    assert "letter_date" in info.value.message_dict


def test_the_reply_deadline_counts_working_days_from_the_letter_date(register):
    # Friday 27 February + 5 working days = Friday 6 March.
    letter = register(letter_date=dt.date(2026, 2, 27), reply_expected=True, reply_days=5)
    assert letter.reply_due == dt.date(2026, 3, 6)


def test_an_expected_reply_needs_a_term(register):
    with pytest.raises(ValidationError) as info:
        register(reply_expected=True, reply_days=None)
    assert "reply_days" in info.value.message_dict


def test_a_pdf_that_is_no_pdf_is_refused_and_nothing_is_numbered(register):
    with pytest.raises(ValidationError) as info:
        register(pdf=SimpleUploadedFile("brief.pdf", PNG))
    assert "pdf" in info.value.message_dict
    with pytest.raises(ValidationError) as info:
        register(attachments=[SimpleUploadedFile("bijlage.pdf", EXE)])
    assert "attachments" in info.value.message_dict
    assert register().reference == "BRF-2026-000001"


def test_attachments_are_kept_with_their_checked_type(register):
    letter = register(attachments=[SimpleUploadedFile("plan.png", PNG), SimpleUploadedFile("nota.pdf", PDF)])
    assert sorted(a.content_type for a in letter.attachments.all()) == ["application/pdf", "image/png"]


def test_a_reply_marks_the_letter_answered_and_joins_its_thread(register):
    letter = register(reply_expected=True, reply_days=10)
    reply = register(
        sender="city_service:stad-mobiliteit", recipients=["district_executive:berchem"], in_reply_to=letter
    )
    letter.refresh_from_db()
    assert letter.status == Letter.Status.ANSWERED
    assert reply.in_reply_to == letter


def test_no_reply_can_be_added_to_a_closed_letter(register, helpdesk):
    letter = letter_set_status(letter=register(), to_status="closed", actor=helpdesk)
    with pytest.raises(ValidationError):
        register(sender="city_service:stad-mobiliteit", recipients=["district_executive:berchem"], in_reply_to=letter)


def test_status_moves_forward_only(register, helpdesk):
    letter = letter_set_status(letter=register(), to_status="sent", actor=helpdesk)
    assert letter.sent_at is not None
    with pytest.raises(ValidationError):
        letter_set_status(letter=letter, to_status="registered", actor=helpdesk)


def test_district_staff_register_only_for_their_own_district(register, berchem, deurne):
    assert register(actor=berchem).district.slug == "berchem"
    with pytest.raises(PermissionDenied):
        register(actor=deurne)


def test_a_city_service_registers_only_letters_it_is_party_to(register, mobility):
    assert register(actor=mobility).reference
    with pytest.raises(PermissionDenied):
        register(actor=mobility, recipients=["city_service:stad-water"])
