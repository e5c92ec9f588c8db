"""A registry worker is ready before its first request: FastAPI builds a router's routes (their
pydantic schemas) on the first request routed into it — about 0.2 s, and some 12,000 objects
of garbage that a collection then walks in one pause of 40–60 ms under load (seen in the queue
bench). `registry.server.warm_up` routes one request through the application before serving,
and the start-up's garbage is collected before the freeze (`settle_garbage_collector`).

Run in a child process: the collector's state is the whole interpreter's.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CHILD = textwrap.dedent(
    """
    import asyncio, gc, json, sys, time
    from registry.api import create_app
    from registry.db import create_registry_engine, migrate
    from registry.server import settle_garbage_collector, warm_up
    from registry.settings import Settings

    url = "sqlite:///" + sys.argv[1]
    engine = create_registry_engine(url)
    migrate(engine)
    app = create_app(Settings(database_url=url, secret="s" * 48), engine)
    if sys.argv[2] == "warm":
        warm_up(app)
    settle_garbage_collector()

    async def get(path):
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
            "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
            "query_string": b"", "root_path": "", "headers": [],
            "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
        }
        sent = []
        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}
        async def send(message):
            sent.append(message)
        await app(scope, receive, send)
        return next(m["status"] for m in sent if m["type"] == "http.response.start")

    began = time.perf_counter()
    statuses = [asyncio.run(get(path)) for path in ("/api/v1/health", "/api/v1/queue/display")]
    took = time.perf_counter() - began
    print(json.dumps({"statuses": statuses, "garbage": gc.collect(), "seconds": took}))
    """
)


def _first_requests(tmp_path: Path, mode: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path / f"{mode}.sqlite"), mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_first_requests_of_a_warmed_registry_leave_no_start_up_garbage(
    tmp_path: Path,
) -> None:
    cold = _first_requests(tmp_path, "cold")
    warm = _first_requests(tmp_path, "warm")
    assert cold["statuses"] == warm["statuses"] == [200, 401]  # the display needs a device
    # Without the warm-up the first requests build the routes' schemas: thousands of objects
    # of garbage (the check that this test can fail); warmed, a few requests' worth.
    assert int(str(cold["garbage"])) > 2000
    assert int(str(warm["garbage"])) < 500
