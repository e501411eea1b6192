"""The labeled triage messages in tests/data/triage, written for this project.

Each file is one writer's. The tuning part is for choosing lexicon words, rules and the
model's weights and thresholds. The held-out part (the heldout*.jsonl files, each by a writer
who read only the labeling guide) is only scored, never used to choose anything.
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
    "tune": (
        "tune.jsonl",
        "tune_more.jsonl",
        "tune_extra.jsonl",
        "tune_students.jsonl",
        "tune_workers.jsonl",
        "tune_elders.jsonl",
        "tune_parents.jsonl",
        "tune_indirect.jsonl",
        "tune_passive.jsonl",
        "tune_dialect.jsonl",
        "tune_short.jsonl",
        "tune_others.jsonl",
        "tune_long.jsonl",
        "tune_topics.jsonl",
        "tune_health.jsonl",
        "tune_rural.jsonl",
        "tune_alone.jsonl",
        "tune_teens.jsonl",
        "tune_mothers.jsonl",
        "tune_midlife.jsonl",
        "tune_recovery.jsonl",
        "tune_fragments.jsonl",
        "tune_foreign.jsonl",
        "tune_seniors.jsonl",
        "tune_burnout.jsonl",
        "tune_partners.jsonl",
        "tune_disability.jsonl",
        "tune_latenight.jsonl",
        "tune_firsttime.jsonl",
        "tune_metaphor.jsonl",
        "tune_children.jsonl",
        "tune_twenties.jsonl",
        "tune_caregivers.jsonl",
        "tune_dialect2.jsonl",
        "tune_longform.jsonl",
        "tune_means.jsonl",
        "tune_hope.jsonl",
        "tune_everyday.jsonl",
        "tune_signs.jsonl",
        "tune_quiet.jsonl",
        "tune_buried.jsonl",
        "tune_chatstyle.jsonl",
        "tune_settling.jsonl",
        "tune_relay.jsonl",
        "tune_netculture.jsonl",
        "tune_treatment.jsonl",
        "tune_general.jsonl",
        "tune_general2.jsonl",
        "tune_nearmiss.jsonl",
        "tune_oblique.jsonl",
        "tune_understated.jsonl",
        "tune_general3.jsonl",
        "tune_citymeans.jsonl",
        "tune_unnamed.jsonl",
        "tune_disguised.jsonl",
        "tune_general4.jsonl",
        "tune_logistics.jsonl",
        "tune_reported.jsonl",
        "tune_selfharm.jsonl",
        "tune_general5.jsonl",
        "tune_arrangements.jsonl",
        "tune_masked.jsonl",
        "tune_general6.jsonl",
        "tune_general7.jsonl",
        "tune_arrangements2.jsonl",
        "tune_masked2.jsonl",
        "tune_unnamed3.jsonl",
        "tune_general8.jsonl",
        "tune_disguised2.jsonl",
        "tune_relapse.jsonl",
        "tune_general9.jsonl",
        "tune_general10.jsonl",
        "tune_unnamed4.jsonl",
        "tune_masked3.jsonl",
        "tune_arrangements3.jsonl",
        "tune_general11.jsonl",
        "tune_general12.jsonl",
        "tune_general13.jsonl",
        "tune_unnamed5.jsonl",
        "tune_masked4.jsonl",
        "tune_logistics2.jsonl",
        "tune_arrangements4.jsonl",
        "tune_general14.jsonl",
        "tune_general15.jsonl",
        "tune_unnamed6.jsonl",
        "tune_selfharm2.jsonl",
        "tune_logistics3.jsonl",
        "tune_unnamed7.jsonl",
        "tune_general16.jsonl",
        "tune_reported2.jsonl",
        "tune_masked5.jsonl",
        "tune_general17.jsonl",
        "tune_general18.jsonl",
        "tune_general19.jsonl",
        "tune_masked6.jsonl",
        "tune_general20.jsonl",
        "tune_general21.jsonl",
        "tune_general22.jsonl",
        "tune_unnamed8.jsonl",
        "tune_general23.jsonl",
        "tune_general24.jsonl",
        "tune_general25.jsonl",
        "tune_reported3.jsonl",
        "tune_general26.jsonl",
        "tune_general27.jsonl",
        "tune_masked7.jsonl",
        "tune_logistics4.jsonl",
        "tune_general28.jsonl",
        "tune_general29.jsonl",
        "tune_unnamed9.jsonl",
        "tune_arrangements5.jsonl",
        "tune_general30.jsonl",
        "tune_general31.jsonl",
        "tune_masked8.jsonl",
        "tune_selfharm3.jsonl",
        "tune_plain.jsonl",
        "tune_plain2.jsonl",
        "tune_general32.jsonl",
        "tune_general33.jsonl",
        "tune_general34.jsonl",
        "tune_general35.jsonl",
        "tune_ambivalent.jsonl",
        "tune_asking.jsonl",
        "tune_plain3.jsonl",
        "tune_plain4.jsonl",
        "tune_plain5.jsonl",
        "tune_general36.jsonl",
        "tune_general37.jsonl",
        "tune_general38.jsonl",
        "tune_ambivalent2.jsonl",
        "tune_asking2.jsonl",
        "tune_plain6.jsonl",
        "tune_plain7.jsonl",
        "tune_general39.jsonl",
        "tune_general40.jsonl",
        "tune_reported4.jsonl",
        "tune_masked9.jsonl",
        "tune_unnamed10.jsonl",
        "tune_selfharm4.jsonl",
        "tune_plain8.jsonl",
        "tune_plain9.jsonl",
        "tune_plain10.jsonl",
        "tune_plain11.jsonl",
        "tune_plain12.jsonl",
        "tune_plain13.jsonl",
        "tune_reported5.jsonl",
        "tune_masked10.jsonl",
        "tune_plain14.jsonl",
        "tune_plain15.jsonl",
        "tune_plain16.jsonl",
        "tune_plain17.jsonl",
        "tune_plain18.jsonl",
        "tune_plain19.jsonl",
        "tune_unnamed11.jsonl",
        "tune_selfharm5.jsonl",
        "tune_plain20.jsonl",
        "tune_plain21.jsonl",
        "tune_plain22.jsonl",
        "tune_plain23.jsonl",
        "tune_plain24.jsonl",
        "tune_plain25.jsonl",
        "tune_plain26.jsonl",
        "tune_plain27.jsonl",
        "tune_plain28.jsonl",
        "tune_plain29.jsonl",
        "tune_plain30.jsonl",
        "tune_plain31.jsonl",
        "tune_plain32.jsonl",
        "tune_plain33.jsonl",
        "tune_plain34.jsonl",
        "tune_plain35.jsonl",
        "tune_plain36.jsonl",
        "tune_plain37.jsonl",
        "tune_plain38.jsonl",
        "tune_plain39.jsonl",
        "tune_plain40.jsonl",
        "tune_plain41.jsonl",
        "tune_plain42.jsonl",
        "tune_plain43.jsonl",
        "tune_plain44.jsonl",
        "tune_plain45.jsonl",
        "tune_plain46.jsonl",
        "tune_plain47.jsonl",
        "tune_plain48.jsonl",
        "tune_plain49.jsonl",
        "tune_plain50.jsonl",
        "tune_plain51.jsonl",
        "tune_plain52.jsonl",
        "tune_plain53.jsonl",
        "tune_plain54.jsonl",
        "tune_plain55.jsonl",
        "tune_plain56.jsonl",
        "tune_plain57.jsonl",
        "tune_plain58.jsonl",
        "tune_plain59.jsonl",
        "tune_english.jsonl",
        "tune_phrases.jsonl",
    ),
    "heldout": (
        "heldout.jsonl",
        "heldout_b.jsonl",
        "heldout_c.jsonl",
        "heldout_d.jsonl",
        "heldout_e.jsonl",
    ),
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
