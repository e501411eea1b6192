"""Word vectors from ja-ginza: the hash that finds a word, its rows, and the message summary."""

from pathlib import Path

import msgpack
import numpy as np
import pytest

from services.triage.classifier import read
from services.triage.vectors import (
    DIMENSIONS,
    VectorsError,
    _key_table,
    default_vectors,
    load,
    spacy_hash,
)

COMMON_WORDS = ["死ぬ", "自殺", "仕事", "家族", "学校", "寂しい", "お金", "病院"]


def _similarity(first: str, second: str) -> float:
    vectors = default_vectors()
    first_row, second_row = vectors.row(first), vectors.row(second)
    assert first_row is not None, first
    assert second_row is not None, second
    return float(vectors.vectors[first_row] @ vectors.vectors[second_row])


def test_hash_is_unsigned_64_bit() -> None:
    value = spacy_hash("死ぬ")
    assert 0 <= value < 2**64
    assert value == spacy_hash("死ぬ")
    assert value != spacy_hash("死ね")


@pytest.mark.parametrize("word", COMMON_WORDS)
def test_common_words_found(word: str) -> None:
    """A wrong hash would find no word at all, since keys are spaCy's 64-bit hashes."""
    assert default_vectors().row(word) is not None


def test_related_words_lie_closer() -> None:
    assert _similarity("死ぬ", "自殺") > _similarity("死ぬ", "野菜") + 0.2


def test_vectors_have_unit_length() -> None:
    norms = np.linalg.norm(default_vectors().vectors, axis=1)
    assert np.allclose(norms, 1.0, atol=1e-3)


def test_message_vector_mean_and_max() -> None:
    reading = read("仕事がつらい")
    assert reading is not None
    summary = default_vectors().message_vector(reading.tokens)
    assert summary.shape == (2 * DIMENSIONS,)
    assert np.all(summary[DIMENSIONS:] >= summary[:DIMENSIONS] - 1e-6)


def test_message_vector_without_content_words() -> None:
    reading = read("。。。")
    assert reading is not None
    assert not default_vectors().message_vector(reading.tokens).any()


def test_key_table_sorted_by_hash() -> None:
    packed = msgpack.packb({30: 2, 10: 0, 20: 1})
    hashes, rows = _key_table(packed)
    assert hashes.tolist() == [10, 20, 30]
    assert rows.tolist() == [0, 1, 2]


def test_load_missing_file_names_fix(tmp_path: Path) -> None:
    with pytest.raises(VectorsError, match="make setup"):
        load(tmp_path / "absent.npz")
