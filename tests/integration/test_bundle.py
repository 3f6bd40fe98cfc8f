"""The packaged program, built once per run by ``dev.py package`` (the one-folder PyInstaller
build, the .deb, the AppImage), then run as a user would: the bundle, the .deb unpacked with
dpkg-deb, the AppImage extracted, extracted-and-run and mounted; an upgrade over an installed
version. The size of each part of the build is printed, and what was trimmed is absent.

Slow (several minutes, one build shared by the whole module), but run in CI: only the frozen
program shows what the bundle lacks.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mcim_desk import __version__

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))  # not a package: "packaging" is pypa's name
import metadata as meta  # noqa: E402

pytestmark = pytest.mark.slow
EXE = ".exe" if os.name == "nt" else ""


@pytest.fixture(scope="module")
def packaged(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess:
    """``python3 dev.py package`` with this interpreter, once for the module."""
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e .[test])")
    out = tmp_path_factory.mktemp("package")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    built = subprocess.run(
        [sys.executable, str(ROOT / "dev.py"), "package", "--python", sys.executable,
         "--out", str(out), "--quick"], cwd=ROOT, capture_output=True, text=True, timeout=1500, env=env)
    assert built.returncode == 0, built.stdout[-4000:] + built.stderr[-8000:]
    return built


@pytest.fixture(scope="module")
def package(packaged: subprocess.CompletedProcess) -> dict[str, Path]:
    """Every artefact ``dev.py package`` printed, by kind."""
    sizes = {}
    for line in packaged.stdout.splitlines():  # "deb   95.1 MB  /path"
        match = re.match(r"^(\S.*?)\s+(\d+\.\d) MB  (.+)$", line)
        if match:
            sizes[match.group(1).strip()] = Path(match.group(3))
    return sizes


@pytest.fixture(scope="module")
def bundle(package: dict[str, Path]) -> Path:
    """The console program of the one-folder build."""
    exe = package["one-folder build"] / (meta.CLI_EXE + EXE)
    assert exe.is_file()
    return exe


def run(exe: Path, *args: str, data: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, MCIM_DESK_DATA=str(data), QT_QPA_PLATFORM="offscreen")
    env.pop("MCIM_DESK_DB", None)
    return subprocess.run([str(exe), *args], env=env, capture_output=True, text=True, timeout=300)


def test_frozen_self_test_passes(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "--self-test", data=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "FAIL" not in output, output
    lines = result.stdout.splitlines()
    assert "(frozen bundle," in lines[0]
    for expected in (
        "ok   database created and migrated",
        "ok   reference data: 30 mechanisms (15 RCPs, 13 IRFs, 2 global), 23 objectives",
        "ok   French translations loaded: mcim_desk_fr, qtbase_fr",  # Qt's own .qm survived trimming
        "ok   PDF fonts registered: DejaVuSans",
        "ok   time-zone data: America/Lima UTC-05:00",  # tzdata, not the system's zone files
        "ok   XLSForm language tags (pyxform): fr, en, swh",
        "ok   images read: PNG through Pillow (",
    "ok   main window opened on the database and closed: 30 mechanisms listed",
    ):
        assert any(line.startswith(expected) for line in lines), f"missing {expected!r} in\n{output}"
    assert lines[-1] == "self-test passed: 8 checks"


def test_frozen_version(bundle: Path, tmp_path: Path) -> None:
    result = run(bundle, "--version", data=tmp_path)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(rf"MCIM Desk {re.escape(__version__)} \(built \d{{4}}-\d{{2}}-\d{{2}}\)",
                        result.stdout.strip()), result.stdout


def test_frozen_check_creates_and_fills_a_database(bundle: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    result = run(bundle, "check", "--db", str(db), data=tmp_path / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert db.is_file()
    assert "mechanisms: 30" in result.stdout.splitlines()
    assert "integrity: ok" in result.stdout


def test_frozen_questionnaire_pdf_round_trip(bundle: Path, tmp_path: Path) -> None:
    """The frozen program writes a fillable questionnaire and reads it back: reading runs in
    a child process (the launcher's --pdf-form-reader), which must work without Python."""
    from pypdf import PdfReader, PdfWriter

    db = tmp_path / "field.sqlite3"
    blank = tmp_path / "pidc.pdf"
    made = run(bundle, "--db", str(db), "--lang", "fr", "questionnaire", "pdf",
               "--mechanism", "PIDC", "--out", str(blank), data=tmp_path / "data")
    assert made.returncode == 0, made.stdout + made.stderr
    writer = PdfWriter(clone_from=PdfReader(blank))
    for page in writer.pages:
        writer.update_page_form_field_values(
            page, {"submission/submitted_by": "Ana Pérez"}, auto_regenerate=False
        )
    filled = tmp_path / "pidc-filled.pdf"
    with filled.open("wb") as handle:
        writer.write(handle)
    imported = run(bundle, "--db", str(db), "import", str(filled), "--accept-all",
                   data=tmp_path / "data")
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "Ana Pérez" in imported.stdout


def test_frozen_program_opens_postgresql_and_imports_an_encrypted_bundle(bundle: Path, tmp_path: Path) -> None:
    """psycopg in the bundle (it imports Python's ssl first: trimming ssl once broke it), and
    an encrypted bundle (cryptography) written by the frozen program and imported there."""
    url = os.environ.get("MCIM_TEST_PG_URL")
    if not url:
        pytest.skip("MCIM_TEST_PG_URL is not set")
    import sqlalchemy

    engine = sqlalchemy.create_engine(url)
    with engine.begin() as conn:  # a fresh schema, as the tests' db fixture makes it
        conn.execute(sqlalchemy.text("DROP SCHEMA public CASCADE"))
        conn.execute(sqlalchemy.text("CREATE SCHEMA public"))
    engine.dispose()
    data = tmp_path / "data"
    demo, passphrase = tmp_path / "demo.sqlite3", tmp_path / "pass.txt"
    passphrase.write_text("field office passphrase\n", encoding="utf-8")
    assert run(bundle, "demo", "--out", str(demo), data=data).returncode == 0
    out = tmp_path / "field.mcimz"
    made = run(bundle, "--db", str(demo), "export", "--format", "bundle", "--out", str(out),
               "--passphrase-file", str(passphrase), data=data)
    assert made.returncode == 0, made.stdout + made.stderr
    imported = run(bundle, "--db", url, "import", str(out), "--passphrase-file", str(passphrase), data=data)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    checked = run(bundle, "--db", url, "check", data=data)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "mechanisms: 30" in checked.stdout.splitlines()


# --- two programs, one set of libraries; licences inside ----------------------------------------


def test_two_programs_share_one_folder_of_libraries(package: dict[str, Path]) -> None:
    folder = package["one-folder build"]
    assert (folder / (meta.GUI_EXE + EXE)).is_file() and (folder / (meta.CLI_EXE + EXE)).is_file()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [meta.GUI_EXE + EXE, meta.CLI_EXE + EXE, "_internal"])


