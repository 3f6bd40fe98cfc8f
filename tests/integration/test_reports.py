"""Every report built from fixture data in both languages and read back with pypdf: figures,
labels and names; counting rules (one mechanism counted once, non-relevant answers never
counted); user text printed literally; the CLI. Every figure is recomputed independently in
test_report_differential.py."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from mcim_desk.domain.reference import mechanism_id
from mcim_desk.persistence import demo_repo
from mcim_desk.persistence.models import utcnow
from mcim_desk.services import catalogue, responses
from mcim_desk.services import reports as report_service

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)
NOW_UTC = NOW.replace(tzinfo=None)
IMG = '<img src="/etc/hostname"/>'
BOLD = "<b> never closed"
LINK = '<a href="javascript:x">minutes</a>'
QUOTE = f"Peer learning & une œuvre commune <b> {IMG} {LINK}"
ACTOR = "tester"
# Overlapping memberships: Senegal and Mali in three mechanisms, Morocco in two.
MEMBERS = {
    "rabat_process": ["MAR", "SEN", "FRA", "ESP", "MLI"],
    "sacm": ["ARG", "BOL", "CHL"],
    "midwa": ["SEN", "MLI", "NER", "BEN"],
    "pafom": ["MAR", "SEN", "MLI", "ZAF"],
}
DISTINCT_STATES = 11  # MAR SEN FRA ESP MLI ARG BOL CHL NER BEN ZAF, counted by hand


def mid(key: str) -> str:
    return mechanism_id(key)


def fill(db, key: str, answers: list[tuple[str, str]]) -> str:  # noqa: ANN001
    info = responses.open_questionnaire(db, mid(key), ACTOR)
    for path, value in answers:
        responses.save_answer(db, info.id, path, value, ACTOR)
    return info.id


def build_fixture(db) -> dict[str, str]:  # noqa: ANN001
    """Four questionnaires, two interviews held (one by a mechanism that also answered the
    questionnaire), one planned; quotes, coded passages and follow-ups."""
    ids = {}
    ids["rabat"] = fill(db, "rabat_process", [
        ("section_1/q1", "Rabat Process"),
        ("section_2/q4", "oui"),
        ("section_2/q5", "https://example.org/position"),
        ("section_2/q9", "theme_2 theme_3"),
        ("section_2/q10", "principle_2"),
        ("section_2/q11", "objective_1 objective_23"),
        ("section_2/q12", f"Minutes pasted: {IMG} and {BOLD}, AT&T, {LINK}"),
        ("section_3/q13", "oui"),
        ("section_3/q14", "It is on the agenda of every meeting."),
        ("section_3/q15", "oui"),
        ("section_3/q17", "deja_fait"),
        ("section_3/q20", "Facilitating dialogue and training workshops."),
        ("section_4/q25[1]/category", "other_iscms"),
        ("section_4/q25[1]/partner_name", "AT&T Foundation"),
        ("section_4/q25[2]/category", "academia"),
        ("section_4/q27", "oui"),
    ])
    ids["sacm"] = fill(db, "sacm", [
        ("section_2/q4", "en_cours"),
        ("section_2/q9", "theme_2"),
        ("section_2/q10", "principle_2 principle_6"),
        ("section_2/q11", "objective_23"),
        ("section_3/q13", "non"),
        ("section_3/q15", "non"),
        ("section_3/q17", "oui"),
        ("section_4/q25[1]/category", "other_iscms"),
        ("section_4/q27", "existe"),
    ])
    # MIDWA first says it has a position and describes it, then corrects Q4 to "non": Q5 and
    # Q9 stay stored but are no longer relevant, so they are counted nowhere.
    ids["midwa"] = fill(db, "midwa", [
        ("section_2/q4", "oui"),
        ("section_2/q5", "HIDDEN-POSITION-TEXT"),
        ("section_2/q9", "theme_5"),
        ("section_2/q4", "non"),
        ("section_3/q13", "oui"),
        ("section_3/q14", "Nous avons changé notre programme de travail."),
        ("section_3/q15", "ne_sait_pas"),
        ("section_3/q17", "non"),
        ("section_4/q27", "non"),
    ])
    ids["cmc"] = fill(db, "cmc", [
        ("section_2/q4", "oui"),
        ("section_2/q9", "theme_1 theme_2"),
        ("section_2/q10", "principle_2"),
        ("section_2/q11", "objective_7 objective_23"),
        ("section_3/q13", "ne_sait_pas"),
        ("section_3/q14", "A reference framework."),
        ("section_3/q15", "oui"),
        ("section_3/q20", "Facilitating dialogue."),
        ("section_4/q27", "oui"),
    ])
    for key, codes in MEMBERS.items():
        catalogue.update_mechanism(db, mid(key), "member_states", codes, ACTOR)
    catalogue.update_mechanism(db, mid("cmc"), "member_states", [], ACTOR)  # not recorded
    contact = catalogue.save_contact(db, catalogue.ContactInfo(
        id="", mechanism_id=mid("pafom"), role="chair", name="Łukasz Ibáñez", title="Head of secretariat",
        institution="Œuvre commune", email=None, phone=None, time_zone=None, revision=0), ACTOR)
    now = utcnow()
    with db.write() as session:
        ids["pafom_interview"] = demo_repo.add_interview(
            session, mechanism_id=mid("pafom"), contact_id=contact.id, status="held", consent="named",
            planned_start_utc=now - timedelta(days=3), actual_start_utc=now - timedelta(days=3),
            actual_seconds=3000, notes=f"Call notes: {LINK} =1+2")
        demo_repo.add_interview(session, mechanism_id=mid("sacm"), status="closed", consent="quoted",
                                planned_start_utc=now - timedelta(days=9))
        demo_repo.add_interview(session, mechanism_id=mid("prague_process"), status="planned",
                                planned_start_utc=now + timedelta(days=9))
        demo_repo.add_quote(session, kind="quote", mechanism_id=mid("pafom"), contact_id=contact.id,
                            interview_id=ids["pafom_interview"], field="notes", text=QUOTE,
                            tags='["objective_23", "peer learning"]', cleared=True)
        demo_repo.add_quote(session, kind="quote", mechanism_id=mid("pafom"), interview_id=ids["pafom_interview"],
                            field="notes", text="SECRET-NOT-CLEARED", tags="[]", cleared=False)
        dialogue = demo_repo.add_code(session, label_en="Facilitate dialogue", label_fr="Faciliter le dialogue")
        workshops = demo_repo.add_code(session, label_en="Training workshops", label_fr="Ateliers de formation")
        hidden = demo_repo.add_code(session, label_en="HIDDEN-CODE", label_fr="HIDDEN-CODE")
        for key, codes in (("rabat", [dialogue, workshops]), ("cmc", [dialogue])):
            demo_repo.add_quote(session, kind="coding", mechanism_id=mid({"rabat": "rabat_process"}.get(key, key)),
                                response_id=ids[key], answer_path="section_3/q20", text="Facilitating dialogue",
                                code_ids=json.dumps(codes))
        demo_repo.add_quote(session, kind="coding", mechanism_id=mid("midwa"), response_id=ids["midwa"],
                            answer_path="section_2/q5", text="HIDDEN", code_ids=json.dumps([hidden]))
        for key, hours, owner, notes, status in (
            ("rabat_process", -72, "Łukasz Ibáñez", "=1+2 <b> check", "open"),
            ("sacm", 2, "Łukasz Ibáñez", "Call today", "open"),
            ("cmc", 96, "Demo Consultant", "Send the notes", "open"),
            ("midwa", -24, "Demo Consultant", "DONE-NOT-SHOWN", "done"),
        ):
            demo_repo.add_followup(session, kind="reminder", mechanism_id=mid(key),
                                   due_utc=NOW_UTC + timedelta(hours=hours), owner=owner, notes=notes,
                                   status=status)
    return ids


def pdf_text(path: Path) -> str:
    """All pages' text, whitespace normalised (line breaks inside table cells become spaces)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def assert_nothing_embedded(path: Path) -> None:
    raw = path.read_bytes()
    assert not re.search(rb"/Subtype\s*/Image\b", raw)
    assert b"/URI" not in raw and b"/Link" not in raw and b"/Annots" not in raw
    for page in PdfReader(path).pages:
        assert "/Annots" not in page
        for ref in page["/Resources"].get("/XObject", {}).values():
            assert ref.get_object().get("/Subtype") != "/Image"


