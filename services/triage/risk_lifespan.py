"""Rules for a life felt as too long, and for envying the dead.

Old senders say もう十分生きた, なんでこんなに長生きしてしまったのか, 長生きは罰だ,
いつまで生かされるのか, 短命の家系だったらよかった, 先に逝ったじいちゃんがうらやましい and
早く呼んでください (to the dead). Each of these words is everyday in another sense (十分寝た,
長生きしてね, 短命な政権, 友達がうらやましい, タクシーを呼んでください), so every rule needs the
sender's own life, a regret or a wish, or a death in the message.
"""

import itertools

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, note, own_wish, signal
from services.triage.morphology import sentence_bounds
from services.triage.predicates import is_self, object_of, relief_end, subject_of, verb_tail
from services.triage.signals import RiskKind

# 長生きは罰だ, 長生きは地獄: a long life called a punishment.
CURSES = frozenset({"罰", "地獄", "苦痛", "拷問", "呪い"})
UNTIL_WHEN = "いつ"
REQUEST_ENDS = frozenset({"下さる", "下さい", "呉れる", "欲しい"})
EAGER = frozenset({"早い", "早く", "はやい"})

# 大笑い, 笑う: a quoted line everyone laughed at is a joke, not a wish.
LAUGHTER = frozenset({"大笑い", "笑う", "笑い"})
# うらやましいくらい, うらやましいほど: envy as a measure, not a wish.
DEGREES = frozenset({"くらい", "程", "ほど"})
# 98歳で大往生: a death of old age, which BEREAVEMENT_WORDS does not name.
NATURAL_DEATHS = frozenset({"大往生", "老衰"})


# あとはおまけの人生。好きなことだけして暮らす: the years left as a bonus, to be enjoyed.
BONUS_WORDS = frozenset({"おまけ", "御負け", "余生", "ボーナス"})
LIVING_ON = frozenset({"暮らす", "楽しむ", "過ごす", "好き", "生きる"})
# 十分生きた気がする、ってくらい: the words that may stand before くらい.
MEASURE_FILLERS = frozenset({"気", "が", "為る", "、", "って", "と", "ます"})
MEASURE_WINDOW = 7


def _measures_something(tokens: Tokens, end: int) -> bool:
    """Return whether くらい or ほど follows the phrase, past 気がする, a comma and って."""
    for token in tokens[end : end + MEASURE_WINDOW]:
        if token.lemma in lex.DEGREE_WORDS:
            return True
        if token.lemma not in MEASURE_FILLERS:
            return False
    return False


def enough_rule(tokens: Tokens, index: int) -> Finding:
    """もう十分生きた, 十分生きたから、ごはんはいらない: a life declared long enough."""
    if index + 1 >= len(tokens) or tokens[index + 1].lemma != lex.LIVE:
        return None
    tail = verb_tail(tokens, index + 1)
    if tail.negated or "た" not in tail.lemmas:
        return None
    subject = subject_of(tokens, index)
    bereaved = any(token.lemma in lex.BEREAVEMENT_WORDS | NATURAL_DEATHS for token in tokens)
    if subject in lex.OTHER_PEOPLE and bereaved and not _quoted(tokens, index):
        # 母は九十まで十分生きたと思う: said of someone who has died.
        return note(tokens, index, tail.end, f"亡くなった「{subject}」について")
    if _quoted(tokens, index) and (bereaved or _laughed_at(tokens)):
        # 「もう十分生きた」が口癖だった祖父が大往生, 誕生日会のスピーチでみんなで大笑い.
        return note(tokens, index, tail.end, "亡くなった人の口癖や、笑い話としての引用")
    if _measures_something(tokens, tail.end):
        # もう十分生きた気がする、ってくらい濃い一週間だった: the words measure a busy week.
        return note(tokens, index, tail.end, "忙しさや充実ぶりを誇張した言い回し")
    if _bonus_years(tokens, tail.end):
        # もう十分生きたから、あとはおまけの人生。好きなことだけして暮らすの.
        return note(tokens, index, tail.end, "残りの人生を楽しむという満足の言葉")
    return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "もう十分生きたという思い")


