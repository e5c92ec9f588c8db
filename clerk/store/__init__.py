"""The local store: SQLAlchemy rows, repositories, unit of work and migrations of the cache."""
