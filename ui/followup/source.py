"""What the follow-up screens read and do, as blocking calls a lane runs off the GUI thread.

`FollowupSource` wraps the counter's store: find a case, read a case file, reprint a
document (a clerk action: audited, synchronised, a new print job), render a stored document for
the preview, the deadlines board and the needs-attention list. `main.py` makes one and hands it
to the screens with the signed-in clerk and the hall's print details.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime

from clerk import services
from clerk.services import ActionResult
from clerk.services.attention import AttentionRow, needs_attention
from clerk.services.deadlines import BoardCache, DeadlineRow, deadlines_board
from clerk.services.followup import (
    CaseFile,
    SearchResult,
    case_file,
    find_cases,
)
from clerk.staff import Actor
from clerk.store import SqlUnitOfWork, Store
from clerk.workdays import WarningPolicy
from printing.builder import build
from printing.from_domain import PrintContext, document_data


def _utc_now() -> datetime:
    return datetime.now(UTC)


class StaffNames(Mapping[str, str]):
    """Names of the hall's staff from the store's staff cache, looked up when asked."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __getitem__(self, staff_id: str) -> str:
        cached = self._store.ledger().staff(staff_id)
        if cached is None:
            raise KeyError(staff_id)
        return cached.name

    def __iter__(self) -> Iterator[str]:
        return iter(())  # looked up one by one, never listed

    def __len__(self) -> int:
        return 0


class FollowupSource:
    """The follow-up screens' access to the counter's store (every method blocks).

    Args:
        store: the counter's store.
        actor: the clerk signed in now (reprints are done in their name).
        context: the hall's details for rendering documents.
        clock: the time (timezone-aware).
        policy: when a running period counts as due soon.
    """

    def __init__(
        self,
        store: Store,
        *,
        actor: Callable[[], Actor],
        context: PrintContext,
        clock: Callable[[], datetime] = _utc_now,
        policy: WarningPolicy | None = None,
    ) -> None:
        self.store, self.actor, self.context = store, actor, context
        self.clock, self.policy = clock, policy
        self.staff_names: Mapping[str, str] = StaffNames(store)
        self._board, self._board_lock = BoardCache(), threading.Lock()

    def find(self, text: str) -> SearchResult:
        """Cases matching a search text (see `clerk.services.followup.find_cases`)."""
        return find_cases(self._read(), text=text)

    def case_file(self, case_id: str) -> CaseFile:
        """A case as the case page shows it; raises NotFound."""
        return case_file(
            self._read(),
            case_id=case_id,
            now=self.clock(),
            staff_names=self.staff_names,
            policy=self.policy,
        )

    def reprint(self, number: str) -> ActionResult:
        """Queue another copy of a document (it prints marked as a copy); raises NotFound."""
        uow = self.store.unit_of_work()
        return services.reprint(uow, number=number, actor=self.actor(), now=self.clock())

    def render(self, number: str) -> bytes:
        """A stored document as a PDF marked as a copy (what a reprint prints).

        Raises:
            NotFound: no such document.
            DocumentDataError: the document cannot be laid out.
        """
        with self._read() as uow:
            record = uow.documents.get(number)
            case = uow.cases.get(record.case_id)
            item = uow.catalogue.item(case.item_code, case.item_version)
        context = replace(self.context, reprint=True)
        kind, data = document_data(record, case=case, item=item, context=context)
        return build(kind, data)

    def deadlines(self) -> tuple[DeadlineRow, ...]:
        """The deadlines board, most urgent first (only cases changed since the last reading
        are read whole)."""
        with self._board_lock:
            return deadlines_board(
                self._read(), now=self.clock(), policy=self.policy, cache=self._board
            )

    def attention(self) -> tuple[AttentionRow, ...]:
        """Operations the registry rejected, newest first."""
        return needs_attention(self._read())

    def _read(self) -> SqlUnitOfWork:
        return self.store.unit_of_work(read_only=True)
