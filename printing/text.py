"""How dates, times and masked numbers read on paper (the hall's local time, Chinese dates)."""

from __future__ import annotations

from datetime import date, datetime

from clerk.clock import HALL_TIMEZONE
from clerk.identity import mask_id_number, mask_phone


def day(value: date, *, provisional: bool = False) -> str:
    """A date as a form prints it: "2026年11月23日", "（暂定）" when beyond the known calendar."""
    text = f"{value.year}年{value.month}月{value.day}日"
    return f"{text}（暂定）" if provisional else text


def local_date(value: datetime) -> date:
    """The hall's calendar day of an instant (a document issued at 07:00 in Beijing is dated
    that day, though it is the day before in UTC)."""
    return value.astimezone(HALL_TIMEZONE).date()


def moment(value: datetime) -> str:
    """An instant in the hall's local time: "2026年11月21日 10:23"."""
    local = value.astimezone(HALL_TIMEZONE)
    return f"{day(local.date())} {local:%H:%M}"


def masked_id(number: str) -> str:
    """An ID number or credit code as paper shows it (`1101**********002X`)."""
    return mask_id_number(number) if number.strip() else ""


def masked_phone(number: str) -> str:
    """A phone number as paper shows it (`138****5678`)."""
    return mask_phone(number) if number.strip() else ""


def yuan(fen: int) -> str:
    """An amount in fen as yuan: "10.00 元"."""
    return f"{fen // 100}.{fen % 100:02d} 元"
