"""The user guide's files: every section in both languages, every image it shows present,
text escaped in both outputs."""

from __future__ import annotations

from mcim_desk.domain.guide import SECTION_IDS, inline_reportlab, parse, to_html
from mcim_desk.paths import resource_path
from mcim_desk.reports.pdf import escape_text
from mcim_desk.services.guide import load_guide


def test_every_section_in_both_languages() -> None:
    for lang in ("fr", "en"):
        guide = load_guide(lang)
        assert tuple(s.id for s in guide.sections) == SECTION_IDS, lang
        for section in guide.sections:
            assert section.title and section.blocks, (lang, section.id)
    fr, en = load_guide("fr"), load_guide("en")
    assert fr.title == "MCIM Desk — guide d’utilisation" and en.title == "MCIM Desk — user guide"
    assert fr.section("bundles").title == "Échanger des lots et résoudre les conflits"


def test_every_image_the_guide_shows_exists() -> None:
    for lang in ("fr", "en"):
        for image in load_guide(lang).images():
            assert resource_path("resources", "guide", image).is_file(), (lang, image)


def test_text_is_escaped_in_both_outputs() -> None:
    guide = parse("# T <x>\n\n## S & co {#first-start}\n\n- a <img src=x> *File > Quit* `--db <url>`\n  and more\n\nPara **b**.\n")
    html = to_html(guide)
    assert "<h1>T &lt;x&gt;</h1>" in html
    assert "<a name='first-start'></a><h2>S &amp; co</h2>" in html
    assert "<li>a &lt;img src=x&gt; <i>File &gt; Quit</i> <code>--db &lt;url&gt;</code> and more</li>" in html
    assert "<p>Para <b>b</b>.</p>" in html
    assert guide.menu_references() == [("File", "Quit")]
    assert inline_reportlab("x <y> *z*", escape_text) == "x &lt;y&gt; <i>z</i>"
