"""Values a repository read in the current transaction, forgotten when that transaction ends."""

from __future__ import annotations

from typing import Generic, TypeVar

from sqlalchemy.orm import Session, SessionTransaction

T = TypeVar("T")


class TransactionMemo(Generic[T]):
    """Remembers one value per key for the session's current transaction only.

    A unit of work holds the write lock (or, read-only, one snapshot) for its whole transaction,
    so what it read or wrote itself stays true until that transaction ends; after a commit or
    rollback the memo is empty again. Whoever changes the underlying rows in the transaction
    must update or forget the memo (the store never uses savepoints).
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._transaction: SessionTransaction | None = None
        self._values: dict[str, T] = {}

    def get(self, key: str) -> T | None:
        """The value remembered for `key` in this transaction, if any."""
        if self._session.get_transaction() is not self._transaction:
            return None
        return self._values.get(key)

    def put(self, key: str, value: T) -> None:
        """Remember a value for the rest of this transaction."""
        transaction = self._session.get_transaction()
        if transaction is not self._transaction:
            self._transaction, self._values = transaction, {}
        self._values[key] = value

    def forget(self) -> None:
        """Forget every value (the rows changed)."""
        self._values = {}
