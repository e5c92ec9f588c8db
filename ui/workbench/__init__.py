"""The counter workbench: the clerk's whole day in one window (see `window.WorkbenchWindow`).

Modules, each small and with one job:

- `parts`: what the window is built from (`CounterParts`, `QueueHookup`) and the shared
  one-thread lanes (`Lanes`: writes, reads, printing);
- `window`: `WorkbenchWindow`, the composition and its wiring;
- `visit`: the visit of the ticket served (`VisitTracker`); `finish`: the panel's dialogs that
  link every case of the visit when the ticket is finished;
- `strip`: the current-applicant strip; `status`: the status bar's own elements;
- `case_desk`: intake, then the case in progress with `decision_bar` and the capture panel;
- `pages`: the tabs and their keys, the search page;
- `scans`: where a scanner burst goes; `customer`: the customer-facing panel and ratings;
- `print_room`: the spooler and walk-in slips; `settings_apply`: settings taking effect;
- `queue`: the counter's hall queue with its offline fallback.

`ui.app` builds the window from a running counter; tests build it the same way against a real
registry process (`tests/ui/workbench`).
"""
