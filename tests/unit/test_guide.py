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


def test_the_screenshots_are_small_pngs_made_in_their_guide_s_language() -> None:
    """Each image the guide shows is a PNG the screenshot command made in the guide's own
    language (it writes the language into the file), at most as wide as the guide window;
    both guides show the same screens, one per section at most, under 2 MB in all."""
    from PIL import Image

    from mcim_desk.devtools.screenshots import GUIDE_IMAGE, GUIDE_MAX_WIDTH

    screens: dict[str, list[str]] = {}
    total = 0
    for lang in ("fr", "en"):
        guide = load_guide(lang)
        images = guide.images()
        assert 8 <= len(images) <= len(guide.sections), lang
        for section in guide.sections:
            assert sum(b.kind == "img" for b in section.blocks) <= 1, (lang, section.id)
        screens[lang] = []
        for image in images:
            match = GUIDE_IMAGE.match(image)
            assert match is not None and match["lang"] == lang, (lang, image)
            screens[lang].append(match["scene"])
            path = resource_path("resources", "guide", image)
            assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", image
            with Image.open(path) as png:
                png.verify()
            with Image.open(path) as png:
                assert png.format == "PNG" and png.text.get("Language") == lang, (image, png.text)
                assert png.text.get("Screen") == match["scene"]
                assert 200 <= png.width <= GUIDE_MAX_WIDTH and png.height >= 100, image
            total += path.stat().st_size
    assert screens["fr"] == screens["en"]
    assert total < 2_000_000


def test_text_is_escaped_in_both_outputs() -> None:
    guide = parse("# T <x>\n\n## S & co {#first-start}\n\n- a <img src=x> *File > Quit* `--db <url>`\n  and more\n\nPara **b**.\n"
                  "\n![A <b>'window'</b>](images/x'y.png)\n")
    html = to_html(guide)
    assert "<h1>T &lt;x&gt;</h1>" in html
    assert "<a name='first-start'></a><h2>S &amp; co</h2>" in html
    assert "<li>a &lt;img src=x&gt; <i>File &gt; Quit</i> <code>--db &lt;url&gt;</code> and more</li>" in html
    assert "<p>Para <b>b</b>.</p>" in html
    assert "<img src='images/x&#x27;y.png' alt='A &lt;b&gt;&#x27;window&#x27;&lt;/b&gt;'>" in html
    assert guide.images() == ["images/x'y.png"]
    assert guide.section("first-start").blocks[-1].kind == "img"
    assert guide.menu_references() == [("File", "Quit")]
    assert inline_reportlab("x <y> *z*", escape_text) == "x &lt;y&gt; <i>z</i>"
