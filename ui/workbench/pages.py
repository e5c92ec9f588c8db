"""The workbench's pages on tabs, each on a key: counter, search, deadlines, attention, …

Ctrl+1 the counter (intake and the case in progress), Ctrl+2 case search with the case page
(查询), Ctrl+3 the deadlines board (期限), Ctrl+4 the needs-attention list (待处理), Ctrl+5 the
bad-rating follow-ups (回访: supervisors only, hidden for clerks), Ctrl+6 the catalogue.
`SearchPage` puts the search beside the case page and lets the clerk take the case shown to
the counter (Ctrl+W), e.g. when an applicant returns with what a notice asked for.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from clerk.services.followup import CaseFile
from ui.followup.case_page import CasePage
from ui.followup.search import CaseSearch
from ui.i18n import retranslate_on_language_change

TAKE_CASE_KEY = "Ctrl+W"


class Page(IntEnum):
    """The pages, in the order of their tabs and keys (Ctrl+1 …)."""

    COUNTER = 0
    SEARCH = 1
    DEADLINES = 2
    ATTENTION = 3
    FOLLOW_UPS = 4
    CATALOGUE = 5


def page_key(page: Page) -> str:
    """The key that shows a page."""
    return f"Ctrl+{page.value + 1}"


class Pages(QTabWidget):
    """The tabs, switched by keys; a hidden tab's key does nothing.

    Signals:
        shown(int): a page came into view (its `Page` value).
    """

    shown = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pages")
        self.setDocumentMode(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._titles: dict[Page, str] = {}
        for page in Page:
            action = QAction(self)
            action.setShortcut(QKeySequence(page_key(page)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, p=page: self.show_page(p))
            self.addAction(action)
        self.currentChanged.connect(self.shown)

    def set_pages(self, widgets: dict[Page, QWidget]) -> None:
        """Put each page on its tab, in `Page` order."""
        for page in Page:
            self.addTab(widgets[page], "")
        self.retranslate_ui()
        retranslate_on_language_change(self, self.retranslate_ui)

    def retranslate_ui(self) -> None:
        """Title every tab with its key, in the current language."""
        titles = {
            Page.COUNTER: self.tr("Casework"),
            Page.SEARCH: self.tr("Search"),
            Page.DEADLINES: self.tr("Deadlines"),
            Page.ATTENTION: self.tr("Needs attention"),
            Page.FOLLOW_UPS: self.tr("Follow-ups"),
            Page.CATALOGUE: self.tr("Catalogue"),
        }
        for page, title in titles.items():
            if page < self.count():
                self.setTabText(page, f"{title}  {page_key(page)}")

    def show_page(self, page: Page) -> None:
        """Show a page (a hidden one stays hidden) and give it the keyboard."""
        if page >= self.count() or not self.isTabVisible(page):
            return
        self.setCurrentIndex(page)
        widget = self.widget(page)
        if widget is not None:
            widget.setFocus()

    def set_visible(self, page: Page, visible: bool) -> None:
        """Show or hide a page's tab (leaving it for the counter when it was shown)."""
        if page == self.currentIndex() and not visible:
            self.setCurrentIndex(Page.COUNTER)
        self.setTabVisible(page, visible)


class SearchPage(QWidget):
    """Case search beside the case page, and taking the case shown to the counter.

    Signals:
        take_case(str): the clerk takes this case to the counter (as the case in progress).
    """

    take_case = Signal(str)

    def __init__(self, search: CaseSearch, case_page: CasePage, parent: QWidget | None = None):
        super().__init__(parent)
        self.search, self.case_page = search, case_page
        self.take_button = QPushButton(self)
        self.take_button.setEnabled(False)
        self.take_button.clicked.connect(self.take)
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(case_page, 1)
        column.addWidget(self.take_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(search)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        QVBoxLayout(self).addWidget(splitter)
        search.case_opened.connect(case_page.show_case)
        case_page.loaded.connect(self._loaded)
        case_page.back_requested.connect(search.box.setFocus)
        action = QAction(self)
        action.setShortcut(QKeySequence(TAKE_CASE_KEY))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.take)
        self.addAction(action)
        self.setFocusProxy(search.box)
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every translated text (again, after a language change)."""
        self.take_button.setText(self.tr("Work on this case at the counter (Ctrl+W)"))

    def show_case(self, case_id: str) -> None:
        """Open a case on the case page."""
        self.case_page.show_case(case_id)

    def take(self) -> None:
        """Take the case shown to the counter."""
        file = self.case_page.file
        if file is not None:
            self.take_case.emit(file.case.case_id)

    def _loaded(self, _file: CaseFile) -> None:
        self.take_button.setEnabled(True)
