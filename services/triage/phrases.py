"""Find lexicon phrases in a message by their normalized forms, and nouns by their spelling.

Phrases are written in ordinary Japanese (「相談できる人」, 「首になる」) and tokenized with
the same tokenizer as messages, so each phrase matches every inflection and spelling that
Sudachi maps to the same normalized forms. Sudachi sometimes splits a word differently
inside a sentence than alone (家にも居場所 becomes 家/に/も/居/場所). So phrases are also found
by their spelling, where it starts and ends on morpheme boundaries and no longer phrase
already covers it. The boundary rule keeps 主人 from matching inside 主人公.

A compound noun that no phrase covers is also matched by its short-unit parts (休職中 is
休職 + 中, 介護サービス is 介護 + サービス). A part matches only when every other part is a word
of two or more characters or a known suffix (中, 後, 料), so 主人公 (主人 + 公) still does not
match 主人.
"""

import itertools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from services.triage.morphology import Token, tokenize_uncached
from services.triage.text import canonicalize

T = TypeVar("T")
MIN_SPELLING_LENGTH = 2
MIN_PART_LENGTH = 2
# One-character parts that only add "during", "after", "fee" and the like to a compound.
COMPOUND_SUFFIXES = frozenset({"中", "後", "前", "料", "費", "代", "者", "先", "期", "歴", "明け"})


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    start: int
    end: int
    payloads: tuple[T, ...]


