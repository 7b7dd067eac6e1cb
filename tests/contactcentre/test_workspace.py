"""The workspace: search as you type, the selected citizen's profile and timeline, who may open it."""

from __future__ import annotations

import pytest

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.cases.services import case_create
from loket.citizens.models import ContactMoment
from loket.citizens.services import contact_moment_register

WORKSPACE = "/contactcenter/"
SEARCH = "/contactcenter/zoeken/"


def views_of(citizen, field):
    """The audit trail's view lines for ``citizen`` that name ``field``."""
    entries = AuditEntry.objects.filter(
        action=AuditEntry.Action.VIEW, object_type="citizens.citizen", object_id=str(citizen.pk)
    )
    return [entry for entry in entries if field in entry.fields]


def test_an_agent_opens_the_workspace_with_search_knowledge_and_an_anonymous_contact_form(agent_client, catalogue):
    page = agent_client.get(WORKSPACE)

    assert page.status_code == 200
    assert "Burger zoeken" in page.text
    assert "Kennisbank" in page.text
    assert "het contact wordt anoniem geregistreerd" in page.text
    assert 'name="contact-channel"' in page.text


def test_searching_by_name_lists_the_citizen_and_audits_each_one_listed(agent_client, an, other):
    page = agent_client.get(WORKSPACE, {"q": "van den bos"})

    assert page.status_code == 200
    assert f"?burger={an.pk}" in page.text
    assert "Andermans" not in page.text
    assert len(views_of(an, "search")) == 1
    assert not views_of(other, "search")


@pytest.mark.parametrize("q", ["03 123 45 67", "85073003328", "AN.VDB@example.org"])
def test_searching_by_phone_national_number_or_email_finds_the_citizen(agent_client, an, q):
    page = agent_client.get(WORKSPACE, {"q": q})

    assert f"?burger={an.pk}" in page.text


def test_searching_by_a_case_reference_finds_its_citizen(agent_client, an, agent):
    case = case_create(kind="request", title="Parkeerkaart", channel="online", actor=agent, citizen=an.user)

    page = agent_client.get(SEARCH, {"q": case.reference.lower()}, HTTP_HX_REQUEST="true")

    assert f"?burger={an.pk}" in page.text


def test_the_search_answers_htmx_with_the_results_only(agent_client, an):
    page = agent_client.get(SEARCH, {"q": "An Van"}, HTTP_HX_REQUEST="true")

    assert page.status_code == 200
    assert "<html" not in page.text
    assert "1 burger gevonden" in page.text


def test_the_search_without_htmx_goes_to_the_workspace_with_the_query(agent_client, catalogue):
    page = agent_client.get(SEARCH, {"q": "Peeters"})

    assert page.status_code == 302
    assert page.url == f"{WORKSPACE}?q=Peeters"


def test_a_one_letter_search_asks_for_more_and_audits_nothing(agent_client, an):
    page = agent_client.get(SEARCH, {"q": "a"}, HTTP_HX_REQUEST="true")

    assert "Typ minstens 2 tekens." in page.text
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).exists()


def test_a_search_that_finds_nobody_offers_to_register_the_caller_with_the_names_prefilled(agent_client, catalogue):
    page = agent_client.get(WORKSPACE, {"q": "Zora Onbekend"})
    assert "Geen burger gevonden" in page.text

    form = agent_client.get(WORKSPACE, {"q": "Zora Onbekend", "nieuw": "1"})

    assert 'name="nieuw-first_name"' in form.text
    assert 'value="Zora"' in form.text
    assert 'value="Onbekend"' in form.text


