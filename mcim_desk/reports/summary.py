"""The summary of findings (the side-event report), drawn from a ``SummaryData``: a cover,
the overview of responses, one chart per figure of the study's section 3 with its "n =" and
the mechanisms behind each bar, the coded free-text answers, the quotes cleared for
publication and an annex of the mechanisms and their response status."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer, Table, TableStyle

from ..domain.typography import quoted
from .charts import bar_charts
from .labels import acronym_and_name, label, long_date
from .pdf import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    RULE,
    Heading,
    PdfMeta,
    bullets,
    data_table,
    escape_text,
    markup_para,
    para,
    styles,
    write_pdf,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from .data import Figure, SummaryData


def _meta(data: SummaryData) -> PdfMeta:
    lang = data.lang
    return PdfMeta(
        title=f"{data.title} — {data.study}",
        subject=label("summary_subject", lang),
        lang=lang,
        header=f"{data.title} — MCIM / ISCM" if lang == "en" else f"{data.title} — MCIM",
        generated=data.generated_label,
        page_format=label("page", lang),
        fictional_banner=label("fictional", lang) if data.fictional else None,
    )


def _cover(data: SummaryData) -> list[Flowable]:
    st = styles()
    lang = data.lang
    story: list[Flowable] = [Spacer(1, 40 * mm), Heading(data.title, st.title, 0)]
    story.append(para(data.study, st.subtitle))
    story.append(Spacer(1, 8 * mm))
    round_line = label("round", lang, name=data.round_name) if data.round_name else label("no_round", lang)
    generated = long_date(datetime.fromisoformat(data.generated_at), lang)
    for line in (round_line, label("date_line", lang, date=generated),
                 label("language_line", lang, language=label("language_name", lang))):
        story.append(para(line, st.body))
    if data.fictional:
        story.append(Spacer(1, 6 * mm))
        story.append(para(label("fictional", lang), st.banner))
        story.append(para(label("fictional_note", lang), st.banner))
    story.append(Spacer(1, 10 * mm))
    story.append(_key_figures(data))
    story.append(Spacer(1, 8 * mm))
    story.append(para(label("contents_note", lang), st.muted))
    story.append(PageBreak())
    return story


def _key_figures(data: SummaryData) -> Table:
    st = styles()
    lang = data.lang
    o = data.overview
    cells = [
        (len(o.questionnaire), label("stat_questionnaire", lang)),
        (len(o.interview), label("stat_interview", lang)),
        (len(o.both), label("stat_both", lang)),
        (len(o.any), label("stat_any", lang)),
        (f"≥\u00a0{o.member_states}", label("stat_member_states_at_least", lang, n=len(o.membership_not_recorded)))
        if o.membership_not_recorded else (o.member_states, label("stat_member_states", lang)),
    ]
    width = CONTENT_WIDTH / len(cells)
    numbers = [markup_para(f'<font size="20" color="#1f4e8c"><b>{value}</b></font>', st.body) for value, _ in cells]
    captions = [para(text, st.small) for _, text in cells]
    table = Table([numbers, captions], colWidths=[width] * len(cells), rowHeights=[28, None])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.5, colors.white),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 1), (-1, 1), 8),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table


def _overview(data: SummaryData) -> list[Flowable]:
    st = styles()
    lang = data.lang
    o = data.overview
    story: list[Flowable] = [Heading(label("overview", lang), st.h1, 0)]
    story.append(para(label("overview_total", lang, total=len(o.any), all=o.mechanisms_total), st.body))
    if o.any:
        subject = label("they_represent", lang, n=len(o.any))
        if o.membership_not_recorded:
            text = label("overview_states_unknown", lang, subject=subject, count=o.member_states,
                         missing=", ".join(o.membership_not_recorded))
        else:
            text = label("overview_states", lang, subject=subject, count=o.member_states)
        story.append(para(text, st.body))
    story.append(Spacer(1, 3 * mm))
    story.append(_key_figures(data))
    story.append(Spacer(1, 4 * mm))
    for title_key, acronyms, names in (
        ("questionnaire_from", o.questionnaire, o.questionnaire_names),
        ("interviews_with", o.interview, o.interview_names),
    ):
        story.append(para(label(title_key, lang), st.h3))
        if acronyms:
            story.extend(bullets([acronym_and_name(a, n) for a, n in zip(acronyms, names, strict=True)]))
        else:
            story.append(para(label("nobody_yet", lang), st.muted))
    story.append(CondPageBreak(60 * mm))
    story.append(Heading(label("by_region", lang), st.h2, 1))
    header = [label("type", lang), label("region", lang), label("responding", lang),
              label("of_total", lang), label("mechanisms", lang)]
    rows = [[r.type_label, r.region_label, str(r.responding), str(r.mechanisms),
             ", ".join(r.responding_mechanisms) or label("none", lang)] for r in data.regions]
    rows.append([label("total", lang), "", str(sum(r.responding for r in data.regions)),
                 str(sum(r.mechanisms for r in data.regions)), ""])
    widths = [0.2, 0.21, 0.15, 0.07, 0.37]
    story.append(data_table(header, rows, [w * CONTENT_WIDTH for w in widths], extra_style=[
        ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
    ]))
    return story


def figure_flowables(figure: Figure, lang: str) -> list[Flowable]:
    """One figure: its title, question, n, then the chart and the mechanisms behind each
    bar, or the sentence saying nobody answered yet."""
    st = styles()
    head: list[Flowable] = [
        Heading(label("figure", lang, number=figure.number, title=figure.title), st.h2, 1),
    ]
    question = figure.question_label_fr if lang == "fr" else figure.question_label_en
    if question:
        head.append(para(question, st.muted))
    if figure.empty:
        text = label("no_coding_yet" if figure.kind == "coded" else "no_answer_yet", lang)
        return [KeepTogether([*head, Spacer(1, 2), para(text, st.body)])]
    head.append(markup_para(f"<b>{escape_text(figure.n_label)}</b>", st.body))
    charts = bar_charts([(bar.label, bar.count) for bar in figure.bars], CONTENT_WIDTH)
    first = {"select_one": "answer", "answered": "answer", "select_multiple": "item",
             "repeat_category": "category", "coded": "code"}.get(figure.kind, "answer")
    rows = [[bar.label, str(bar.count), ", ".join(bar.mechanisms) or label("none", lang)]
            for bar in figure.bars]
    table = data_table([label(first, lang), label("count", lang), label("behind_bar", lang)], rows,
                       [0.5 * CONTENT_WIDTH, 0.1 * CONTENT_WIDTH, 0.4 * CONTENT_WIDTH])
    # What the chart says in words (cited by all, not cited) sits right under the chart, so
    # that it never lands alone at the top of a page after a long table.
    notes: list[Flowable] = []
    if figure.kind == "select_multiple":
        notes.append(Spacer(1, 3))
        if figure.cited_by_all:
            box = [para(label("cited_by_all", lang, n=figure.n), st.cell_bold)]
            box += bullets(list(figure.cited_by_all_labels), st.cell)
            framed = Table([[box]], colWidths=[CONTENT_WIDTH])
            framed.setStyle(TableStyle([
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
            ]))
            notes.append(framed)
        else:
            notes.append(para(label("cited_by_none_all", lang), st.small))
    if figure.not_cited:
        notes.append(para(label("not_cited", lang, items=", ".join(figure.not_cited)), st.muted))
    notes.append(Spacer(1, 3))
    # A short figure (one chart, a few rows) stays whole on one page: its table never
    # leaves two stray rows at the top of the next page.
    short = len(charts) == 1 and len(rows) <= 8
    if len(charts) == 1:
        story: list[Flowable] = [KeepTogether([*head, Spacer(1, 2), charts[0], Spacer(1, 3), *notes,
                                               *([table] if short else [])])]
    else:
        story = [KeepTogether([*head, Spacer(1, 2), charts[0], Spacer(1, 3)])]
        story += [KeepTogether([chart, Spacer(1, 3)]) for chart in charts[1:-1]]
        story.append(KeepTogether([charts[-1], Spacer(1, 3), *notes]))
    if not short:
        story.append(table)
    story.append(Spacer(1, 5 * mm))
    return story


def _quotes(data: SummaryData) -> list[Flowable]:
    st = styles()
    lang = data.lang
    story: list[Flowable] = [PageBreak(), Heading(label("quotes_section", lang), st.h1, 0)]
    if not data.quote_groups:
        story.append(para(label("no_quotes", lang), st.body))
        return story
    story.append(para(label("quotes_intro", lang), st.muted))
    for group in data.quote_groups:
        story.append(CondPageBreak(35 * mm))
        story.append(Heading(group.title, st.h3, 1))
        for quote in group.quotes:
            block: list[Flowable] = [para(quoted(quote.text, lang), st.quote)]
            attribution = f"— {quote.speaker}, {quote.source}"
            block.append(para(attribution, st.small))
            if quote.other_tags:
                block.append(para(label("also_tagged", lang, tags="; ".join(quote.other_tags)), st.muted))
            block.append(Spacer(1, 4))
            story.append(KeepTogether(block))
    return story


def _annex(data: SummaryData) -> list[Flowable]:
    st = styles()
    lang = data.lang
    story: list[Flowable] = [PageBreak(), Heading(label("annex", lang), st.h1, 0)]
    header = [label("acronym", lang), label("mechanism", lang), label("region", lang),
              label("questionnaire", lang), label("interview", lang)]
    widths = [0.16, 0.38, 0.16, 0.16, 0.14]
    current: str | None = None
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            story.append(data_table(header, rows, [w * CONTENT_WIDTH for w in widths]))
            story.append(Spacer(1, 4 * mm))

    for row in data.annex:
        if row.type != current:
            flush()
            rows = []
            current = row.type
            story.append(CondPageBreak(40 * mm))
            story.append(Heading(row.type_label, st.h2, 1))
        rows.append([row.acronym, row.name, row.region_label, row.questionnaire, row.interview])
    flush()
    return story


def summary_story(data: SummaryData) -> list[Flowable]:
    st = styles()
    lang = data.lang
    story = _cover(data) + _overview(data)
    story += [PageBreak(), Heading(label("findings", lang), st.h1, 0)]
    for figure in data.figures:
        story += figure_flowables(figure, lang)
    story += [PageBreak(), Heading(label("coded_section", lang), st.h1, 0)]
    if data.coded_figures:
        story.append(para(label("coded_intro", lang), st.muted))
        for figure in data.coded_figures:
            story += figure_flowables(figure, lang)
    else:
        story.append(para(label("no_coding_yet", lang), st.body))
    story += _quotes(data)
    story += _annex(data)
    return story


def write_summary(data: SummaryData, out: Path) -> Path:
    return write_pdf(out, _meta(data), summary_story(data))


__all__ = ["figure_flowables", "quoted", "summary_story", "write_summary"]