def build(db, kind: str, lang: str, tmp_path: Path, mechanism: str | None = None) -> Path:  # noqa: ANN001
    return report_service.build_report(db, kind, lang, tmp_path / f"{kind}-{lang}.pdf",
                                       mechanism=mechanism, time_zone="Europe/Zurich", now=NOW)


@pytest.fixture
def filled(db):  # noqa: ANN001, ANN201
    build_fixture(db)
    return db


# --- the summary ----------------------------------------------------------------------------


def test_summary_figures_in_english(filled, tmp_path: Path) -> None:  # noqa: ANN001
    data = report_service.summary_data(filled, "en", now=NOW)
    assert data.overview.questionnaire == ("MIDWA", "SACM", "CMC", "Rabat Process")
    assert data.overview.interview == ("SACM", "PAFoM")
    assert data.overview.both == ("SACM",)
    assert len(data.overview.any) == 5  # SACM answered both ways: counted once
    # Distinct States, never a sum: 5 + 3 + 4 + 4 = 16 list entries make 11 States.
    assert data.overview.member_states == DISTINCT_STATES == len(set().union(*MEMBERS.values()))
    assert data.overview.membership_not_recorded == ("CMC",)
    figures = {f.key: f for f in data.figures}
    q4 = figures["q4"]
    assert q4.n == 4
    assert [(b.code, b.count, b.mechanisms) for b in q4.bars] == [
        ("oui", 2, ("CMC", "Rabat Process")), ("non", 1, ("MIDWA",)), ("en_cours", 1, ("SACM",))]
    q9 = figures["q9"]
    assert q9.n == 3  # MIDWA's hidden Q9 is not counted
    assert "theme_5" not in {b.code for b in q9.bars}
    assert q9.cited_by_all == ("theme_2",)
    assert figures["q10"].cited_by_all == ("principle_2",)
    assert figures["q11"].cited_by_all == ("objective_23",)
    q14 = figures["q14"]
    assert [(b.code, b.count, b.mechanisms) for b in q14.bars] == [
        ("answered", 3, ("MIDWA", "CMC", "Rabat Process")), ("not_answered", 1, ("SACM",))]
    q25 = figures["q25"]
    assert q25.n == 2
    assert [(b.code, b.count) for b in q25.bars] == [("other_iscms", 2), ("academia", 1)]
    coded = {f.question_id: f for f in data.coded_figures}
    assert set(coded) == {"q20"}  # the passage coded in MIDWA's hidden Q5 is not counted
    assert [(b.label, b.count, b.mechanisms) for b in coded["q20"].bars] == [
        ("Facilitate dialogue", 2, ("CMC", "Rabat Process")), ("Training workshops", 1, ("Rabat Process",))]

    out = build(filled, "summary", "en", tmp_path)
    text = pdf_text(out)
    for expected in (
        "Summary of findings", "Survey round: 2018", "Language: English",
        "In total, 5 of 30 mechanisms answered the questionnaire, gave an interview or both.",
        "They represent at least 11 member States, each counted once; membership not recorded "
        "for: CMC.",
        "Figure 1: Mechanisms with an official position on the Global Compact",
        "n = 4 mechanisms that answered the question",
        "Yes 2 CMC, Rabat Process", "In progress, not yet final 1 SACM",
        "n = 3 mechanisms that answered the question",
        "Cited by all 3 mechanisms that answered:",
        "Theme 2: Irregular migration and regular pathways",
        "n = 2 mechanisms that reported partnerships",
        "Facilitate dialogue 2 CMC, Rabat Process",
        f"“{QUOTE}”", "Łukasz Ibáñez", "Objective 23:",
        "Annex: the mechanisms and their response status",
    ):
        assert expected in text, expected
    assert "SECRET-NOT-CLEARED" not in text and "HIDDEN" not in text
    assert "FICTIONAL" not in text
    assert_nothing_embedded(out)


