"""Triage of one chat message: the city's topic categories, the urgent flag and reasons.

Two readers vote. Rules over SudachiPy morphemes, with lexicons written for this service,
catch the phrasings they know and explain them precisely. A linear model (`model.py`),
fitted to the labeled messages, adds a category or the urgent flag when its probability
passes the label's threshold, so a wording the rules never saw can still count. The model
may drop a category the rules found from a lexicon word alone, when its probability for it
is below the label's veto, but never the urgent flag: a missed risk costs more than a false
alarm.

A message is urgent exactly when it shows suicidal ideation or self-harm (the category
希死念慮・自傷), of the sender or of someone the sender reports. Every decision carries
reasons in Japanese that name the words that weighed and why.
"""

import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from services.triage.languages import unread_language
from services.triage.model import (
    DEFAULT_NOTE_OVERRIDE,
    LABELS,
    LinearModel,
    ModelError,
    Scores,
    default_model,
)
from services.triage.morphology import Token, tokenize, tokenize_uncached
from services.triage.risk import assess_risk
from services.triage.signals import RiskAssessment
from services.triage.text import alternate_spelling, canonicalize_normalized, normalize_text
from services.triage.topics import detect_topics
from services.triage.vectors import WordVectors, default_vectors
from shared.schemas import UNREAD_SCRIPT_REASON_PREFIX, Topic

CLASSIFIER_VERSION = "sudachi-rules-36+linear-32"
URGENT_BY_MODEL = "危険を示す言い回しとして判定"
TOPIC_BY_MODEL = "この相談内容に多い言い回し"
NOTE_PREFIX = "[緊急ではない]"
FAMILY_YIELDS_TO = frozenset({Topic.CAREGIVING, Topic.CHILDCARE, Topic.DIVORCE})
# At this probability the model's 家族関係 is kept beside care, child raising or divorce:
# 義母の介護、夫は何もしない is about the husband too. Cross-validation by writer scored
# 0.9 best among 0.9, 0.92, 0.95, 0.97 and 0.99, and better than never.
FAMILY_SURE = 0.9
FAMILY_COLUMN = LABELS.index(Topic.FAMILY)
LABEL_COLUMNS = {topic: column for column, topic in enumerate(LABELS)}
# The reason added when most letters of a message are in a script that neither the rules nor
# the model read (Hangul, Cyrillic, Thai and so on). Without it a counselor could take the
# lack of a category or an urgent flag as a judgement of the message.
UNREAD_SCRIPT_NOTE = (
    f"{UNREAD_SCRIPT_REASON_PREFIX} 日本語と英語のほかの言語が多く、分類と緊急の判定が"
    "内容を読めていないおそれがあります。本文を確認してください"
)
UNREAD_SCRIPT_SHARE = 0.5
# Prefixes of the Unicode names of the letters that the rules or the model read.
READ_SCRIPT_NAMES = (
    "HIRAGANA",
    "KATAKANA",
    "HALFWIDTH KATAKANA",
    "CJK",
    "LATIN",
    "IDEOGRAPHIC",
    "VERTICAL IDEOGRAPHIC",
    "VERTICAL KANA",
)
# Ranges in which every character is no letter (str.isalpha) or a letter that
# _is_read_script accepts: Latin, punctuation, symbols, hiragana, katakana, CJK ideographs
# and emoji. A message made of these alone skips the loop that reads each character's
# Unicode name. tests/unit/test_triage_scripts.py checks every character of every range.
READ_OR_NOT_LETTER_RANGES = (
    ("\x00", "\xa9"),
    ("\xbb", "\u02af"),
    ("\u2000", "\u2070"),
    ("\u2190", "\u2bff"),
    ("\u3000", "\u3030"),
    ("\u3036", "\u303a"),
    ("\u303d", "\u30ff"),
    ("\u31c0", "\u9fff"),
    ("\U0001f000", "\U0001faff"),
)
MAYBE_UNREAD_LETTER = re.compile(
    "[^"
    + "".join(re.escape(first) + "-" + re.escape(last) for first, last in READ_OR_NOT_LETTER_RANGES)
    + "]"
)


@dataclass(frozen=True)
class Triage:
    topics: tuple[Topic, ...]
    urgent: bool
    reasons: tuple[str, ...]
    # Categories the rules set aside on purpose (topics.TopicResult.held_back).
    held_back: frozenset[Topic] = frozenset()


@dataclass(frozen=True)
class Reading:
    """One message prepared for both readers: normalized, canonical and tokenized."""

    normalized: str
    canonical: str
    tokens: tuple[Token, ...]


EMPTY = Triage(topics=(), urgent=False, reasons=())


