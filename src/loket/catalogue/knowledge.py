"""The knowledge base: publish, version and vote on articles (writes); find and show them (reads).

The contact centre answers callers from it and the helpdesk for districts publishes an answered
question in one step (``article_publish(..., source_case=case)``); see /work/notes/contracts.md.
Every edit is a new version: the article row holds the latest text, ``KnowledgeArticleVersion``
keeps each version as it was. Who sees what: staff see internal and public articles, everyone
else only public ones; a search shows only published articles valid today; district staff and
coordinators do not see articles about another district's competence (their scope).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts import rules
from loket.catalogue.knowledge_index import ArticleFilter, knowledge_generation_bump, knowledge_search
from loket.catalogue.models import (
    Audience,
    Competence,
    KnowledgeArticle,
    KnowledgeArticleVersion,
    KnowledgeVote,
    Level,
    Service,
    Topic,
)
from loket.organisation.models import District, Team

if TYPE_CHECKING:
    from loket.cases.models import Case

MAX_RESULTS = 100
EDITABLE_FIELDS = (
    "title",
    "question",
    "answer",
    "audience",
    "topic",
    "competence",
    "service",
    "legal_references",
    "valid_from",
    "valid_until",
    "owner_team",
    "published",
)
TITLE_MAX = KnowledgeArticle._meta.get_field("title").max_length


# --- writes ---------------------------------------------------------------------------------------
def _actor(actor: Any) -> Any:
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def article_check(values: dict[str, Any]) -> dict[str, Any]:
    """Check an article's fields (all of ``EDITABLE_FIELDS`` but ``published``) together and complete
    them (trimmed texts, the topic from the competence or service); raises ValidationError({field: [message]})."""
    errors: dict[str, list[str]] = {}
    for name in ("title", "question", "answer"):
        values[name] = (values[name] or "").strip()
        if not values[name]:
            errors.setdefault(name, []).append(_("Dit veld is verplicht."))
    if len(values["title"]) > (TITLE_MAX or 200):
        errors.setdefault("title", []).append(_("De titel is te lang (hoogstens 200 tekens)."))
    if values["audience"] not in Audience.values:
        errors["audience"] = [_("Kies intern of publiek.")]
    values["legal_references"] = (values["legal_references"] or "").strip()
    start, end = values["valid_from"], values["valid_until"]
    if start is not None and end is not None and end < start:
        errors["valid_until"] = [_("De einddatum ligt voor de begindatum.")]
    competence, topic, service = values["competence"], values["topic"], values["service"]
    if competence is not None:
        if topic is not None and competence.topic_id != topic.pk:
            errors["competence"] = [_("Deze bevoegdheid hoort bij een ander thema.")]
        values["topic"] = topic = topic or competence.topic
    if topic is None and service is not None:
        values["topic"] = service.topic
    if errors:
        raise ValidationError(errors)
    return values


def _snapshot(article: KnowledgeArticle, *, actor: Any, change_note: str) -> KnowledgeArticleVersion:
    return KnowledgeArticleVersion.objects.create(
        article=article,
        version=article.version,
        change_note=change_note[:300],
        created_by=_actor(actor),
        published=article.published,
        **{name: getattr(article, name) for name in EDITABLE_FIELDS if name != "published"},
    )


@transaction.atomic
def article_publish(
    *,
    title: str,
    question: str,
    answer: str,
    actor: Any,
    audience: str = Audience.INTERNAL,
    topic: Topic | None = None,
    competence: Competence | None = None,
    service: Service | None = None,
    legal_references: str = "",
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
    owner_team: Team | None = None,
    source_case: Case | None = None,
) -> KnowledgeArticle:
    """A new published article (version 1). From an answered question, pass the case as ``source_case``:
    its topic and service are used when none are given. The owner defaults to the actor's team."""
    if source_case is not None:
        topic = topic or source_case.topic
        service = service or source_case.service
    values = article_check(
        {
            "title": title,
            "question": question,
            "answer": answer,
            "audience": audience,
            "topic": topic,
            "competence": competence,
            "service": service,
            "legal_references": legal_references,
            "valid_from": valid_from,
            "valid_until": valid_until,
            "owner_team": owner_team or getattr(_actor(actor), "team", None),
        }
    )
    article = KnowledgeArticle.objects.create(
        **values,
        source_case=source_case,
        published=True,
        version=1,
        generation=knowledge_generation_bump(),
        created_by=_actor(actor),
        updated_by=_actor(actor),
    )
    note = _("Gepubliceerd vanuit zaak %(reference)s.") % {"reference": source_case.reference} if source_case else ""
    _snapshot(article, actor=actor, change_note=note or _("Eerste versie."))
    return article


