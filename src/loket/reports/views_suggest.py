"""The suggestion fragment for the report form: while the citizen types the description, htmx
asks ``reports:suggest-fragment`` for the likely categories and shows them as buttons that fill
in the category field."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from loket.accounts import rules
from loket.reports import selectors
from loket.reports.suggestion import MAX_TEXT, category_suggest

MIN_TEXT = 3


@rules.allow(rules.PUBLIC)
@require_GET
def suggest_fragment(request: HttpRequest) -> HttpResponse:
    text = (request.GET.get("text") or request.GET.get("description") or "").strip()
    if len(text) > MAX_TEXT:
        return render(request, "reports/suggest_fragment.html", {"too_long": True, "max": MAX_TEXT}, status=400)
    suggestions = []
    if len(text) >= MIN_TEXT:
        names = {category.code: category.name_nl for category in selectors.category_list()}
        ranked = [(code, round(confidence * 100)) for code, confidence in category_suggest(text) if code in names]
        # "0 % zeker" helps nobody: below half a percent only the best one is offered.
        suggestions = [
            {"code": code, "name": names[code], "percent": percent}
            for rank, (code, percent) in enumerate(ranked)
            if rank == 0 or percent >= 1
        ]
    return render(request, "reports/suggest_fragment.html", {"suggestions": suggestions})
