"""A linear model over character n-grams and Sudachi lemmas, fitted to the labeled messages.

The rules read the phrasings they were written for. The model scores every message by the
character sequences and lemmas of the labeled data, so a new wording of a known worry can
still raise a category or the urgent flag. `services.triage.train` fits it with
scikit-learn and writes `model/weights.npz`; scoring needs only numpy.

Each present feature weighs its inverse document frequency, and the message's feature vector
is scaled to unit length (TF-IDF with L2 normalization), so a long message does not score
high merely by having many features.
"""

import functools
import itertools
import json
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from services.triage.feature_index import FeatureIndex
from services.triage.morphology import Token
from shared.schemas import Topic

MODEL_PATH = Path(__file__).resolve().parent / "model" / "weights.npz"
LABELS: tuple[Topic, ...] = tuple(Topic)
CHAR_NGRAM_SIZES = (1, 2, 3)
# Mark the start and end of the text, so 死にたい at the very end differs from 死にたいとは.
TEXT_START = "\x02"
TEXT_END = "\x03"
REASON_FEATURES = 3
REASON_CANDIDATES = 40
# Words too common to explain a decision; hiragana-only features need this many characters.
LIGHT_VERBS = frozenset({"為る", "有る", "居る", "成る", "無い", "だ", "です", "ます"})
MIN_KANA_WORD = 3
MEANINGFUL_CACHE_SIZE = 65536


class ModelError(RuntimeError):
    """A model file that is missing, unreadable or made for other labels."""


@dataclass(frozen=True)
class Scores:
    """The model's probability for each label of one message, and the features it used."""

    probabilities: np.ndarray
    # Vocabulary rows of the message's features, sorted and distinct (int64).
    rows: np.ndarray


# A message whose risk words the rules read as harmless (死ぬほど笑った) becomes urgent by the
# model only at this probability or above, unless the model file names its own.
DEFAULT_NOTE_OVERRIDE = 0.95