def test_licence_and_notices_gathered_into_the_build(package: dict[str, Path]) -> None:
    internal = package["one-folder build"] / "_internal"
    assert (internal / "LICENSE").read_text().startswith("MIT License")
    notices = (internal / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")
    for expected in ("PySide6_Essentials 6.", "GNU LESSER GENERAL PUBLIC LICENSE", "DejaVu",
                     "SQLAlchemy 2.", "reportlab ", "Licence: Apache-2.0", "psycopg-binary"):
        assert expected in notices, expected
    import importlib.metadata as md

    assert f"alembic {md.version('alembic')}" in notices  # the installed version, not typed
    assert (internal / "CHANGELOG.fr.md").is_file()
    assert (internal / "resources" / "icons" / "mcim-desk.png").is_file()


# --- what the build weighs, and what it leaves out ---------------------------------------------


def _parts(stdout: str) -> dict[str, float]:
    """The table ``dev.py package`` prints after "one-folder build, by part:" (MB by part)."""
    lines = stdout.splitlines()
    start = lines.index("one-folder build, by part:") + 1
    parts = {}
    for line in lines[start:]:
        match = re.fullmatch(r"  (.+?)\s+(\d+\.\d) MB", line)
        if not match:
            break
        parts[match.group(1)] = float(match.group(2))
    return parts


def test_build_prints_what_each_part_weighs(packaged: subprocess.CompletedProcess,
                                            package: dict[str, Path]) -> None:
    parts = _parts(packaged.stdout)
    for part in ("Qt: ICU data (libicudata)", "Qt library: Qt6Core", "Qt library: Qt6Gui",
                 "Qt: plugins", "Qt: translations", "cryptography (Rust, OpenSSL)",
                 "psycopg binary (libpq, its OpenSSL, Kerberos, LDAP)", "Python: libpython",
                 "executable: Python modules: pyxform and its dependencies",
                 "executable: Python modules: openpyxl", "pycountry (ISO 3166 names)",
                 "fonts (DejaVu)", "executable: Python modules: standard library"):
        assert part in parts, f"{part!r} missing from\n{parts}"
    assert list(parts)[-1] == "total"
    assert abs(parts["total"] - sum(v for k, v in parts.items() if k != "total")) < 0.1 * len(parts)
    folder = package["one-folder build"]
    on_disk = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    assert abs(parts["total"] - on_disk / 1e6) < 0.1
    # what trimming cut: 32 -> 4.5 MB of ICU data, 21 -> 0.1 MB of pycountry
    assert parts["Qt: ICU data (libicudata)"] < 6 and parts["pycountry (ISO 3166 names)"] < 0.5


def test_unused_parts_are_left_out(package: dict[str, Path]) -> None:
    internal = package["one-folder build"] / "_internal"
    qt = internal / "PySide6" / "Qt"
    assert sorted(p.name for p in (qt / "translations").iterdir()) == ["qtbase_en.qm", "qtbase_fr.qm"]
    pycountry = internal / "pycountry"
    assert [p.relative_to(pycountry).as_posix() for p in (pycountry / "locales").rglob("*.mo")] \
        == ["locales/fr/LC_MESSAGES/iso3166-1.mo"]  # English is the database's own language
    assert sorted(p.name for p in (pycountry / "databases").iterdir()) == [
        "iso3166-1.json", "iso3166-3.json"]
    names = {p.name for p in internal.rglob("*")}
    for gone in ("libQt6Network.so.6", "libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6Pdf.so.6",
                 "libqgtk3.so", "libX11.so.6",
                 "libfontconfig.so.1", "libglib-2.0.so.0", "libdbus-1.so.3", "libsystemd.so.0",
                 "libreadline.so.8"):
        assert gone not in names, gone
    pil = {p.name.split(".")[0] for p in (internal / "PIL").iterdir()}
    assert "_imaging" in pil and not pil & {"_webp", "_imagingft", "_imagingcms", "_avif"}
    for gone in ("charset_normalizer", "libXdmcp.so.6", "libbsd.so.0", "libmd.so.0"):
        assert gone not in names, gone
    assert not list(internal.glob("python3*/lib-dynload/_decimal.*"))
    assert sorted(p.name for p in (internal / "pyxform").rglob("*") if p.is_file()) == sorted(
        p.name for p in (internal / "pyxform").rglob("iana_subtags_*.txt"))
    # Pillow's hashed copies of libraries the bundle holds are links to the bundle's (libXau:
    # 2.1 MB of padding), which every symbol its libtiff and libxcb take resolves through
    for name, own in (("libXau", "libXau.so.6"), ("libzstd", "libzstd.so.1"), ("liblzma", "liblzma.so.5")):
        copy = next((internal / "pillow.libs").glob(f"{name}-*"))
        assert copy.is_symlink() and copy.resolve() == (internal / own).resolve(), copy
    # and Python's OpenSSL (for ssl, which psycopg imports) is psycopg's
    for name in ("libssl", "libcrypto"):
        own = internal / f"{name}.so.3"
        assert own.is_symlink() and own.resolve() == next((internal / "psycopg_binary.libs").glob(f"{name}-*")).resolve()
    for user in (internal / "pillow.libs").glob("lib*"):
        if not user.is_symlink():
            out = subprocess.run(["ldd", "-r", str(user)], capture_output=True, text=True,
                                 env={"LD_LIBRARY_PATH": str(internal)}).stdout
            assert "undefined symbol" not in out and "not found" not in out, out
    assert not [p for p in internal.rglob("*") if p.suffix == ".pyi" or p.name == "__pycache__"]
    # ICU's data library is the trimmed one, under the name QtCore links
    icudata = next(qt.glob("lib/libicudata.so.*"))
    assert icudata.stat().st_size < 6e6
    needed = subprocess.run(["readelf", "-dW", str(qt / "lib" / "libQt6Core.so.6")],
                            capture_output=True, text=True).stdout
    assert f"[{icudata.name}]" in needed


def test_bundled_icu_sorts_french(package: dict[str, Path]) -> None:
    """This interpreter's PySide6 on the bundle's Qt and trimmed ICU (LD_LIBRARY_PATH first):
    French collation and case mapping as the full data gives them."""
    lib = package["one-folder build"] / "_internal" / "PySide6" / "Qt" / "lib"
    probe = ("from PySide6.QtCore import QCollator, QLocale\n"
             "words = ['zèbre', 'Élan', 'école', 'Ecole', 'été', 'côte', 'cote']\n"
             "print('|'.join(sorted(words, key=QCollator(QLocale('fr_FR')).sortKey)))\n"
             "print(QLocale('fr_FR').toUpper('élève'))\n")
    env = dict(os.environ, LD_LIBRARY_PATH=str(lib), QT_QPA_PLATFORM="offscreen")
    ran = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines() == ["cote|côte|Ecole|école|Élan|été|zèbre", "ÉLÈVE"]


# --- the .deb ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def deb_root(package: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deb-root")
    subprocess.run(["dpkg-deb", "-x", str(package["deb"]), str(root)], check=True)
    return root


def test_deb_control_declares_the_system_libraries(package: dict[str, Path]) -> None:
    info = subprocess.run(["dpkg-deb", "-f", str(package["deb"])], capture_output=True,
                          text=True, check=True).stdout
    fields = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line)
    assert fields["Package"] == "mcim-desk" and fields["Version"] == __version__
    for lib in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libfontconfig1"):
        assert lib in fields["Depends"]
    glibc = os.confstr("CS_GNU_LIBC_VERSION").split()[1]
    assert fields["Depends"].startswith(f"libc6 (>= {glibc}), ")  # the build machine's


