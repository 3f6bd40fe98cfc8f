"""Every command line the README shows (its ``sh`` code blocks and the first cell of its
tables) runs as written, so the README cannot drift from the program again.

Each line is read from README.md, its placeholders (FILE, ACRONYM, F, ID...) are given real
values, its optional parts (``[--since-last]``) are run both left out and given, and each of
its alternatives (``fr|en``, ``--labels|--codes``) at least once. ``--db`` is put after the
command in one run and before it in the other, as the README says every command takes it.
One demo database serves the whole module. Lines that are not the program (``python3 dev.py
...``, the PyInstaller build) are not run, but must still be in the README.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from mcim_desk.cli import _gui_only, main

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
FORM = ROOT / "resources" / "forms" / "mcim_interview_2018.md"

# Lines of the README that are not the program's command: checked to be there, not run.
NOT_RUN = {
    # the system libraries dev.py checks (tests/unit/test_dev_qt_libraries.py: all of them)
    "sudo apt-get install libdbus-1-3 libegl1 libfontconfig1 libfreetype6 libgl1 libglib2.0-0 "
    "libx11-6 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
    "libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 "
    "libxcb-xfixes0 libxcb-xkb1 libxcb1 libxkbcommon-x11-0 libxkbcommon0",
    "python3 dev.py run",  # the two set-up commands: they build a virtual environment
    "python3 dev.py test",
    "python3 dev.py package [--python PY] [--out dist]",  # the slow packaging tests build it
    "dist/mcim-desk/mcim-desk-cli --self-test",
}


def readme_commands() -> list[str]:
    """The command lines of the README: sh code blocks (comments dropped) and the first
    cell of table rows that is code starting with ``mcim-desk``."""
    text = README.read_text(encoding="utf-8")
    found: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line:
                found.append(line)
    for cell in re.findall(r"^\| `([^`]+)` \|", text, re.M):
        if cell.startswith("mcim-desk"):
            found.append(cell.replace("\\|", "|"))
    return found


COMMANDS = readme_commands()
PROGRAM = [c for c in COMMANDS if c not in NOT_RUN]


def test_the_readme_shows_the_set_up_commands_and_nothing_unknown() -> None:
    assert NOT_RUN <= set(COMMANDS)
    for line in PROGRAM:  # anything else the README shows is the program
        words = shlex.split(line)
        while words and re.match(r"^[A-Z_]+=", words[0]):
            words.pop(0)
        assert words[0] == "mcim-desk", line
    assert len(PROGRAM) >= 25


# --- turning a documented line into runs ------------------------------------------------------


def variants(line: str) -> list[list[str]]:
    """The argument lists a documented line stands for (without the program's name and
    leading variables): optional parts all left out, then all given; alternatives in turn."""
    tokens = shlex.split(line)
    while tokens and re.match(r"^[A-Z_]+=", tokens[0]):
        tokens.pop(0)
    assert tokens[0] == "mcim-desk"
    groups: list[tuple[bool, list[str]]] = []  # (optional, tokens)
    optional: list[str] | None = None
    for token in tokens[1:]:
        if token.startswith("[") and optional is None:
            optional = []
            token = token[1:]
        if optional is not None:
            closing = token.endswith("]")
            optional.append(token.rstrip("]"))
            if closing:
                groups.append((True, optional))
                optional = None
            continue
        groups.append((False, [token]))
    widest = max([1, *(len(t.split("|")) for _o, ts in groups for t in ts)])
    has_optional = any(o for o, _t in groups)
    runs = []
    # run 0: optional parts left out; then (or without optional parts, from run 0) every
    # optional part given, the alternatives in turn
    for index in range(1 + widest if has_optional else widest):
        turn = index - 1 if has_optional else index
        argv: list[str] = []
        for is_optional, group in groups:
            if is_optional and index == 0:
                continue
            for token in group:
                options = token.split("|")
                argv.append(options[max(turn, 0) % len(options)])
        runs.append(argv)
    return runs


@dataclass
class Place:
    """The real files the placeholders stand for, made once for the module."""

    folder: Path
    db: Path
    acronym: str
    passphrase: Path
    backup: Path
    plain_bundle: Path
    encrypted_bundle: Path
    questionnaire_pdf: Path
    responses_json: Path
    counter: int = 0

    def fresh(self, name: str) -> Path:
        self.counter += 1
        folder = self.folder / f"run{self.counter}"
        folder.mkdir()
        return folder / name


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Place:
    from mcim_desk.services import exchange, submissions
    from mcim_desk.services.backups import backup_to
    from mcim_desk.services.demo import create_demo
    from mcim_desk.services.pdf_forms import make_questionnaire_pdf
    from mcim_desk.services.startup import open_database

    folder = tmp_path_factory.mktemp("readme")
    patch = pytest.MonkeyPatch()
    patch.setenv("MCIM_DESK_DATA", str(folder / "data"))
    try:
        demo = folder / "demo.sqlite3"
        create_demo(demo)
        db, _ = open_database(str(demo))
        try:
            with db.engine.connect() as connection:
                acronym = connection.exec_driver_sql(
                    "SELECT m.acronym_en FROM mechanism m JOIN response r ON r.mechanism_id = m.id "
                    "ORDER BY m.sort LIMIT 1").scalar_one()
            passphrase = folder / "passphrase.txt"
            passphrase.write_text("correct horse battery staple\n", encoding="utf-8")
            made = Place(
                folder=folder, db=demo, acronym=acronym, passphrase=passphrase,
                backup=backup_to(demo, folder / "backup.sqlite3"),
                plain_bundle=exchange.export_bundle(db, folder / "plain.mcimz").path,
                encrypted_bundle=exchange.export_bundle(
                    db, folder / "sealed" / "encrypted.mcimz", passphrase="correct horse battery staple").path,
                questionnaire_pdf=make_questionnaire_pdf(db, acronym, "en", folder / "returned.pdf"),
                responses_json=folder / "responses.json",
            )
            submissions.export_submissions(db, made.responses_json)
        finally:
            db.dispose()
    finally:
        patch.undo()
    return made


def fill(argv: list[str], place: Place) -> tuple[list[str], list[Path]]:
    """Placeholders -> real values; returns the arguments and the files the run must write."""
    words = [w for w in argv if not w.startswith("-")]
    command = " ".join(words[:2])
    out: list[str] = []
    writes: list[Path] = []
    previous = ""
    for word in argv:
        value: str = word
        if word == "...":
            value = str(place.db)
        elif word == "ACRONYM":
            value = place.acronym
        elif word == "ID":
            value = "mcim_questionnaire_2018"
        elif word == "FORM_ID":  # the study's own form of the kind named before it
            value = "mcim_interview_2018" if previous == "interview" else "mcim_questionnaire_2018"
        elif word == "F":
            value = str(place.passphrase)
        elif previous == "--out":
            name = {"FILE": "demo.sqlite3" if command.startswith("demo") else "backup.sqlite3",
                    "folder/": "folder"}.get(word, Path(word).name)
            target = place.fresh(name)
            if word == "folder/":
                target.mkdir()
                value = str(target) + "/"
            else:
                value = str(target)
                writes.append(target)
        elif word == "FILE" and command.startswith("restore"):
            value = str(place.backup)
        elif word == "FILE" and command.startswith("forms"):
            value = str(FORM)
        elif word == "FILE.json":
            value = str(place.responses_json)
        elif word == "FILE.pdf":
            value = str(place.questionnaire_pdf)
        elif word.endswith(".mcimz"):
            value = str(place.encrypted_bundle if "--passphrase-file" in argv else place.plain_bundle)
        elif word.startswith("postgresql"):
            url = os.environ.get("MCIM_TEST_PG_URL")
            if not url:
                pytest.skip("a PostgreSQL line: MCIM_TEST_PG_URL is not set (no server here)")
            value = url
        assert not re.fullmatch(r"[A-Z][A-Z.]*|FILE\.\w+", value), f"placeholder {value} not filled"
        out.append(value)
        previous = word
    return out, writes


def with_db(argv: list[str], place: Place, index: int) -> list[str]:
    """--db after the command in even runs, before it in odd ones (unless the line has one,
    or is only a top-level option)."""
    if "--db" in argv or not argv or argv[0].startswith("-"):
        return argv
    return [*argv, "--db", str(place.db)] if index % 2 == 0 else ["--db", str(place.db), *argv]


def run(argv: list[str], capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    """The command line as a user runs it: in this process (the real ``main``), except the
    options that end the process or open a window (--version, --self-test), run as one."""
    if "--version" in argv or "--self-test" in argv:
        done = subprocess.run([sys.executable, "-m", "mcim_desk", *argv], capture_output=True, text=True,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=300)
        return done.returncode, done.stdout, done.stderr
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: unrecognized arguments, a missing value...
        code = exc.code if isinstance(exc.code, int) else 2
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("line", PROGRAM)
def test_every_command_line_of_the_readme_runs(line: str, place: Place, capsys, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("MCIM_DESK_DATA", str(place.folder / "data"))
    assignments = dict(re.findall(r"^([A-Z_]+)=\"([^\"]*)\"\s", line))
    for runs, argv in enumerate(variants(line)):
        filled, writes = fill(argv, place)
        if not [w for w in filled if not w.startswith("-")] and not {"--version", "--self-test"} & set(filled):
            # no command: the line starts the window. Check that it would, on the database named.
            assert _gui_only(filled) is not None, line
            assert assignments.get("MCIM_DESK_DB", "").startswith("postgresql+psycopg://"), line
            continue
        filled = with_db(filled, place, runs)
        code, out, err = run(filled, capsys)
        assert code == 0, f"{line}\n  ran: {shlex.join(filled)}\n  exit {code}\n{out}\n{err}"
        assert "Traceback" not in err
        for path in writes:
            assert path.exists() and (path.is_dir() or path.stat().st_size > 0), f"{line}: {path} not written"
        if "--version" in filled:
            assert out.startswith("MCIM Desk ")


def test_the_readme_limits_table_mirrors_limits_py() -> None:
    """Every limit of mcim_desk/limits.py is in the README's Limits table with its value."""
    from mcim_desk import limits

    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Limits"):text.index("## Command line")]
    shown: dict[str, int] = {}
    units = {"MiB": 1024 * 1024, "characters": 1}
    for name, value in re.findall(r"^\| `([A-Z_]+)` \|[^|]*\| ([^|]+) \|$", section, re.M):
        number, *unit = value.split()
        shown[name] = int(number.replace(",", "")) * units.get(unit[0] if unit else "", 1)
    defined = {name: getattr(limits, name) for name in dir(limits) if re.fullmatch(r"[A-Z][A-Z_]+", name)}
    assert shown == defined
