"""Charts as real artefacts: SVG parsed back, PNG headers, reportlab drawings walked for fonts,
a PDF read back with pypdf, and the import footprint checked in a fresh interpreter."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from briefer.core import charts
from briefer.core.charts import chart_drawing, chart_figure, chart_png, chart_svg
from briefer.core.charts.markers import place_labels
from briefer.core.charts.style import aligned_ticks, text_width, wrap
from briefer.core.domain import ChartData, KeyDate, Series
from briefer.core.fonts import FAMILIES, SANS, SANS_BOLD, face, register_fonts, svg_font_map

ROOT = Path(__file__).resolve().parents[2]
SVG_NS = "{http://www.w3.org/2000/svg}"
DEJAVU = {name for faces in FAMILIES.values() for name in faces}

RES_2690 = KeyDate(dt.date(2023, 6, 30), "UNSC Resolution 2690 ends MINUSMA mandate",
                   "Résolution 2690 : fin du mandat de la MINUSMA")
WITHDRAWAL = KeyDate(dt.date(2023, 12, 31), "MINUSMA withdrawal deadline", "Date limite du retrait de la MINUSMA")
ADMIN1 = ("Mopti", "Timbuktu", "Gao", "Segou", "Menaka", "Kidal")
ACTORS = (
    "Military Forces of Mali (2021-)",
    "Wagner Group",
    "JNIM: Group for Support of Islam and Muslims",
    "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development",
)


def timeline(lang: str = "en") -> ChartData:
    """30 weekly buckets of Mali events, June–December 2023, with two key dates."""
    start = dt.date(2023, 6, 5)
    dates = tuple(start + dt.timedelta(weeks=i) for i in range(30))
    events = tuple(float(20 + round(9 * math.sin(i / 3)) + (i * 7) % 11) for i in range(30))
    deaths = tuple(float(round(e * (1.5 + (i % 4) * 0.4))) for i, e in enumerate(events))
    names = ("Events", "Fatalities") if lang == "en" else ("Événements", "Décès")
    return ChartData(
        key="events-over-time", kind="timeline", title="Events per week", caption="", source_line="ACLED",
        categories=(), series=(Series(names[0], events), Series(names[1], deaths)), dates=dates,
        markers=(RES_2690, WITHDRAWAL),
    )


def bars(categories: tuple[str, ...] = ADMIN1, values: tuple[float, ...] | None = None, n_series: int = 1) -> ChartData:
    values = values or tuple(float(400 - 61 * i) for i in range(len(categories)))
    series = tuple(Series(f"Series {k + 1}", tuple(v * (k + 1) for v in values)) for k in range(n_series))
    return ChartData(key="by-region", kind="bars", title="Events by region", caption="", source_line="ACLED",
                     categories=categories, series=series, value_label="Events")


def empty_timeline() -> ChartData:
    dates = tuple(dt.date(2023, 6, 5) + dt.timedelta(weeks=i) for i in range(30))
    return ChartData(key="e", kind="timeline", title="", caption="", source_line="", categories=(),
                     series=(Series("Events", (0.0,) * 30),), dates=dates)


def empty_bars() -> ChartData:
    return ChartData(key="e", kind="bars", title="", caption="", source_line="", categories=(), series=())


def svg_texts(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(node.itertext()) for node in root.iter(f"{SVG_NS}text")]


def walk(node):  # type: ignore[no-untyped-def]
    yield node
    for child in getattr(node, "contents", ()):
        yield from walk(child)


# --- SVG ---------------------------------------------------------------------------------------


def test_bar_svg_parses_and_keeps_category_labels_as_text() -> None:
    texts = svg_texts(chart_svg(bars(), "en", 6.3, 2.8))
    for name in ADMIN1:
        assert name in texts
    assert "400" in texts and "Events" in texts


def test_long_actor_names_are_wrapped_not_lost() -> None:
    texts = svg_texts(chart_svg(bars(ACTORS), "en", 6.3, 2.8))
    joined = " ".join(texts)
    assert "Military Forces of Mali (2021-)" in joined
    assert "JNIM: Group for Support" in joined and "Islam and Muslims" in joined
    assert "CSP-PSD: Permanent Strategic" in joined  # the acronym and the start of the name survive


def test_svg_text_is_dejavu_sans_and_sized_8_to_9_pt() -> None:
    svg = chart_svg(timeline(), "en", 6.3, 2.8).decode()
    root = ET.fromstring(svg)
    assert root.get("width") == "453.6pt"
    for node in root.iter(f"{SVG_NS}text"):
        style = node.get("style", "")
        assert "font-family: 'DejaVu Sans'" in style
        size = float(style.split("font-size: ")[1].split("px")[0])
        assert 8 <= size <= 9, style


def test_same_input_gives_identical_svg_bytes() -> None:
    first = chart_svg(timeline(), "en", 6.3, 2.8)
    charts.clear_cache()
    second = chart_svg(timeline(), "en", 6.3, 2.8)
    assert first == second
    assert b"<dc:date>" not in first


def test_french_timeline_has_french_months_and_numbers() -> None:
    texts = svg_texts(chart_svg(timeline("fr"), "fr", 6.3, 2.8))
    joined = " ".join(texts)
    assert "juil." in joined and "déc." in joined and "août" in joined
    assert "Événements" in joined and "Décès" in joined
    assert "Jul" not in joined


def test_english_timeline_has_markers_and_year() -> None:
    joined = " ".join(svg_texts(chart_svg(timeline(), "en", 6.3, 2.8)))
    assert "Jul" in joined and "2023" in joined
    chart = timeline()
    numbers = [t for t in svg_texts(chart_svg(chart, "en", 6.3, 2.8)) if t.isdigit() and len(t) == 1]
    inside = [m for m in chart.markers if chart.dates[0] <= m.day]
    assert set(numbers) >= {str(n) for n in range(1, len(inside) + 1)}  # markers are numbered; the PDF prints the key


def test_thousands_separators_follow_the_language() -> None:
    chart = bars(("Mopti", "Kidal"), (12345.0, 7.0))
    assert "12,345" in svg_texts(chart_svg(chart, "en", 6.3, 2.8))
    assert "12\u202f345" in svg_texts(chart_svg(chart, "fr", 6.3, 2.8))


def test_grouped_bars_show_every_series_and_value() -> None:
    texts = svg_texts(chart_svg(bars(ADMIN1[:3], (10.0, 20.0, 30.0), n_series=2), "en", 6.3, 2.8))
    assert {"Series 1", "Series 2", "10", "20", "30", "40", "60"} <= set(texts)


def test_dollar_sign_in_a_label_is_text_not_mathtext() -> None:
    texts = svg_texts(chart_svg(bars(("Group $A$", "B"), (3.0, 2.0)), "en", 6.3, 2.8))
    assert "Group $A$" in texts


@pytest.mark.parametrize(("chart", "lang", "message"), [
    (empty_timeline(), "en", "No events recorded"),
    (empty_bars(), "fr", "Aucun événement enregistré"),
    (bars(("Mopti",), (0.0,)), "en", "No events recorded"),
])
def test_empty_chart_renders_with_a_message(chart: ChartData, lang: str, message: str) -> None:
    assert message in svg_texts(chart_svg(chart, lang, 6.3, 2.8))
    assert chart_png(chart, lang, 6.3, 2.8).startswith(b"\x89PNG")
    drawing = chart_drawing(chart, lang, 450, 200)
    assert any(getattr(n, "text", None) == message for n in walk(drawing))


def test_mismatched_series_is_a_clear_error() -> None:
    chart = ChartData(key="x", kind="bars", title="", caption="", source_line="", categories=("a", "b"),
                      series=(Series("s", (1.0,)),))
    with pytest.raises(ValueError, match="1 values for 2 categories"):
        chart_svg(chart, "en", 6.3, 2.8)


def test_global_matplotlib_settings_are_left_alone() -> None:
    import matplotlib

    before = {k: matplotlib.rcParams[k] for k in ("svg.fonttype", "font.family", "svg.hashsalt", "font.size")}
    chart_svg(bars(), "fr", 5.0, 2.0)
    chart_figure(timeline(), "en")
    assert {k: matplotlib.rcParams[k] for k in before} == before


# --- PNG and Figure ----------------------------------------------------------------------------


def test_png_has_the_requested_pixel_size() -> None:
    png = chart_png(timeline(), "en", 6.3, 2.8, dpi=200)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1260, 560)


def test_chart_figure_is_a_plain_figure_of_the_given_size() -> None:
    from matplotlib.figure import Figure

    fig = chart_figure(bars(), "en", 5.0, 2.5)
    assert isinstance(fig, Figure)
    assert tuple(fig.get_size_inches()) == (5.0, 2.5)
    assert not fig.texts or all(t.get_text() != "Events by region" for t in fig.texts)  # titles belong to the PDF


# --- reportlab drawing -------------------------------------------------------------------------


def test_drawing_has_the_requested_size_and_only_dejavu_text() -> None:
    from reportlab.graphics.shapes import String

    for chart, lang in ((timeline("fr"), "fr"), (bars(ACTORS, n_series=2), "en"), (empty_timeline(), "en")):
        drawing = chart_drawing(chart, lang, 453.0, 200.0)
        assert (drawing.width, drawing.height) == (453.0, 200.0)
        assert drawing.initialFontName == SANS
        strings = [n for n in walk(drawing) if isinstance(n, String)]
        assert strings
        assert {s.fontName for s in strings} <= DEJAVU
        assert all(8 <= s.fontSize <= 9 for s in strings)


def test_drawing_is_a_fresh_copy_each_time() -> None:
    first = chart_drawing(bars(), "en", 400, 180)
    second = chart_drawing(bars(), "en", 400, 180)
    assert first is not second
    first.scale(0.5, 0.5)
    assert second.transform == (1, 0, 0, 1, 0, 0)
    assert first.contents[0] is not second.contents[0]


def test_pdf_with_charts_embeds_dejavu_and_no_other_font(tmp_path: Path) -> None:
    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    out = tmp_path / "charts.pdf"
    canvas = Canvas(str(out), initialFontName=SANS)
    chart_drawing(timeline("fr"), "fr", 453, 200).drawOn(canvas, 70, 560)
    chart_drawing(bars(ACTORS), "fr", 453, 200).drawOn(canvas, 70, 300)
    canvas.save()
    page = PdfReader(str(out)).pages[0]
    fonts = {f.get_object()["/BaseFont"]: f.get_object() for f in page["/Resources"]["/Font"].values()}
    assert fonts and all(name.split("+")[-1].startswith("DejaVuSans") for name in fonts)
    assert all("/FontFile2" in f["/FontDescriptor"].get_object() for f in fonts.values())  # embedded TrueType
    text = page.extract_text()
    assert "juil." in text and "Wagner Group" in text


# --- fonts -------------------------------------------------------------------------------------


def test_fonts_register_once_and_resolve_css_weights() -> None:
    from reportlab.pdfbase.pdfmetrics import getFont

    register_fonts()
    register_fonts()
    assert getFont(SANS_BOLD).fontName == SANS_BOLD
    fmap = svg_font_map()
    assert fmap.find_font("DejaVu Sans", "700") == (SANS_BOLD, True)
    assert fmap.find_font("DejaVu Sans", "normal", "italic")[0] == "DejaVuSans-Oblique"
    assert fmap.find_font("Helvetica")[0] == SANS  # never the unembedded standard font
    assert face("serif", "bold", "italic") == "DejaVuSerif-BoldItalic"


def test_svglib_global_map_knows_dejavu() -> None:
    from svglib.fonts import find_font

    register_fonts()
    assert find_font("DejaVu Sans") == (SANS, True)
    assert find_font("DejaVu Sans", "bold") == (SANS_BOLD, True)


# --- layout helpers ----------------------------------------------------------------------------


def test_wrap_keeps_two_balanced_lines_and_shortens_beyond() -> None:
    assert wrap("Wagner Group", 160) == "Wagner Group"
    jnim = wrap("JNIM: Group for Support of Islam and Muslims", 120).split("\n")
    assert len(jnim) == 2 and all(text_width(line) <= 120 for line in jnim)
    csp = wrap(ACTORS[3], 120).split("\n")
    assert len(csp) == 2 and csp[0].startswith("CSP-PSD:") and csp[1].endswith("…")


def test_key_date_labels_do_not_overlap() -> None:
    xs, widths = [10.0, 30.0, 40.0, 380.0, 395.0], [90.0, 60.0, 60.0, 80.0, 80.0]
    places = place_labels(xs, widths, 400.0)
    for i, a in enumerate(places):
        assert 0 <= a.left and a.right <= 400
        for b in places[i + 1 :]:
            assert a.level != b.level or a.right <= b.left or b.right <= a.left


def test_two_axes_share_one_grid() -> None:
    left, right = aligned_ticks(52, 330)
    assert len(left) == len(right) and left[-1] >= 52 and right[-1] >= 330
    assert left[-1] / 52 < 1.3 and right[-1] / 330 < 1.3


# --- import footprint and cross-process determinism --------------------------------------------


def test_import_loads_neither_pyplot_nor_qt_and_output_is_stable_across_processes() -> None:
    code = f"""
