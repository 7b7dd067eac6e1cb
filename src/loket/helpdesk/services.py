"""Writes of the helpdesk: a district asks; the helpdesk assigns, answers, asks back, closes and
publishes the answer in the knowledge base; the asker replies.

Every write goes through the case engine (status, assignment, notes, attachments: the case's
history is the conversation) and moves the question's business-time clock in the same
transaction. Public notes and public status texts are what the asking district reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import DISTRICT_ROLES, Role
from loket.cases.attachments import case_add_attachment
from loket.cases.models import Case, CaseEvent, Channel
from loket.cases.services import case_add_note, case_assign, case_create, case_transition
from loket.catalogue.knowledge import article_publish
from loket.catalogue.models import Competence, KnowledgeArticle, Topic
from loket.helpdesk import clock
from loket.helpdesk.models import QuestionSla, QuestionTopic
from loket.helpdesk.selectors import helpdesk_team
from loket.helpdesk.workflow import ANSWERED, ASSIGNED, CLOSED, NEW, WAITING

HANDLER_ROLES = frozenset({Role.HELPDESK, Role.MANAGER, Role.ADMIN})


def _text(value: str, field: str, message: str) -> str:
    if not value or not value.strip():
        raise ValidationError({field: message})
    return value.strip()


def _locked_sla(case: Case) -> QuestionSla:
    try:
        return QuestionSla.objects.select_for_update().get(case_id=case.pk)
    except QuestionSla.DoesNotExist:
        raise ValidationError(_("Deze zaak is geen vraag aan de helpdesk.")) from None


def _attach(case: Case, uploads: Iterable[Any], actor: Any) -> None:
    for upload in uploads:
        try:
            case_add_attachment(case=case, upload=upload, actor=actor)
        except ValidationError as exc:  # next to the field; the code (too_large, …) stays on the error
            raise ValidationError({"attachments": [exc]}) from None


def _sync_deadline(case: Case, sla: QuestionSla) -> None:
    """The case's deadline (a date, for the work queue) follows the answer's due moment."""
    deadline = timezone.localdate(sla.answer_due)
    if case.deadline != deadline:
        Case.objects.filter(pk=case.pk).update(deadline=deadline)
        case.deadline = deadline


def _check_open(case: Case) -> None:
    if case.status == CLOSED:
        raise ValidationError(_("Deze vraag is afgesloten."))


def _check_handler(actor: Any) -> None:
    if getattr(actor, "role", None) not in HANDLER_ROLES:
        raise PermissionDenied(_("Enkel de helpdesk behandelt vragen."))


@transaction.atomic
def question_ask(*, actor: Any, title: str, text: str, topic: str, uploads: Iterable[Any] = ()) -> Case:
    """A district's question to the helpdesk: a case of kind ``question`` from the asker's district,
    handled by the helpdesk team, with its clock started now."""
    if getattr(actor, "role", None) not in DISTRICT_ROLES or not getattr(actor, "district_id", None):
        raise PermissionDenied(_("Enkel districtsmedewerkers en bestuurscoördinatoren stellen vragen."))
    errors: dict[str, str] = {}
    if topic not in QuestionTopic.values:
        errors["topic"] = _("Kies een onderwerp.")
    if not text or not text.strip():
        errors["text"] = _("Beschrijf je vraag.")
    if not title or not title.strip():
        errors["title"] = _("Geef je vraag een titel.")
    if errors:
        raise ValidationError(errors)
    case = case_create(
        kind="question",
        title=title,
        description=text.strip(),
        channel=Channel.INTERNAL,
        actor=actor,
        requesting_district=actor.district,
        data={"helpdesk_topic": topic},
    )
    team = helpdesk_team()
    if team is not None:
        case_assign(case=case, actor=actor, team=team)
    sla = QuestionSla(case=case)
    clock.clock_start(sla=sla, topic=topic, at=timezone.now())
    sla.save()
    _sync_deadline(case, sla)
    _attach(case, uploads, actor)
    return case


@transaction.atomic
def question_assign(*, case: Case, actor: Any, assignee: Any) -> Case:
    """Give the question to a helpdesk colleague; a new question becomes 'toegewezen'."""
    _check_handler(actor)
    _check_open(case)
    if assignee is None or not getattr(assignee, "is_active", False) or assignee.role not in HANDLER_ROLES:
        raise ValidationError({"assignee": _("Een vraag gaat enkel naar een actieve medewerker van de helpdesk.")})
    case_assign(case=case, actor=actor, assignee=assignee)
    if case.status == NEW:
        case_transition(case=case, to_status=ASSIGNED, actor=actor)
    return case


def _take_if_unassigned(case: Case, actor: Any) -> None:
    if case.assignee_id is None:
        case_assign(case=case, actor=actor, assignee=actor)


def _first_response(sla: QuestionSla, now: dt.datetime) -> None:
    if sla.first_response_at is None:
        sla.first_response_at = now


@transaction.atomic
def question_answer(*, case: Case, actor: Any, text: str, final: bool = True, uploads: Iterable[Any] = ()) -> Case:
    """Answer the asking district. The first message to the asker is the first response; a final
    answer makes the question 'beantwoord' and stops its clock (the asker may still react)."""
    _check_handler(actor)
    text = _text(text, "text", _("Schrijf een antwoord."))
    sla = _locked_sla(case)
    _check_open(case)
    if final and case.status == ANSWERED:
        raise ValidationError({"text": _("Deze vraag is al beantwoord; stuur een aanvulling als tussentijds bericht.")})
    now = timezone.now()
    _take_if_unassigned(case, actor)
    if final:
        if case.status == WAITING:
            clock.clock_resume(sla=sla, at=now)
        case_transition(case=case, to_status=ANSWERED, actor=actor, text=text, public=True)
        sla.answered_at = now
        clock.clock_pause(sla=sla, at=now, status=ANSWERED)
    else:
        case_add_note(case=case, text=text, actor=actor, public=True)
        if case.status == NEW:
            case_transition(case=case, to_status=ASSIGNED, actor=actor)
    _first_response(sla, now)
    sla.save()
    _sync_deadline(case, sla)
    _attach(case, uploads, actor)
    return case


@transaction.atomic
def question_ask_back(*, case: Case, actor: Any, text: str) -> Case:
    """Ask the district for more information: 'wacht op de vraagsteller', the clock stands still."""
    _check_handler(actor)
    text = _text(text, "text", _("Schrijf wat je van de vraagsteller wil weten."))
    sla = _locked_sla(case)
    _check_open(case)
    if case.status in (WAITING, ANSWERED):
        raise ValidationError(_("In deze status kan je niets terugvragen."))
    now = timezone.now()
    _take_if_unassigned(case, actor)
    case_transition(case=case, to_status=WAITING, actor=actor, text=text, public=True)
    _first_response(sla, now)
    clock.clock_pause(sla=sla, at=now, status=WAITING)
    sla.save()
    return case


@transaction.atomic
def question_asker_reply(
    *, case: Case, actor: Any, text: str, reopen: bool = False, uploads: Iterable[Any] = ()
) -> Case:
    """The asking district's message. When the helpdesk waits for it, the clock runs again; after an
    answer, ``reopen`` says the question is not answered yet (the clock runs again too)."""
    if getattr(actor, "role", None) not in DISTRICT_ROLES or actor.district_id != case.requesting_district_id:
        raise PermissionDenied(_("Enkel het district dat de vraag stelde, antwoordt hierop."))
    text = _text(text, "text", _("Schrijf je antwoord."))
    sla = _locked_sla(case)
    _check_open(case)
    case_add_note(case=case, text=text, actor=actor, public=True)
    now = timezone.now()
    if case.status == WAITING or (case.status == ANSWERED and reopen):
        target = ASSIGNED if case.assignee_id else NEW
        clock.clock_resume(sla=sla, at=now)
        if case.status == ANSWERED:
            sla.answered_at = None
        case_transition(case=case, to_status=target, actor=actor)
    sla.save()
    _sync_deadline(case, sla)
    _attach(case, uploads, actor)
    return case


@transaction.atomic
def question_close(*, case: Case, actor: Any, text: str = "") -> Case:
    """Close the question (with a last word to the asker, if any); no alerts any more."""
    _check_handler(actor)
    sla = _locked_sla(case)
    _check_open(case)
    case_transition(case=case, to_status=CLOSED, actor=actor, text=text.strip(), public=bool(text.strip()))
    clock.clock_stop(sla=sla, at=timezone.now())
    sla.save()
    return case


def question_answer_text(*, case: Case) -> str:
    """The helpdesk's last final answer (the public text of the last move to 'beantwoord')."""
    event = (
        CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.STATUS, to_status=ANSWERED, public=True)
        .order_by("-at", "-id")
        .only("text")
        .first()
    )
    return event.text if event else ""


