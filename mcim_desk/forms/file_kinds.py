"""What a file given as a form really is, before pyxform reads it: a workbook that is none (a PDF,
a Word document, a text file named .xlsx...), or a CSV/Markdown file with no survey sheet.
pyxform's own messages for these name its internal arguments and classes."""

from __future__ import annotations

import codecs
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


def names_a_survey_sheet(path: Path) -> bool:
    """For a .csv or .md form: whether a line opens the "survey" sheet (its first cell); pyxform
    fails inside, with a TypeError naming its own classes, on a file that has none. Workbooks
    are left to pyxform, which names a missing sheet itself."""
    if path.suffix.lower() not in (".csv", ".md"):
        return True
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return True  # the reading below says what is wrong with the file
    for line in text.splitlines():
        cells = line.strip().strip("|").split("|" if path.suffix.lower() == ".md" else ",")
        if cells and cells[0].strip().strip('"').strip().lower() == "survey":
            return True
    return False


_SIGNATURES = (  # what a file that is not a workbook most likely is, by its first bytes
    (b"%PDF-", QT_TRANSLATE_NOOP("Forms", "a PDF document")),
    (b"\x89PNG", QT_TRANSLATE_NOOP("Forms", "a PNG image")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("Forms", "a JPEG image")),
    (b"{\\rtf", QT_TRANSLATE_NOOP("Forms", "an RTF document")),
    (b"MCIMZENC", QT_TRANSLATE_NOOP("Forms", "an encrypted MCIM Desk bundle")),
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of .xls (and .doc) files


def not_a_workbook_text(path: Path) -> str | None:
    """For a .xlsx or .xls file, a message saying what the file really is when it cannot be
    a workbook of that kind (pyxform's own message names its internal argument); else None."""
    import zipfile

    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xls"):
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        return QCoreApplication.translate("Forms", "{path}: cannot be read ({error})").format(
            path=path.name, error=exc.strerror or exc)
    what = None
    if not head:
        what = QCoreApplication.translate("Forms", "an empty file")
    elif suffix == ".xls" and head.startswith(_OLE2):
        return None
    elif suffix == ".xlsx" and head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return QCoreApplication.translate(
                "Forms", "{path}: a damaged or truncated zip archive, not a readable Excel workbook: "
                "save the spreadsheet again as .xlsx").format(path=path.name)
        if "xl/workbook.xml" in names:
            return None
        if "word/document.xml" in names:
            what = QCoreApplication.translate("Forms", "a Word document")
        elif "ppt/presentation.xml" in names:
            what = QCoreApplication.translate("Forms", "a PowerPoint presentation")
        elif "content.xml" in names:
            what = QCoreApplication.translate("Forms", "an OpenDocument file")
        else:
            what = QCoreApplication.translate("Forms", "a zip archive")
    elif head.startswith(_OLE2):
        what = QCoreApplication.translate("Forms", "an old-format Office file (.xls or .doc)")
    else:
        what = next((QCoreApplication.translate("Forms", name) for mark, name in _SIGNATURES
                     if head.startswith(mark)), None)
        if what is None:
            try:
                if b"\x00" in head:
                    raise UnicodeDecodeError("utf-8", head, 0, 1, "NUL")
                codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
                what = QCoreApplication.translate("Forms", "a text file (if it is a CSV or markdown form, "
                                                  "name it .csv or .md)")
            except UnicodeDecodeError:
                what = QCoreApplication.translate("Forms", "a file of another kind, or a damaged one")
    kind = QCoreApplication.translate("Forms", "an Excel workbook (.xlsx)") if suffix == ".xlsx" else \
        QCoreApplication.translate("Forms", "an Excel 97-2003 workbook (.xls)")
    return QCoreApplication.translate("Forms", "{path} is not {kind}: it is {what}.").format(
        path=path.name, kind=kind, what=what)
