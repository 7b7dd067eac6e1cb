from __future__ import annotations

from tests.accounts.conftest import fast_hashing, make_user  # noqa: F401
