"""The words of 好差评 on screen: the five levels and the reasons of a bad rating, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from clerk.cases import BadReason, RatingLevel

translate = QCoreApplication.translate  # the name lupdate looks for: translate("Rating", …)


def level_text(level: RatingLevel) -> str:
    """A level as the applicant reads it (非常满意 … 非常不满意)."""
    texts = {
        RatingLevel.VERY_SATISFIED: translate("Rating", "Very satisfied"),
        RatingLevel.SATISFIED: translate("Rating", "Satisfied"),
        RatingLevel.BASICALLY_SATISFIED: translate("Rating", "Basically satisfied"),
        RatingLevel.DISSATISFIED: translate("Rating", "Dissatisfied"),
        RatingLevel.VERY_DISSATISFIED: translate("Rating", "Very dissatisfied"),
    }
    return texts[level]


def reason_text(reason: BadReason) -> str:
    """A reason for a bad rating as the applicant reads it."""
    texts = {
        BadReason.ATTITUDE: translate("Rating", "Poor service attitude"),
        BadReason.LONG_WAIT: translate("Rating", "Waited too long"),
        BadReason.EXTRA_TRIPS: translate("Rating", "Had to come back again"),
        BadReason.UNCLEAR: translate("Rating", "Not told clearly"),
        BadReason.SLOW: translate("Rating", "Took too long to handle"),
        BadReason.TOO_MANY_MATERIALS: translate("Rating", "Asked for too many materials"),
        BadReason.OTHER: translate("Rating", "Other"),
    }
    return texts[reason]


def reasons_text(reasons: tuple[BadReason, ...]) -> str:
    """Several reasons in one line, separated by the Chinese enumeration comma in zh_CN."""
    return translate("Rating", ", ").join(reason_text(reason) for reason in reasons)
