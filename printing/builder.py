"""One entry point for every document: `build(kind, data) -> bytes` (what a print queue calls).

Each kind has its data class and the papers it is laid out for; the first is its default.
The kinds a case produces carry the names the domain stores documents under (`DocumentRecord.
kind`), so a stored document and its print job agree on what they are.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from printing import acceptance, handout, intake, letters
from printing.documents import (
    AcceptanceReceipt,
    CommitmentLetter,
    CorrectionNotice,
    HandOutRecord,
    MaterialsVoucher,
    QueueTicket,
    RefusalNotice,
    RongqueNotice,
)
from printing.errors import DocumentDataError, UnsupportedPaper
from printing.fonts import printable, register_font
from printing.layout import Paper

logger = logging.getLogger(__name__)

DocumentData = (
    MaterialsVoucher
    | CorrectionNotice
    | AcceptanceReceipt
    | RongqueNotice
    | CommitmentLetter
    | RefusalNotice
    | HandOutRecord
    | QueueTicket
)
"""The data of any document kind."""


class DocumentKind(StrEnum):
    """Every document the counter prints (DOMAIN.md §5)."""

    MATERIALS_VOUCHER = "materials_voucher"  # 收件凭证
    CORRECTION_NOTICE = "correction_notice"  # 一次性告知书
    ACCEPTANCE_RECEIPT = "acceptance_receipt"  # 受理回执 / 受理通知书
    RONGQUE_NOTICE = "rongque_notice"  # 容缺受理告知书及承诺书
    COMMITMENT_LETTER = "commitment_letter"  # 告知承诺书
    REFUSAL_NOTICE = "refusal_notice"  # 不予受理告知书
    HAND_OUT_RECORD = "hand_out_record"  # 出件登记
    QUEUE_TICKET = "queue_ticket"  # 排队取号凭条 (80 mm)


_A4, _ROLL = Paper.A4, Paper.RECEIPT_80MM
_BUILDERS: Mapping[DocumentKind, tuple[type, Mapping[Paper, Callable[[Any], bytes]]]] = {
    DocumentKind.MATERIALS_VOUCHER: (
        MaterialsVoucher,
        {_A4: intake.voucher_a4, _ROLL: intake.voucher_receipt},
    ),
    DocumentKind.CORRECTION_NOTICE: (CorrectionNotice, {_A4: intake.correction_notice_a4}),
    DocumentKind.ACCEPTANCE_RECEIPT: (
        AcceptanceReceipt,
        {_A4: acceptance.receipt_a4, _ROLL: acceptance.receipt_roll},
    ),
    DocumentKind.RONGQUE_NOTICE: (RongqueNotice, {_A4: acceptance.rongque_a4}),
    DocumentKind.COMMITMENT_LETTER: (CommitmentLetter, {_A4: letters.commitment_a4}),
    DocumentKind.REFUSAL_NOTICE: (RefusalNotice, {_A4: letters.refusal_a4}),
    DocumentKind.HAND_OUT_RECORD: (HandOutRecord, {_A4: handout.hand_out_a4}),
    DocumentKind.QUEUE_TICKET: (QueueTicket, {_ROLL: handout.ticket_roll}),
}


def data_type(kind: DocumentKind) -> type:
    """The data class a kind is built from (to decode a stored print job, say)."""
    return _BUILDERS[kind][0]


def papers(kind: DocumentKind) -> tuple[Paper, ...]:
    """The papers a kind is laid out for, its default first."""
    return tuple(_BUILDERS[kind][1])


def build(kind: DocumentKind, data: DocumentData, *, paper: Paper | None = None) -> bytes:
    """Build a document as PDF bytes.

    Args:
        kind: which document.
        data: its data (the data class of `kind`).
        paper: A4 or the 80 mm roll; None takes the kind's default.

    Returns:
        The PDF, every font embedded as a subset.

    Raises:
        DocumentDataError: `data` is not the data of `kind`, or cannot be printed.
        UnsupportedPaper: the kind has no layout for `paper`.
    """
    expected, layouts = _BUILDERS[kind]
    if not isinstance(data, expected):
        raise DocumentDataError(f"{kind.value} is built from {expected.__name__}")
    chosen = paper or next(iter(layouts))
    if chosen not in layouts:
        raise UnsupportedPaper(f"{kind.value} has no {chosen.value} layout")
    started = time.perf_counter()
    pdf = layouts[chosen](data)
    logger.debug("built %s on %s in %.1f ms", kind.value, chosen.value, _ms(started))
    return pdf


def warm_up() -> None:
    """Load the font and reportlab's layout machinery before the first real document.

    The first build of a process parses the 5 MB font; call this once at start on the printing
    lane (never on the GUI thread) and the clerk's first document costs what any other does.
    """
    started = time.perf_counter()
    register_font()
    printable("预热")  # builds the font's glyph table
    logger.debug("printing warmed up in %.1f ms", _ms(started))


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000
