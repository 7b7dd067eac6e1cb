"""A report's public page (updates, follow), confirming to follow, the "is het opgelost?" answer
and unfollowing.

The public page shows no personal data. Confirming, answering and unfollowing need the signed code
that only the mails (and the reporter's own view) carry; the GET pages only ask, the POST acts, so a mail
scanner that opens links changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from loket.accounts import rules
from loket.reports import following, links, selectors, services
from loket.reports.attributes import attribute_label
from loket.reports.forms import PublicFilterForm
from loket.reports.maps import map_context
from loket.reports.workflow import DONE


def _detail_url(report: services.Report) -> str:
    return links.public_path(report)


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD"])
def public_detail(request: HttpRequest, token: str) -> HttpResponse:
    report = selectors.report_by_token(token)
    data = selectors.report_public_dict(report)
    is_reporter = request.user.is_authenticated and report.reporter_id == request.user.pk
    answers = (
        [attribute_label(report.category, code, value) for code, value in report.attributes.items()]
        if report.category
        else []
    )
    context = {
        "report": report,
        "data": data,
        "updates": selectors.report_public_updates(report),
        "answers": answers,
        "main": report.merged_into,
        "can_follow": data["status_public"] == "open",
        "follow_email": getattr(request.user, "email", "") if request.user.is_authenticated else "",
        "feedback_url": links.feedback_path(report) if is_reporter and report.case.status == DONE else "",
        "map": map_context(points=[data] if data["lat"] is not None else [], zoom=17),
    }
    return render(request, "reports/public_detail.html", context)


@rules.allow(rules.PUBLIC)
@require_POST
def follow(request: HttpRequest, token: str) -> HttpResponse:
    """Follow a report: an account's own address at once, any other after the mailed link."""
    report = selectors.report_by_token(token)
    email = request.POST.get("email", "").strip()
    try:
        outcome = following.report_follow(report=report, email=email, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return HttpResponseRedirect(_detail_url(report))
    reference = report.case.reference
    if outcome is following.Following.REPORTER:
        messages.info(
            request,
            _("U hebt melding %(reference)s zelf ingediend: u krijgt al bericht bij elke nieuwe status.")
            % {"reference": reference},
        )
    elif outcome is following.Following.FOLLOWING:
        messages.success(
            request,
            _("U volgt nu melding %(reference)s. U krijgt een e-mail bij elke nieuwe status.")
            % {"reference": reference},
        )
    else:
        messages.success(
            request,
            _(
                "Bijna klaar: als %(email)s melding %(reference)s nog niet volgt, krijgt het een e-mail met een "
                "link. Bevestig het volgen met die link; pas daarna sturen we berichten over deze melding."
            )
            % {"email": email.lower(), "reference": reference},
        )
    return HttpResponseRedirect(_detail_url(report))


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD", "POST"])
def follow_confirm(request: HttpRequest, token: str, code: str) -> HttpResponse:
    """The link in the confirmation mail: GET asks (a mail scanner changes nothing), POST confirms."""
    report = selectors.report_by_token(token)
    try:
        email = links.follow_confirm_email(report, code)
    except signing.SignatureExpired:
        context = {"report": report, "expired": True, "days": links.FOLLOW_CONFIRM_DAYS}
        return render(request, "reports/follow_confirm.html", context, status=410)
    except signing.BadSignature:
        raise Http404(_("Deze link is niet geldig.")) from None
    if not selectors.follower_exists(report=report, email=email):
        raise Http404(_("Deze link is niet meer geldig."))
    if request.method == "POST":
        following.report_follow_confirm(report=report, email=email)
        messages.success(
            request,
            _("U volgt nu melding %(reference)s. U krijgt een e-mail bij elke nieuwe status.")
            % {"reference": report.case.reference},
        )
        return HttpResponseRedirect(_detail_url(report))
    return render(request, "reports/follow_confirm.html", {"report": report, "email": email})


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request: HttpRequest, token: str, signature: str) -> HttpResponse:
    report = selectors.report_by_token(token)
    if not links.feedback_signature_valid(report, signature):
        raise Http404(_("Deze link is niet geldig."))
    if request.method == "POST":
        answer = request.POST.get("answer")
        if answer not in ("ja", "nee"):
            messages.error(request, _("Kies 'Ja' of 'Nee'."))
            return HttpResponseRedirect(links.feedback_path(report))
        actor = request.user if request.user.is_authenticated else None
        try:
            services.report_feedback(report=report, fixed=answer == "ja", actor=actor)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(_detail_url(report))
        if answer == "ja":
            messages.success(request, _("Bedankt! De melding blijft afgesloten."))
        else:
            messages.success(request, _("De melding is heropend. We gaan opnieuw aan de slag."))
        return HttpResponseRedirect(_detail_url(report))
    context = {
        "report": report,
        "data": selectors.report_public_dict(report),
        "answer": request.GET.get("antwoord", ""),
        "is_done": report.case.status == DONE,
    }
    return render(request, "reports/feedback.html", context)


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD", "POST"])
def unfollow(request: HttpRequest, token: str, code: str) -> HttpResponse:
    report = selectors.report_by_token(token)
    email = links.unfollow_email(report, code)
    if email is None:
        raise Http404(_("Deze link is niet geldig."))
    if request.method == "POST":
        following.report_unfollow(report=report, email=email)
        messages.success(request, _("U krijgt geen berichten meer over deze melding."))
        return HttpResponseRedirect(_detail_url(report))
    return render(request, "reports/unfollow.html", {"report": report, "email": email})


PAGE_SIZE = 50
MAP_POINTS = 500


def _page(value: str | None) -> int:
    return int(value) if value and value.isdigit() and 0 < int(value) < 10_000 else 1


@rules.allow(rules.PUBLIC)
@require_http_methods(["GET", "HEAD"])
def public_list(request: HttpRequest) -> HttpResponse:
    """Every report on a map and in a list, filtered; no personal data."""
    form = PublicFilterForm(request.GET or None, categories=selectors.category_list())
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v}
    page = _page(request.GET.get("pagina"))
    reports = selectors.report_public_list(**filters)
    rows = list(reports[(page - 1) * PAGE_SIZE : page * PAGE_SIZE + 1])
    has_next = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    on_map = selectors.reports_public_dicts(list(reports.filter(lat__isnull=False)[:MAP_POINTS]))
    query = request.GET.copy()
    query.pop("pagina", None)
    context = {
        "form": form,
        "rows": selectors.reports_public_dicts(rows),
        "page": page,
        "has_next": has_next,
        "query": query.urlencode(),
        "map": map_context(points=on_map),
        "map_count": len(on_map),
        "map_limit": MAP_POINTS,
    }
    return render(request, "reports/public_list.html", context, status=400 if form.errors else 200)
