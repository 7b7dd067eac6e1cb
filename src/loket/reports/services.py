"""Writes on reports: submit (routed by category and place), follow (confirmed by a mailed link),
merge, the reporter's "is it fixed?" answer, and a handler's category choice.

A report is a case of kind "report": ``report_submit`` opens it through ``cases.services.case_create``
and then routes it by the category (city level → ``stad-<team>``, district level →
``<district>-<team>`` of the point's district), with the category's handling time in working days.
"""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from loket.accounts.models import Role
from loket.audit.models import AuditEntry
from loket.audit.services import audit_record
from loket.cases.attachments import case_add_attachment
from loket.cases.models import Case, Channel
from loket.cases.services import Route, case_add_note, case_assign, case_create, case_number, case_transition
from loket.inserts import insert
from loket.organisation.calendar import add_working_days
from loket.organisation.generations import GenerationCache
from loket.organisation.models import District, Team
from loket.organisation.selectors import InvalidCoordinates, address_locate, district_locate_point
from loket.reports import mail
from loket.reports.attributes import attributes_clean
from loket.reports.following import followers_merge
from loket.reports.models import Category, CategorySource, Follower, Report
from loket.reports.photos import photo_clean, photo_position, photos_check
from loket.reports.selectors import category_get
from loket.reports.workflow import DONE, DUPLICATE, IN_PROGRESS, REPORT_WORKFLOW

logger = logging.getLogger(__name__)

SORTING_TEAM_SLUG = "stad-meldpunt"
REOPEN_DAYS = 14
MAX_DESCRIPTION = 5000
OUTSIDE_CITY = "outside_city"


def outside_city_error(field: str) -> ValidationError:
    return ValidationError(
        {
            field: ValidationError(
                _(
                    "Deze plaats ligt buiten de stad Antwerpen. De stad kan hier niets aan doen: "
                    "meld het aan de gemeente waar het probleem zich voordoet."
                ),
                code=OUTSIDE_CITY,
            )
        }
    )


def is_outside_city(exc: ValidationError) -> bool:
    """Whether a ``report_submit`` refusal is the point (or address) being outside the city."""
    errors = getattr(exc, "error_dict", {})
    return any(error.code == OUTSIDE_CITY for errors_ in errors.values() for error in errors_)


def _check_input(
    *, description: str, email: str, channel: str, media_url: str, lat: float | None, lon: float | None
) -> dict[str, list[Any]]:
    errors: dict[str, list[Any]] = {}
    if not description:
        errors["description"] = [_("Beschrijf het probleem.")]
    elif len(description) > MAX_DESCRIPTION:
        errors["description"] = [_("De beschrijving is te lang (maximaal %(n)s tekens).") % {"n": MAX_DESCRIPTION}]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [_("Dit is geen geldig e-mailadres.")]
    if channel not in Channel.values:
        errors["channel"] = [_("Onbekend kanaal: '%(channel)s'.") % {"channel": channel}]
    if media_url:
        try:
            URLValidator(schemes=["http", "https"])(media_url)
        except ValidationError:
            errors["media_url"] = [_("Geef een geldige http(s)-URL van een foto.")]
    if (lat is None) != (lon is None):
        errors["lat"] = [_("Geef zowel breedtegraad als lengtegraad.")]
    return errors


def _locate(*, lat: float | None, lon: float | None, address: str) -> tuple[float | None, float | None, District]:
    """(lat, lon, district) of the report's place: the point wins, else the geocoded address."""
    if lat is not None and lon is not None:
        try:
            district = district_locate_point(lat=lat, lon=lon)
        except InvalidCoordinates as exc:
            raise ValidationError({"lat": [str(exc)]}) from None
        if district is None:
            raise outside_city_error("lat")
        return float(lat), float(lon), district
    if not address:
        raise ValidationError(
            {"location": [_("Duid de plaats aan op de kaart of geef een adres.")]}, code="location_required"
        )
    located = address_locate(address=address)
    if located.district is not None and located.lat is not None and located.lon is not None:
        return located.lat, located.lon, located.district
    if not located.found:
        raise ValidationError(
            {
                "address": ValidationError(
                    _("Dit adres vinden we niet. Controleer straat en huisnummer, of duid de plaats aan op de kaart."),
                    code="address_not_found",
                )
            }
        )
    if located.district is None:
        raise outside_city_error("address")
    return None, None, located.district


def _suggested_category(description: str) -> Category | None:
    """The category the suggestion model is sure enough of, or None (then people sort it)."""
    try:
        suggestion = importlib.import_module("loket.reports.suggestion")
        code = suggestion.category_auto(description)
    except Exception:  # no model yet, or a broken one: the sorting queue takes the report
        logger.warning("no category suggestion for a report", exc_info=True)
        return None
    return category_get(code) if code else None


# team slug → the team (or None), per process while the routing generation is unchanged.
_teams: GenerationCache[str, Team | None] = GenerationCache(max_entries=1_000)


def _team(slug: str) -> Team | None:
    return _teams.get(slug, lambda: Team.objects.filter(slug=slug).first())