def classify(text: str | None, *, model: LinearModel | None = None) -> Triage:
    """Classify one message; raw and intake-normalized text give the same result.

    model defaults to the one shipped with the service; evaluation passes others.
    """
    reading = read(text)
    if reading is None:
        return EMPTY
    return with_model(by_rules(reading), reading, model or default_model())


def read(text: str | None) -> Reading | None:
    """Prepare a message for classification; None when nothing is left to classify."""
    if not text:
        return None
    normalized = normalize_text(text)
    canonical = canonicalize_normalized(normalized)
    if not canonical:
        return None
    return Reading(normalized, canonical, tokenize(canonical))


def by_rules(reading: Reading) -> Triage:
    """Classify with the risk rules and the topic lexicon alone."""
    risk = assess_risk(reading.tokens, reading.canonical, reading.normalized)
    if not risk.urgent:
        risk = _second_reading_risk(reading) or risk
    topics: list[Topic] = []
    reasons: list[str] = []
    if risk.urgent:
        topics.append(Topic.SUICIDE_SELF_HARM)
        reasons.extend(found.reason() for found in risk.signals)
    result = detect_topics(reading.tokens, reading.canonical, risk)
    for topic, reason in result.found:
        topics.append(topic)
        reasons.append(reason)
    reasons.extend(found.reason() for found in risk.notes)
    if _mostly_unread_script(reading.normalized) or unread_language(reading.normalized):
        reasons.append(UNREAD_SCRIPT_NOTE)
    return Triage(
        topics=tuple(topics),
        urgent=risk.urgent,
        reasons=tuple(reasons),
        held_back=result.held_back,
    )


def _second_reading_risk(reading: Reading) -> RiskAssessment | None:
    """Return the risk of the message's alternate spelling when that one is urgent."""
    respelled = alternate_spelling(reading.normalized)
    if respelled is None:
        return None
    canonical = canonicalize_normalized(respelled)
    if not canonical or canonical == reading.canonical:
        return None
    # Uncached, so that the few respelled readings do not evict the messages' own tokens:
    # the cache then contains one entry per recent message.
    risk = assess_risk(tokenize_uncached(canonical), canonical, respelled)
    return risk if risk.urgent else None


def _mostly_unread_script(text: str) -> bool:
    """Return whether at least half of the letters are neither Japanese nor Latin."""
    if MAYBE_UNREAD_LETTER.search(text) is None:
        return False
    letters = 0
    unread = 0
    for character in text:
        if not character.isalpha():
            continue
        letters += 1
        if not _is_read_script(character):
            unread += 1
    return unread > 0 and unread >= UNREAD_SCRIPT_SHARE * letters


def _is_read_script(character: str) -> bool:
    """Return whether the rules or the model read letters of this character's script."""
    if character.isascii():
        return True
    name = unicodedata.name(character, "")
    # IDEOGRAPHIC and VERTICAL: the marks 々, 〆, 〻 and 〱 of Japanese writing.
    return name.startswith(READ_SCRIPT_NAMES)


def with_model(rules: Triage, reading: Reading, model: LinearModel) -> Triage:
    """Add the labels the model finds to what the rules found, and drop the categories it vetoes.

    The model never removes the urgent flag.
    """
    dense = _vectors_for(model).message_vector(reading.tokens) if model.uses_vectors else None
    scores = model.score_message(reading.canonical, reading.tokens, dense)
    vetoed = labels_vetoed(rules, scores.probabilities, model.vetoes)
    if vetoed:
        rules = without_topics(rules, vetoed)
    found = labels_added(rules, scores.probabilities, model.thresholds, model.note_override)
    if not found:
        return rules

    added = sorted(found, key=_urgent_first)
    topics = sorted(set(rules.topics) | found, key=_urgent_first)
    explained = _model_reasons(reading, model, scores, added)
    # labels_added skips what the rules found, so the urgent label here is the model's alone.
    if Topic.SUICIDE_SELF_HARM in found:
        reasons = (explained[0], *rules.reasons, *explained[1:])
    else:
        reasons = (*rules.reasons, *explained)
    urgent = rules.urgent or Topic.SUICIDE_SELF_HARM in found
    return Triage(tuple(topics), urgent, reasons, rules.held_back)


def combined_labels(
    rules: Triage,
    probabilities: np.ndarray,
    thresholds: np.ndarray,
    vetoes: np.ndarray,
    note_override: float = DEFAULT_NOTE_OVERRIDE,
) -> set[Topic]:
    """Return the labels of rules and model together, as with_model decides them."""
    vetoed = labels_vetoed(rules, probabilities, vetoes)
    remaining = without_topics(rules, vetoed) if vetoed else rules
    added = labels_added(remaining, probabilities, thresholds, note_override)
    return set(remaining.topics) | added


