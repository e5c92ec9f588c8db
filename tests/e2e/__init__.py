"""End-to-end tests: the counter's day on the real UI against a real registry process."""
