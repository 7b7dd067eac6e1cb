"""Writes on citizens and contact moments; every one is audited."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases.models import Case
from loket.catalogue.models import Service, Topic
from loket.citizens.keys import search_key
from loket.citizens.models import Citizen, ContactMoment, Language
from loket.citizens.national import national_number_validate, phone_validate
from loket.organisation.models import District, Location
from loket.organisation.selectors import district_for_postcode, district_locate_address

USER_FIELDS = ("first_name", "last_name", "email")
CITIZEN_FIELDS = (
    "national_number",
    "phone",
    "street",
    "number",
    "postcode",
    "preferred_language",
    "needs_digital_help",
)
ADDRESS_FIELDS = ("street", "number", "postcode")


def citizen_district(*, street: str, number: str, postcode: str) -> District | None:
    """The district of an address: the geocoder first, the postcode as a fallback."""
    district = None
    if street.strip():
        district = district_locate_address(address=f"{street} {number}".strip() + (f", {postcode}" if postcode else ""))
    if district is None and postcode:
        district = district_for_postcode(postcode=postcode)
    return district


def _clean(values: dict[str, Any], *, citizen: Citizen | None = None) -> dict[str, Any]:
    """Validate and normalise the fields present in ``values``; errors per field, in Dutch."""
    errors: dict[str, list[str]] = {}
    cleaned = dict(values)
    for name in ("first_name", "last_name", "email", "street", "number", "postcode"):
        if name in cleaned:
            cleaned[name] = (cleaned[name] or "").strip()
    if "email" in cleaned:
        cleaned["email"] = cleaned["email"].lower()
    for name in ("first_name", "last_name"):
        if name in cleaned and not cleaned[name]:
            errors[name] = [_("Dit veld is verplicht.")]
    if cleaned.get("national_number"):
        try:
            cleaned["national_number"] = national_number_validate(cleaned["national_number"])
        except ValidationError as exc:
            errors["national_number"] = exc.messages
        else:
            taken = Citizen.objects.filter(national_number=cleaned["national_number"])
            if citizen is not None:
                taken = taken.exclude(pk=citizen.pk)
            if taken.exists():
                errors["national_number"] = [_("Er bestaat al een burger met dit rijksregisternummer.")]
    elif "national_number" in cleaned:
        cleaned["national_number"] = None
    if "phone" in cleaned:
        try:
            cleaned["phone"] = phone_validate(cleaned["phone"] or "")
        except ValidationError as exc:
            errors["phone"] = exc.messages
    if cleaned.get("postcode") and not (cleaned["postcode"].isdigit() and len(cleaned["postcode"]) == 4):
        errors["postcode"] = [_("Een postcode heeft 4 cijfers.")]
    if "preferred_language" in cleaned and cleaned["preferred_language"] not in Language.values:
        errors["preferred_language"] = [_("Kies een van: %(choices)s.") % {"choices": ", ".join(Language.values)}]
    if errors:
        raise ValidationError(errors)
    return cleaned


def _sync_keys(citizen: Citizen) -> None:
    user = citizen.user
    citizen.first_name_key = search_key(user.first_name)
    citizen.last_name_key = search_key(user.last_name)
    citizen.email_key = (user.email or "").strip().lower()


@transaction.atomic
def citizen_create(
    *,
    first_name: str,
    last_name: str,
    national_number: str | None = None,
    email: str = "",
    phone: str = "",
    street: str = "",
    number: str = "",
    postcode: str = "",
    preferred_language: str = "nl",
    needs_digital_help: bool = False,
    actor: Any,
    user: Any = None,
    request: HttpRequest | None = None,
) -> Citizen:
    """A new citizen: a User (role citizen, unusable password unless ``user`` is given) and a profile."""
    values = _clean(
        {
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "national_number": national_number,
            "phone": phone,
            "street": street,
            "number": number,
            "postcode": postcode,
            "preferred_language": preferred_language,
            "needs_digital_help": needs_digital_help,
        }
    )
    if user is None:
        user = get_user_model().objects.create_user(
            username=f"burger-{uuid.uuid4().hex[:12]}",
            password=None,
            role=Role.CITIZEN,
            first_name=values["first_name"],
            last_name=values["last_name"],
            email=values["email"],
        )
    citizen = Citizen(user=user, **{name: values[name] for name in CITIZEN_FIELDS})
    citizen.district = citizen_district(street=citizen.street, number=citizen.number, postcode=citizen.postcode)
    _sync_keys(citizen)
    citizen.save()
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=citizen,
        fields=[name for name, value in values.items() if value],
        district_id=citizen.district_id,
        request=request,
    )
    return citizen


@transaction.atomic
def citizen_update(*, citizen: Citizen, actor: Any, request: HttpRequest | None = None, **changes: Any) -> Citizen:
    """Change the given fields (names and e-mail on the User); the district follows the address."""
    unknown = set(changes) - set(USER_FIELDS) - set(CITIZEN_FIELDS)
    if unknown:
        raise ValidationError({name: [_("Dit veld bestaat niet.")] for name in sorted(unknown)})
    values = _clean(changes, citizen=citizen)
    changed: list[str] = []
    user = citizen.user
    for name in USER_FIELDS:
        if name in values and getattr(user, name) != values[name]:
            setattr(user, name, values[name])
            changed.append(name)
    for name in CITIZEN_FIELDS:
        if name in values and getattr(citizen, name) != values[name]:
            setattr(citizen, name, values[name])
            changed.append(name)
    if not changed:
        return citizen
    if set(changed) & set(USER_FIELDS):
        user.save(update_fields=[name for name in USER_FIELDS if name in changed])
    if set(changed) & set(ADDRESS_FIELDS):
        citizen.district = citizen_district(street=citizen.street, number=citizen.number, postcode=citizen.postcode)
    _sync_keys(citizen)
    citizen.save()
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        obj=citizen,
        fields=changed,
        district_id=citizen.district_id,
        request=request,
    )
    return citizen


def citizen_for_user(*, user: Any) -> Citizen:
    """The profile of a citizen user, created (empty, district unknown) when it has none yet."""
    if user.role != Role.CITIZEN:
        raise ValueError("only users with the citizen role have a citizen profile")
    try:
        return Citizen.objects.select_related("user", "district").get(user=user)
    except Citizen.DoesNotExist:
        pass
    with transaction.atomic():
        citizen, created = Citizen.objects.get_or_create(
            user=user,
            defaults={
                "first_name_key": search_key(user.first_name),
                "last_name_key": search_key(user.last_name),
                "email_key": (user.email or "").strip().lower(),
            },
        )
        if created:
            audit_record(actor=user, action=AuditEntry.Action.CREATE, obj=citizen)
    return citizen


def citizen_record_view(
    *, citizen: Citizen, actor: Any, request: HttpRequest | None = None, fields: tuple[str, ...] = ()
) -> None:
    """A staff member looked at a citizen's personal data: one ``view`` line in the audit trail."""
    audit_record(
        actor=actor,
        action=AuditEntry.Action.VIEW,
        obj=citizen,
        fields=fields,
        district_id=citizen.district_id,
        request=request,
    )


