"""Read the form fields of an untrusted PDF, isolated in a child process.

A PDF that comes back by e-mail is untrusted: it may loop (a field that is its own parent,
an object that refers to itself), hold a decompression bomb (a few kilobytes of Flate data
that expand to gigabytes), have a broken cross-reference table, be truncated or encrypted.
Whatever it does, the program must give a clear message within seconds and go on. So:

- :func:`read_pdf_fields` checks the size and the ``%PDF-`` signature, then runs this module
  as a separate Python process (``python -m mcim_desk.exchange.pdf_reader FILE``; the frozen
  program runs itself with ``--pdf-form-reader FILE``) with a timeout, and kills it when the
  time is up. A crash, a memory error or a hang of the child ends in a per-file error; the
  parent never parses the file itself.
- The child limits its own memory and CPU time (POSIX ``setrlimit``), reads the fields with
  pypdf by walking ``/AcroForm /Fields`` itself (a visited set, a depth limit and a field
  count limit: a loop is reported, never followed), and prints one JSON object on stdout.

The parent gets plain data (:class:`RawPdfForm`): field names, types, flags, values and the
document's custom metadata. Nothing in it is interpreted here; values are data.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import limits

MAX_FILE_BYTES = limits.PDF_FILE_BYTES
TIMEOUT_SECONDS = 10.0
MAX_FIELDS = limits.PDF_FIELDS
MAX_DEPTH = 16
# A value is read up to this length: an answer that long is refused by the import (above
# limits.TEXT_ANSWER_CHARS), never taken cut.
MAX_VALUE_CHARS = limits.PDF_FIELD_CHARS
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
CPU_LIMIT_SECONDS = 30
FROZEN_FLAG = "--pdf-form-reader"

# Error codes the parent turns into translated messages.
ERRORS = ("missing", "too_big", "not_pdf", "encrypted", "damaged", "timeout", "crashed", "no_form")


class PdfReadError(Exception):
    """The file could not be read; ``code`` is one of :data:`ERRORS`, ``detail`` says more
    (in English, for logs and the message's parenthesis)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class RawField:
    """One terminal field: ``name`` fully qualified (parts joined by "."), ``type`` the
    inherited /FT (Tx, Btn, Ch, Sig or ""), ``flags`` /Ff, ``value`` /V as plain data and
    ``value_kind`` what it was: text, name, array, number, none or other. ``states`` are the
    on-states of a button's widgets, ``selected`` the states its widgets show (/AS),
    ``pages`` the 0-based pages of its widgets."""

    name: str
    type: str
    flags: int
    value: Any
    value_kind: str
    states: tuple[str, ...] = ()
    selected: tuple[str, ...] = ()
    pages: tuple[int, ...] = ()


@dataclass(frozen=True)
class RawPdfForm:
    path: Path
    fields: tuple[RawField, ...]
    metadata: dict[str, str] = field(default_factory=dict)
    pages: int = 0
    warnings: tuple[str, ...] = ()

    def by_name(self) -> dict[str, RawField]:
        return {f.name: f for f in self.fields}


# --- the parent side ------------------------------------------------------------------------


def reader_command(path: Path) -> list[str]:
    """The command that reads ``path`` in a child process (frozen or not)."""
    if getattr(sys, "frozen", False):
        # The console twin (mcim-desk-cli) when there is one: a windowed Windows executable
        # has no stdout for the child to answer on.
        exe = Path(sys.executable)
        cli = exe.with_name("mcim-desk-cli" + exe.suffix)
        return [str(cli if cli.is_file() else exe), FROZEN_FLAG, str(path)]
    return [sys.executable, "-m", "mcim_desk.exchange.pdf_reader", str(path)]


def check_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> None:
    """Size and signature, before anything parses the file."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as stream:
            head = stream.read(1024)
    except FileNotFoundError:
        raise PdfReadError("missing", str(path)) from None
    except OSError as exc:
        raise PdfReadError("missing", exc.strerror or str(exc)) from None
    if size > max_bytes:
        raise PdfReadError("too_big", f"{size} bytes, limit {max_bytes}")
    if b"%PDF-" not in head:
        raise PdfReadError("not_pdf", "no %PDF- signature in the first 1024 bytes")


def read_pdf_fields(
    path: str | Path, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_FILE_BYTES
) -> RawPdfForm:
    """The form fields of the PDF at ``path``, read in a child process; raises
    :class:`PdfReadError` (never hangs longer than ``timeout`` seconds)."""
    source = Path(path)
    check_file(source, max_bytes)
    env = dict(os.environ)
    env["PYTHONIOENCODING"] = "utf-8"
    package_root = str(Path(__file__).resolve().parents[2])
    if not getattr(sys, "frozen", False):
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    try:
        completed = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            reader_command(source.resolve()),
            capture_output=True,
            timeout=timeout,
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
            # no console window flashing up on Windows
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except subprocess.TimeoutExpired:
        raise PdfReadError("timeout", f"more than {timeout:g} s") from None
    except OSError as exc:
        raise PdfReadError("crashed", exc.strerror or str(exc)) from None
    try:
        data = json.loads(completed.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        tail = completed.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise PdfReadError(
            "crashed", f"exit code {completed.returncode} {tail[0][:200]}".strip()
        ) from None
    if not isinstance(data, dict) or not data.get("ok"):
        code = data.get("error") if isinstance(data, dict) else None
        detail = data.get("detail", "") if isinstance(data, dict) else ""
        raise PdfReadError(code if code in ERRORS else "damaged", str(detail)[:300])
    return _raw_form(source, data)


def _raw_form(path: Path, data: dict[str, Any]) -> RawPdfForm:
    fields = []
    for item in data.get("fields", ()):
        fields.append(
            RawField(
                name=str(item["name"]),
                type=str(item.get("type") or ""),
                flags=int(item.get("flags") or 0),
                value=item.get("value"),
                value_kind=str(item.get("value_kind") or "none"),
                states=tuple(str(s) for s in item.get("states", ())),
                selected=tuple(str(s) for s in item.get("selected", ())),
                pages=tuple(int(p) for p in item.get("pages", ())),
            )
        )
    metadata = {str(k): str(v) for k, v in (data.get("metadata") or {}).items()}
    return RawPdfForm(
        path,
        tuple(fields),
        metadata,
        int(data.get("pages") or 0),
        tuple(str(w) for w in data.get("warnings", ())),
    )


# --- the child side -------------------------------------------------------------------------


def _limit_resources() -> None:
    try:
        import resource
    except ImportError:  # Windows: the parent's timeout is the limit
        return
    for kind, value in (
        (resource.RLIMIT_AS, MEMORY_LIMIT_BYTES),
        (resource.RLIMIT_CPU, CPU_LIMIT_SECONDS),
    ):
        try:
            soft, hard = resource.getrlimit(kind)
            if hard != resource.RLIM_INFINITY:
                value = min(value, hard)
            resource.setrlimit(kind, (value, hard))
        except (ValueError, OSError):
            pass


class _Damaged(Exception):
    pass


def _resolve(obj: Any) -> Any:
    """Follow indirect references, at most a few hops (an object that refers to itself
    would otherwise never resolve)."""
    from pypdf.generic import IndirectObject

    for _ in range(MAX_DEPTH):
        if not isinstance(obj, IndirectObject):
            return obj
        obj = obj.get_object()
    raise _Damaged("an object refers to itself")


def _key(obj: Any) -> tuple[int, int] | None:
    from pypdf.generic import IndirectObject

    return (obj.idnum, obj.generation) if isinstance(obj, IndirectObject) else None


def _plain(value: Any) -> tuple[Any, str]:
    from pypdf.generic import (
        ArrayObject,
        BooleanObject,
        ByteStringObject,
        FloatObject,
        NameObject,
        NullObject,
        NumberObject,
        TextStringObject,
    )

    value = _resolve(value)
    if value is None or isinstance(value, NullObject):
        return None, "none"
    if isinstance(value, NameObject):
        return str(value)[1:][:MAX_VALUE_CHARS], "name"
    if isinstance(value, TextStringObject):
        return str(value)[:MAX_VALUE_CHARS], "text"
    if isinstance(value, ByteStringObject):
        return bytes(value).decode("latin-1")[:MAX_VALUE_CHARS], "text"
    if isinstance(value, BooleanObject):
        return bool(value), "other"
    if isinstance(value, NumberObject | FloatObject):
        return str(value), "number"
    if isinstance(value, ArrayObject):
        items = []
        for item in list(value)[:1000]:
            plain, _kind = _plain(item)
            items.append(plain if isinstance(plain, str) else None)
        return items, "array"
    return type(value).__name__, "other"


def _text(value: Any) -> str:
    plain, kind = _plain(value)
    return plain if kind in ("text", "name") and isinstance(plain, str) else ""


def read_fields_in_process(path: str) -> dict[str, Any]:
    """Parse the file here (the child process) and return the JSON-ready result."""
    import logging
    import warnings

    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    notes: list[str] = []

    class _Collect(logging.Handler):  # pypdf logs the repairs it makes: they become warnings
        def emit(self, record: logging.LogRecord) -> None:
            if len(notes) < 20:
                notes.append(record.getMessage()[:200])

    pypdf_log = logging.getLogger("pypdf")
    pypdf_log.addHandler(_Collect(logging.WARNING))
    pypdf_log.propagate = False
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # noqa: BLE001 - a missing crypto backend, a bad header
                return {"ok": False, "error": "encrypted", "detail": str(exc)[:200]}
            if not opened:
                return {"ok": False, "error": "encrypted", "detail": "a password is needed"}
        root = _resolve(reader.trailer.get("/Root"))
        if not isinstance(root, DictionaryObject):
            raise _Damaged("no document catalog")
        pages: dict[tuple[int, int], int] = {}
        page_count = 0
        for number, page in enumerate(reader.pages):
            page_count = number + 1
            if number > 500:
                raise _Damaged("more than 500 pages")
            annots = _resolve(page.get("/Annots")) or []
            for annot in list(annots)[:MAX_FIELDS]:
                key = _key(annot)
                if key is not None:
                    pages[key] = number
        form = _resolve(root.get("/AcroForm"))
        if not isinstance(form, DictionaryObject):
            return {"ok": False, "error": "no_form", "detail": "no /AcroForm in the document"}
        fields: list[dict[str, Any]] = []
        visited: set[tuple[int, int]] = set()

        def walk(ref: Any, prefix: str, inherited: dict[str, Any], depth: int) -> None:
            if depth > MAX_DEPTH:
                raise _Damaged("fields nested too deep")
            key = _key(ref)
            if key is not None:
                if key in visited:
                    raise _Damaged(
                        f"the field object {key[0]} appears twice in the field tree (a loop)"
                    )
                visited.add(key)
            node = _resolve(ref)
            if not isinstance(node, DictionaryObject):
                return
            if len(fields) >= MAX_FIELDS:
                raise _Damaged(f"more than {MAX_FIELDS} fields")
            part = _text(node.get("/T"))
            name = f"{prefix}.{part}" if prefix and part else (part or prefix)
            attributes = dict(inherited)
            for attr in ("/FT", "/Ff", "/V"):
                if attr in node:
                    attributes[attr] = node[attr]
            kids = _resolve(node.get("/Kids")) or []
            kid_nodes = [(kid, _resolve(kid)) for kid in list(kids)[:MAX_FIELDS]]
            named_kids = [k for k, n in kid_nodes if isinstance(n, DictionaryObject) and "/T" in n]
            if named_kids:
                for kid in named_kids:
                    walk(kid, name, attributes, depth + 1)
                return
            widgets = [(k, n) for k, n in kid_nodes if isinstance(n, DictionaryObject)] or [
                (ref, node)
            ]
            states: list[str] = []
            selected: list[str] = []
            on_pages: list[int] = []
            for widget_ref, widget in widgets:
                widget_key = _key(widget_ref)
                if widget_key is not None and widget_key != key:
                    if widget_key in visited:
                        raise _Damaged(f"the widget object {widget_key[0]} appears twice (a loop)")
                    visited.add(widget_key)
                if widget_key in pages:
                    on_pages.append(pages[widget_key])
                appearance = _resolve(widget.get("/AP"))
                if isinstance(appearance, DictionaryObject):
                    normal = _resolve(appearance.get("/N"))
                    if isinstance(normal, DictionaryObject):
                        states += [str(s)[1:] for s in normal if str(s) != "/Off"]
                state = widget.get("/AS")
                if state is not None:
                    selected.append(_text(state))
            value, kind = _plain(attributes.get("/V"))
            ftype = _text(attributes.get("/FT"))
            try:
                flags = int(_resolve(attributes.get("/Ff")) or 0)
            except (TypeError, ValueError):
                flags = 0
            fields.append(
                {
                    "name": name,
                    "type": ftype,
                    "flags": flags,
                    "value": value,
                    "value_kind": kind,
                    "states": sorted(set(states)),
                    "selected": selected,
                    "pages": sorted(set(on_pages)),
                }
            )

        top = _resolve(form.get("/Fields")) or []
        for ref in list(top)[:MAX_FIELDS]:
            walk(ref, "", {}, 0)
        metadata: dict[str, str] = {}
        info = _resolve(reader.trailer.get("/Info"))
        if isinstance(info, DictionaryObject):
            for name in list(info.keys())[:64]:
                text = _text(info.get(name))
                if text:
                    metadata[str(name)[1:]] = text[:MAX_VALUE_CHARS]
    notes += [str(w.message)[:200] for w in caught[:20]]
    return {
        "ok": True,
        "fields": fields,
        "metadata": metadata,
        "pages": page_count,
        "warnings": notes,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """The child: read the file named on the command line, print one JSON object."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print(json.dumps({"ok": False, "error": "crashed", "detail": "usage: pdf_reader FILE"}))
        return 2
    _limit_resources()
    sys.setrecursionlimit(2000)
    try:
        result = read_fields_in_process(args[0])
    except _Damaged as exc:
        result = {"ok": False, "error": "damaged", "detail": str(exc)}
    except MemoryError:
        result = {
            "ok": False,
            "error": "damaged",
            "detail": "too much memory (a decompression bomb?)",
        }
    except RecursionError:
        result = {"ok": False, "error": "damaged", "detail": "structure nested too deep (a loop?)"}
    except Exception as exc:  # noqa: BLE001 - any parser failure is a damaged file
        name = type(exc).__name__
        # pypdf's own errors say what is wrong; anything else is a structure it did not expect
        said = str(exc) if type(exc).__module__.startswith("pypdf") else ""
        detail = (said or f"unexpected structure ({name})")[:300]
        code = "encrypted" if "ncrypt" in name or "password" in said.lower() else "damaged"
        result = {"ok": False, "error": code, "detail": detail}
    sys.stdout.write(json.dumps(result, ensure_ascii=True))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
