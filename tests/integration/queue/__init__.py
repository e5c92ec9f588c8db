"""The hall queue over HTTP: a real registry process on SQLite and PostgreSQL."""
