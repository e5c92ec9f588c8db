"""The domain's error hierarchy: every rule the counter enforces fails with one of these.

A message is a template with named placeholders and its parameters, so that the UI can show it
in the user's language while logs, the registry and tests keep reading English:

    raise RuleViolation("case {number} was changed meanwhile", number=record.number)

`str(error)` is the English text; `error.template` and `error.params` are kept for the UI
(`ui.errors.explain_error` translates the template and formats it with the parameters).
Templates are literal strings at the raise site (`scripts/domain_messages.py` collects them for
Qt's translation tools and a test refuses f-strings). Parameters are plain `str` or `int`
values; a `StrEnum` member (a case status, a ticket state) and a `Phrase` stay what they are
so the UI can put them into words too. Personal data goes in masked or not at all: never a full
ID number, phone number or address.

A message without parameters is used as it is (not formatted), so a plain message taken from
elsewhere (a registry's answer) still works; the UI finds no translation for it and shows it
as it came.
"""

from __future__ import annotations

from typing import Self


class Phrase(str):
    """A fixed English phrase that a message takes as a parameter ("an extension", "be called").

    Write it as `Phrase("an extension")` with a literal: the message catalogue collects it and
    the UI translates it with the message it goes into. It is a `str` in every other respect.
    """

    __slots__ = ()


class ClerkError(Exception):
    """Base of every error the domain raises on purpose; its message is meant for a person.

    Attributes:
        template: the English message with `{name}` placeholders (or a plain message).
        params: the values of the placeholders.
    """

    def __init__(self, template: str = "", /, **params: str | int) -> None:
        self.template = template
        self.params: dict[str, str | int] = dict(params)
        super().__init__(template.format(**params) if params else template)

    @classmethod
    def restated(cls, error: ClerkError) -> Self:
        """The same message as another domain error, as this kind of error.

        Args:
            error: the error whose template and parameters are taken over.

        Returns:
            A new error of this class (raise it `from` the original).
        """
        return cls(error.template, **error.params)


class InvalidInput(ClerkError):
    """Data given to the domain is malformed or inconsistent (names the field and the reason)."""


class RuleViolation(ClerkError):
    """An action is refused because a rule of the law or of the hall forbids it."""


class NotFound(ClerkError):
    """A case, item, document or record that was asked for does not exist."""


class PermissionDenied(ClerkError):
    """The acting staff member's role does not allow the action."""
