"""A demonstration database for newcomers and training: clearly fictional questionnaire
answers for 18 mechanisms, interviews with 8 (some mechanisms did both), quotes (some
cleared for publication, with tags), coded passages of questions 14, 20 and 21 with a
small codebook, and follow-ups (overdue, due today, upcoming).

Every response, interview, quote and follow-up row carries ``fictional = True`` and the
database holds the setting ``demo = 1``: screens show a banner and every PDF page says
"FICTIONAL DATA — DEMONSTRATION". Answers go through the responses service (so relevance and
statuses are what data entry would give); rows no service writes yet go through
:mod:`..persistence.demo_repo`.

The demonstration is set in the study's autumn 2018: the round's deadline is 9 November
2018, questionnaires went out in September, interviews and follow-ups fall in October to
December 2018, each interview planned in its interviewee's time zone. The database remembers
its moment ("demo.now"); opening it runs the program's clock from there, so that "overdue",
"today" and "upcoming" read as they did on that day. Memberships come from the shipped
reference file. Names carry accents (Łukasz Ibáñez, Zoë Œuvre); hostile strings (markup,
formulas) belong in the tests, not here.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .. import clock
from ..domain.reference import mechanism_id

ACTOR = "demo"
SECRETARIAT = "Secretariat (demo)"  # who sent the questionnaires (owner of their reminders)
Progress = Callable[[float, str], None]


# The demonstration's "now": eleven days after the round's deadline, before Marrakech.
DEMO_NOW = datetime(2018, 11, 20, 9, 30)
NOW_SETTING = "demo.now"
SENT_ON = datetime(2018, 9, 17, 8, 0)  # the questionnaires went out that Monday (UTC)
# Sent, not received (yet): the dashboard's "sent" stage holds more than the respondents.
SENT_ONLY = ("fibemyd", "asem_dgicm", "dialogue_5_5", "almaty_process", "pidc", "riam")
# Their first (automatic) reminder went out; a second one is planned by hand (FOLLOWUPS).
REMINDED_ONCE = frozenset({"almaty_process", "pidc", "riam"})
# Where each interviewee sits: interviews are planned at 10:00 their time.
ZONES = {
    "abu_dhabi_dialogue": "Asia/Dubai", "pafom": "Africa/Addis_Ababa", "sacm": "America/Lima",
    "rcm_puebla": "America/El_Salvador", "idm": "Europe/Geneva", "cmc": "America/Port_of_Spain",
    "prague_process": "Europe/Vienna", "midcom": "Africa/Lusaka", "igad_rcp": "Africa/Djibouti",
    "colombo_process": "Asia/Colombo", "bali_process": "Australia/Sydney",
    "midsa": "Africa/Johannesburg", "midwa": "Africa/Lagos",
    "arcp": "Africa/Cairo", "eap_panel": "Europe/Warsaw", "eu_celac": "Europe/Brussels",
    "acp_eu_dialogue": "Europe/Brussels", "rabat_process": "Africa/Dakar",
    "khartoum_process": "Africa/Khartoum", "budapest_process": "Europe/Vienna",
    "igc": "Europe/Geneva", "gfmd": "Europe/Geneva",
}


class DemoError(ValueError):
    """The demo database cannot be made there; ``str()`` is a translated message."""


@dataclass(frozen=True)
class DemoSummary:
    path: Path
    responses: int
    interviews: int
    quotes: int
    codings: int
    followups: int


# --- the fictional content ----------------------------------------------------------------

QUESTIONNAIRE = (
    "eap_panel", "arcp", "igad_rcp", "midsa", "midwa", "colombo_process", "rcm_puebla", "sacm",
    "cmc", "rabat_process", "khartoum_process", "acp_eu_dialogue", "eu_celac", "budapest_process",
    "igc", "bali_process", "pafom", "gfmd",
)
FRENCH = frozenset({"midwa", "rabat_process", "khartoum_process", "acp_eu_dialogue", "pafom", "igc"})
Q4 = {
    "eap_panel": "oui", "arcp": "oui", "igad_rcp": "oui", "rcm_puebla": "oui", "sacm": "oui",
    "cmc": "en_cours", "rabat_process": "oui", "khartoum_process": "en_cours", "pafom": "oui",
    "bali_process": "en_cours",
}  # the others: "non" (midsa first says "oui" then corrects it)
Q13 = ("oui", "oui", "ne_sait_pas", "non", "oui", "ne_sait_pas")
Q15 = ("ne_sait_pas", "oui", "non", "ne_sait_pas", "oui", "ne_sait_pas")
Q17 = {"rcm_puebla": "deja_fait", "cmc": "deja_fait", "arcp": "oui", "eap_panel": "oui",
       "midwa": "oui", "gfmd": "non", "igc": "non", "eu_celac": "non"}
Q27 = ("oui", "existe", "oui", "ne_sait_pas", "oui", "non")
NO_Q14 = frozenset({"midsa", "igc", "gfmd"})
CATEGORIES = (
    "other_iscms", "intergovernmental_organizations", "un_regional_commissions",
    "regional_economic_organizations", "ngos_civil_society", "private_sector", "academia",
    "migrants_diasporas",
)
INTERVIEWS = (
    # key, status, consent, days ago, minutes
    ("abu_dhabi_dialogue", "held", "quoted", 20, 48),
    ("pafom", "closed", "named", 30, 62),
    ("sacm", "notes_validated", "named", 14, 55),
    ("rcm_puebla", "held", "quoted", 6, 40),
    ("idm", "held", "neither", 3, 35),
    ("cmc", "closed", "named", 25, 50),
    ("prague_process", "planned", "unknown", -5, None),
    ("midcom", "questions_sent", "unknown", -2, None),
)
CONTACT_NAMES = {
    "pafom": ("Łukasz Ibáñez", "Head of secretariat", "Pan-African Forum secretariat (demo)"),
    "sacm": ("Zoë Œuvre", "Technical secretary", "SACM technical secretariat (demo)"),
    "cmc": ("Nguyễn Thị Demo", "Chair", "Ministry of Interior (demo)"),
    "igad_rcp": ("Çağla Øvergård", "Programme officer", "IGAD secretariat (demo)"),
}

# code key -> (English label, French label, colour, English phrase, French phrase)
CODES = {
    "dialogue": ("Facilitate dialogue", "Faciliter le dialogue", "#1f77b4",
                 "facilitating dialogue between member states",
                 "faciliter le dialogue entre États membres"),
    "notes": ("Information notes", "Notes d’information", "#ff7f0e",
              "information notes on the Compact", "des notes d’information sur le Pacte"),
    "workshops": ("Training workshops", "Ateliers de formation", "#2ca02c",
                  "training workshops for officials",
                  "des ateliers de formation pour les fonctionnaires"),
    "platform": ("Platform for exchanging practices", "Plateforme d’échange de pratiques", "#d62728",
                 "a platform for exchanging good practices",
                 "une plateforme d’échange de bonnes pratiques"),
    "secretariat": ("Technical secretariat", "Secrétariat technique", "#9467bd",
                    "a technical secretariat", "un secrétariat technique"),
    "data": ("Data collection and sharing", "Collecte et partage des données", "#8c564b",
             "support for collecting and sharing migration data",
             "un appui à la collecte et au partage des données"),
    "agenda": ("On the agenda of meetings", "À l’ordre du jour des réunions", "#e377c2",
               "the Compact is now on the agenda of our meetings",
               "le Pacte est désormais à l’ordre du jour de nos réunions"),
    "programme": ("Work programme", "Programme de travail", "#7f7f7f",
                  "our work programme follows the Compact",
                  "notre programme de travail suit le Pacte"),
    "priorities": ("Framework for priorities", "Cadre pour les priorités", "#bcbd22",
                   "a reference framework for setting priorities",
                   "un cadre de référence pour fixer les priorités"),
}
CODED = {"q14": ("agenda", "programme", "priorities"),
         "q20": ("dialogue", "notes", "workshops", "secretariat", "data"),
         "q21": ("platform", "dialogue", "workshops", "data")}
# How often each code's phrase appears in an answer (so the charts are not all equal).
CODE_SHARE = {"agenda": 0.55, "programme": 0.35, "priorities": 0.25, "dialogue": 0.7, "notes": 0.4,
              "workshops": 0.5, "secretariat": 0.2, "data": 0.3, "platform": 0.75}
OPENINGS = {
    "q14": ("In short, {phrases}.", "En bref, {phrases}."),
    "q20": ("Our mechanism builds capacities through {phrases}.",
            "Notre mécanisme renforce les capacités par {phrases}."),
    "q21": ("We can help through {phrases}, as agreed at the last meeting.",
            "Nous pouvons aider par {phrases}, comme convenu lors de la dernière réunion."),
}
DETAILS = {
    "eap_panel": ("section_2/q12", "Through the panel’s work plan; the minutes of the June 2018 "
                                   "meeting are attached (annex)."),
    "arcp": ("section_3/q22", "Whole-of-government workshops with the ministries of labour and "
                              "interior."),
    "midwa": ("section_3/q24", "Un budget de deux lignes et une œuvre commune."),
}
GUIDE = {
    "mandatory/q4": (
        "Peer learning without a compliance architecture: a compliance architecture would lead "
        "to non-participation.",
        "Un apprentissage entre pairs sans architecture de conformité : une telle architecture "
        "conduirait à la non-participation.",
    ),
    "mandatory/q5": (
        "Member states do not give migration governance the same priority.",
        "Les États membres n’accordent pas la même priorité à la gouvernance des migrations.",
    ),
    "mandatory/q6": (
        "Two regional meetings discussed the Compact; a third is planned.",
        "Deux réunions régionales ont examiné le Pacte ; une troisième est prévue.",
    ),
    "mandatory/q7": (
        "Online tools such as a shared platform and regular conference calls would help.",
        "Des outils en ligne comme une plateforme partagée et des conférences téléphoniques "
        "régulières aideraient.",
    ),
    "mandatory/q8": (
        "We work with IOM, UNHCR and the regional economic commission.",
        "Nous travaillons avec l’OIM, le HCR et la commission économique régionale.",
    ),
}
QUOTES = (
    # interview mechanism, guide path, phrase (must be in the answer), tags, cleared
    ("pafom", "mandatory/q4", None, ["objective_23", "capacity-building"], True),
    ("sacm", "mandatory/q8", None, ["theme_3", "partnerships"], True),
    ("cmc", "mandatory/q5", None, ["principle_2"], True),
    ("abu_dhabi_dialogue", "mandatory/q4", None, ["principle_2", "peer learning"], True),
    ("rcm_puebla", "mandatory/q7", None, ["objective_1"], True),
    ("idm", "mandatory/q6", None, ["theme_3"], False),
    ("sacm", "mandatory/q5", None, [], False),
    ("pafom", "mandatory/q7", None, ["objective_1"], False),
)
FOLLOWUPS = (
    # key, kind, days from now (None: no date), owner, notes, answer path, status
    ("almaty_process", "reminder", -4, "Demo Consultant", "Second reminder; the chair changed.", None, "open"),
    ("midcas", "send_questionnaire", -1, "Łukasz Ibáñez", "Check the figures of the 2017 report first.", None, "open"),
    ("prague_process", "other", 0, "Demo Consultant", "Send the interview questions to the chair’s office (Prague).", None, "open"),
    ("midcom", "other", 0, "Demo Consultant", "Confirm the call time (Lusaka / Geneva).", None, "open"),
    ("rcm_puebla", "send_notes", 2, "Demo Consultant", "Notes of the call for validation.", None, "open"),
    ("arcp", "clarify_answer", 5, "Secretariat (demo)", "Q17: an action plan, or a review?", "section_3/q17", "open"),
    ("ocam", "send_questionnaire", 7, "Secretariat (demo)", "Ask for the new chair’s e-mail.", None, "open"),
    ("pidc", "reminder", None, "", "No date agreed yet.", None, "open"),
    ("colombo_process", "clarify_answer", -10, "Łukasz Ibáñez", "Which partner category for the foundation?", None, "open"),
    ("riam", "reminder", 12, "Demo Consultant", None, None, "open"),
    ("eap_panel", "reminder", -20, "Demo Consultant", "Received.", None, "done"),
    ("ocam", "reminder", -15, "Secretariat (demo)", None, None, "cancelled"),
)


def _phrase_text(question: str, keys: tuple[str, ...], french: bool) -> tuple[str, dict[str, str]]:
    """An answer made of code phrases; returns the text and code key -> phrase."""
    phrases = {k: CODES[k][4 if french else 3] for k in keys}
    parts = list(phrases.values())
    joined = parts[0] if len(parts) == 1 else (
        ", ".join(parts[:-1]) + (" et " if french else " and ") + parts[-1]
    )
    opening = OPENINGS[question][1 if french else 0]
    return opening.format(phrases=joined), phrases


def _questionnaire_answers(key: str, index: int, rng: random.Random) -> dict[str, str]:
    from ..domain.reference import load_reference

    french = key in FRENCH
    ref = next(m for m in load_reference().mechanisms if m.key == key)
    name = ref.name_fr if french else ref.name_en
    answers: dict[str, str] = {
        "section_1/q1": name,
        "section_1/q2": f"Demo Chair {index + 1}, Ministry of Foreign Affairs (fictional)",
        "section_1/q3": f"Demo Secretariat Head {index + 1}",
    }
    q4 = Q4.get(key, "non")
    answers["section_2/q4"] = q4
    if q4 in ("oui", "en_cours"):
        answers["section_2/q5"] = "https://example.org/demo-position (fictional)"
        answers["section_2/q6"] = "2018-06-14, ministerial meeting (demo)"
        answers["section_2/q7"] = rng.choice(["oui", "non"])
        answers["section_2/q8"] = rng.choice(["oui", "non"])
        themes = {"theme_2"} | set(rng.sample([f"theme_{n}" for n in (1, 3, 4, 5, 6)], rng.randint(1, 3)))
        principles = {"principle_2", "principle_6"} | set(
            rng.sample([f"principle_{n}" for n in (1, 3, 4, 5, 7, 8, 9, 10)], rng.randint(1, 3))
        )
        objectives = {"objective_1", "objective_23"} | set(
            rng.sample([f"objective_{n}" for n in range(2, 23)], rng.randint(1, 5))
        )
        answers["section_2/q9"] = " ".join(sorted(themes, key=lambda s: int(s.split("_")[1])))
        answers["section_2/q10"] = " ".join(sorted(principles, key=lambda s: int(s.split("_")[1])))
        answers["section_2/q11"] = " ".join(sorted(objectives, key=lambda s: int(s.split("_")[1])))
    answers["section_2/q12"] = (
        "Par des réunions techniques et un plan de travail." if french
        else "Through technical meetings and a work plan."
    )
    answers["section_3/q13"] = Q13[index % len(Q13)]
    def pick(question: str) -> tuple[str, ...]:
        chosen = tuple(k for k in CODED[question] if rng.random() < CODE_SHARE[k])
        return chosen or (CODED[question][index % len(CODED[question])],)

    if key not in NO_Q14:
        answers["section_3/q14"] = _phrase_text("q14", pick("q14"), french)[0]
    answers["section_3/q15"] = Q15[index % len(Q15)]
    if answers["section_3/q15"] == "oui":
        answers["section_3/q16"] = "Review of the regional strategy (demo document)"
    answers["section_3/q17"] = Q17.get(key, "ne_sait_pas")
    if answers["section_3/q17"] == "oui":
        answers["section_3/q18"] = "2019-03-01"
    answers["section_3/q19/q19_data_exchange"] = (
        "Échange annuel de statistiques." if french else "Annual exchange of statistics."
    )
    answers["section_3/q19/q19_awareness"] = (
        "Une session sur le Pacte à chaque réunion." if french else "A Compact session at every meeting."
    )
    answers["section_3/q20"] = _phrase_text("q20", pick("q20"), french)[0]
    answers["section_3/q21"] = _phrase_text("q21", pick("q21"), french)[0]
    if index % 3 != 2:
        count = 1 + index % 3
        start = index % len(CATEGORIES)
        for n in range(count):
            category = CATEGORIES[(start + n * 3) % len(CATEGORIES)]
            base = f"section_4/q25[{n + 1}]"
            answers[f"{base}/category"] = category
            answers[f"{base}/partner_name"] = "University of Djibouti; IOM (fictional)" if key == "igad_rcp" and n == 0 else (
                "OIM, HCR (fictif)" if french else "IOM, UNHCR (fictional)"
            )
            answers[f"{base}/nature"] = (
                "Appui technique aux réunions." if french else "Technical support to meetings."
            )
    answers["section_4/q27"] = Q27[index % len(Q27)]
    if answers["section_4/q27"] in ("oui", "existe"):
        answers["section_4/q28"] = "As observer: the neighbouring process (demo)."
    if index % 9 != 4:  # two responses stay drafts
        answers["submission/submitted_by"] = f"Demo Chair {index + 1}"
        answers["submission/submission_date"] = "2018-11-08"
    if key in DETAILS:
        path, text = DETAILS[key]
        answers[path] = text
    return answers


# --- creating -----------------------------------------------------------------------------


def create_demo(path: str | Path, progress: Progress | None = None,
                *, now: datetime | None = None, time_zone: str | None = None) -> DemoSummary:
    """Create a new demonstration database at ``path`` (which must not exist yet).
    ``time_zone`` is the user's: follow-ups "due today" are due this evening there."""
    target = Path(path).expanduser()
    if target.exists():
        raise DemoError(
            QCoreApplication.translate(
                "Demo", "{path} already exists: choose a new file name for the demo database."
            ).format(path=target)
        )
    if not target.parent.is_dir():
        raise DemoError(
            QCoreApplication.translate("Demo", "The folder {folder} does not exist.").format(folder=target.parent)
        )

    def step(fraction: float, message: str) -> None:
        if progress is not None:
            progress(fraction, message)

    if now is None:
        now_utc = DEMO_NOW
    else:
        now_utc = now.astimezone(UTC).replace(tzinfo=None) if now.tzinfo else now
    # Every row, audit entry and timestamp is written on the demonstration's own day.
    with clock.ticking_from(now_utc - timedelta(minutes=30)):
        return _create(target, step, now_utc, time_zone)


