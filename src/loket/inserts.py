"""Inserting new rows of append-only tables without compiling an INSERT for each row.

``Model.objects.create`` compiles its INSERT statement anew for every row; on the hot path of
creating a case (the case, its first history event and its audit line) that compilation was
about a fifth of the request's CPU time (docs/performance.md). ``insert`` compiles once per
model, database alias and set of fields, and then only prepares each row's values as the ORM
does (``pre_save`` for ``auto_now_add``, ``get_db_prep_save``), so the row is stored exactly as
``create`` would store it.

What it skips, on purpose: ``save()`` overrides and the ``pre_save``/``post_save`` signals. Use
it only for models whose ``save`` adds nothing to a new row and that nobody listens to.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import connections, models
from django.db.models.sql import InsertQuery

M = TypeVar("M", bound=models.Model)

_statements: dict[tuple[type[models.Model], str], tuple[str, list[models.Field[Any, Any]]]] = {}


def _statement(model: type[models.Model], using: str) -> tuple[str, list[models.Field[Any, Any]]]:
    key = (model, using)
    if key not in _statements:
        meta = model._meta
        fields = [field for field in meta.local_concrete_fields if field is not meta.auto_field and not field.generated]
        query = InsertQuery(model)
        query.insert_values(fields, [model()])
        compiler = query.get_compiler(using=using)
        compiler.returning_fields = [meta.pk]
        ((sql, _params),) = compiler.as_sql()
        _statements[key] = (sql, fields)
    return _statements[key]


def insert(obj: M, *, using: str = "default") -> M:
    """Store the new ``obj`` (one INSERT … RETURNING its id) and return it with its ``pk`` set."""
    model = type(obj)
    sql, fields = _statement(model, using)
    connection = connections[using]
    params = [field.get_db_prep_save(field.pre_save(obj, True), connection=connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        (pk,) = cursor.fetchone()
    obj.pk = pk
    obj._state.adding = False
    obj._state.db = using
    return obj