def labels_vetoed(rules: Triage, probabilities: np.ndarray, vetoes: np.ndarray) -> set[Topic]:
    """Return the rules' categories whose model probability is below the label's veto.

    A lexicon word alone (夫, 仕事) gives a category whatever the message is about. The model
    reads the whole message, so it drops the category when it finds it very unlikely. The
    urgent label is never dropped, because a missed risk costs more than a false alarm.
    """
    vetoed = set()
    for topic in rules.topics:
        if topic is Topic.SUICIDE_SELF_HARM:
            continue
        column = LABEL_COLUMNS[topic]
        if probabilities[column] < vetoes[column]:
            vetoed.add(topic)
    return vetoed


def without_topics(rules: Triage, topics: set[Topic]) -> Triage:
    """Return the rules' result without these categories and the reasons that gave them."""
    prefixes = tuple(f"[{topic.value}]" for topic in topics)
    return Triage(
        topics=tuple(topic for topic in rules.topics if topic not in topics),
        urgent=rules.urgent,
        reasons=tuple(reason for reason in rules.reasons if not reason.startswith(prefixes)),
        held_back=rules.held_back,
    )


def labels_added(
    rules: Triage,
    probabilities: np.ndarray,
    thresholds: np.ndarray,
    note_override: float = DEFAULT_NOTE_OVERRIDE,
) -> set[Topic]:
    """Return the labels the model adds to the rules' result, given its probabilities.

    It adds none that the rules set aside on purpose (Triage.held_back), except 家族関係 at
    FAMILY_SURE: the rules set kin words aside whenever 介護 applies, but 義母の介護、夫は
    何もしない is about the husband as well.

    A message whose risk words the rules judged harmless (a note such as 死ぬほど笑った)
    becomes urgent by the model only at note_override or above: the rules read the words
    around the phrase, which the model does not. Training chooses note_override with the
    urgent threshold (LinearModel.note_override).
    """
    added = set()
    # Python floats, because indexing and comparing numpy scalars one at a time is slow.
    # Each value converts to a float exactly, so every comparison gives the same result.
    probability_list = probabilities.tolist()
    threshold_list = thresholds.tolist()
    for column, topic in enumerate(LABELS):
        if topic in rules.topics:
            continue
        if topic in rules.held_back and not (
            topic is Topic.FAMILY and probability_list[column] >= FAMILY_SURE
        ):
            continue
        if topic is Topic.SUICIDE_SELF_HARM and has_note(rules):
            # Compared as numpy scalars, because numpy 2 compares the Python float
            # note_override in the thresholds' dtype (float32), and Python floats would not.
            threshold = max(thresholds[column], note_override)
            if probabilities[column] >= threshold:
                added.add(topic)
        elif probability_list[column] >= threshold_list[column]:
            added.add(topic)
    if (
        Topic.FAMILY in added
        and (added | set(rules.topics)) & FAMILY_YIELDS_TO
        and probability_list[FAMILY_COLUMN] < FAMILY_SURE
    ):
        # As in the rules: a family member named only as the one cared for, the child raised
        # or the other party of a divorce is not a family conflict by itself.
        added.discard(Topic.FAMILY)
    return added


def _model_reasons(
    reading: Reading, model: LinearModel, scores: Scores, topics: list[Topic]
) -> list[str]:
    """Return the model's reason for each of topics, quoting the words as the sender wrote them."""
    surfaces: dict[str, str] = {}
    for token in reading.tokens:
        surfaces.setdefault(token.lemma, token.surface)
    text = reading.normalized.lower()
    reasons = []
    for topic in topics:
        explanation = URGENT_BY_MODEL if topic is Topic.SUICIDE_SELF_HARM else TOPIC_BY_MODEL
        weights = _word_weights(reading, model, topic)
        reasons.append(
            model.reason(
                scores, topic, explanation, surfaces=surfaces, text=text, word_weights=weights
            )
        )
    return reasons


def _word_weights(reading: Reading, model: LinearModel, topic: Topic) -> dict[str, float] | None:
    if not model.uses_vectors:
        return None
    column = model.dense_weights[:, LABELS.index(topic)]
    return _vectors_for(model).word_contributions(reading.tokens, column)


def _vectors_for(model: LinearModel) -> WordVectors:
    vectors = default_vectors()
    if vectors.source != model.metadata.get("vectors"):
        raise ModelError(
            f"the triage model was fitted with the word vectors {model.metadata.get('vectors')}, "
            f"but {vectors.source} are installed; run `make setup` or refit the model with "
            "`.venv/bin/python -m services.triage.train`"
        )
    return vectors


def has_note(rules: Triage) -> bool:
    return any(reason.startswith(NOTE_PREFIX) for reason in rules.reasons)


def _urgent_first(topic: Topic) -> tuple[bool, int]:
    # The urgent category leads, as in the rules' output; the rest follow the Topic order.
    return topic is not Topic.SUICIDE_SELF_HARM, LABELS.index(topic)