def _create(target: Path, step: Progress, now_utc: datetime, time_zone: str | None) -> DemoSummary:
    from ..persistence import demo_repo, repositories
    from . import catalogue, responses, rounds
    from . import followups as followups_service
    from .startup import open_database

    step(0.02, QCoreApplication.translate("Demo", "Creating the database…"))
    db, _ = open_database(str(target), backup=False)
    try:
        rng = random.Random(2018)
        with db.write() as session:
            repositories.set_setting(session, "demo", "1")
            repositories.set_setting(session, NOW_SETTING, now_utc.isoformat(sep=" "))
            repositories.append_audit(session, actor=ACTOR, action="create", entity="setting",
                                      entity_id="demo", field="demo", new="1")
        contacts = _contacts(db, catalogue)
        with clock.ticking_from(SENT_ON):  # the sending is recorded on its day
            _send_questionnaires(db, rounds, time_zone or "UTC")

        step(0.1, QCoreApplication.translate("Demo", "Entering fictional questionnaires…"))
        response_ids: dict[str, str] = {}
        for index, key in enumerate(QUESTIONNAIRE):
            info = responses.open_questionnaire(db, mechanism_id(key), ACTOR)
            response_ids[key] = info.id
            answers = _questionnaire_answers(key, index, rng)
            if key == "midsa":  # said "oui" and described a position, then corrected to "non"
                responses.save_answer(db, info.id, "section_2/q4", "oui", ACTOR)
                responses.save_answer(db, info.id, "section_2/q5", "A draft that was never adopted.", ACTOR)
            for answer_path, value in answers.items():
                responses.save_answer(db, info.id, answer_path, value, ACTOR)
            if index % 3 == 0 and "submission/submitted_by" in answers:
                responses.set_status(db, info.id, "validated", ACTOR)
            step(0.1 + 0.6 * (index + 1) / len(QUESTIONNAIRE), QCoreApplication.translate("Demo", "Entering fictional questionnaires…"))

        _close_answered_reminders(db, followups_service, response_ids)
        step(0.75, QCoreApplication.translate("Demo", "Recording fictional interviews…"))
        interview_ids, guide_ids, guide_texts = _interviews(db, responses, contacts, now_utc)
        step(0.85, QCoreApplication.translate("Demo", "Coding answers and saving quotes…"))
        counts = _codes_and_quotes(db, response_ids, interview_ids, guide_ids, guide_texts, contacts)
        followups = _followups(db, response_ids, now_utc, time_zone or "UTC")
        with db.write() as session:
            # Everything in a demonstration is fictional (the automatic reminders and the
            # questionnaires sent but not returned too).
            for table in ("response", "interview", "quote", "follow_up"):
                demo_repo.mark_all_fictional(session, table)
        step(1.0, QCoreApplication.translate("Demo", "Done."))
        return DemoSummary(target, len(response_ids) + len(guide_ids), len(interview_ids),
                           counts["quotes"], counts["codings"], len(followups))
    finally:
        db.dispose()


