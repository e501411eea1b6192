"""Find the model's feature rows of a message without building its feature strings.

`model.features` returns one string per character n-gram, lemma and lemma pair, and
`LinearModel.score` looks each one up in a vocabulary of about 70,000 strings. On one core
those lookups miss the CPU caches and cost more than the rest of the model. This index finds
the same rows: character n-grams become integers that numpy looks up with a binary search in
one sorted array, and lemmas are looked up in a dictionary of the word features alone.
"""

from collections.abc import Sequence

import numpy as np

from services.triage.morphology import Token

CHAR_PREFIX = "c:"
WORD_PREFIX = "w:"
# Bits per character in an n-gram code. Each character is stored as its code point plus one,
# at most 0x110000, so it fits in 21 bits and no character is stored as 0. A 2-gram's code
# is then at least 2**21, above every 1-gram's, and a 3-gram's at least 2**42: the codes of
# n-grams of different lengths never collide, and three characters fit in 63 bits.
CODE_BITS = 21
MAX_NGRAM = 3
# Above every n-gram code, which stays below 2**63.
SENTINEL = 2**64 - 1


class FeatureIndex:
    """The rows of a vocabulary's features, arranged for looking up one message's features.

    rows() returns exactly the rows of the features that `model.features` finds in the
    message and the vocabulary contains, sorted and without repeats.
    """

    def __init__(self, vocabulary: dict[str, int], text_start: str, text_end: str) -> None:
        self._text_start = text_start
        self._text_end = text_end
        codes = []
        char_rows = []
        # A feature's text after its kind prefix: a lemma, or two lemmas joined by a space.
        self._words: dict[str, int] = {}
        for feature, row in vocabulary.items():
            if feature.startswith(WORD_PREFIX):
                self._words[feature[len(WORD_PREFIX) :]] = row
            elif feature.startswith(CHAR_PREFIX) and 1 <= len(feature) - 2 <= MAX_NGRAM:
                # Longer or empty character features cannot be among a message's n-grams.
                codes.append(_ngram_code(feature[len(CHAR_PREFIX) :]))
                char_rows.append(row)
        # SENTINEL ends the sorted codes, so every message code finds a position in the array.
        codes.append(SENTINEL)
        char_rows.append(-1)
        order = np.argsort(np.array(codes, dtype=np.uint64), kind="stable")
        self._codes = np.array(codes, dtype=np.uint64)[order]
        self._char_rows = np.array(char_rows, dtype=np.int64)[order]

    def rows(self, canonical: str, tokens: Sequence[Token]) -> np.ndarray:
        """Return the sorted, distinct rows of the message's features (int64)."""
        found = [self._char_ngram_rows(self._text_start + canonical + self._text_end)]
        word_rows = self._word_rows(tokens)
        if word_rows:
            found.append(np.array(word_rows, dtype=np.int64))
        return _sorted_distinct(np.concatenate(found))

    def _char_ngram_rows(self, padded: str) -> np.ndarray:
        # Each numpy call costs about a microsecond whatever the length of a message, so
        # the codes of all n-gram lengths are looked up in one search.
        points = _code_points(padded)
        bigrams = (points[:-1] << CODE_BITS) | points[1:]
        trigrams = (bigrams[:-1] << CODE_BITS) | points[2:]
        message_codes = np.concatenate([points, bigrams, trigrams])
        positions = np.searchsorted(self._codes, message_codes)
        present = self._codes[positions] == message_codes
        return self._char_rows[positions[present]]

    def _word_rows(self, tokens: Sequence[Token]) -> list[int]:
        words = self._words
        rows = []
        previous = None
        for token in tokens:
            lemma = token.lemma
            row = words.get(lemma)
            if row is not None:
                rows.append(row)
            if previous is not None:
                row = words.get(previous + " " + lemma)
                if row is not None:
                    rows.append(row)
            previous = lemma
        return rows


def _sorted_distinct(rows: np.ndarray) -> np.ndarray:
    """Return rows sorted, without repeats, as np.unique does with less overhead."""
    rows = np.sort(rows)
    keep = np.empty(len(rows), dtype=bool)
    keep[:1] = True
    np.not_equal(rows[1:], rows[:-1], out=keep[1:])
    return rows[keep]


def _code_points(text: str) -> np.ndarray:
    """Return each character's code point plus one, as uint64."""
    # surrogatepass keeps a lone surrogate, which model.features would also keep, encodable.
    encoded = text.encode("utf-32-le", "surrogatepass")
    return np.frombuffer(encoded, dtype=np.uint32).astype(np.uint64) + np.uint64(1)


def _ngram_code(ngram: str) -> int:
    code = 0
    for character in ngram:
        code = (code << CODE_BITS) | (ord(character) + 1)
    return code
