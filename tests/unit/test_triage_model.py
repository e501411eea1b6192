"""The learned model: its features, its file, and how it joins the rules."""

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from services.triage import train
from services.triage.classifier import by_rules, classify, labels_added, read, with_model
from services.triage.dataset import part_paths
from services.triage.model import (
    DEFAULT_NOTE_OVERRIDE,
    LABELS,
    TEXT_END,
    TEXT_START,
    LinearModel,
    ModelError,
    default_model,
    features,
    load,
    readable,
    save,
)
from shared.schemas import Topic


def _model(
    urgent_threshold: float,
    *,
    vocabulary: dict[str, int] | None = None,
    weight: float = 3.0,
    topic_threshold: float = 1.1,
) -> LinearModel:
    """Return a model whose every feature raises the urgent label by weight.

    Every other label scores 0.5 and fires only when topic_threshold is at most that.
    """
    vocabulary = vocabulary or {"w:消える": 0}
    urgent = LABELS.index(Topic.SUICIDE_SELF_HARM)
    weights = np.zeros((len(vocabulary), len(LABELS)), dtype=np.float32)
    weights[:, urgent] = weight
    thresholds = np.full(len(LABELS), topic_threshold, dtype=np.float32)
    thresholds[urgent] = urgent_threshold
    return LinearModel(
        vocabulary=vocabulary,
        weights=weights,
        bias=np.zeros(len(LABELS), dtype=np.float32),
        thresholds=thresholds,
        metadata={"files": []},
    )


def test_features_cover_characters_and_lemmas() -> None:
    """Features hold marked character n-grams, lemmas and lemma pairs."""
    reading = read("消えたい")
    assert reading is not None
    found = features(reading.canonical, reading.tokens)
    assert f"c:{TEXT_START}消" in found
    assert f"c:たい{TEXT_END}" in found
    assert "c:消えた" in found
    assert "w:消える" in found
    assert "w:消える たい" in found


def test_readable_strips_kind_and_marks() -> None:
    assert readable(f"c:{TEXT_START}消え") == "消え"
    assert readable("w:消える たい") == "消える たい"


def test_model_round_trip(tmp_path: Path) -> None:
    """A saved model loads with the same vocabulary, weights and thresholds."""
    model = dataclasses.replace(
        _model(0.7, vocabulary={"w:消える": 0, "c:たい": 1}),
        idf=np.array([1.5, 2.5], dtype=np.float32),
    )
    path = tmp_path / "weights.npz"
    save(model, path)
    loaded = load(path)
    assert loaded.vocabulary == model.vocabulary
    assert np.array_equal(loaded.weights, model.weights)
    assert np.array_equal(loaded.idf, model.idf)
    assert np.allclose(loaded.thresholds, model.thresholds)
    assert loaded.metadata == {"files": []}


def test_model_round_trip_keeps_vetoes(tmp_path: Path) -> None:
    vetoes = np.linspace(0.0, 0.3, len(LABELS)).astype(np.float32)
    model = dataclasses.replace(_model(0.7), vetoes=vetoes)
    path = tmp_path / "weights.npz"
    save(model, path)
    assert np.array_equal(load(path).vetoes, vetoes)


def test_model_file_without_vetoes_drops_nothing(tmp_path: Path) -> None:
    """A model file written before vetoes existed loads with a veto of 0 for every label."""
    path = tmp_path / "weights.npz"
    save(_model(0.7), path)
    with np.load(path) as stored:
        arrays = {name: stored[name] for name in stored.files if name != "vetoes"}
    np.savez_compressed(path, **arrays)
    assert np.array_equal(load(path).vetoes, np.zeros(len(LABELS), dtype=np.float32))


def test_score_weighs_idf_at_unit_length() -> None:
    """Present features weigh their IDF, scaled so the message's feature vector has length 1."""
    model = dataclasses.replace(
        _model(0.5, vocabulary={"w:消える": 0, "w:たい": 1}, weight=1.0),
        idf=np.array([1.0, 3.0], dtype=np.float32),
    )
    urgent = LABELS.index(Topic.SUICIDE_SELF_HARM)
    both = model.score({"w:消える", "w:たい", "w:unknown"}).probabilities[urgent]
    one = model.score({"w:たい"}).probabilities[urgent]
    # (1 + 3) / sqrt(1 + 9) for both features; 3 / 3 for one. Unknown features count for nothing.
    assert np.isclose(both, 1 / (1 + np.exp(-4 / np.sqrt(10))))
    assert np.isclose(one, 1 / (1 + np.exp(-1.0)))


