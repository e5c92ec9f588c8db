"""The decisions' controller: each clerk decision is a use case run off the GUI thread.

`DecisionDesk` holds what the use cases need (the store, the acting staff member, the clock)
and four lanes: writes in order on one thread (one unit of work each), reads and PDF
building on another, the printer on a third, and credential checks (argon2, the registry) on a
fourth. Every method takes `done` and `failed` callbacks, both called on the GUI thread; the
dialogs only sequence the steps and show the outcome.

Documents are printed after the commit: the use case queues each document it issues in the
same transaction, and `print_queue` runs the spooler over the queue (a failing printer leaves
the job queued with its reason). The 容缺 notice and the 告知承诺 letter are built from the
stored acceptance receipt whenever they are needed, so they are printed directly.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject

from clerk import services
from clerk.catalog.model import DeliveryMethod
from clerk.materials import MaterialRecord
from clerk.notices import Override
from clerk.services import handover, paperwork
from clerk.services.handover import Collector, Parcel
from clerk.staff import Actor
from clerk.store import Store
from printing import DocumentKind, build
from printing.from_domain import PrintContext, commitment_letter, document_data, rongque_notice
from printing.spooler import Printer, Spooler, SpoolReport
from ui.queue.lane import Lane

_T = TypeVar("_T")
Done = Callable[[_T], None]
Failed = Callable[[Exception], None]
LETTERS = (DocumentKind.RONGQUE_NOTICE, DocumentKind.COMMITMENT_LETTER)
"""The papers built from the acceptance receipt rather than stored on their own."""


class CredentialCheck(Protocol):
    """Checks a staff member's password (at the registry, or offline) and names them."""

    def __call__(self, staff_id: str, password: str, now: datetime) -> Actor:
        """The staff member; raises `sync.login.LoginRefused` on a wrong password."""


