"""The labeled triage messages in tests/data/triage, written for this project.

The tuning part is tune.jsonl (first writer), tune_more.jsonl and tune_extra.jsonl (third writer).
All three are for tuning lexicons and rules. heldout.jsonl, by the second writer, was written
before the rules and is only scored, never used to choose words or thresholds.
"""

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from shared.schemas import Topic

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "triage"
Part = Literal["tune", "heldout"]
PARTS: tuple[Part, ...] = ("tune", "heldout")
PART_FILES: dict[Part, tuple[str, ...]] = {
    "tune": ("tune.jsonl", "tune_more.jsonl", "tune_extra.jsonl"),
    "heldout": ("heldout.jsonl",),
}


class DatasetError(ValueError):
    """A line of a data file that is not a valid labeled message."""


class LabeledMessage(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    topics: tuple[Topic, ...]
    urgent: bool
    # Which hard case the message exercises (slang, dialect, hard-negative, ...), if any.
    family: str | None = None
    # The labeler's reasoning where the labeling guide is silent.
    note: str | None = None

    @model_validator(mode="after")
    def urgent_matches_category(self) -> "LabeledMessage":
        if self.urgent != (Topic.SUICIDE_SELF_HARM in self.topics):
            raise ValueError("urgent must be true exactly when 希死念慮・自傷 is in topics")
        return self


def part_paths(part: Part) -> list[Path]:
    return [DATA_DIR / name for name in PART_FILES[part]]


def load_part(part: Part) -> list[LabeledMessage]:
    """Read every file of a part, in the order PART_FILES lists them."""
    return [example for path in part_paths(part) for example in load_examples(path)]


def load_examples(path: Path) -> list[LabeledMessage]:
    """Read a JSON Lines file of labeled messages; raise DatasetError naming the bad line."""
    examples = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                examples.append(LabeledMessage.model_validate(json.loads(line)))
            except (json.JSONDecodeError, ValidationError) as error:
                raise DatasetError(f"{path}:{number}: invalid labeled message: {error}") from error
    return examples