def test_score_does_not_grow_with_length() -> None:
    """Many features of the same weight score as one, so a long message gains no weight."""
    vocabulary = {f"w:{index}": index for index in range(100)}
    model = _model(0.5, vocabulary=vocabulary, weight=0.5)
    urgent = LABELS.index(Topic.SUICIDE_SELF_HARM)
    one = model.score({"w:0"}).probabilities[urgent]
    hundred = model.score(set(vocabulary)).probabilities[urgent]
    # Without scaling, a hundred features of weight 0.5 would add 50 to the logit.
    assert np.isclose(hundred, 1 / (1 + np.exp(-5.0)))
    assert np.isclose(one, 1 / (1 + np.exp(-0.5)))


def test_load_missing_file_names_fix(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"services\.triage\.train"):
        load(tmp_path / "absent.npz")


def test_load_rejects_other_labels(tmp_path: Path) -> None:
    """A model made for another list of categories is refused at load, not misread."""
    path = tmp_path / "weights.npz"
    np.savez(
        path,
        labels=np.array(["家族関係"]),
        features=np.array(["w:母"]),
        weights=np.zeros((1, 1), dtype=np.float32),
        bias=np.zeros(1, dtype=np.float32),
        thresholds=np.zeros(1, dtype=np.float32),
        dense_weights=np.zeros((0, 1), dtype=np.float32),
        idf=np.ones(1, dtype=np.float32),
        metadata=np.array("{}"),
    )
    with pytest.raises(ModelError, match="has labels"):
        load(path)


def test_load_rejects_model_without_idf(tmp_path: Path) -> None:
    """A model file written before IDF weighting is refused with the command that rebuilds it."""
    path = tmp_path / "weights.npz"
    np.savez(
        path,
        labels=np.array([topic.value for topic in LABELS]),
        features=np.array(["w:母"]),
        weights=np.zeros((1, len(LABELS)), dtype=np.float32),
        bias=np.zeros(len(LABELS), dtype=np.float32),
        thresholds=np.zeros(len(LABELS), dtype=np.float32),
        dense_weights=np.zeros((0, len(LABELS)), dtype=np.float32),
        metadata=np.array("{}"),
    )
    with pytest.raises(ModelError, match=r"damaged or of another kind.*services\.triage\.train"):
        load(path)


def test_model_adds_urgent_with_reason() -> None:
    """When only the model finds a risk, the message is urgent and the reason names the model."""
    reading = read("消えたい")
    assert reading is not None
    rules = by_rules(reading)
    rules_without_risk = type(rules)(topics=(), urgent=False, reasons=())
    result = with_model(rules_without_risk, reading, _model(0.5))
    assert result.urgent
    assert result.topics == (Topic.SUICIDE_SELF_HARM,)
    assert result.reasons[0].startswith("[希死念慮・自傷] 「消え」")
    assert "学習モデル" in result.reasons[0]


def test_model_never_removes_rule_labels() -> None:
    """A model that fires on nothing leaves the rules' result exactly as it was."""
    reading = read("仕事がつらくて死にたい")
    assert reading is not None
    rules = by_rules(reading)
    assert rules.urgent
    assert with_model(rules, reading, _model(1.1)) == rules


def test_veto_drops_unlikely_rule_category() -> None:
    """A rule's category goes, with its reason, when the model scores it below the veto."""
    reading = read("夫とけんかした。仕事もつらくて死にたい")
    assert reading is not None
    rules = by_rules(reading)
    assert {Topic.FAMILY, Topic.SUICIDE_SELF_HARM} <= set(rules.topics)
    # Every label but the urgent one scores 0.5 with this model.
    vetoes = np.zeros(len(LABELS), dtype=np.float32)
    vetoes[LABELS.index(Topic.FAMILY)] = 0.6
    vetoes[LABELS.index(Topic.SUICIDE_SELF_HARM)] = 1.0
    result = with_model(rules, reading, dataclasses.replace(_model(1.1), vetoes=vetoes))
    assert Topic.FAMILY not in result.topics
    assert not any(reason.startswith("[家族関係]") for reason in result.reasons)
    assert result.urgent
    assert Topic.SUICIDE_SELF_HARM in result.topics
    assert Topic.WORK in result.topics


