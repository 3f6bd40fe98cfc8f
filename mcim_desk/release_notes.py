"""Release notes from CHANGELOG.md (English) and CHANGELOG.fr.md (French), shipped with the
program: the section of one version, in the user's language where it exists.

The window shows the new version's notes once, after an upgrade (not on a first install);
``last_version`` in the preferences file remembers the version last started.
"""

from __future__ import annotations

import re

from .paths import resource_path

_HEADING = re.compile(r"^## \[([^\]]+)\].*$", re.M)


def section(version: str, lang: str) -> str | None:
    """The notes of ``version`` (its section's body, headings made plain), French when
    ``lang`` is "fr" and the French file has that version, else English; None if neither."""
    files = ["CHANGELOG.fr.md", "CHANGELOG.md"] if lang == "fr" else ["CHANGELOG.md"]
    for name in files:
        try:
            text = resource_path(name).read_text(encoding="utf-8")
        except OSError:
            continue
        headings = list(_HEADING.finditer(text))
        for i, match in enumerate(headings):
            if match.group(1) == version:
                end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
                body = text[match.end():end].split("\n[", 1)[0]  # drop the link references
                return re.sub(r"^### ", "", body, flags=re.M).strip() or None
    return None


def notes_due(last_version: str | None, current: str) -> bool:
    """Show the notes when another version ran before this one (an upgrade)."""
    return bool(last_version) and last_version != current
