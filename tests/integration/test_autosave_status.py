"""The autosave's status shortcut (services/response_common._refresh ``own``): an answer that no
other question's relevance, requirement or validity reads moves the status only with its own
problem, so the whole form is walked only then. After every save of a long mixed sequence
(required answers given and cleared, an invalid date, skip-logic answers, free text), the stored
status is the one a full check of the stored answers gives."""

from __future__ import annotations

import random

from mcim_desk.forms.engine import FormState, affects_others
from mcim_desk.services import responses

# (path, values); None clears. q18 has a constraint (. >= 2018-01-01), q1 and submitted_by are
# required, q4 drives skip logic, q14 is free text nobody else reads.
CHOICES = [
    ("section_1/q1", ["Processus de Bali", None]),
    ("section_2/q4", ["oui", "non", "en_cours", None]),
    ("submission/submitted_by", ["Secrétariat", None]),
    ("section_3/q17", ["oui", "non", None]),  # q18 is asked when q17 is "oui"
    ("section_3/q18", ["2018-03-01", "2017-12-31", None]),
    ("section_3/q14", ["Déclaration commune", "", None]),
    ("section_2/q5", ["plan d’action", None]),
]


def test_the_stored_status_is_always_the_full_checks(db, questionnaire) -> None:  # noqa: ANN001
    definition = responses.load_response(db, questionnaire.id).definition
    assert not affects_others(definition, "section_3/q14")  # the shortcut is taken for these
    assert not affects_others(definition, "submission/submitted_by")
    assert affects_others(definition, "section_2/q4")  # and not for this one
    rng = random.Random(15)
    statuses = set()
    for _ in range(80):
        path, values = rng.choice(CHOICES)
        result = responses.save_answer(db, questionnaire.id, path, rng.choice(values), "tester")
        loaded = responses.load_response(db, questionnaire.id)
        expected = "complete" if FormState(definition, loaded.answers).is_complete() else "draft"
        assert result.status == expected == loaded.info.status, (path, loaded.answers)
        statuses.add(expected)
    assert statuses == {"draft", "complete"}  # both directions were taken


def test_completing_by_a_last_answer_nobody_reads(db, questionnaire) -> None:  # noqa: ANN001
    for path, value in [("section_1/q1", "Processus de Bali"), ("section_2/q4", "non"),
                        ("section_3/q17", "oui")]:
        assert responses.save_answer(db, questionnaire.id, path, value, "tester").status == "draft"
    done = responses.save_answer(db, questionnaire.id, "submission/submitted_by", "Secrétariat", "tester")
    assert done.status == "complete"
    same = responses.save_answer(db, questionnaire.id, "submission/submitted_by", "Le secrétariat", "tester")
    assert same.status == "complete"
    invalid = responses.save_answer(db, questionnaire.id, "section_3/q18", "2017-12-31", "tester")
    assert invalid.status == "draft"  # an invalid date keeps it from being complete
    assert responses.save_answer(db, questionnaire.id, "section_3/q18", "2018-12-31", "tester").status == "complete"
    cleared = responses.save_answer(db, questionnaire.id, "submission/submitted_by", None, "tester")
    assert cleared.status == "draft"


def test_an_autosave_audit_row_names_the_installation(db, questionnaire) -> None:  # noqa: ANN001
    from sqlalchemy import text

    responses.save_answer(db, questionnaire.id, "section_3/q14", "Déclaration", "tester")
    with db.engine.connect() as conn:
        installation = conn.execute(text("SELECT value FROM setting WHERE key = 'installation_id'")).scalar()
        rows = conn.execute(text("SELECT installation_id FROM audit_log WHERE entity_id = :rid AND field = "
                                 "'section_3/q14'"), {"rid": questionnaire.id}).all()
    assert installation and rows == [(installation,)]
