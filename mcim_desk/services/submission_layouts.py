"""The layouts a JSON file of submissions comes in, recognised and brought to one: a flat
object per submission whose keys are group paths (``section_2/q4``), repeats as lists of
such objects (see ``submissions.py``).

- **Kobo export**: a plain list of flat submissions (KoboToolbox's JSON export, and what
  ``responses export`` writes);
- **Kobo API v2**: ``{"count": …, "next": …, "previous": …, "results": [...]}``;
- **ODK Central OData**: ``{"@odata.context": "…/forms/<form id>.svc/$metadata#Submissions",
  "value": [...]}`` (or the list of its ``value`` alone), each submission nesting its groups
  as objects, carrying ``__id`` (its instance id) and ``__system`` (submission date,
  submitter, review state, form version...); a repeat is an inline list when the feed was
  asked with ``$expand=*``, and only a ``…@odata.navigationLink`` otherwise, which cannot be
  imported (its rows are not in the file);
- **a single submission**: one flat object on its own.

Also here, what the export writes besides the answers: Kobo's ``_id``, ``_uuid``,
``_submission_time`` and ``formhub/uuid``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

KOBO_EXPORT = QT_TRANSLATE_NOOP("Forms", "Kobo export")
KOBO_API = QT_TRANSLATE_NOOP("Forms", "Kobo API v2")
ODK_CENTRAL = QT_TRANSLATE_NOOP("Forms", "ODK Central OData")
SINGLE = QT_TRANSLATE_NOOP("Forms", "a single submission")

# Submission keys KoboToolbox (and ODK) add beside the answers. None of them is an answer;
# what the import does with each is said in the README ("Kobo and ODK metadata").
KOBO_METADATA = frozenset({
    "_id", "_uuid", "_submission_time", "_attachments", "_geolocation", "_notes",
    "_validation_status", "_status", "_submitted_by", "_tags", "_xform_id_string",
    "_bamboo_dataset_id", "_version", "_edited", "_media_count", "_duration",
    "_media_all_received", "_total_media", "__version__", "formhub/uuid",
})
# XLSForm's metadata question types, which Kobo writes under their own names; skipped when
# the form has no question of that name.
METADATA_QUESTIONS = frozenset({
    "start", "end", "today", "deviceid", "username", "simserial", "subscriberid",
    "phonenumber", "audit", "email",
})
FORMHUB_NAMESPACE = uuid.UUID("3f1b8c52-2d4e-4b7a-9c1e-6a5d0e7f8b21")


class LayoutError(ValueError):
    """The file's layout cannot be imported; the message is translated and names it."""


@dataclass(frozen=True)
class Layout:
    name: str  # untranslated; QCoreApplication.translate("Forms", name) to show it
    items: list[Any]
    form_id: str | None = None  # the form the feed says (ODK Central's @odata.context)

    @property
    def label(self) -> str:
        return QCoreApplication.translate("Forms", self.name)


def _odk_form_id(context: object) -> str | None:
    """``https://…/v1/projects/1/forms/<form id>.svc/$metadata#Submissions`` -> form id."""
    if not isinstance(context, str) or "/forms/" not in context or ".svc" not in context:
        return None
    tail = context.rsplit("/forms/", 1)[1]
    name = unquote(tail.split(".svc", 1)[0])
    return name or None


def is_odk_item(item: object) -> bool:
    return isinstance(item, Mapping) and ("__id" in item or "__system" in item)


def detect(data: Any) -> Layout | None:
    """The layout of a parsed file, or None when it holds no list of submissions."""
    if isinstance(data, list):
        if data and all(is_odk_item(item) for item in data):
            return Layout(ODK_CENTRAL, data)
        return Layout(KOBO_EXPORT, data)
    if not isinstance(data, Mapping):
        return None
    if isinstance(data.get("results"), list):
        return Layout(KOBO_API, data["results"])
    if isinstance(data.get("value"), list):
        return Layout(ODK_CENTRAL, data["value"], _odk_form_id(data.get("@odata.context")))
    if "_xform_id_string" in data or "meta/instanceID" in data:
        return Layout(SINGLE, [data])
    if is_odk_item(data):
        return Layout(ODK_CENTRAL, [data])
    return None


