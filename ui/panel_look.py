"""The look of the customer-facing panel: the bundled CJK font, calm colours, large touch targets.

The panel is read and touched by applicants of every age at arm's length: type at least 28 px
on a 1280 × 800 screen, buttons at least 120 px high, levels coloured from green to red.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.queue import look

LEVEL_COLOURS = {
    "very_satisfied": "#1b7f3b",
    "satisfied": "#3f9b4f",
    "basically_satisfied": "#b7791f",
    "dissatisfied": "#d9480f",
    "very_dissatisfied": "#c8102e",
}
BACKGROUND = "#f4f7fb"
INK = "#1c2733"
CHOSEN = "#0a4a8f"


def apply(panel: QWidget, scale: float) -> None:
    """Style the panel for a screen `scale` times the 1280 × 800 design."""

    def px(size: float) -> int:
        return look.scaled(size, scale)

    levels = "\n".join(
        f"#level_{name} {{ background: {colour}; }}" for name, colour in LEVEL_COLOURS.items()
    )
    panel.setStyleSheet(
        f"""
        #customerPanel {{ background: {BACKGROUND}; }}
        QWidget {{ font-family: "{look.hall_font_family()}"; color: {INK}; }}
        #header {{ background: {look.HEADER}; }}
        #header QLabel {{ color: {look.WHITE}; font-size: {px(28)}px; padding: {px(8)}px; }}
        #ticket {{ color: {look.GOLD}; font-weight: bold; }}
        #welcome {{ font-size: {px(72)}px; font-weight: bold; color: {look.HEADER}; }}
        #idleTicket {{ font-size: {px(56)}px; color: {look.CALL_RED}; font-weight: bold; }}
        #idleClerk {{ font-size: {px(36)}px; }}
        #hint {{ font-size: {px(30)}px; color: #5a6b7d; }}
        #question {{ font-size: {px(44)}px; font-weight: bold; }}
        #message {{ font-size: {px(56)}px; font-weight: bold; color: {look.HEADER}; }}
        QPushButton {{ font-size: {px(34)}px; border-radius: {px(18)}px; padding: {px(12)}px;
            min-height: {px(120)}px; color: {look.WHITE}; font-weight: bold; }}
        {levels}
        QPushButton[level="true"] {{ font-size: {px(40)}px; min-height: {px(220)}px;
            max-height: {px(300)}px; }}
        QPushButton#reason {{ background: {look.WHITE}; color: {INK}; border: {px(3)}px solid
            #9fb3c8; font-size: {px(30)}px; font-weight: normal; min-height: {px(110)}px; }}
        QPushButton#reason:checked {{ background: {CHOSEN}; color: {look.WHITE};
            border-color: {CHOSEN}; font-weight: bold; }}
        QPushButton#submit {{ background: {CHOSEN}; min-width: {px(280)}px; }}
        QPushButton#submit:disabled {{ background: #b8c4d0; }}
        QPushButton#back {{ background: #6c7a89; min-width: {px(200)}px; }}
        #comment {{ font-size: {px(30)}px; min-height: {px(72)}px; padding: 0 {px(12)}px;
            border: {px(2)}px solid #9fb3c8; border-radius: {px(12)}px; background: white; }}
        """
    )
