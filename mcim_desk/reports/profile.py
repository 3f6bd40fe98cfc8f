"""A mechanism's profile, drawn from a ``ProfileData``: its card and contacts, its
questionnaire answers in form order (non-relevant questions left out, choices written out),
its interviews with notes and quotes, and its open follow-ups."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer

from ..domain.typography import quoted
from .labels import columns, label
from .pdf import (
    CHUNK_CHARS,
    CONTENT_WIDTH,
    FONT_BOLD,
    Heading,
    PdfMeta,
    bullets,
    data_table,
    escape_text,
    markup_para,
    para,
    styles,
    text_paras,
    write_pdf,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from .data import AnswerLine, FollowUpItem, ProfileData, QuoteLine


def _meta(data: ProfileData) -> PdfMeta:
    lang = data.lang
    return PdfMeta(
        title=data.title,
        subject=label("profile_subject", lang, name=data.name),
        lang=lang,
        header=data.title,
        generated=data.generated_label,
        page_format=label("page", lang),
        fictional_banner=label("fictional", lang) if data.fictional else None,
    )


def answer_flowables(lines: tuple[AnswerLine, ...], lang: str) -> list[Flowable]:
    """Form answers: headings for sections, groups and repeat entries; each question with
    its answer (one line per chosen choice) and its note, kept together."""
    st = styles()
    story: list[Flowable] = []
    for line in lines:
        indent = max(0, line.level - 1) * 10
        if line.heading:
            style = st.h3
            story.append(para(line.label, style) if indent == 0 else
                         markup_para(f'<para leftIndent="{indent}">{escape_text(line.label)}</para>', style))
            continue
        block: list[Flowable] = [markup_para(
            f'<para leftIndent="{indent}"><font name="{FONT_BOLD}">{escape_text(line.label)}</font></para>',
            st.small,
        )]
        value_style = st.muted if not line.answered else st.body
        if len(line.values) > 1:
            block += [markup_para(f'<para leftIndent="{indent + 22}" bulletIndent="{indent + 12}">'
                                  f'<bullet>•</bullet>{escape_text(v)}</para>', st.body)
                      for v in line.values]
        else:
            for value in line.values:
                block += text_paras(value, value_style, indent + 12)
        if line.note:
            block += text_paras(label("note_label", lang, note=line.note), st.small, indent + 12,
                                ("<i>", "</i>"))
        block.append(Spacer(1, 3))
        story.append(KeepTogether(block))
    return story


def quote_flowables(quotes: tuple[QuoteLine, ...], lang: str) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = []
    for quote in quotes:
        block: list[Flowable] = [para(quoted(quote.text, lang), st.quote)]
        details = quote.cleared + (f" — {'; '.join(quote.tags)}" if quote.tags else "")
        block.append(markup_para(f'<para leftIndent="14">{escape_text(details)}</para>', st.muted))
        story.append(KeepTogether(block))
    return story


def followup_table(items: tuple[FollowUpItem, ...], lang: str) -> Flowable:
    st = styles()
    header = columns("followup_columns", lang)
    rows: list[list[object]] = []
    for item in items:
        what = item.kind_label + (f" ({item.about})" if item.about else "")
        state: object = item.state_label
        if item.state in ("overdue", "today"):
            colour = "#b00020" if item.state == "overdue" else "#1f4e8c"
            state = markup_para(f'<font color="{colour}"><b>{escape_text(item.state_label)}</b></font>', st.cell)
        rows.append([item.due, state, what, item.notes or ""])
    widths = [0.22, 0.13, 0.28, 0.37]
    return data_table(header, rows, [w * CONTENT_WIDTH for w in widths])


def profile_story(data: ProfileData) -> list[Flowable]:
    st = styles()
    lang = data.lang
    story: list[Flowable] = [Heading(data.title, st.h1, 0), para(data.name, st.subtitle)]
    if data.fictional:
        story.append(para(label("fictional_note", lang), st.banner))
    story.append(Spacer(1, 3 * mm))
    card = [
        (label("name", lang), data.name),
        (label("acronym", lang), data.acronym),
        (label("type", lang), data.type_label),
        (label("region", lang), data.region_label),
        (label("member_states", lang),
         f"{data.member_states} — {', '.join(data.members)}" if data.members else data.member_states),
        (label("chair_country", lang), data.chair_country),
        (label("website", lang), data.website),
    ]
    if data.members_source:
        card.insert(5, ("", label("members_source", lang, source=data.members_source)))
    # Long notes flow below the card: a table cell cannot be split quickly.
    long_notes = bool(data.notes) and len(data.notes) > CHUNK_CHARS
    if data.notes and not long_notes:
        card.append((label("notes", lang), data.notes))
    story.append(Heading(label("card", lang), st.h2, 1))
    story.append(data_table(None, card, [0.25 * CONTENT_WIDTH, 0.75 * CONTENT_WIDTH],
                            extra_style=[("FONTNAME", (0, 0), (0, -1), FONT_BOLD)]))
    if long_notes:
        story.append(para(label("notes", lang), st.h3))
        story += text_paras(data.notes, st.body)
    story.append(Heading(label("contacts", lang), st.h2, 1))
    if data.contacts:
        story.append(data_table(
            columns("contact_columns", lang),
            [[c.role, c.name, c.title, c.reach] for c in data.contacts],
            [w * CONTENT_WIDTH for w in (0.17, 0.23, 0.32, 0.28)],
        ))
    else:
        story.append(para(label("none", lang), st.muted))

    story.append(Heading(label("questionnaire_answers", lang), st.h1, 0))
    if data.questionnaire_status is None:
        story.append(para(label("no_questionnaire", lang), st.body))
    else:
        story.append(para(label("status_line", lang, status=data.questionnaire_status), st.muted))
        story += answer_flowables(data.answers, lang)

    story.append(Heading(label("interviews", lang), st.h1, 0))
    if not data.interviews:
        story.append(para(label("no_interviews", lang), st.body))
    for interview in data.interviews:
        facts = []
        if interview.interviewee:
            facts.append(label("interviewee", lang, name=interview.interviewee))
        facts.append(label("consent", lang, consent=interview.consent))
        if interview.duration:
            facts.append(label("duration", lang, minutes=interview.duration))
        # The heading, its facts and its notes stay on one page (a page never ends on a
        # heading or starts with two stray lines of a block).
        head: list[Flowable] = [Heading(interview.heading, st.h2, 1), *bullets(facts)]
        if interview.notes:
            # long notes: the first paragraph stays with the heading, the rest flows on
            notes = text_paras(interview.notes, st.body)
            head += [para(label("notes", lang), st.h3), *notes[:1]]
            story.append(KeepTogether(head))
            story += notes[1:]
        else:
            story.append(KeepTogether(head))
        if interview.guide:
            story.append(para(label("guide_answers", lang), st.h3))
            story += answer_flowables(interview.guide, lang)
        if interview.quotes:
            story.append(para(label("quotes", lang), st.h3))
            story += quote_flowables(interview.quotes, lang)
    if data.quotes:
        story.append(Heading(label("quotes", lang), st.h2, 1))
        story += quote_flowables(data.quotes, lang)

    followups: list[Flowable] = [Heading(label("open_followups", lang), st.h1, 0)]
    if data.followups:
        followups.append(followup_table(data.followups, lang))
    else:
        followups.append(para(label("no_followups", lang), st.body))
    story.append(KeepTogether(followups))
    return story


def write_profile(data: ProfileData, out: Path) -> Path:
    return write_pdf(out, _meta(data), profile_story(data))


def write_profiles(items: list[tuple[ProfileData, Path]]) -> list[Path]:
    return [write_profile(data, out) for data, out in items]


__all__ = ["answer_flowables", "followup_table", "profile_story", "write_profile", "write_profiles"]
