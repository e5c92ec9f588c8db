"""The soak's offline month: a busy counter's cases through the real use cases, with scans.

Each case goes through `clerk.services` exactly as the workbench's lanes call them (one unit
of work, one durable transaction per clerk action) and its scans through `ScanFolder.put`
(temporary file, fsync, hash, rename) before `attach_scan`. The mix of a busy counter:

- 70 % complete business registrations: open, record materials, scans, accept;
- 15 % food permits accepted with a material owed (容缺): open, record, scans, accept;
- 15 % incomplete applications: open, record what was brought, scans, receive, and the
  one-time correction notice (一次性告知书).

Each document goes to the print queue with its action and is marked printed as the counter's
spooler would (`job_printed`): a month-old print queue would otherwise print at the catch-up.

Days are working days (Monday to Friday) from 09:00 to 17:00 in the hall's time zone, the cases
spread evenly over each day. Scans are real grey-scale PNG images of about `scan_kb`, each one
different (noise from a seeded generator, so nothing deduplicates).
"""

from __future__ import annotations

import random
import struct
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as day_time

from clerk import services
from clerk.cases import Applicant, ApplicantKind
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.scans import ScanFolder
from clerk.staff import Actor, Role
from clerk.store import Store, uuid7

BUSINESS = "1133990000248201X8000120103000"  # 个体工商户设立登记
FOOD = "1133990000248201X8000120105000"  # 食品经营许可 (容缺, situations)
COMPLETE = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.COPY, copies=1),
}
PARTIAL = {"M01": MaterialRecord(Provision.ORIGINAL, copies=1)}
OWED = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.E_LICENCE),
    "M04": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M05": MaterialRecord(Provision.OWED),
    "M06": MaterialRecord(Provision.COMMITMENT),
}
CLERK = Actor("C001", "王芳", Role.CLERK)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
OPENING, CLOSING = day_time(9, 0), day_time(17, 0)
_PNG_WIDTH = 1240  # an A4 page at 150 dpi


@dataclass(frozen=True, slots=True, kw_only=True)
class FillPlan:
    """How much offline work to make."""

    days: int
    per_day: int
    scan_kb: int
    first_day: date
    seed: int = 7


@dataclass(slots=True)
class FillFigures:
    """What the offline month made."""

    cases: int = 0
    actions: int = 0
    scans: int = 0
    scan_bytes: int = 0
    printed: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def working_days(first: date, count: int) -> list[date]:
    """`count` working days (Monday to Friday) from `first` on."""
    days: list[date] = []
    day = first
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def applicant(n: int) -> Applicant:
    """A valid, distinct applicant for case number `n`."""
    birth = f"{1960 + n % 40:04d}{1 + n % 12:02d}{1 + n % 28:02d}"
    body = f"330106{birth}{n % 1000:03d}"
    return Applicant.checked(
        kind=ApplicantKind.PERSON,
        name=SURNAMES[n % len(SURNAMES)] + "测" + str(n),
        id_number=body + resident_id_check_char(body),
        phone=f"138{n % 100_000_000:08d}",
    )


def png_scan(size: int, rng: random.Random) -> bytes:
    """A grey-scale PNG of about `size` bytes whose pixels are noise (incompressible, unique)."""
    rows = max(1, size // (_PNG_WIDTH + 1))
    raw = b"".join(b"\x00" + rng.randbytes(_PNG_WIDTH) for _ in range(rows))
    head = struct.pack(">IIBBBBB", _PNG_WIDTH, rows, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", head) + _chunk(b"IDAT", zlib.compress(raw, 0))


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


class Counter:
    """The clerk at the counter, acting through the real use cases."""

    def __init__(self, store: Store, scans: ScanFolder, *, scan_kb: int, seed: int) -> None:
        self.store, self.scans = store, scans
        self.scan_bytes = scan_kb * 1024
        self.rng = random.Random(seed)
        self.figures = FillFigures()

    def serve(self, n: int, when: datetime) -> None:
        """One applicant's case, from opening to acceptance or notice (a few minutes)."""
        draw = self.rng.random()
        kind = "complete" if draw < 0.70 else "owed" if draw < 0.85 else "notice"
        item, situation = (FOOD, "new") if kind == "owed" else (BUSINESS, None)
        uow = self.store.unit_of_work
        case_id = services.open_case(
            uow(),
            case_id=uuid7(),
            item_code=item,
            situation=situation,
            applicant=applicant(n),
            actor=CLERK,
            now=when,
        ).case.case_id
        records = {"complete": COMPLETE, "owed": OWED, "notice": PARTIAL}[kind]
        at = _minutes(when)
        services.record_materials(uow(), case_id=case_id, records=records, actor=CLERK, now=at(1))
        materials = ("M01",) if kind == "notice" else ("M01", "M04" if kind == "owed" else "M03")
        for page in range(self.rng.randint(1, 3)):
            self._scan(case_id, materials[page % len(materials)], at(2))
        if kind == "notice":
            services.receive(uow(), case_id=case_id, actor=CLERK, now=at(3))
            services.issue_notice(uow(), case_id=case_id, actor=CLERK, now=at(4))
            self.figures.actions += 4
        else:
            services.accept(uow(), case_id=case_id, actor=CLERK, now=at(3))
            self.figures.actions += 3
        self._printed(at(5))
        self.figures.cases += 1
        self.figures.kinds[kind] = self.figures.kinds.get(kind, 0) + 1

    def _printed(self, when: datetime) -> None:
        """The counter's printer took the case's documents (as the workbench's spooler marks)."""
        for job in services.queued_jobs(self.store.unit_of_work(read_only=True)):
            services.job_printed(self.store.unit_of_work(), job_id=job.job_id, now=when)
            self.figures.printed += 1

    def _scan(self, case_id: str, material: str, when: datetime) -> None:
        size = int(self.scan_bytes * self.rng.uniform(0.7, 1.3))
        data = png_scan(size, self.rng)
        sha256 = self.scans.put(data)
        services.attach_scan(
            self.store.unit_of_work(),
            case_id=case_id,
            material=material,
            sha256=sha256,
            size=len(data),
            media_type="image/png",
            actor=CLERK,
            now=when,
        )
        self.figures.actions += 1
        self.figures.scans += 1
        self.figures.scan_bytes += len(data)


def _minutes(start: datetime) -> Callable[[int], datetime]:
    return lambda minutes: start + timedelta(minutes=minutes)


def fill(
    store: Store,
    scans: ScanFolder,
    plan: FillPlan,
    *,
    progress: Callable[[int, FillFigures], None] | None = None,
) -> FillFigures:
    """Work `plan.days` offline days of `plan.per_day` cases each; `progress` after each day."""
    counter = Counter(store, scans, scan_kb=plan.scan_kb, seed=plan.seed)
    start = time.perf_counter()
    opening = datetime.combine(date.min, OPENING)
    gap = (datetime.combine(date.min, CLOSING) - opening) / max(plan.per_day, 1)
    n = 0
    for number, day in enumerate(working_days(plan.first_day, plan.days), start=1):
        first = datetime.combine(day, OPENING, tzinfo=HALL_TIMEZONE)
        for slot in range(plan.per_day):
            counter.serve(n, first + slot * gap)
            n += 1
        counter.figures.seconds = time.perf_counter() - start
        if progress is not None:
            progress(number, counter.figures)
    return counter.figures
