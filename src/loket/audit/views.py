"""The audit trail page for administrators."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from loket.accounts import rules
from loket.audit.forms import AuditFilterForm
from loket.audit.selectors import audit_entry_list

PAGE_SIZE = 50


@rules.allow(rules.ADMINS)
def entry_list(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    entries = audit_entry_list(**form.cleaned_data) if form.is_valid() else audit_entry_list()
    if form.is_bound and not form.is_valid():
        entries = entries.none()
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request, "audit/entry_list.html", {"form": form, "page": page, "query": query.urlencode()}, status=status
    )
