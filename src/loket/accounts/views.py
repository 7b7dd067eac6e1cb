"""Login, logout and each role's start page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.views import LoginView, LogoutView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from loket.accounts import rules
from loket.accounts.forms import LoginForm
from loket.accounts.hooks import start_sections
from loket.accounts.models import Role
from loket.accounts.selectors import start_page_data

START_TEMPLATES = {
    Role.CITIZEN: "accounts/start/citizen.html",
    Role.AGENT: "accounts/start/front_office.html",
    Role.CLERK: "accounts/start/front_office.html",
    Role.BACKOFFICE: "accounts/start/backoffice.html",
    Role.DISTRICT_STAFF: "accounts/start/district.html",
    Role.COORDINATOR: "accounts/start/district.html",
    Role.HELPDESK: "accounts/start/helpdesk.html",
    Role.MANAGER: "accounts/start/manager.html",
    Role.ADMIN: "accounts/start/admin.html",
}


class LoketLoginView(LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = settings.OIDC_ENABLED
        return context


login = rules.allow(rules.PUBLIC)(LoketLoginView.as_view())  # type: ignore[type-var]
logout = rules.allow(rules.PUBLIC)(LogoutView.as_view())  # type: ignore[type-var]


@rules.allow(rules.AUTHENTICATED)
def start(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = start_page_data(user=user)  # type: ignore[arg-type]
    context["sections"] = start_sections(user=user)
    if context.get("district") is not None:
        context["district_url"] = reverse("organisation:district-detail", kwargs={"slug": context["district"].slug})
    return render(request, START_TEMPLATES[Role(user.role)], context)  # type: ignore[union-attr]