def _bonus_years(tokens: Tokens, end: int) -> bool:
    """Return whether the rest of life is called a bonus and lived on: おまけの人生…暮らす."""
    lemmas = {token.lemma for token in tokens[end:]}
    return bool(lemmas & BONUS_WORDS) and bool(lemmas & LIVING_ON)


def _laughed_at(tokens: Tokens) -> bool:
    # 大笑いしました laughs; 今年は笑ってない does not.
    return any(
        token.lemma in LAUGHTER and not verb_tail(tokens, position).negated
        for position, token in enumerate(tokens)
    )


def long_life_regret(tokens: Tokens, index: int) -> Finding:
    """なんでこんなに長生きしてしまったのか, 長生きは罰だと思う: a long life regretted."""
    following = [token.lemma for token in tokens[index + 1 : index + 5]]
    if following[:1] == [lex.DO]:
        tail = verb_tail(tokens, index + 1)
        if "仕舞う" in tail.lemmas and "た" in tail.lemmas and not tail.negated:
            explanation = "長生きしてしまったという後悔"
            return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    if following[:1] in (["は"], ["なんて"], ["って"]) and following[1:2]:
        if following[1] in CURSES:
            explanation = "長生きは罰だという思い"
            return signal(tokens, index, index + 3, RiskKind.PASSIVE_IDEATION, explanation)
    return None


def kept_alive_rule(tokens: Tokens, index: int) -> Finding:
    """いつまで生かされるのか: being kept alive against one's will."""
    tail = verb_tail(tokens, index)
    if not {"れる", "られる"} & set(tail.lemmas) or tail.negated:
        return None
    before = [token.lemma for token in tokens[max(0, index - 2) : index]]
    if before[:1] != [UNTIL_WHEN] or before[1:] != ["まで"]:
        return None
    if not is_self(subject_of(tokens, index)):
        return None
    explanation = "いつまで生かされるのかという思い"
    return signal(tokens, index - 2, tail.end, RiskKind.PASSIVE_IDEATION, explanation)


def short_life_rule(tokens: Tokens, index: int) -> Finding:
    """短命の家系だったらよかったのに: a short life wished for."""
    _, end = sentence_bounds(tokens, index)
    for position in range(index + 1, end):
        if tokens[position].lemma == "だ":
            tail = verb_tail(tokens, position)
            wish = relief_end(tokens, position, tail)
            following = tokens[position + 1 : position + 2]
            if wish is None and tokens[position].surface == "なら" and following:
                # 短命の家系ならよかった.
                wish = position + 2 if following[0].lemma == "良い" else None
            if wish is not None:
                explanation = "短命であればよかったという願い"
                return own_wish(tokens, index, wish, explanation)
    return None


def envy_rule(tokens: Tokens, index: int) -> Finding:
    """先に逝ったじいちゃんがうらやましい, 死んだ人がうらやましい: envying the dead."""
    _, start = _person_before(tokens, index)
    if start is None:
        return _envied_after_death(tokens, index)
    for position in range(max(0, start - 4), start):
        if tokens[position].lemma in lex.DYING_VERBS:
            tail = verb_tail(tokens, position)
            if "た" in tail.lemmas and not tail.negated:
                explanation = "亡くなった人をうらやむ、死への憧れ"
                return signal(tokens, position, index + 1, RiskKind.PASSIVE_IDEATION, explanation)
    return None


