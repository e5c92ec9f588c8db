"""Finding service items by code, name or pinyin (full, initials such as "gtgsh", or mixed).

The index is built once per catalogue; a query is answered from precomputed, lower-case text:

- codes (implementation and basic code): exact, prefix, and from four characters anywhere;
- the name: exact, prefix or anywhere (full-width letters and digits fold to ASCII);
- pinyin: the query is cut into prefixes of consecutive syllables of the name, so "gtgsh",
  "getigongshang", "getigsh" and "gongshang" all find 个体工商户设立登记. A polyphonic
  character matches any of its readings (重 as chong or zhong), the reading in context first.
  Spaces and apostrophes in the query are ignored ("ge'ti gong").

Ranking: exact code, exact name, code prefix, name or pinyin at the start, name or pinyin later
(earlier first), code part; ties go to the shorter name, then the code. Several words separated
by spaces must all match (the weakest match ranks the item).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import cache, lru_cache
from itertools import groupby

from clerk.catalog.model import Catalogue, ServiceItem

MIN_CODE_PART = 4
"""A query must be this long to match inside a code (shorter digit runs are everywhere)."""
DEFAULT_LIMIT = 50


class MatchKind(IntEnum):
    """How well an item matched, best first (the value is the rank)."""

    CODE = 0
    NAME = 1
    CODE_PREFIX = 2
    STARTS = 3  # the name, or its pinyin, starts with the query
    CONTAINS = 4  # the name, or its pinyin from a later syllable, contains the query
    CODE_PART = 5


@dataclass(frozen=True, slots=True)
class ItemMatch:
    """One search hit: the item, how it matched and where (character or syllable index)."""

    item: ServiceItem
    kind: MatchKind
    position: int


@dataclass(frozen=True, slots=True)
class _Entry:
    item: ServiceItem
    codes: tuple[str, ...]
    name: str
    spelled: str  # "|ge|ti|gong|shang|hu|she|li/wei|deng/de|ji|": every reading of each syllable


def fold(text: str) -> str:
    """Lower-case text with full-width forms folded to ASCII (NFKC), as both sides compare."""
    return unicodedata.normalize("NFKC", text).lower()


def _is_han(char: str) -> bool:
    """Whether a character is a Chinese character (the basic block and its extensions)."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"


@cache
def _char_readings(char: str) -> tuple[str, ...]:
    """Every reading of one Chinese character, out of context (none if pypinyin has none)."""
    from pypinyin import Style, pinyin  # noqa: PLC0415  (0.3 s of import, off the start path)

    found = pinyin(char, style=Style.NORMAL, heteronym=True)
    return tuple(r for r in (found[0] if found else ()) if r.isascii() and r.isalpha())


def _han_readings(run: str) -> list[tuple[str, ...]]:
    """The readings of a run of Chinese characters: the one in context first, then the others."""
    from pypinyin import Style, lazy_pinyin  # noqa: PLC0415  (imported when the index is built)

    contextual = lazy_pinyin(run, style=Style.NORMAL)
    if len(contextual) != len(run):  # a character without a reading; go one by one
        contextual = [next(iter(_char_readings(c)), "") for c in run]
    syllables = []
    for char, first in zip(run, contextual, strict=True):
        readings = tuple(r for r in dict.fromkeys([first, *_char_readings(char)]) if r.isalpha())
        if readings and all(r.isascii() for r in readings):
            syllables.append(readings)
    return syllables


def _readings(name: str) -> tuple[tuple[str, ...], ...]:
    """Every syllable of a name with its readings; letters and digits are one-letter syllables."""
    syllables: list[tuple[str, ...]] = []
    for han, chars in groupby(fold(name), key=_is_han):
        run = "".join(chars)
        if han:
            syllables.extend(_han_readings(run))
        else:
            syllables.extend((c,) for c in run if c.isascii() and c.isalnum())
    return tuple(syllables)


def _entry(item: ServiceItem) -> _Entry:
    spelled = "|".join("/".join(readings) for readings in _readings(item.name))
    return _Entry(
        item=item,
        codes=tuple(dict.fromkeys(fold(c) for c in (item.implementation_code, item.basic_code))),
        name=fold(item.name),
        spelled=f"|{spelled}|",
    )