def test_sure_model_keeps_family_beside_care() -> None:
    """At FAMILY_SURE or above, the model's 家族関係 is kept beside 介護."""
    reading = read("義母の介護、夫は口だけで何もしない")
    assert reading is not None
    rules = by_rules(reading)
    assert Topic.CAREGIVING in rules.topics
    unsure = _model(1.1, topic_threshold=0.0)
    assert Topic.FAMILY not in with_model(rules, reading, unsure).topics
    family = LABELS.index(Topic.FAMILY)
    confident = _model(1.1, vocabulary={"w:夫": 0}, topic_threshold=0.0)
    confident.weights[:, family] = 5.0
    assert Topic.FAMILY in with_model(rules, reading, confident).topics


def test_urgent_category_leads_topics() -> None:
    reading = read("母とけんかして消えたい")
    assert reading is not None
    rules = by_rules(reading)
    plain = type(rules)(topics=(Topic.FAMILY,), urgent=False, reasons=("[家族関係] 「母」: 家族",))
    result = with_model(plain, reading, _model(0.5))
    assert result.topics[0] is Topic.SUICIDE_SELF_HARM
    assert Topic.FAMILY in result.topics


def test_shipped_model_matches_tuning_files() -> None:
    """The shipped model was fitted to the tuning files as they are; else retrain it."""
    metadata = default_model().metadata
    paths = part_paths("tune")
    assert metadata["files"] == [path.name for path in paths]
    assert metadata["digest"] == train.digest(paths), (
        "run: .venv/bin/python -m services.triage.train"
    )


def test_shipped_model_thresholds_in_range() -> None:
    thresholds = default_model().thresholds
    assert thresholds.shape == (len(LABELS),)
    assert all(0.0 < value < 1.0 for value in thresholds)


def test_fit_learns_small_data() -> None:
    """Fitting on a few messages yields a model that scores them on the right side."""
    items = train.prepare(part_paths("tune")[:1])[:80]
    model = train.fit(items, np.full(len(LABELS), 0.5))
    urgent = LABELS.index(Topic.SUICIDE_SELF_HARM)
    for item in items:
        probability = model.score(set(item.found)).probabilities[urgent]
        assert (probability >= 0.5) == item.example.urgent, item.example.text


def _items_without_rules(count: int) -> list[train.Prepared]:
    """Return the first tuning messages with no rule findings, so thresholds alone decide."""
    no_rules = by_rules(read("こんにちは"))
    return [
        dataclasses.replace(item, rules=no_rules)
        for item in train.prepare(part_paths("tune")[:1])[:count]
    ]


def test_urgent_threshold_keeps_precision_floor() -> None:
    """The urgent threshold has the highest recall whose out-of-file precision keeps the floor."""
    items = _items_without_rules(60)
    urgent = LABELS.index(Topic.SUICIDE_SELF_HARM)
    probabilities = np.zeros((len(items), len(LABELS)))
    probabilities[:, urgent] = [0.9 if item.example.urgent else 0.3 for item in items]
    thresholds = train.choose_thresholds(items, probabilities)
    assert 0.3 < thresholds[urgent] <= 0.9


def test_urgent_threshold_uses_fine_grid() -> None:
    """The urgent threshold may fall between two steps of 0.05 (0.40 and 0.45)."""
    items = _items_without_rules(60)
    urgent = LABELS.index(Topic.SUICIDE_SELF_HARM)
    probabilities = np.zeros((len(items), len(LABELS)))
    # 0.41 and 0.42 keep every urgent message and drop every other; 0.43 drops them all.
    probabilities[:, urgent] = [0.42 if item.example.urgent else 0.405 for item in items]
    thresholds = train.choose_thresholds(items, probabilities)
    assert thresholds[urgent] == pytest.approx(0.42)


