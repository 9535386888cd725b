"""Long lists of names (agencies, places) found in text fast: one regex alternation of several hundred names
takes a quarter of a second to compile and tries every name at every position it is asked about. A
`NameList` looks a word up among the names' first words, keeps the names whose letters the text goes on
with, and compiles (once) the alternation of those few; it matches exactly as the one big alternation would.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

# -- The words of names and texts: what a name's first word is compared with.
WORD = re.compile(r"[0-9A-Za-z']+")
# -- The only characters that case-insensitive matching takes for an ASCII letter or digit (İ ı for "i", ſ
# -- for "s", the Kelvin sign for "k"); a text holding one is matched without the letter comparison.
CASE_FOLDED = frozenset("\u0130\u0131\u017f\u212a")
# -- Bound on remembered words: a batch of many workbooks must not grow the cache without end.
_CACHE_LIMIT = 20_000


def words_pattern(name: str, separator: str) -> str:
    """A name as a regex: its words (runs of WORD characters) joined by any run of `separator` characters
    (a regex character class), none included."""
    return f"{separator}*".join(re.escape(word) for word in WORD.findall(name))


class NameList:
    """Names in priority order (the first that matches wins); `match` finds at a position what
    `before(?:(name1)|(name2)|...)after` would, each name written as `words_pattern(name, separator)`, in
    exact case (not only with `flags`) where `exact_case(name)` holds.
    """

    def __init__(
        self,
        names: Sequence[str],
        separator: str,
        *,
        exact_case: Callable[[str], bool] = lambda name: False,
        before: str = "",
        after: str = "",
        flags: int = 0,
    ) -> None:
        self._fold = bool(flags & re.IGNORECASE)
        self._names, self._separator, self._exact_case = tuple(names), separator, exact_case
        self._separators = re.compile(f"{separator}+")
        self._before, self._after, self._flags = before, after, flags
        # -- a name's letters as the text must go on with them once its separators are left out
        self._letters = tuple(self._key("".join(WORD.findall(name))) for name in self._names)
        by_first: dict[str, list[int]] = {}
        for index, name in enumerate(self._names):
            first = WORD.search(name)
            by_first.setdefault("" if first is None else self._key(first.group()), []).append(index)
        self._by_first = {word: tuple(indices) for word, indices in by_first.items()}
        self._firsts = sorted(by_first)
        self._first_chars = {word[0] for word in by_first if word}
        self.first_words = frozenset(by_first)
        """The first word of every name (lower case with re.IGNORECASE)."""
        self._candidates: dict[str, tuple[int, ...]] = {}
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}

    def _key(self, word: str) -> str:
        return word.lower() if self._fold else word

    def _candidates_for(self, word: str) -> tuple[int, ...]:
        """The names that may match where `word` (a run of WORD characters) stands."""
        found = self._candidates.get(word)
        if found is not None:
            return found
        indices: set[int] = set()
        # -- a name's first word is the word or its start (spacing between a name's words may be left
        # -- out: "KemenpanRB"), or the word is the start of a first word (a first word going on past the
        # -- word with a letter only case-insensitive matching knows, as the Kelvin sign for "k")
        for end in range(1, len(word) + 1):
            indices.update(self._by_first.get(word[:end], ()))
        at = bisect.bisect_left(self._firsts, word)
        while at < len(self._firsts) and self._firsts[at].startswith(word):
            indices.update(self._by_first[self._firsts[at]])
            at += 1
        if len(self._candidates) >= _CACHE_LIMIT:
            self._candidates.clear()
        found = self._candidates[word] = tuple(sorted(indices))
        return found

    def _pattern(self, indices: tuple[int, ...]) -> re.Pattern[str]:
        pattern = self._compiled.get(indices)
        if pattern is None:
            alternatives = "|".join(f"({self._name_pattern(self._names[i])})" for i in indices)
            pattern = re.compile(f"{self._before}(?:{alternatives}){self._after}", self._flags)
            self._compiled[indices] = pattern
        return pattern

    def _name_pattern(self, name: str) -> str:
        body = words_pattern(name, self._separator)
        return f"(?-i:{body})" if self._exact_case(name) else body

    def _going_on(self, text: str, pos: int, indices: tuple[int, ...]) -> tuple[int, ...]:
        """The names of `indices` whose letters `text` goes on with from `pos`, separators left out: no other
        name can match there."""
        need = max(len(self._letters[i]) for i in indices)
        size = 2 * need + 8
        while True:
            letters = self._separators.sub("", text[pos : pos + size])
            if len(letters) >= need or pos + size >= len(text):
                break
            size *= 4
        letters = letters[:need]
        if not CASE_FOLDED.isdisjoint(letters):
            return indices
        letters = self._key(letters)
        return tuple(i for i in indices if letters.startswith(self._letters[i]))

    def match(self, text: str, pos: int) -> tuple[re.Match[str], int] | None:
        """The first name matching `text` at `pos` and its index in `names`; None when none does."""
        run = WORD.match(text, pos)
        if run is not None:
            indices = self._candidates_for(self._key(run.group()))
        elif pos < len(text) and not text[pos].isascii():
            indices = self._exotic(text[pos])
        else:
            return None  # -- a name starts with a letter or digit
        if indices:
            indices = self._going_on(text, pos, indices)
        if not indices:
            return None
        found = self._pattern(indices).match(text, pos)
        if found is None or found.lastindex is None:
            return None
        return found, indices[found.lastindex - 1]

    def _exotic(self, char: str) -> tuple[int, ...]:
        """The names whose first letter `char` matches only case-insensitively (the Kelvin sign "K")."""
        key = f"\0{char}"
        found = self._candidates.get(key)
        if found is None:
            letters = {c for c in self._first_chars if re.fullmatch(re.escape(c), char, self._flags)}
            found = tuple(i for w in self._firsts if w[:1] in letters for i in self._by_first[w])
            found = self._candidates[key] = tuple(sorted(found))
        return found
