"""Starting a request on the caller's behalf: from the workspace to the on-behalf form and back."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.cases.models import Case
from loket.citizens.models import ContactMoment

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXTRACT = {
    "rijksregisternummer": "85.07.30-033.28",
    "adres": "Statiestraat 10, 2600 Antwerpen",
    "aantal": "1",
    "levering": "post",
    "doel": "werk",
    "consent": "on",
}


def behalf_url(citizen, service="bewijs-van-woonst", **query) -> str:
    url = f"/aanvragen/{service}/namens/{citizen.pk}/"
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_start_request_sends_the_agent_to_the_on_behalf_form_with_the_way_back(agent_client, an):
    page = agent_client.get("/contactcenter/aanvraag/", {"burger": an.pk, "service": "bewijs-van-woonst"})

    assert page.status_code == 302
    target = urlsplit(page.url)
    query = parse_qs(target.query)
    assert target.path == f"/aanvragen/bewijs-van-woonst/namens/{an.pk}/"
    assert query["kanaal"] == ["phone"]
    assert query["terug"] == [f"/contactcenter/?burger={an.pk}"]
    assert query["gestart"][0].isdigit()


def test_start_request_without_a_service_stays_on_the_workspace_with_the_error(agent_client, an):
    page = agent_client.get("/contactcenter/aanvraag/", {"burger": an.pk, "service": "geen-dienst"})

    assert page.status_code == 400
    assert 'id="id_service_error"' in page.text
    assert "An Van den Bossche" in page.text


def test_start_request_needs_a_citizen(agent_client, catalogue):
    assert agent_client.get("/contactcenter/aanvraag/", {"service": "bewijs-van-woonst"}).status_code == 404


def test_the_on_behalf_form_is_prefilled_from_the_profile_and_the_look_is_audited(agent_client, an):
    page = agent_client.get(behalf_url(an, kanaal="phone"))

    assert page.status_code == 200
    assert "Aanvraag namens een burger: Bewijs van woonst" in page.text
    assert 'value="85.07.30-033.28"' in page.text
    assert 'value="Statiestraat 10, 2600 Antwerpen"' in page.text  # "Uw adres": the citizen's own
    assert "De burger gaat akkoord" in page.text
    assert AuditEntry.objects.filter(action="view", object_id=str(an.pk), object_type="citizens.citizen").exists()


def test_submitting_opens_a_phone_case_and_a_contact_moment_linked_to_it(agent_client, an, agent):
    page = agent_client.post(
        behalf_url(an, kanaal="phone", terug=f"/contactcenter/%3Fburger%3D{an.pk}", gestart="1"),
        {**EXTRACT, "contact-duration": "6", "contact-notes": "Belde voor een attest"},
    )

    case = Case.objects.get(kind="request")
    moment = ContactMoment.objects.get(citizen=an)
    assert page.status_code == 302
    assert page.url.startswith(f"/aanvragen/aanvraag/{case.reference}/namens/")
    assert case.channel == "phone"
    assert case.citizen == an.user
    assert case.created_by == agent
    assert case.data["answers"]["levering"] == "post"
    assert moment.outcome == ContactMoment.Outcome.REQUEST_STARTED
    assert moment.case == case
    assert moment.channel == "phone"
    assert moment.duration_seconds == 360
    assert moment.notes == "Belde voor een attest"

    confirmation = agent_client.get(page.url)
    assert confirmation.status_code == 200
    assert case.reference in confirmation.text
    assert f'href="/contactcenter/?burger={an.pk}"' in confirmation.text


def test_a_counter_clerk_files_on_the_counter_channel_by_default(client, an, make_user):
    client.force_login(make_user(Role.CLERK))

    client.post(behalf_url(an), EXTRACT)

    assert Case.objects.get(kind="request").channel == "counter"
    assert ContactMoment.objects.get(citizen=an).channel == "counter"


def test_a_mistake_comes_back_next_to_the_field_with_everything_typed_and_nothing_filed(agent_client, an):
    answers = {**EXTRACT, "rijksregisternummer": "85.07.30-033.29", "consent": ""}

    page = agent_client.post(behalf_url(an, kanaal="phone"), {**answers, "contact-notes": "Blijft staan"})

    assert page.status_code == 400
    assert 'id="id_rijksregisternummer_error"' in page.text
    assert 'id="id_consent_error"' in page.text
    assert 'value="Statiestraat 10, 2600 Antwerpen"' in page.text
    assert "Blijft staan" in page.text
    assert not Case.objects.exists()
    assert not ContactMoment.objects.exists()


def test_a_required_document_is_asked_for_and_an_uploaded_one_is_attached(agent_client, an):
    answers = {"adres": "Statiestraat 10, 2600 Antwerpen", "nummerplaat": "1-ABC-123", "consent": "on"}

    missing = agent_client.post(behalf_url(an, service="bewonerskaart"), answers)
    assert missing.status_code == 400
    assert 'id="id_doc_inschrijvingsbewijs_error"' in missing.text

    upload = SimpleUploadedFile("inschrijving.pdf", PDF, content_type="application/pdf")
    done = agent_client.post(behalf_url(an, service="bewonerskaart"), {**answers, "doc_inschrijvingsbewijs": upload})
    assert done.status_code == 302
    assert Case.objects.get().attachments.get().original_name == "inschrijving.pdf"


def test_a_foreign_return_address_is_ignored(agent_client, an):
    page = agent_client.post(behalf_url(an, terug="https://evil.example/"), EXTRACT)

    confirmation = agent_client.get(page.url)
    assert "evil.example" not in confirmation.text
    assert f"/contactcenter/?burger={an.pk}" in confirmation.text


def test_a_service_without_a_form_or_an_unknown_citizen_is_not_found(agent_client, an):
    assert agent_client.get(behalf_url(an, service="bestaat-niet")).status_code == 404
    assert agent_client.get("/aanvragen/bewijs-van-woonst/namens/999999/").status_code == 404


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.DISTRICT_STAFF])
def test_only_the_front_office_files_on_behalf(client, an, make_user, role):
    client.force_login(make_user(role, district="berchem" if role == Role.DISTRICT_STAFF else None))

    assert client.get(behalf_url(an)).status_code == 403
    assert client.post(behalf_url(an), EXTRACT).status_code == 403
    assert not Case.objects.exists()


def test_the_confirmation_shows_only_requests_filed_by_the_front_office(agent_client, an, agent):
    from loket.cases.services import case_create

    online = case_create(kind="request", title="Online", channel="online", actor=an.user, citizen=an.user)

    assert agent_client.get(f"/aanvragen/aanvraag/{online.reference}/namens/").status_code == 404
