"""One synchronisation round: follow the epoch, push, upload scans, pull (SYNC.md).

Push comes before pull, so the registry's answer to our own work arrives with the pull. An
epoch change seen in any answer (the registry was restored) resets the cursors and puts the
retention window back in the outbox before anything else happens; a registry that answered
our operations once and no longer holds them (restored without a new epoch) is caught by
comparing the last client_seq it holds with the last one it answered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from clerk.errors import NotFound
from clerk.ports import OpState, OutboxOperation
from clerk.scans import ScanFolder
from clerk.store import Answer, Store
from clerk.wire import (
    BLOB_CHUNK_BYTES,
    GLOBAL_SPACE,
    Operation,
    ResultState,
    UploadState,
    hall_space,
)
from sync.client import Refused, RegistryClient
from sync.retention import ScanRetention

_log = logging.getLogger(__name__)

BATCH_OPS = 500
BATCH_BYTES = 2 * 1024 * 1024
_STATES = {
    ResultState.APPLIED: OpState.APPLIED,
    ResultState.DUPLICATE: OpState.DUPLICATE,
    ResultState.REJECTED: OpState.REJECTED,
}
_MAX_ROUNDS = 3


class EpochChanged(Exception):
    """The registry's epoch changed during a round; the round starts over."""


@dataclass(slots=True)
class Report:
    """What one round did."""

    pushed: int = 0
    applied: int = 0
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0
    kept_local: int = 0
    uploaded_scans: int = 0
    uploaded_bytes: int = 0
    repushed: int = 0
    purged_scans: int = 0
    clock_offset_seconds: float | None = None
    problems: list[str] = field(default_factory=list)


def utc_now() -> datetime:
    """The counter's clock, in UTC."""
    return datetime.now(UTC)