def _send_questionnaires(db, rounds, zone: str) -> None:  # noqa: ANN001 - Database, service
    """Every demo respondent, and a few more, was sent the questionnaire on 17 September
    2018 (each with its automatic reminder before the deadline)."""
    for index, key in enumerate((*QUESTIONNAIRE, *SENT_ONLY)):
        rounds.mark_questionnaire_sent(
            db, mechanism_id(key), SECRETARIAT, zone=zone, now=SENT_ON + timedelta(minutes=7 * index)
        )


def _close_answered_reminders(db, followups_service, response_ids: dict[str, str]) -> None:  # noqa: ANN001
    """The automatic reminders that went out on 2 November are done: those of questionnaires
    that came back, and the first reminder of those chased a second time."""
    answered = set(response_ids.values())
    reminded = {mechanism_id(key) for key in REMINDED_ONCE}
    for item in followups_service.followups(db):
        if item.kind == "reminder" and item.automatic and (
            item.response_id in answered or item.mechanism_id in reminded
        ):
            followups_service.set_followup_status(db, item.id, "done", SECRETARIAT)


def _contacts(db, catalogue) -> dict[str, str]:  # noqa: ANN001 - Database, the catalogue service
    """One chair contact per demo mechanism; returns mechanism key -> contact id."""
    from .catalogue import ContactInfo

    result = {}
    keys = list(dict.fromkeys([*QUESTIONNAIRE, *(i[0] for i in INTERVIEWS)]))
    for index, key in enumerate(keys):
        name, title, institution = CONTACT_NAMES.get(
            key, (f"Demo Chair {index + 1}", "Chair", "Ministry of Foreign Affairs (fictional)")
        )
        zone = ZONES.get(key, "Europe/Geneva")
        saved = catalogue.save_contact(
            db,
            ContactInfo(id="", mechanism_id=mechanism_id(key), role="chair", name=name, title=title,
                        institution=institution, email=f"demo.{key}@example.org", phone="+41 22 000 00 00",
                        time_zone=zone, revision=0),
            ACTOR,
        )
        result[key] = saved.id
    return result


