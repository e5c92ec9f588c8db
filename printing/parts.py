"""Building blocks of the A4 forms: title, bordered field grids, material tables, text sections.

Every text goes through `printing.fonts.markup` (escaped, rare characters made visible); every
table cell is a wrapping paragraph, and long tables repeat their header row on the next page.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from printing.data import CaseFacts, MaterialLine, OwedLine
from printing.fonts import FONT, markup
from printing.styles import (
    BODY,
    CELL,
    CELL_CENTRE,
    HEADING,
    LABEL,
    LABEL_FILL,
    PLAIN,
    RULE,
    SUBTITLE,
    TITLE,
)
from printing.text import day, masked_id, masked_phone

WIDTH = 174 * mm  # A4 less two 18 mm margins
_LABEL = 25 * mm
Row = tuple[str, str] | tuple[str, str, str, str]
"""A field-grid row: one label and value across the width, or two pairs side by side."""


def title(text: str, subtitle: str = "") -> list[Flowable]:
    """The form's title, centred, with an optional line under it (e.g. "（申请人留存）")."""
    flowables: list[Flowable] = [Paragraph(markup(text), TITLE)]
    if subtitle:
        flowables.append(Paragraph(markup(subtitle), SUBTITLE))
    else:
        flowables.append(Spacer(1, 4 * mm))
    return flowables


def para(text: str, *, indent: bool = True) -> Paragraph:
    """A body paragraph (first line indented by two characters unless told otherwise)."""
    return Paragraph(markup(text), BODY if indent else PLAIN)


def heading(text: str) -> Paragraph:
    """A section heading such as "一、需要补正的材料"."""
    return Paragraph(markup(text), HEADING)


def cell(text: str, *, centre: bool = False) -> Paragraph:
    """A table cell that wraps."""
    return Paragraph(markup(text), CELL_CENTRE if centre else CELL)


def fields(rows: Sequence[Row]) -> Table:
    """A bordered grid of labelled values: shaded labels, values wrapping in their cells."""
    half = (WIDTH - 2 * _LABEL) / 2
    data: list[list[Flowable | str]] = []
    style = _grid()
    for index, row in enumerate(rows):
        if len(row) == 2:
            data.append([_label(row[0]), cell(row[1]), "", ""])
            style.add("SPAN", (1, index), (3, index))
        else:
            data.append([_label(row[0]), cell(row[1]), _label(row[2]), cell(row[3])])
            style.add("BACKGROUND", (2, index), (2, index), LABEL_FILL)
    style.add("BACKGROUND", (0, 0), (0, -1), LABEL_FILL)
    widths = [_LABEL, half, _LABEL, half]
    table = Table(data, colWidths=widths, splitInRow=1, spaceBefore=2, spaceAfter=4)
    table.setStyle(style)
    return table


def case_rows(case: CaseFacts) -> list[Row]:
    """The rows naming the case, the applicant (ID and phone masked) and the item."""
    applicant = case.applicant
    rows: list[Row] = [
        ("申请人", applicant.name, "证件号码", masked_id(applicant.id_number)),
        ("联系电话", masked_phone(applicant.phone), "办件编号", case.number),
    ]
    if applicant.contact_name:
        rows.append(("经办人", applicant.contact_name))
    if case.situation:
        rows.append(("申请事项", case.item, "办理情形", case.situation))
    else:
        rows.append(("申请事项", case.item))
    return rows


def materials(lines: Sequence[MaterialLine]) -> Table:
    """序号 | 材料名称 | 提交形式 | 份数 | 备注 — the header row repeats on a following page."""
    header = ["序号", "材料名称", "提交形式", "份数", "备注"]
    body = [
        [str(n), line.name, line.form, str(line.copies) if line.copies else "—", line.note]
        for n, line in enumerate(lines, 1)
    ]
    widths = [12 * mm, WIDTH - 12 * mm - 30 * mm - 14 * mm - 40 * mm, 30 * mm, 14 * mm, 40 * mm]
    return listing(header, body, widths, centred=(0, 2, 3))


def owed(lines: Sequence[OwedLine]) -> Table:
    """序号 | 容缺材料 | 要求 | 补交期限."""
    header = ["序号", "容缺后补材料", "要求", "补交期限"]
    body = [
        [str(n), line.name, line.requirement, day(line.due_on, provisional=line.provisional)]
        for n, line in enumerate(lines, 1)
    ]
    widths = [12 * mm, WIDTH - 12 * mm - 50 * mm - 40 * mm, 50 * mm, 40 * mm]
    return listing(header, body, widths, centred=(0, 3))


def listing(
    header: Sequence[str],
    body: Sequence[Sequence[str]],
    widths: Sequence[float],
    *,
    centred: Sequence[int] = (),
) -> Table:
    """A bordered table with a shaded header row that repeats when the table breaks.

    Args:
        header: the column titles.
        body: the rows, as texts (each cell wraps).
        widths: the column widths in points.
        centred: the columns whose cells are centred.

    Returns:
        The table.
    """
    rows: list[list[Flowable | str]] = [[_label(text) for text in header]]
    rows += [[cell(text, centre=i in centred) for i, text in enumerate(row)] for row in body]
    table = Table(
        rows, colWidths=list(widths), repeatRows=1, splitInRow=1, spaceBefore=2, spaceAfter=4
    )
    style = _grid()
    style.add("BACKGROUND", (0, 0), (-1, 0), LABEL_FILL)
    table.setStyle(style)
    return table


def _label(text: str) -> Paragraph:
    return Paragraph(markup(text), LABEL)


def _grid() -> TableStyle:
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), FONT),  # even an empty cell would set Helvetica
            ("GRID", (0, 0), (-1, -1), 0.6, RULE),
            ("BOX", (0, 0), (-1, -1), 1.0, RULE),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
    )
