from __future__ import annotations

import io

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfReader

from loket.correspondence.models import Letter
from loket.correspondence.pdf import letter_pdf
from tests.correspondence.conftest import EXE


@pytest.fixture(autouse=True)
def _wednesday_4_march():
    with time_machine.travel("2026-03-04 10:00 +01:00", tick=False):
        yield


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_printable_letter_carries_the_reference_subject_and_parties(register):
    letter = register(subject="Advies over het Kielplein — dringend", reply_expected=True, reply_days=10)
    text = pdf_text(letter_pdf(letter))
    assert letter.reference in text
    assert "Advies over het Kielplein - dringend" in text
    assert "Stad: Mobiliteit" in text
    assert "Antwoord verwacht uiterlijk op 16 maart 2026" in text


def test_the_pdf_page_answers_a_pdf(client, register, helpdesk):
    letter = register()
    client.force_login(helpdesk)
    response = client.get(f"/brieven/{letter.reference}/brief.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert letter.reference in pdf_text(response.content)


def test_the_form_registers_a_letter_and_shows_its_reference(client, berchem):
    client.force_login(berchem)
    assert client.get("/brieven/nieuw/").status_code == 200
    response = client.post(
        "/brieven/nieuw/",
        {
            "sender": "district_council:berchem",
            "recipients": ["city_college"],
            "subject": "Vraag over de begroting",
            "letter_date": "2026-03-04",
            "body": "Geachte,",
            "reply_expected": "on",
            "reply_days": "10",
        },
        follow=True,
    )
    letter = Letter.objects.get()
    assert letter.reference in response.content.decode()
    assert letter.reply_due is not None


def test_the_form_shows_errors_next_to_the_fields_and_keeps_the_text(client, berchem):
    client.force_login(berchem)
    response = client.post(
        "/brieven/nieuw/",
        {
            "sender": "district_council:berchem",
            "recipients": ["district_council:deurne"],
            "subject": "Mijn onderwerp",
            "letter_date": "2026-03-04",
            "body": "Mijn zorgvuldig getypte tekst",
            "reply_expected": "on",
            "attachments": SimpleUploadedFile("x.pdf", EXE),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Geef de antwoordtermijn in werkdagen." in page
    assert "Mijn zorgvuldig getypte tekst" in page
    assert not Letter.objects.exists()


def test_a_reply_is_prefilled_from_the_letter_it_answers(client, register, mobility):
    letter = register(reply_expected=True, reply_days=10)
    client.force_login(mobility)
    page = client.get(f"/brieven/nieuw/?antwoord-op={letter.reference}").content.decode()
    assert f"Antwoord op {letter.reference}" in page
    response = client.post(
        "/brieven/nieuw/",
        {
            "in_reply_to": letter.reference,
            "sender": "city_service:stad-mobiliteit",
            "recipients": ["district_executive:berchem"],
            "subject": "Antwoord: advies",
            "letter_date": "2026-03-04",
            "body": "Ons advies is positief.",
        },
    )
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == Letter.Status.ANSWERED
    thread = client.get(response["Location"]).content.decode()
    assert letter.reference in thread


def test_status_changes_from_the_page_and_bad_status_is_refused(client, register, helpdesk):
    letter = register()
    client.force_login(helpdesk)
    client.post(f"/brieven/{letter.reference}/status/", {"status": "sent"})
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENT
    response = client.post(f"/brieven/{letter.reference}/status/", {"status": "registered"}, follow=True)
    assert "kan niet naar" in response.content.decode()
    response = client.post(f"/brieven/{letter.reference}/status/", {"status": "kwijt"}, follow=True)
    assert "Kies een geldige status." in response.content.decode()
    letter.refresh_from_db()
    assert letter.status == Letter.Status.SENT


def test_the_overdue_page_groups_per_district_and_per_city_service(client, register, helpdesk):
    with time_machine.travel("2026-01-05 10:00 +01:00", tick=False):
        import datetime as dt

        register(letter_date=dt.date(2026, 1, 5), reply_expected=True, reply_days=5, subject="Laat antwoord stad")
        register(
            sender="city_college",
            recipients=["district_council:deurne"],
            letter_date=dt.date(2026, 1, 5),
            reply_expected=True,
            reply_days=5,
            subject="Laat antwoord district",
        )
    client.force_login(helpdesk)
    page = client.get("/brieven/achterstand/").content.decode()
    assert "Laat antwoord stad" in page and "Stad: Mobiliteit" in page
    assert "Laat antwoord district" in page and "Deurne" in page


def test_the_list_filters_by_status(client, register, helpdesk):
    register()
    client.force_login(helpdesk)
    assert "Advies over het Kielplein" in client.get("/brieven/?status=registered").content.decode()
    assert "Advies over het Kielplein" not in client.get("/brieven/?status=closed").content.decode()
