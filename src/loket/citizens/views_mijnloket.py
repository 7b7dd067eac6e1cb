"""Mijn loket: the citizen's requests, reports and appointments, each case's timeline and the reply.

Views only translate HTTP. A case is looked up through ``cases.selectors.case_get_for_user``, which
gives a citizen only their own cases: another citizen's reference answers 404, exactly like a
reference that does not exist, so the page never tells whether it does.
"""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from loket.accounts import rules
from loket.cases.messages import case_citizen_attachment, case_citizen_reply, case_citizen_view
from loket.cases.selectors import case_get_for_user
from loket.citizens.forms_mijnloket import ReplyForm
from loket.citizens.hooks import mijnloket_sections
from loket.citizens.mijnloket import citizen_case_groups

# Where the service's errors go on the form.
FORM_FIELDS = {"text": "text", "uploads": "documents"}


@rules.allow(rules.CITIZEN)
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    groups = citizen_case_groups(user=request.user)
    waiting = [row for group in groups for row in group.rows if row.waiting]
    context = {"groups": groups, "waiting": waiting, "sections": mijnloket_sections(user=request.user)}
    return render(request, "citizens/mijnloket/overview.html", context)


def _add_errors(form: ReplyForm, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(FORM_FIELDS.get(name), [" ".join(e.messages) for e in errors])
    else:
        form.add_error(None, exc.messages)


@rules.allow(rules.CITIZEN)
@require_http_methods(["GET", "POST"])
def case_page(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_get_for_user(user=request.user, reference=reference)
    form = ReplyForm()
    if request.method == "POST":
        form = ReplyForm(request.POST, request.FILES)
        if form.is_valid():
            was_waiting = case.paused_since is not None
            try:
                case_citizen_reply(
                    case=case,
                    citizen=request.user,
                    text=form.cleaned_data["text"],
                    uploads=form.cleaned_data["documents"],
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                done = _("Uw antwoord is verstuurd.")
                if was_waiting and case.paused_since is None:
                    done += " " + _("We behandelen uw dossier verder; de termijn loopt weer.")
                messages.success(request, done)
                return redirect("citizens:case", reference=case.reference)
    context: dict[str, Any] = {"view": case_citizen_view(case=case), "form": form}
    status = 400 if form.errors else 200
    return render(request, "citizens/mijnloket/case.html", context, status=status)


@rules.allow(rules.CITIZEN)
@require_GET
def document(request: HttpRequest, reference: str, attachment_id: int) -> HttpResponse:
    """A document the citizen sent on their own case; never a media URL, never another's file."""
    case = case_get_for_user(user=request.user, reference=reference)
    attachment = case_citizen_attachment(case=case, attachment_id=attachment_id)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return cast(HttpResponse, response)