class SyncEngine:
    """Synchronises one counter's store with its registry; not thread-safe (one loop runs it)."""

    def __init__(
        self,
        store: Store,
        client: RegistryClient,
        *,
        scans: ScanFolder | None = None,
        clock: Callable[[], datetime] = utc_now,
        batch_ops: int = BATCH_OPS,
        batch_bytes: int = BATCH_BYTES,
        retention: ScanRetention | None = None,
    ) -> None:
        self.store, self.client, self.scans, self.clock = store, client, scans, clock
        self.retention = retention
        self.ledger = store.ledger()
        self.batch_ops, self.batch_bytes = batch_ops, batch_bytes
        self.on_progress: Callable[[], None] | None = None
        """Called on the round's thread after each batch recorded (the loop reports health)."""

    def run_once(self) -> Report:
        """One full round; raises the client's errors (Offline, Busy, Refused) to the loop."""
        repushed = 0  # counted by the round that met the new epoch, reported by the one that ends
        for _ in range(_MAX_ROUNDS):
            report = Report(repushed=repushed)
            try:
                self._round(report)
            except EpochChanged:
                repushed = report.repushed
                continue
            return report
        raise RuntimeError("the registry's epoch kept changing during synchronisation")

    def _round(self, report: Report) -> None:
        status = self.client.status()
        self._follow_epoch(status.epoch, report)
        report.clock_offset_seconds = (
            datetime.fromisoformat(status.server_time) - self.clock()
        ).total_seconds()
        acknowledged = self.ledger.last_acknowledged_seq()
        if status.last_client_seq < acknowledged:
            report.repushed += self.ledger.rewind(
                after_seq=status.last_client_seq, now=self.clock()
            )
            _log.warning(
                "the registry lost operations after %d: pushing them again", status.last_client_seq
            )
        self._push(report)
        self._upload_scans(report)
        self._pull(report, hall=status.hall)
        if self.retention is not None and self.retention.due(self.clock()):
            report.purged_scans = self.retention.run(self.store, now=self.clock()).scans

    def _follow_epoch(self, epoch: str, report: Report) -> None:
        known = self.ledger.server_epoch()
        if known == epoch:
            return
        again = self.ledger.adopt_epoch(epoch, now=self.clock())
        if known is not None:
            report.repushed += again
            _log.warning(
                "registry epoch changed (%s → %s): %d operations pushed again", known, epoch, again
            )
            raise EpochChanged

    def _check_epoch(self, epoch: str, report: Report) -> None:
        if epoch != self.ledger.server_epoch():
            self._follow_epoch(epoch, report)

    def _push(self, report: Report) -> None:
        while batch := self.ledger.outbox_batch(limit=self.batch_ops, max_bytes=self.batch_bytes):
            response = self.client.push([_wire(operation) for operation in batch])
            self._check_epoch(response.epoch, report)
            answers = [
                Answer(r.op_id, _STATES[r.state], r.code, r.reason) for r in response.results
            ]
            self.ledger.record_answers(answers, at=self.clock())
            report.pushed += len(answers)
            for answer in answers:
                report.applied += answer.state is OpState.APPLIED
                report.duplicates += answer.state is OpState.DUPLICATE
                report.rejected += answer.state is OpState.REJECTED
            self._progressed()

    def _pull(self, report: Report, *, hall: str) -> None:
        for space in (GLOBAL_SPACE, hall_space(hall)):
            more = True
            while more:
                page = self.client.changes(space, after=self.ledger.cursor(space))
                self._check_epoch(page.epoch, report)
                applied = self.ledger.apply_page(space, page.changes, now=self.clock())
                report.pulled += applied.applied
                report.kept_local += applied.kept_local
                more = page.more and bool(page.changes)
                self._progressed()

    def _upload_scans(self, report: Report) -> None:
        if self.scans is None:
            return
        while waiting := self.ledger.unverified_blobs():
            sizes = dict(waiting)
            missing = set(self.client.missing_blobs(list(sizes)))
            self.ledger.blobs_verified(
                [sha for sha in sizes if sha not in missing], at=self.clock()
            )
            uploaded = [
                sha for sha in sizes if sha in missing and self._upload(sha, sizes[sha], report)
            ]
            self.ledger.blobs_verified(uploaded, at=self.clock())
            self._progressed()
            if len(uploaded) < len(missing):
                return  # the rest failed (reported); try again next round

    def _progressed(self) -> None:
        if self.on_progress is not None:
            self.on_progress()

    def _upload(self, sha256: str, size: int, report: Report) -> bool:
        if size <= BLOB_CHUNK_BYTES:
            # The registry just said it lacks this scan, and an upload of one chunk is never
            # half there: send it at once (one round trip, not two, over a slow line).
            try:
                return self._upload_from(sha256, size, None, report)
            except Refused as refusal:
                if refusal.status != 409:
                    raise  # 409: the upload stands elsewhere; ask where, as for a larger scan
        state = self.client.upload_state(sha256)
        if state is not None and state.verified:
            return True
        return self._upload_from(sha256, size, state, report)

    def _upload_from(
        self, sha256: str, size: int, state: UploadState | None, report: Report
    ) -> bool:
        assert self.scans is not None
        offset = 0 if state is None else state.received
        try:
            for chunk in self.scans.read_from(sha256, offset, chunk=BLOB_CHUNK_BYTES):
                state = self._send(sha256, size, offset, chunk)
                offset = state.received
                report.uploaded_bytes += len(chunk)
        except NotFound:
            report.problems.append(f"scan {sha256} is missing from the scan folder")
            return False
        report.uploaded_scans += 1
        return state is not None and state.verified

    def _send(self, sha256: str, size: int, offset: int, chunk: bytes) -> UploadState:
        try:
            return self.client.upload_chunk(sha256, size=size, offset=offset, data=chunk)
        except Refused as refusal:
            if refusal.status == 409:
                # The chunk may have arrived twice (a duplicated request): the copy is refused.
                state = self.client.upload_state(sha256)
                if state is not None and state.received == offset + len(chunk):
                    return state
            if refusal.status == 422 and self.scans is not None and not self.scans.intact(sha256):
                raise NotFound("scan {sha256} is damaged on this disk", sha256=sha256) from None
            raise


def _wire(operation: OutboxOperation) -> Operation:
    return Operation(
        op_id=operation.op_id,
        client_seq=operation.client_seq,
        op_type=operation.op_type,
        payload_version=operation.payload_version,
        entity_id=operation.entity_id,
        base_version=operation.base_version,
        payload=dict(operation.payload),
        payload_sha256=operation.payload_sha256,
    )
