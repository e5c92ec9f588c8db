"""Fixtures of the decision dialogs: a real counter store, real staff verifiers, a real printer.

The store is a SQLite file holding the demo catalogue; the hall's staff arrive in it the way
the registry announces them (a pulled page of `staff` changes with argon2 verifiers), so the
supervisor's credentials are checked by the real offline login. The printer is a folder of
PDFs (`FolderPrinter`); a dead printer is the same folder under a path that is a file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from clerk import services
from clerk.cases import Applicant, ApplicantKind
from clerk.catalog import Catalogue, load_catalogue
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.ports import DeviceIdentity
from clerk.staff import Actor, Role
from clerk.store import Store, open_store, uuid7
from clerk.wire import Change, hall_space
from printing.from_domain import PrintContext
from printing.spooler import FolderPrinter, Printer
from ui.collector import GuiThreadCollector
from ui.decisions.credentials import RegistryCredentials
from ui.decisions.desk import CredentialCheck, DecisionDesk

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "resources" / "catalogue" / "demo.json"
DEVICE = DeviceIdentity(
    device_id="0192f0c0-0000-7000-8000-0000000000d6", hall="SF01", counter="W05", epoch=1
)
BUSINESS = "1133990000248201X8000120103000"  # 个体工商户设立登记: 即办件, 告知承诺, post
FOOD = "1133990000248201X8000120105000"  # 食品经营许可: 容缺, 告知承诺, situations
BIRTH = "113399000024820477000220102000"  # 出生登记: window only
CONTEXT = PrintContext(hall="示范市民中心", counter="5 号窗口")
STAFF = {
    "SF01C001": ("王芳", Role.CLERK, "clerk-pass-1"),
    "SF01S001": ("张敏", Role.SUPERVISOR, "super-pass-1"),
    "SF01S002": ("李强", Role.SUPERVISOR, "super-pass-2"),
}
CLERK = Actor("SF01C001", "王芳", Role.CLERK)
SUPERVISOR = Actor("SF01S001", "张敏", Role.SUPERVISOR)
COMPLETE_BUSINESS = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.COPY, copies=1),
}
_HASHER = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)  # cheap, still argon2id


def at(text: str) -> datetime:
    """A moment in the hall's time zone, e.g. at("2026-03-02 09:30")."""
    return datetime.fromisoformat(text).replace(tzinfo=HALL_TIMEZONE)


def id_number(n: int = 1) -> str:
    """A valid resident ID number, different for each n."""
    body = f"33010619850312{n % 1000:03d}"
    return body + resident_id_check_char(body)


class Clock:
    """The hall's clock for a test: a fixed morning that tests move on."""

    def __init__(self) -> None:
        self.now = at("2026-03-02 09:30")

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As the application does: cyclic garbage is freed on the GUI thread only."""
    collector = GuiThreadCollector(interval_ms=50)
    collector.start()
    yield
    collector.stop()


@pytest.fixture(scope="session")
def demo_catalogue() -> Catalogue:
    return load_catalogue(DEMO)


def announce_staff(store: Store, staff: Mapping[str, tuple[str, Role, str]] = STAFF) -> None:
    """Put the hall's staff into the store as a registry's pulled page does."""
    changes = [
        Change(
            version,
            "staff",
            staff_id,
            {
                "staff_id": staff_id,
                "hall": DEVICE.hall,
                "name": name,
                "role": role.value,
                "verifier": _HASHER.hash(password),
                "active": True,
            },
        )
        for version, (staff_id, (name, role, password)) in enumerate(staff.items(), 1)
    ]
    store.ledger().apply_page(hall_space(DEVICE.hall), changes, now=at("2026-03-01 08:00"))


@pytest.fixture
def store(tmp_path: Path, demo_catalogue: Catalogue) -> Iterator[Store]:
    """Counter W05's store on a real file: the demo catalogue and the hall's staff."""
    opened = open_store(tmp_path / "counter.db", device=DEVICE)
    services.install_catalogue(opened.unit_of_work(), demo_catalogue)
    announce_staff(opened)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def printed(tmp_path: Path) -> Path:
    """Where the counter's printer puts its pages."""
    return tmp_path / "printed"


@pytest.fixture
def dead_printer(tmp_path: Path) -> FolderPrinter:
    """A printer that cannot print: its folder is a path below a plain file."""
    blocker = tmp_path / "printer-offline"
    blocker.write_text("not a folder")
    return FolderPrinter(blocker / "queue")


@pytest.fixture
def make_desk(
    qtbot: QtBot, store: Store, clock: Clock, printed: Path
) -> Iterator[Callable[..., DecisionDesk]]:
    """Makes desks on the store (closed at the end), by default for the clerk."""
    made: list[DecisionDesk] = []

    def make(
        *,
        actor: Actor = CLERK,
        printer: Printer | None = None,
        credentials: CredentialCheck | None = None,
    ) -> DecisionDesk:
        desk = DecisionDesk(
            store=store,
            actor=actor,
            printer=printer or FolderPrinter(printed),
            context=CONTEXT,
            credentials=credentials or RegistryCredentials(store, None),
            clock=clock,
        )
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.close()


@pytest.fixture
def desk(make_desk: Callable[..., DecisionDesk]) -> DecisionDesk:
    """The clerk's desk, printing into `printed`."""
    return make_desk()


def open_case(
    store: Store,
    *,
    item: str = BUSINESS,
    situation: str | None = None,
    records: Mapping[str, MaterialRecord] | None = None,
    n: int = 1,
    when: str = "2026-03-02 09:00",
) -> str:
    """Open a case for applicant n and record its materials (set-up through the use cases)."""
    applicant = Applicant.checked(
        kind=ApplicantKind.PERSON, name=f"张{n}", id_number=id_number(n), phone="13812345678"
    )
    case_id = services.open_case(
        store.unit_of_work(),
        case_id=uuid7(),
        item_code=item,
        situation=situation,
        applicant=applicant,
        actor=CLERK,
        now=at(when),
    ).case.case_id
    if records:
        services.record_materials(
            store.unit_of_work(), case_id=case_id, records=records, actor=CLERK, now=at(when)
        )
    return case_id


def received_incomplete(store: Store, *, n: int = 1) -> str:
    """A business case received without its premises proof (M03): a notice is due."""
    records = {k: v for k, v in COMPLETE_BUSINESS.items() if k != "M03"}
    case_id = open_case(store, records=records, n=n)
    services.receive(store.unit_of_work(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:05"))
    return case_id


def view(store: Store, case_id: str, clock: Clock) -> services.CaseView:
    """The case as the screen shows it now."""
    return services.get_case(store.unit_of_work(read_only=True), case_id=case_id, now=clock())


def audit_actions(store: Store, case_id: str) -> list[str]:
    """The case's audit trail, action by action."""
    with store.unit_of_work(read_only=True) as uow:
        return [entry.action for entry in uow.audit.for_case(case_id)]
