"""The fast feature lookup finds exactly the rows that the feature strings would."""

import numpy as np
import pytest

from services.triage.classifier import read
from services.triage.feature_index import FeatureIndex
from services.triage.model import TEXT_END, TEXT_START, default_model, features
from services.triage.morphology import Token

TEXTS = [
    "死にたい",
    "もう消えたい。誰にも会いたくない",
    "お腹すいて死にそう😂",
    "I want to die 今日も眠れない",
    "ｼﾆﾀｲ…💊💊💊",
    "仕事が終わらなくて、家賃も払えそうにない。母の介護もあって",
    "a",
    "𠮷野家で🪢を見た",
    "んだども、なんもかもやんだぐなった",
]


def _rows_by_strings(vocabulary: dict[str, int], canonical: str, tokens) -> list[int]:
    found = features(canonical, tokens)
    return sorted(row for row in map(vocabulary.get, found) if row is not None)


@pytest.mark.parametrize("text", TEXTS)
def test_rows_match_the_feature_strings(text: str) -> None:
    model = default_model()
    reading = read(text)
    assert reading is not None
    rows = model.feature_index.rows(reading.canonical, reading.tokens)
    expected = _rows_by_strings(model.vocabulary, reading.canonical, reading.tokens)
    assert rows.tolist() == expected


@pytest.mark.parametrize("text", TEXTS)
def test_score_message_matches_score(text: str) -> None:
    model = default_model()
    reading = read(text)
    assert reading is not None
    dense = np.zeros(model.dense_weights.shape[0]) if model.uses_vectors else None
    fast = model.score_message(reading.canonical, reading.tokens, dense)
    slow = model.score(features(reading.canonical, reading.tokens), dense)
    assert fast.rows.tolist() == slow.rows.tolist()
    assert np.array_equal(fast.probabilities, slow.probabilities)


def test_rows_of_ngrams_of_each_length_and_lemma_pairs() -> None:
    vocabulary = {
        "c:死": 0,
        "c:死に": 1,
        "c:死にた": 2,
        f"c:{TEXT_START}死": 3,
        f"c:い{TEXT_END}": 4,
        "c:死にたい": 5,
        "w:死ぬ": 6,
        "w:死ぬ たい": 7,
        "w:消える": 8,
    }
    index = FeatureIndex(vocabulary, TEXT_START, TEXT_END)
    tokens = (
        Token("死に", "死ぬ", "動詞", "一般", "連用形", 0),
        Token("たい", "たい", "助動詞", "*", "終止形", 2),
    )
    rows = index.rows("死にたい", tokens).tolist()
    assert rows == _rows_by_strings(vocabulary, "死にたい", tokens)
    assert rows == [0, 1, 2, 3, 4, 6, 7]
    assert index.rows("", ()).tolist() == _rows_by_strings(vocabulary, "", ())