def test_summary_figures_in_french(filled, tmp_path: Path) -> None:  # noqa: ANN001
    out = build(filled, "summary", "fr", tmp_path)
    text = pdf_text(out)
    for expected in (
        "Synthèse des résultats", "Cycle d’enquête : 2018", "Langue : français",
        "Au total, 5 des 30 MCIM ont répondu au questionnaire, à l’entretien téléphonique ou aux deux.",
        "Ils représentent au moins 11 États membres, chacun compté une fois ; composition non "
        "renseignée pour : CMC.",
        "Figure 1 : MCIM ayant adopté une position officielle sur le Pacte mondial",
        "n = 4 mécanismes ayant répondu à la question",
        "Oui 2 CMC, Processus de Rabat",
        "Cités par les 3 mécanismes ayant répondu :",
        "Faciliter le dialogue 2 CMC, Processus de Rabat",
        f"« {QUOTE} »", "Łukasz Ibáñez",
        "Annexe : les mécanismes et l’état de leurs réponses",
    ):
        assert expected in text, expected
    reader = PdfReader(out)
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert reader.metadata.title.startswith("Synthèse des résultats")
    assert_nothing_embedded(out)


def test_who_counts_as_interviewed(db) -> None:  # noqa: ANN001
    responses.new_interview_response(db, mid("idm"), ACTOR)  # opened: only the mechanism filled in
    guide = responses.new_interview_response(db, mid("gfmd"), ACTOR)
    responses.save_answer(db, guide.id, "mandatory/q4", "Peer learning.", ACTOR)
    planned = responses.new_interview_response(db, mid("riam"), ACTOR)
    responses.save_answer(db, planned.id, "mandatory/q4", "Prepared before the call.", ACTOR)
    with db.write() as session:
        demo_repo.add_interview(session, mechanism_id=mid("riam"), status="planned", response_id=planned.id)
        demo_repo.add_interview(session, mechanism_id=mid("ocam"), status="held")
        demo_repo.add_interview(session, mechanism_id=mid("pidc"), status="cancelled")
    overview = report_service.summary_data(db, "en", now=NOW).overview
    assert overview.interview == ("OCAM", "GFMD")
    assert overview.questionnaire == () and overview.both == ()