def _team_for(category: Category | None, district: District) -> Team | None:
    slug = category.team_slug(district.slug) if category else SORTING_TEAM_SLUG
    team = _team(slug)
    if team is None and slug != SORTING_TEAM_SLUG:
        logger.error("no team %s for report category %s: the sorting queue takes it", slug, category)
        team = _team(SORTING_TEAM_SLUG)
    return team


def _title(category: Category | None, address: str, district: District) -> str:
    what = category.name_nl if category else _("Melding (nog in te delen)")
    where = address or district.name
    return f"{what}: {where}"[:200]


def _reporter(actor: Any) -> Any:
    if getattr(actor, "is_authenticated", False) and actor.role == Role.CITIZEN:
        return actor
    return None


@transaction.atomic
def report_submit(
    *,
    category_code: str | None,
    description: str,
    actor: Any = None,
    lat: float | None = None,
    lon: float | None = None,
    address: str = "",
    photos: Sequence[UploadedFile] = (),
    email: str = "",
    channel: str = "online",
    attributes: dict[str, Any] | None = None,
    media_url: str = "",
) -> Report:
    """File a report. Raises ``ValidationError({field: [...]})`` for bad input, with code
    ``outside_city`` (field ``lat`` or ``address``) for a place outside the city.

    Without a category the suggestion model assigns one when it is sure enough; otherwise the
    report goes to the sorting queue (team ``stad-meldpunt``). Without a point or address the GPS
    position of a photo is used. Photos are stored without any metadata.
    """
    description = (description or "").strip()
    email = (email or "").strip().lower()
    address = (address or "").strip()[:250]
    media_url = (media_url or "").strip()
    errors = _check_input(description=description, email=email, channel=channel, media_url=media_url, lat=lat, lon=lon)
    category: Category | None = None
    if category_code:
        category = category_get(category_code)
        if category is None:
            errors["category"] = [_("Onbekende categorie: '%(code)s'.") % {"code": category_code}]
    try:
        photos_check(photos)
    except ValidationError as exc:
        for field, field_errors in exc.error_dict.items():
            errors.setdefault(field, []).extend(field_errors)
    try:
        answers = attributes_clean(category=category, data=attributes)
    except ValidationError as exc:
        for field, field_errors in exc.error_dict.items():
            errors.setdefault(field, []).extend(field_errors)
        answers = {}
    if errors:
        raise ValidationError(errors)
    if lat is None and not address:
        position = next((p for p in map(photo_position, photos) if p is not None), None)
        if position is not None:
            lat, lon = position
    lat, lon, district = _locate(lat=lat, lon=lon, address=address)
    try:
        cleaned_photos = [photo_clean(photo) for photo in photos]  # before anything is written
    except ValidationError as exc:
        raise ValidationError({"photos": exc.error_list}) from None

    source = CategorySource.CITIZEN if category else CategorySource.NONE
    if category is None:
        category = _suggested_category(description)
        source = CategorySource.SUGGESTION if category else CategorySource.NONE
    reporter = _reporter(actor)
    route = _route(category=category, district=district)
    case = case_create(
        kind="report",
        title=_title(category, address, district),
        channel=channel,
        actor=actor,
        description=description,
        citizen=reporter,
        lat=lat,
        lon=lon,
        address=address,
        district=district,
        data={"category": category.code if category else None},
        route=route,
        number=False,
    )
    report = Report(
        case=case,
        category=category,
        category_source=source,
        lat=lat,
        lon=lon,
        address=address,
        description=description,
        reporter=reporter,
        email=email,
        attributes=answers,
        media_url=media_url,
    )
    insert(report)
    follower = None
    if email and email != (getattr(reporter, "email", "") or "").lower():
        # The reporter typed their own address while filing: no confirmation asked.
        follower = insert(
            Follower(report=report, email=email, kind=Follower.Kind.REPORTER, confirmed_at=timezone.now())
        )
    # What needs the reference comes after the number: the counter's row lock is held from here.
    case_number(case=case, actor=actor)
    for photo in cleaned_photos:
        case_add_attachment(case=case, upload=photo, actor=actor)
    if follower is not None:
        mail.mail_welcome(follower=follower)
    if email or reporter is not None:
        audit_record(
            actor=actor,
            action=AuditEntry.Action.CREATE,
            obj=report,
            fields=[name for name, value in (("email", email), ("reporter", reporter)) if value],
            district_id=case.district_id,
        )
    return report


def _route(*, category: Category | None, district: District) -> Route:
    """Team, competent district and handling time from the category (and the place's district)."""
    team = _team_for(category, district)
    note = ""
    if team is not None:
        note = _("Automatisch toegewezen volgens de categorie '%(category)s'.") % {
            "category": category.name_nl if category else _("nog in te delen")
        }
    return Route(
        team=team,
        district=district if category and category.competent_level == Category.Level.DISTRICT else None,
        location_district=district,
        handling_days=category.working_days if category else REPORT_WORKFLOW.default_handling_days,
        note=note,
    )


