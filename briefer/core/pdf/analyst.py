"""The analyst's own input: the outlook section, the risk matrix and the overall-trend badge.

Contract: `outlook(ctx)` and `risk_matrix(ctx)` return their section (heading first) or [] when
the analyst left it empty. The risk matrix is a 5 × 5 grid, impact up and likelihood across,
each cell tinted by its level (likelihood × impact: low 1–4, moderate 5–9, high 10–16, very high
20–25) and carrying the numbers of the threats placed in it, followed by the numbered list of
threats with their likelihood, impact and level in words. `trend_badge(ctx)` is the
CrisisWatch-style overall trend for the cover (deteriorated ↓ red, unchanged → grey, improved
↑ green). Analyst text is escaped like any other text.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from briefer.core.domain import RISK_SCALE, Risk
from briefer.core.pdf.context import Context
from briefer.core.pdf.styles import GREY, NAVY, RULE
from briefer.core.pdf.tables import SPLIT_IN_ROW, data_table, share_widths, table_style

LEVELS: tuple[tuple[int, str, str], ...] = (  # highest score of the level, label key, tint
    (4, "level-low", "#CFE8D2"),
    (9, "level-moderate", "#FBE7A6"),
    (16, "level-high", "#F6B97A"),
    (25, "level-very-high", "#E8837A"),
)
TRENDS: dict[str, tuple[str, str]] = {  # arrow, colour
    "deteriorated": ("↓", "#B03A2E"),
    "unchanged": ("→", "#5B6770"),
    "improved": ("↑", "#1E7B4F"),
}
AXIS_WIDTH = 30 * mm
CELL_HEIGHT = 11 * mm


def level(score: int) -> tuple[str, str]:
    """The label key and tint of a likelihood × impact score."""
    return next((key, tint) for top, key, tint in LEVELS if score <= top)


# --- Outlook -------------------------------------------------------------------------------------


def outlook(ctx: Context) -> list[Flowable]:
    """The outlook, one paragraph per blank-line separated block."""
    text = ctx.briefing.outlook.strip()
    if not text:
        return []
    blocks = [" ".join(b.split()) for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return [ctx.heading(ctx.t("outlook")), *(ctx.para(b, "body") for b in blocks)]


# --- Risk matrix ---------------------------------------------------------------------------------


def risk_matrix(ctx: Context) -> list[Flowable]:
    risks = ctx.briefing.risks
    if not risks:
        return []
    leading = [ctx.heading(ctx.t("risk-matrix")), ctx.para(ctx.t("risk-intro"), "intro")]
    return [KeepTogether([*leading, _grid(ctx, risks)]), Spacer(1, 4 * mm), _list(ctx, risks)]


def _grid(ctx: Context, risks: tuple[Risk, ...]) -> Table:
    cell_width = (ctx.width - AXIS_WIDTH) / len(RISK_SCALE)
    centred = ParagraphStyle("risk-cell", parent=ctx.styles["td-strong"], fontSize=10, leading=12, alignment=TA_CENTER)
    rows: list[list[Flowable | str]] = []
    commands: list[tuple[object, ...]] = []
    for r, impact in enumerate(reversed(RISK_SCALE)):
        row: list[Flowable | str] = [ctx.para(f"{impact} {ctx.t(f'impact-{impact}')}", "td-small")]
        for c, likelihood in enumerate(RISK_SCALE, 1):
            numbers = [str(n) for n, risk in enumerate(risks, 1) if (risk.likelihood, risk.impact) == (likelihood, impact)]
            row.append(Paragraph("  ".join(numbers), centred) if numbers else "")
            commands.append(("BACKGROUND", (c, r), (c, r), colors.HexColor(level(likelihood * impact)[1])))
        rows.append(row)
    rows.append([ctx.para(ctx.t("risk-axes"), "td-small"),
                 *(ctx.para(f"{n} {ctx.t(f'likelihood-{n}')}", "td-small") for n in RISK_SCALE)])
    table = Table(rows, colWidths=[AXIS_WIDTH, *([cell_width] * len(RISK_SCALE))],
                  rowHeights=[CELL_HEIGHT] * len(RISK_SCALE) + [None], hAlign="LEFT")
    table.setStyle(table_style([
        *commands,
        ("GRID", (1, 0), (-1, len(RISK_SCALE) - 1), 1.2, colors.white),
        ("LINEAFTER", (0, 0), (0, len(RISK_SCALE) - 1), 0.8, GREY),
        ("LINEBELOW", (1, len(RISK_SCALE) - 1), (-1, len(RISK_SCALE) - 1), 0.8, GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, -1), (-1, -1), "TOP"),
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _list(ctx: Context, risks: tuple[Risk, ...]) -> Table:
    header = [ctx.para(ctx.t(k), "th") for k in ("risk-number", "risk-threat", "risk-likelihood", "risk-impact",
                                                   "risk-level")]
    rows: list[list[Flowable | str]] = [header]
    commands: list[tuple[object, ...]] = []
    for n, risk in enumerate(risks, 1):
        key, tint = level(risk.score)
        rows.append([ctx.para(str(n), "td-strong"), ctx.para(risk.threat, "td"),
                     ctx.para(f"{risk.likelihood} · {ctx.t(f'likelihood-{risk.likelihood}')}", "td"),
                     ctx.para(f"{risk.impact} · {ctx.t(f'impact-{risk.impact}')}", "td"),
                     ctx.para(ctx.t(key), "td-strong")])
        commands.append(("BACKGROUND", (4, n), (4, n), colors.HexColor(tint)))
    table = data_table(rows, share_widths(ctx.width, (6, 46, 17, 15, 16)))
    table.setStyle(table_style(commands))
    return table


# --- Overall trend (cover) -----------------------------------------------------------------------


def trend_badge(ctx: Context) -> Table | None:
    """The overall trend as a coloured arrow and its word, with what it means; None when unset."""
    trend = ctx.briefing.overall_trend
    if trend not in TRENDS:
        return None
    arrow, colour = TRENDS[trend]
    style = ParagraphStyle("trend-arrow", parent=ctx.styles["td-strong"], fontSize=20, leading=24,
                           alignment=TA_CENTER, textColor=colors.white)
    big = Paragraph(arrow, style)
    word = ParagraphStyle("trend-word", parent=ctx.styles["td-strong"], fontSize=12, leading=15,
                          textColor=colors.HexColor(colour))
    text = [ctx.para(ctx.t("overall-trend").upper(), "cover-label"),
            Paragraph(ctx.esc(ctx.t(f"overall-{trend}")), word), ctx.para(ctx.t("overall-note"), "td-small")]
    table = Table([[big, text]], colWidths=[14 * mm, ctx.width - 14 * mm], hAlign="LEFT", splitInRow=SPLIT_IN_ROW)
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (0, 0), colors.HexColor(colour)),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("LINEBEFORE", (1, 0), (1, 0), 0, NAVY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, 0), "CENTER"),
        ("LEFTPADDING", (1, 0), (1, 0), 9),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table
