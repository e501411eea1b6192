"""Rules for deaths wished from an accident, the cold or an illness.

車が突っ込んできてくれたら, 対向車線に突っ込めば楽, 雪に埋もれて春まで見つからなければいい, このまま
凍えてもいい, 雪の中で寝てしまえば楽, 病気がもっと早く進んでくれればいいのに, もう餓死するしか
ない. Each of these is everyday when it happens or is feared (車が店に突っ込んだ, 雪に埋もれて車が
出せない, 病気が見つかったらどうしよう), so every rule needs a wish or a relief in the clause.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, own_wish, signal, wish_end
from services.triage.modality import hoped, permitted
from services.triage.morphology import sentence_bounds
from services.triage.predicates import (
    NEGATIONS,
    Desire,
    is_volitional,
    preferable,
    quoted_at_sender,
    relief_end,
    subject_of,
    verb_tail,
)
from services.triage.signals import RiskKind

OUTCOME_WINDOW = 6
ELLIPSES = frozenset({"…", "..", "."})


def crash_rule(tokens: Tokens, index: int) -> Finding:
    """車が突っ込んできてくれたら, 対向車線に突っ込めば楽: a crash wished for."""
    tail = verb_tail(tokens, index)
    _, end = sentence_bounds(tokens, index)
    if subject_of(tokens, index) in lex.VEHICLES:
        # 横断歩道で、車が突っ込んでくればいいのに.
        wish = wish_end(tokens, index, tail) or hoped(tokens, index, tail)
        if wish is None or quoted_at_sender(tokens, wish):
            return None
        return signal(tokens, index, wish, RiskKind.PASSIVE_IDEATION, "事故で死ねたらという願い")
    target = _target_before(tokens, index)
    if target not in lex.CRASH_TARGETS:
        return None
    outcome = _ending_after(tokens, tail.end, end)
    if _conditional(tokens, index, tail) and outcome is not None:
        explanation = "車で突っ込めば終わるという考え"
        return signal(tokens, index, outcome, RiskKind.PLAN, explanation)
    return None


def exposure_rule(tokens: Tokens, index: int) -> Finding:
    """雪に埋もれて見つからなければいい, このまま凍えてもいい, 朽ちていけたら, 弱っていけばいい."""
    start, end = sentence_bounds(tokens, index)
    lemmas = {token.lemma for token in tokens[start:end]}
    if tokens[index].lemma == lex.BURIED and lex.SNOW not in lemmas:
        return None
    tail = verb_tail(tokens, index)
    following = [token.lemma for token in tokens[tail.end : tail.end + 2]]
    if following[:1] and following[0] in lex.DEGREE_WORDS:
        # 凍えるほど寒い.
        return None
    wish = (
        wish_end(tokens, index, tail)
        or hoped(tokens, index, tail)
        or permitted(tokens, index, tail)
        or _accepted_later(tokens, tail.end, end)
    )
    if wish is None:
        return None
    return own_wish(tokens, index, wish, "雪や寒さの中で死ねたらという願い")


def snow_sleep_rule(tokens: Tokens, index: int) -> Finding:
    """雪の中で寝てしまえば楽, 雪の中で寝たら眠るように死ねる: sleeping out in the snow."""
    start, end = sentence_bounds(tokens, index)
    lemmas = {token.lemma for token in tokens[start:end]}
    if not lemmas & lex.COLD_PLACES:
        return None
    tail = verb_tail(tokens, index)
    if not _conditional(tokens, index, tail):
        return None
    outcome = _ending_after(tokens, tail.end, end)
    if outcome is None or _warned(tokens, outcome):
        return None
    return signal(tokens, index, outcome, RiskKind.PLAN, "雪の中で眠って死ぬという考え")


def _warned(tokens: Tokens, position: int) -> bool:
    # 雪の中で寝たら死ぬぞって言われた: a warning, said to the sender.
    if position < len(tokens) and tokens[position].lemma == "ぞ":
        return True
    return quoted_at_sender(tokens, position)


def starve_rule(tokens: Tokens, index: int) -> Finding:
    """もう餓死するしかない, 凍死したい: a way of dying named as a noun."""
    if index + 1 >= len(tokens) or tokens[index + 1].lemma != lex.DO:
        return None
    tail = verb_tail(tokens, index + 1)
    following = [token.lemma for token in tokens[tail.end : tail.end + 3]]
    only = following[:1] == ["しか"] and any(lemma in NEGATIONS for lemma in following[1:])
    wants = tail.desire is Desire.WANT or is_volitional(tokens, index + 1, tail)
    if not (only or wants):
        return None
    end = tail.end + 2 if only else tail.end
    return own_wish(tokens, index, end, "餓死や凍死をするしかないという考え")


def illness_rule(tokens: Tokens, index: int) -> Finding:
    """病気がもっと早く進んでくれればいいのに, このまま悪くなってくれた方がいい.

    The verb of worsening counts only when the message names an illness.
    """
    if tokens[index].lemma == "成る" and (index == 0 or tokens[index - 1].lemma != "悪い"):
        return None
    if not any(token.lemma in lex.ILLNESS_NOUNS for token in tokens):
        return None
    tail = verb_tail(tokens, index)
    if tail.negated and "ば" not in tail.lemmas:
        return None
    wish = (
        relief_end(tokens, index, tail)
        or hoped(tokens, index, tail)
        or preferable(tokens, tail)
        or _requested_with_relief(tokens, tail)
    )
    if wish is None:
        return None
    explanation = "病気が悪くなって死ねたらという願い"
    return signal(tokens, index, wish, RiskKind.PASSIVE_IDEATION, explanation)


def done_away_rule(tokens: Tokens, index: int) -> Finding:
    """早く片付いてしまいたい, 私が片付けば夫も清々する, 老いぼれは早く片付くのが一番."""
    tail = verb_tail(tokens, index)
    subject = subject_of(tokens, index)
    if tail.desire is Desire.WANT and subject is None:
        # Things cannot want, so 片付いてしまいたい is said of oneself.
        return signal(
            tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "自分が片付いてしまいたい"
        )
    if subject not in lex.SELF_OBJECTS and subject not in lex.SELF_DEPRECATIONS:
        return None
    end = relief_end(tokens, index, tail) or _best_thing(tokens, tail.end)
    if end is None:
        return None
    return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, "自分が片付けばいいという考え")


def ellipsis_rule(tokens: Tokens, index: int) -> Finding:
    """海まで行って、そのまま…って考えてる, ベランダから一緒に…って考えた: an act left unsaid."""
    following = tokens[index + 1 : index + 4]
    if not following or following[0].surface not in ELLIPSES:
        return None
    rest = [token.lemma for token in following[1:]]
    if rest[:1] not in (["って"], ["と"]) or not rest[1:2] or rest[1] not in lex.THOUGHT_WORDS:
        return None
    places = lex.HIGH_PLACES | lex.EDGE_PLACES | lex.WATERS | lex.RAILWAY_WORDS
    if not any(token.lemma in places for token in tokens):
        return None
    return signal(tokens, index, index + 1, RiskKind.PLAN, "危険な場所で「そのまま…」と考えている")


def _target_before(tokens: Tokens, index: int) -> str | None:
    if index >= 2 and tokens[index - 1].lemma in ("に", "へ"):
        return tokens[index - 2].lemma
    if index >= 1 and tokens[index - 1].pos == "名詞":
        return tokens[index - 1].lemma
    return None


def _conditional(tokens: Tokens, index: int, tail) -> bool:
    surfaces = [token.surface for token in tokens[index + 1 : tail.end]]
    return "ば" in tail.lemmas or any(s in ("たら", "だら") for s in surfaces)


def _ending_after(tokens: Tokens, position: int, end: int) -> int | None:
    """Return the end of an ending or relief after a condition: 楽, 終わる, 一瞬, 死ねる."""
    for offset in range(position, min(end, position + OUTCOME_WINDOW)):
        if tokens[offset].lemma in lex.ENDING_WORDS:
            return offset + 1
    return None


def _accepted_later(tokens: Tokens, position: int, end: int) -> int | None:
    """Return the end of そのまんまでいい or 見つからなければいい later in the sentence."""
    lemmas = [token.lemma for token in tokens[position:end]]
    for offset, lemma in enumerate(lemmas):
        if lemma == "侭" and lemmas[offset + 1 : offset + 3] == ["で", "良い"]:
            return position + offset + 3
        if lemma == lex.FOUND:
            found_tail = verb_tail(tokens, position + offset)
            if found_tail.negated:
                return relief_end(tokens, position + offset, found_tail)
    return None


def _requested_with_relief(tokens: Tokens, tail) -> int | None:
    # 進んでくれればいいのに: the benefactive carries the wish.
    if any(lemma in lex.REQUEST_WORDS for lemma in tail.lemmas) and "ば" in tail.lemmas:
        return tail.end
    return None


def _best_thing(tokens: Tokens, position: int) -> int | None:
    # 早く片付くのが一番の恩返しだ.
    lemmas = [token.lemma for token in tokens[position : position + 3]]
    if lemmas[:2] == ["の", "が"] and lemmas[2:] == ["一番"]:
        return position + 3
    return None


ACCIDENT_RULES: dict[str, Rule] = {
    lex.CRASH: crash_rule,
    **{lemma: exposure_rule for lemma in lex.EXPOSURE_VERBS},
    **{lemma: starve_rule for lemma in lex.DEATH_NOUNS},
    **{lemma: illness_rule for lemma in lex.WORSENING_VERBS},
    lex.DONE_AWAY: done_away_rule,
    lex.AS_IS: ellipsis_rule,
    lex.TOGETHER: ellipsis_rule,
}
