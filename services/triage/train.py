"""Fit the triage model to the tuning part: `python -m services.triage.train`.

Each file of the tuning part comes from one writer. Cross-validation splits the files into
CROSS_VALIDATION_FOLDS groups and leaves one group out at a time: the model is fitted to the
other files and scores the files left out, as a new writer's messages would be scored. Each
label's threshold is then chosen on those out-of-file scores, combined with the rules exactly
as `classifier.classify` combines them. The model written to `model/weights.npz` is fitted to
every tuning file and carries those thresholds.

Needs scikit-learn, which the `train` extra installs; the service itself needs only numpy.
"""

import argparse
import dataclasses
import hashlib
import multiprocessing
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

from services.triage.classifier import (
    Reading,
    Triage,
    by_rules,
    combined_labels,
    has_note,
    labels_added,
    read,
)
from services.triage.dataset import LabeledMessage, load_examples, part_paths
from services.triage.metrics import Scores, score
from services.triage.model import (
    DEFAULT_NOTE_OVERRIDE,
    LABELS,
    MODEL_PATH,
    LinearModel,
    default_model,
    features,
    save,
)
from services.triage.vectors import WordVectors, default_vectors
from shared.schemas import Topic

# Inverse regularization strength of each label's logistic regression. Unit-length feature
# vectors have small entries, so it is larger than for binary features: among 4, 16, 32 and 64,
# 32 gave the best out-of-file urgent recall at the precision floor.
REGULARIZATION = 32.0
# Features seen in fewer messages are dropped: they are mostly typos and names.
MIN_DOCUMENT_FREQUENCY = 2
# Word-vector dimensions are multiplied by this before fitting. With binary features 3 scored
# best among 0, 1, 3, 6 and 10; beside unit-length TF-IDF vectors, 1 scored better than 2 and 3.
VECTOR_SCALE = 1.0
THRESHOLD_GRID = tuple(round(0.05 * step, 2) for step in range(2, 20))
# A step of 0.05 in the urgent threshold changes about fifty out-of-file decisions, so it is
# chosen on a finer grid. On the 46 tuning files, 0.40 fell short of the precision floor by one
# message, and 0.45, the next coarse step, missed five more urgent messages than 0.41.
URGENT_THRESHOLD_GRID = tuple(round(0.01 * step, 2) for step in range(10, 96))
# The urgent threshold gives the highest out-of-file urgent recall whose precision stays at this
# level, because a missed risk costs more than a false alarm.
URGENT_PRECISION_FLOOR = 0.92
# Candidates for the probability at which the model overrules a harmless reading of the rules
# (classifier.labels_added). It is chosen with the urgent threshold, by the same rule.
NOTE_OVERRIDE_GRID = tuple(round(0.05 * step, 2) for step in range(10, 20))
URGENT = LABELS.index(Topic.SUICIDE_SELF_HARM)
# Candidate vetoes: the model probability below which a category the rules found is dropped.
# NOTE: vetoes above 0.3 were never tried, and cross-validation picks 0.25 or 0.3 for some
# categories, so a higher one might score better there.
VETO_GRID = tuple(round(0.05 * step, 2) for step in range(7))
# Writer files are dealt round-robin into this many groups for cross-validation. Each fit takes
# about 20 s on 7,000 messages, so one fit per file would take over ten minutes; each group
# still holds out whole writers.
CROSS_VALIDATION_FOLDS = 8


@dataclass(frozen=True)
class Prepared:
    """A labeled message with what does not depend on the model: its reading and rules."""

    example: LabeledMessage
    reading: Reading
    rules: Triage
    found: frozenset[str]
    dense: np.ndarray | None
    source: str


def prepare(paths: list[Path], vectors: WordVectors | None = None) -> list[Prepared]:
    """Read the files and compute everything but the model: rules, features, word vectors."""
    prepared = []
    for path in paths:
        for example in load_examples(path):
            reading = read(example.text)
            if reading is None:
                raise ValueError(f"{path}: the message {example.text!r} has no text to classify")
            found = frozenset(features(reading.canonical, reading.tokens))
            dense = vectors.message_vector(reading.tokens) if vectors else None
            rules = by_rules(reading)
            prepared.append(Prepared(example, reading, rules, found, dense, path.name))
    return prepared