def _interviews(db, responses, contacts: dict[str, str], now: datetime):  # noqa: ANN001, ANN202
    from ..persistence import demo_repo

    interview_ids: dict[str, str] = {}
    guide_ids: dict[str, str] = {}
    guide_texts: dict[tuple[str, str], str] = {}
    from ..domain.timezones import from_utc_naive

    for key, status, consent, days_ago, minutes in INTERVIEWS:
        # 10:00 on the day, in the interviewee's zone ("10:00 Lima / 17:00 Geneva").
        zone = ZONES.get(key, "Europe/Geneva")
        day = from_utc_naive(now - timedelta(days=days_ago), zone)
        start = day.replace(hour=10, minute=0, second=0, microsecond=0).astimezone(UTC).replace(tzinfo=None)
        response_id = None
        if status in ("held", "notes_validated", "closed"):
            info = responses.new_interview_response(db, mechanism_id(key), ACTOR)
            response_id = info.id
            guide_ids[key] = info.id
            french = key in FRENCH
            name = CONTACT_NAMES.get(key, (f"Demo Chair ({key})",))[0]
            responses.save_answer(db, info.id, "mandatory/q2", f"{name}, chair (fictional)", ACTOR)
            responses.save_answer(db, info.id, "mandatory/q3", start.date().isoformat(), ACTOR)
            for path, (en, fr) in GUIDE.items():
                text = fr if french else en
                responses.save_answer(db, info.id, path, text, ACTOR)
                guide_texts[(key, path)] = text
            responses.save_note(db, info.id, "mandatory/q5", "Asked twice; the answer was careful.", ACTOR)
        notes = None
        if key == "sacm":
            notes = "Minutes sent to the technical secretariat; the budget line is to be confirmed."
        elif status != "planned":
            notes = "Fictional call notes: the chair spoke about peer learning and œuvre commune."
        with db.write() as session:
            interview_ids[key] = demo_repo.add_interview(
                session,
                mechanism_id=mechanism_id(key),
                contact_id=contacts.get(key),
                response_id=response_id,
                planned_start_utc=start,
                time_zone=zone,
                planned_minutes=60,
                actual_start_utc=start if minutes else None,
                actual_seconds=minutes * 60 if minutes else None,
                status=status,
                consent=consent,
                consent_validate_notes=status == "notes_validated",
                notes=notes,
                fictional=True,
            )
    return interview_ids, guide_ids, guide_texts


