"""The domain's error hierarchy: every rule the counter enforces fails with one of these."""


class ClerkError(Exception):
    """Base of every error the domain raises on purpose; its message is meant for a person."""


class InvalidInput(ClerkError):
    """Data given to the domain is malformed or inconsistent (names the field and the reason)."""


class RuleViolation(ClerkError):
    """An action is refused because a rule of the law or of the hall forbids it."""


class NotFound(ClerkError):
    """A case, item, document or record that was asked for does not exist."""


class PermissionDenied(ClerkError):
    """The acting staff member's role does not allow the action."""
