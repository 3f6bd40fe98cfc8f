"""A differential test of the summary of findings.

Hypothesis generates a survey: questionnaires on three versions of the questionnaire (the
shipped 2018.1; 2019.1, which renames section 2; 2019.2, which renames section 3, moves Q27
and no longer asks Q13), answers the skip logic hides (Q9-Q11 given with Q4 "non" or
unanswered), blank answers, Q25 partners, coded passages in Q20, interviews held or only
planned, and interview-guide responses, for a few mechanisms with both a questionnaire and an
interview. The data go in through the program's own import (KoboToolbox JSON) as a user's
would.

Every figure of ``report summary --format json`` is then computed a second way, here, from the
answer tables read with plain SQL: where each question sits in each version is written out
below, relevance is read from the stored ``relevant`` flag, and the counting rules are the
study's (a mechanism counted once; a version that does not ask a question leaves its
respondents out of that question's n). The PDF's text (pypdf) must show the same numbers.

SQLite only: the template database is copied per example (the figures' SQL runs on
PostgreSQL in test_reports.py and test_form_versions.py)."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from datetime import datetime, timedelta
from itertools import count
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from mcim_desk.cli import main
from mcim_desk.domain.reference import mechanism_id
from mcim_desk.paths import resource_path
from mcim_desk.persistence import demo_repo
from mcim_desk.services import forms
from mcim_desk.services import submissions as submission_service
from mcim_desk.services.startup import open_database

SHIPPED = resource_path("resources", "forms", "mcim_questionnaire_2018.md")
FORM = "mcim_questionnaire_2018"
GUIDE = "mcim_interview_2018"
VERSIONS = ("2018.1", "2019.1", "2019.2")
KEYS = ("almaty_process", "prague_process", "midwa", "colombo_process", "sacm", "cmc", "ocam",
        "rabat_process", "bali_process", "gfmd", "idm", "pafom")

# Where each figure's question sits in each version (written out, not read from the forms).
SECTION = {"q4": 2, "q9": 2, "q10": 2, "q11": 2, "q13": 3, "q14": 3, "q15": 3, "q17": 3, "q20": 3,
           "q25": 4, "q27": 4}


def path_of(version: str, name: str) -> str | None:
    if version == "2019.2" and name == "q13":
        return None  # not asked
    if version == "2019.2" and name == "q27":
        return "section_1/q27"
    section = SECTION[name]
    if section == 2 and version == "2019.1":
        return "part_two/" + name
    if section == 3 and version == "2019.2":
        return "plans/" + name
    return f"section_{section}/{name}"


# The study's answer scales, in the questionnaire's order.
SCALES = {
    "q4": ("oui", "non", "en_cours"), "q13": ("oui", "non", "ne_sait_pas"),
    "q15": ("oui", "non", "ne_sait_pas"), "q17": ("oui", "non", "deja_fait", "ne_sait_pas"),
    "q27": ("oui", "non", "existe", "ne_sait_pas"),
}
MULTIPLE = {
    "q9": tuple(f"theme_{n}" for n in range(1, 7)),
    "q10": tuple(f"principle_{n}" for n in range(1, 11)),
    "q11": tuple(f"objective_{n}" for n in range(1, 24)),
}
CATEGORIES = ("other_iscms", "intergovernmental_organizations", "un_regional_commissions",
              "regional_economic_organizations", "ngos_civil_society", "private_sector", "academia",
              "migrants_diasporas")
FIGURE_ORDER = ("q4", "q13", "q14", "q15", "q17", "q9", "q10", "q11", "q25", "q27")
HELD = ("held", "notes_validated", "closed")
CODES = {"dialogue": "Facilitate dialogue", "training": "Training workshops"}


def make_version(folder: Path, version: str) -> Path:
    rows = SHIPPED.read_text(encoding="utf-8").split("\n")
    text_rows = rows
    if version == "2019.2":
        text_rows = [r for r in rows if "| q13 |" not in r]
        q27 = next(r for r in text_rows if "| q27 |" in r)
        text_rows.remove(q27)
        text_rows.insert(text_rows.index(next(r for r in text_rows if "| end_group | section_1 |" in r)), q27)
    text = "\n".join(text_rows).replace(f"| {FORM} | 2018.1 |", f"| {FORM} | {version} |")
    if version == "2019.1":
        text = text.replace("| section_2 |", "| part_two |")
    if version == "2019.2":
        text = text.replace("| section_3 |", "| plans |")
    path = folder / f"q-{version}.md"
    path.write_text(text, encoding="utf-8")
    return path


# --- what hypothesis draws ------------------------------------------------------------------

def questionnaires() -> st.SearchStrategy:
    select = {name: st.one_of(st.none(), st.sampled_from(scale)) for name, scale in SCALES.items()}
    multiple = {name: st.one_of(st.none(), st.lists(st.sampled_from(codes), min_size=1, max_size=4, unique=True))
                for name, codes in MULTIPLE.items()}
    return st.fixed_dictionaries({
        "version": st.sampled_from(VERSIONS),
        **select,
        **multiple,
        "q14": st.sampled_from([None, "", "   ", "It changed our work programme.", "Pas encore."]),
        "q20": st.sampled_from([None, "Dialogue and workshops.", "Ateliers régionaux."]),
        "q25": st.lists(st.one_of(st.none(), st.sampled_from(CATEGORIES)), max_size=4),
        "codes": st.lists(st.sampled_from(sorted(CODES)), max_size=2, unique=True),
    })


def surveys() -> st.SearchStrategy:
    per_mechanism = st.fixed_dictionaries({
        "questionnaire": st.one_of(st.none(), questionnaires()),
        "interview": st.sampled_from([None, "held", "closed", "planned", "cancelled"]),
        "guide": st.sampled_from([None, "answered", "opened"]),
    })
    return st.dictionaries(st.sampled_from(KEYS), per_mechanism, min_size=1, max_size=8)


# --- putting it in --------------------------------------------------------------------------

def submissions(survey: dict) -> list[dict]:
    items = []
    for key, spec in survey.items():
        q = spec["questionnaire"]
        if q is not None:
            version = q["version"]
            item = {"_xform_id_string": FORM, "__version__": version, "meta/instanceID": f"uuid:{uuid.uuid4()}",
                    "mechanism": key}
            for name in (*SCALES, *MULTIPLE, "q14", "q20"):
                value = q[name]
                path = path_of(version, name)
                if value is None or path is None:
                    continue
                item[path] = " ".join(value) if isinstance(value, list) else value
            if q["q25"]:
                repeat = path_of(version, "q25")
                item[repeat] = [{f"{repeat}/category": c} if c else {f"{repeat}/partner_name": "A partner"}
                                for c in q["q25"]]
            items.append(item)
        if spec["guide"] is not None:
            guide = {"_xform_id_string": GUIDE, "__version__": "2018.1", "meta/instanceID": f"uuid:{uuid.uuid4()}",
                     "mechanism": key, "mandatory/q1": key}
            if spec["guide"] == "answered":
                guide["mandatory/q2"] = "We discussed the Compact."
            items.append(guide)
    return items


def load(db, survey: dict, folder: Path) -> None:  # noqa: ANN001
    data = folder / "submissions.json"
    data.write_text(json.dumps(submissions(survey), ensure_ascii=False), encoding="utf-8")
    submission_service.import_submissions(db, data, "tester")
    start = datetime(2018, 10, 1, 9, 0)
    with db.write() as session:
        codes = {name: demo_repo.add_code(session, label_en=label, label_fr=label) for name, label in CODES.items()}
        for key, spec in survey.items():
            if spec["interview"] is not None:
                demo_repo.add_interview(session, mechanism_id=mechanism_id(key), status=spec["interview"],
                                        consent="unknown", planned_start_utc=start + timedelta(days=3))
    rows = query(db.path, """
        SELECT r.id, r.mechanism_id, fv.version FROM response r JOIN form_version fv ON fv.id = r.form_version_id
        WHERE fv.form_id = ?""", FORM)
    with db.write() as session:
        for response_id, mid, version in rows:
            key = next(k for k in survey if mechanism_id(k) == mid)
            q = survey[key]["questionnaire"]
            if q["q20"] and q["codes"]:
                demo_repo.add_quote(session, kind="coding", mechanism_id=mid, response_id=response_id,
                                    answer_path=path_of(version, "q20"), text=q["q20"][:8],
                                    code_ids=json.dumps([codes[c] for c in q["codes"]]))


def query(path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# --- the second computation -----------------------------------------------------------------

def expected_figures(db_path: Path) -> dict:
    """Every figure, from plain SQL over the tables and the locations written above."""
    mechanisms = {mid: (sort, key, acronym, name, type_, region) for mid, sort, key, acronym, name, type_, region
                  in query(db_path, """SELECT id, sort, key, acronym_en, name_en, type, region FROM mechanism
                                       WHERE deleted_at IS NULL""")}

    def ordered(ids: set[str]) -> list[str]:
        return [mechanisms[i][2] for i in sorted(ids, key=lambda i: (mechanisms[i][0], mechanisms[i][1]))]

    answers: dict[str, dict[str, str]] = {}  # response id -> path -> value, relevant and non-empty only
    for response_id, path, value, relevant in query(
            db_path, "SELECT response_id, path, value, relevant FROM answer WHERE deleted_at IS NULL"):
        if relevant and value is not None and value.strip(" ") != "":
            answers.setdefault(response_id, {})[path] = value
    live = query(db_path, """
        SELECT r.id, r.mechanism_id, fv.form_id, fv.version FROM response r
        JOIN form_version fv ON fv.id = r.form_version_id WHERE r.deleted_at IS NULL""")
    chosen = {mid: (rid, version) for rid, mid, form, version in live if form == FORM and answers.get(rid)}
    guide_paths = {"mandatory/q1"}  # filled in when a guide is opened: not an interview given
    interviewed = {mid for (mid,) in query(
        db_path, f"SELECT mechanism_id FROM interview WHERE deleted_at IS NULL AND status IN {HELD!r}")}
    interviewed |= {mid for rid, mid, form, _v in live
                    if form == GUIDE and set(answers.get(rid, {})) - guide_paths}
    questionnaire = set(chosen)
    figures = []
    for name in FIGURE_ORDER:
        asked = {mid: (rid, path_of(version, name)) for mid, (rid, version) in chosen.items()
                 if path_of(version, name) is not None}
        given = {mid: answers[rid][path] for mid, (rid, path) in asked.items() if path in answers[rid]}
        figure = {"key": name}
        if name in SCALES:
            figure["n"] = len(given)
            figure["bars"] = [(code, len(ids), ordered(ids)) for code in SCALES[name]
                              for ids in [{m for m, v in given.items() if v == code}]]
        elif name == "q14":
            figure["n"] = len(asked)
            figure["bars"] = [("answered", len(given), ordered(set(given))),
                              ("not_answered", len(asked) - len(given), ordered(set(asked) - set(given)))]
        elif name in MULTIPLE:
            codes = MULTIPLE[name]
            cited = {c: {m for m, v in given.items() if c in v.split()} for c in codes}
            bars = sorted(((c, len(ids), ordered(ids)) for c, ids in cited.items() if ids),
                          key=lambda b: (-b[1], codes.index(b[0])))
            figure["n"] = len(given)
            figure["bars"] = bars
            figure["cited_by_all"] = [c for c in codes if given and len(cited[c]) == len(given)]
            figure["not_cited"] = sum(1 for ids in cited.values() if not ids) if given else 0
        else:  # q25: per category, mechanisms with a partner in it
            per: dict[str, set[str]] = {}
            with_partner = set()
            for mid, (rid, path) in asked.items():
                for answer_path, value in answers[rid].items():
                    if answer_path.startswith(path + "[") and answer_path.endswith("]/category"):
                        per.setdefault(value, set()).add(mid)
                        with_partner.add(mid)
            figure["n"] = len(with_partner)
            figure["bars"] = sorted(((c, len(ids), ordered(ids)) for c, ids in per.items()),
                                    key=lambda b: (-b[1], CATEGORIES.index(b[0])))
            figure["not_cited"] = len(CATEGORIES) - len(per) if with_partner else 0
        figures.append(figure)
    # Coded passages: Q20 of the chosen questionnaires (always relevant), any version.
    code_names = dict(query(db_path, "SELECT id, label_en FROM code WHERE deleted_at IS NULL"))
    coded: dict[str, set[str]] = {}
    coded_any: set[str] = set()
    for mid, response_id, answer_path, code_ids in query(db_path, """
            SELECT q.mechanism_id, q.response_id, q.answer_path, q.code_ids FROM quote q
            JOIN response r ON r.id = q.response_id
            WHERE q.kind = 'coding' AND q.deleted_at IS NULL AND r.deleted_at IS NULL"""):
        if answer_path not in answers.get(response_id, {}):
            continue
        ids = json.loads(code_ids)
        if ids:
            coded_any.add(mid)
        for code_id in ids:
            coded.setdefault(code_names[code_id], set()).add(mid)
    coded_figures = []
    if coded_any:
        coded_figures.append({
            "key": f"coded:{FORM}:q20", "n": len(coded_any),
            "bars": sorted(((label, len(ids), ordered(ids)) for label, ids in coded.items()),
                           key=lambda b: (-b[1], b[0].casefold())),
        })
    regions = {}
    for mid, (_sort, _key, _acr, _name, type_, region) in mechanisms.items():
        row = regions.setdefault((type_, region), [0, set()])
        row[0] += 1
        if mid in questionnaire | interviewed:
            row[1].add(mid)
    return {
        "questionnaire": ordered(questionnaire), "interview": ordered(interviewed),
        "both": ordered(questionnaire & interviewed), "any": ordered(questionnaire | interviewed),
        "questionnaire_names": [mechanisms[m][3] for m in sorted(questionnaire, key=lambda i: mechanisms[i][:2])],
        "mechanisms_total": len(mechanisms),
        "regions": {(t, r): (total, len(ids), ordered(ids)) for (t, r), (total, ids) in regions.items()},
        "figures": figures, "coded_figures": coded_figures,
    }


def reported(data: dict) -> dict:
    """The same facts, read from the report's JSON."""
    overview = data["overview"]

    def figure(f: dict) -> dict:
        out = {"key": f["key"], "n": f["n"],
               "bars": [(b["code"] if f["kind"] != "coded" else b["label"], b["count"], b["mechanisms"])
                        for b in f["bars"]]}
        if f["kind"] == "select_multiple":
            out["cited_by_all"] = f["cited_by_all"]
        if f["kind"] in ("select_multiple", "repeat_category"):
            out["not_cited"] = len(f["not_cited"])
        return out

    return {
        **{k: overview[k] for k in ("questionnaire", "interview", "both", "any", "questionnaire_names",
                                    "mechanisms_total")},
        "regions": {(r["type"], r["region"]): (r["mechanisms"], r["responding"], r["responding_mechanisms"])
                    for r in data["regions"]},
        "figures": [figure(f) for f in data["figures"]],
        "coded_figures": [figure(f) for f in data["coded_figures"]],
    }


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