class PhraseIndex(Generic[T]):
    """Longest-match lookup of phrases; each token belongs to at most one match."""

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        by_lemmas: dict[tuple[str, ...], list[T]] = defaultdict(list)
        by_spelling: dict[str, list[T]] = defaultdict(list)
        for phrase, payload in entries:
            canonical = canonicalize(phrase)
            lemmas = tuple(token.lemma for token in tokenize_uncached(canonical))
            if not lemmas:
                raise ValueError(f"lexicon phrase {phrase!r} has no morphemes")
            by_lemmas[lemmas].append(payload)
            if len(canonical) >= MIN_SPELLING_LENGTH:
                by_spelling[canonical].append(payload)
        self._by_first: dict[str, list[tuple[tuple[str, ...], tuple[T, ...]]]] = defaultdict(list)
        for lemmas, items in by_lemmas.items():
            self._by_first[lemmas[0]].append((lemmas, tuple(items)))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda candidate: len(candidate[0]), reverse=True)
        self._spellings: dict[str, list[tuple[str, tuple[T, ...]]]] = defaultdict(list)
        for spelling, items in by_spelling.items():
            self._spellings[spelling[0]].append((spelling, tuple(items)))
        # The same spellings keyed by the whole spelling and by their first two characters,
        # so a message is searched only at token starts where some spelling can begin.
        self._spelling_items = {spelling: tuple(items) for spelling, items in by_spelling.items()}
        self._spelling_prefixes = frozenset(spelling[:2] for spelling in by_spelling)
        self._max_spelling_length = max(map(len, by_spelling), default=0)

    def find(self, tokens: tuple[Token, ...], canonical: str) -> list[PhraseMatch[T]]:
        matches = self._lemma_matches(tokens)
        matches.extend(self._spelling_matches(tokens, canonical, matches))
        matches.extend(self._part_matches(tokens, matches))
        matches.sort(key=lambda match: match.start)
        return matches

    def _part_matches(
        self, tokens: tuple[Token, ...], found: list[PhraseMatch[T]]
    ) -> list[PhraseMatch[T]]:
        compounds = [index for index, token in enumerate(tokens) if token.parts]
        if not compounds:
            return []
        covered = {index for match in found for index in range(match.start, match.end)}
        matches = []
        for index in compounds:
            if index in covered:
                continue
            token = tokens[index]
            parts = token.parts
            position = 0
            while position < len(parts):
                length, items = self._longest_in_parts(parts, position)
                if length and _rest_is_substantial(parts, position, position + length):
                    matches.append(PhraseMatch(index, index + 1, items))
                position += length or 1
        return matches

    def _longest_in_parts(self, parts: tuple[str, ...], position: int) -> tuple[int, tuple[T, ...]]:
        for lemmas, items in self._by_first.get(parts[position], ()):
            end = position + len(lemmas)
            if end <= len(parts) and parts[position:end] == lemmas:
                return len(lemmas), items
        return 0, ()

    def _lemma_matches(self, tokens: tuple[Token, ...]) -> list[PhraseMatch[T]]:
        # The message's lemmas as one tuple, so each candidate phrase is compared with a
        # slice in one step. Most positions start no phrase and cost one dictionary lookup.
        lemmas = tuple(token.lemma for token in tokens)
        by_first = self._by_first
        matches: list[PhraseMatch[T]] = []
        position = 0
        while position < len(lemmas):
            candidates = by_first.get(lemmas[position])
            match = None if candidates is None else _longest_at(lemmas, position, candidates)
            if match is None:
                position += 1
                continue
            matches.append(match)
            position = match.end
        return matches

    def _spelling_matches(
        self, tokens: tuple[Token, ...], canonical: str, found: list[PhraseMatch[T]]
    ) -> list[PhraseMatch[T]]:
        """Return the spellings that start and end on token boundaries outside found.

        When two such spellings overlap, the one found first wins, so those messages are
        searched in the order of _spelling_matches_in_order. Otherwise every candidate is a
        match, whatever the order.
        """
        if not tokens:
            return []
        covered = {index for match in found for index in range(match.start, match.end)}
        candidates = self._aligned_spellings(tokens, canonical, covered)
        for first, second in itertools.pairwise(candidates):
            if second.start < first.end:
                return self._spelling_matches_in_order(tokens, canonical, covered)
        return candidates

    def _aligned_spellings(
        self, tokens: tuple[Token, ...], canonical: str, covered: set[int]
    ) -> list[PhraseMatch[T]]:
        """Return every spelling between a token's start and a token's end, by start.

        Tokens in covered are skipped. Only the token starts whose next two characters begin
        some spelling are searched, which leaves few in a typical message.
        """
        candidates = []
        for start, token in enumerate(tokens):
            begin = token.begin
            if start in covered or canonical[begin : begin + 2] not in self._spelling_prefixes:
                continue
            limit = begin + self._max_spelling_length
            for end in range(start, len(tokens)):
                if end in covered:
                    break
                finish = tokens[end].begin + len(tokens[end].surface)
                if finish > limit:
                    break
                items = self._spelling_items.get(canonical[begin:finish])
                if items is not None:
                    candidates.append(PhraseMatch(start, end + 1, items))
        return candidates

    def _spelling_matches_in_order(
        self, tokens: tuple[Token, ...], canonical: str, covered: set[int]
    ) -> list[PhraseMatch[T]]:
        covered = set(covered)
        starts = {token.begin: index for index, token in enumerate(tokens)}
        ends = {token.begin + len(token.surface): index + 1 for index, token in enumerate(tokens)}
        matches = []
        for character in set(canonical) & self._spellings.keys():
            for spelling, items in self._spellings[character]:
                offset = canonical.find(spelling)
                while offset >= 0:
                    start = starts.get(offset)
                    end = ends.get(offset + len(spelling))
                    aligned = start is not None and end is not None
                    if aligned and not covered.intersection(range(start, end)):
                        matches.append(PhraseMatch(start, end, items))
                        covered.update(range(start, end))
                    offset = canonical.find(spelling, offset + 1)
        return matches


def _longest_at(
    lemmas: tuple[str, ...],
    position: int,
    candidates: list[tuple[tuple[str, ...], tuple[T, ...]]],
) -> PhraseMatch[T] | None:
    """Return the first of candidates, longest first, whose lemmas start at position."""
    for phrase, items in candidates:
        end = position + len(phrase)
        if end <= len(lemmas) and lemmas[position:end] == phrase:
            return PhraseMatch(position, end, items)
    return None


def _rest_is_substantial(parts: tuple[str, ...], start: int, end: int) -> bool:
    rest = parts[:start] + parts[end:]
    return all(len(part) >= MIN_PART_LENGTH or part in COMPOUND_SUFFIXES for part in rest)
