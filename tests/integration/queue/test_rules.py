"""Every rule of DOMAIN.md §8 over HTTP, against a real registry on SQLite and on PostgreSQL.

Each test works in a fresh hall of a registry shared by the module (three services A, B, C;
counters W01–W03 and the kiosk K01). Rules that need the clock to move (the five-minute
cooldown passing, midnight) are in `test_clock.py`; here the cooldown is shown refusing, and
a work profile with no cooldown shows the recall limit and the no-show.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import requests
from sqlalchemy import select

from clerk.queue import Channel, Outcome, Placement, TicketState
from clerk.queue.wire import HallQueueSettings, ProfileSpec, ServiceSpec
from registry.db import stamp, utc_now
from registry.queue_schema import QUEUE_TICKETS
from sync.client import Refused
from sync.queue_client import new_request_id
from tests.integration.queue.harness import QueueHall, configure
from tests.integration.sync.harness import person

S = TicketState


def refusal(call: object) -> Refused:
    """The Refused a queue call raised (the call is a zero-argument lambda)."""
    assert callable(call)
    with pytest.raises(Refused) as caught:
        call()
    return caught.value


# -- numbers and caps -------------------------------------------------------------------------


def test_numbers_count_up_per_service_with_its_prefix(hall: QueueHall) -> None:
    numbers = [hall.issue(service).number for service in ("BIZ", "BIZ", "TAX", "BIZ", "SOC")]

    assert numbers == ["A001", "A002", "B001", "A003", "C001"]


def test_numbers_restart_at_001_on_the_next_day(hall: QueueHall) -> None:
    assert [hall.issue().number for _ in range(3)] == ["A001", "A002", "A003"]
    hall.move_issue_day((utc_now() - timedelta(days=1)).date().isoformat())

    assert [hall.issue().number for _ in range(2)] == ["A001", "A002"]


def test_a_registry_upgraded_in_the_middle_of_a_day_goes_on_from_the_days_numbers(
    hall: QueueHall,
) -> None:
    assert [hall.issue().number for _ in range(3)] == ["A001", "A002", "A003"]
    hall.forget_number_counts()  # tickets issued by a registry that did not keep the count

    assert [hall.issue().number for _ in range(2)] == ["A004", "A005"]
    assert hall.issue("TAX").number == "B001"


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Shanghai"])
def test_the_day_of_a_number_is_the_day_in_the_halls_time_zone(hall: QueueHall, zone: str) -> None:
    configure(hall.registry, hall.code, settings=HallQueueSettings(timezone=zone))
    before = datetime.now(ZoneInfo(zone)).date().isoformat()
    ticket = hall.issue()
    after = datetime.now(ZoneInfo(zone)).date().isoformat()

    with hall.registry.db() as connection:
        day = connection.execute(
            select(QUEUE_TICKETS.c.issue_day).where(QUEUE_TICKETS.c.id == ticket.id)
        ).scalar_one()
    assert day in {before, after}  # UTC+14 and UTC−11: never both the UTC date


def test_a_full_daily_cap_is_refused_clearly_and_the_next_day_opens_again(
    hall: QueueHall,
) -> None:
    configure(hall.registry, hall.code, services=(ServiceSpec("TAX", "B", "税务", daily_cap=2),))
    assert [hall.issue("TAX").number for _ in range(2)] == ["B001", "B002"]

    full = refusal(lambda: hall.issue("TAX"))

    assert (full.status, full.code) == (409, "daily_cap")
    assert "daily cap of 2" in str(full)
    # the refusal counted nothing: with a cap of 3, one more ticket, the next number
    configure(hall.registry, hall.code, services=(ServiceSpec("TAX", "B", "税务", daily_cap=3),))
    assert hall.issue("TAX").number == "B003"
    assert refusal(lambda: hall.issue("TAX")).code == "daily_cap"
    hall.move_issue_day((utc_now() - timedelta(days=1)).date().isoformat())
    assert hall.issue("TAX").number == "B001"


def test_every_channel_issues_and_an_id_number_is_kept_only_masked(hall: QueueHall) -> None:
    id_number = person(7).id_number
    soon = stamp(utc_now() + timedelta(minutes=30))
    tickets = [
        hall.issue(channel=Channel.ON_SITE),
        hall.issue(channel=Channel.ID_CARD, id_number=id_number),
        hall.issue(channel=Channel.APPOINTMENT, appointment_at=soon),
        hall.device("W01").issue("BIZ", channel=Channel.WALK_IN, staff_id=hall.clerk).ticket,
    ]

    assert [t.channel for t in tickets] == [
        Channel.ON_SITE,
        Channel.ID_CARD,
        Channel.APPOINTMENT,
        Channel.WALK_IN,
    ]
    masked = tickets[1].id_masked
    assert masked is not None
    assert masked.startswith(id_number[:4])
    assert masked.endswith(id_number[-4:])
    assert id_number[4:-4] not in masked
    with hall.registry.db() as connection:
        stored = connection.execute(select(QUEUE_TICKETS)).all()
    assert not any(id_number in str(tuple(row)) for row in stored)  # nowhere in clear
    assert hall.events(tickets[3].id)[0][1] == "W01"  # a walk-in is issued by its counter


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"channel": Channel.ID_CARD}, 422),  # an ID-card ticket without the number
        ({"channel": Channel.ID_CARD, "id_number": "110105199001011234"}, 422),  # bad check
        ({"channel": Channel.APPOINTMENT}, 422),  # no appointment time
        ({"channel": Channel.APPOINTMENT, "appointment_at": "2026-03-02T09:30:00"}, 422),  # naive
        ({"channel": Channel.COUNTER_LOCAL}, 422),  # only counters offline issue these
        ({"priority": 10}, 422),
    ],
)
def test_malformed_tickets_are_refused(
    hall: QueueHall, fields: dict[str, object], status: int
) -> None:
    answer = refusal(lambda: hall.kiosk.issue("BIZ", **fields))  # type: ignore[arg-type]

    assert answer.status == status
    assert refusal(lambda: hall.issue("NOPE")).status == 404


# -- the calling policy -----------------------------------------------------------------------


def test_the_green_channel_is_called_first(hall: QueueHall) -> None:
    hall.issue(priority=5)
    hall.issue()
    hall.issue(green_channel=True)

    assert hall.call_order("W01") == ["A003", "A001", "A002"]


def test_appointments_are_called_first_from_two_minutes_before_their_time(
    hall: QueueHall,
) -> None:
    hall.issue()
    in_five = stamp(utc_now() + timedelta(minutes=5))
    in_one = stamp(utc_now() + timedelta(minutes=1))
    hall.issue(channel=Channel.APPOINTMENT, appointment_at=in_five)
    hall.issue(channel=Channel.APPOINTMENT, appointment_at=in_one)
    hall.issue()

    # A003 is due within two minutes; A002 (in five) waits by its arrival, like everyone else.
    assert hall.call_order("W01") == ["A003", "A001", "A002", "A004"]


def test_then_priority_then_arrival(hall: QueueHall) -> None:
    hall.issue()
    hall.issue(priority=2)
    hall.issue()
    hall.issue(priority=2)

    assert hall.call_order("W01") == ["A002", "A004", "A001", "A003"]


def test_a_counter_calls_only_the_services_of_its_work_profile_by_their_weights(
    hall: QueueHall,
) -> None:
    hall.profile("W02", ProfileSpec(services=["TAX", "SOC"], service_weights={"SOC": 5}))
    for service in ("BIZ", "TAX", "SOC", "BIZ", "TAX"):
        hall.issue(service)

    assert hall.call_order("W02") == ["C001", "B001", "B002"]
    assert hall.call_order("W01") == ["A001", "A002"]  # no profile: every service


# -- missed, recall, cooldown, no-show ---------------------------------------------------------


def test_a_missed_ticket_waits_out_its_cooldown_before_a_recall(hall: QueueHall) -> None:
    missed, waiting = hall.issue(), hall.issue()  # default profile: five minutes' cooldown
    w01 = hall.device("W01")
    w01.missed(hall.called("W01").id)

    early = refusal(lambda: w01.recall(missed.id, request_id=new_request_id(), staff_id=hall.clerk))

    assert (early.status, early.code) == (409, "queue_rule")
    assert "can be recalled from" in str(early)
    assert hall.called("W01").id == waiting.id  # the next call skips it: not eligible yet
    hall.serve("W01", waiting)
    assert hall.call("W01").ticket is None


def test_recalls_up_to_the_limit_then_the_ticket_is_a_no_show(hall: QueueHall) -> None:
    hall.profile("W01", ProfileSpec(recall_cooldown_seconds=0, max_recalls=2))
    ticket = hall.issue()
    w01 = hall.device("W01")
    recalls = []
    for _ in range(3):  # the first call, then two recalls
        called = hall.called("W01")
        assert called.id == ticket.id
        recalls.append(called.recalls)
        w01.missed(ticket.id)

    assert recalls == [0, 1, 2]
    assert hall.call("W01").ticket is None  # no recall left: swept to a no-show
    view = w01.counter()
    assert view.current is not None
    assert view.current.state is S.NO_SHOW
    kinds = [kind for kind, _, _ in hall.events(ticket.id)]
    assert kinds == [
        "issued",
        "called",
        "missed",
        "recalled",
        "missed",
        "recalled",
        "missed",
        "no_show",
    ]
    again = refusal(lambda: w01.recall(ticket.id, request_id=new_request_id(), staff_id=hall.clerk))
    assert again.status == 409


def test_a_missed_ticket_may_be_recalled_explicitly_once_its_cooldown_passed(
    hall: QueueHall,
) -> None:
    hall.profile("W01", ProfileSpec(recall_cooldown_seconds=0))
    ticket = hall.issue()
    w01 = hall.device("W01")
    w01.missed(hall.called("W01").id)

    answer = w01.recall(ticket.id, request_id=new_request_id(), staff_id=hall.clerk)

    assert answer.ticket is not None
    assert (answer.ticket.state, answer.ticket.recalls) == (S.CALLED, 1)


# -- transfers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("placement", "order"),
    [
        (Placement.FRONT, ["A001", "B001", "B002"]),
        (Placement.END, ["B001", "B002", "A001"]),
        (Placement.BY_ARRIVAL, ["B001", "A001", "B002"]),
    ],
)
def test_a_transfer_places_the_ticket_at_the_front_the_end_or_by_its_arrival(
    hall: QueueHall, placement: Placement, order: list[str]
) -> None:
    hall.profile("W01", ProfileSpec(services=["BIZ"]))
    hall.profile("W02", ProfileSpec(services=["TAX"]))
    hall.issue("TAX")  # B001 arrives first,
    moving = hall.issue("BIZ")  # then A001,
    hall.issue("TAX")  # then B002.
    assert hall.called("W01").id == moving.id
    w01 = hall.device("W01")
    w01.start(moving.id)

    moved = w01.transfer(moving.id, placement, to_service="TAX", note="需要税务窗口").ticket

    assert (moved.state, moved.service, moved.transfer_note) == (S.WAITING, "TAX", "需要税务窗口")
    assert hall.call_order("W02") == order
    detail = hall.events(moving.id)[3][2]
    assert detail == {"to_service": "TAX", "placement": placement.value, "note": "需要税务窗口"}


def test_a_ticket_transferred_to_a_counter_or_a_staff_member_is_called_only_there(
    hall: QueueHall,
) -> None:
    to_counter, to_staff = hall.issue(), hall.issue()
    supervisor = hall.hall.staff_id("S001")
    w01 = hall.device("W01")
    assert hall.called("W01").id == to_counter.id
    w01.transfer(to_counter.id, Placement.FRONT, to_counter="W03", note="请到3号窗口")
    assert hall.called("W01").id == to_staff.id
    w01.transfer(to_staff.id, Placement.FRONT, to_staff=supervisor, note="需首席代表审核")

    assert hall.call("W02").ticket is None  # neither is for W02 or for its clerk
    assert hall.called("W03").id == to_counter.id
    at_w02 = hall.device("W02").call_next(request_id=new_request_id(), staff_id=supervisor)
    assert at_w02.ticket is not None
    assert (at_w02.ticket.id, at_w02.ticket.transfer_note) == (to_staff.id, "需首席代表审核")


# -- the loop rule, park, call a number, finish, pause -----------------------------------------


def test_a_counter_cannot_call_again_while_its_ticket_is_called_or_served(
    hall: QueueHall,
) -> None:
    for _ in range(3):
        hall.issue()
    w01 = hall.device("W01")
    first = hall.called("W01")

    called = refusal(lambda: hall.call("W01"))
    w01.start(first.id)
    serving = refusal(lambda: hall.call("W01"))

    for refused in (called, serving):
        assert (refused.status, refused.code) == (409, "loop_rule")
    assert "finish, park, transfer or mark it missed" in str(serving)
    assert f"{first.number} is still serving" in str(serving)
    w01.park(first.id, note="去复印")  # parked: resolved
    second = hall.called("W01")
    blocked = refusal(
        lambda: w01.call_parked(first.id, request_id=new_request_id(), staff_id=hall.clerk)
    )
    assert blocked.code == "loop_rule"
    w01.missed(second.id)  # missed: resolved
    back = w01.call_parked(first.id, request_id=new_request_id(), staff_id=hall.clerk)
    assert back.ticket is not None
    assert back.ticket.state is S.CALLED
    w01.start(first.id)
    w01.finish(first.id, Outcome.ACCEPTED, case_ids=["c-1"], document_numbers=["SF01-W01-1"])
    assert hall.called("W01").number == "A003"  # finished: resolved


def test_a_visit_finishes_with_its_outcome_linked_to_its_cases_and_documents(
    hall: QueueHall,
) -> None:
    hall.issue()
    ticket = hall.called("W01")
    w01 = hall.device("W01")
    w01.start(ticket.id)

    no_case = refusal(lambda: w01.finish(ticket.id, Outcome.ACCEPTED))
    done = w01.finish(
        ticket.id,
        Outcome.CORRECTION_NOTICE,
        case_ids=["case-1", "case-2"],
        document_numbers=["SF01-W01-7-2026-000001"],
    ).ticket

    assert (no_case.status, no_case.code) == (409, "queue_rule")
    assert (done.state, done.outcome) == (S.DONE, Outcome.CORRECTION_NOTICE)
    assert (done.case_ids, done.document_numbers) == (
        ["case-1", "case-2"],
        ["SF01-W01-7-2026-000001"],
    )
    assert hall.events(ticket.id)[-1][2] == {
        "outcome": "correction_notice",
        "cases": "case-1,case-2",
        "documents": "SF01-W01-7-2026-000001",
    }


def test_another_counter_cannot_move_a_ticket_it_does_not_hold(hall: QueueHall) -> None:
    hall.issue()
    ticket = hall.called("W01")
    w02 = hall.device("W02")

    for move in (lambda: w02.start(ticket.id), lambda: w02.finish(ticket.id, Outcome.CONSULTATION)):
        assert refusal(move).code == "queue_rule"
    assert refusal(lambda: w02.transfer(ticket.id, Placement.END, to_service="TAX")).status == 409


def test_calling_a_given_number_out_of_turn_logs_the_reason(hall: QueueHall) -> None:
    for _ in range(3):
        hall.issue()
    w01 = hall.device("W01")

    without = refusal(
        lambda: w01.call_number(
            "A003", reason=" ", request_id=new_request_id(), staff_id=hall.clerk
        )
    )
    answer = w01.call_number(
        "A003", reason="老人行动不便", request_id=new_request_id(), staff_id=hall.clerk
    )

    assert without.status == 422
    assert answer.ticket is not None
    assert answer.ticket.number == "A003"
    assert hall.events(answer.ticket.id)[-1][2] == {
        "reason": "老人行动不便",
        "called_by_number": "yes",
    }
    w01.start(answer.ticket.id)
    w01.finish(answer.ticket.id, Outcome.CONSULTATION)
    unknown = refusal(
        lambda: w01.call_number(
            "A999", reason="x", request_id=new_request_id(), staff_id=hall.clerk
        )
    )
    taken = refusal(
        lambda: w01.call_number(
            "A003", reason="x", request_id=new_request_id(), staff_id=hall.clerk
        )
    )
    assert (unknown.status, taken.status) == (404, 409)


def test_a_paused_counter_calls_nothing_until_resumed_and_the_reasons_are_logged(
    hall: QueueHall,
) -> None:
    hall.issue()
    w01 = hall.device("W01")

    paused = w01.pause(staff_id=hall.clerk, reason="午休")
    refused = refusal(lambda: hall.call("W01"))
    resumed = w01.resume(staff_id=hall.clerk)

    assert (paused.paused, paused.pause_reason, paused.may_call_next) == (True, "午休", False)
    assert (refused.status, refused.code) == (409, "paused")
    assert "午休" in str(refused)
    assert (resumed.paused, resumed.may_call_next) == (False, True)
    assert hall.called("W01").number == "A001"


def test_a_call_by_a_staff_number_not_of_the_hall_is_refused(hall: QueueHall) -> None:
    hall.issue()

    answer = refusal(
        lambda: hall.device("W01").call_next(request_id=new_request_id(), staff_id="NOBODY")
    )

    assert answer.status == 422


# -- the display feed and the estimate ---------------------------------------------------------


def test_waiting_counts_list_every_active_service_in_code_order_and_no_closed_one(
    hall: QueueHall,
) -> None:
    """The counts a counter and a board show: each active service by code, zero included, with
    its prefix and name, the same for both; a service closed (deactivated) is not listed."""
    for service in ("TAX", "SOC", "SOC"):
        hall.issue(service)
    configure(
        hall.registry, hall.code, services=(ServiceSpec("SOC", "C", "社保医保", None, False),)
    )
    counts = hall.device("W01").counter().waiting
    assert [(w.service, w.prefix, w.name, w.waiting) for w in counts] == [
        ("BIZ", "A", "企业开办", 0),
        ("TAX", "B", "税务登记", 1),
    ]
    assert hall.device("W03").display().waiting == counts


def test_the_display_feed_shows_the_last_calls_in_order_after_its_cursor(hall: QueueHall) -> None:
    for service in ("BIZ", "TAX", "BIZ"):
        hall.issue(service)
    board = hall.device("W03")
    start = board.display()
    assert start.calls == []
    assert {w.service: w.waiting for w in start.waiting} == {"BIZ": 2, "TAX": 1, "SOC": 0}

    first = hall.called("W01")
    hall.serve("W01", first)
    second = hall.called("W02")
    feed = board.display(after=start.version)
    later = board.display(after=feed.version)

    assert [(c.number, c.counter) for c in feed.calls] == [("A001", "W01"), ("B001", "W02")]
    assert feed.calls[0].seq < feed.calls[1].seq <= feed.version
    assert {w.service: w.waiting for w in feed.waiting} == {"BIZ": 1, "TAX": 0, "SOC": 0}
    assert later.calls == []
    assert later.version == feed.version
    assert second.number == "B001"
    assert [c.number for c in board.display(limit=1).calls] == ["B001"]  # the last N


def test_a_long_poll_of_the_feed_answers_as_soon_as_a_call_is_made(hall: QueueHall) -> None:
    hall.issue()
    board = hall.device("W03")
    version = board.display().version
    idle = board.display(after=version, wait=0.3)
    assert (idle.version, idle.calls) == (version, [])

    caller = threading.Timer(0.5, lambda: hall.called("W01"))
    began = time.monotonic()
    caller.start()
    news = board.display(after=version, wait=5)
    waited = time.monotonic() - began
    caller.join()

    assert [c.number for c in news.calls] == ["A001"]
    assert 0.4 < waited < 2.0


def test_a_new_ticket_is_told_the_people_ahead_and_an_estimate(hall: QueueHall) -> None:
    hall.issue()
    hall.device("W01").pause(staff_id=hall.clerk, reason="")
    hall.device("W01").resume(staff_id=hall.clerk)  # W01 is now open with a clerk
    issued = hall.kiosk.issue("BIZ")

    assert (issued.ahead, issued.open_counters) == (1, 1)
    assert issued.estimate_seconds == 300  # no history yet: five minutes a visit
    assert hall.kiosk.estimate("BIZ").ahead == 2


def test_the_estimate_counts_the_open_counters_that_serve_the_service(hall: QueueHall) -> None:
    hall.profile("W02", ProfileSpec(services=["TAX"]))  # W02 serves only B
    for counter in ("W01", "W02", "W03"):  # each gets a clerk
        hall.device(counter).pause(staff_id=hall.clerk, reason="")
        hall.device(counter).resume(staff_id=hall.clerk)
    hall.device("W03").pause(staff_id=hall.clerk, reason="lunch")

    assert hall.kiosk.estimate("BIZ").open_counters == 1  # W01 (every service): W02, W03 not
    assert hall.kiosk.estimate("TAX").open_counters == 2  # W01 and W02
    hall.device("W03").resume(staff_id=hall.clerk)
    assert hall.kiosk.estimate("BIZ").open_counters == 2


def test_queue_calls_need_a_device_of_the_hall(hall: QueueHall) -> None:
    url = f"{hall.registry.url}/api/v1/queue/call/next"
    body = {"request_id": "r1", "staff_id": hall.clerk}
    staff = hall.hall.session("S001")
    for headers in ({}, {"Authorization": "Bearer wcd_nope"}, {"Authorization": f"Bearer {staff}"}):
        assert requests.post(url, json=body, headers=headers, timeout=10).status_code == 401