def test_selecting_a_citizen_shows_profile_flag_channel_and_timeline_and_is_audited(agent_client, an, agent):
    case = case_create(kind="request", title="Bewonerskaart", channel="online", actor=agent, citizen=an.user)
    contact_moment_register(
        citizen=an, channel="phone", outcome=ContactMoment.Outcome.ANSWERED, actor=agent, notes="Vraag over afval"
    )

    page = agent_client.get(WORKSPACE, {"burger": an.pk})

    assert page.status_code == 200
    assert "An Van den Bossche" in page.text
    assert "85.07.30-033.28" in page.text
    assert "03 123 45 67" in page.text
    assert "Heeft hulp nodig bij digitale diensten" in page.text
    assert "Voorkeurskanaal" in page.text and "e-mail" in page.text
    assert case.reference in page.text  # the case, linked from the timeline
    assert "beantwoord" in page.text  # the contact moment's outcome
    assert len(views_of(an, "timeline")) == 1


def test_an_unknown_or_malformed_citizen_is_not_found(agent_client, catalogue):
    assert agent_client.get(WORKSPACE, {"burger": "999999"}).status_code == 404
    assert agent_client.get(WORKSPACE, {"burger": "abc"}).status_code == 404


@pytest.mark.parametrize("role", [Role.CITIZEN, Role.DISTRICT_STAFF, Role.COORDINATOR, Role.HELPDESK])
def test_citizens_and_district_or_helpdesk_staff_cannot_open_the_workspace(client, catalogue, make_user, role):
    client.force_login(make_user(role, district="berchem" if role in (Role.DISTRICT_STAFF, Role.COORDINATOR) else None))

    assert client.get(WORKSPACE).status_code == 403
    assert client.get(SEARCH, {"q": "an"}, HTTP_HX_REQUEST="true").status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, catalogue):
    page = client.get(WORKSPACE)

    assert page.status_code == 302
    assert page.url.startswith("/aanmelden/")


def test_a_counter_clerk_may_use_the_workspace_too(client, catalogue, make_user):
    client.force_login(make_user(Role.CLERK))

    assert client.get(WORKSPACE).status_code == 200


def test_the_knowledge_panel_searches_the_knowledge_base_filtered_to_a_service(agent_client, catalogue):
    page = agent_client.get(WORKSPACE)

    assert 'hx-get="/kennisbank/"' in page.text
    assert '<select id="kennis-dienst" name="service">' in page.text
    assert '<option value="adreswijziging">' in page.text


def test_a_new_call_restarts_the_clock(agent_client, an):
    agent_client.get(WORKSPACE, {"burger": an.pk})
    session = agent_client.session
    session["contactcentre_call"] = {"started": "2020-01-01T09:00:00+00:00", "citizen": an.pk}
    session.save()

    agent_client.post("/contactcenter/gesprek/")

    assert agent_client.session["contactcentre_call"]["citizen"] is None
    assert not agent_client.session["contactcentre_call"]["started"].startswith("2020")


def test_the_profile_lists_the_citizens_open_tasks_with_a_link(agent_client, an, agent):
    from loket.contactcentre.selectors import handover_due_default
    from loket.contactcentre.services import callback_register

    task, _moment = callback_register(
        citizen=an, phone="03 123 45 67", title="Terugbellen over premie", due_at=handover_due_default(), actor=agent
    )

    page = agent_client.get(WORKSPACE, {"burger": an.pk})

    assert "Openstaande taken" in page.text
    assert f'href="/taken/{task.pk}/">Terugbellen over premie</a>' in page.text


def test_the_workspace_reads_a_long_timeline_in_a_fixed_number_of_queries(
    agent_client, an, agent, django_assert_max_num_queries
):
    for number in range(10):
        case_create(kind="request", title=f"Aanvraag {number}", channel="online", actor=agent, citizen=an.user)
    ContactMoment.objects.bulk_create(
        ContactMoment(citizen=an, channel="phone", outcome="answered", staff=agent) for _ in range(40)
    )
    agent_client.get(WORKSPACE, {"burger": an.pk})  # warm the session and caches

    # session, user, citizen, option lists, audit line, three timeline sources, open tasks
    with django_assert_max_num_queries(13):
        page = agent_client.get(WORKSPACE, {"burger": an.pk})

    assert page.text.count('class="cc-kind-') == 50
