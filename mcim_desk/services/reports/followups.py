"""The follow-ups report: open follow-ups by owner and mechanism."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from ...reports.data import FollowUpItem, FollowUpsData, MechanismGroup, OwnerGroup
from ...reports.labels import date_time, label
from .common import _LABEL_KEYS, _check_lang, _local, _Mechanisms, _now

if TYPE_CHECKING:
    from ...persistence.database import Database


def _followup_item(row, mechs: _Mechanisms, lang: str, zone: str, now: datetime) -> FollowUpItem:  # noqa: ANN001
    # As the dashboard: overdue once the due time has passed, "today" until the end of the
    # day in the user's zone.
    today = _today(now, zone)
    aware = now.astimezone() if now.tzinfo is None else now
    now_utc = aware.astimezone(UTC).replace(tzinfo=None)
    if row.due_utc is None:
        state, due = "undated", label("none", lang)
    else:
        local = _local(row.due_utc, zone)
        if row.due_utc < now_utc:
            state = "overdue"
        else:
            state = "today" if local.date() == today else "upcoming"
        due = date_time(local, lang)
    about = None
    if row.answer_path:
        about = label("about_question", lang, question=row.answer_path)
        number = re.search(r"(?:^|/)q(\d+)(?:$|[/\[])", row.answer_path)
        if number:
            about = label("about_question", lang, question=label("question_n", lang, number=number.group(1)))
    kind_key = f"kind_{row.kind}"
    return FollowUpItem(
        id=row.id,
        mechanism=mechs.acronym(row.mechanism_id),
        mechanism_name=mechs.name(row.mechanism_id),
        owner=row.owner or "",
        kind=row.kind,
        kind_label=label(kind_key, lang) if kind_key in _LABEL_KEYS else row.kind,
        due=due,
        state=state,
        state_label=label(f"state_{state}", lang),
        notes=row.notes,
        about=about,
    )


def _today(now: datetime, zone: str) -> date:
    """Today's date in ``zone``; ``now`` is the machine's local time (naive) or aware."""
    from ...domain.timezones import is_known_zone
    from ...domain.timezones import zone as zone_info

    aware = now.astimezone() if now.tzinfo is None else now
    return aware.astimezone(zone_info(zone if is_known_zone(zone) else "UTC")).date()


def followups_data(db: Database, lang: str, *, time_zone: str = "UTC",
                   now: datetime | None = None) -> FollowUpsData:
    """Open follow-ups (overdue, today, upcoming, undated), by owner then mechanism."""
    from ...persistence import report_repo as repo
    from .. import instruments

    _check_lang(lang)
    moment = _now(now)
    with db.read() as session:
        round_id, _ = repo.current_round(session)
        mechs = _Mechanisms(repo.mechanism_statuses(session, round_id,
                                                    instruments.study_form_id_in(session, "questionnaire")), lang)
        items = [_followup_item(row, mechs, lang, time_zone, moment)
                 for row in repo.open_followups(session)]
        fictional = repo.is_demo(session) or repo.has_fictional_rows(session)
    counts = {state: sum(1 for i in items if i.state == state)
              for state in ("overdue", "today", "upcoming", "undated")}
    owners: list[OwnerGroup] = []
    by_owner: dict[str, dict[str, list[FollowUpItem]]] = {}
    for item in items:
        by_owner.setdefault(item.owner, {}).setdefault(item.mechanism, []).append(item)
    state_rank = {"overdue": 0, "today": 1, "upcoming": 2, "undated": 3}
    for owner in sorted(by_owner, key=lambda o: (o == "", o.casefold())):
        groups = []
        for acronym, group in by_owner[owner].items():
            group.sort(key=lambda i: state_rank[i.state])
            groups.append(MechanismGroup(acronym, group[0].mechanism_name, tuple(group)))
        owners.append(OwnerGroup(owner, tuple(groups)))
    return FollowUpsData(
        lang=lang,
        title=label("followups_title", lang),
        time_zone=time_zone,
        counts=counts,
        owners=tuple(owners),
        generated_label=label("generated", lang, date=date_time(moment, lang)),
        fictional=fictional,
    )
