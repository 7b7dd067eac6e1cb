"""The e-loket pages: fill in a service's form (with drafts and documents), then the confirmation."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from loket.accounts import rules
from loket.cases.models import Case
from loket.cases.workflows import workflow_for
from loket.catalogue.models import Service
from loket.requests import selectors, services
from loket.requests.forms import answers_json, request_form_class
from loket.requests.models import FormDefinition, RequestDraft

ROUTING_KEYS = ("address", "district", "lat", "lon")


def _raw_answers(request: HttpRequest, definition: FormDefinition) -> dict[str, Any]:
    """What the citizen typed, unvalidated, as it is kept in a draft."""
    raw: dict[str, Any] = {}
    for spec in definition.fields:
        if spec["type"] == "checkbox":
            raw[spec["name"]] = spec["name"] in request.POST
        elif request.POST.get(spec["name"], "") != "":
            raw[spec["name"]] = request.POST.get(spec["name"], "")[:5000]
    return raw


def _store_uploads(request: HttpRequest, definition: FormDefinition, form: Any) -> bool:
    """Keep each uploaded document with the draft (checked by content); errors go next to the field."""
    ok = True
    for doc in definition.documents:
        upload = request.FILES.get(f"doc_{doc['name']}")
        if upload is None:
            continue
        try:
            services.draft_add_file(
                citizen=request.user, service=definition.service, document=doc["name"], upload=upload
            )
        except ValidationError as exc:
            form.add_error(f"doc_{doc['name']}", exc.messages)
            ok = False
    return ok


def _add_submit_errors(form: Any, definition: FormDefinition, exc: ValidationError) -> None:
    address = next((f["name"] for f in definition.fields if f["type"] == "address"), None)
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for key, errors in exc.message_dict.items():
        if key in form.fields:
            form.add_error(key, errors)
        elif key in ROUTING_KEYS and address:
            form.add_error(address, errors)
        else:
            form.add_error(None, errors)


def _no_form(request: HttpRequest, service_slug: str) -> HttpResponse:
    service = Service.objects.filter(slug=service_slug, active=True).first()
    return render(request, "requests/no_form.html", {"service": service}, status=404)


@rules.allow(rules.CITIZEN)
def apply(request: HttpRequest, service_slug: str) -> HttpResponse:
    definition = selectors.definition_for_service(slug=service_slug)
    if definition is None:
        return _no_form(request, service_slug)
    service = definition.service
    form_class = request_form_class(definition)
    draft = selectors.draft_for(citizen=request.user, service=service)
    if request.method != "POST":
        form = form_class(initial=draft.data if draft else None)
        return _page(request, definition, form, draft)
    form = form_class(request.POST, request.FILES)
    uploads_ok = _store_uploads(request, definition, form)
    if request.POST.get("action") == "save":
        services.draft_save(citizen=request.user, service=service, data=_raw_answers(request, definition))
        if uploads_ok:
            messages.success(request, _("Uw aanvraag is bewaard als concept. U kunt later verdergaan."))
            return redirect("requests:apply", service_slug=service.slug)
        return _page(request, definition, form, selectors.draft_for(citizen=request.user, service=service))
    draft = selectors.draft_for(citizen=request.user, service=service)
    if form.is_valid() and uploads_ok:
        try:
            case = services.request_submit(
                definition=definition,
                citizen=request.user,
                answers=answers_json(form.cleaned_data, definition),
                actor=request.user,
                draft=draft,
            )
        except ValidationError as exc:
            _add_submit_errors(form, definition, exc)
        else:
            return redirect("requests:confirmed", reference=case.reference)
    if draft is not None:  # documents were kept: keep what was typed with them
        draft = services.draft_save(citizen=request.user, service=service, data=_raw_answers(request, definition))
    return _page(request, definition, form, selectors.draft_for(citizen=request.user, service=service))


def _page(request: HttpRequest, definition: FormDefinition, form: Any, draft: RequestDraft | None) -> HttpResponse:
    stored = {f.document: f for f in draft.files.all()} if draft else {}
    document_fields = [
        (form[f"doc_{doc['name']}"], stored.get(doc["name"]), bool(doc.get("required"))) for doc in definition.documents
    ]
    answer_fields = [form[spec["name"]] for spec in definition.fields]
    return render(
        request,
        "requests/apply.html",
        {
            "definition": definition,
            "service": definition.service,
            "form": form,
            "answer_fields": answer_fields,
            "document_fields": document_fields,
            "draft": draft,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@require_POST
@rules.allow(rules.CITIZEN)
def discard(request: HttpRequest, service_slug: str) -> HttpResponse:
    draft = get_object_or_404(RequestDraft, citizen=request.user, service__slug=service_slug)
    services.draft_discard(draft=draft)
    messages.success(request, _("Het concept is verwijderd."))
    return redirect("requests:apply", service_slug=service_slug)


@rules.allow(rules.CITIZEN)
def confirmed(request: HttpRequest, reference: str) -> HttpResponse:
    case = Case.objects.select_related("service", "team").filter(reference=reference, kind="request").first()
    if case is None or case.citizen_id != request.user.pk:
        raise Http404
    return render(
        request,
        "requests/confirmed.html",
        {"case": case, "status": workflow_for("request").label(case.status), "attachments": case.attachments.all()},
    )