def test_empty_database_gives_a_summary_that_says_so(db, tmp_path: Path) -> None:  # noqa: ANN001
    english = pdf_text(build(db, "summary", "en", tmp_path))
    assert english.count("No mechanism has answered this yet.") == len(report_service.FIGURES)
    assert "In total, 0 of 30 mechanisms" in english
    assert "No quote has been cleared for publication yet." in english
    french = pdf_text(build(db, "summary", "fr", tmp_path))
    assert french.count("Aucun mécanisme n’a encore répondu à cette question.") == len(report_service.FIGURES)
    data = report_service.summary_data(db, "en", now=NOW)
    assert all(f.n == 0 for f in data.figures) and data.coded_figures == ()


def test_demo_setting_puts_the_banner_on_every_page(filled, tmp_path: Path) -> None:  # noqa: ANN001
    from mcim_desk.persistence import repositories

    with filled.write() as session:
        repositories.set_setting(session, "demo", "1")
    for lang, banner in (("en", "FICTIONAL DATA — DEMONSTRATION"), ("fr", "DONNÉES FICTIVES — DÉMONSTRATION")):
        for kind in report_service.KINDS:
            out = build(filled, kind, lang, tmp_path, mechanism="PAFoM")
            for page in PdfReader(out).pages:
                assert banner in page.extract_text()


