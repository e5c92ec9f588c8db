"""The counter workbench: the clerk's whole day in one window.

Left, the queue panel (a dock). On top, the current applicant: the ticket served, the
applicant once a case names them, the visit's time. In the middle, pages on tabs (Ctrl+1 …
Ctrl+6): the counter — intake, then the case in progress with its decisions and scans —, case
search with the case page, the deadlines board, the needs-attention list, the bad-rating
follow-ups (supervisors only) and the catalogue. Below, the status bar: synchronisation (state,
what waits, what needs attention), last sync and clock offset, the clerk, the counter, the time.

The window wires the parts together and holds no rule: what a clerk does runs in the use
cases, off the GUI thread, on the shared lanes (`ui.workbench.parts.Lanes`).

Signals:
    committed(): a clerk action was committed locally (the sync loop should push soon).
"""

from __future__ import annotations

import logging
from collections.abc import Set

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from clerk.catalog.search import ItemIndex
from clerk.services import ActionResult, ItemSummary, list_items
from clerk.staff import Actor
from sync.login import Login
from sync.loop import SyncHealth
from ui.capture.scanner import ScannerFilter
from ui.catalogue_view import CatalogueView
from ui.decisions.desk import DecisionDesk
from ui.decisions.labels import print_failed_text
from ui.follow_ups import FollowUpList
from ui.followup.attention import AttentionList
from ui.followup.case_page import CasePage
from ui.followup.deadlines import DeadlinesBoard
from ui.followup.search import CaseSearch
from ui.followup.source import FollowupSource
from ui.i18n import LanguageSwitch, retranslate_on_language_change
from ui.intake.controller import load_index
from ui.intake.form import IntakeForm
from ui.queue.panel import QueuePanel
from ui.queue.port import Seat
from ui.session.auth import Authenticator
from ui.session.lock import SessionLock, start_session
from ui.settings_dialog import SettingsDialog
from ui.settings_pages.printer_names import start_printer_lookup
from ui.sync_status import SyncStatus
from ui.workbench.case_desk import CaseDesk
from ui.workbench.customer import CustomerSide
from ui.workbench.diagnostics import DiagnosticsExport
from ui.workbench.finish import VisitDialogs
from ui.workbench.pages import Page, Pages, SearchPage
from ui.workbench.parts import NOBODY, CounterParts, Lanes, QueueHookup
from ui.workbench.print_room import PrintRoom
from ui.workbench.scans import ScanRouter
from ui.workbench.settings_apply import Configurable, apply_settings, scanner_folder
from ui.workbench.status import ClerkLabel, ClockLabel, SyncFigures
from ui.workbench.strip import ApplicantStrip
from ui.workbench.visit import Visit, VisitTracker

_log = logging.getLogger(__name__)
SETTINGS_KEY = "Ctrl+,"
QUIT_KEY = "Ctrl+Q"
DEADLINES_REFRESH_MS = 60_000
MESSAGE_MS = 15_000