def test_vetoes_drop_wrong_rule_categories_only() -> None:
    """A label whose rule hits are wrong when the model doubts them gets a veto; urgent never."""
    # Rules that give 家族関係 and the urgent label to every message, right or wrong.
    everything = by_rules(read("母とけんかして死にたい"))
    assert {Topic.FAMILY, Topic.SUICIDE_SELF_HARM} <= set(everything.topics)
    items = [
        dataclasses.replace(item, rules=everything)
        for item in train.prepare(part_paths("tune")[:1])[:80]
    ]
    assert any(Topic.FAMILY in item.example.topics for item in items)
    family = LABELS.index(Topic.FAMILY)
    urgent = LABELS.index(Topic.SUICIDE_SELF_HARM)
    probabilities = np.full((len(items), len(LABELS)), 0.3)
    for row, item in enumerate(items):
        probabilities[row, family] = 0.6 if Topic.FAMILY in item.example.topics else 0.02
        probabilities[row, urgent] = 0.0
    thresholds = np.full(len(LABELS), 0.99)
    vetoes = train.choose_vetoes(items, probabilities, thresholds)
    assert 0.02 < vetoes[family] <= 0.3
    assert vetoes[urgent] == 0.0


@pytest.mark.parametrize(
    "text",
    ["今日もバイトおつかれ", "ありがとうございました", "おはようございます"],
)
def test_everyday_messages_not_urgent(text: str) -> None:
    assert not classify(text).urgent


@pytest.mark.parametrize(
    ("text", "held_back"),
    [
        ("お金を貯めて旅行したい", Topic.FINANCIAL_HARDSHIP),
        ("娘が仲間外れにされているみたい", Topic.FRIENDS),
    ],
)
def test_model_respects_held_back_topics(text: str, held_back: Topic) -> None:
    """A category the rules set aside on purpose stays out, even if the model fires on all."""
    reading = read(text)
    assert reading is not None
    rules = by_rules(reading)
    assert held_back in rules.held_back
    result = with_model(rules, reading, _model(0.0, topic_threshold=0.0))
    assert held_back not in result.topics
    assert Topic.SUICIDE_SELF_HARM in result.topics


def test_note_raises_model_threshold() -> None:
    """A risk word the rules judged harmless needs a near-certain model to become urgent."""
    reading = read("死ぬほど笑った")
    assert reading is not None
    rules = by_rules(reading)
    assert not rules.urgent
    assert any(reason.startswith("[緊急ではない]") for reason in rules.reasons)
    # sigmoid(2.0) is 0.88: above the threshold, below the note's override.
    unsure = _model(0.5, vocabulary={"w:死ぬ": 0}, weight=2.0)
    assert not with_model(rules, reading, unsure).urgent


@pytest.mark.parametrize("text", ["寝たきりの祖母の世話を一人でしている", "娘が学校に行けていない"])
def test_model_family_yields_like_rules(text: str) -> None:
    """The model's 家族関係 yields to 介護 and 子育て・教育, as the kin words of the rules do."""
    reading = read(text)
    assert reading is not None
    rules = by_rules(reading)
    assert Topic.FAMILY not in rules.topics
    result = with_model(rules, reading, _model(1.1, topic_threshold=0.0))
    assert Topic.FAMILY not in result.topics


def test_start_up_stops_without_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    """The triage service exits at start-up naming the install command if vectors are missing."""
    from services.triage import __main__ as entry
    from services.triage import classifier
    from services.triage.vectors import VectorsError
    from shared.settings import SettingsError

    def missing() -> None:
        raise VectorsError("cannot read the word vectors /absent.npz; run `make setup`")

    monkeypatch.setattr(classifier, "default_vectors", missing)
    with pytest.raises(SettingsError, match="make setup"):
        entry.check_classifier()


