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
    _small_sort_keys,
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


def test_load_damaged_file_names_fix(tmp_path: Path) -> None:
    """A truncated file fails with the install command, not with numpy's zip error."""
    path = tmp_path / "word-vectors.npz"
    path.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(VectorsError, match=r"services\.triage\.vectors install") as raised:
        load(path)
    assert "allow_pickle" not in str(raised.value)


def test_install_if_missing_keeps_readable_file(tmp_path: Path) -> None:
    """With --if-missing a readable file is kept as it is, without downloading anything."""
    from services.triage.vectors import main

    path = tmp_path / "word-vectors.npz"
    np.savez(
        path,
        hashes=np.array([1], dtype=np.uint64),
        rows=np.array([0], dtype=np.int32),
        vectors=np.ones((1, DIMENSIONS), dtype=np.float32),
        source=np.array("test"),
    )
    before = path.read_bytes()
    assert main(["install", "--if-missing", "--target", str(path)]) == 0
    assert path.read_bytes() == before


@pytest.mark.parametrize("count", [1, 7, 300, 70_000])
def test_small_sort_keys_keep_stable_order(count: int) -> None:
    holders = np.random.default_rng(count).integers(0, count, size=300)
    keys = _small_sort_keys(holders, count)
    expected = np.argsort(holders, kind="stable")
    assert np.array_equal(np.argsort(keys, kind="stable"), expected)
    assert keys.dtype == (np.uint16 if count < 65536 else holders.dtype)


def test_word_contributions_add_up_to_logit() -> None:
    """The words' contributions sum to what the message vector adds to the logit."""
    vectors = default_vectors()
    reading = read("仕事がつらくて眠れない。家族にも相談できない")
    assert reading is not None
    weights = np.random.default_rng(0).standard_normal(2 * DIMENSIONS).astype(np.float32)
    contributions = vectors.word_contributions(reading.tokens, weights)
    assert set(contributions) <= {token.lemma for token in reading.tokens}
    whole = float(vectors.message_vector(reading.tokens) @ weights)
    assert sum(contributions.values()) == pytest.approx(whole, abs=1e-4)
