"""The rules that need the clock to move, on SQLite and PostgreSQL: cooldown, no-show, midnight.

The registry's queue services take the time of each move as an argument; here they run in the
test's process on the registry's own database (the server keeps serving it meanwhile) at the
times a test chooses, and the results are read back over HTTP where the registry answers them:
the five-minute cooldown passing, the recall limit ending in a no-show, numbers restarting at
midnight in the hall's zone, and statistics of hour-long waits and visits across midnight.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from clerk.queue import GroupBy, Outcome, TicketState
from clerk.queue.wire import (
    CallAnswer,
    CallNext,
    CallTicket,
    FinishRequest,
    HallQueueSettings,
    IssueRequest,
    StatsGroup,
    TicketAction,
    TicketView,
)
from registry import queue_calls, queue_service
from registry.auth import Device
from tests.integration.queue.harness import QueueHall, configure
from tests.integration.sync.harness import SECRET

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY = date(2026, 3, 2)


def at(clock: str, *, day: date = DAY, zone: ZoneInfo = SHANGHAI) -> datetime:
    """A moment of `day` in the hall's zone, e.g. at("09:30") or at("23:59:59")."""
    return datetime.combine(day, time.fromisoformat(clock), zone)


class Desk:
    """A counter of the hall moved at chosen times, through the registry's services."""

    def __init__(self, hall: QueueHall, counter: str) -> None:
        self.hall = hall
        self.device: Device = hall.as_device(counter)

    def issue(self, when: datetime, service: str = "BIZ") -> TicketView:
        with self.hall.registry.db() as connection:
            issued = queue_service.issue_ticket(
                connection, self.device, IssueRequest(service), now=when, id_key=SECRET
            )
        return issued.ticket

    def call(self, when: datetime) -> CallAnswer:
        request = CallNext(request_id=f"r-{when.timestamp()}", staff_id=self.hall.clerk)
        with self.hall.registry.db() as connection:
            return queue_calls.call_next(connection, self.device, request, now=when)

    def called(self, when: datetime) -> TicketView:
        answer = self.call(when)
        assert answer.ticket is not None, answer.message
        return answer.ticket

    def move(self, kind: str, ticket: TicketView, when: datetime) -> TicketView:
        with self.hall.registry.db() as connection:
            return queue_service.move_ticket(
                connection, self.device, TicketAction(ticket.id), kind=kind, now=when
            ).ticket

    def call_back(self, ticket: TicketView, when: datetime) -> TicketView:
        request = CallTicket(f"p-{when.timestamp()}", self.hall.clerk, ticket_id=ticket.id)
        with self.hall.registry.db() as connection:
            answer = queue_calls.call_ticket(
                connection, self.device, request, kind=queue_calls.PARKED, now=when
            )
        assert answer.ticket is not None
        return answer.ticket

    def finish(self, ticket: TicketView, when: datetime) -> TicketView:
        request = FinishRequest(ticket.id, Outcome.CONSULTATION)
        with self.hall.registry.db() as connection:
            return queue_service.finish_ticket(connection, self.device, request, now=when).ticket


def test_a_missed_ticket_is_called_again_once_its_five_minutes_passed(hall: QueueHall) -> None:
    w01 = Desk(hall, "W01")
    ticket = w01.issue(at("10:00"))
    w01.move(queue_service.MISSED, w01.called(at("10:01")), at("10:02"))

    early = w01.call(at("10:06:59"))
    again = w01.called(at("10:07"))

    assert early.ticket is None
    assert (again.id, again.state, again.recalls) == (ticket.id, TicketState.CALLED, 1)