class WorkbenchWindow(QMainWindow):
    """The counter's main window (see the module)."""

    committed = Signal()

    def __init__(
        self,
        parts: CounterParts,
        *,
        queue: QueueHookup | None = None,
        scanner: ScannerFilter | None = None,
        languages: LanguageSwitch | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workbench")
        start_printer_lookup()  # asked on a thread: ready when Settings opens
        self.parts, self.queue, self.languages = parts, queue, languages
        self.scanner: ScannerFilter | None = None
        self.actor: Actor | None = None
        self.desk: DecisionDesk | None = None
        self.lock: SessionLock | None = None
        self.follow_ups: FollowUpList | None = None
        self._closed = False
        self.lanes = Lanes(self)
        self._build_services()
        self._build_pages()
        self.queue_panel: QueuePanel | None = None
        self.queue_dock: QDockWidget | None = None
        self._build_status()
        self._build_menu()
        self._wire()
        if scanner is not None:
            self.use_scanner(scanner)
        self.case_desk.watch_folder(scanner_folder(parts.settings))
        self._load_catalogue()
        if queue is not None:
            self.attach_queue(queue)
        self.resize(1366, 800)
        retranslate_on_language_change(self, self.retranslate_ui)
        self.retranslate_ui()

    # Building -------------------------------------------------------------------------------

    def _build_services(self) -> None:
        parts = self.parts
        self.print_room = PrintRoom(
            store=parts.store,
            context=parts.context,
            settings=parts.settings,
            data_folder=parts.data_folder,
            lane=self.lanes.printing,
            clock=parts.clock,
            parent=self,
        )
        self.visits = VisitTracker(clock=parts.clock, parent=self)
        self.customer = CustomerSide(
            store=parts.store,
            hall=parts.context.hall,
            counter_label=parts.context.counter,
            lane=self.lanes.writes,
            clock=parts.clock,
            parent=self,
        )
        self.router = ScanRouter(
            store=parts.store,
            lane=self.lanes.reads,
            intake=self._intake_showing,
            current_ticket=lambda: self.visits.visit.ticket if self.visits.visit else None,
            parent=self,
        )

    def _build_pages(self) -> None:
        parts, lanes = self.parts, self.lanes
        self.source = FollowupSource(
            parts.store,
            actor=lambda: self.actor or NOBODY,
            context=parts.context,
            clock=parts.clock,
        )
        self.case_desk = CaseDesk(parts=parts, lanes=lanes, parent=self)
        self.case_page = CasePage(source=self.source, lane=lanes.writes)  # reprints write
        self.search = CaseSearch(source=self.source, lane=lanes.reads)
        self.search_page = SearchPage(self.search, self.case_page, self)
        self.deadlines = DeadlinesBoard(
            source=self.source, lane=lanes.reads, refresh_ms=DEADLINES_REFRESH_MS
        )
        self.attention = AttentionList(source=self.source, lane=lanes.reads)
        self.follow_ups_box = QWidget(self)
        QVBoxLayout(self.follow_ups_box).setContentsMargins(0, 0, 0, 0)
        self.catalogue = CatalogueView((), self)
        self.pages = Pages(self)
        self.pages.set_pages(
            {
                Page.COUNTER: self.case_desk,
                Page.SEARCH: self.search_page,
                Page.DEADLINES: self.deadlines,
                Page.ATTENTION: self.attention,
                Page.FOLLOW_UPS: self.follow_ups_box,
                Page.CATALOGUE: self.catalogue,
            }
        )
        self.pages.set_visible(Page.FOLLOW_UPS, False)
        self.strip = ApplicantStrip(clock=parts.clock, parent=self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.strip)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)

    def attach_queue(self, queue: QueueHookup) -> None:
        """Give the window its queue panel (at construction, or once the start has asked the
        registry whether the hall has a queue: the window need not wait for that answer)."""
        self.queue = queue
        self.queue_panel = self._build_queue(queue)
        self._wire_queue(self.queue_panel)
        if self.actor is not None:
            self.queue_panel.set_staff(self.actor.staff_id)
        self.retranslate_ui()

    def _build_queue(self, queue: QueueHookup) -> QueuePanel:
        panel = QueuePanel(
            port=queue.port,
            seat=Seat(self.parts.counter, ""),
            keys=self.parts.settings.queue_keys(),
            dialogs=VisitDialogs(lambda: self.visits.visit, queue.dialogs),
            refresh_ms=queue.refresh_ms,
            fallback=queue.fallback,
            offline_dialogs=queue.offline_dialogs,
        )
        self.queue_dock = dock = QDockWidget(self)
        dock.setObjectName("queueDock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        dock.show()  # added to a window already shown, it would stay hidden
        return panel

    def _build_status(self) -> None:
        self.sync_status = SyncStatus(self)
        self.sync_figures = SyncFigures(self)
        self.clerk_label = ClerkLabel(self)
        self.counter_label = QLabel(self.parts.counter_label, self)
        self.clock_label = ClockLabel(clock=self.parts.clock, parent=self)
        bar = self.statusBar()
        bar.setStyleSheet("QStatusBar > QLabel { padding: 0 8px; border-left: 1px solid #c9d6ea; }")
        for widget in (
            self.sync_status,
            self.sync_figures,
            self.clerk_label,
            self.counter_label,
            self.clock_label,
        ):
            bar.addPermanentWidget(widget)

    def _build_menu(self) -> None:
        self.menu = self.menuBar().addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence(SETTINGS_KEY))
        self.settings_action.triggered.connect(self.open_settings)
        self.lock_action = QAction(self)
        self.lock_action.triggered.connect(self._lock_now)
        self.diagnostics = DiagnosticsExport(
            data_folder=self.parts.data_folder, say=self.say, parent=self
        )
        self.diagnostics_action = QAction(self)
        self.diagnostics_action.triggered.connect(lambda: self.diagnostics.start(self))
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence(QUIT_KEY))
        self.quit_action.triggered.connect(self.close)
        actions = (self.settings_action, self.lock_action, self.diagnostics_action)
        for action in (*actions, self.quit_action):
            self.menu.addAction(action)
            self.addAction(action)  # the keys work with the menu closed

    def retranslate_ui(self) -> None:
        """Set every translated text (again, after a language change)."""
        self.setWindowTitle(
            self.tr("Window Clerk — counter {counter}").format(counter=self.parts.counter_label)
        )
        self.menu.setTitle(self.tr("Counter"))
        self.settings_action.setText(self.tr("Settings…"))
        self.lock_action.setText(self.tr("Lock the screen (Ctrl+L)"))
        self.diagnostics_action.setText(self.tr("Export diagnostics…"))
        self.quit_action.setText(self.tr("Quit"))
        if self.queue_dock is not None:
            self.queue_dock.setWindowTitle(self.tr("Queue"))

    # Wiring ---------------------------------------------------------------------------------

    def _wire(self) -> None:
        desk = self.case_desk
        desk.acted.connect(self._acted)
        desk.case_changed.connect(self.strip.show_case)
        desk.decided.connect(self.customer.ask)
        desk.message.connect(self.say)
        desk.queued.connect(self.print_room.wake)
        self.visits.changed.connect(self._visit_changed)
        self.search_page.take_case.connect(self.take_case)
        self.deadlines.case_opened.connect(self.open_case)
        self.attention.case_opened.connect(self.open_case)
        self.case_page.reprinted.connect(self._reprinted)
        self.router.case_found.connect(self.open_case)
        self.router.said.connect(self.say)
        self.pages.shown.connect(self._page_shown)
        self.customer.rated.connect(lambda _case: self.committed.emit())
        self.print_room.failed.connect(lambda reason: self.say(print_failed_text(reason)))

    def _wire_queue(self, panel: QueuePanel) -> None:
        panel.view_changed.connect(self.visits.follow)
        panel.visit_finished.connect(lambda _choice: self.visits.finished())
        panel.refused.connect(self.say)
        self.visits.documents_changed.connect(panel.set_visit_documents)
        if panel.local_bar is not None:
            panel.local_bar.walk_in_issued.connect(self.print_room.print_walk_in)

    def use_scanner(self, scanner: ScannerFilter) -> None:
        """Route the bursts of this (application-wide) scanner filter; its rules follow the
        settings."""
        self.scanner = scanner
        scanner.scanned.connect(self.router.route)

    def _load_catalogue(self) -> None:
        store = self.parts.store

        def load() -> tuple[ItemIndex, tuple[ItemSummary, ...]]:
            index = load_index(lambda: store.unit_of_work(read_only=True))
            return index, list_items(store.unit_of_work(read_only=True))

        self.lanes.reads.submit(load, done=self._catalogue_loaded, failed=self._report)

    def _catalogue_loaded(self, loaded: tuple[ItemIndex, tuple[ItemSummary, ...]]) -> None:
        index, items = loaded
        self.case_desk.set_index(index)
        self.catalogue.model.set_items(items)

    # What happens ---------------------------------------------------------------------------

    @Slot(str)
    def say(self, text: str) -> None:
        """Tell the clerk something in the status bar (for a while)."""
        self.statusBar().showMessage(text, MESSAGE_MS)

    def _report(self, error: Exception) -> None:
        _log.error("the workbench could not load", exc_info=error)
        self.say(self.tr("Loading failed; the error is in the log."))

    def _acted(self, result: ActionResult, title: str) -> None:
        self.visits.record(result, title=title)
        self.committed.emit()

    def _reprinted(self, _number: str) -> None:
        self.committed.emit()
        self.print_room.wake()

    def _visit_changed(self, visit: Visit | None) -> None:
        previous = self.strip.visit
        self.strip.show_visit(visit)
        self.customer.show_ticket(visit.ticket if visit else "")
        new_ticket = visit is not None and (
            previous is None or previous.ticket_id != visit.ticket_id
        )
        if new_ticket and visit is not None and not visit.cases:  # not a parked one coming back
            self.case_desk.new_intake()

    def _page_shown(self, page: int) -> None:
        if page == Page.DEADLINES:
            self.deadlines.refresh()
        elif page == Page.ATTENTION:
            self.attention.refresh()
        elif page == Page.FOLLOW_UPS and self.follow_ups is not None:
            self.follow_ups.reload()

    def _intake_showing(self) -> IntakeForm | None:
        counter = self.pages.currentIndex() == Page.COUNTER
        return self.case_desk.form if counter and self.case_desk.intake_showing else None

    @Slot(str)
    def open_case(self, case_id: str) -> None:
        """Show a case on the case page (查询)."""
        self.pages.show_page(Page.SEARCH)
        self.search_page.show_case(case_id)

    @Slot(str)
    def take_case(self, case_id: str) -> None:
        """Make a case the case in progress at the counter."""
        self.pages.show_page(Page.COUNTER)
        self.case_desk.take_case(case_id)

    @Slot(object)
    def show_health(self, health: SyncHealth) -> None:
        """A sync health report: the status bar, and the attention list when it changed."""
        before = self.sync_status.health
        self.sync_status.show_health(health)
        self.sync_figures.show_health(health)
        if before is None or before.needs_attention != health.needs_attention:
            self.attention.refresh()

    # Session --------------------------------------------------------------------------------

    def begin_session(self, *, login: Login, authenticator: Authenticator) -> SessionLock:
        """Begin the signed-in clerk's session on this window (its lock from the counter's
        settings, named by the counter's label) and follow it; returns the lock."""
        lock = start_session(
            self,
            login=login,
            authenticator=authenticator,
            settings=self.parts.settings,
            counter_label=self.parts.counter_label,
        )
        self.attach_session(lock)
        return lock

    def attach_session(self, lock: SessionLock) -> None:
        """Follow the session of `lock`: who is signed in decides who acts at the counter."""
        self.lock = lock
        controller = lock.controller
        controller.signedIn.connect(self.sign_in)
        controller.signedOut.connect(lambda _actor: self.sign_out())
        if controller.login is not None:
            self.sign_in(controller.login)

    @Slot(object)
    def sign_in(self, login: Login) -> None:
        """A staff member signed in: the counter acts in their name from now on."""
        actor = login.actor
        self.sign_out()
        self.actor = actor
        parts = self.parts
        self.desk = DecisionDesk(
            store=parts.store,
            actor=actor,
            printer=self.print_room.documents,
            context=parts.context,
            credentials=parts.credentials,
            clock=parts.clock,
            writes=self.lanes.writes,
            printing=self.lanes.printing,
            parent=self,
        )
        self.case_desk.set_actor(actor, self.desk)
        self.clerk_label.show_actor(actor)
        self.customer.show_clerk(actor)
        if self.queue_panel is not None:
            self.queue_panel.set_staff(actor.staff_id)
        if actor.may_approve:
            self._show_follow_ups(actor)

    def sign_out(self) -> None:
        """Nobody acts at the counter any more (signed out, or before another signs in)."""
        if self.desk is not None:
            self.desk.close()
            self.desk.deleteLater()
        self.actor, self.desk = None, None
        self.case_desk.set_actor(None, None)
        self.clerk_label.show_actor(None)
        self.customer.show_clerk(None)
        if self.follow_ups is not None:
            self.follow_ups.deleteLater()
            self.follow_ups = None
        self.pages.set_visible(Page.FOLLOW_UPS, False)

    def _show_follow_ups(self, actor: Actor) -> None:
        store = self.parts.store
        self.follow_ups = FollowUpList(
            unit_of_work=store.unit_of_work,
            read_only=lambda: store.unit_of_work(read_only=True),
            actor=actor,
            clock=self.parts.clock,
            lane=self.lanes.writes,
            parent=self.follow_ups_box,
        )
        layout = self.follow_ups_box.layout()
        assert layout is not None
        layout.addWidget(self.follow_ups)
        self.follow_ups.followed_up.connect(lambda _case: self.committed.emit())
        self.pages.set_visible(Page.FOLLOW_UPS, True)

    def _lock_now(self) -> None:
        if self.lock is not None:
            self.lock.controller.lock()

    # Settings -------------------------------------------------------------------------------

    def open_settings(self) -> SettingsDialog:
        """Open the settings dialog; what OK changes takes effect at once."""
        dialog = SettingsDialog(
            self.parts.settings,
            data_folder=self.parts.data_folder,
            languages=self.languages,
            parent=self,
        )
        dialog.settingsChanged.connect(self.apply_settings)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot(set)
    def apply_settings(self, changed: Set[str]) -> None:
        """Apply the settings whose keys changed (see `ui.workbench.settings_apply`)."""
        configurable = Configurable(
            panel=self.queue_panel,
            lock=self.lock,
            scanner=self.scanner,
            case_desk=self.case_desk,
            print_room=self.print_room,
        )
        apply_settings(changed, self.parts.settings, configurable)

    # Closing --------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop every background part, waiting for calls still running (once)."""
        if self._closed:
            return
        self._closed = True
        self.print_room.stop()
        if self.queue_panel is not None:
            self.queue_panel.close()
        if self.queue is not None and self.queue.fallback is not None:
            self.queue.fallback.close()
        if self.desk is not None:
            self.desk.close()
        self.case_desk.close_work()
        self.lanes.close()
        self.customer.close()
        self.diagnostics.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Stop the background work before the window goes."""
        self.shutdown()
        super().closeEvent(event)
