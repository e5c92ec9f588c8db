"""The follow-up screens: case search, the case page, the deadlines board, needs attention.

Each is a self-contained widget over a `FollowupSource` (the counter's store, the signed-in
clerk, the hall's print details) with its blocking calls on a lane:

- `search.CaseSearch`: one box for a case or document number, ID number, phone or name;
  `case_opened(str)` when the clerk opens a case.
- `case_page.CasePage`: `show_case(case_id)`; header, materials, timeline from the audit trail,
  documents with reprint (`reprinted(str)`: wake the spooler) and a view-only preview.
- `deadlines.DeadlinesBoard`: overdue, due soon, suspended, on track; `refresh()` slot.
- `attention.AttentionList`: the registry's rejections explained; `refresh()` slot.
"""
