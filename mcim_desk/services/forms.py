"""Forms: the bundled XLSForms installed at start, forms users add, parsed definitions.

A form is parsed (pyxform, slow to import) only when it is added or its file changed; the
parsed definition is stored as JSON in ``form_version`` and read back without pyxform. A
normal start compares the SHA-256 of the bundled files with the stored hashes through the
standard library's sqlite3 and does nothing else.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..paths import resource_path

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..forms.definition import FormDefinition
    from ..persistence.database import Database

log = logging.getLogger(__name__)

# form_version ids derive from (form id, version): every laptop gives a version the same id.
FORM_VERSION_NAMESPACE = uuid.UUID("0f1d7a52-3c55-4f7e-9a0b-6c1e2d9b4a31")

# Parsed definitions by (database, version id): a version id is derived from the form id and
# version alone, so two databases (or two tests) may hold different forms under one id.
_DEFINITIONS: dict[tuple[str, str], FormDefinition] = {}
_DEFINITIONS_LOCK = threading.Lock()


@dataclass(frozen=True)
class FormInfo:
    """One stored version of a form. ``added`` is True when the call that returned it stored
    it (a new form, a new version, or a bundled version whose file changed)."""

    form_id: str
    version_id: str
    version: str
    kind: str
    title_fr: str
    title_en: str
    source_name: str
    source_hash: str
    question_count: int
    created_at: datetime | None
    added: bool = False

    def title(self, lang: str) -> str:
        return (self.title_fr if lang == "fr" else self.title_en) or self.title_en or self.title_fr


def form_version_id(form_id: str, version: str) -> str:
    return str(uuid.uuid5(FORM_VERSION_NAMESPACE, f"{form_id}\x1f{version}"))


def bundled_form_files() -> list[Path]:
    return sorted(resource_path("resources", "forms").glob("*.md"))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _stored_hashes(db: Database) -> set[str]:
    if db.path is not None:
        from ..persistence.sqlite_files import read_rows

        return {row[0] for row in read_rows(db.path, "SELECT source_hash FROM form_version")}
    from ..persistence import repositories

    with db.read() as session:
        return repositories.form_version_hashes(session)


def install_bundled_forms(db: Database, *, force: bool = False) -> list[FormInfo]:
    """Store the bundled forms whose file is new or changed; returns what was stored.

    ``force`` re-parses every bundled form (after the reference lists changed: the choice
    lists of ``select_*_from_file`` questions come from them). A bundled file that changed
    without a new version replaces its stored definition: bundled files belong to the
    program. A broken bundled form is logged and skipped, so the program still starts.
    """
    files = {path: _sha256(path) for path in bundled_form_files()}
    if not force:
        stored = _stored_hashes(db)
        files = {path: digest for path, digest in files.items() if digest not in stored}
    if not files:
        return []
    from ..forms.loader import FormError, load_xlsform

    definitions = []
    for path in files:
        try:
            definitions.append((path, load_xlsform(path)))
        except FormError as exc:
            log.error("bundled form %s is broken:\n%s", path.name, exc)
    stored_infos = []
    with db.write() as session:
        for path, definition in definitions:
            info = _store(session, definition, path.name, replace_same_version=True)
            if info.added:
                stored_infos.append(info)
    for info in stored_infos:
        log.info("form %s %s installed from %s", info.form_id, info.version, info.source_name)
    return stored_infos


def validate_form_file(path: str | Path) -> FormDefinition:
    """Parse and check an XLSForm; raises :class:`mcim_desk.forms.loader.FormError`."""
    from ..forms.loader import load_xlsform

    return load_xlsform(path)


@dataclass(frozen=True)
class AnswersAtRisk:
    """A question that has answers and that a new version drops (``new_type`` None) or
    gives another type; matched by question name, so a moved question is not at risk."""

    name: str
    path: str
    old_type: str
    new_type: str | None
    answers: int


class VersionLosesAnswers(ValueError):
    """A new version would drop or retype questions that have answers; nothing was stored.
    ``str()`` is a translated message for the user listing them."""

    def __init__(self, form_id: str, version: str, changes: list[AnswersAtRisk]) -> None:
        from ..translation import translate

        self.form_id, self.version, self.changes = form_id, version, changes
        lines = [
            translate(
                "Forms", "Version {version} of the form {form_id} drops or changes questions that already have answers:"
            ).format(version=version, form_id=form_id)
        ]
        for change in changes:
            if change.new_type is None:
                text = translate(
                    "Forms", "{name} ({path}): no longer asked; answers given to earlier versions: {count}")
            else:
                text = translate(
                    "Forms", "{name} ({path}): {old} becomes {new}; answers given as {old}: {count}")
            lines.append("  " + text.format(name=change.name, path=change.path, old=change.old_type,
                                            new=change.new_type, count=change.answers))
        super().__init__("\n".join(lines))


def answers_at_risk_in(session: Session, definition: FormDefinition) -> list[AnswersAtRisk]:
    """The questions with answers (in any stored version of the form) that ``definition``
    drops or retypes; empty for a new form or a version already stored."""
    from ..persistence import repositories

    if repositories.form_version_by_version(session, definition.form_id, definition.version) is not None:
        return []
    counts: dict[str, list] = {}  # name -> [path, type, answers], the newest version's path and type
    versions = {row.id: row for row, _form in repositories.form_versions(session, form_id=definition.form_id)}
    order = list(versions)
    rows = sorted(repositories.answer_counts_by_path(session, definition.form_id),
                  key=lambda r: order.index(r[0]) if r[0] in order else -1)
    for version_id, path, count in rows:
        question = definition_in(session, version_id).find(path)
        if question is None or not question.takes_answer:
            continue
        entry = counts.setdefault(question.name, [question.path, question.type, 0])
        entry[0], entry[1] = question.path, question.type
        entry[2] += count
    changes = []
    for name, (path, old_type, answers) in counts.items():
        new = definition.by_name(name)
        if new is None or not new.takes_answer:
            changes.append(AnswersAtRisk(name, path, old_type, None, answers))
        elif new.type != old_type:
            changes.append(AnswersAtRisk(name, path, old_type, new.type, answers))
    order_of = {q.name: n for n, q in enumerate(definition_in(session, order[-1]).iter_all())} if order else {}
    return sorted(changes, key=lambda c: (order_of.get(c.name, 10**6), c.name))


def add_form(db: Database, path: str | Path, *, force: bool = False) -> FormInfo:
    """Add a form (or a new version of one) from an XLSForm file.

    The same form id and version with different content is refused (FormError): a changed
    form needs a new ``version`` in its settings sheet, so responses keep their definition.
    Adding the same content again changes nothing (``added`` is False). A new version that
    drops or retypes questions that have answers is refused (VersionLosesAnswers, naming
    them) unless ``force``: the answers stay stored, and the reports still count them.
    """
    definition = validate_form_file(path)
    with db.write() as session:
        changes = answers_at_risk_in(session, definition)
        if changes and not force:
            raise VersionLosesAnswers(definition.form_id, definition.version, changes)
        return _store(session, definition, Path(path).name, replace_same_version=False)


def _comparable(definition: FormDefinition) -> str:
    return replace(definition, source_hash="").to_json()


def _store(
    session: Session, definition: FormDefinition, source_name: str, *, replace_same_version: bool
) -> FormInfo:
    from ..forms.definition import FormDefinition as Definition
    from ..forms.loader import FormError, FormProblem
    from ..persistence import repositories
    from ..persistence.models import FormVersion
    from ..translation import translate

    existing = repositories.form_version_by_version(session, definition.form_id, definition.version)
    if existing is not None:
        same = existing.source_hash == definition.source_hash and existing.definition == definition.to_json()
        if same or _comparable(Definition.from_json(existing.definition)) == _comparable(definition):
            return _info(existing, definition)
        if not replace_same_version:
            message = translate(
                "Forms",
                "The form {form_id} version {version} is already installed with different "
                "content: give the new form another version in its settings sheet.",
            ).format(form_id=definition.form_id, version=definition.version)
            raise FormError([FormProblem(None, message)], source_name)
        existing.definition = definition.to_json()
        existing.source_hash = definition.source_hash
        existing.source_name = source_name
        repositories.save_form(
            session, definition.form_id, definition.kind, definition.title_fr, definition.title_en
        )
        session.flush()
        with _DEFINITIONS_LOCK:
            _DEFINITIONS[(_database_of(session), existing.id)] = definition
        return replace(_info(existing, definition), added=True)
    repositories.save_form(
        session, definition.form_id, definition.kind, definition.title_fr, definition.title_en
    )
    row = FormVersion(
        id=form_version_id(definition.form_id, definition.version),
        form_id=definition.form_id,
        version=definition.version,
        source_name=source_name,
        source_hash=definition.source_hash,
        definition=definition.to_json(),
    )
    session.add(row)
    session.flush()
    with _DEFINITIONS_LOCK:
        _DEFINITIONS[(_database_of(session), row.id)] = definition
    return replace(_info(row, definition), added=True)


def _info(row, definition: FormDefinition) -> FormInfo:  # noqa: ANN001 - an ORM FormVersion
    return FormInfo(
        form_id=row.form_id,
        version_id=row.id,
        version=row.version,
        kind=definition.kind,
        title_fr=definition.title_fr,
        title_en=definition.title_en,
        source_name=row.source_name,
        source_hash=row.source_hash,
        question_count=definition.question_count(),
        created_at=row.created_at,
    )


def definition_in(session: Session, version_id: str) -> FormDefinition:
    """The parsed definition of a form version, read through the caller's session (cached
    in-process by id: a version's definition does not change under its id, except when a
    bundled file is updated, which refreshes the cache)."""
    key = (_database_of(session), version_id)
    cached = _DEFINITIONS.get(key)
    if cached is not None:
        return cached
    from ..forms.definition import FormDefinition as Definition
    from ..persistence import repositories

    text = repositories.form_version_definition(session, version_id)
    if text is None:
        raise KeyError(version_id)
    parsed = Definition.from_json(text)
    with _DEFINITIONS_LOCK:
        return _DEFINITIONS.setdefault(key, parsed)


def definition(db: Database, version_id: str) -> FormDefinition:
    """The parsed definition of a form version (KeyError when there is none)."""
    cached = _DEFINITIONS.get((_url_key(db.engine.url), version_id))
    if cached is not None:
        return cached
    with db.read() as session:
        return definition_in(session, version_id)


def _url_key(url: Any) -> str:
    return url.render_as_string(hide_password=False)


def _database_of(session: Session) -> str:
    """Which database a session reads: the cache's first key."""
    bind = session.get_bind()
    return _url_key(getattr(bind, "url", None) or bind.engine.url)


