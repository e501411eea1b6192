"""The labeled triage messages in tests/data/triage, written for this project.

tune.jsonl is for tuning lexicons and rules. heldout.jsonl was written before the rules and
is only scored, never used to choose words or thresholds.
"""

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from shared.schemas import Topic

DATA_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "triage"
Part = Literal["tune", "heldout"]
PARTS: tuple[Part, ...] = ("tune", "heldout")


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


def part_path(part: Part) -> Path:
    return DATA_DIR / f"{part}.jsonl"


def load_part(part: Part) -> list[LabeledMessage]:
    return load_examples(part_path(part))


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
