"""Generation stamps: one cheap read tells a process whether reference data it caches has changed.

A process may keep reference data in memory (the street table, the competences register, the
e-loket's form definitions) only if it asks before each use whether the data changed. Database
triggers give a generation (a row of ``DataGeneration``) a new random value in the same
transaction as every write to one of its tables, whoever writes: the ORM, the admin, a bulk
import, ``QuerySet.update``, a migration or SQL typed by hand. So a committed change is seen by
every process on its next read, and an uncommitted or rolled-back one by none.

``GenerationCache`` is the per-process dictionary built on this: it reads the generation
*before* loading an entry and is used only while the value it read is unchanged.

Reading costs one primary-key query. During an HTTP request it is read once (``request_started``
opens a memo, ``request_finished`` drops it; a save or delete of a watched model in this
process drops it at once); outside a request (jobs, commands, tests calling selectors) it is
read on every use. The triggers are (re)installed after every ``migrate`` and ``flush``
(``post_migrate``): a table named in ``GENERATIONS`` whose app is not installed is skipped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from django.apps import apps as global_apps
from django.core.signals import request_finished, request_started
from django.db import connection, connections
from django.db.models.signals import post_delete, post_save

ROUTING = "routing"

# generation → the models whose tables raise it (labels, so this base app imports no other app).
GENERATIONS: dict[str, tuple[str, ...]] = {
    ROUTING: (
        "organisation.District",
        "organisation.Street",
        "organisation.Team",
        "catalogue.Topic",
        "catalogue.Competence",
        "catalogue.Service",
        "requests.FormDefinition",
        "reports.Category",
    ),
}
TABLE = "organisation_datageneration"
_local = threading.local()


def generation_current(name: str = ROUTING) -> int:
    """The generation's value now (0 when no watched table was written since the table was made)."""
    memo: dict[str, int] | None = getattr(_local, "memo", None)
    if memo is not None and name in memo:
        return memo[name]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {TABLE} WHERE name = %s", [name])  # noqa: S608 (constant)
        row = cursor.fetchone()
    value = int(row[0]) if row else 0
    if memo is not None:
        memo[name] = value
    return value


def generation_forget(**_: Any) -> None:
    """Drop this request's memo, so the next use reads the generation again."""
    memo = getattr(_local, "memo", None)
    if memo is not None:
        memo.clear()


def _request_started(**_: Any) -> None:
    _local.memo = {}


def _request_finished(**_: Any) -> None:
    _local.memo = None


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class GenerationCache(Generic[K, V]):
    """A per-process dictionary that empties itself when its generation changes.

    The values are shared by every caller in the process: read them, never modify them.
    """

    def __init__(self, generation: str = ROUTING, *, max_entries: int = 10_000) -> None:
        self.generation = generation
        self.max_entries = max_entries
        self._state: tuple[int | None, dict[K, V]] = (None, {})

    def get(self, key: K, load: Callable[[], V]) -> V:
        value = generation_current(self.generation)  # before loading: an entry is never newer than its label
        state = self._state
        if state[0] != value:
            state = self._state = (value, {})
        entries = state[1]
        try:
            return entries[key]
        except KeyError:
            pass
        result = load()
        if len(entries) >= self.max_entries:
            entries.clear()
        entries[key] = result
        return result

    def clear(self) -> None:
        self._state = (None, {})


# --- Triggers ---------------------------------------------------------------------------------

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION loket_generation_raise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO organisation_datageneration (name, value) VALUES (TG_ARGV[0], floor(random() * 9e18)::bigint)
    ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value;
    RETURN NULL;
END
$$
"""


def _trigger_statements(vendor: str, name: str, table: str) -> list[str]:
    if not (name.isidentifier() and table.isidentifier()):
        raise ValueError(f"not an identifier: {name!r} or {table!r}")
    trigger = f"loket_generation_{name}_{table}"
    if vendor == "postgresql":
        return [
            f'DROP TRIGGER IF EXISTS {trigger} ON "{table}"',
            f'CREATE TRIGGER {trigger} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION loket_generation_raise('{name}')",
        ]
    if vendor == "sqlite":
        raise_it = f"INSERT OR REPLACE INTO {TABLE} (name, value) VALUES ('{name}', random());"  # noqa: S608
        statements = []
        for event in ("INSERT", "UPDATE", "DELETE"):
            each = f"{trigger}_{event.lower()}"
            statements.append(f"DROP TRIGGER IF EXISTS {each}")
            statements.append(f'CREATE TRIGGER {each} AFTER {event} ON "{table}" BEGIN {raise_it} END')
        return statements
    raise NotImplementedError(f"generation triggers for {vendor}")


def generation_triggers_install(*, using: str = "default", apps: Any = global_apps, **_: Any) -> None:
    """Create (or replace) the triggers of every generation; safe to run again (a post_migrate receiver)."""
    db = connections[using]
    tables = db.introspection.table_names()
    if TABLE not in tables:
        return
    statements = [POSTGRES_FUNCTION] if db.vendor == "postgresql" else []
    for name, labels in GENERATIONS.items():
        for label in labels:
            try:
                model = apps.get_model(label)
            except LookupError:
                continue
            if model._meta.db_table in tables:
                statements += _trigger_statements(db.vendor, name, model._meta.db_table)
    with db.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def generation_signals_connect() -> None:
    """Memo per request; a save or delete of a watched model in this process is seen at once."""
    request_started.connect(_request_started, dispatch_uid="generation-request-started")
    request_finished.connect(_request_finished, dispatch_uid="generation-request-finished")
    for labels in GENERATIONS.values():
        for label in labels:
            try:
                model = global_apps.get_model(label)
            except LookupError:
                continue
            post_save.connect(generation_forget, sender=model, dispatch_uid=f"generation-{label}-save")
            post_delete.connect(generation_forget, sender=model, dispatch_uid=f"generation-{label}-delete")
