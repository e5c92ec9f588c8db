"""The catalogue loader's error: every problem of a refused file, each with its exact field path."""

from __future__ import annotations

from dataclasses import dataclass

from clerk.errors import InvalidInput

MAX_PROBLEMS = 50
"""The loader stops after this many problems: past it a file is clearly not a catalogue."""

_SHOWN_IN_MESSAGE = 5


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a catalogue file is refused.

    `path` locates the field the way one reads it in the file, e.g.
    `items[3].materials[2].kind`; `$` stands for the whole file.
    """

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class CatalogueError(InvalidInput):
    """A catalogue file was refused; nothing of it was loaded.

    Attributes:
        problems: every problem found (at most `MAX_PROBLEMS`), in file order.
        truncated: True when the loader stopped at `MAX_PROBLEMS` and more may exist.
    """

    def __init__(self, problems: tuple[Problem, ...], *, truncated: bool = False) -> None:
        self.problems = problems
        self.truncated = truncated
        # A one-paragraph summary naming the first problems (their reasons stay in English:
        # the file is an administrator's, and the reasons name its fields).
        shown = "; ".join(str(p) for p in problems[:_SHOWN_IN_MESSAGE])
        rest = len(problems) - _SHOWN_IN_MESSAGE
        count = f"{len(problems)}+" if truncated else str(len(problems))
        if len(problems) == 1 and not truncated:
            super().__init__("catalogue refused (1 problem): {shown}", shown=shown)
        elif rest > 0:
            super().__init__(
                "catalogue refused ({count} problems): {shown}; … and {rest} more",
                count=count,
                shown=shown,
                rest=rest,
            )
        else:
            super().__init__(
                "catalogue refused ({count} problems): {shown}", count=count, shown=shown
            )


class TooManyProblems(Exception):
    """Raised inside the loader when the cap is reached, to stop reading at once."""


class ProblemSink:
    """Collects problems while a file is read; stops the reading at `MAX_PROBLEMS`."""

    def __init__(self) -> None:
        self._problems: list[Problem] = []

    def add(self, path: str, reason: str) -> None:
        """Record a problem.

        Raises:
            TooManyProblems: the cap is reached; the caller should give up reading.
        """
        self._problems.append(Problem(path or "$", reason))
        if len(self._problems) >= MAX_PROBLEMS:
            raise TooManyProblems

    @property
    def count(self) -> int:
        """How many problems were recorded so far."""
        return len(self._problems)

    def error(self, *, truncated: bool = False) -> CatalogueError:
        """The error carrying every recorded problem."""
        return CatalogueError(tuple(self._problems), truncated=truncated)
