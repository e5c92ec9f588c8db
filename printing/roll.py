"""Building blocks of the 80 mm receipts: centred head, "label：value" lines, rules, codes.

A receipt is read top to bottom in the hand: the issuer and title, the number with its Code 128,
the facts one per line (long values wrap), then the QR code and a closing note.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer

from printing.codes import Code128Flowable, QrFlowable
from printing.fonts import markup
from printing.styles import COPY_MARK, GREY, R_BODY, R_CENTRE, R_COPY, R_ITEM, R_SMALL, R_TITLE


def head(*, issuer: str, title: str, number: str, reprint: bool) -> list[Flowable]:
    """Issuer, title, copy mark (on a reprint), the number and its Code 128."""
    flowables: list[Flowable] = []
    if reprint:
        flowables.append(Paragraph(markup(f"【{COPY_MARK}】"), R_COPY))
    flowables += [
        Paragraph(markup(issuer), R_CENTRE),
        Paragraph(markup(title), R_TITLE),
        Code128Flowable(number, height=10 * mm),
        Spacer(1, 1 * mm),
        Paragraph(markup(f"编号：{number}"), R_CENTRE),
        rule(),
    ]
    return flowables


def line(label: str, value: str) -> Paragraph:
    """One fact: "label：value" (a long value wraps under itself)."""
    return Paragraph(markup(f"{label}：{value}"), R_BODY)


def lines(pairs: Sequence[tuple[str, str]]) -> list[Flowable]:
    """Several facts, skipping those with no value."""
    return [line(label, value) for label, value in pairs if value]


def numbered(title: str, items: Sequence[str]) -> list[Flowable]:
    """A titled numbered list ("已收材料：" then "1. …")."""
    flowables: list[Flowable] = [Paragraph(markup(f"{title}："), R_BODY)]
    flowables += [Paragraph(markup(f"{n}. {item}"), R_ITEM) for n, item in enumerate(items, 1)]
    return flowables


def note(text: str) -> Paragraph:
    """Small grey print (how to follow the case, what to keep)."""
    return Paragraph(markup(text), R_SMALL)


def rule() -> HRFlowable:
    """A thin dashed rule across the receipt."""
    return HRFlowable(
        width="100%", thickness=0.5, color=GREY, dash=(2, 2), spaceBefore=4, spaceAfter=4
    )


def qr(url: str | None, caption: str) -> list[Flowable]:
    """The QR code with its caption, or nothing without a link."""
    if not url:
        return []
    return [Spacer(1, 2 * mm), QrFlowable(url, size=28 * mm), Paragraph(markup(caption), R_CENTRE)]
