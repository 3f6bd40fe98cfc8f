"""IANA time zones (zoneinfo + tzdata): validation and "both local times" formatting."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# Cities people name that IANA files under another one (same rules): Geneva keeps Zurich's
# clock, but users write, and want to read, "Europe/Geneva".
ALIASES = {"Europe/Geneva": "Europe/Zurich"}


@cache
def known_zones() -> frozenset[str]:
    return frozenset(available_timezones()) | frozenset(ALIASES)


def is_known_zone(name: str) -> bool:
    if not name or name not in known_zones():
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # "America/" is a folder
            return False
    return True


def zone(name: str) -> ZoneInfo:
    return ZoneInfo(ALIASES.get(name, name))


def to_utc_naive(local: datetime, zone_name: str) -> datetime:
    """A wall-clock time in ``zone_name`` as naive UTC (how the database stores times)."""
    aware = local.replace(tzinfo=zone(zone_name)) if local.tzinfo is None else local
    return aware.astimezone(UTC).replace(tzinfo=None)


def from_utc_naive(utc: datetime, zone_name: str) -> datetime:
    return utc.replace(tzinfo=UTC).astimezone(zone(zone_name))


def city_of(zone_name: str) -> str:
    return zone_name.rsplit("/", 1)[-1].replace("_", " ")
