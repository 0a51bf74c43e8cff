"""Table helpers shared by the sections: one restrained look for every data table.

Contract: `data_table(rows, widths)` returns a Table whose cells should be Paragraphs (so text
wraps inside its column and nothing overflows); the first row is a header repeated after every
page break; rules are light; the font of any bare string cell is DejaVu.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Table, TableStyle

from briefer.core import fonts
from briefer.core.pdf.styles import NAVY, RULE

# Tables of free text (quotations, key messages, references) may split a row across pages, leaving
# at least this many points on each side. Data tables never do: their cells are kept short instead.
SPLIT_IN_ROW = 30


def data_table(rows: Sequence[Sequence[Flowable | str]], widths: Sequence[float], header: bool = True) -> Table:
    """A full-width table with a header rule, light row rules and top-aligned cells.

    Rows are never split across pages, so callers keep every cell well below a page in height.
    """
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0,
                  hAlign="LEFT", splitByRow=1)
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.SANS, 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [
            ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, NAVY),
        ]
    table.setStyle(TableStyle(commands))
    return table


def table_style(commands: Sequence[tuple[object, ...]]) -> TableStyle:
    """A TableStyle that starts by setting DejaVu for every cell.

    Without a FONT command a Table emits `/Helvetica 10 Tf` for each cell, even when every cell
    is a Paragraph, and reportlab then adds an unembedded Helvetica to the PDF.
    """
    return TableStyle([("FONT", (0, 0), (-1, -1), fonts.SANS, 9), *commands])


def share_widths(total: float, weights: Sequence[float]) -> list[float]:
    """Column widths proportional to `weights`, summing to `total`."""
    whole = sum(weights)
    return [total * w / whole for w in weights]
