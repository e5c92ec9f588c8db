"""Fixtures of the printing tests: every sample document built once, a real counter store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clerk.catalog import load_catalogue
from clerk.ports import DeviceIdentity
from clerk.services import install_catalogue
from clerk.store import Store, open_store
from printing import DocumentKind, Paper, build, papers
from tests.printing import samples

DEMO = Path(__file__).resolve().parents[2] / "resources" / "catalogue" / "demo.json"
DEVICE = DeviceIdentity(
    device_id="0192f0c0-0000-7000-8000-0000000000a5", hall="SF01", counter="W05", epoch=1
)

LAYOUTS = [(kind, paper) for kind in DocumentKind for paper in papers(kind)]
"""Every (kind, paper) a document is laid out for."""


def layout_id(layout: tuple[DocumentKind, Paper]) -> str:
    """A readable test id, e.g. "acceptance_receipt-a4"."""
    return f"{layout[0].value}-{layout[1].value}"


@pytest.fixture(scope="session")
def sample_pdfs() -> dict[tuple[DocumentKind, Paper], bytes]:
    """The sample of every kind on every paper, built once for the session."""
    return {
        (kind, paper): build(kind, samples.sample(kind), paper=paper) for kind, paper in LAYOUTS
    }


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A counter store on a real file, holding the demo catalogue."""
    opened = open_store(tmp_path / "counter.db", device=DEVICE)
    install_catalogue(opened.unit_of_work(), load_catalogue(DEMO))
    yield opened
    opened.close()