@transaction.atomic
def contact_moment_register(
    *,
    citizen: Citizen | None,
    channel: str,
    outcome: str,
    actor: Any,
    topic: Topic | None = None,
    service: Service | None = None,
    duration_seconds: int = 0,
    notes: str = "",
    location: Location | None = None,
    case: Case | None = None,
    request: HttpRequest | None = None,
) -> ContactMoment:
    """Record one contact (``citizen`` None for an anonymous caller)."""
    errors: dict[str, list[str]] = {}
    if channel not in ContactMoment.Channel.values:
        errors["channel"] = [_("Kies een van: %(c)s.") % {"c": ", ".join(ContactMoment.Channel.values)}]
    if outcome not in ContactMoment.Outcome.values:
        errors["outcome"] = [_("Kies een van: %(c)s.") % {"c": ", ".join(ContactMoment.Outcome.values)}]
    if duration_seconds < 0:
        errors["duration_seconds"] = [_("Een duur kan niet negatief zijn.")]
    if case is not None and citizen is not None and case.citizen_id not in (None, citizen.user_id):
        errors["case"] = [_("Deze zaak hoort bij een andere burger.")]
    if errors:
        raise ValidationError(errors)
    if topic is None and service is not None:
        topic = service.topic
    moment = ContactMoment.objects.create(
        citizen=citizen,
        channel=channel,
        outcome=outcome,
        topic=topic,
        service=service,
        duration_seconds=duration_seconds,
        notes=notes.strip(),
        staff=actor if getattr(actor, "is_authenticated", False) else None,
        location=location,
        case=case,
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CREATE,
        obj=moment,
        district_id=citizen.district_id if citizen is not None else None,
        request=request,
    )
    return moment
