"""Public e-loket pages of the catalogue: home with search, search results, service page, register."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from loket.accounts import rules
from loket.catalogue import selectors
from loket.catalogue.channels import CONTACT_CENTRE_EMAIL, CONTACT_CENTRE_PHONE, channel_advice
from loket.catalogue.forms import AdviceForm
from loket.catalogue.hooks import service_actions
from loket.catalogue.knowledge import articles_for_service
from loket.catalogue.models import Level, Service
from loket.catalogue.search import service_search_services
from loket.organisation.models import District

MAX_QUERY = 200


@rules.allow(rules.PUBLIC)
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "popular": selectors.service_list_popular(),
        "districts": District.objects.valid_on(timezone.localdate()),
        "phone": CONTACT_CENTRE_PHONE,
    }
    return render(request, "catalogue/home.html", context)


@rules.allow(rules.PUBLIC)
def search(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:MAX_QUERY]
    context = {
        "q": q,
        "results": service_search_services(q=q, limit=30) if q else [],
        "phone": CONTACT_CENTRE_PHONE,
        "email": CONTACT_CENTRE_EMAIL,
    }
    # htmx asks for the results only, to swap them in while the citizen types.
    template = "catalogue/_results.html" if request.headers.get("HX-Request") else "catalogue/search.html"
    return render(request, template, context)


@rules.allow(rules.PUBLIC)
def service_detail(request: HttpRequest, slug: str) -> HttpResponse:
    service = get_object_or_404(Service.objects.filter(active=True).select_related("topic"), slug=slug)
    form = AdviceForm(request.GET or None)
    choices = form.cleaned_data if form.is_bound and form.is_valid() else {}
    advice = channel_advice(
        service=service,
        can_use_digital=not choices.get("not_digital", False),
        needs_help=choices.get("needs_help", False),
        reduced_mobility=choices.get("reduced_mobility", False),
        district=choices.get("district"),
    )
    context = {
        "service": service,
        "documents": [line.strip() for line in service.documents.splitlines() if line.strip()],
        "form": form,
        "advice": advice,
        "phone": CONTACT_CENTRE_PHONE,
        "actions": service_actions(service=service),
        "articles": articles_for_service(service=service, user=None, limit=10),  # public ones only
    }
    return render(request, "catalogue/service_detail.html", context, status=400 if form.errors else 200)


@rules.allow(rules.PUBLIC)
def topic_list(request: HttpRequest) -> HttpResponse:
    topics = list(selectors.topic_list_with_competences())
    context = {
        "district_topics": [t for t in topics if t.level == Level.DISTRICT],
        "city_topics": [t for t in topics if t.level == Level.CITY],
    }
    return render(request, "catalogue/topic_list.html", context)
