"""``mcim-desk search "TEXT" [--kind KIND ...] [--format text|json]``: the window's search,
printed (grouped by kind, the matching words in [brackets]) or as JSON."""

from __future__ import annotations

import argparse
import json
import sys

from PySide6.QtCore import QCoreApplication

from .cli import fail, open_for_cli


def run_search(args: argparse.Namespace) -> int:
    from .i18n import preferred_language
    from .services import search

    lang = args.lang or preferred_language()
    db, _report = open_for_cli(args)
    try:
        results = search.search(
            db, args.text, kinds=tuple(args.kind or ()), mechanism=args.mechanism, type=args.type,
            region=args.region, form=args.form, since=args.since, until=args.until,
            include_hidden=True if args.hidden else None, lang=lang, limit=args.limit,
        )
    finally:
        db.dispose()
    if results.query.problems:
        print(QCoreApplication.translate("Cli", "filter not understood, ignored: {filters}").format(
            filters=", ".join(results.query.problems)), file=sys.stderr)
    if args.format == "json":
        data = {
            "query": args.text,
            "count": results.count,
            "groups": [{"kind": g.kind, "label": search.kind_label(g.kind), "more": g.more,
                        "hits": [h.to_dict(lang) for h in g.hits]} for g in results.groups],
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if results.query.is_empty:
        return fail(QCoreApplication.translate("Cli", "nothing to search for: type at least one word"), 2)
    if not results.groups:
        print(QCoreApplication.translate("Cli", "no match"))
        return 0
    for group in results.groups:
        count = f"{len(group.hits)}+" if group.more else str(len(group.hits))
        print(f"{search.kind_label(group.kind)} ({count})")
        for hit in group.hits:
            where = hit.where(lang)
            where = where if len(where) <= 90 else where[:89].rstrip() + "…"
            codes = f" [{', '.join(hit.codes)}]" if hit.codes else ""
            print(f"  {hit.acronym(lang)} — {where}{codes}")
            print(f"    {marked(hit.snippet.text, hit.snippet.spans)}")
    return 0


def marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The snippet with its matching words between [ and ]."""
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], "[", text[start:end], "]"]
        last = end
    out.append(text[last:])
    return "".join(out)