@transaction.atomic
def question_publish_answer(
    *,
    case: Case,
    actor: Any,
    title: str,
    question: str,
    answer: str,
    audience: str = "internal",
    topic: Topic | None = None,
    competence: Competence | None = None,
    legal_references: str = "",
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
) -> KnowledgeArticle:
    """Publish an answered question in the knowledge base in one step, owned by the helpdesk team.

    Raises ``ValidationError`` with code ``not_answered`` before an answer, ``already_published``
    the second time.
    """
    _check_handler(actor)
    sla = _locked_sla(case)
    if sla.answered_at is None and not question_answer_text(case=case):
        raise ValidationError(_("Publiceer pas nadat de vraag beantwoord is."), code="not_answered")
    if KnowledgeArticle.objects.filter(source_case=case).exists():
        raise ValidationError(_("Het antwoord op deze vraag staat al in de kennisbank."), code="already_published")
    article = article_publish(
        title=title,
        question=question,
        answer=answer,
        actor=actor,
        audience=audience,
        topic=topic,
        competence=competence,
        legal_references=legal_references,
        valid_from=valid_from,
        valid_until=valid_until,
        owner_team=helpdesk_team() or getattr(actor, "team", None),
        source_case=case,
    )
    case_add_note(
        case=case,
        text=_("Het antwoord staat in de kennisbank: %(title)s.") % {"title": article.title},
        actor=actor,
        public=True,
    )
    return article


@transaction.atomic
def question_clock_follow(*, case: Any, from_status: str, to_status: str, actor: Any) -> None:
    """Keep the clock with a status changed outside these services (the generic case page).

    Registered on the case engine's ``case_status_changed`` hook (after commit). The services
    above move the clock themselves, so for their changes this finds nothing to do.
    """
    if getattr(case, "kind", None) != "question":
        return
    sla = QuestionSla.objects.select_for_update().filter(case_id=case.pk).first()
    if sla is None:
        return
    now = timezone.now()
    if to_status == CLOSED:
        if sla.closed_at is None:
            clock.clock_stop(sla=sla, at=now)
    elif to_status in (WAITING, ANSWERED):
        _first_response(sla, now)
        if to_status == ANSWERED and sla.answered_at is None:
            clock.clock_resume(sla=sla, at=now)  # from waiting straight to answered: that pause ends
            sla.answered_at = now
        clock.clock_pause(sla=sla, at=now, status=to_status)
    elif sla.paused_since is not None:
        clock.clock_resume(sla=sla, at=now)
        if from_status == ANSWERED:
            sla.answered_at = None
    sla.save()
    _sync_deadline(Case.objects.get(pk=case.pk), sla)
