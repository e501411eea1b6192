"""Score the classifier on the labeled data: `python -m services.triage.evaluate`.

Prints per-category precision, recall and F1, micro and macro F1, and urgent recall and
precision for the tuning part and the held-out part, and a line per file of each part. The
model was fitted to the tuning part, so its scores there are in-sample. `--cross-validate`
adds the tuning part scored file by file by models fitted without that file. Exits with
status 1 when the held-out part misses a target (see TARGETS).
"""

import argparse
import sys
import unicodedata
from dataclasses import dataclass

from services.triage.classifier import classify
from services.triage.dataset import (
    PARTS,
    LabeledMessage,
    Part,
    load_examples,
    load_part,
    part_paths,
)
from services.triage.metrics import Scores, score


@dataclass(frozen=True)
class Targets:
    urgent_recall: float = 1.00
    urgent_precision: float = 0.90
    micro_f1: float = 0.85


TARGETS = Targets()
LABEL_WIDTH = 24


def evaluate_part(examples: list[LabeledMessage]) -> Scores:
    pairs = []
    for example in examples:
        result = classify(example.text)
        pairs.append((set(example.topics), example.urgent, set(result.topics), result.urgent))
    return score(pairs)


def missed_targets(scores: Scores, targets: Targets = TARGETS) -> list[str]:
    """Return a sentence for each target the scores miss; empty when all are met."""
    missed = []
    if scores.urgent.recall < targets.urgent_recall:
        missed.append(f"urgent recall {scores.urgent.recall:.3f} < {targets.urgent_recall:.2f}")
    if scores.urgent.precision < targets.urgent_precision:
        missed.append(
            f"urgent precision {scores.urgent.precision:.3f} < {targets.urgent_precision:.2f}"
        )
    if scores.micro.f1 < targets.micro_f1:
        missed.append(f"topic micro-F1 {scores.micro.f1:.3f} < {targets.micro_f1:.2f}")
    return missed


def format_scores(part: str, count: int, scores: Scores) -> str:
    lines = [f"== {part} ({count} messages)", _row("category", "prec", "recall", "F1", "n")]
    for topic, counts in scores.per_topic.items():
        lines.append(_row(topic.value, counts.precision, counts.recall, counts.f1, counts.support))
    micro = scores.micro
    lines.append(_row("micro", micro.precision, micro.recall, micro.f1, micro.support))
    lines.append(f"macro F1 {scores.macro_f1:.3f}")
    urgent = scores.urgent
    lines.append(
        f"urgent recall {urgent.recall:.3f} ({urgent.true_positives}/{urgent.support})"
        f"  precision {urgent.precision:.3f} ({urgent.true_positives}/{urgent.predicted})"
    )
    return "\n".join(lines)


def format_files(part: Part) -> str:
    """Return one line of urgent recall, precision and micro-F1 per file of the part."""
    lines = []
    for path in part_paths(part):
        scores = evaluate_part(load_examples(path))
        urgent = scores.urgent
        lines.append(
            f"  {path.name:<22} urgent recall {urgent.recall:.3f} "
            f"({urgent.true_positives}/{urgent.support}) precision {urgent.precision:.3f}  "
            f"micro-F1 {scores.micro.f1:.3f}"
        )
    return "\n".join(lines)


def format_cross_validation() -> str:
    # scikit-learn is only installed with the train extra, so it is imported on request.
    from services.triage import train
    from services.triage.model import default_model
    from services.triage.vectors import default_vectors

    model = default_model()
    items = train.prepare(part_paths("tune"), default_vectors() if model.uses_vectors else None)
    probabilities = train.out_of_file_probabilities(items)
    thresholds, vetoes, override = model.thresholds, model.vetoes, model.note_override
    report = train.format_cross_validation(items, probabilities, thresholds, vetoes, override)
    scores = train.combined_scores(items, probabilities, thresholds, vetoes, override)
    return report + "\n" + format_scores("tune, cross-validated by file", len(items), scores)


def format_errors(examples: list[LabeledMessage]) -> str:
    """List the messages whose predicted topics or urgent flag differ from the labels."""
    lines = []
    for example in examples:
        result = classify(example.text)
        if set(result.topics) == set(example.topics) and result.urgent == example.urgent:
            continue
        expected = ",".join(example.topics) or "-"
        predicted = ",".join(result.topics) or "-"
        lines.append(f"{example.text}\n    expected {expected}\n    predicted {predicted}")
        lines.extend(f"    {reason}" for reason in result.reasons)
    return "\n".join(lines)


def _row(label: str, *values: float | int | str) -> str:
    cells = [_pad(label, LABEL_WIDTH)]
    for value in values:
        cells.append(f"{value:>7.3f}" if isinstance(value, float) else f"{value!s:>7}")
    return " ".join(cells)


def _pad(text: str, width: int) -> str:
    # Full-width characters take two terminal columns, so pad by display width.
    display = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - display)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--part", choices=PARTS, action="append", help="part to score (default: both)"
    )
    parser.add_argument(
        "--errors", action="store_true", help="also list the tuning part's misclassified messages"
    )
    parser.add_argument(
        "--cross-validate",
        action="store_true",
        help="also score the tuning part by models fitted without each file (takes minutes)",
    )
    args = parser.parse_args(argv)
    parts: list[Part] = args.part or list(PARTS)
    status = 0
    for part in parts:
        examples = load_part(part)
        scores = evaluate_part(examples)
        label = "tune (in-sample: the model was fitted to it)" if part == "tune" else part
        print(format_scores(label, len(examples), scores))
        print(format_files(part))
        if part == "tune" and args.cross_validate:
            print(format_cross_validation())
        if args.errors and part == "tune":
            print(format_errors(examples))
        if part == "heldout":
            missed = missed_targets(scores)
            for sentence in missed:
                print(f"held-out target missed: {sentence}")
            status = 1 if missed else status
        print()
    return status


if __name__ == "__main__":
    sys.exit(main())