def fit(items: list[Prepared], thresholds: np.ndarray) -> LinearModel:
    """Fit one logistic regression per label to the messages and return the model."""
    frequency = Counter(feature for item in items for feature in item.found)
    names = sorted(
        feature for feature, count in frequency.items() if count >= MIN_DOCUMENT_FREQUENCY
    )
    vocabulary = {name: row for row, name in enumerate(names)}
    # Smoothed IDF, as scikit-learn's TfidfVectorizer computes it.
    counts = np.array([frequency[name] for name in names], dtype=np.float64)
    idf = (np.log((1 + len(items)) / (1 + counts)) + 1).astype(np.float32)
    matrix = _design_matrix(items, vocabulary, idf)
    with_vectors = items[0].dense is not None
    if with_vectors:
        dense = np.vstack([item.dense for item in items]) * VECTOR_SCALE
        matrix = hstack([matrix, csr_matrix(dense)]).tocsr()
    weights = np.zeros((matrix.shape[1], len(LABELS)), dtype=np.float32)
    bias = np.zeros(len(LABELS), dtype=np.float32)
    for column, topic in enumerate(LABELS):
        labels = np.array([topic in item.example.topics for item in items], dtype=int)
        if labels.min() == labels.max():
            # A label every message has, or none has: a constant is all the data supports.
            bias[column] = 10.0 if labels[0] else -10.0
            continue
        regression = LogisticRegression(
            C=REGULARIZATION, class_weight="balanced", max_iter=5000, solver="liblinear"
        )
        regression.fit(matrix, labels)
        weights[:, column] = regression.coef_[0]
        bias[column] = regression.intercept_[0]
    sparse, dense_weights = weights[: len(names)], weights[len(names) :] * VECTOR_SCALE
    return LinearModel(
        vocabulary, sparse, bias, thresholds.astype(np.float32), {}, dense_weights, idf
    )


def _design_matrix(
    items: list[Prepared], vocabulary: dict[str, int], idf: np.ndarray
) -> csr_matrix:
    """Return the messages' TF-IDF rows, each scaled to unit length as LinearModel.score does."""
    rows, columns = [], []
    for row, item in enumerate(items):
        for feature in item.found:
            column = vocabulary.get(feature)
            if column is not None:
                rows.append(row)
                columns.append(column)
    values = idf[columns]
    matrix = csr_matrix((values, (rows, columns)), shape=(len(items), len(vocabulary)))
    return normalize(matrix)


def out_of_file_probabilities(items: list[Prepared], workers: int | None = None) -> np.ndarray:
    """Return each message's label probabilities from a model fitted without its file.

    The folds are fitted in parallel by `workers` processes, one per CPU by default.
    """
    probabilities = np.zeros((len(items), len(LABELS)))
    sources = list(dict.fromkeys(item.source for item in items))
    folds = [sources[start::CROSS_VALIDATION_FOLDS] for start in range(CROSS_VALIDATION_FOLDS)]
    # Forked workers inherit the prepared items, so no task has to pickle thousands of them.
    pool = ProcessPoolExecutor(
        max_workers=workers or os.cpu_count() or 1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_share_items,
        initargs=(items,),
    )
    with pool:
        for outside, rows in pool.map(_probabilities_without, [fold for fold in folds if fold]):
            probabilities[outside] = rows
    return probabilities


_shared_items: list[Prepared] = []


def _share_items(items: list[Prepared]) -> None:
    global _shared_items
    _shared_items = items


def _probabilities_without(sources: list[str]) -> tuple[list[int], np.ndarray]:
    """Fit a model to every file but sources; return their rows and their probabilities."""
    items = _shared_items
    inside = [item for item in items if item.source not in sources]
    outside = [i for i, item in enumerate(items) if item.source in sources]
    model = fit(inside, np.full(len(LABELS), 0.5))
    rows = [model.score(set(items[i].found), items[i].dense).probabilities for i in outside]
    return outside, np.array(rows)


def choose_thresholds(items: list[Prepared], probabilities: np.ndarray) -> np.ndarray:
    """Pick each label's threshold on out-of-file probabilities, combined with the rules.

    The urgent threshold is picked with the default note override; choose_note_override picks
    the two together.
    """
    thresholds = np.full(len(LABELS), 0.5)
    for column, topic in enumerate(LABELS):
        if column == URGENT:
            overrides = (DEFAULT_NOTE_OVERRIDE,)
            _, thresholds[column] = _best_urgent_pair(items, probabilities, overrides)
            continue
        expected = np.array([topic in item.example.topics for item in items])
        candidates = []
        for threshold in THRESHOLD_GRID:
            trial = thresholds.copy()
            trial[column] = threshold
            predicted = np.array(
                [
                    topic in item.rules.topics or topic in labels_added(item.rules, row, trial)
                    for item, row in zip(items, probabilities, strict=True)
                ]
            )
            true_positives = int((predicted & expected).sum())
            precision = true_positives / max(1, int(predicted.sum()))
            recall = true_positives / max(1, int(expected.sum()))
            f1 = 2 * precision * recall / (precision + recall) if true_positives else 0.0
            candidates.append((threshold, f1))
        thresholds[column] = max(candidates, key=lambda c: (c[1], c[0]))[0]
    return thresholds