def test_deb_installs_under_opt_with_a_command_and_a_desktop_entry(deb_root: Path,
                                                                   tmp_path: Path) -> None:
    assert os.readlink(deb_root / "usr/bin/mcim-desk") == "/opt/mcim-desk/mcim-desk"
    assert os.readlink(deb_root / "usr/bin/mcim-desk-cli") == "/opt/mcim-desk/mcim-desk-cli"
    entry = deb_root / "usr/share/applications" / f"{meta.BUNDLE_ID}.desktop"
    text = entry.read_text(encoding="utf-8")
    assert "Name=MCIM Desk" in text and "GenericName[fr]=Poste d’étude" in text
    assert "Exec=mcim-desk\n" in text and "Icon=mcim-desk\n" in text
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                                 text=True)
        assert checked.returncode == 0 and checked.stdout == "", checked.stdout
    assert (deb_root / "usr/share/icons/hicolor/256x256/apps/mcim-desk.png").is_file()
    assert (deb_root / "usr/share/icons/hicolor/scalable/apps/mcim-desk.svg").is_file()
    doc = deb_root / "usr/share/doc/mcim-desk"
    assert {"LICENSE", "THIRD-PARTY-NOTICES.txt", "copyright", "CHANGELOG.md"} <= {
        p.name for p in doc.iterdir()}


