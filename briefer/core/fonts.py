"""The DejaVu fonts that matplotlib ships, registered once with reportlab and svglib.

Contract: after `register_fonts()` the reportlab font names below exist (TTF, embedded in every
PDF), the families "DejaVuSans" and "DejaVuSerif" know their bold/italic faces (for `<b>`/`<i>`
in paragraphs), and svglib maps SVG text in "DejaVu Sans"/"DejaVu Serif" to them. The same files
serve matplotlib, so chart text measured by matplotlib is drawn with the same metrics in the PDF.
No fontconfig (`fc-match`) is ever consulted: `svg_font_map()` resolves every family, weight and
style itself, falling back to DejaVu Sans rather than Helvetica.

Importing this module is cheap: it imports neither pyplot nor reportlab until fonts are needed.
"""

from __future__ import annotations

import importlib.util
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from briefer.core.errors import BrieferError

if TYPE_CHECKING:
    from svglib.fonts import FontMap

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_ITALIC = "DejaVuSans-Oblique"
SANS_BOLD_ITALIC = "DejaVuSans-BoldOblique"
SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"
SERIF_ITALIC = "DejaVuSerif-Italic"
SERIF_BOLD_ITALIC = "DejaVuSerif-BoldItalic"

# SVG family name -> (normal, bold, italic, bold italic) reportlab names; the file of each face is
# "<reportlab name>.ttf" in matplotlib's font folder.
FAMILIES: dict[str, tuple[str, str, str, str]] = {
    "DejaVu Sans": (SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC),
    "DejaVu Serif": (SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD_ITALIC),
}
_VARIANTS: tuple[tuple[str, str], ...] = (  # (weight, style) of the faces above, in order
    ("normal", "normal"),
    ("bold", "normal"),
    ("normal", "italic"),
    ("bold", "italic"),
)
_SERIF_ALIASES = frozenset({"dejavu serif", "dejavuserif", "serif", "times", "times new roman", "times-roman"})

_lock = threading.Lock()
_registered = False


class FontError(BrieferError):
    """The DejaVu fonts are missing from the matplotlib installation."""


@cache
def font_dir() -> Path:
    """The folder holding matplotlib's bundled TTF files (found without importing matplotlib)."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or spec.origin is None:
        raise FontError.of("font-no-matplotlib")
    return Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"


def font_path(rl_name: str) -> Path:
    """The TTF file of a reportlab font name above, e.g. SANS_BOLD -> .../DejaVuSans-Bold.ttf."""
    path = font_dir() / f"{rl_name}.ttf"
    if not path.is_file():
        raise FontError.of("font-missing", path=path)
    return path


def register_fonts() -> None:
    """Register every DejaVu face with reportlab and svglib. Idempotent and thread-safe."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase.pdfmetrics import registerFontFamily
        from svglib.fonts import register_font

        for family, faces in FAMILIES.items():
            for rl_name, (weight, style) in zip(faces, _VARIANTS, strict=True):
                _, ok = register_font(family, str(font_path(rl_name)), weight, style, rlgFontName=rl_name)
                if not ok:
                    raise FontError.of("font-unreadable", path=font_path(rl_name))
            normal, bold, italic, bold_italic = faces
            registerFontFamily(normal, normal=normal, bold=bold, italic=italic, boldItalic=bold_italic)
            for rl_name in faces:  # so <b> inside a paragraph set in DejaVuSans-Bold stays DejaVu
                addMapping(rl_name, 0, 0, normal)
                addMapping(rl_name, 1, 0, bold)
                addMapping(rl_name, 0, 1, italic)
                addMapping(rl_name, 1, 1, bold_italic)
        _registered = True



def face(family: str = "DejaVu Sans", weight: str = "normal", style: str = "normal") -> str:
    """The reportlab name for an SVG/CSS font description; unknown families get DejaVu Sans.

    `weight` may be "bold", "bolder" or a CSS number (600 and above count as bold); `style`
    "italic" or "oblique" selects the italic face.
    """
    key = family.strip().strip("'\"").lower()
    faces = FAMILIES["DejaVu Serif"] if key in _SERIF_ALIASES else FAMILIES["DejaVu Sans"]
    bold = _is_bold(weight)
    italic = style.strip().lower() in ("italic", "oblique")
    return faces[int(bold) + 2 * int(italic)]


def _is_bold(weight: str | int) -> bool:
    text = str(weight).strip().lower()
    if text.isdigit():
        return int(text) >= 600
    return text in ("bold", "bolder")


@cache
def svg_font_map() -> FontMap:
    """An svglib font map that resolves every family to a registered DejaVu face, offline.

    Pass it to `svg2rlg(..., font_map=svg_font_map())`. Unlike svglib's global map it understands
    numeric weights (matplotlib writes `font-weight: 700`) and never shells out to fontconfig.
    """
    register_fonts()
    from svglib.fonts import FontMap

    class DejaVuFontMap(FontMap):
        def find_font(self, font_name: str, weight: str = "normal", style: str = "normal") -> tuple[str, bool]:
            return face(font_name, weight, style), True

    return DejaVuFontMap()