def choose_note_override(items: list[Prepared], probabilities: np.ndarray) -> tuple[float, float]:
    """Pick the note override and the urgent threshold together; return (override, threshold).

    As for the urgent threshold alone, the pair gives the highest out-of-file urgent recall
    whose precision stays at URGENT_PRECISION_FLOOR. Ties go to the higher override, which
    leaves more to the rules' harmless readings, then to the higher threshold.
    """
    return _best_urgent_pair(items, probabilities, NOTE_OVERRIDE_GRID)


def _best_urgent_pair(
    items: list[Prepared], probabilities: np.ndarray, overrides: tuple[float, ...]
) -> tuple[float, float]:
    """Return the (override, urgent threshold) pair with the highest recall above the floor.

    The urgent label depends only on these two values, so every message is scored as one
    array instead of through labels_added message by message.
    """
    expected = np.array([item.example.urgent for item in items])
    by_rules_only = np.array([item.rules.urgent for item in items])
    noted = np.array([has_note(item.rules) for item in items])
    held_back = np.array([Topic.SUICIDE_SELF_HARM in item.rules.held_back for item in items])
    urgent = probabilities[:, URGENT]
    candidates = []
    for override in overrides:
        for threshold in URGENT_THRESHOLD_GRID:
            by_model = _urgent_by_model(urgent, noted, threshold, override) & ~held_back
            predicted = by_rules_only | by_model
            true_positives = int((predicted & expected).sum())
            precision = true_positives / max(1, int(predicted.sum()))
            recall = true_positives / max(1, int(expected.sum()))
            candidates.append((recall, precision, override, threshold))
    safe = [c for c in candidates if c[1] >= URGENT_PRECISION_FLOOR]
    best = max(safe or candidates, key=lambda c: (c[0], c[1], c[2], c[3]))
    return best[2], best[3]


def _urgent_by_model(
    urgent: np.ndarray, noted: np.ndarray, threshold: float, override: float
) -> np.ndarray:
    """Return the model's urgent decision for each message, as labels_added makes it.

    labels_added compares a message without a note in float64, and one with a note against
    the higher of the threshold (float64) and the override (a Python float, so float32).
    """
    plain = urgent.astype(np.float64) >= threshold
    if override <= threshold:
        return plain
    return np.where(noted, urgent >= override, plain)


def choose_vetoes(
    items: list[Prepared],
    probabilities: np.ndarray,
    thresholds: np.ndarray,
    note_override: float = DEFAULT_NOTE_OVERRIDE,
) -> np.ndarray:
    """Pick each label's veto on out-of-file probabilities, after its threshold.

    The urgent label keeps a veto of 0: the model never removes a risk the rules found.
    """
    vetoes = np.zeros(len(LABELS), dtype=np.float32)
    added = [
        labels_added(item.rules, row, thresholds, note_override)
        for item, row in zip(items, probabilities, strict=True)
    ]
    for column, topic in enumerate(LABELS):
        if column == URGENT:
            continue
        expected = np.array([topic in item.example.topics for item in items])
        by_rules_only = np.array([topic in item.rules.topics for item in items])
        by_model = np.array([topic in labels for labels in added])
        best = (-1.0, 0.0)
        for veto in VETO_GRID:
            predicted = (by_rules_only & (probabilities[:, column] >= np.float32(veto))) | by_model
            true_positives = int((predicted & expected).sum())
            precision = true_positives / max(1, int(predicted.sum()))
            recall = true_positives / max(1, int(expected.sum()))
            f1 = 2 * precision * recall / (precision + recall) if true_positives else 0.0
            best = max(best, (round(f1, 6), -veto))
        vetoes[column] = -best[1]
    return vetoes


