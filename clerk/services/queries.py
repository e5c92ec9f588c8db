"""Read-only use cases: find cases, show one, list the catalogue, verify the audit trail.

They never commit: give them a read-only unit of work (the store's `unit_of_work(read_only=True)`),
which reads a snapshot without taking the write lock. `install_catalogue` is the exception: it
writes, so it needs an ordinary unit of work.
"""

from __future__ import annotations

from datetime import datetime

from clerk.audit import ChainCheck, verify_chains
from clerk.catalog import Catalogue
from clerk.identity import validate_resident_id
from clerk.ports import DocumentRecord, UnitOfWork
from clerk.services.core import load_case, view_of
from clerk.services.views import CaseSummary, CaseView, ItemSummary, case_summary, item_summary


def search_cases(
    uow: UnitOfWork,
    *,
    number: str | None = None,
    id_number: str | None = None,
    name_prefix: str | None = None,
    phone: str | None = None,
    limit: int = 50,
) -> tuple[CaseSummary, ...]:
    """Find cases by number, ID number, name prefix or phone (all given criteria must match).

    An ID number is matched in its normalised form, so a legacy 15-digit number or a lowercase
    x finds the case too.
    """
    if id_number is not None:
        check = validate_resident_id(id_number)
        id_number = check.normalized if check.ok and check.normalized else id_number.strip()
    with uow:
        records = uow.cases.search(
            number=number.strip().upper() if number else None,
            id_number=id_number,
            name_prefix=name_prefix.strip() if name_prefix else None,
            phone=phone.strip() if phone else None,
            limit=limit,
        )
        return tuple(case_summary(record) for record in records)


def get_case(uow: UnitOfWork, *, case_id: str, now: datetime) -> CaseView:
    """One case as the screen shows it. Raises NotFound."""
    with uow:
        case, record, item = load_case(uow, case_id)
        return view_of(uow, case, item, version=record.version, now=now)


def case_documents(uow: UnitOfWork, *, case_id: str) -> tuple[DocumentRecord, ...]:
    """Every document issued for a case, oldest first (each can be reprinted)."""
    with uow:
        return tuple(uow.documents.for_case(case_id))


def list_items(uow: UnitOfWork) -> tuple[ItemSummary, ...]:
    """The current catalogue's items, by name."""
    with uow:
        catalogue = uow.catalogue.current()
    if catalogue is None:
        return ()
    return tuple(sorted((item_summary(i) for i in catalogue.items), key=lambda s: s.code))


def current_catalogue(uow: UnitOfWork) -> Catalogue | None:
    """The current catalogue with every item in full (for intake), or None before the first."""
    with uow:
        return uow.catalogue.current()


def install_catalogue(uow: UnitOfWork, catalogue: Catalogue) -> None:
    """Store a catalogue as the current one (older item versions stay for their cases)."""
    with uow:
        uow.catalogue.put(catalogue)
        uow.commit()


def verify_audit(uow: UnitOfWork) -> ChainCheck:
    """Verify this counter's whole audit trail: its chain of every epoch, each unbroken.

    Returns:
        The check over every chain (`clerk.audit.verify_chains`): where the first one breaks.
    """
    with uow:
        device_id = uow.device.device_id
        chains = {chain: uow.audit.chain(chain) for chain in uow.audit.chains()}
    return verify_chains(device_id, chains)
