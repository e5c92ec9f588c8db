"""Trust tests: staff on every record, four eyes on approvals, data at rest, retention."""
