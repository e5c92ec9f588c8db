"""Qt user interface of the counter."""
