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
    """Split canonical text into morphemes, skipping whitespace."""
    tokens = []
    for morpheme in _tokenizer().tokenize(text):
        pos = morpheme.part_of_speech()
        if pos[0] == "空白":
            continue
        lemma = morpheme.normalized_form()
        lemma = LEMMA_FOLDS.get(lemma, lemma)
        surface = morpheme.surface()
        parts: tuple[str, ...] = ()
        if pos[0] == "名詞" and len(surface) >= MIN_COMPOUND_LENGTH:
            split = morpheme.split(SplitMode.A)
            if len(split) > 1:
                parts = tuple(part.normalized_form() for part in split)
        tokens.append(Token(surface, lemma, pos[0], pos[1], pos[5], morpheme.begin(), parts))
    return tuple(tokens)


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split canonical text into morphemes; repeated texts (stickers, 「はい」) hit a cache."""
    return tokenize_uncached(text)


def is_sentence_end(token: Token) -> bool:
    return token.surface in SENTENCE_ENDS or token.pos_detail == "句点"


def sentence_bounds(tokens: tuple[Token, ...], index: int) -> tuple[int, int]:
    """Return the half-open token range of the sentence that contains tokens[index]."""
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
