"""French typography in everything a French user reads: the guide and the catalogue use
typographic apostrophes, and the space before ? ! : ; and inside « » never breaks (so a line
never starts with a lone « ? »)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from mcim_desk.domain.guide import parse
from mcim_desk.services.guide import load_guide

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "i18n" / "mcim_desk_fr.ts"
GUIDE = ROOT / "resources" / "guide" / "fr.md"

NO_BREAK = "\u00a0\u202f"
_CODE = re.compile(r"`[^`]*`|\w+\('[^']*'\)")  # `code`, and XPath calls such as pulldata('x')


def faults(text: str) -> list[str]:
    """The places where ``text`` breaks French typography, each with a little context."""
    text = _CODE.sub("", text)
    text = re.sub(r"(?m)^!\[", "[", text)  # the ! that opens a Markdown image line
    rules = (
        (r"\w'\w", "straight apostrophe"),
        (r"[ \t\n][?!:;]", "breakable space before ? ! : ;"),
        (r"«[ \t\n]|[ \t\n]»", "breakable space inside « »"),
    )
    found = []
    for pattern, what in rules:
        for m in re.finditer(pattern, text):
            found.append(f"{what}: …{text[max(0, m.start() - 20):m.end() + 5]}…")
    return found


def test_the_rules_find_what_they_are_meant_to_find() -> None:
    assert len(faults("l'entrée « lot » ? oui ; non : peut-être !")) == 7
    assert faults("l’entrée «\u00a0lot\u00a0»\u202f? oui\u202f; non\u00a0: `a ; b` pulldata('x')") == []


def test_the_french_guide_follows_french_typography() -> None:
    found = faults(GUIDE.read_text(encoding="utf-8"))
    assert not found, found[:5]


def test_every_french_translation_follows_french_typography() -> None:
    found = []
    for message in ET.parse(CATALOGUE).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("obsolete", "vanished"):
            continue
        for form in translation.findall("numerusform") or [translation]:
            found += faults(form.text or "")
    assert not found, f"{len(found)} faults, first: {found[:5]}"


def test_the_guide_keeps_its_no_break_spaces() -> None:
    guide = parse("# T\n\n## S {#first-start}\n\n- Ouvrez-le\u00a0: oui\u202f?\n  suite\u202f!\n\nFin\u00a0: là\u202f;\nlà.\n")
    assert guide.sections[0].blocks[0].items == ("Ouvrez-le\u00a0: oui\u202f? suite\u202f!",)
    assert guide.sections[0].blocks[1].items == ("Fin\u00a0: là\u202f; là.",)
    shown = " ".join(load_guide("fr").texts())
    assert "écran\u202f;" in shown and "une seule fois\u00a0:" in shown


def test_quotation_marks_and_spacing_by_language() -> None:
    from mcim_desk.domain.typography import for_language, quoted

    assert quoted("sans budget", "fr") == "«\u00a0sans budget\u00a0»"
    assert quoted("no budget", "en") == "“no budget”"
    assert for_language("qu'apporte votre MCIM ? Oui : « non »", "fr") == \
        "qu’apporte votre MCIM\u202f? Oui\u00a0: «\u00a0non\u00a0»"
    assert for_language("the ISCM's role: what?", "en") == "the ISCM’s role: what?"
    assert for_language("pulldata('x') et ${q1}", "fr") == "pulldata('x') et ${q1}"


def test_form_labels_keep_the_typography_pyxform_takes_away() -> None:
    # pyxform turns ’ into ' and collapses no-break spaces; a question's last « ? » then
    # wrapped alone onto a line, and the interview guide read l'OIM beside l’étude
    from mcim_desk.forms.loader import load_xlsform

    form = load_xlsform(ROOT / "resources" / "forms" / "mcim_interview_2018.md")
    q4 = next(q for q in form.iter_questions() if q.name == "q4")
    assert "qu’apporte" in q4.label("fr") and q4.label("fr").endswith("mondial\u202f?")
    assert "'" not in q4.label("en")
    found = [f for q in form.iter_questions() for f in faults(q.label("fr"))]
    assert not found, found[:5]


def test_captions_keep_the_no_break_spaces() -> None:
    # the import plan listed « …le Pacte mondial » then a lone « ? » on the next line
    from mcim_desk.domain.typography import one_line
    from mcim_desk.forms.captions import question_caption
    from mcim_desk.forms.loader import load_xlsform

    assert one_line(" a\n b\u202f?\t c\u00a0: ") == "a b\u202f? c\u00a0:"
    form = load_xlsform(ROOT / "resources" / "forms" / "mcim_questionnaire_2018.md")
    path = next(q.path for q in form.iter_questions() if q.name == "q12")
    assert question_caption(form, path, "fr").endswith("Pacte mondial\u202f?")


def test_the_english_guide_uses_typographic_apostrophes_too() -> None:
    text = _CODE.sub("", (ROOT / "resources" / "guide" / "en.md").read_text(encoding="utf-8"))
    assert not re.findall(r"\w'\w", text)


def test_the_bundled_forms_have_an_english_title() -> None:
    # English screens (the response history, the import plan) named the forms in French
    from mcim_desk.forms.loader import load_xlsform

    for name in ("mcim_questionnaire_2018", "mcim_interview_2018"):
        form = load_xlsform(ROOT / "resources" / "forms" / f"{name}.md")
        assert form.title("en").startswith("The role of inter-State consultation mechanisms"), name
        assert form.title("fr").startswith("Rôle des mécanismes consultatifs"), name