def list_forms(db: Database) -> list[FormInfo]:
    """Every stored form version, by form id, oldest version first."""
    from ..persistence import repositories

    with db.read() as session:
        return [
            _info(version, definition_in(session, version.id))
            for version, _form in repositories.form_versions(session)
        ]


def version_info_in(session: Session, version_id: str) -> FormInfo:
    """One stored form version's facts (KeyError when there is none)."""
    from ..persistence import repositories

    row = repositories.form_version(session, version_id)
    if row is None:
        raise KeyError(version_id)
    return _info(row, definition_in(session, version_id))


def latest_version_in(session: Session, form_id: str | None = None, kind: str | None = None) -> FormInfo | None:
    """The newest stored version of a form, or of the newest form of a kind."""
    from ..persistence import repositories

    rows = repositories.form_versions(session, form_id=form_id, kind=kind)
    if not rows:
        return None
    version = max(rows, key=lambda pair: (pair[0].created_at, pair[0].version))[0]
    return _info(version, definition_in(session, version.id))


def latest_version(db: Database, form_id: str) -> FormInfo | None:
    """The newest stored version of a form (the one new responses use)."""
    with db.read() as session:
        return latest_version_in(session, form_id=form_id)


def _clear_cache() -> None:
    """For tests: forget parsed definitions."""
    with _DEFINITIONS_LOCK:
        _DEFINITIONS.clear()


__all__ = [
    "AnswersAtRisk", "FormInfo", "VersionLosesAnswers", "add_form", "answers_at_risk_in", "bundled_form_files", "definition", "definition_in",
    "form_version_id", "install_bundled_forms", "latest_version", "latest_version_in",
    "list_forms", "validate_form_file", "version_info_in",
]
