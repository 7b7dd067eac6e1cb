"""Pages of the knowledge base: search as you type, an article, "was this helpful?", the staff edit form.

``catalogue:knowledge-search`` answers an htmx request with the results fragment only, so other
pages (the contact centre's workspace) embed it; without JavaScript it is a normal search page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from loket.accounts import rules
from loket.catalogue import knowledge
from loket.catalogue.forms_knowledge import (
    KnowledgeArticleEditForm,
    KnowledgeArticleForm,
    KnowledgeSearchForm,
    VoteForm,
)
from loket.catalogue.models import KnowledgeArticle, KnowledgeVote


def _is_htmx(request: HttpRequest) -> bool:
    return bool(request.headers.get("HX-Request"))


def _article_or_404(request: HttpRequest, article_id: int) -> KnowledgeArticle:
    try:
        return knowledge.article_get(article_id=article_id, user=request.user)
    except KnowledgeArticle.DoesNotExist:
        raise Http404(_("Onbekend artikel.")) from None


def _form_errors_from(form: KnowledgeArticleForm, exc: ValidationError) -> None:
    for field, errors in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@rules.allow(rules.PUBLIC)
def knowledge_search(request: HttpRequest) -> HttpResponse:
    form = KnowledgeSearchForm(request.GET)
    valid = form.is_valid()
    q = form.cleaned_data.get("q", "") if valid else ""
    service = form.cleaned_data.get("service") if valid else None
    results = knowledge.article_search(q=q, user=request.user, service=service, limit=20) if valid else []
    context = {
        "form": form,
        "q": q,
        "service": service,
        "results": results,
        "staff": rules.STAFF.allows(request.user),
        "can_edit": rules.CASE_WORKERS.allows(request.user),
    }
    template = "catalogue/_knowledge_results.html" if _is_htmx(request) else "catalogue/knowledge_search.html"
    return render(request, template, context, status=200 if valid else 400)


def _voted(request: HttpRequest, article: KnowledgeArticle) -> bool | None:
    """The visitor's earlier answer to "was this helpful?", or None."""
    if request.user.is_authenticated:
        who: dict[str, Any] = {"user": request.user}
    elif request.session.session_key:
        who = {"user": None, "session_key": request.session.session_key}
    else:
        return None
    return KnowledgeVote.objects.filter(article=article, **who).values_list("helpful", flat=True).first()


@rules.allow(rules.PUBLIC)
def knowledge_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    article = _article_or_404(request, article_id)
    staff = rules.STAFF.allows(request.user)
    context = {
        "article": article,
        "staff": staff,
        "can_edit": rules.CASE_WORKERS.allows(request.user),
        "current": knowledge.article_visible_to(article=article, user=request.user),
        "today": timezone.localdate(),
        "versions": knowledge.article_versions(article=article) if staff else [],
        "voted": _voted(request, article),
    }
    return render(request, "catalogue/knowledge_detail.html", context)


@rules.allow(rules.PUBLIC)
@require_POST
def knowledge_vote(request: HttpRequest, article_id: int) -> HttpResponse:
    article = _article_or_404(request, article_id)
    if not knowledge.article_visible_to(article=article, user=request.user):
        raise Http404(_("Onbekend artikel."))  # staff may open an expired article, but nobody votes on it
    form = VoteForm(request.POST)
    if not form.is_valid():
        if _is_htmx(request):
            context = {"article": article, "voted": _voted(request, article), "vote_error": True}
            return render(request, "catalogue/_knowledge_vote.html", context, status=400)
        messages.error(request, _("Kies ja of nee."))
        return redirect(reverse("catalogue:knowledge-detail", args=[article.pk]) + "#nuttig")
    if not request.user.is_authenticated and not request.session.session_key:
        request.session.save()  # a session remembers the visitor's vote, so it counts once
    article = knowledge.article_vote(
        article=article,
        helpful=form.cleaned_data["helpful"],
        user=request.user,
        session_key=request.session.session_key or "",
    )
    if _is_htmx(request):
        context = {"article": article, "voted": form.cleaned_data["helpful"], "thanks": True}
        return render(request, "catalogue/_knowledge_vote.html", context)
    messages.success(request, _("Bedankt voor uw antwoord."))
    return redirect(reverse("catalogue:knowledge-detail", args=[article.pk]) + "#nuttig")


@rules.allow(rules.CASE_WORKERS)
@require_http_methods(["GET", "POST"])
def knowledge_create(request: HttpRequest) -> HttpResponse:
    form = KnowledgeArticleForm(request.POST or None, initial={"owner_team": getattr(request.user, "team", None)})
    if request.method == "POST" and form.is_valid():
        try:
            article = knowledge.article_publish(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            messages.success(request, _("Het artikel is gepubliceerd."))
            return redirect("catalogue:knowledge-detail", article_id=article.pk)
    status = 400 if form.errors else 200
    return render(request, "catalogue/knowledge_form.html", {"form": form, "article": None}, status=status)


@rules.allow(rules.CASE_WORKERS)
@require_http_methods(["GET", "POST"])
def knowledge_edit(request: HttpRequest, article_id: int) -> HttpResponse:
    article = _article_or_404(request, article_id)
    form = KnowledgeArticleEditForm.for_article(article, request.POST or None)
    if request.method == "POST" and form.is_valid():
        changes = dict(form.cleaned_data)
        change_note = changes.pop("change_note")
        try:
            updated = knowledge.article_update(article=article, actor=request.user, change_note=change_note, **changes)
        except ValidationError as exc:
            _form_errors_from(form, exc)
        else:
            if updated.version == article.version:
                messages.info(request, _("Er is niets gewijzigd."))
            else:
                messages.success(request, _("Versie %(version)s is bewaard.") % {"version": updated.version})
            return redirect("catalogue:knowledge-detail", article_id=article.pk)
    status = 400 if form.errors else 200
    return render(request, "catalogue/knowledge_form.html", {"form": form, "article": article}, status=status)
