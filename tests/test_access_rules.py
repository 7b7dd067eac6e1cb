"""Every view of Loket declares who may use it (a rule from loket.accounts.rules).

Walks all URL patterns of ``loket.urls`` through every include. Django's admin (guarded by
the admin site itself, see accounts/admin.py) and ``django.conf.urls.i18n`` are exempt.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from loket.accounts.rules import Rule, declared_rule

EXEMPT_URLCONFS = {"django.conf.urls.i18n"}
EXEMPT_APP_NAMES = {"admin"}


def walk(patterns: list[Any], prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            urlconf = getattr(pattern.urlconf_name, "__name__", pattern.urlconf_name)
            if pattern.app_name in EXEMPT_APP_NAMES or urlconf in EXEMPT_URLCONFS:
                continue
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def describe(route: str, pattern: URLPattern) -> str:
    callback = pattern.callback
    view = getattr(callback, "view_class", None) or getattr(callback, "cls", None) or callback
    return f"/{route}  ({view.__module__}.{view.__qualname__}, name={pattern.name!r})"


def test_every_view_declares_a_rule():
    routes = list(walk(get_resolver("loket.urls").url_patterns))
    offenders = [describe(route, p) for route, p in routes if not isinstance(declared_rule(p.callback), Rule)]
    assert not offenders, "Views without a rule (@rules.allow(...) or rule = rules.X):\n" + "\n".join(offenders)


def test_the_walk_sees_the_pages_and_the_api_and_skips_the_admin():
    routes = {route for route, _ in walk(get_resolver("loket.urls").url_patterns)}
    assert {"aanmelden/", "start/", "audit/", "api/v1/auth/token/", "api/v1/me/"} <= routes
    assert not any(route.startswith("beheer/") or route.startswith("i18n/") for route in routes)