# --- profile, follow-ups, blank forms -------------------------------------------------------


def test_profile_in_both_languages(filled, tmp_path: Path) -> None:  # noqa: ANN001
    english = build(filled, "profile", "en", tmp_path, mechanism="Rabat Process")
    text = pdf_text(english)
    for expected in (
        "Mechanism profile: Rabat Process", "Euro-African Dialogue on Migration and Development",
        "Member States 5 States — France, Mali, Morocco, Senegal, Spain", "4. Has your ISCM formulated an (official) position",
        "Theme 2: Irregular migration", "Principle 2: International cooperation",
        "Question 25 — entry 2", "Academia", "AT&T Foundation", "Already done",
        IMG, BOLD, LINK, "Open follow-ups", "=1+2 <b> check", "overdue",
    ):
        assert expected in text, expected
    assert "Questions 26" not in text
    assert_nothing_embedded(english)
    french = pdf_text(build(filled, "profile", "fr", tmp_path, mechanism="Processus de Rabat"))
    for expected in ("Profil du mécanisme : Processus de Rabat", "4. Votre MCIM a-t-il formulé",
                     "États membres 5 États — Espagne, France, Mali, Maroc, Sénégal",
                     "Thème 2 : Les migrations irrégulières", "Déjà fait", "Milieux universitaires",
                     "Question 25 — entrée 2", IMG, "en retard"):
        assert expected in french, expected


def test_profile_leaves_out_questions_the_skip_logic_hides(filled, tmp_path: Path) -> None:  # noqa: ANN001
    text = pdf_text(build(filled, "profile", "en", tmp_path, mechanism="MIDWA"))
    assert "4. Has your ISCM formulated" in text and "No" in text
    assert "HIDDEN-POSITION-TEXT" not in text
    assert "5. If so, please provide the Internet link" not in text
    assert "Theme 5" not in text


def test_profile_with_interview_quotes_and_names(filled, tmp_path: Path) -> None:  # noqa: ANN001
    text = pdf_text(build(filled, "profile", "en", tmp_path, mechanism="PAFoM"))
    for expected in ("Interviewee: Łukasz Ibáñez, Head of secretariat, Œuvre commune",
                     "Consent: may be named", "Length: 50 min", LINK, "=1+2",
                     f"“{QUOTE}”", "SECRET-NOT-CLEARED", "not cleared",
                     "No questionnaire answer has been recorded."):
        assert expected in text, expected


def test_followups_in_both_languages(filled, tmp_path: Path) -> None:  # noqa: ANN001
    out = build(filled, "followups", "en", tmp_path)
    text = pdf_text(out)
    for expected in ("Follow-up status", "1 overdue, 1 due today, 1 upcoming, 0 without a date.",
                     "Owner: Demo Consultant", "Owner: Łukasz Ibáñez",
                     "Euro-African Dialogue on Migration and Development (Rabat Process)",
                     "=1+2 <b> check", "overdue", "today", "upcoming", "Times are given in Europe/Zurich."):
        assert expected in text, expected
    assert "DONE-NOT-SHOWN" not in text
    assert "Rabat Process — Euro-African" not in text  # the name holds the acronym: never twice
    assert text.index("Owner: Demo Consultant") < text.index("Owner: Łukasz Ibáñez")
    french = pdf_text(build(filled, "followups", "fr", tmp_path))
    for expected in ("État des suivis", "Responsable : Łukasz Ibáñez", "en retard", "aujourd’hui", "à venir"):
        assert expected in french, expected
    assert_nothing_embedded(out)