@transaction.atomic
def article_update(*, article: KnowledgeArticle, actor: Any, change_note: str = "", **changes: Any) -> KnowledgeArticle:
    """Change fields of ``article`` (any of ``EDITABLE_FIELDS``) as a new version; no change, no version."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"article_update() cannot change {', '.join(sorted(unknown))}")
    locked = KnowledgeArticle.objects.select_for_update().get(pk=article.pk)
    current = {name: getattr(locked, name) for name in EDITABLE_FIELDS}
    wanted = article_check(current | changes)
    if "published" in changes:
        wanted["published"] = bool(changes["published"])
    changed = [name for name in EDITABLE_FIELDS if wanted[name] != current[name]]
    if not changed:
        return locked
    for name in changed:
        setattr(locked, name, wanted[name])
    locked.version += 1
    locked.updated_by = _actor(actor)
    locked.generation = knowledge_generation_bump()
    locked.save()
    _snapshot(locked, actor=actor, change_note=change_note.strip())
    return locked


@transaction.atomic
def article_vote(
    *, article: KnowledgeArticle, helpful: bool, user: Any = None, session_key: str = ""
) -> KnowledgeArticle:
    """Record "was this helpful?" once per user (or session without login); a second answer replaces the first."""
    user = _actor(user)
    if user is None and not session_key:
        raise ValidationError({"session": [_("Stemmen kan enkel met een sessie of na aanmelden.")]})
    # The article row's lock serializes the votes on one article, so the counters never drift.
    locked = KnowledgeArticle.objects.select_for_update().get(pk=article.pk)
    who = {"user": user} if user is not None else {"user": None, "session_key": session_key}
    vote = KnowledgeVote.objects.filter(article=locked, **who).first()
    counts: dict[str, Any] = {}
    if vote is None:
        KnowledgeVote.objects.create(article=locked, helpful=helpful, **who)
        counts = {"helpful_yes" if helpful else "helpful_no": F("helpful_yes" if helpful else "helpful_no") + 1}
    elif vote.helpful != helpful:
        vote.helpful = helpful
        vote.save(update_fields=["helpful", "at"])
        plus, minus = ("helpful_yes", "helpful_no") if helpful else ("helpful_no", "helpful_yes")
        counts = {plus: F(plus) + 1, minus: F(minus) - 1}
    if counts:
        # A plain UPDATE: votes are not edits, they make no version and leave ``updated_at`` alone.
        KnowledgeArticle.objects.filter(pk=locked.pk).update(**counts)
    locked.refresh_from_db(fields=["helpful_yes", "helpful_no"])
    return locked


# --- reads ----------------------------------------------------------------------------------------
def _is_staff(user: Any) -> bool:
    return rules.STAFF.allows(user)


def _scope_district_id(user: Any) -> int | None:
    """District staff and coordinators do not see articles about another district's competence."""
    if _is_staff(user) and getattr(user, "is_district_bound", False):
        return int(user.district_id)
    return None


def _filter(
    *, user: Any, service: Service | None = None, district: District | None = None, topic: Topic | None = None
) -> ArticleFilter:
    return ArticleFilter(
        day=timezone.localdate(),
        staff=_is_staff(user),
        service_id=service.pk if service is not None else None,
        topic_id=topic.pk if topic is not None else None,
        district_id=_scope_district_id(user) or (district.pk if district is not None else None),
    )


