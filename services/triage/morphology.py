"""Morphemes of canonical text from SudachiPy with sudachidict-core, split mode C.

Rules match the normalized form (`lemma`), so 消えて, 消えたい and 消えちゃいたい all carry the
lemma 消える, and 子ども, こども and 子供 all carry 子供.
"""

import functools
import threading
from typing import NamedTuple

from sudachipy import Dictionary, SplitMode, Tokenizer

TOKEN_CACHE_SIZE = 8192
# Only these fields are read, and loading fewer makes each morpheme cheaper to build.
# split_a lets a compound noun be split into its short-unit parts (休職中 into 休職 + 中).
SUDACHI_FIELDS = {"pos", "normalized_form", "dictionary_form", "split_a"}
# Compound nouns of at least this many characters carry their parts; shorter ones rarely split.
MIN_COMPOUND_LENGTH = 3
SENTENCE_ENDS = frozenset({"。", ".", "!", "?", "…", "\n"})
# Sudachi's input limit is 49,149 bytes; chunks stay well below it.
MAX_CHUNK_BYTES = 16_000
# Sudachi gives the auxiliary ない and the adjective 無い different normalized forms; the
# rules only care that something is negated, so both become 無い.
LEMMA_FOLDS = {"ない": "無い"}


class Token(NamedTuple):
    """One morpheme: what was written, its normalized form and its part of speech."""

    surface: str
    lemma: str
    pos: str
    pos_detail: str
    conjugation: str
    # Offset of the morpheme in the canonical text, in characters.
    begin: int
    # Normalized forms of the short-unit parts of a compound noun (介護サービス: 介護,
    # サービス); empty for other morphemes. Topic lexicons match these too.
    parts: tuple[str, ...] = ()


@functools.cache
def _dictionary() -> Dictionary:
    # Loading the dictionary takes a few hundred milliseconds, so it happens once per process.
    return Dictionary()


_thread_state = threading.local()


def _tokenizer() -> Tokenizer:
    # A Sudachi Tokenizer raises when two threads use it at once, so each thread gets its own.
    tokenizer = getattr(_thread_state, "tokenizer", None)
    if tokenizer is None:
        tokenizer = _dictionary().tokenizer(mode=SplitMode.C, fields=SUDACHI_FIELDS)
        _thread_state.tokenizer = tokenizer
    return tokenizer


def tokenize_uncached(text: str) -> tuple[Token, ...]:
    """Split canonical text into morphemes, skipping whitespace.

    Sudachi rejects input over 49,149 bytes, so longer text is tokenized in chunks that end
    at a sentence end where one is near. A word cut at a forced chunk end splits in two.
    """
    if len(text.encode("utf-8")) <= MAX_CHUNK_BYTES:
        return _tokenize_chunk(text, offset=0)
    tokens: list[Token] = []
    offset = 0
    for chunk in _chunks(text):
        tokens.extend(_tokenize_chunk(chunk, offset=offset))
        offset += len(chunk)
    return tuple(tokens)