@dataclass(frozen=True)
class LinearModel:
    """Logistic regression weights: one column per label in the order of LABELS."""

    vocabulary: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    thresholds: np.ndarray
    metadata: dict[str, object]
    # Weights of the message's word-vector summary (vectors.message_vector), one row per
    # dimension; no rows when the model was fitted without word vectors.
    dense_weights: np.ndarray = field(default_factory=lambda: np.zeros((0, len(LABELS))))
    # Inverse document frequency of each feature, in vocabulary order. None gives each weight 1.
    idf: np.ndarray | None = None
    # Per label, the probability below which a category the rules found is dropped
    # (classifier.labels_vetoed). None, or a model file without them, drops nothing.
    vetoes: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.idf is None:
            object.__setattr__(self, "idf", np.ones(len(self.vocabulary), dtype=np.float32))
        if self.vetoes is None:
            object.__setattr__(self, "vetoes", np.zeros(len(LABELS), dtype=np.float32))

    @property
    def note_override(self) -> float:
        """The urgent probability at which the model overrules a harmless reading of the rules.

        Training chooses it with the urgent threshold; older model files use the default.
        """
        return float(self.metadata.get("note_override", DEFAULT_NOTE_OVERRIDE))

    @property
    def uses_vectors(self) -> bool:
        return self.dense_weights.shape[0] > 0

    def score(self, found: set[str], dense: np.ndarray | None = None) -> Scores:
        # Sorted, so the sum and the reasons do not depend on the set's iteration order,
        # which changes between processes with the string hash seed.
        rows = sorted(row for row in map(self.vocabulary.get, found) if row is not None)
        return self._score_rows(np.array(rows, dtype=np.int64), dense)

    def score_message(
        self, canonical: str, tokens: Sequence[Token], dense: np.ndarray | None = None
    ) -> Scores:
        """Score a message as score(features(canonical, tokens), dense) does, but faster."""
        return self._score_rows(self.feature_index.rows(canonical, tokens), dense)

    @functools.cached_property
    def feature_index(self) -> FeatureIndex:
        return FeatureIndex(self.vocabulary, TEXT_START, TEXT_END)

    def _score_rows(self, rows: np.ndarray, dense: np.ndarray | None) -> Scores:
        """Score the features of the given vocabulary rows, which are sorted and distinct."""
        logits = self.bias
        if len(rows):
            values = self.idf[rows]
            values = values / np.sqrt(values @ values)
            logits = logits + values @ self.weights[rows]
        if self.uses_vectors:
            if dense is None:
                raise ValueError(
                    "this model was fitted with word vectors; pass dense, the message's"
                )
            logits = logits + dense @ self.dense_weights
        return Scores(probabilities=1.0 / (1.0 + np.exp(-logits)), rows=rows)

    def fires(self, scores: Scores, topic: Topic) -> bool:
        column = LABELS.index(topic)
        return bool(scores.probabilities[column] >= self.thresholds[column])

    def reason(
        self,
        scores: Scores,
        topic: Topic,
        explanation: str,
        *,
        surfaces: dict[str, str],
        text: str,
        word_weights: dict[str, float] | None = None,
    ) -> str:
        """Quote the words of the message that raised this label most, for a counselor.

        surfaces maps each lemma of the message to how it was written, so the quote is the
        sender's word (つもり, not the lemma 積もり). A character n-gram is quoted only if
        text, the message as written, contains it and it lies inside one of the surfaces.
        word_weights adds what each word's vector contributed (vectors.word_contributions).
        """
        column = LABELS.index(topic)
        words: dict[str, float] = {}
        for lemma, weight in (word_weights or {}).items():
            _keep_heaviest(words, surfaces.get(lemma, ""), weight)
        fragments: dict[str, float] = {}
        # readable() drops TEXT_END from every fragment, so a fragment found in the surfaces
        # joined by TEXT_END lies inside one of them. One search of the joined text is
        # cheaper than one search per surface.
        written_words = TEXT_END.join(surfaces.values())
        rows = scores.rows
        # A feature's share of the logit is its weight times its IDF, over one common norm.
        weights = self.weights[rows, column] * self.idf[rows] if len(rows) else np.zeros(0)
        # Enough of the heaviest features to find REASON_FEATURES meaningful words among them.
        # Python lists, because indexing numpy arrays one element at a time is slow.
        order = np.argsort(-weights, kind="stable")[:REASON_CANDIDATES]
        for row, weight in zip(rows[order].tolist(), weights[order].tolist(), strict=True):
            fragment, lemmas = self._readable_feature(row)
            if lemmas is None:
                # Character n-grams often cut across words (いんだ, で送, 0錠), so they come
                # last, and only those inside one written word are quoted.
                quotable = fragment in text and fragment in written_words
                _keep_heaviest(fragments, fragment if quotable else "", weight)
            else:
                written = [surfaces.get(lemma, "") for lemma in lemmas]
                _keep_heaviest(words, "" if "" in written else " ".join(written), weight)
        chosen = _heaviest_meaningful(words, [])
        chosen = _heaviest_meaningful(fragments, chosen)
        probability = scores.probabilities[column]
        model = f"（学習モデル、確率 {probability:.2f}）"
        if not chosen:
            return f"[{topic.value}] {explanation}{model}"
        quoted = "".join(f"「{_joined(word)}」" for word in chosen)
        return f"[{topic.value}] {quoted}: {explanation}{model}"

    def _readable_feature(self, row: int) -> tuple[str, list[str] | None]:
        """Return a feature's readable text, and its lemmas unless it is a character n-gram.

        Kept per row, because reasons quote the same heavy features again and again; there
        are at most as many entries as features.
        """
        known = self._readable_features.get(row)
        if known is None:
            feature = self.feature_names[row]
            text = readable(feature)
            known = (text, None if feature.startswith("c:") else text.split(" "))
            self._readable_features[row] = known
        return known

    @functools.cached_property
    def _readable_features(self) -> dict[int, tuple[str, list[str] | None]]:
        return {}

    @functools.cached_property
    def feature_names(self) -> list[str]:
        names = [""] * len(self.vocabulary)
        for feature, row in self.vocabulary.items():
            names[row] = feature
        return names


def features(canonical: str, tokens: Sequence[Token]) -> set[str]:
    """Return the model's features of one message: character n-grams, lemmas, lemma pairs."""
    padded = TEXT_START + canonical + TEXT_END
    found = {
        "c:" + padded[start : start + size]
        for size in CHAR_NGRAM_SIZES
        for start in range(len(padded) - size + 1)
    }
    lemmas = [token.lemma for token in tokens]
    found.update("w:" + lemma for lemma in lemmas)
    found.update(f"w:{first} {second}" for first, second in itertools.pairwise(lemmas))
    return found


def readable(feature: str) -> str:
    """Return the text a feature stands for, without its kind and the start and end marks.

    A lemma pair reads as its two lemmas joined by a space; one of them alone is not shown.
    """
    text = feature[2:].replace(TEXT_START, "").replace(TEXT_END, "")
    return text.strip()


