"""Scans the registry holds leave the counter's disk after the retention period (issue 7)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import requests
from sqlalchemy import select

from clerk import services
from clerk.services.scans import case_scans, held_by_registry
from clerk.store.schema import BLOBS
from sync.engine import SyncEngine, utc_now
from sync.retention import ScanRetention
from tests.integration.sync.harness import Counter, RegistryProcess, at


def _indexed(counter: Counter) -> set[str]:
    with counter.store.engine.connect() as connection:
        return set(connection.execute(select(BLOBS.c.sha256)).scalars())


def test_acknowledged_scans_go_after_the_retention_and_the_rest_stay(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    counter = make_counter()
    held = counter.open_and_accept(1)
    old = counter.attach_scan(held, b"%PDF-1.4 verified and confirmed")
    changed = counter.open_and_accept(2)
    busy = counter.attach_scan(changed, b"%PDF-1.4 verified, case changed since")
    counter.sync()
    services.complete_on_the_spot(
        counter.store.unit_of_work(),
        case_id=changed,
        actor=counter.clerk,
        now=at("2026-03-02 10:00"),
    )  # not pushed yet: the registry has not confirmed this case's state
    offline = counter.attach_scan(counter.open_and_accept(3), b"%PDF-1.4 never uploaded")
    scans, now = counter.scans, utc_now()

    forever = ScanRetention.from_days(scans, 0).run(counter.store, now=now + timedelta(days=999))
    younger = ScanRetention.from_days(scans, 30).run(counter.store, now=now + timedelta(days=29))
    assert (forever.scans, younger.scans) == (0, 0)
    older = ScanRetention.from_days(scans, 30).run(counter.store, now=now + timedelta(days=31))

    assert older.scans == 1
    assert not scans.path(old).exists()
    assert scans.path(busy).exists()
    assert scans.path(offline).exists()
    assert _indexed(counter) == {old, busy, offline}  # the record stays: hash, size, type
    listed = case_scans(counter.store.unit_of_work(read_only=True), case_id=held)
    assert [scan.sha256 for scan in listed] == [old]
    everything = [old, busy, offline]
    held_there = held_by_registry(counter.store.unit_of_work(read_only=True), hashes=everything)
    assert held_there == {old, busy}  # what the case page shows as kept at the registry
    answer = requests.get(f"{registry.url}/api/v1/blobs/{old}", timeout=10, headers=_auth(counter))
    assert answer.ok  # kept at the registry


def _auth(counter: Counter) -> dict[str, str]:
    credentials = counter.store.ledger().credentials()
    assert credentials is not None
    return {"Authorization": f"Bearer {credentials.token}"}


def test_the_sync_round_runs_the_retention_pass_at_start(
    make_counter: Callable[..., Counter],
) -> None:
    counter = make_counter()
    case_id = counter.open_and_accept(4)
    sha = counter.attach_scan(case_id, b"%PDF-1.4 scan of a licence")
    retention = ScanRetention(counter.scans, keep=timedelta(microseconds=1))
    engine = SyncEngine(counter.store, counter.client, scans=counter.scans, retention=retention)
    report = engine.run_once()  # push, upload, pull (the case confirmed), then the pass
    assert report.purged_scans == 1
    assert not counter.scans.path(sha).exists()
    assert not retention.due(utc_now())  # the next pass waits for its interval
