"""Letter pages: list, register (or reply), detail with the thread, status, PDF, overdue lists."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from loket.accounts import rules
from loket.correspondence import selectors, services
from loket.correspondence.forms import LetterForm, StatusForm
from loket.correspondence.models import Letter
from loket.correspondence.pdf import letter_pdf

FILTERS = {
    "status": [s for s, _label in Letter.Status.choices],
    "richting": [d for d, _label in Letter.Direction.choices],
}


@rules.allow(rules.CORRESPONDENTS)
def letter_list(request: HttpRequest) -> HttpResponse:
    letters = selectors.letters_visible_to(user=request.user).prefetch_related("recipients")
    status, direction = request.GET.get("status", ""), request.GET.get("richting", "")
    if status in FILTERS["status"]:
        letters = letters.filter(status=status)
    if direction in FILTERS["richting"]:
        letters = letters.filter(direction=direction)
    if request.GET.get("wacht") == "1":
        letters = letters.filter(reply_expected=True).exclude(status__in=["answered", "closed"])
    page = Paginator(letters, 25).get_page(request.GET.get("pagina"))
    return render(
        request,
        "correspondence/letter_list.html",
        {
            "page": page,
            "status": status,
            "direction": direction,
            "statuses": Letter.Status.choices,
            "directions": Letter.Direction.choices,
            "awaiting": request.GET.get("wacht") == "1",
        },
    )


def _reply_initial(parent: Letter) -> dict[str, Any]:
    first = parent.recipients.order_by("pk").first()
    return {
        "sender": first.code if first else "",
        "recipients": [parent.sender.code],
        "subject": _("Antwoord: %(subject)s") % {"subject": parent.subject},
    }


@rules.allow(rules.CORRESPONDENTS)
def letter_new(request: HttpRequest) -> HttpResponse:
    parent_ref = request.GET.get("antwoord-op") or request.POST.get("in_reply_to") or ""
    parent = selectors.letter_get(user=request.user, reference=parent_ref) if parent_ref else None
    form = LetterForm(request.POST or None, request.FILES or None, initial=_reply_initial(parent) if parent else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            letter = services.letter_register(
                actor=request.user,
                sender=data["sender"],
                recipients=data["recipients"],
                subject=data["subject"],
                letter_date=data["letter_date"],
                body=data["body"],
                reply_expected=data["reply_expected"],
                reply_days=data["reply_days"],
                in_reply_to=parent,
                pdf=data["pdf"],
                attachments=data["attachments"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Brief geregistreerd met referentie %(ref)s.") % {"ref": letter.reference})
            return redirect("correspondence:letter-detail", reference=letter.reference)
    return render(request, "correspondence/letter_form.html", {"form": form, "parent": parent})


def _add_errors(form: LetterForm, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@rules.allow(rules.CORRESPONDENTS)
def letter_detail(request: HttpRequest, reference: str) -> HttpResponse:
    letter = selectors.letter_get(user=request.user, reference=reference)
    context = {
        "letter": letter,
        "thread": selectors.letter_thread(letter=letter, user=request.user),
        "next_statuses": [(s, Letter.Status(s).label) for s in sorted(services.TRANSITIONS[letter.status])],
    }
    return render(request, "correspondence/letter_detail.html", context)


@rules.allow(rules.CORRESPONDENTS)
@require_POST
def letter_status(request: HttpRequest, reference: str) -> HttpResponse:
    letter = selectors.letter_get(user=request.user, reference=reference)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een geldige status."))
    elif not selectors.user_may_write_for(user=request.user, parties=[letter.sender, *letter.recipients.all()]):
        raise PermissionDenied
    else:
        try:
            services.letter_set_status(letter=letter, to_status=form.cleaned_data["status"], actor=request.user)
            messages.success(request, _("De status is gewijzigd."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("correspondence:letter-detail", reference=reference)


@rules.allow(rules.CORRESPONDENTS)
def letter_printable(request: HttpRequest, reference: str) -> HttpResponse:
    letter = selectors.letter_get(user=request.user, reference=reference)
    response = HttpResponse(letter_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{letter.reference}.pdf"'
    return response


@rules.allow(rules.CORRESPONDENTS)
def letter_file(request: HttpRequest, reference: str, attachment_id: int = 0) -> HttpResponse:
    """The registered PDF (``attachment_id`` 0) or one attachment, for those who see the letter."""
    letter = selectors.letter_get(user=request.user, reference=reference)
    if attachment_id:
        item = letter.attachments.filter(pk=attachment_id).first()
        if item is None:
            raise Http404
        name, filename, content_type = item.file.name, item.original_name, item.content_type
    elif letter.pdf:
        name, filename, content_type = letter.pdf.name, f"{letter.reference}-origineel.pdf", "application/pdf"
    else:
        raise Http404
    response = FileResponse(
        default_storage.open(str(name), "rb"), as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return cast(HttpResponse, response)  # a streaming response; ``rules.allow`` is typed for HttpResponse


@rules.allow(rules.CORRESPONDENTS)
def letters_overdue(request: HttpRequest) -> HttpResponse:
    groups = selectors.letters_overdue(user=request.user)
    return render(request, "correspondence/overdue.html", {"groups": groups})
