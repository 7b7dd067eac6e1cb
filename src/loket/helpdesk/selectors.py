"""Reads of the helpdesk, always through the reader's scope.

- district staff and coordinators see the questions their own district asked, nothing of others;
- the helpdesk (and managers, administrators) see every question;
- anyone else sees none.

The published answers are knowledge articles made from questions; who reads which article is the
knowledge base's rule (``catalogue.knowledge``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case as Switch
from django.db.models import DateTimeField, F, Q, QuerySet, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts import rules
from loket.accounts.models import Role, User
from loket.accounts.scoping import filter_by_district
from loket.cases.models import Case, CaseEvent
from loket.catalogue.knowledge import article_search, article_visible_queryset
from loket.catalogue.models import KnowledgeArticle
from loket.helpdesk.models import QuestionSla
from loket.organisation.models import Team

HELPDESK_TEAM_SLUG = "stad-helpdesk"
OPEN_STATUSES = ("new", "assigned", "waiting_for_asker", "answered")


def helpdesk_team() -> Team | None:
    """The team that handles the districts' questions (None when the city has none)."""
    return Team.objects.filter(slug=HELPDESK_TEAM_SLUG).first()


def helpdesk_handlers() -> QuerySet[User]:
    """Who a question may be assigned to: the active helpdesk staff."""
    return User.objects.filter(is_active=True, role=Role.HELPDESK).order_by("first_name", "last_name", "id")


def question_sla(case: Case) -> QuestionSla:
    """The clock of a question (the reverse one-to-one, typed)."""
    return case.helpdesk_sla  # type: ignore[attr-defined,no-any-return]


def question_visible_to(*, user: Any) -> QuerySet[Case]:
    """The helpdesk questions ``user`` may see (cases with a helpdesk clock)."""
    questions = Case.objects.filter(kind="question", helpdesk_sla__isnull=False)
    if not rules.HELPDESK_USERS.allows(user):
        return questions.none()
    return filter_by_district(user, questions, "requesting_district")


def _late(done: str, due: str, now: dt.datetime) -> Q:
    """Done after the due moment, or not done and the due moment passed (before any pause)."""
    return Q(**{f"helpdesk_sla__{done}__isnull": False, f"helpdesk_sla__{done}__gt": F(f"helpdesk_sla__{due}")}) | Q(
        Q(**{f"helpdesk_sla__{done}__isnull": True, f"helpdesk_sla__{due}__lt": now}),
        Q(helpdesk_sla__paused_since__isnull=True) | Q(**{f"helpdesk_sla__{due}__lt": F("helpdesk_sla__paused_since")}),
    )


def breached_condition(now: dt.datetime) -> Q:
    """A first response or an answer late (or overdue now)."""
    return _late("first_response_at", "response_due", now) | _late("answered_at", "answer_due", now)


@dataclass(frozen=True)
class QuestionFilters:
    status: str = ""  # a status, "open" (default) or "all"
    topic: str = ""
    district: str = ""  # a district slug
    assignee: str = ""  # "me", "nobody" or ""
    breached: bool | None = None


def question_list(*, user: Any, filters: QuestionFilters | None = None) -> QuerySet[Case]:
    """The questions ``user`` may see, filtered; open ones by the due moment the helpdesk works
    towards (first response, then answer), the rest newest first."""
    filters = filters or QuestionFilters()
    questions = question_visible_to(user=user).select_related("helpdesk_sla", "requesting_district", "assignee", "team")
    if filters.status in ("", "open"):
        questions = questions.filter(status__in=OPEN_STATUSES)
    elif filters.status != "all":
        questions = questions.filter(status=filters.status)
    if filters.topic:
        questions = questions.filter(helpdesk_sla__topic=filters.topic)
    if filters.district:
        questions = questions.filter(requesting_district__slug=filters.district)
    if filters.assignee == "me":
        questions = questions.filter(assignee=user)
    elif filters.assignee == "nobody":
        questions = questions.filter(assignee__isnull=True)
    if filters.breached is not None:
        late = breached_condition(timezone.now())
        questions = questions.filter(late) if filters.breached else questions.exclude(late)
    next_due = Switch(
        When(helpdesk_sla__first_response_at__isnull=True, then=F("helpdesk_sla__response_due")),
        default=F("helpdesk_sla__answer_due"),
        output_field=DateTimeField(),
    )
    return questions.annotate(next_due=next_due).order_by(
        F("helpdesk_sla__closed_at").desc(nulls_first=True),
        F("helpdesk_sla__answered_at").asc(nulls_first=True),
        "next_due",
        "-id",
    )


def question_list_for_district(*, user: Any, status: str = "all") -> QuerySet[Case]:
    """A district's own questions, newest first."""
    questions = question_visible_to(user=user).select_related("helpdesk_sla", "assignee")
    if status == "open":
        questions = questions.filter(status__in=OPEN_STATUSES)
    return questions.order_by("-created_at", "-id")


def question_get(*, user: Any, reference: str) -> Case:
    """One question by reference; 404 when it does not exist or lies outside ``user``'s scope."""
    case = (
        question_visible_to(user=user)
        .select_related("helpdesk_sla", "requesting_district", "assignee", "team")
        .filter(reference=reference)
        .first()
    )
    if case is None:
        raise Http404(_("Geen vraag met referentie %(reference)s.") % {"reference": reference})
    return case


def question_conversation(*, case: Case, public_only: bool) -> QuerySet[CaseEvent]:
    """The messages of a question, oldest first: what was said to and by the asker (public) and,
    for the helpdesk, the internal steps too."""
    events = case.events.select_related("actor", "assignee", "team", "attachment").order_by("at", "id")
    if public_only:
        return events.filter(public=True)
    return events


def question_article(*, case: Case) -> KnowledgeArticle | None:
    """The knowledge article published from this question, if any."""
    return KnowledgeArticle.objects.filter(source_case=case).order_by("id").first()


def published_answers(*, user: Any, q: str = "", limit: int = 50) -> list[KnowledgeArticle]:
    """Published answers to districts' questions that ``user`` may read: the best matches for ``q``,
    or the newest without words."""
    if q.strip():
        found = article_search(q=q, user=user, limit=limit)
        sources = dict(
            KnowledgeArticle.objects.filter(pk__in=[a.pk for a in found]).values_list("pk", "source_case__kind")
        )
        return [article for article in found if sources.get(article.pk) == "question"]
    visible = article_visible_queryset(user=user).filter(source_case__kind="question")
    return list(visible.order_by("-created_at", "-id")[:limit])


def question_counts(*, user: Any) -> dict[str, int]:
    """Open and breached questions in ``user``'s scope (for the start page)."""
    open_questions = question_visible_to(user=user).filter(status__in=OPEN_STATUSES)
    return {
        "open": open_questions.count(),
        "breached": open_questions.filter(breached_condition(timezone.now())).count(),
    }