def _joined(words: str) -> str:
    """Join the words of a lemma pair as written: 死に たい as 死にたい, notice if as notice if.

    Japanese words run together, but two Latin words keep the space between them.
    """
    parts = words.split(" ")
    joined = parts[0]
    for part in parts[1:]:
        latin_gap = joined[-1:].isascii() and joined[-1:].isalnum() and part[:1].isascii()
        joined += " " + part if latin_gap and part[:1].isalnum() else part
    return joined


def _keep_heaviest(weighed: dict[str, float], word: str, weight: float) -> None:
    if word:
        weighed[word] = max(weighed.get(word, 0.0), weight)


def _heaviest_meaningful(weighed: dict[str, float], chosen: list[str]) -> list[str]:
    """Add the heaviest meaningful words to chosen, up to REASON_FEATURES, skipping overlaps."""
    chosen = list(chosen)
    for word, weight in sorted(weighed.items(), key=lambda item: -item[1]):
        if weight <= 0 or len(chosen) == REASON_FEATURES:
            break
        if _is_meaningful(word) and not any(word in kept or kept in word for kept in chosen):
            chosen.append(word)
    return chosen


# Reasons test the same words again and again, and each test reads Unicode categories.
@functools.lru_cache(maxsize=MEANINGFUL_CACHE_SIZE)
def _is_meaningful(word: str) -> bool:
    """Return whether a feature's text means something to a reader (not と, た, 為る or い。)."""
    if " " in word:
        return all(_is_meaningful(part) for part in word.split(" "))
    if not word or word in LIGHT_VERBS:
        return False
    if any(unicodedata.category(character)[0] in "PZ" for character in word):
        return False
    if all("ぁ" <= character <= "ん" for character in word):
        return len(word) >= MIN_KANA_WORD
    # A single character is meaningful only when it is a symbol such as an emoji (💊).
    return len(word) > 1 or unicodedata.category(word) == "So"


def save(model: LinearModel, path: Path = MODEL_PATH) -> None:
    names = model.feature_names
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path,
        labels=np.array([topic.value for topic in LABELS]),
        features=np.array(names),
        weights=model.weights.astype(np.float32),
        bias=model.bias.astype(np.float32),
        thresholds=model.thresholds.astype(np.float32),
        dense_weights=model.dense_weights.astype(np.float32),
        idf=model.idf.astype(np.float32),
        vetoes=model.vetoes.astype(np.float32),
        metadata=np.array(json.dumps(model.metadata, ensure_ascii=False)),
    )


def load(path: Path = MODEL_PATH) -> LinearModel:
    """Read a model file; raise ModelError naming the file and how to rebuild it."""
    rebuild = "rebuild it with `.venv/bin/python -m services.triage.train`"
    try:
        with np.load(path, allow_pickle=False) as stored:
            labels = [str(label) for label in stored["labels"]]
            names = [str(name) for name in stored["features"]]
            weights, bias = stored["weights"], stored["bias"]
            thresholds = stored["thresholds"]
            dense_weights = stored["dense_weights"]
            idf = stored["idf"]
            vetoes = stored["vetoes"] if "vetoes" in stored.files else None
            metadata = json.loads(str(stored["metadata"]))
    except FileNotFoundError as error:
        raise ModelError(f"the triage model {path} is missing; {rebuild}") from error
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile) as error:
        reason = f"{type(error).__name__}, the file is damaged or of another kind"
        raise ModelError(f"cannot read the triage model {path} ({reason}); {rebuild}") from error
    expected = [topic.value for topic in LABELS]
    if labels != expected:
        raise ModelError(
            f"the triage model {path} has labels {labels}, expected {expected}; {rebuild}"
        )
    if weights.shape != (len(names), len(LABELS)):
        raise ModelError(f"the triage model {path} has weights of shape {weights.shape}; {rebuild}")
    if idf.shape != (len(names),):
        raise ModelError(f"the triage model {path} has IDF values of shape {idf.shape}; {rebuild}")
    if vetoes is not None and vetoes.shape != (len(LABELS),):
        raise ModelError(f"the triage model {path} has vetoes of shape {vetoes.shape}; {rebuild}")
    vocabulary = {name: row for row, name in enumerate(names)}
    return LinearModel(vocabulary, weights, bias, thresholds, metadata, dense_weights, idf, vetoes)


@functools.cache
def default_model() -> LinearModel:
    """Return the model shipped in MODEL_PATH, read once per process."""
    return load(MODEL_PATH)
