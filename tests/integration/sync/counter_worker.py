"""A counter process for the kill test: clerk actions and sync rounds in a loop until killed.

Run as `python -m tests.integration.sync.counter_worker STORE_PATH REGISTRY_URL`. The store must
be enrolled already: each counter reads its credential from the store's ledger and talks to
REGISTRY_URL. Starting Python and importing the client takes longer than a kill cycle should,
so this process imports once and then forks one counter process per `run N` line on stdin: a
new process that opens the store afresh, as a restarted counter does (this one never opens it);
N makes its applicants and action times its own.
A `kill` line kills the running counter with SIGKILL; this process, its parent, reaps it, so
its pid cannot have been reused by then. On stdout, one flushed line each:

    started PID                a counter process began (it opens the store next)
    ready                      the store is open
    write                      a clerk action begins
    done CASE_ID ACTION        that action committed (ACTION is the operation type)
    sync                       a sync round begins
    synced EPOCH GLOBAL HALL   the round ended; the cursors it left
    offline ERROR              the round met an unreachable or busy registry
    crashed                    the counter failed on its own (the traceback is on stderr)
    ended PID EXIT_CODE        the counter process is gone (-9 when killed)
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from clerk import services
from clerk.cases import Applicant, ApplicantKind
from clerk.clock import HALL_TIMEZONE
from clerk.identity import resident_id_check_char
from clerk.materials import MaterialRecord, Provision
from clerk.scans import ScanFolder
from clerk.services.views import ActionResult
from clerk.staff import Actor, Role
from clerk.store import Store, open_store, uuid7
from clerk.wire import GLOBAL_SPACE, hall_space
from sync.client import Busy, Offline, RegistryClient
from sync.engine import SyncEngine

BUSINESS = "1133990000248201X8000120103000"
CLERK = Actor("C001", "王芳", Role.CLERK)
RECORDS = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.COPY, copies=1),
}
BACKOFF_SECONDS = 0.05
"""The pause after a failed round, as the sync loop would back off (shortened for the test)."""


def say(line: str) -> None:
    """Report progress to the parent (flushed: the parent may kill us right after)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def applicant(n: int) -> Applicant:
    """A valid applicant, different for each n."""
    body = f"33010619850312{n % 1000:03d}"
    return Applicant.checked(
        kind=ApplicantKind.PERSON,
        name=f"张{n}",
        id_number=body + resident_id_check_char(body),
        phone="13812345678",
    )


def moments(run: int) -> Iterator[datetime]:
    """Working-day times for the actions of run `run`: 50 ms apart, a minute per run."""
    moment = datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TIMEZONE) + timedelta(minutes=run)
    while True:
        moment += timedelta(milliseconds=50)
        yield moment


class Worker:
    """One counter at work: cases opened, recorded and accepted; sync rounds in between."""

    def __init__(self, store: Store, url: str, run: int) -> None:
        credentials = store.ledger().credentials()
        if credentials is None:
            raise SystemExit("the store is not enrolled")
        self.store = store
        self.client = RegistryClient(url, token=credentials.token, timeout=(2.0, 5.0))
        self.engine = SyncEngine(
            self.store, self.client, scans=ScanFolder(store.path.parent / "scans")
        )
        self.clock = moments(run)
        self.rng = random.Random(run)
        self.applicants = run * 1000

    def action(self, name: str, act: Callable[[datetime], ActionResult]) -> str:
        """Run one clerk action and report it once committed; returns the case id."""
        say("write")
        case_id = act(next(self.clock)).case.case_id
        say(f"done {case_id} {name}")
        return case_id

    def one_case(self) -> None:
        """Open a case, record its materials, accept it: three actions, three commits."""
        self.applicants += 1
        person = applicant(self.applicants)
        uow = self.store.unit_of_work
        case_id = self.action(
            "case.opened",
            lambda now: services.open_case(
                uow(),
                case_id=uuid7(),
                item_code=BUSINESS,
                situation=None,
                applicant=person,
                actor=CLERK,
                now=now,
            ),
        )
        self.action(
            "case.materials_recorded",
            lambda now: services.record_materials(
                uow(), case_id=case_id, records=RECORDS, actor=CLERK, now=now
            ),
        )
        self.action(
            "case.accepted",
            lambda now: services.accept(uow(), case_id=case_id, actor=CLERK, now=now),
        )

    def sync_round(self) -> None:
        """One sync round, reported with the cursors it left (or why it could not finish)."""
        say("sync")
        try:
            self.engine.run_once()
        except (Offline, Busy) as error:
            say(f"offline {type(error).__name__}")
            time.sleep(BACKOFF_SECONDS)
            return
        ledger = self.store.ledger()
        cursors = [ledger.cursor(space) for space in (GLOBAL_SPACE, hall_space(self.hall))]
        say(f"synced {ledger.server_epoch()} {cursors[0]} {cursors[1]}")

    @property
    def hall(self) -> str:
        """This counter's hall."""
        return self.store.device.hall

    def run(self) -> None:
        """Work until killed: one or two cases, then a sync round, again and again.

        Returns only if the forking process died (then nobody would ever kill this one).
        """
        parent = os.getppid()
        while os.getppid() == parent:
            for _ in range(self.rng.randint(1, 2)):
                self.one_case()
            self.sync_round()


def counter(path: Path, url: str, run: int) -> int:
    """The body of one counter process: open the store and work until killed."""
    try:
        say(f"started {os.getpid()}")
        store = open_store(path)
        say("ready")
        Worker(store, url, run).run()
    except BaseException:
        traceback.print_exc()
        say("crashed")
    return 1


def run_counter(path: Path, url: str, run: int) -> None:
    """Fork a counter process, wait for `kill` (or the end of stdin), kill -9 it and reap it."""
    pid = os.fork()
    if pid == 0:
        os._exit(counter(path, url, run))  # never return into this loop
    sys.stdin.readline()
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    say(f"ended {pid} {os.waitstatus_to_exitcode(status)}")


def main(path: Path, url: str) -> None:
    """Start a counter for each `run N` line on stdin, until stdin ends."""
    while line := sys.stdin.readline():
        run_counter(path, url, int(line.split()[1]))


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
