"""Random clerk actions on a real store: numbers never repeat, refusals leave no trace."""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, invariant, rule
from sqlalchemy import text

from clerk import services
from clerk.cases import Applicant, ApplicantKind
from clerk.catalog import load_catalogue
from clerk.errors import ClerkError
from clerk.identity import resident_id_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.notices import Override
from clerk.ports import DocumentNumber
from clerk.staff import Actor, Role
from clerk.store import open_store, uuid7
from tests.integration.conftest import DEMO, DEVICE, at

BUSINESS = "1133990000248201X8000120103000"
CLERK = Actor("c001", "王小明", Role.CLERK)
BOSS = Actor("s001", "李主任", Role.SUPERVISOR)
CATALOGUE = load_catalogue(DEMO)
PROVISIONS = st.sampled_from(
    [Provision.ORIGINAL, Provision.COPY, Provision.E_LICENCE, Provision.MISSING]
)


class CounterDay(RuleBasedStateMachine):
    """A counter doing random work; whatever is refused must change nothing."""

    cases = Bundle("cases")

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.store = open_store(Path(self.folder.name) / "counter.db", device=DEVICE)
        services.install_catalogue(self.store.unit_of_work(), CATALOGUE)
        self.now = at("2026-03-02 09:00")

    def teardown(self) -> None:
        self.store.close()
        self.folder.cleanup()

    def snapshot(self) -> tuple[object, ...]:
        with self.store.engine.connect() as db:
            counts = [
                db.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in ("outbox", "audit_entries", "documents")
            ]
            versions = db.execute(text("SELECT group_concat(version) FROM cases")).scalar_one()
        return (*counts, versions)

    def attempt(self, action: object, **kwargs: object) -> None:
        """Run a use case; a refusal must leave the store exactly as it was."""
        before = self.snapshot()
        self.now += timedelta(minutes=7)
        try:
            action(self.store.unit_of_work(), now=self.now, **kwargs)  # type: ignore[operator]
        except ClerkError:
            assert self.snapshot() == before

    @rule(target=cases, serial=st.integers(0, 999))
    def open(self, serial: int) -> str:
        body = f"33010619850312{serial:03d}"
        applicant = Applicant.checked(
            kind=ApplicantKind.PERSON, name="张三", id_number=body + resident_id_check_char(body)
        )
        self.now += timedelta(minutes=3)
        result = services.open_case(
            self.store.unit_of_work(),
            case_id=uuid7(),
            item_code=BUSINESS,
            situation=None,
            applicant=applicant,
            actor=CLERK,
            now=self.now,
        )
        return result.case.case_id

    @rule(case_id=cases, m1=PROVISIONS, m2=PROVISIONS, m3=PROVISIONS)
    def record(self, case_id: str, m1: Provision, m2: Provision, m3: Provision) -> None:
        records = {
            c: MaterialRecord(p, copies=1) for c, p in (("M01", m1), ("M02", m2), ("M03", m3))
        }
        self.attempt(services.record_materials, case_id=case_id, records=records, actor=CLERK)

    @rule(case_id=cases)
    def record_complete(self, case_id: str) -> None:
        records = {
            "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
            "M02": MaterialRecord(Provision.E_LICENCE),
            "M03": MaterialRecord(Provision.COPY, copies=1),
        }
        self.attempt(services.record_materials, case_id=case_id, records=records, actor=CLERK)

    @rule(case_id=cases)
    def receive(self, case_id: str) -> None:
        self.attempt(services.receive, case_id=case_id, actor=CLERK)

    @rule(case_id=cases, override=st.booleans())
    def notice(self, case_id: str, override: bool) -> None:
        granted = Override(BOSS, "复核后补充告知") if override else None
        self.attempt(services.issue_notice, case_id=case_id, actor=CLERK, override=granted)

    @rule(case_id=cases)
    def back_with_corrections(self, case_id: str) -> None:
        self.attempt(services.record_return_visit, case_id=case_id, actor=CLERK)
        self.attempt(services.corrections_received, case_id=case_id, actor=CLERK)

    @rule(case_id=cases)
    def accept(self, case_id: str) -> None:
        self.attempt(services.accept, case_id=case_id, actor=CLERK)

    @rule(case_id=cases)
    def refuse(self, case_id: str) -> None:
        self.attempt(
            services.request_refusal,
            case_id=case_id,
            reasons="不符合条件",
            facts="经核查",
            legal_basis="《行政许可法》第三十二条",
            actor=CLERK,
        )
        self.attempt(services.approve_refusal, case_id=case_id, supervisor=BOSS)

    @rule(case_id=cases, dice=st.integers(0, 3))
    def void(self, case_id: str, dice: int) -> None:
        if dice:  # voiding is rare at a real counter; keep most cases alive for other rules
            return
        self.attempt(services.void_case, case_id=case_id, reason="录入错误", actor=CLERK)

    @invariant()
    def numbers_are_unique_and_well_formed(self) -> None:
        with self.store.engine.connect() as db:
            numbers = [
                r[0]
                for r in db.execute(
                    text("SELECT number FROM cases UNION ALL SELECT number FROM documents")
                )
            ]
            seqs = [r[0] for r in db.execute(text("SELECT client_seq FROM outbox ORDER BY rowid"))]
        assert len(numbers) == len(set(numbers))
        for number in numbers:
            DocumentNumber.parse(number)
        assert seqs == sorted(set(seqs))

    @invariant()
    def audit_chain_holds(self) -> None:
        assert services.verify_audit(self.store.unit_of_work()).ok


CounterDay.TestCase.settings = settings(max_examples=15, stateful_step_count=30, deadline=None)
TestCounterDay = CounterDay.TestCase
