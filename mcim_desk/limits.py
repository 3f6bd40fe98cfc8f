"""The one table of size limits. Every entry point (the window, JSON, bundles, PDF forms,
reference fields) reads its limit here, so a limit is documented once and the same value is
refused the same way wherever it comes from. The README's "Limits" table mirrors this file.
"""

from __future__ import annotations

_MIB = 1024 * 1024

# A typed answer (text question, note on a question). About twelve printed pages: far more than
# any answer of the 2018 study, small enough that every report of answers renders in seconds.
TEXT_ANSWER_CHARS = 30_000
# Interview notes (the call workspace's free notes and per-question notes).
NOTE_CHARS = 200_000
# Reference fields typed in the mechanism card.
ACRONYM_CHARS = 40
NAME_CHARS = 300
# The profile name (Preferences, first start): written in every audit row and follow-up owner.
PROFILE_CHARS = 128

# Returned PDF questionnaires: refused before parsing above this size; at most this many form
# fields are read, and a field value is read up to this length (a value cut there is far above
# TEXT_ANSWER_CHARS, so it is refused, never taken cut; the hidden field of a questionnaire
# pre-filled with long answers holds them all).
PDF_FILE_BYTES = 20 * _MIB
PDF_FIELDS = 5000
PDF_FIELD_CHARS = 4_000_000
# A file attached to an answer (image, audio, video and file questions), refused before it is
# read above this size: a scanned position document or an action plan fits many times over.
ATTACHMENT_BYTES = 20 * _MIB
# Bundles (.mcimz), as stored and inflated.
BUNDLE_FILE_BYTES = 1024 * _MIB
BUNDLE_ENTRY_BYTES = 1024 * _MIB
BUNDLE_TOTAL_BYTES = 1536 * _MIB
BUNDLE_ENTRIES = 200
# An entry above BUNDLE_RATIO_FLOOR_BYTES may inflate at most BUNDLE_RATIO times its stored size.
BUNDLE_RATIO = 100
BUNDLE_RATIO_FLOOR_BYTES = 1 * _MIB
# JSON submissions files: size of the file, and how deeply objects and lists may nest.
JSON_FILE_BYTES = 512 * _MIB
JSON_DEPTH = 32

# Automatic backups of a SQLite database (the backups/ folder beside it): at most this many
# copies and at most this many bytes together; the newest copy is always kept, whatever its size.
BACKUPS_KEPT = 10
BACKUPS_TOTAL_BYTES = 1024 * _MIB


def grouped(number: int) -> str:
    """``number`` with its thousands grouped as the language in use writes them (30,000 in
    English, 30 000 in French), for messages that name a limit."""
    from .translation import translate

    separator = translate("Limits", ",", "thousands separator in numbers: 30,000")
    return f"{number:,}".replace(",", separator)