def test_after_three_recalls_and_one_more_cooldown_the_ticket_is_a_no_show(
    hall: QueueHall,
) -> None:
    w01 = Desk(hall, "W01")
    ticket = w01.issue(at("10:00"))
    when = at("10:01")
    for recall in range(4):  # the call and three recalls, each missed
        called = w01.called(when)
        assert (called.id, called.recalls) == (ticket.id, recall)
        w01.move(queue_service.MISSED, called, when + timedelta(seconds=30))
        when += timedelta(minutes=6)
    last_miss = when - timedelta(minutes=6) + timedelta(seconds=30)

    assert w01.call(last_miss + timedelta(minutes=4)).ticket is None  # not yet expired
    assert hall.device("W01").counter().current.state is TicketState.MISSED  # type: ignore[union-attr]
    assert w01.call(last_miss + timedelta(minutes=5)).ticket is None  # expired on the way
    view = hall.device("W01").counter()
    assert view.current is not None
    assert (view.current.state, view.current.recalls) == (TicketState.NO_SHOW, 3)


def test_numbers_restart_at_midnight_in_the_halls_zone(hall: QueueHall) -> None:
    kiosk = Desk(hall, "K01")
    evening = [kiosk.issue(at(clock)).number for clock in ("09:00", "18:00", "23:59:59")]

    after_midnight = kiosk.issue(at("00:00:00", day=DAY + timedelta(days=1))).number

    assert evening == ["A001", "A002", "A003"]
    assert after_midnight == "A001"


def test_a_hall_in_another_zone_restarts_its_numbers_at_its_own_midnight(
    hall: QueueHall,
) -> None:
    configure(hall.registry, hall.code, settings=HallQueueSettings(timezone="UTC"))
    kiosk = Desk(hall, "K01")

    # 07:59 and 08:00 in Shanghai are 23:59 and 00:00 UTC: the hall's day turns between them.
    numbers = [kiosk.issue(at(clock)).number for clock in ("00:30", "07:59", "08:00", "08:01")]

    assert numbers == ["A001", "A002", "A001", "A002"]


def test_statistics_count_hour_long_waits_and_visits_across_midnight_on_their_day(
    hall: QueueHall,
) -> None:
    w01 = Desk(hall, "W01")
    night = w01.issue(at("22:50"))  # waits 80 minutes, into the next day
    next_day = DAY + timedelta(days=1)
    called = w01.called(at("00:10", day=next_day))
    w01.move(queue_service.START, called, at("00:12", day=next_day))
    w01.move(queue_service.PARK, called, at("00:20", day=next_day))  # 8 minutes served
    w01.call_back(called, at("00:30", day=next_day))  # 10 minutes away: not service time
    w01.move(queue_service.START, called, at("00:31", day=next_day))
    w01.finish(called, at("00:40", day=next_day))  # 9 more minutes served
    morning = w01.issue(at("09:00", day=next_day))
    served = w01.called(at("09:05", day=next_day))
    w01.move(queue_service.START, served, at("09:06", day=next_day))
    w01.finish(served, at("09:15", day=next_day))

    report = hall.device("W02").stats(DAY, next_day, group_by=GroupBy.DAY)

    assert (night.number, morning.number, served.id) == ("A001", "A001", morning.id)
    assert report.target_wait_seconds == 1200
    assert report.groups == [
        StatsGroup(DAY.isoformat(), 1, 1, 1, 0, 0.0, 4800.0, 4800.0, 4800.0, 1020.0, 0.0),
        StatsGroup(next_day.isoformat(), 1, 1, 1, 0, 0.0, 300.0, 300.0, 300.0, 540.0, 1.0),
    ]
    by_counter = hall.device("W02").stats(DAY, next_day, group_by=GroupBy.COUNTER)
    w01_figures = next(group for group in by_counter.groups if group.key == "W01")
    assert (w01_figures.called, w01_figures.served, w01_figures.mean_wait_seconds) == (
        2,
        2,
        2550.0,
    )
    within_two_hours = hall.device("W02").stats(
        DAY, next_day, group_by=GroupBy.ALL, target_wait_seconds=2 * 3600
    )
    assert within_two_hours.groups[0].service_level == 1.0
    assert hall.device("W02").stats(DAY, DAY, group_by=GroupBy.SERVICE).groups[0].issued == 1
