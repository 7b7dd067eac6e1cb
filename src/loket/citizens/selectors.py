"""Reads on citizens: finding a citizen and their timeline.

``citizen_search`` first decides what the input is, then runs ONE query on an index for that
kind: a case reference (``Case.reference``, unique), an e-mail address (``email_key``), a phone
number (``phone``, normalised), a national number (``national_number``, unique) or name parts
(prefixes of ``last_name_key``/``first_name_key``). Nothing scans the table.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse

from loket.accounts.models import Role
from loket.cases.models import Case
from loket.cases.workflows import UnknownKind, workflow_for
from loket.citizens.hooks import TimelineItem, timeline_sources
from loket.citizens.keys import search_key
from loket.citizens.models import Citizen, ContactMoment
from loket.citizens.national import national_number_validate, phone_normalise

CASE_REFERENCE = re.compile(r"^[A-Za-z]{2,10}-\d{4}-\d{1,6}$")
DIGITS_ONLY = re.compile(r"^[\d\s.\-/+()]+$")
MAX_NAME_PARTS = 4


def citizen_queryset() -> QuerySet[Citizen]:
    return Citizen.objects.select_related("user", "district")


def citizen_get(*, citizen_id: int) -> Citizen:
    """One citizen or 404 (search is restricted by rule, not by district: citizens are city-wide)."""
    return get_object_or_404(citizen_queryset(), pk=citizen_id)


def search_kind(q: str) -> str:
    """What a search input is: ``reference``, ``email``, ``phone``, ``national_number``, ``name`` or ``empty``."""
    text = q.strip()
    if not text:
        return "empty"
    if CASE_REFERENCE.match(text):
        return "reference"
    if "@" in text:
        return "email"
    if DIGITS_ONLY.match(text):
        digits = re.sub(r"\D", "", text)
        if text.startswith(("+", "00", "0")) and not (len(digits) == 11 and _is_national_number(text)):
            return "phone"
        return "national_number" if len(digits) == 11 else "phone"
    return "name"


def _is_national_number(text: str) -> bool:
    try:
        national_number_validate(text)
    except Exception:
        return False
    return True


def _prefix(field: str, prefix: str) -> Q:
    """``field`` starts with ``prefix``, in a form each engine answers from a btree index."""
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__startswith": prefix})  # LIKE 'x%' on a varchar_pattern_ops index
    # SQLite: LIKE is case-insensitive and skips the index; a range on binary collation uses it.
    return Q(**{f"{field}__gte": prefix, f"{field}__lt": prefix + "\U0010ffff"})


def _name_condition(q: str) -> Q | None:
    parts = search_key(q).split()[:MAX_NAME_PARTS]
    if not parts:
        return None
    whole = " ".join(parts)
    condition = _prefix("last_name_key", whole) | _prefix("first_name_key", whole)
    for split in range(1, len(parts)):
        head, tail = " ".join(parts[:split]), " ".join(parts[split:])
        condition |= _prefix("first_name_key", head) & _prefix("last_name_key", tail)
        condition |= _prefix("last_name_key", head) & _prefix("first_name_key", tail)
    return condition


def citizen_search(*, q: str, actor: Any = None, limit: int = 25) -> list[Citizen]:
    """Citizens matching ``q``: name parts, a national number or phone in any format, an e-mail
    address or a case reference (→ the case's citizen). ``actor`` is who searches (the API audits
    the results it shows); who may search at all is the view's rule.
    """
    kind = search_kind(q)
    text = q.strip()
    if kind == "empty":
        return []
    if kind == "reference":
        case = Case.objects.filter(reference=text.upper()).select_related("citizen").first()
        if case is None or case.citizen is None or case.citizen.role != Role.CITIZEN:
            return []
        from loket.citizens.services import citizen_for_user

        return [citizen_for_user(user=case.citizen)]
    if kind == "email":
        condition = Q(email_key=text.lower())
    elif kind == "phone":
        normalised = phone_normalise(text)
        if not normalised:
            return []
        condition = Q(phone=normalised)
    elif kind == "national_number":
        condition = Q(national_number=re.sub(r"\D", "", text))
    else:
        name = _name_condition(text)
        if name is None:
            return []
        condition = name
    return list(citizen_queryset().filter(condition).order_by("last_name_key", "first_name_key", "id")[:limit])


# --- Timeline ------------------------------------------------------------------------------


def citizen_timeline(*, citizen: Citizen, limit: int = 500) -> list[TimelineItem]:
    """Everything a citizen did with the city, newest first, from every registered source."""
    items: list[TimelineItem] = []
    for source in timeline_sources():
        items.extend(source(citizen, limit=limit))
    items.sort(key=lambda item: item.at, reverse=True)
    return items[:limit]


def _url_template(name: str, **kwargs: Any) -> str:
    """A reversed URL with ``{}`` where the argument goes (one reverse, not one per item)."""
    try:
        return reverse(name, kwargs={key: "__ARG__" for key in kwargs}).replace("__ARG__", "{}")
    except NoReverseMatch:
        return ""


def contact_moment_source(citizen: Citizen, *, limit: int) -> list[TimelineItem]:
    rows = (
        ContactMoment.objects.filter(citizen=citizen)
        .order_by("-at", "-id")
        .values_list("at", "channel", "outcome", "service__name", "topic__name", "case__reference")[:limit]
    )
    channels = {key: str(label) for key, label in ContactMoment.Channel.choices}
    outcomes = {key: str(label) for key, label in ContactMoment.Outcome.choices}
    return [
        TimelineItem(
            at=at,
            kind="contact",
            channel=channel,
            title=f"{channels.get(channel, channel)}: {service or topic}" if service or topic else channels[channel],
            status=outcomes.get(outcome, outcome),
            url="",
            reference=reference or "",
        )
        for at, channel, outcome, service, topic, reference in rows
    ]


def case_source(citizen: Citizen, *, limit: int) -> list[TimelineItem]:
    rows = (
        Case.objects.filter(citizen_id=citizen.user_id)
        .order_by("-created_at", "-id")
        .values_list("created_at", "kind", "channel", "title", "status", "reference")[:limit]
    )
    url = _url_template("cases:case-detail", reference="x") or _url_template("cases-api:case-detail", reference="x")
    labels: dict[tuple[str, str], str] = {}
    items = []
    for at, kind, channel, title, status, reference in rows:
        label = labels.get((kind, status))
        if label is None:
            try:
                label = str(workflow_for(kind).label(status))
            except UnknownKind:
                label = status
            labels[(kind, status)] = label
        items.append(
            TimelineItem(
                at=at,
                kind="case",
                channel=channel,
                title=title,
                status=label,
                url=url.format(reference) if url else "",
                reference=reference,
            )
        )
    return items
