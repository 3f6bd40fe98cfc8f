"""Follow-up status, drawn from a ``FollowUpsData``: open follow-ups (overdue, due today,
upcoming, undated) grouped by owner, then by mechanism."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Spacer

from .labels import acronym_and_name, label
from .pdf import Heading, PdfMeta, para, styles, write_pdf
from .profile import followup_table

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from .data import FollowUpsData


def _meta(data: FollowUpsData) -> PdfMeta:
    lang = data.lang
    return PdfMeta(
        title=data.title,
        subject=label("followups_subject", lang),
        lang=lang,
        header=data.title,
        generated=data.generated_label,
        page_format=label("page", lang),
        fictional_banner=label("fictional", lang) if data.fictional else None,
    )


def followups_story(data: FollowUpsData) -> list[Flowable]:
    st = styles()
    lang = data.lang
    story: list[Flowable] = [Heading(data.title, st.h1, 0)]
    if data.fictional:
        story.append(para(label("fictional_note", lang), st.banner))
    story.append(para(label("followups_counts", lang, **data.counts), st.body))
    story.append(para(label("times_in", lang, zone=data.time_zone), st.muted))
    story.append(Spacer(1, 3 * mm))
    if not data.owners:
        story.append(para(label("no_followups", lang), st.body))
    for owner in data.owners:
        story.append(CondPageBreak(45 * mm))
        story.append(Heading(label("owner", lang, owner=owner.owner or label("no_owner", lang)), st.h2, 0))
        for group in owner.mechanisms:
            story.append(CondPageBreak(30 * mm))
            title = acronym_and_name(group.acronym, group.name)
            story.append(Heading(title, st.h3, 1))
            story.append(followup_table(group.items, lang))
            story.append(Spacer(1, 2 * mm))
    return story


def write_followups(data: FollowUpsData, out: Path) -> Path:
    return write_pdf(out, _meta(data), followups_story(data))


__all__ = ["followups_story", "write_followups"]