def combined_scores(
    items: list[Prepared],
    probabilities: np.ndarray,
    thresholds: np.ndarray,
    vetoes: np.ndarray | None = None,
    note_override: float = DEFAULT_NOTE_OVERRIDE,
) -> Scores:
    """Score the rules plus a model with these out-of-file probabilities and thresholds."""
    vetoes = np.zeros(len(LABELS), dtype=np.float32) if vetoes is None else vetoes
    pairs = []
    for item, row in zip(items, probabilities, strict=True):
        expected = set(item.example.topics)
        predicted = combined_labels(item.rules, row, thresholds, vetoes, note_override)
        urgent = Topic.SUICIDE_SELF_HARM in predicted
        pairs.append((expected, item.example.urgent, predicted, urgent))
    return score(pairs)


def rules_scores(items: list[Prepared]) -> Scores:
    """Score the rules alone on the messages."""
    pairs = [
        (set(item.example.topics), item.example.urgent, set(item.rules.topics), item.rules.urgent)
        for item in items
    ]
    return score(pairs)


def digest(paths: list[Path]) -> str:
    """Return a SHA-256 over the tuning files, so a stale model can be detected."""
    hasher = hashlib.sha256()
    for path in paths:
        hasher.update(path.name.encode())
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def format_cross_validation(
    items: list[Prepared],
    probabilities: np.ndarray,
    thresholds: np.ndarray,
    vetoes: np.ndarray | None = None,
    note_override: float = DEFAULT_NOTE_OVERRIDE,
) -> str:
    lines = ["== cross-validation by writer file (rules plus a model fitted without the file)"]
    for source in dict.fromkeys(item.source for item in items):
        chosen = [i for i, item in enumerate(items) if item.source == source]
        part = combined_scores(
            [items[i] for i in chosen], probabilities[chosen], thresholds, vetoes, note_override
        )
        rules = rules_scores([items[i] for i in chosen])
        lines.append(
            f"{source:<24} {len(chosen):>4} messages  "
            f"rules: urgent recall {rules.urgent.recall:.3f} precision {rules.urgent.precision:.3f}"
            f" micro-F1 {rules.micro.f1:.3f}  "
            f"with model: urgent recall {part.urgent.recall:.3f} "
            f"precision {part.urgent.precision:.3f} micro-F1 {part.micro.f1:.3f}"
        )
    overall = combined_scores(items, probabilities, thresholds, vetoes, note_override)
    lines.append(
        f"{'all files':<24} {len(items):>4} messages  with model: urgent recall "
        f"{overall.urgent.recall:.3f} precision {overall.urgent.precision:.3f} "
        f"micro-F1 {overall.micro.f1:.3f}"
    )
    named = ", ".join(
        f"{topic.value} {value:.2f}" for topic, value in zip(LABELS, thresholds, strict=True)
    )
    lines.append(f"thresholds: {named}")
    lines.append(f"note override: {note_override:.2f}")
    if vetoes is not None:
        named = ", ".join(
            f"{topic.value} {value:.2f}" for topic, value in zip(LABELS, vetoes, strict=True)
        )
        lines.append(f"vetoes: {named}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="cross-validate and print; write nothing"
    )
    parser.add_argument("--output", type=Path, default=MODEL_PATH, help="where to write the model")
    parser.add_argument(
        "--without-vectors", action="store_true", help="fit on n-grams and lemmas only"
    )
    args = parser.parse_args(argv)

    paths = part_paths("tune")
    # Taken before the files are read, so an edit during the fit leaves the model stale.
    data_digest = digest(paths)
    vectors = None if args.without_vectors else default_vectors()
    items = prepare(paths, vectors)
    probabilities = out_of_file_probabilities(items)
    thresholds = choose_thresholds(items, probabilities)
    note_override, thresholds[URGENT] = choose_note_override(items, probabilities)
    vetoes = choose_vetoes(items, probabilities, thresholds, note_override)
    print(format_cross_validation(items, probabilities, thresholds, vetoes, note_override))
    if args.check:
        if default_model().metadata.get("digest") != data_digest:
            print("the shipped model was fitted to other tuning data; refit it with `make train`")
        return 0

    model = fit(items, thresholds)
    metadata = {
        "trained": datetime.now(UTC).isoformat(timespec="seconds"),
        "files": [path.name for path in paths],
        "digest": data_digest,
        "regularization": REGULARIZATION,
        "min_document_frequency": MIN_DOCUMENT_FREQUENCY,
        "vectors": vectors.source if vectors else None,
        "vector_scale": VECTOR_SCALE if vectors else None,
        "weighting": "tf-idf, l2",
        "note_override": note_override,
    }
    fitted = dataclasses.replace(model, thresholds=thresholds, vetoes=vetoes, metadata=metadata)
    save(fitted, args.output)
    print(f"wrote {args.output} ({len(model.vocabulary)} features, {len(items)} messages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