@lru_cache(maxsize=512)  # the words being typed; an unbounded cache would grow all day
def _spelling(term: str) -> re.Pattern[str] | None:
    """A pattern that finds a term as prefixes of consecutive syllables in `_Entry.spelled`.

    Between two letters of the term the match either goes on in the same reading or skips the
    rest of the syllable (every reading) and starts a reading of the next syllable.
    """
    if not (term.isascii() and term.isalnum()):
        return None
    start_reading = r"(?:[^|/]*/)*"
    next_syllable = rf"(?:[^|]*\|{start_reading})?"
    return re.compile(r"\|" + start_reading + next_syllable.join(re.escape(c) for c in term))


def _pinyin_position(term: str, entry: _Entry) -> int | None:
    """The first syllable from which the term spells the name in pinyin, if any."""
    pattern = _spelling(term)
    found = pattern.search(entry.spelled) if pattern is not None else None
    return None if found is None else entry.spelled.count("|", 0, found.start())


def _code_match(term: str, entry: _Entry) -> tuple[MatchKind, int] | None:
    if term in entry.codes:
        return MatchKind.CODE, 0
    if any(code.startswith(term) for code in entry.codes):
        return MatchKind.CODE_PREFIX, 0
    return None


def _text_match(term: str, entry: _Entry) -> tuple[MatchKind, int] | None:
    if term == entry.name:
        return MatchKind.NAME, 0
    at = entry.name.find(term)
    spelled = _pinyin_position(term, entry)
    if at < 0 and spelled is None:
        return None
    best = min(p for p in (at if at >= 0 else None, spelled) if p is not None)
    return (MatchKind.STARTS if best == 0 else MatchKind.CONTAINS), best


def _term_match(term: str, entry: _Entry) -> tuple[MatchKind, int] | None:
    """The best way one word of the query matches an item, if it does."""
    found = _code_match(term, entry) or _text_match(term, entry)
    if found is None and len(term) >= MIN_CODE_PART:
        at = min((c.find(term) for c in entry.codes if term in c), default=-1)
        if at >= 0:
            found = MatchKind.CODE_PART, at
    return found


def query_terms(query: str) -> tuple[str, ...]:
    """The words of a query, folded, with pinyin apostrophes dropped (empty: no words)."""
    return tuple(word for word in fold(query).replace("'", " ").replace("’", " ").split())


class ItemIndex:
    """A search index over service items (build once per catalogue; immutable)."""

    def __init__(self, items: Iterable[ServiceItem]) -> None:
        """Precompute codes, folded names and pinyin for every item."""
        self._entries = tuple(_entry(item) for item in items)

    @classmethod
    def of(cls, catalogue: Catalogue) -> ItemIndex:
        """The index of a catalogue's current items."""
        return cls(catalogue.items)

    def __len__(self) -> int:
        """How many items the index holds."""
        return len(self._entries)

    def search(self, query: str, *, limit: int = DEFAULT_LIMIT) -> tuple[ItemMatch, ...]:
        """Rank the items that match a query.

        Args:
            query: what the clerk typed: a code, part of the name, or pinyin (full, initials or
                mixed); words separated by spaces must all match.
            limit: at most this many hits.

        Returns:
            The hits, best first; none for an empty query.
        """
        terms = query_terms(query)
        if not terms:
            return ()
        ranked: list[tuple[tuple[int, int, int, str], ItemMatch]] = []
        for entry in self._entries:
            match = self._match(terms, entry)
            if match is not None:
                key = (match.kind.value, match.position, len(entry.name), entry.item.code)
                ranked.append((key, match))
        ranked.sort(key=lambda pair: pair[0])
        return tuple(match for _, match in ranked[:limit])

    @staticmethod
    def _match(terms: tuple[str, ...], entry: _Entry) -> ItemMatch | None:
        found: list[tuple[MatchKind, int]] = []
        for term in terms:
            one = _term_match(term, entry)
            if one is None:
                return None
            found.append(one)
        kind = max(kind for kind, _ in found)
        return ItemMatch(entry.item, kind, found[0][1])