@dataclass(frozen=True, slots=True, kw_only=True)
class RefusalDraft:
    """What the clerk writes into a refusal request (the supervisor reads it)."""

    reasons: str
    facts: str
    legal_basis: str
    competent_agency: str = ""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class DecisionDesk(QObject):
    """Runs the decisions' use cases for one acting staff member at this counter."""

    def __init__(
        self,
        *,
        store: Store,
        actor: Actor,
        printer: Printer,
        context: PrintContext,
        credentials: CredentialCheck,
        clock: Callable[[], datetime] = _utc_now,
        writes: Lane | None = None,
        printing: Lane | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Set the desk up; `writes` and `printing` share the application's lanes if given."""
        super().__init__(parent)
        self.store, self.actor, self.context, self.clock = store, actor, context, clock
        self._printer, self._credentials = printer, credentials
        self._spooler = Spooler(store, printer, context=context, clock=clock)
        self._owned: list[Lane] = []
        self._writes = writes or self._lane()
        self._reads = self._lane()
        self._printing = printing or self._lane()
        self._checks = self._lane()

    def _lane(self) -> Lane:
        lane = Lane(parent=self)
        self._owned.append(lane)
        return lane

    def close(self) -> None:
        """Let running calls finish and report nothing more (the window closes).

        Lanes handed in stay open: their owner closes them.
        """
        for lane in self._owned:
            lane.close()

    @property
    def busy(self) -> bool:
        """Whether a call has not reported back yet."""
        lanes = (self._writes, self._reads, self._printing, self._checks)
        return any(lane.busy for lane in lanes)

    # -- writes: one unit of work each, in order ------------------------------------------

    def _write(
        self, use_case: Callable[..., _T], done: Done[_T], failed: Failed, **kw: Any
    ) -> None:
        call = partial(use_case, self.store.unit_of_work(), now=self.clock(), **kw)
        self._writes.submit(call, done=done, failed=failed)

    def issue_notice(
        self,
        case_id: str,
        *,
        done: Done[services.ActionResult],
        failed: Failed,
        supervisor: Actor | None = None,
        reason: str = "",
    ) -> None:
        """Issue the one-time notice; with `supervisor`, under their override for `reason`."""

        actor = self.actor  # the call runs on the lane's thread: it holds values only

        def issue(uow: Any, *, now: datetime) -> services.ActionResult:
            override = Override(supervisor, reason) if supervisor is not None else None
            return services.issue_notice(
                uow, case_id=case_id, actor=actor, now=now, override=override
            )

        self._write(issue, done, failed)

    def accept(self, case_id: str, *, done: Done[services.ActionResult], failed: Failed) -> None:
        """Accept the case; the receipt is queued with the commit (print it with print_queue)."""
        self._write(services.accept, done, failed, case_id=case_id, actor=self.actor)

    def record_materials(
        self,
        case_id: str,
        records: Mapping[str, MaterialRecord],
        *,
        done: Done[services.ActionResult],
        failed: Failed,
    ) -> None:
        """Record materials (here: owed under 容缺, or replaced by a 告知承诺 commitment)."""
        self._write(
            services.record_materials,
            done,
            failed,
            case_id=case_id,
            records=dict(records),
            actor=self.actor,
        )

    def sign(
        self,
        case_id: str,
        *,
        document: str,
        paper: DocumentKind,
        done: Done[services.ActionResult],
        failed: Failed,
    ) -> None:
        """Record that the applicant signed `paper` (printed from stored `document`)."""
        self._write(
            paperwork.sign_document,
            done,
            failed,
            case_id=case_id,
            document=document,
            paper=paper.value,
            actor=self.actor,
        )

    def request_refusal(
        self,
        case_id: str,
        draft: RefusalDraft,
        *,
        done: Done[services.ActionResult],
        failed: Failed,
    ) -> None:
        """Ask for a refusal; it waits for a supervisor's approval."""
        self._write(
            services.request_refusal,
            done,
            failed,
            case_id=case_id,
            reasons=draft.reasons,
            facts=draft.facts,
            legal_basis=draft.legal_basis,
            competent_agency=draft.competent_agency,
            actor=self.actor,
        )

    def approve_refusal(
        self,
        case_id: str,
        *,
        supervisor: Actor,
        done: Done[services.ActionResult],
        failed: Failed,
    ) -> None:
        """A supervisor approves the pending refusal (the refusal notice is queued)."""
        kw = {"case_id": case_id, "supervisor": supervisor}
        self._write(services.approve_refusal, done, failed, **kw)

    def decline_refusal(
        self,
        case_id: str,
        *,
        supervisor: Actor,
        done: Done[services.ActionResult],
        failed: Failed,
    ) -> None:
        """A supervisor turns the pending refusal down; the case goes on."""
        kw = {"case_id": case_id, "supervisor": supervisor}
        self._write(services.decline_refusal, done, failed, **kw)

    def complete_on_the_spot(
        self, case_id: str, *, done: Done[services.ActionResult], failed: Failed
    ) -> None:
        """Finish a 即办件 right after acceptance."""
        kw = {"case_id": case_id, "actor": self.actor}
        self._write(services.complete_on_the_spot, done, failed, **kw)

    def hand_out(
        self,
        case_id: str,
        collector: Collector,
        *,
        done: Done[services.ActionResult],
        failed: Failed,
    ) -> None:
        """Hand the result out at the window (the hand-over record is queued)."""
        kw = {"case_id": case_id, "collector": collector, "actor": self.actor}
        self._write(handover.hand_out, done, failed, **kw)

    def post_result(
        self, case_id: str, parcel: Parcel, *, done: Done[services.ActionResult], failed: Failed
    ) -> None:
        """Record that the result was posted (the hand-over record is queued)."""
        kw = {"case_id": case_id, "parcel": parcel, "actor": self.actor}
        self._write(handover.post_result, done, failed, **kw)

    # -- reads ---------------------------------------------------------------------------

    def _read(self, query: Callable[..., _T], done: Done[_T], failed: Failed, **kw: Any) -> None:
        call = partial(query, self.store.unit_of_work(read_only=True), **kw)
        self._reads.submit(call, done=done, failed=failed)

    def case(self, case_id: str, *, done: Done[services.CaseView], failed: Failed) -> None:
        """The case as the screen shows it."""
        self._read(services.get_case, done, failed, case_id=case_id, now=self.clock())

    def draft_notice(
        self, case_id: str, *, done: Done[paperwork.NoticeDraft], failed: Failed
    ) -> None:
        """The notice as it would be issued now."""
        self._read(paperwork.draft_notice, done, failed, case_id=case_id, now=self.clock())

    def paperwork_options(
        self, case_id: str, *, done: Done[paperwork.Paperwork], failed: Failed
    ) -> None:
        """What 容缺 and 告知承诺 may cover in the case."""
        self._read(paperwork.paperwork, done, failed, case_id=case_id, now=self.clock())

    def refusal_context(
        self, case_id: str, *, done: Done[paperwork.RefusalContext], failed: Failed
    ) -> None:
        """The grounds a refusal can cite, its remedies, and a pending request."""
        self._read(paperwork.refusal_context, done, failed, case_id=case_id)

    def pending_refusals(
        self, *, done: Done[tuple[paperwork.PendingRefusal, ...]], failed: Failed
    ) -> None:
        """Refusal requests waiting for a supervisor."""
        self._read(paperwork.pending_refusals, done, failed)

    def delivery_methods(
        self, case_id: str, *, done: Done[tuple[DeliveryMethod, ...]], failed: Failed
    ) -> None:
        """How the case's result may reach the applicant."""
        self._read(handover.delivery_methods, done, failed, case_id=case_id)

    def pdf(
        self, number: str, *, done: Done[bytes], failed: Failed, paper: DocumentKind | None = None
    ) -> None:
        """The PDF of a stored document, or of a letter built from its acceptance receipt."""
        store, context = self.store, self.context
        self._reads.submit(
            lambda: document_pdf(store, number, context, paper), done=done, failed=failed
        )

    # -- printing and credentials ----------------------------------------------------------

    def print_queue(self, *, done: Done[SpoolReport], failed: Failed) -> None:
        """Print what waits in the print queue, in order, until it is empty or a job fails."""
        self._printing.submit(self._spooler.run_once, done=done, failed=failed)

    def print_pdf(self, pdf: bytes, *, title: str, done: Done[None], failed: Failed) -> None:
        """Print a letter built on demand (not queued: it can be rebuilt at any time)."""
        printer = self._printer
        self._printing.submit(lambda: printer.send(pdf, title=title), done=done, failed=failed)

    def verify(self, staff_id: str, password: str, *, done: Done[Actor], failed: Failed) -> None:
        """Check a staff member's credentials at this counter (online, else offline)."""
        check, now = self._credentials, self.clock()
        self._checks.submit(lambda: check(staff_id, password, now), done=done, failed=failed)


def document_pdf(
    store: Store, number: str, context: PrintContext, paper: DocumentKind | None = None
) -> bytes:
    """Build a stored document's PDF (blocking), or a letter from its acceptance receipt.

    Args:
        store: the counter's store.
        number: the stored document's number.
        context: the hall's details.
        paper: RONGQUE_NOTICE or COMMITMENT_LETTER to build that letter from the receipt
            `number`; None for the stored document itself.

    Raises:
        NotFound: no such document. DocumentDataError: it cannot be built.
    """
    sources = paperwork.document_sources(store.unit_of_work(read_only=True), number=number)
    record, case, item = sources.record, sources.case, sources.item
    if paper is DocumentKind.RONGQUE_NOTICE:
        return build(paper, rongque_notice(record, case=case, item=item, context=context))
    if paper is DocumentKind.COMMITMENT_LETTER:
        return build(paper, commitment_letter(record, case=case, item=item, context=context))
    kind, data = document_data(record, case=case, item=item, context=context)
    return build(kind, data)