def _envied_after_death(tokens: Tokens, index: int) -> Finding:
    """同級生が亡くなったと聞いて、正直うらやましい: envy right after a death, the dead unnamed.

    うらやましいくらい優秀だった uses the word as a measure of praise.
    """
    if tokens[index + 1 : index + 2] and tokens[index + 1].lemma in DEGREES:
        return None
    sentence_start, _ = sentence_bounds(tokens, index)
    if sentence_start > 0:
        # The death may be told in the sentence before: 祖母が亡くなった。うらやましい.
        sentence_start, _ = sentence_bounds(tokens, sentence_start - 1)
    for position in range(sentence_start, index):
        if tokens[position].lemma not in lex.DYING_VERBS:
            continue
        tail = verb_tail(tokens, position)
        if "た" in tail.lemmas and not tail.negated and not is_self(subject_of(tokens, position)):
            # The span is the envy alone, so that risk.py does not name the dead as at risk.
            explanation = "亡くなった人をうらやむ、死への憧れ"
            return signal(tokens, index, index + 1, RiskKind.PASSIVE_IDEATION, explanation)
    return None


def call_rule(tokens: Tokens, index: int) -> Finding:
    """早く呼んでください (to the dead or a god), 早くそっちに呼んでほしい."""
    tail = verb_tail(tokens, index)
    if not REQUEST_ENDS & set(tail.lemmas) or tail.negated:
        return None
    if object_of(tokens, index) is not None:
        # 救急車を早く呼んでください: someone or something else is called.
        return None
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    if not EAGER & set(before):
        return None
    if not any(token.lemma in lex.BEYOND_WORDS | lex.DEATH_WORDS for token in tokens):
        return None
    explanation = "早く呼んでほしいという、死を望む婉曲表現"
    return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)


def _person_before(tokens: Tokens, index: int) -> tuple[str | None, int | None]:
    # じいちゃんがうらやましい: the person, possibly with a suffix, and が or は before the word.
    if index < 2 or tokens[index - 1].lemma not in ("が", "は"):
        return None, None
    position = index - 2
    while position > 0 and tokens[position].pos == "接尾辞":
        position -= 1
    if tokens[position].pos not in ("名詞", "代名詞"):
        return None, None
    return tokens[position].lemma, position


def _quoted(tokens: Tokens, index: int) -> bool:
    return any(token.surface in ("「", "『") for token in tokens[max(0, index - 4) : index])


def funeral_rule(tokens: Tokens, index: int) -> Finding:
    """自分のお葬式を想像すると落ち着く, 自分の葬式で流す曲を決めてる: one's own funeral pictured.

    Planning for the end of a long life (終活, 葬儀の費用, 互助会) names it too and stays harmless.
    """
    before = [token.lemma for token in tokens[max(0, index - 3) : index] if token.lemma != "御"]
    if before[-2:] != ["自分", "の"]:
        return None
    lemmas = {token.lemma for token in tokens}
    if lemmas & (lex.END_OF_LIFE_PLANNING | lex.FUNERAL_COSTS) or _planned_early(tokens):
        return note(tokens, index, index + 1, "終活や葬儀の準備の話")
    start = index - 3 if tokens[index - 1].lemma == "御" else index - 2
    return signal(tokens, start, index + 1, RiskKind.PASSIVE_IDEATION, "自分の葬式を思い描いている")


def _planned_early(tokens: Tokens) -> bool:
    # 元気なうちに墓じまいをして: graves settled and plans made while still in good health.
    lemmas = [token.lemma for token in tokens]
    pairs = set(itertools.pairwise(lemmas))
    return ("墓", "仕舞い") in pairs or any(
        lemmas[i : i + 3] == ["元気", "だ", "うち"] for i in range(len(lemmas) - 2)
    )


LIFESPAN_RULES: dict[str, Rule] = {
    lex.ENOUGH: enough_rule,
    lex.KEEP_ALIVE: kept_alive_rule,
    lex.SHORT_LIFE: short_life_rule,
    lex.ENVIOUS: envy_rule,
    lex.CALL: call_rule,
    lex.FUNERAL: funeral_rule,
}
