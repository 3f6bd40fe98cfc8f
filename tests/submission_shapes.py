"""Our JSON export rewritten in the layouts other tools write (tests of issue 13): Kobo's API
v2 page and ODK Central's OData feed, so that the import is checked against each."""

from __future__ import annotations

from typing import Any


def kobo_api(items: list[dict]) -> dict[str, Any]:
    """KoboToolbox's API v2 ``/data/`` page."""
    return {"count": len(items), "next": None, "previous": None, "results": items}


def odk_submission(flat: dict, keep_mechanism: bool = False) -> dict:
    """A flat submission as ODK Central's OData feed gives it with $expand=*: groups as
    objects, repeats inline beside their navigation link, the instance id as ``__id``, the
    submission date and form version under ``__system``; no form id, and no mechanism key
    unless ``keep_mechanism`` (a form with a top-level question named so)."""
    system: dict[str, Any] = {"submitterName": "Consultant", "reviewState": None,
                              "formVersion": flat.get("__version__")}
    if "_submission_time" in flat:
        system["submissionDate"] = flat["_submission_time"] + ".000Z"
    out: dict = {"__id": flat["meta/instanceID"], "__system": system}
    for key, value in flat.items():
        if key.startswith("_") or key == "formhub/uuid" or (key == "mechanism" and not keep_mechanism):
            continue
        if isinstance(value, list):
            value = [{k.rsplit("/", 1)[1]: v for k, v in row.items()} for row in value]
        *groups, name = key.split("/")
        node = out
        for group in groups:
            node = node.setdefault(group, {})
        node[name] = value
        if isinstance(value, list):
            node[f"{name}@odata.navigationLink"] = f"Submissions('{flat['meta/instanceID']}')/{key}"
    return out


def odk_central(items: list[dict], form_id: str, keep_mechanism: bool = False) -> dict[str, Any]:
    """ODK Central's OData feed of one form's submissions."""
    return {
        "@odata.context": f"https://central.example.org/v1/projects/1/forms/{form_id}.svc/$metadata#Submissions",
        "value": [odk_submission(item, keep_mechanism) for item in items],
    }