def test_mismatched_vectors_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model fitted with other word vectors than those installed fails with the fix named."""
    model = dataclasses.replace(default_model(), metadata={"vectors": "ja-ginza==0.0.0"})
    with pytest.raises(ModelError, match="make setup"):
        classify("消えたい気がする夜", model=model)


def test_reason_quotes_written_words() -> None:
    """The model's reason quotes the sender's spelling, not the dictionary form of a lemma."""
    reading = read("今夜で終わりにするつもり")
    assert reading is not None
    model = _model(0.5, vocabulary={"w:積もり": 0, "w:今夜": 1})
    result = with_model(by_rules(read("こんにちは")), reading, model)
    assert "「つもり」" in result.reasons[0]
    assert "積もり" not in result.reasons[0]


def test_reason_skips_fragments_across_words() -> None:
    """A character n-gram that joins the end of one word to the next is not quoted."""
    reading = read("薬を10錠でおくった")
    assert reading is not None
    model = _model(0.5, vocabulary={"c:0錠": 0, "c:錠で": 1, "c:おくっ": 2})
    reason = with_model(by_rules(read("こんにちは")), reading, model).reasons[0]
    assert "「おくっ」" in reason
    assert "0錠" not in reason
    assert "錠で" not in reason


def test_reason_keeps_space_between_english_words() -> None:
    """A lemma pair of two English words is quoted with its space, a Japanese one without."""
    reading = read("please notice if i am gone")
    assert reading is not None
    # Sudachi normalizes notice to ノーティス; the quote uses the words as written.
    model = _model(0.5, vocabulary={"w:ノーティス if": 0})
    reason = with_model(by_rules(read("こんにちは")), reading, model).reasons[0]
    assert "「notice if」" in reason
    assert "noticeif" not in reason


def test_reason_without_meaningful_words() -> None:
    """With no word worth quoting the reason still names the label and the model."""
    reading = read("今夜で終わりにするつもり")
    assert reading is not None
    model = _model(0.5, vocabulary={"w:で": 0})
    reason = with_model(by_rules(read("こんにちは")), reading, model).reasons[0]
    assert reason.startswith("[希死念慮・自傷] 危険を示す")
    assert "「" not in reason


def _items_with_a_note(count: int) -> list[train.Prepared]:
    """Return the first tuning messages with a harmless reading of the rules and no risk."""
    noted = by_rules(read("死ぬほど笑った"))
    assert not noted.urgent
    assert noted.reasons
    return [
        dataclasses.replace(item, rules=noted)
        for item in train.prepare(part_paths("tune")[:1])[:count]
    ]


def test_note_override_reaches_noted_urgent() -> None:
    """Urgent messages the rules read as harmless at 0.8 lower the override to reach them."""
    noted = _items_with_a_note(400)
    urgent_items = [item for item in noted if item.example.urgent][:30]
    calm_items = [item for item in noted if not item.example.urgent][:30]
    items = urgent_items + calm_items
    urgent = LABELS.index(Topic.SUICIDE_SELF_HARM)
    probabilities = np.zeros((len(items), len(LABELS)))
    probabilities[:, urgent] = [0.8 if item.example.urgent else 0.3 for item in items]
    override, threshold = train.choose_note_override(items, probabilities)
    assert 0.3 < max(override, threshold) <= 0.8


def test_note_override_stays_high_without_gain() -> None:
    """With no urgent message under a note, the highest override of the grid is kept."""
    items = [item for item in _items_with_a_note(400) if not item.example.urgent][:60]
    assert items
    urgent = LABELS.index(Topic.SUICIDE_SELF_HARM)
    probabilities = np.zeros((len(items), len(LABELS)))
    probabilities[:, urgent] = 0.6
    override, _ = train.choose_note_override(items, probabilities)
    assert override == max(train.NOTE_OVERRIDE_GRID)


def test_model_file_carries_its_note_override() -> None:
    """A model whose metadata names a note override uses it; one without uses the default."""
    model = default_model()
    lowered = dataclasses.replace(model, metadata={**model.metadata, "note_override": 0.5})
    assert lowered.note_override == 0.5
    older = dataclasses.replace(model, metadata={})
    assert older.note_override == DEFAULT_NOTE_OVERRIDE


def test_note_override_decides_a_noted_message() -> None:
    """The model flags a message the rules read as harmless only from the note override up."""
    noted = by_rules(read("死ぬほど笑った"))
    urgent = LABELS.index(Topic.SUICIDE_SELF_HARM)
    probabilities = np.zeros(len(LABELS))
    probabilities[urgent] = 0.7
    thresholds = np.full(len(LABELS), 0.33, dtype=np.float32)
    assert Topic.SUICIDE_SELF_HARM not in labels_added(noted, probabilities, thresholds)
    lowered = labels_added(noted, probabilities, thresholds, note_override=0.6)
    assert Topic.SUICIDE_SELF_HARM in lowered
