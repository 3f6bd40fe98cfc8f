"""Kill -9 drills: real processes autosaving, importing a bundle, restoring and backing up are
killed (SIGKILL) at a random moment; then the next start runs, and the drill counts what was
confirmed (printed by the process once its call had returned), what was lost, which databases
were damaged, and what was left behind. Used by tests/integration/test_fault_drill.py (a few
kills) and benchmarks/faults.py (a hundred)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

AUTOSAVE = r"""
import sys
from mcim_desk.services.responses import save_answer
from mcim_desk.services.startup import open_database
db, _ = open_database(sys.argv[1])
import sqlalchemy.orm  # noqa: F401 - loaded before "ready": the kill lands amid saves
print("ready", flush=True)
n = 0
while True:
    n += 1
    path = f"section_4/q25[{n}]/partner_name"
    value = f"Partenaire n° {n} – « é » & <b>"
    save_answer(db, sys.argv[2], path, value, "drill")
    print(f"{path}\t{value}", flush=True)
"""

IMPORT = r"""
import sys
from mcim_desk.cli import main
print("ready", flush=True)
code = main(["--db", sys.argv[1], "import", sys.argv[2], "--accept-all"])
print(f"done {code}", flush=True)
import time
time.sleep(120)  # a kill after the import still kills a live process
"""

RESTORE = r"""
import sys
from pathlib import Path
from mcim_desk.services.backups import restore
print("ready", flush=True)
while True:
    for source in sys.argv[2:]:
        restore(Path(sys.argv[1]), Path(source))
        print(source, flush=True)
"""

BACKUP = r"""
import sys
from pathlib import Path
from mcim_desk.services.backups import backup_to
print("ready", flush=True)
n = 0
while True:
    n += 1
    out = backup_to(Path(sys.argv[1]), Path(sys.argv[2]) / f"copy-{n}.sqlite3")
    print(out, flush=True)