def _codes_and_quotes(db, response_ids, interview_ids, guide_ids, guide_texts, contacts):  # noqa: ANN001, ANN202
    from ..persistence import demo_repo, repositories

    code_ids: dict[str, str] = {}
    ids: list[str] = []
    codings = quotes = 0
    with db.write() as session:
        for key, (en, fr, colour, _p_en, _p_fr) in CODES.items():
            code_ids[key] = demo_repo.add_code(session, label_en=en, label_fr=fr, colour=colour)
    for key, response_id in response_ids.items():
        french = key in FRENCH
        with db.read() as session:
            values = {path: value for _id, path, value, _rel in repositories.answer_rows(session, response_id)}
        with db.write() as session:
            for question, code_keys in CODED.items():
                path = next((p for p in values if p.endswith("/" + question)), None)
                text = values.get(path) if path else None
                if not text:
                    continue
                for code_key in code_keys:
                    phrase = CODES[code_key][4 if french else 3]
                    start = text.find(phrase)
                    if start < 0:
                        continue
                    ids.append(demo_repo.add_quote(
                        session, kind="coding", mechanism_id=mechanism_id(key), response_id=response_id,
                        answer_path=path, field="value", start=start, end=start + len(phrase),
                        text=phrase, tags="[]", code_ids=json.dumps([code_ids[code_key]]),
                        cleared=False, fictional=True,
                    ))
                    codings += 1
    with db.write() as session:
        for key, path, _phrase, tags, cleared in QUOTES:
            text = guide_texts.get((key, path))
            if not text:
                continue
            passage = text.split(":")[0].rstrip() if key == "pafom" and path == "mandatory/q4" else text
            start = text.find(passage)
            ids.append(demo_repo.add_quote(
                session, kind="quote", mechanism_id=mechanism_id(key), contact_id=contacts.get(key),
                interview_id=interview_ids.get(key), response_id=guide_ids.get(key), answer_path=path,
                field="value", start=start, end=start + len(passage), text=passage,
                tags=json.dumps(tags, ensure_ascii=False), code_ids="[]", cleared=cleared, fictional=True,
            ))
            quotes += 1
        # A coded passage of an interview's notes (no answer path).
        notes_text = "Fictional call notes: the chair spoke about peer learning and œuvre commune."
        phrase = "peer learning"
        ids.append(demo_repo.add_quote(
            session, kind="coding", mechanism_id=mechanism_id("cmc"), interview_id=interview_ids["cmc"],
            field="notes", start=notes_text.find(phrase), end=notes_text.find(phrase) + len(phrase),
            text=phrase, tags="[]", code_ids=json.dumps([code_ids["platform"]]), cleared=False, fictional=True,
        ))
        codings += 1
    return {"ids": ids, "quotes": quotes, "codings": codings}


def _followups(db, response_ids: dict[str, str], now: datetime, zone: str) -> list[str]:  # noqa: ANN001
    from ..domain.timezones import from_utc_naive, is_known_zone
    from ..persistence import demo_repo

    ids = []
    # "Due today": late this evening in the user's zone, so that it stays "today" all day.
    local = from_utc_naive(now, zone if is_known_zone(zone) else "UTC")
    evening = local.replace(hour=23, minute=30, second=0, microsecond=0)
    if evening <= local:
        evening = local + timedelta(minutes=10)
    today = evening.astimezone(UTC).replace(tzinfo=None)
    with db.write() as session:
        for key, kind, days, owner, notes, answer_path, status in FOLLOWUPS:
            due = None if days is None else today if days == 0 else now + timedelta(days=days)
            ids.append(demo_repo.add_followup(
                session, kind=kind, mechanism_id=mechanism_id(key),
                response_id=response_ids.get(key) if answer_path else None, answer_path=answer_path,
                due_utc=due, owner=owner, status=status, notes=notes, automatic=False, fictional=True,
            ))
    return ids


__all__ = ["DemoError", "DemoSummary", "create_demo"]