# --- the test -------------------------------------------------------------------------------

def test_every_figure_of_the_summary_is_computed_a_second_way(tmp_path: Path) -> None:
    template = tmp_path / "template.sqlite3"
    db, _ = open_database(str(template))
    for version in VERSIONS[1:]:
        forms.add_form(db, make_version(tmp_path, version))
    db.dispose()
    examples = count()

    # Heavy examples (a database, an import, a JSON and a PDF each): 5/8 of the profile's count
    # (25 by default, more with --hypothesis-profile thorough).
    @settings(max_examples=max(10, settings().max_examples * 5 // 8))
    @given(survey=surveys())
    def check(survey: dict) -> None:
        folder = tmp_path / f"example-{next(examples)}"
        folder.mkdir()
        path = folder / "study.sqlite3"
        shutil.copy(template, path)
        db, _ = open_database(str(path))
        try:
            load(db, survey, folder)
        finally:
            db.dispose()
        out = folder / "summary.json"
        assert main(["--db", str(path), "report", "summary", "--lang", "en", "--format", "json",
                     "--out", str(out)]) == 0
        data = json.loads(out.read_text(encoding="utf-8"))
        expected = expected_figures(path)
        got = reported(data)
        assert [f["key"] for f in got["figures"]] == list(FIGURE_ORDER)
        for exp, rep in zip(expected["figures"], got["figures"], strict=True):
            assert rep == {**exp, "bars": [(c, n, m) for c, n, m in exp["bars"]]}, exp["key"]
        assert got["coded_figures"] == expected["coded_figures"]
        assert got["regions"] == expected["regions"]
        for key in ("questionnaire", "interview", "both", "any", "questionnaire_names", "mechanisms_total"):
            assert got[key] == expected[key], key

        # The PDF shows the same numbers.
        pdf = folder / "summary.pdf"
        assert main(["--db", str(path), "report", "summary", "--lang", "en", "--out", str(pdf)]) == 0
        text = pdf_text(pdf)
        assert f"In total, {len(expected['any'])} of {expected['mechanisms_total']} mechanisms" in text
        for number, (exp, figure) in enumerate(zip(expected["figures"] + expected["coded_figures"],
                                                   data["figures"] + data["coded_figures"], strict=True), 1):
            assert figure["number"] == number
            assert f"Figure {number}: {figure['title']}" in text
            n_label = " ".join(figure["n_label"].split())  # no-break spaces read as spaces
            assert f"n = {exp['n']} " in n_label + " "
            if exp["n"]:  # an empty figure says nobody answered yet instead
                assert n_label in " ".join(text.split())
            labels = {(b["code"] if figure["kind"] != "coded" else b["label"]): b["label"] for b in figure["bars"]}
            for code, n, acronyms in exp["bars"]:
                if acronyms:
                    assert f"{labels[code]} {n} {', '.join(acronyms)}" in text, (exp["key"], code)

    check()
