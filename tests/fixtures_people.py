"""Shared fixture: ``make_user`` creates a user with a role (and a district by slug), no password.

Registered in tests/conftest.py. A folder whose tests need other defaults (a team, a password, an
e-mail address) defines its own ``make_user`` in its conftest, which takes precedence.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

_counter = itertools.count()


@pytest.fixture
def make_user(db):
    from loket.accounts.models import Role, User
    from loket.organisation.models import District

    def make(role: str = Role.CITIZEN, district: str | None = None, **extra: Any) -> User:
        name = extra.pop("username", f"{role}-{next(_counter)}")
        return User.objects.create_user(
            username=name,
            password=None,
            role=role,
            district=District.objects.get(slug=district) if district else None,
            first_name=extra.pop("first_name", "Test"),
            last_name=extra.pop("last_name", name),
            **extra,
        )

    return make