def test_blank_questionnaire_in_both_languages(db, tmp_path: Path) -> None:  # noqa: ANN001
    out = build(db, "blank-questionnaire", "en", tmp_path)
    text = pdf_text(out)
    for expected in (
        "Questionnaire (blank form)", "I. General information", "(required)", "Tick one box.",
        "Tick all that apply.", "In progress, not yet final",
        "Answer only if the answer to question 4 is “Yes” or “In progress, not yet final”.",
        "Answer only if the answer to question 17 is “Yes”.",
        "23. Strengthen international cooperation", "Partner category", "Migrants and diasporas",
        "Date (YYYY-MM-DD):",
    ):
        assert expected in text, expected
    outline = PdfReader(out).outline
    sections = [item.title for item in outline[1]]  # under the title: one entry per section
    assert sections[:2] == ["I. General information",
                            "II. ISCM positions or recommendations regarding the Global Compact"]
    assert len(sections) == 5
    french = pdf_text(build(db, "blank-questionnaire", "fr", tmp_path))
    for expected in (
        "Questionnaire (formulaire vierge)", "I. Informations générales", "Cochez une case.",
        "Répondez uniquement si la réponse à la question 4 est « Oui » ou « En cours, pas encore définitif ».",
        "Migrants et diasporas", "Date (AAAA-MM-JJ) :",
    ):
        assert expected in french, expected


def test_blank_interview_guide_in_both_languages(db, tmp_path: Path) -> None:  # noqa: ANN001
    text = pdf_text(build(db, "blank-interview", "en", tmp_path))
    for expected in ("Interview guide (blank form)", "Mandatory questions", "Optional questions",
                     "1. Name of the ISCM.", "Pan-African Forum on Migration", "Tick one box."):
        assert expected in text, expected
    french = pdf_text(build(db, "blank-interview", "fr", tmp_path))
    for expected in ("Guide d’entretien (formulaire vierge)", "Questions obligatoires", "1. Nom du MCIM."):
        assert expected in french, expected


def test_condition_text_reads_in_words(db) -> None:  # noqa: ANN001
    from mcim_desk.reports.blank_forms import condition_text

    definition = report_service.blank_form_data(db, "blank-questionnaire", "en").definition
    assert condition_text(definition, "${q27} = 'oui' or ${q27} = 'existe'", "en") == \
        "the answer to question 27 is “Yes” or “Exists”"
    assert condition_text(definition, "${q15} != 'non'", "fr") == \
        "la réponse à la question 15 n’est pas «\u00a0Non\u00a0»"  # the marks never part from the word
    assert condition_text(definition, "${q4} = 'oui' and ${q15} = 'oui'", "en") == \
        "the answer to question 4 is “Yes” and the answer to question 15 is “Yes”"
    assert condition_text(definition, "count-selected(${q9}) > 2", "en") == \
        "this condition holds: count-selected(question 9) > 2"


# --- building: errors and the atomic write ---------------------------------------------------


def test_unknown_mechanism_and_bad_folder_are_refused(db, tmp_path: Path) -> None:  # noqa: ANN001
    with pytest.raises(report_service.ReportError, match="No mechanism is called “NOPE”"):
        build(db, "profile", "en", tmp_path, mechanism="NOPE")
    with pytest.raises(report_service.ReportError, match="does not exist"):
        report_service.build_report(db, "summary", "en", tmp_path / "missing" / "x.pdf")
    with pytest.raises(report_service.ReportError, match="Unknown report"):
        report_service.build_report(db, "everything", "en", tmp_path / "x.pdf")
    assert not list(tmp_path.glob("*.pdf"))