import hashlib, json, sys
sys.path.insert(0, {str(ROOT / 'tests' / 'core')!r})
import briefer.core.charts, briefer.core.fonts
loaded_on_import = sorted(m for m in sys.modules if m.startswith(("matplotlib", "PySide6")))
from test_charts import timeline
from briefer.core.charts import chart_svg, chart_drawing
svg = chart_svg(timeline("fr"), "fr", 6.3, 2.8)
chart_drawing(timeline("fr"), "fr", 453, 200)
print(json.dumps({{"on_import": loaded_on_import, "sha": hashlib.sha256(svg).hexdigest(),
                  "pyplot": "matplotlib.pyplot" in sys.modules,
                  "qt": any(m.startswith("PySide6") for m in sys.modules)}}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["on_import"] == []  # matplotlib is imported lazily, on first render
    assert report["pyplot"] is False and report["qt"] is False
    assert report["sha"] == hashlib.sha256(chart_svg(timeline("fr"), "fr", 6.3, 2.8)).hexdigest()


def test_rendering_is_cached_by_input() -> None:
    charts.clear_cache()
    chart = bars()
    chart_svg(chart, "en", 6.3, 2.8)
    chart_svg(chart, "en", 6.3, 2.8)
    assert charts._svg.cache_info().hits >= 1
    assert io.BytesIO(chart_png(chart, "en", 6.3, 2.8)).getvalue() == chart_png(chart, "en", 6.3, 2.8)


def test_negative_values_are_refused() -> None:
    with pytest.raises(ValueError, match="non-negative"):
        chart_svg(bars(("a", "b"), (3.0, -1.0)), "en", 6.3, 2.8)


def test_disk_cache_serves_a_rebuild_without_matplotlib(tmp_path: Path) -> None:
    """A second process asking for the same chart gets identical SVG with matplotlib unimportable."""
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = (
        "import sys, hashlib\n"
        "{block}"
        "sys.path.insert(0, {tests!r})\n"
        "from test_charts import timeline\n"
        "from briefer.core.charts import chart_svg\n"
        "print(hashlib.sha256(chart_svg(timeline(), 'en', 6.3, 2.8)).hexdigest())\n"
    )
    tests = str(Path(__file__).parent)
    first = subprocess.run([sys.executable, "-c", code.format(block="", tests=tests)], env=env,
                           capture_output=True, text=True, check=True).stdout
    blocked = "sys.modules['matplotlib'] = None\n"
    second = subprocess.run([sys.executable, "-c", code.format(block=blocked, tests=tests)], env=env,
                            capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stderr
    assert second.stdout == first
    assert list((tmp_path / "briefer" / "charts").glob("*.svg"))


def test_names_from_the_data_are_printed_verbatim_in_french() -> None:
    texts = " ".join(svg_texts(chart_svg(bars(ACTORS[:3], (30.0, 20.0, 10.0)), "fr", 6.3, 2.8)))
    assert "JNIM: Group" in texts and "JNIM\u00a0:" not in texts