def _chunks(text: str) -> list[str]:
    """Cut text into pieces of at most MAX_CHUNK_BYTES, preferring cuts after a sentence end."""
    pieces = []
    start = 0
    while start < len(text):
        # Each character takes at most 4 bytes in UTF-8.
        end = min(len(text), start + MAX_CHUNK_BYTES // 4)
        if end < len(text):
            cut = max(text.rfind(mark, start, end) for mark in SENTENCE_ENDS)
            end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    return pieces


# Token(...) runs the Python-level __new__ that namedtuple generates, and a message builds
# a few dozen tokens. tuple.__new__ builds the same Token from all seven fields without that
# call, which saved about 4 µs per tuning message.
_new_token = tuple.__new__


def _tokenize_chunk(text: str, *, offset: int) -> tuple[Token, ...]:
    tokens = []
    for morpheme in _tokenizer().tokenize(text):
        pos = morpheme.part_of_speech()
        major_pos = pos[0]
        if major_pos == "空白":
            continue
        lemma = morpheme.normalized_form()
        if lemma in LEMMA_FOLDS:
            lemma = LEMMA_FOLDS[lemma]
        surface = morpheme.surface()
        parts: tuple[str, ...] = ()
        if major_pos == "名詞" and len(surface) >= MIN_COMPOUND_LENGTH:
            split = morpheme.split(SplitMode.A)
            if len(split) > 1:
                parts = tuple(part.normalized_form() for part in split)
        begin = morpheme.begin() + offset
        fields = (surface, lemma, major_pos, pos[1], pos[5], begin, parts)
        tokens.append(_new_token(Token, fields))
    return tuple(tokens)


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split canonical text into morphemes; repeated texts (stickers, 「はい」) hit a cache."""
    return tokenize_uncached(text)


def is_sentence_end(token: Token) -> bool:
    return token.surface in SENTENCE_ENDS or token.pos_detail == "句点"


def sentence_bounds(tokens: tuple[Token, ...], index: int) -> tuple[int, int]:
    """Return the half-open token range of the sentence that contains tokens[index].

    index may be len(tokens), which gives the range of the last sentence.
    """
    if type(tokens) is tuple and 0 <= index <= len(tokens):
        starts, ends = _sentence_table(tokens)
        return starts[index], ends[index]
    return _walk_sentence_bounds(tokens, index)


# The rules ask for the sentence of many tokens of the same message, so the sentence range of
# every index is computed once per message and kept for its tokens. One entry is enough
# because a message's rules run one after another. A tuple cannot change, so the identity
# of the tokens object decides whether the entry belongs to it.
_last_sentence_table: tuple[tuple[Token, ...], list[int], list[int]] | None = None


def _sentence_table(tokens: tuple[Token, ...]) -> tuple[list[int], list[int]]:
    global _last_sentence_table
    cached = _last_sentence_table
    if cached is not None and cached[0] is tokens:
        return cached[1], cached[2]
    count = len(tokens)
    # The sentence ends are found once, in one pass that tests what is_sentence_end tests,
    # because a function call per token in each of two passes cost more than the table.
    is_end = [token.surface in SENTENCE_ENDS or token.pos_detail == "句点" for token in tokens]
    starts = [0] * (count + 1)
    start = 0
    for index in range(count):
        starts[index] = start
        if is_end[index]:
            start = index + 1
    starts[count] = start
    ends = [count] * (count + 1)
    end = count
    for index in range(count - 1, -1, -1):
        if is_end[index]:
            end = index
        ends[index] = end
    # One assignment of a new tuple, so another thread reads the old entry or the new one.
    _last_sentence_table = (tokens, starts, ends)
    return starts, ends


# Several whole-message rules first ask whether any of their words occurs at all, so the
# set of a message's lemmas is built once and kept for its tokens, as the sentence table is.
_last_lemma_set: tuple[tuple[Token, ...], frozenset[str]] | None = None


def message_lemmas(tokens: tuple[Token, ...]) -> frozenset[str]:
    """Return the set of the normalized forms of tokens, built once per message."""
    global _last_lemma_set
    if type(tokens) is not tuple:
        # A list can change between calls, so only a tuple's set is kept.
        return frozenset(token.lemma for token in tokens)
    cached = _last_lemma_set
    if cached is not None and cached[0] is tokens:
        return cached[1]
    lemmas = frozenset(token.lemma for token in tokens)
    # One assignment of a new tuple, so another thread reads the old entry or the new one.
    _last_lemma_set = (tokens, lemmas)
    return lemmas


def _walk_sentence_bounds(tokens: tuple[Token, ...], index: int) -> tuple[int, int]:
    start = index
    while start > 0 and not is_sentence_end(tokens[start - 1]):
        start -= 1
    end = index
    while end < len(tokens) and not is_sentence_end(tokens[end]):
        end += 1
    return start, end


def lemma_of(word: str) -> str:
    """Return the normalized form of a one-morpheme word; raise ValueError for longer text.

    Lexicons call this at import, so a word that Sudachi splits fails loudly at start-up
    instead of never matching.
    """
    tokens = tokenize_uncached(word)
    if len(tokens) != 1:
        split = " / ".join(token.surface for token in tokens)
        raise ValueError(f"lexicon word {word!r} is not one morpheme: {split}")
    return tokens[0].lemma


def lemma_set(*words: str) -> frozenset[str]:
    return frozenset(lemma_of(word) for word in words)
