"""The spooler: queued jobs print in order, a failing printer loses nothing, copies are marked."""

from __future__ import annotations

from pathlib import Path

from clerk import services
from clerk.materials import MaterialRecord, Provision
from clerk.store import Store
from printing.errors import PrinterError
from printing.spooler import FolderPrinter, Spooler
from tests.printing import pdftools
from tests.printing.test_from_domain import BUSINESS, CLERK, CONTEXT, ID_NUMBER, _open, at

COMPLETE = {
    "M01": MaterialRecord(Provision.ORIGINAL, copies=1),
    "M02": MaterialRecord(Provision.E_LICENCE),
    "M03": MaterialRecord(Provision.COPY, copies=1),
}


class JammedPrinter:
    """A printer that refuses every job, like one out of paper (the job must stay queued)."""

    def send(self, pdf: bytes, *, title: str) -> None:
        raise PrinterError("out of paper")


def accepted(store: Store) -> str:
    case_id = _open(store, BUSINESS, None, "2026-03-02 09:00")
    services.record_materials(
        store.unit_of_work(),
        case_id=case_id,
        records=COMPLETE,
        actor=CLERK,
        now=at("2026-03-02 09:05"),
    )
    return services.accept(
        store.unit_of_work(), case_id=case_id, actor=CLERK, now=at("2026-03-02 09:10")
    ).documents[0]


def test_a_failing_printer_keeps_the_job_and_it_prints_once_the_printer_works(
    store: Store, tmp_path: Path
) -> None:
    number = accepted(store)
    failed = Spooler(store, JammedPrinter(), context=CONTEXT).run_once()
    assert (failed.printed, failed.failed) == ([], "out of paper")
    (job,) = services.queued_jobs(store.unit_of_work(read_only=True))
    assert (job.number, job.attempts, job.last_error) == (number, 1, "out of paper")
    done = Spooler(store, FolderPrinter(tmp_path / "out"), context=CONTEXT).run_once()
    assert done.printed == [number]
    assert services.queued_jobs(store.unit_of_work(read_only=True)) == ()
    text = pdftools.flat(pdftools.text((tmp_path / "out" / f"{number}.pdf").read_bytes()))
    assert pdftools.flat("受理") in text
    assert ID_NUMBER not in text  # masked on paper
    assert "COPY" not in text


def test_a_reprint_from_the_case_prints_marked_as_a_copy(store: Store, tmp_path: Path) -> None:
    number = accepted(store)
    printer = FolderPrinter(tmp_path / "out")
    Spooler(store, printer, context=CONTEXT).run_once()
    services.reprint(store.unit_of_work(), number=number, actor=CLERK, now=at("2026-03-03 10:00"))
    assert Spooler(store, printer, context=CONTEXT).run_once().printed == [f"{number}-copy1"]
    copy = pdftools.flat(pdftools.text((tmp_path / "out" / f"{number}-copy1.pdf").read_bytes()))
    assert "COPY" in copy
    assert pdftools.flat("副本") in copy


def test_a_full_disk_is_a_printer_error_not_a_lost_job(store: Store, tmp_path: Path) -> None:
    accepted(store)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    report = Spooler(store, FolderPrinter(blocked), context=CONTEXT).run_once()
    assert report.failed is not None
    assert len(services.queued_jobs(store.unit_of_work(read_only=True))) == 1