def _geopoint(value: Mapping[str, Any]) -> str | None:
    """ODK Central writes a geopoint as GeoJSON; ODK's text is "lat lon altitude accuracy"."""
    coordinates = value.get("coordinates")
    if value.get("type") != "Point" or not isinstance(coordinates, list) or len(coordinates) < 2:
        return None
    if not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coordinates):
        return None
    lon, lat, *rest = coordinates
    parts = [lat, lon, *rest[:1]]
    properties = value.get("properties")
    if isinstance(properties, Mapping) and isinstance(properties.get("accuracy"), int | float):
        parts += [0] * (3 - len(parts)) + [properties["accuracy"]]
    return " ".join(str(p) for p in parts)


class _Flattener:
    def __init__(self, number: int) -> None:
        self.number = number

    def refuse_link(self, path: str) -> LayoutError:
        return LayoutError(QCoreApplication.translate(
            "Forms", "submission {number}: the repeat “{path}” is only a link (its rows are not in the "
            "file): export the submissions again with $expand=* so that the repeats come inline").format(
                number=self.number, path=path))

    def walk(self, data: Mapping[str, Any], prefix: str, out: dict[str, Any]) -> None:
        for key, value in data.items():
            if not isinstance(key, str) or key.startswith("__") or key.startswith("@odata"):
                continue  # __id, __system, __Submissions-id: ODK Central's own
            path = f"{prefix}/{key}" if prefix else key
            if key.endswith("@odata.navigationLink"):
                name = key[: -len("@odata.navigationLink")]
                if name not in data:
                    raise self.refuse_link(f"{prefix}/{name}" if prefix else name)
                continue
            if isinstance(value, Mapping):
                point = _geopoint(value)
                if point is not None:
                    out[path] = point
                else:
                    self.walk(value, path, out)
            elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
                rows = []
                for item in value:
                    row: dict[str, Any] = {}
                    self.walk(item, path, row)
                    rows.append(row)
                out[path] = rows
            else:
                out[path] = value


def flatten_odk(item: Mapping[str, Any], number: int) -> dict[str, Any]:
    """An ODK Central submission in the flat layout: groups become paths, ``__id`` the
    instance id, ``__system``'s submission date and form version Kobo's ``_submission_time``
    and ``__version__``, its submitter ``_submitted_by``."""
    out: dict[str, Any] = {}
    _Flattener(number).walk(item, "", out)
    system = item.get("__system")
    if isinstance(system, Mapping):
        for source, target in (("submissionDate", "_submission_time"), ("formVersion", "__version__"),
                               ("submitterName", "_submitted_by")):
            if system.get(source) not in (None, "") and target not in out:
                out[target] = system[source]
    if item.get("__id") and "meta/instanceID" not in out:
        out["meta/instanceID"] = item["__id"]
    return out


def flat_items(layout: Layout) -> list[Any]:
    """The layout's submissions, flattened when they nest (ODK Central)."""
    if layout.name != ODK_CENTRAL:
        return layout.items
    return [
        flatten_odk(item, number) if isinstance(item, Mapping) else item
        for number, item in enumerate(layout.items, start=1)
    ]


def submission_time(value: object) -> datetime | None:
    """Kobo's ``_submission_time`` (naive, UTC) or ODK's ``submissionDate`` (with Z) as a naive
    UTC datetime, or None when it is no date and time."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def kobo_time(moment: datetime) -> str:
    """A naive UTC datetime as Kobo writes ``_submission_time``: 2018-11-02T10:00:00."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat()


def kobo_id(response_id: str) -> int:
    """Kobo's ``_id``: an integer, the same for a response wherever it is exported (its
    uuid's first 52 bits, so that JavaScript reads it exactly)."""
    return int(uuid.UUID(response_id).hex[:13], 16)


def formhub_uuid(form_id: str, version: str, source_hash: str) -> str:
    """Kobo's ``formhub/uuid``: 32 hex digits, one per form version, derived from the form id,
    version and source, so every database writes the same for the same version."""
    return uuid.uuid5(FORMHUB_NAMESPACE, f"{form_id}\x1f{version}\x1f{source_hash}").hex


__all__ = [
    "KOBO_API", "KOBO_EXPORT", "KOBO_METADATA", "METADATA_QUESTIONS", "ODK_CENTRAL", "SINGLE",
    "Layout", "LayoutError", "detect", "flat_items", "flatten_odk", "formhub_uuid", "kobo_id",
    "kobo_time", "submission_time",
]
