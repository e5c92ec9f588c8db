"""A counter's audit trail over epochs: one chain per epoch, verified together.

`window-clerk-registry admin verify-audit` checks every chain of the store and names the chain
that breaks; a store that starts at a later epoch starts its chain at sequence 1, unlinked.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clerk.audit import LINK, chain_id, link_to
from clerk.catalog import Catalogue
from clerk.ports import DeviceIdentity
from clerk.services import install_catalogue
from clerk.staff import Actor
from clerk.store import Store, open_store
from tests.integration.conftest import DEVICE
from tests.integration.test_registry_cli import open_one, run


def test_verification_covers_every_epochs_chain_and_names_the_broken_one(
    store: Store, clerk_actor: Actor
) -> None:
    open_one(store, clerk_actor)
    store.new_epoch()
    open_one(store, clerk_actor)
    later = chain_id(DEVICE.device_id, 2)
    with store.unit_of_work(read_only=True) as uow:
        first, second = uow.audit.chain(DEVICE.device_id), uow.audit.chain(later)
        assert uow.audit.chains() == [DEVICE.device_id, later]
    assert ([e.seq for e in first], [e.seq for e in second]) == ([1, 2, 3], [1, 2, 3])
    assert second[0].detail[LINK] == link_to(first[-1])[LINK]
    path = store.path
    store.close()
    assert run("admin", "verify-audit", str(path)) == (0, "ok: 6 audit entries, 2 chains intact\n")

    with sqlite3.connect(path) as db:  # someone with the file rewrites the later epoch's history
        db.execute("DROP TRIGGER audit_no_update")
        db.execute("UPDATE audit_entries SET actor = 'x' WHERE chain = ? AND seq = 2", (later,))
    code, text = run("admin", "verify-audit", str(path))
    assert code == 1
    assert text.startswith("broken at entry 2: ")
    assert text.endswith(f"(chain {later})\n")


def test_a_store_that_starts_at_a_later_epoch_starts_its_chain_unlinked(
    tmp_path: Path, clerk_actor: Actor, demo_catalogue: Catalogue
) -> None:
    device = DeviceIdentity(DEVICE.device_id, DEVICE.hall, DEVICE.counter, 4)
    with open_store(tmp_path / "w05.db", device=device) as store:
        install_catalogue(store.unit_of_work(), demo_catalogue)
        open_one(store, clerk_actor)
        with store.unit_of_work(read_only=True) as uow:
            chain = uow.audit.chain(chain_id(DEVICE.device_id, 4))
            assert uow.audit.chains() == [chain_id(DEVICE.device_id, 4)]
    assert [entry.seq for entry in chain] == [1, 2, 3]
    assert LINK not in chain[0].detail
