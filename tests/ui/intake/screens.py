"""A screenshot of a filled intake form for docs/screens/intake.png (rendered offscreen, Chinese).

Regenerate with: QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.intake.screens
The bundled WenQuanYi Micro Hei is the application font, so the picture is the same on a
machine without system CJK fonts.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication

from clerk.catalog import load_catalogue
from clerk.catalog.search import ItemIndex
from clerk.identity import resident_id_check_char
from clerk.materials import Provision
from ui.i18n import install_translators
from ui.intake import checklist_model as cols
from ui.intake.form import IntakeForm
from ui.intake.lines import LineEntry
from ui.queue.look import hall_font_family

ROOT = Path(__file__).resolve().parents[3]
SCREENS = ROOT / "docs" / "screens"
DEMO = ROOT / "resources" / "catalogue" / "demo.json"
DAY = date(2026, 3, 2)


def filled_form() -> IntakeForm:
    """食品经营许可 (新办) for a person, with a line of every kind of status."""
    form = IntakeForm(ItemIndex.of(load_catalogue(DEMO)), today=lambda: DAY)
    form.finder.search.setText("spjyxk")
    form.finder.chosen.emit(form.finder.model.hit(0).item)
    form.situation.choose("new")
    form.applicant.name.setText("李四")
    body = "33010619850312001"
    form.applicant.id_number.setText(body + resident_id_check_char(body))
    form.applicant.phone.setText("13812345678")
    form.applicant.address.setText("杭州市西湖区文三路 1 号")
    model = form.checklist.model
    for row, provision in enumerate(
        (Provision.ORIGINAL, Provision.E_LICENCE, Provision.E_LICENCE, Provision.ORIGINAL)
    ):
        model.set_provision(row, provision)
    model.set_entry(3, LineEntry(Provision.ORIGINAL, 1, "经营布局图未标注尺寸"))
    model.set_provision(4, Provision.OWED)
    model.set_entry(5, LineEntry(Provision.COPY, 1, "", date(2025, 11, 20)))
    form.checklist.view.setCurrentIndex(model.index(3, cols.PROVISION))
    return form


def intake_image_of(form: IntakeForm) -> QImage:
    """The form rendered at 1440 × 860."""
    form.resize(1440, 860)
    form.show()
    image = form.grab().toImage()
    form.close()
    return image


def main() -> int:
    """Write docs/screens/intake.png; returns 0."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setFont(QFont(hall_font_family(), 10))
    translators = install_translators(app, "zh_CN")
    SCREENS.mkdir(parents=True, exist_ok=True)
    form = filled_form()
    intake_image_of(form).save(str(SCREENS / "intake.png"))
    form.deleteLater()
    for translator in translators:
        app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