def article_visible_to(*, article: KnowledgeArticle, user: Any, day: dt.date | None = None) -> bool:
    """May ``user`` read ``article`` today as a published answer?"""
    day = day or timezone.localdate()
    scope = _scope_district_id(user)
    district_id = article.competence.district_id if article.competence_id and article.competence else None
    return (
        article.published
        and (article.is_public or _is_staff(user))
        and article.is_valid_on(day)
        and (scope is None or district_id in (None, scope))
    )


def article_visible_queryset(*, user: Any, day: dt.date | None = None) -> QuerySet[KnowledgeArticle]:
    """The published articles valid on ``day`` that ``user`` may read (the database's view of the rules)."""
    day = day or timezone.localdate()
    queryset = KnowledgeArticle.objects.filter(published=True).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=day), Q(valid_until__isnull=True) | Q(valid_until__gte=day)
    )
    if not _is_staff(user):
        queryset = queryset.filter(audience=Audience.PUBLIC)
    scope = _scope_district_id(user)
    if scope is not None:
        queryset = queryset.filter(
            Q(competence__isnull=True) | Q(competence__district__isnull=True) | Q(competence__district_id=scope)
        )
    return queryset.select_related("topic", "service", "competence__district", "owner_team")


def article_search(
    *,
    q: str,
    user: Any = None,
    service: Service | None = None,
    district: District | None = None,
    limit: int = 10,
    topic: Topic | None = None,
) -> list[KnowledgeArticle]:
    """The articles that best answer ``q`` for ``user``, best first; without words, the service's articles.

    ``district`` leaves out articles about another district's competence.
    """
    if not q.strip():
        if service is None:
            return []
        return articles_for_service(service=service, user=user, limit=limit)
    limit = max(1, min(limit, MAX_RESULTS))
    allow = _filter(user=user, service=service, district=district, topic=topic)
    hits = knowledge_search(q, allow=allow, limit=limit)
    by_id = (
        KnowledgeArticle.objects.select_related("topic", "service", "competence__district")
        .order_by()
        .in_bulk([doc.id for doc, _score in hits])
    )
    # The database rows decide once more: an index a moment behind never shows too much.
    day = allow.day
    found = (by_id.get(doc.id) for doc, _score in hits)
    return [a for a in found if a is not None and article_visible_to(article=a, user=user, day=day)]


def articles_for_service(*, service: Service, user: Any = None, limit: int = 20) -> list[KnowledgeArticle]:
    """The articles attached to ``service`` that ``user`` may read (public ones for citizens), by title."""
    return list(article_visible_queryset(user=user).filter(service=service).order_by("title", "id")[:limit])


def articles_for_district(*, district: District, limit: int = 20) -> list[KnowledgeArticle]:
    """Public articles about the competences of ``district``: its own rows in the register, or district
    topics in general (not another district's rows)."""
    about_district = Q(competence__district=district) | Q(
        competence__isnull=True, topic__level=Level.DISTRICT, topic__competences__district=district
    )
    queryset = article_visible_queryset(user=None).filter(about_district).distinct()
    return list(queryset.order_by("topic__name", "title", "id")[:limit])


def article_get(*, article_id: int, user: Any) -> KnowledgeArticle:
    """One article for reading: staff also get unpublished and expired ones in their scope (to edit them),
    everyone else only what ``article_visible_to`` allows. Raises KnowledgeArticle.DoesNotExist."""
    article = KnowledgeArticle.objects.select_related(
        "topic", "service", "competence__district", "competence__team", "owner_team", "source_case"
    ).get(pk=article_id)
    if _is_staff(user):
        scope = _scope_district_id(user)
        district_id = article.competence.district_id if article.competence else None
        if scope is None or district_id in (None, scope):
            return article
    elif article_visible_to(article=article, user=user):
        return article
    raise KnowledgeArticle.DoesNotExist


def article_versions(*, article: KnowledgeArticle) -> list[KnowledgeArticleVersion]:
    return list(article.versions.select_related("created_by").order_by("-version"))
