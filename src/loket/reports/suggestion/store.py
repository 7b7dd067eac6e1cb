"""Model files: the versioned ``report-categories-v<N>.json`` files written by ``reports_train``
in the model directory, and the packaged ``model.json`` used until one exists.

Loading is cached per process. Each lookup costs one ``stat`` of the model directory; when its
modification time changes (a new version was written) the directory is listed again and the
newest version that can be read is loaded (a broken or half-written file is passed over).
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from django.conf import settings

from loket.reports.suggestion.bayes import Model, from_dict

PACKAGED = Path(__file__).resolve().parent / "model.json"
FILE_PATTERN = re.compile(r"^report-categories-v(\d+)\.json$")
FORMAT = "loket-report-categories/1"

logger = logging.getLogger(__name__)


def model_dir() -> Path:
    """``REPORTS_SUGGEST_MODEL_DIR``, by default ``<VAR_DIR>/models``."""
    configured = getattr(settings, "REPORTS_SUGGEST_MODEL_DIR", None)
    if configured:
        return Path(configured)
    return Path(getattr(settings, "VAR_DIR", Path.cwd() / "var")) / "models"


def versions(directory: Path | None = None) -> dict[int, Path]:
    """Version number → file of the trained models in ``directory``."""
    directory = directory or model_dir()
    try:
        names = os.listdir(directory)
    except FileNotFoundError:
        return {}
    found = {}
    for name in names:
        match = FILE_PATTERN.match(name)
        if match:
            found[int(match.group(1))] = directory / name
    return found


def model_write(document: dict[str, Any], *, directory: Path | None = None) -> tuple[int, Path]:
    """Write ``document`` as the next version (atomically: a temporary file renamed); returns
    (version, path). Two trainings at once cannot take the same number: the name is claimed
    with an exclusive create."""
    directory = directory or model_dir()
    directory.mkdir(parents=True, exist_ok=True)
    version = max(versions(directory), default=0) + 1
    while True:
        path = directory / f"report-categories-v{version}.json"
        try:
            with open(path, "x"):
                pass
        except FileExistsError:
            version += 1
            continue
        break
    document = {**document, "version": version}
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".train-", suffix=".json")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, separators=(",", ":"))
    os.replace(temporary, path)
    return version, path


def document_read(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as source:
        document = json.load(source)
    if document.get("format") != FORMAT:
        raise ValueError(f"{path} is not a report category model ({FORMAT})")
    return document


class LoadedModel:
    def __init__(self, document: dict[str, Any], path: Path) -> None:
        self.path = path
        self.version = document.get("version", 0)
        self.metrics = document.get("metrics", {})
        self.model: Model = from_dict(document["model"])


_lock = threading.Lock()
_cache: dict[str, Any] = {"key": None, "loaded": None}


def model_current() -> LoadedModel:
    """The newest trained model, or the packaged one when none was trained."""
    directory = model_dir()
    try:
        mtime = os.stat(directory).st_mtime_ns
    except FileNotFoundError:
        mtime = None
    key = (str(directory), mtime)
    loaded = _cache["loaded"]
    if _cache["key"] == key and loaded is not None:
        return loaded
    with _lock:
        if _cache["key"] == key and _cache["loaded"] is not None:
            return _cache["loaded"]
        current = _cache["loaded"]
        found = versions(directory)
        for path in [found[version] for version in sorted(found, reverse=True)] + [PACKAGED]:
            if current is not None and current.path == path:
                break
            try:
                current = LoadedModel(document_read(path), path)
                break
            except (OSError, ValueError, KeyError, TypeError):  # half-written or broken: the one before
                logger.warning("report category model %s cannot be read; trying an older one", path, exc_info=True)
        assert current is not None
        _cache["key"] = key
        _cache["loaded"] = current
        return current


def model_forget() -> None:
    """Drop the cached model (tests; the next lookup reads the files again)."""
    with _lock:
        _cache["key"] = None
        _cache["loaded"] = None
