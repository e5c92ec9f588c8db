"""好差评 through a real registry process: re-checked on push, listed for supervisors over HTTP.

A rating given on a counter's panel reaches the registry with the next push; supervisors read
the hall's bad ratings at GET /api/v1/follow-ups (clerks may not); a supervisor's follow-up
recorded at another counter closes the item. The registry re-checks the rule: a rating from
another counter's panel and a follow-up by someone the registry does not know as a supervisor
are refused; a rating on a case the back office moved meanwhile is not lost as stale; and an
operation that does not carry the rating cannot erase it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import requests

from clerk import services
from clerk.cases import ApplicantPanel, BadReason, CaseStatus, Delivery, Rating, RatingLevel
from clerk.catalog import DeliveryMethod
from clerk.clock import HALL_TIMEZONE, local_day
from clerk.staff import Actor, Role
from clerk.store import uuid7
from tests.integration.sync.harness import BUSINESS as ITEM
from tests.integration.sync.harness import (
    COMPLETE,
    HALL,
    Counter,
    RegistryProcess,
    at,
    check_invariants,
    local_cases,
    person,
    staff_session,
)

WAIT = Rating(RatingLevel.DISSATISFIED, (BadReason.LONG_WAIT,), "排队一个多小时")
SUPERVISOR = Actor(f"{HALL}S001", "张敏", Role.SUPERVISOR)


def accepted(counter: Counter, n: int, now: datetime) -> str:
    """A complete 即办 case opened and accepted at `now`."""
    case_id = services.open_case(
        counter.store.unit_of_work(),
        case_id=uuid7(),
        item_code=ITEM,
        situation=None,
        applicant=person(n),
        actor=counter.clerk,
        now=now,
    ).case.case_id
    uow = counter.store.unit_of_work
    services.record_materials(
        uow(), case_id=case_id, records=COMPLETE, actor=counter.clerk, now=now
    )
    services.accept(uow(), case_id=case_id, actor=counter.clerk, now=now)
    return case_id


def rate(counter: Counter, case_id: str, rating: Rating, now: datetime, panel: str = "") -> None:
    services.rate(
        counter.store.unit_of_work(),
        case_id=case_id,
        rating=rating,
        via=ApplicantPanel(panel or counter.name),
        now=now,
    )


def follow_ups(registry: RegistryProcess, who: str = "S001", **params: Any) -> requests.Response:
    return requests.get(
        f"{registry.url}/api/v1/follow-ups",
        headers=staff_session(registry, who),
        params=params,
        timeout=10,
    )


def rejections(counter: Counter) -> list[tuple[str, str | None]]:
    with counter.store.unit_of_work(read_only=True) as uow:
        attention = uow.repositories.outbox.needs_attention()
    return [(op.op_type, op.result_code) for op in attention]


def test_supervisors_see_bad_ratings_and_a_follow_up_at_another_counter_closes_them(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    w01, w02 = make_counter("W01"), make_counter("W02")
    now = datetime.now(HALL_TIMEZONE)
    old = accepted(w01, 1, at("2026-03-02 09:00"))
    rate(w01, old, WAIT, at("2026-03-02 09:30"))
    fresh = accepted(w01, 2, now)
    rate(w01, fresh, Rating(RatingLevel.VERY_DISSATISFIED, (BadReason.ATTITUDE,)), now)
    good = accepted(w01, 3, now)
    rate(w01, good, Rating(RatingLevel.VERY_SATISFIED), now)
    w01.sync()
    assert rejections(w01) == []

    answer = follow_ups(registry)
    assert answer.status_code == 200, answer.text
    items = answer.json()["items"]
    assert [(i["case_id"], i["overdue"], i["done"]) for i in items] == [
        (old, True, False),  # due 5 March 2026, long past
        (fresh, False, False),
    ]
    assert items[0] | {"rated_at": "", "case_id": "", "number": ""} == {
        "case_id": "",
        "number": "",
        "status": "accepted",
        "level": "dissatisfied",
        "reasons": ["long_wait"],
        "text": "排队一个多小时",
        "clerk_id": w01.clerk.staff_id,
        "rated_at": "",
        "due_on": "2026-03-05",
        "due_provisional": False,
        "overdue": True,
        "done": False,
        "done_by": None,
        "done_at": None,
        "note": "",
    }
    assert items[1]["due_on"] > local_day(now).isoformat()
    assert follow_ups(registry, "C001").status_code == 403  # supervisors only

    w02.sync()  # the supervisor's own counter has the hall's cases
    services.follow_up(
        w02.store.unit_of_work(),
        case_id=old,
        note="已整改，电话回访",
        supervisor=SUPERVISOR,
        now=now,
    )
    w02.sync()
    assert rejections(w02) == []
    assert [i["case_id"] for i in follow_ups(registry).json()["items"]] == [fresh]
    everything = follow_ups(registry, done="true").json()["items"]
    assert [(i["case_id"], i["done"], i["done_by"]) for i in everything] == [
        (fresh, False, None),
        (old, True, SUPERVISOR.staff_id),
    ]
    w01.sync()
    check_invariants(registry, [w01, w02])


def test_the_registry_refuses_a_rating_from_another_panel_and_a_follow_up_by_a_non_supervisor(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    w01 = make_counter("W01")
    foreign = accepted(w01, 4, at("2026-03-02 09:00"))
    rate(w01, foreign, WAIT, at("2026-03-02 09:10"), panel="W03")
    own = accepted(w01, 5, at("2026-03-02 09:20"))
    rate(w01, own, WAIT, at("2026-03-02 09:30"))
    # A clerk whose offline login still says "supervisor": the registry knows better.
    promoted = Actor(f"{HALL}C001", "王芳", Role.SUPERVISOR)
    services.follow_up(
        w01.store.unit_of_work(),
        case_id=own,
        note="已回访",
        supervisor=promoted,
        now=at("2026-03-03 09:00"),
    )
    w01.sync()
    assert rejections(w01) == [
        ("case.rated", "rating_refused"),
        ("case.follow_up_recorded", "rating_refused"),
    ]
    listed = {i["case_id"]: i["done"] for i in follow_ups(registry).json()["items"]}
    assert listed == {own: False}
    assert local_cases(w01)[foreign][1]["rating"] is None  # the registry's copy came back
    check_invariants(registry, [w01])


def test_a_rating_on_a_case_the_back_office_moved_meanwhile_is_kept(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    w01 = make_counter("W01")
    case_id = w01.open_and_accept(6)
    w01.sync()
    headers = staff_session(registry, "S001")
    base = requests.get(f"{registry.url}/api/v1/cases/{case_id}", headers=headers, timeout=10)
    decided = requests.post(
        f"{registry.url}/api/v1/cases/{case_id}/decisions",
        json={"action": "start_review", "base_version": base.json()["version"]},
        headers=headers,
        timeout=10,
    )
    assert decided.status_code == 200, decided.text
    rate(w01, case_id, WAIT, at("2026-03-02 09:30"))  # on the copy from before the review
    w01.sync()
    assert rejections(w01) == []
    status, data = local_cases(w01)[case_id]
    assert status == CaseStatus.IN_REVIEW.value  # the back office's move stands
    assert data["rating"]["rating"]["level"] == "dissatisfied"  # and so does the rating
    check_invariants(registry, [w01])


def test_an_operation_that_does_not_carry_the_rating_cannot_erase_it(
    registry: RegistryProcess, make_counter: Callable[..., Counter]
) -> None:
    w01 = make_counter("W01")
    case_id = w01.open_and_accept(8)
    rate(w01, case_id, WAIT, at("2026-03-02 09:30"))
    services.complete_on_the_spot(
        w01.store.unit_of_work(), case_id=case_id, actor=w01.clerk, now=at("2026-03-02 09:40")
    )
    w01.sync()
    with w01.store.engine.begin() as connection:  # a counter that knows nothing of ratings
        row = connection.exec_driver_sql("SELECT data FROM cases WHERE case_id = ?", (case_id,))
        data = json.loads(row.scalar_one())
        data.pop("rating")
        connection.exec_driver_sql(
            "UPDATE cases SET data = ? WHERE case_id = ?", (json.dumps(data), case_id)
        )
    delivery = Delivery(DeliveryMethod.WINDOW, at("2026-03-02 09:50"), "张8", identity_checked=True)
    services.record_hand_out(
        w01.store.unit_of_work(),
        case_id=case_id,
        delivery=delivery,
        actor=w01.clerk,
        now=at("2026-03-02 09:50"),
    )
    w01.sync()
    assert rejections(w01) == []
    status, data = local_cases(w01)[case_id]
    assert status == CaseStatus.DELIVERED.value
    assert data["rating"]["rating"]["reasons"] == ["long_wait"]
    check_invariants(registry, [w01])
