from __future__ import annotations

import itertools
from typing import Any

import pytest

from loket.accounts.models import Role, User
from loket.organisation.models import District, Team

_counter = itertools.count()


@pytest.fixture
def fast_hashing(settings):
    """Hashing with argon2 costs time; tests that do not test hashing use a cheap hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db, fast_hashing):
    def make(role: str = Role.CITIZEN, district: str | None = None, team: str | None = None, **extra: Any) -> User:
        username = extra.pop("username", f"{role}-{next(_counter)}")
        return User.objects.create_user(
            username=username,
            password=extra.pop("password", "een-lang-wachtwoord"),
            role=role,
            district=District.objects.get(slug=district) if district else None,
            team=Team.objects.get(slug=team) if team else None,
            **extra,
        )

    return make
