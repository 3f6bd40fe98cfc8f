"""User preferences (profile name, own time zone, language), kept in the data folder's INI file."""

from __future__ import annotations

import getpass
from dataclasses import dataclass


def _default_profile() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some frozen Windows setups
        return "user"


def full_name(login: str | None = None) -> str:
    """The user's full name from the system's account (the GECOS field on Linux and macOS),
    or "" when there is none."""
    try:
        import pwd

        gecos = pwd.getpwnam(login or _default_profile()).pw_gecos
    except (ImportError, KeyError, OSError):  # Windows has no pwd; an unknown login
        return ""
    return gecos.split(",", 1)[0].strip()


def profile_chosen() -> bool:
    """Whether a profile name was stored: asked once on first start (issue 14), or set in
    Preferences. Until then the login stands in for it."""
    from .i18n import settings

    return bool(settings().value("profile", "", str))


def _default_zone() -> str:
    try:
        from datetime import datetime

        local = datetime.now().astimezone().tzinfo
        key = getattr(local, "key", None)
        return key or "Europe/Geneva"
    except Exception:
        return "Europe/Geneva"


def stored_time_zone() -> str:
    """``Preferences.load().time_zone``, read without loading Qt (for the command line)."""
    from .i18n import stored_setting

    return stored_setting("time_zone") or _default_zone()


@dataclass
class Preferences:
    profile: str
    time_zone: str
    language: str

    @classmethod
    def load(cls) -> Preferences:
        from .i18n import preferred_language, settings

        s = settings()
        return cls(
            profile=s.value("profile", "", str) or _default_profile(),
            time_zone=s.value("time_zone", "", str) or _default_zone(),
            language=preferred_language(),
        )

    def save(self) -> None:
        from .i18n import settings

        s = settings()
        s.setValue("profile", self.profile)
        s.setValue("time_zone", self.time_zone)
        s.setValue("language", self.language)
        s.sync()