def test_a_crash_while_building_keeps_the_previous_report(db, tmp_path: Path,  # noqa: ANN001
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    out = build(db, "summary", "en", tmp_path)
    before = out.read_bytes()
    from mcim_desk.reports import summary

    def boom(_data: object) -> list:
        raise RuntimeError("layout crashed")

    monkeypatch.setattr(summary, "summary_story", boom)
    with pytest.raises(RuntimeError):
        build(db, "summary", "en", tmp_path)
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_progress_is_reported(db, tmp_path: Path) -> None:  # noqa: ANN001
    seen: list[float] = []
    report_service.build_report(db, "blank-interview", "en", tmp_path / "g.pdf",
                                progress=lambda fraction, _message: seen.append(fraction))
    assert seen[0] < seen[-1] == 1.0


# --- the CLI --------------------------------------------------------------------------------


def run_cli(*argv: str) -> int:
    from mcim_desk.cli import main

    return main(list(argv))


def test_cli_report_and_json(filled, db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    out = tmp_path / "summary.pdf"
    assert run_cli("--db", str(db_path), "report", "summary", "--lang", "fr", "--out", str(out)) == 0
    assert "Synthèse des résultats" in pdf_text(out)
    assert str(out) in capsys.readouterr().out
    out_json = tmp_path / "summary.json"
    assert run_cli("--db", str(db_path), "report", "summary", "--lang", "en", "--format", "json",
                   "--out", str(out_json)) == 0
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert {f["key"]: f["n"] for f in data["figures"]}["q4"] == 4
    profile = tmp_path / "p.pdf"
    assert run_cli("--db", str(db_path), "report", "profile", "--mechanism", "pafom", "--lang", "en",
                   "--out", str(profile)) == 0
    assert "Łukasz Ibáñez" in pdf_text(profile)


def test_cli_errors(db, db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    capsys.readouterr()
    code = run_cli("--db", str(db_path), "report", "profile", "--mechanism", "NOPE", "--out",
                   str(tmp_path / "p.pdf"))
    assert code == 2
    assert "No mechanism is called “NOPE”" in capsys.readouterr().err
    code = run_cli("--db", str(db_path), "report", "summary", "--out", str(tmp_path / "no" / "s.pdf"))
    assert code == 2
    assert "does not exist" in capsys.readouterr().err
    code = run_cli("--db", str(db_path), "report", "profile", "--out", str(tmp_path / "p.pdf"))
    assert code == 2
    assert "--mechanism" in capsys.readouterr().err
    code = run_cli("--db", str(db_path), "report", "followups", "--format", "json", "--out",
                   str(tmp_path / "f.json"))
    assert code == 2
    assert "json" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.json"))


# --- the demo database ----------------------------------------------------------------------


def test_demo_cli(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    demo = tmp_path / "demo.sqlite3"
    assert run_cli("demo", "--out", str(demo)) == 0
    assert "all fictional" in capsys.readouterr().out
    before = demo.read_bytes()
    assert run_cli("demo", "--out", str(demo)) == 2  # never overwrites
    assert "already exists" in capsys.readouterr().err
    assert demo.read_bytes() == before
    assert run_cli("demo", "--out", str(tmp_path / "no" / "demo.sqlite3")) == 2


def test_demo_database_is_fictional_and_feeds_every_report(tmp_path: Path) -> None:
    from mcim_desk.services.demo import create_demo

    demo = tmp_path / "demo.sqlite3"
    create_demo(demo, time_zone="Europe/Zurich")  # on its own day of autumn 2018
    import sqlite3

    conn = sqlite3.connect(demo)
    try:
        assert conn.execute("SELECT value FROM setting WHERE key='demo'").fetchone() == ("1",)
        for table in ("response", "interview", "quote", "follow_up"):
            total, fictional = conn.execute(f"SELECT count(*), sum(fictional) FROM {table}").fetchone()
            assert total > 0 and total == fictional, table
        names = {row[0] for row in conn.execute("SELECT name FROM contact")}
        assert {"Łukasz Ibáñez", "Zoë Œuvre"} <= names and "Demo Chair 1" in names
    finally:
        conn.close()
    from mcim_desk.services.startup import open_database

    db, _ = open_database(str(demo))
    try:
        assert report_service.is_demo(db)
        data = report_service.summary_data(db, "en")
        assert data.fictional
        assert all(f.n > 0 and f.bars for f in data.figures), [f.key for f in data.figures if not f.n]
        assert {f.question_id for f in data.coded_figures} >= {"q14", "q20", "q21"}
        assert data.quote_groups and len(data.overview.both) >= 2
        states = {i.state for o in report_service.followups_data(db, "en", time_zone="Europe/Zurich").owners
                  for m in o.mechanisms for i in m.items}
        assert {"overdue", "today", "upcoming"} <= states
        for kind in report_service.KINDS:
            out = build(db, kind, "en", tmp_path, mechanism="ARCP")
            assert "FICTIONAL DATA — DEMONSTRATION" in PdfReader(out).pages[0].extract_text()
            assert_nothing_embedded(out)
        text = pdf_text(tmp_path / "profile-en.pdf")
        assert "Whole-of-government workshops with the ministries of labour and interior." in text
    finally:
        db.dispose()


def test_demo_texts_are_plain_data_and_its_dates_are_in_2018(tmp_path: Path) -> None:
    """No test attack strings in a demonstration; every date in the study's autumn 2018; each
    interview planned in its interviewee's zone; questionnaires that came back were sent."""
    import sqlite3

    from mcim_desk.services.demo import create_demo

    demo = tmp_path / "demo.sqlite3"
    create_demo(demo, time_zone="Europe/Geneva")
    conn = sqlite3.connect(demo)
    try:
        texts = [row[0] for sql in (
            "SELECT value FROM answer WHERE value IS NOT NULL", "SELECT note FROM answer WHERE note IS NOT NULL",
            "SELECT notes FROM interview WHERE notes IS NOT NULL", "SELECT text FROM quote",
            "SELECT notes FROM follow_up WHERE notes IS NOT NULL", "SELECT name FROM contact",
            "SELECT label_en || ' ' || label_fr FROM code",
        ) for row in conn.execute(sql)]
        assert texts
        for text in texts:
            assert "<" not in text and "javascript:" not in text.lower() and not text.startswith("="), text
        for table, column in (("interview", "planned_start_utc"), ("follow_up", "due_utc"),
                              ("response", "sent_at"), ("response", "created_at"), ("audit_log", "at")):
            years = {row[0][:4] for row in conn.execute(f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL")}
            assert years == {"2018"}, (table, column, years)
        zones = dict(conn.execute(
            "SELECT m.key, i.time_zone FROM interview i JOIN mechanism m ON m.id = i.mechanism_id"))
        assert zones["sacm"] == "America/Lima" and zones["abu_dhabi_dialogue"] == "Asia/Dubai"
        lima = conn.execute("SELECT i.planned_start_utc FROM interview i JOIN mechanism m ON m.id = i.mechanism_id "
                            "WHERE m.key = 'sacm'").fetchone()[0]
        assert lima[11:16] == "15:00"  # 10:00 in Lima (UTC-5) in November
        # SACM's questionnaire came back: it was sent, and its reminder is done.
        sent = conn.execute("SELECT r.sent_at FROM response r JOIN mechanism m ON m.id = r.mechanism_id "
                            "WHERE m.key = 'sacm'").fetchone()[0]
        assert sent is not None
        open_reminders = conn.execute(
            "SELECT count(*) FROM follow_up f JOIN response r ON r.id = f.response_id JOIN mechanism m "
            "ON m.id = f.mechanism_id WHERE m.key = 'sacm' AND f.kind = 'reminder' AND f.status = 'open'"
        ).fetchone()[0]
        assert open_reminders == 0
        # memberships from the shipped reference file
        members = conn.execute("SELECT member_states FROM mechanism WHERE key = 'sacm'").fetchone()[0]
        assert json.loads(members) == sorted(["ARG", "BOL", "BRA", "CHL", "COL", "ECU", "GUY", "PER", "PRY",
                                              "SUR", "URY", "VEN"])
    finally:
        conn.close()
