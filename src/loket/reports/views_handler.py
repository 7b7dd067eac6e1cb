"""The handlers' side: the report queue with a map, merging duplicates, choosing the category.

Scoped like the work queue: district staff see the reports of their district's cases only; a
report outside the scope answers 404 like an unknown one.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from loket.accounts import rules
from loket.accounts.models import Role
from loket.cases.workflows import IllegalTransition
from loket.organisation.models import Team
from loket.reports import selectors, services
from loket.reports.forms import HandlerFilterForm
from loket.reports.maps import map_context
from loket.reports.models import Report
from loket.reports.workflow import REPORT_WORKFLOW

PAGE_SIZE = 25


def _page(value: str | None) -> int:
    return int(value) if value and value.isdigit() and 0 < int(value) < 10_000 else 1


def _teams_for(user: Any) -> list[tuple[str, str]]:
    teams = Team.objects.order_by("name")
    if user.role in (Role.DISTRICT_STAFF, Role.COORDINATOR):
        teams = teams.filter(district_id=user.district_id)
    return list(teams.values_list("slug", "name"))


@rules.allow(rules.CASE_WORKERS)
@require_GET
def handler_queue(request: HttpRequest) -> HttpResponse:
    data = request.GET.dict()
    if "team" not in data and request.user.role == Role.BACKOFFICE and request.user.team_id:  # type: ignore[union-attr]
        data["team"] = request.user.team.slug  # type: ignore[union-attr]
    form = HandlerFilterForm(data, categories=selectors.category_list(), teams=_teams_for(request.user))
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v}
    page = _page(request.GET.get("pagina"))
    reports = selectors.report_handler_list(user=request.user, **filters)
    rows = list(reports[(page - 1) * PAGE_SIZE : page * PAGE_SIZE + 1])
    has_next = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    points = []
    for report in rows:
        report.status_label = REPORT_WORKFLOW.label(report.case.status)  # type: ignore[attr-defined]
        report.case_url = reverse("cases:case-detail", kwargs={"reference": report.case.reference})  # type: ignore[attr-defined]
        points.append(
            {
                "lat": report.lat,
                "lon": report.lon,
                "reference": report.case.reference,
                "category_name": report.category.name_nl if report.category else _("nog in te delen"),
                "status_label": report.status_label,  # type: ignore[attr-defined]
                "status_public": selectors.report_status_public(report),
                "url": report.case_url,  # type: ignore[attr-defined]
            }
        )
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "form": form,
        "rows": rows,
        "page": page,
        "has_next": has_next,
        "query": query.urlencode(),
        "map": map_context(points=points),
    }
    return render(request, "reports/handler_queue.html", context, status=400 if form.errors else 200)


def _visible(request: HttpRequest, reference: str) -> Report:
    report = selectors.report_visible_to(user=request.user).filter(case__reference=reference).first()
    if report is None:
        raise Http404(_("Geen melding met referentie %(reference)s.") % {"reference": reference})
    return report


def _case_url(report: Report) -> str:
    return reverse("cases:case-detail", kwargs={"reference": report.case.reference})


@rules.allow(rules.CASE_WORKERS)
@require_POST
def merge(request: HttpRequest, reference: str) -> HttpResponse:
    """Mark this report (``reference``) as a duplicate of the report named in ``into``."""
    duplicate = _visible(request, reference)
    into_reference = request.POST.get("into", "").strip()
    into = selectors.report_visible_to(user=request.user).filter(case__reference=into_reference).first()
    if into is None:
        messages.error(request, _("Kies een melding om mee samen te voegen."))
        return HttpResponseRedirect(_case_url(duplicate))
    try:
        services.report_merge(duplicate=duplicate, into=into, actor=request.user)
    except (ValidationError, IllegalTransition) as exc:
        messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
        return HttpResponseRedirect(_case_url(duplicate))
    messages.success(
        request,
        _("Samengevoegd: %(duplicate)s is een dubbele melding van %(main)s. Wie ze volgde, volgt nu %(main)s.")
        % {"duplicate": duplicate.case.reference, "main": into.case.reference},
    )
    return HttpResponseRedirect(_case_url(into))


@rules.allow(rules.CASE_WORKERS)
@require_POST
def set_category(request: HttpRequest, reference: str) -> HttpResponse:
    report = _visible(request, reference)
    try:
        services.report_set_category(report=report, category_code=request.POST.get("category", ""), actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De categorie is vastgelegd."))
    return HttpResponseRedirect(_case_url(report))
