"""`explain_error`: the domain's refusals in the user's language, from real domain calls."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from clerk.cases import CaseStatus
from clerk.cases.status import check_move
from clerk.clock import HALL_TIMEZONE
from clerk.errors import ClerkError, Phrase, RuleViolation
from clerk.queue import Channel, TicketState, call, issue
from clerk.staff import Actor, Role, require_approver
from ui.errors import explain_error

CLERK = Actor("SF01C001", "王芳", Role.CLERK)
MORNING = datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TIMEZONE)


def _raised(action: Callable[[], object]) -> ClerkError:
    with pytest.raises(ClerkError) as refused:
        action()
    return refused.value


def _forbidden_move() -> ClerkError:
    return _raised(lambda: check_move(CaseStatus.VOID, CaseStatus.ACCEPTED))


def test_in_english_the_message_is_the_domains_own(qapp: QApplication) -> None:
    error = _forbidden_move()
    assert explain_error(error) == str(error) == "a case cannot move from void to accepted"


def test_in_chinese_the_template_and_the_states_it_names_are_translated(
    chinese: list[QTranslator],
) -> None:
    assert explain_error(_forbidden_move()) == "办件不能从“已作废”转为“已受理”"


def test_a_phrase_goes_into_the_sentence_in_chinese_and_a_name_as_it_is(
    chinese: list[QTranslator],
) -> None:
    error = _raised(lambda: require_approver(CLERK, requested_by=None, what=Phrase("an extension")))
    assert explain_error(error) == "延长办理期限须经负责人批准；王芳 是窗口工作人员"


def test_a_ticket_move_names_the_action_and_the_states_in_chinese(
    chinese: list[QTranslator],
) -> None:
    waiting, _ = issue(
        ticket_id="t1", number="A001", service="A", channel=Channel.ON_SITE, at=MORNING
    )
    done = replace(waiting, state=TicketState.DONE)
    error = _raised(lambda: call(done, at=MORNING, counter="W01", staff="SF01C001", current=None))
    assert str(error) == "ticket A001 cannot be called: it is done, not waiting"
    assert explain_error(error) == "A001 号无法叫号：当前为“已办结”，而非“等候中”"


def test_a_plain_message_from_elsewhere_shows_as_it_came(chinese: list[QTranslator]) -> None:
    answer = RuleViolation("ticket A001 is at counter W02 {sic}")  # as the registry worded it
    assert explain_error(answer) == "ticket A001 is at counter W02 {sic}"


class _Mismatched(QTranslator):
    """A translation naming a placeholder its message does not have."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return "办件 {case} 不能转为 {target}" if context == "clerk" else None

    def isEmpty(self) -> bool:  # noqa: N802  (Qt's name)
        return False


@pytest.fixture
def mismatched(qapp: QApplication) -> Iterator[QTranslator]:
    translator = _Mismatched()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_a_translation_that_does_not_fit_is_logged_and_the_english_shown(
    mismatched: QTranslator, caplog: pytest.LogCaptureFixture
) -> None:
    error = _forbidden_move()
    assert explain_error(error) == "a case cannot move from void to accepted"
    assert "does not fit its parameters" in caplog.text
