"""A workflow may leave a notify status's message to its own app: it must be a notify status."""

from __future__ import annotations

import pytest

from loket.cases.workflows import Workflow


def test_a_status_announced_by_the_app_must_be_a_notify_status():
    with pytest.raises(ValueError, match="announced by the app"):
        Workflow(
            kind="x",
            prefix="X",
            label_text="x",
            initial="new",
            statuses={"new": "nieuw", "done": "klaar"},
            transitions={"new": frozenset({"done"})},
            notify_statuses=frozenset(),
            announced_by_app=frozenset({"done"}),
        )