"""


@dataclass
class Tally:
    kills: int = 0
    confirmed: int = 0
    lost: int = 0
    damaged: int = 0
    left_behind: list[str] = field(default_factory=list)
    tracebacks: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        return (f"kills {self.kills} / answers confirmed {self.confirmed} / answers lost "
                f"{self.lost} / databases damaged {self.damaged} / files left {len(self.left_behind)}"
                f" / tracebacks {self.tracebacks}")


class Drill:
    def __init__(self, workdir: Path, rng: random.Random) -> None:
        self.work, self.rng = workdir, rng
        self.data = workdir / "data"
        os.environ["MCIM_DESK_DATA"] = str(self.data)
        self.tally = Tally()
        self._template: Path | None = None
        self._bundle: tuple[Path, int] | None = None

    # -- a child, killed --------------------------------------------------------------------

    def _run(self, code: str, args: list[str], delay: float,
             first_line: bool = False) -> tuple[list[str], str]:
        """Start the child, wait for its "ready" (and its first output line if
        ``first_line``), then kill it ``delay`` seconds later."""
        env = {**os.environ, "MCIM_DESK_DATA": str(self.data), "PYTHONIOENCODING": "utf-8",
               "PYTHONPATH": str(ROOT)}
        child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env,
                                 cwd=ROOT)
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        lines: list[str] = [child.stdout.readline()] if first_line else []
        import threading

        reader = threading.Thread(target=lambda: lines.extend(iter(child.stdout.readline, "")))
        reader.start()
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        reader.join(timeout=60)
        err = child.stderr.read()
        self.tally.kills += 1
        if "Traceback" in err:
            self.tally.tracebacks += 1
        return [line.rstrip("\n") for line in lines], err

    def _after(self, db_path: Path, *folders: Path) -> None:
        """The next start: finish or undo a switch, clear leftovers; then count what stays."""
        from mcim_desk.paths import clean_stale_temp, temp_root
        from mcim_desk.persistence.sqlite_files import quick_check
        from mcim_desk.services.startup import open_database

        clean_stale_temp()
        db, _ = open_database(str(db_path))
        db.dispose()
        if quick_check(db_path) != "ok":
            self.tally.damaged += 1
        for folder in (db_path.parent, db_path.parent / "backups", *folders):
            if folder.is_dir():
                self.tally.left_behind += [str(p) for p in folder.iterdir()
                                           if p.name.endswith((".part", ".switch")) or ".restoring" in p.name]
        mine = f"{os.getpid()}-"
        self.tally.left_behind += [str(p) for p in temp_root().iterdir() if not p.name.startswith(mine)]

    # -- fixtures -----------------------------------------------------------------------------

    def _fresh_db(self, name: str) -> Path:
        from mcim_desk.services.startup import open_database

        if self._template is None:
            self._template = self.work / "template.sqlite3"
            open_database(str(self._template))[0].dispose()
        folder = self.work / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        path = folder / "study.sqlite3"
        shutil.copy(self._template, path)
        return path

    def _bundle_of(self, responses_count: int = 12, answers: int = 15) -> tuple[Path, int]:
        if self._bundle is None:
            from datetime import UTC, datetime

            from mcim_desk import clock
            from mcim_desk.services import exchange, responses
            from mcim_desk.services.catalogue import mechanism_rows
            from mcim_desk.services.startup import open_database

            # Times with a fraction below .5: the drill counts kills, not the (separate) bug of
            # fractions of .9995 and more refused on import (issue 11, exchange part).
            clock.set_source(lambda: (lambda now: now.replace(microsecond=now.microsecond // 2))(
                datetime.now(UTC).replace(tzinfo=None)))
            source = self._fresh_db("bundle-source")
            db, _ = open_database(str(source))
            for mechanism in mechanism_rows(db)[:responses_count]:
                info = responses.open_questionnaire(db, mechanism.id, "drill")
                for n in range(1, answers + 1):
                    responses.save_answer(db, info.id, f"section_4/q25[{n}]/partner_name",
                                          f"Partenaire {n} — {mechanism.acronym}", "drill")
            bundle = self.work / "drill.mcimz"
            exchange.export_bundle(db, bundle)
            db.dispose()
            from mcim_desk.persistence.sqlite_files import read_rows

            total = read_rows(source, "SELECT count(*) FROM answer")[0][0]
            clock.set_source(None)
            self._bundle = (bundle, total)
        return self._bundle

    # -- the four kinds -------------------------------------------------------------------------

    def autosave(self) -> None:
        from mcim_desk.persistence.sqlite_files import read_rows
        from mcim_desk.services import responses
        from mcim_desk.services.catalogue import mechanism_rows
        from mcim_desk.services.startup import open_database

        db_path = self._fresh_db("autosave")
        db, _ = open_database(str(db_path))
        rid = responses.open_questionnaire(db, mechanism_rows(db)[0].id, "drill").id
        db.dispose()
        lines, _ = self._run(AUTOSAVE, [str(db_path), rid], self.rng.uniform(0.0, 1.0),
                             first_line=True)
        saved = dict(line.split("\t") for line in lines if "\t" in line)
        self._after(db_path)
        stored = dict(read_rows(db_path, "SELECT path, value FROM answer WHERE response_id = ?", (rid,)))
        self.tally.confirmed += len(saved)
        self.tally.lost += sum(1 for p, v in saved.items() if stored.get(p) != v)

    def import_bundle(self) -> None:
        from mcim_desk.persistence.sqlite_files import read_rows

        bundle, total = self._bundle_of()
        db_path = self._fresh_db("import")
        # the command's start (Qt, the database, the backup, the preview) takes a second or two
        lines, _ = self._run(IMPORT, [str(db_path), str(bundle)], self.rng.uniform(0.3, 5.0))
        self._after(db_path)
        count = read_rows(db_path, "SELECT count(*) FROM answer")[0][0]
        if any(line.startswith("done 0") for line in lines):
            self.tally.confirmed += total
            self.tally.lost += max(0, total - count)
        elif count not in (0, total):  # all or nothing: a part imported counts as damage
            self.tally.damaged += 1

    def restore(self) -> None:
        from mcim_desk.services import catalogue
        from mcim_desk.services.backups import backup_to
        from mcim_desk.services.startup import open_database

        db_path = self._fresh_db("restore")
        db, _ = open_database(str(db_path))
        pidc = catalogue.find_mechanism(db, "PIDC")
        sources = []
        for value in ("Fidji", "Samoa"):
            catalogue.update_mechanism(db, pidc.id, "chair_country", value, "drill")
            sources.append(backup_to(db_path, self.work / f"restore-{value}.sqlite3"))
        db.dispose()
        lines, _ = self._run(RESTORE, [str(db_path), *map(str, sources)], self.rng.uniform(0.0, 0.8))
        self._after(db_path)
        from mcim_desk.persistence.sqlite_files import read_rows

        now = read_rows(db_path, "SELECT chair_country FROM mechanism WHERE id = ?", (pidc.id,))[0][0]
        self.tally.confirmed += 1
        if now not in ("Fidji", "Samoa"):
            self.tally.lost += 1

    def backup(self) -> None:
        from mcim_desk.persistence.sqlite_files import quick_check

        db_path = self._fresh_db("backup")
        out = db_path.parent / "copies"
        out.mkdir()
        lines, _ = self._run(BACKUP, [str(db_path), str(out)], self.rng.uniform(0.0, 0.8))
        self._after(db_path, out)
        for line in lines:
            self.tally.confirmed += 1
            if quick_check(Path(line)) != "ok":
                self.tally.lost += 1

    KINDS = ("autosave", "import_bundle", "restore", "backup")

    def run(self, kills: int) -> Tally:
        for n in range(kills):
            kind = self.KINDS[n % len(self.KINDS)]
            getattr(self, kind)()
            self.tally.by_kind[kind] = self.tally.by_kind.get(kind, 0) + 1
        return self.tally