def test_deb_program_passes_its_self_test(deb_root: Path, tmp_path: Path) -> None:
    result = run(deb_root / "opt/mcim-desk/mcim-desk-cli", "--self-test", data=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "self-test passed: 8 checks"


# --- the AppImage -----------------------------------------------------------------------------


def test_appimage_extracts_and_passes_its_self_test(package: dict[str, Path],
                                                     tmp_path: Path) -> None:
    """One file: the project's runtime (packaging/appimage_runtime/runtime.c) and the image;
    its own --appimage-extract writes the AppDir, whose AppRun passes the self-test."""
    appimage = package["appimage"]
    data = appimage.read_bytes()
    assert data[:4] == b"\x7fELF" and data[8:11] == b"AI\x02"  # an AppImage of type 2
    offset = int(subprocess.run([str(appimage), "--appimage-offset"], capture_output=True,
                                text=True, check=True).stdout)
    assert data[offset:] == package["squashfs"].read_bytes()
    subprocess.run([str(appimage), "--appimage-extract"], cwd=tmp_path, check=True,
                   capture_output=True)
    root = tmp_path / "squashfs-root"
    assert (root / f"{meta.BUNDLE_ID}.desktop").is_file() and (root / ".DirIcon").exists()
    notices = (root / "usr/share/doc/mcim-desk/APPIMAGE-RUNTIME-NOTICES.txt").read_text()
    assert "packaging/appimage_runtime/runtime.c" in notices  # and the libraries linked in it:
    assert "\nlibsquashfuse0\n" in notices and "\nlibfuse3-3\n" in notices
    result = run(root / "AppRun", "--self-test", data=tmp_path / "data")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "self-test passed: 8 checks"


@pytest.mark.parametrize("how", ["APPIMAGE_EXTRACT_AND_RUN=1", "--appimage-extract-and-run"])
def test_appimage_is_one_file_that_runs_without_fuse(package: dict[str, Path], tmp_path: Path,
                                                     how: str) -> None:
    """What a machine without FUSE does (and the runtime falls back to by itself): extract to
    a temporary folder, run, remove it."""
    env = dict(os.environ, MCIM_DESK_DATA=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen",
               TMPDIR=str(tmp_path / "tmp"), APPIMAGE_DEBUG="1")
    env.pop("MCIM_DESK_DB", None)
    (tmp_path / "tmp").mkdir()
    args = [str(package["appimage"]), "--self-test"]
    if how.startswith("--"):
        args.insert(1, how)
    else:
        env["APPIMAGE_EXTRACT_AND_RUN"] = "1"
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "self-test passed: 8 checks"
    assert f"extracting to: {tmp_path}/tmp/appimage_extracted_" in result.stderr
    assert list((tmp_path / "tmp").iterdir()) == []


def test_appimage_mounted_with_fuse_runs(package: dict[str, Path], tmp_path: Path) -> None:
    if not (os.access("/dev/fuse", os.R_OK | os.W_OK)
            and (os.geteuid() == 0 or shutil.which("fusermount3"))):
        pytest.skip("no usable /dev/fuse (and fusermount3) here")
    env = dict(os.environ, MCIM_DESK_DATA=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen",
               TMPDIR=str(tmp_path / "tmp"), APPIMAGE_DEBUG="1")
    env.pop("MCIM_DESK_DB", None)
    (tmp_path / "tmp").mkdir()
    result = subprocess.run([str(package["appimage"]), "--self-test"], env=env,
                            capture_output=True, text=True, timeout=300)
    if "FUSE unavailable" in result.stderr:
        pytest.skip("/dev/fuse is there but mounting is refused here")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"mounted on: {tmp_path}/tmp/.mount_mcim" in result.stderr
    assert result.stdout.splitlines()[-1] == "self-test passed: 8 checks"
    assert list((tmp_path / "tmp").iterdir()) == []  # unmounted, mount point removed


# --- upgrades keep the data; a downgrade is refused --------------------------------------------

PROBE = '''"""Test migration: version N+1 of the schema (added by the upgrade test only)."""
import sqlalchemy as sa
from alembic import op

revision = "0900_upgrade_probe"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("upgrade_probe", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("INSERT INTO upgrade_probe (id) VALUES (1)")


def downgrade() -> None:
    op.drop_table("upgrade_probe")
'''


def _revision(path: Path) -> str:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def _count(path: Path, table: str) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
    finally:
        con.close()


def test_upgrade_keeps_the_data_and_a_downgrade_is_refused(package: dict[str, Path],
                                                           tmp_path: Path) -> None:
    """Version N (the .deb as built) is installed and makes data in the user's data folder;
    N+1 (the same .deb unpacked over it, plus a migration N does not have) starts, migrates
    and keeps a pre-upgrade backup; N put back refuses the N+1 database and changes nothing."""
    from mcim_desk.persistence.migrations import head_revision

    root, data = tmp_path / "root", tmp_path / "home" / "data"
    cli = root / "opt/mcim-desk/mcim-desk-cli"
    db = data / "mcim-desk.sqlite3"  # the default database in the data folder
    data.mkdir(parents=True)
    subprocess.run(["dpkg-deb", "-x", str(package["deb"]), str(root)], check=True)
    made = run(cli, "demo", "--out", str(db), data=data)
    assert made.returncode == 0, made.stdout + made.stderr
    responses, head = _count(db, "response"), head_revision()
    assert responses > 0 and _revision(db) == head

    subprocess.run(["dpkg-deb", "-x", str(package["deb"]), str(root)], check=True)  # N+1 over N
    versions = root / "opt/mcim-desk/_internal/db/versions"
    (versions / "0900_upgrade_probe.py").write_text(PROBE.format(down=head), encoding="utf-8")
    started = run(cli, "check", data=data)
    assert started.returncode == 0, started.stdout + started.stderr
    assert "schema revision: 0900_upgrade_probe" in started.stdout
    assert _revision(db) == "0900_upgrade_probe" and _count(db, "upgrade_probe") == 1
    assert _count(db, "response") == responses  # the data came through
    before_upgrade = [b for b in (data / "backups").glob("*.sqlite3") if _revision(b) == head]
    assert before_upgrade and _count(before_upgrade[0], "response") == responses

    shutil.rmtree(root / "opt/mcim-desk")  # N again: the older program on the newer database
    subprocess.run(["dpkg-deb", "-x", str(package["deb"]), str(root)], check=True)
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    backups = sorted(p.name for p in (data / "backups").iterdir())
    refused = run(cli, "check", data=data)
    assert refused.returncode == 4, refused.stdout + refused.stderr
    assert f"written by MCIM Desk {__version__} (schema 0900_upgrade_probe)" in refused.stderr
    assert "Nothing was changed" in refused.stderr and "Traceback" not in refused.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in (data / "backups").iterdir()) == backups