@transaction.atomic
def report_merge(*, duplicate: Report, into: Report, actor: Any, text: str = "") -> Report:
    """Mark ``duplicate`` as a duplicate of ``into``: its status becomes "dubbele melding", it
    points to ``into``, and whoever followed it (its reporter too) now follows ``into``."""
    duplicate = Report.objects.select_for_update(of=("self",)).select_related("case", "reporter").get(pk=duplicate.pk)
    into = Report.objects.select_related("case", "reporter").get(pk=into.pk)
    if duplicate.pk == into.pk:
        raise ValidationError({"into": [_("Een melding kan niet met zichzelf samengevoegd worden.")]}, code="same")
    if into.merged_into_id is not None or into.case.status == DUPLICATE:
        raise ValidationError({"into": [_("Die melding is zelf al samengevoegd met een andere.")]}, code="merged")
    if into.case.closed_at is not None:
        raise ValidationError({"into": [_("Voeg samen met een melding die nog open is.")]}, code="closed")
    if duplicate.case.closed_at is not None:
        raise ValidationError({"duplicate": [_("Deze melding is al afgesloten.")]}, code="closed")
    public_url = mail.links.absolute(mail.links.public_path(into))
    note = text.strip() or _(
        "Deze melding gaat over hetzelfde probleem als melding %(reference)s. Volg die: %(url)s"
    ) % {
        "reference": into.case.reference,
        "url": public_url,
    }
    duplicate.merged_into = into
    duplicate.save(update_fields=["merged_into", "updated_at"])
    followers_merge(duplicate=duplicate, into=into)
    case_transition(case=duplicate.case, to_status=DUPLICATE, actor=actor, text=note, public=True)
    case_add_note(
        case=into.case,
        actor=actor,
        text=_("Melding %(reference)s is als dubbele melding hiermee samengevoegd.")
        % {"reference": duplicate.case.reference},
    )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        obj=duplicate,
        fields=["merged_into"],
        district_id=duplicate.case.district_id,
    )
    return duplicate


@transaction.atomic
def report_feedback(*, report: Report, fixed: bool, actor: Any = None) -> Report:
    """The reporter's answer to "is het opgelost?" after a report was done: yes keeps it closed;
    no reopens it (within ``REOPEN_DAYS`` days of closing) with a fresh deadline."""
    report = Report.objects.select_for_update(of=("self",)).select_related("case", "category").get(pk=report.pk)
    case = report.case
    if case.status != DONE:
        raise ValidationError(_("Deze melding is niet als opgelost afgesloten."), code="not_done")
    now = timezone.now()
    if fixed:
        report.feedback, report.feedback_at = Report.Feedback.FIXED, now
        report.save(update_fields=["feedback", "feedback_at", "updated_at"])
        case_add_note(case=case, actor=actor, public=True, text=_("De melder bevestigt dat het probleem opgelost is."))
        return report
    if report.reopen_until is None or now > report.reopen_until:
        raise ValidationError(
            _("Heropenen kan tot %(days)s dagen na het afsluiten. Maak een nieuwe melding als het probleem er nog is.")
            % {"days": REOPEN_DAYS},
            code="too_late",
        )
    report.feedback, report.feedback_at = Report.Feedback.NOT_FIXED, now
    report.save(update_fields=["feedback", "feedback_at", "updated_at"])
    case_transition(
        case=case,
        to_status=IN_PROGRESS,
        actor=actor,
        public=True,
        text=_("Heropend: de melder laat weten dat het probleem niet opgelost is."),
    )
    days = report.category.working_days if report.category else REPORT_WORKFLOW.default_handling_days
    Case.objects.filter(pk=case.pk).update(deadline=add_working_days(timezone.localdate(), days))
    return report


@transaction.atomic
def report_set_category(*, report: Report, category_code: str, actor: Any) -> Report:
    """A handler confirms or corrects the category; a different category routes the report anew
    (another team, deadline unchanged). Confirmed reports teach the suggestion model."""
    category = category_get(category_code)
    if category is None:
        raise ValidationError({"category": [_("Onbekende categorie: '%(code)s'.") % {"code": category_code}]})
    report = (
        Report.objects.select_for_update(of=("self",))
        .select_related("case", "case__location_district")
        .get(pk=report.pk)
    )
    changed = report.category_id != category.pk
    report.category = category
    report.category_source = CategorySource.HANDLER
    report.category_confirmed_at = timezone.now()
    report.save(update_fields=["category", "category_source", "category_confirmed_at", "updated_at"])
    if changed and report.case.location_district is not None:
        team = _team_for(category, report.case.location_district)
        if team is not None and team.pk != report.case.team_id:
            case_assign(case=report.case, actor=actor, team=team)
            if category.competent_level == Category.Level.CITY:
                Case.objects.filter(pk=report.case_id).update(district=None)
        case_add_note(
            case=report.case, actor=actor, text=_("Categorie gewijzigd naar '%(name)s'.") % {"name": category.name_nl}
        )
    audit_record(
        actor=actor,
        action=AuditEntry.Action.CHANGE,
        obj=report,
        fields=["category"],
        district_id=report.case.district_id,
    )
    return report


def reopen_until_for(closed_at: dt.datetime) -> dt.datetime:
    return closed_at + dt.timedelta(days=REOPEN_DAYS)
