"""Rules for ending one's life told as a figure: a reset, a fade-out, a curtain, a settling.

人生リセットしたい、物理的に, 人生ごとリセットしたい, 静かにフェードアウトしたい, この世から
フェードアウトできたら, もうなにもかも幕を下ろしたい, 自分で幕を引く, 自分で始末をつける,
もう区切りをつけようと思う、自分の人生に, 自分で旅立ちの日を決めたい, 日本じゃ無理なら自分で
やるしかない (安楽死). Each figure is everyday with another object (人付き合いリセット, 飲み会から
フェードアウト, 店の幕を引く, 借金の始末をつける), so every rule needs the sender's life as what
ends, or 自分で, and a wish, a decision or a plan.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, note, signal
from services.triage.modality import decided, hoped
from services.triage.morphology import sentence_bounds
from services.triage.predicates import (
    SELF_WORDS,
    Desire,
    Tail,
    is_self,
    is_volitional,
    relief_end,
    subject_of,
    verb_tail,
)
from services.triage.risk_accidents import named_death_wish
from services.triage.signals import RiskKind

# 人生リセットしたい、物理的に, 人生ごとリセット, 電源ごと: the reset is meant literally.
LITERAL_WORDS = frozenset({"物理的", "ごと", "毎", "電源"})
# 転職して地元に戻ろうかな: a reset that is a new start.
RESTART_WORDS = frozenset({"転職", "引っ越し", "地元", "留学", "就職", "新しい", "転校", "上京"})
CURTAIN_VERBS = frozenset({"下ろす", "引く", "閉じる", "降ろす"})
ATTACH = "つける"
QUIETLY = frozenset({"静か", "そっと", "ひっそり"})
PERMISSIONS = (("て", "良い"), ("て", "も", "良い"))
BY_ONESELF = ("自分", "で")
# 私っていう足かせ, 自分という重荷: the sender as a load on others.
BURDEN_NOUNS = frozenset({"足枷", "重荷", "荷物", "厄介者", "お荷物"})
REMOVE_VERBS = frozenset({"外す", "下ろす", "降ろす", "無くす", "消す", "取る", "除く"})
# 外してあげたい, 降ろしてやる: the removal wished (たい) or offered to others.
REMOVAL_WISHES = frozenset({"上げる", "あげる", "遣る", "やる", "たい"})
REMOVAL_WINDOW = 4


def reset_rule(tokens: Tokens, index: int) -> Finding:
    """人生リセットしたい、物理的に, 人生ごとリセットしたい, 全部リセットしたい。電源ごと."""
    if _existence_before(tokens, index):
        # 自分の存在ごとリセットできたらいいのに: the sender's existence is what is reset.
        tail = _do_tail(tokens, index, allow_can=True)
        end = None if tail is None or tail.negated else _wish_end(tokens, index + 1, tail)
        if end is None:
            return None
        explanation = "自分の存在ごとリセットしたいという願望"
        return signal(tokens, index - 2, end, RiskKind.IDEATION, explanation)
    if not _life_before(tokens, index):
        return None
    tail = _do_tail(tokens, index)
    if tail is None or not (tail.desire is Desire.WANT or is_volitional(tokens, index + 1, tail)):
        return None
    lemmas = {token.lemma for token in tokens}
    if lemmas & LITERAL_WORDS or lemmas & lex.DESPAIR_WORDS:
        explanation = "人生を文字どおりリセットしたいという願望"
        return signal(tokens, index - 1, tail.end, RiskKind.IDEATION, explanation)
    if lemmas & RESTART_WORDS:
        return note(tokens, index - 1, tail.end, "転職や引っ越しなど、やり直しとしての「リセット」")
    return None


def fade_rule(tokens: Tokens, index: int) -> Finding:
    """静かにフェードアウトしたい, この世からフェードアウトできたら, あとはそれだけ."""
    tail = _do_tail(tokens, index, allow_can=True)
    if tail is None or tail.negated or {"れる", "られる"} & set(tail.lemmas):
        # 婚活アプリでまたフェードアウトされた: someone else faded out.
        return None
    if not is_self(subject_of(tokens, index)):
        return None
    source = _source_before(tokens, index)
    if source is not None and source not in lex.LIFE_SOURCES:
        # 飲み会から静かにフェードアウトしたい.
        return None
    before = {token.lemma for token in tokens[max(0, index - 3) : index]}
    if source is None and not before & QUIETLY:
        return None
    end = _wish_end(tokens, index + 1, tail)
    if end is None:
        return None
    explanation = "この世から静かに消えたいという婉曲な願望"
    return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, explanation)


def curtain_rule(tokens: Tokens, index: int) -> Finding:
    """もうなにもかも幕を下ろしたい, 自分で幕を引く, 幕を下ろしていいよね."""
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following[:1] != ["を"] or following[1:] == [] or following[1] not in CURTAIN_VERBS:
        return None
    owner = _owner(tokens, index)
    if owner is not None and owner not in lex.LIFE_OBJECTS and not is_self(owner):
        # 店の幕を引く: a shop or a show closes.
        return None
    verb = index + 2
    tail = verb_tail(tokens, verb)
    if tail.negated:
        return None
    end = _wish_end(tokens, verb, tail) or decided(tokens, tail)
    if end is None and _by_oneself(tokens, index):
        end = tail.end
    if end is None:
        return None
    explanation = "人生の幕を下ろしたいという婉曲な死の願望"
    return signal(tokens, index, end, RiskKind.IDEATION, explanation)


def settle_rule(tokens: Tokens, index: int) -> Finding:
    """自分で始末をつけるつもり, もう区切りをつけようと思う、自分の人生に."""
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following != ["を", ATTACH]:
        return None
    owner = _owner(tokens, index)
    if owner is not None and owner not in lex.LIFE_OBJECTS and not is_self(owner):
        # 借金の始末をつける.
        return None
    if not (_by_oneself(tokens, index) or _life_after(tokens, index)):
        return None
    verb = index + 2
    tail = verb_tail(tokens, verb)
    if tail.negated:
        return None
    end = _wish_end(tokens, verb, tail) or decided(tokens, tail) or _intended(tokens, tail)
    if end is None and not tail.lemmas and _by_oneself(tokens, index):
        # 自分で始末をつける: said plainly, as what one will do.
        end = tail.end
    if end is None:
        return None
    explanation = "自分の人生に自分で始末をつけるという予告"
    return signal(tokens, index, end, RiskKind.PLAN, explanation)


def departure_rule(tokens: Tokens, index: int) -> Finding:
    """自分で旅立ちの日を決めたい: choosing the day of one's own death."""
    if not _by_oneself(tokens, index):
        return None
    _, end = sentence_bounds(tokens, index)
    following = [token.lemma for token in tokens[index:end]]
    if lex.DECIDE not in following:
        return None
    decide = index + following.index(lex.DECIDE)
    explanation = "自分で旅立ちの日を決めたいという婉曲な死の願望"
    return signal(tokens, index, verb_tail(tokens, decide).end, RiskKind.PLAN, explanation)


def mercy_rule(tokens: Tokens, index: int) -> Finding:
    """安楽死したい, or 安楽死できる国の話…日本じゃ無理なら自分でやるしかない."""
    wished = named_death_wish(tokens, index, "安楽死を望む考え")
    if wished is not None:
        return wished
    for position in range(len(tokens) - 3):
        if (tokens[position].lemma, tokens[position + 1].lemma) != BY_ONESELF:
            continue
        if tokens[position + 2].lemma not in ("遣る", "為る"):
            continue
        tail = verb_tail(tokens, position + 2)
        after = [token.lemma for token in tokens[tail.end : tail.end + 2]]
        if after[:1] == ["しか"] or after[:1] == ["積もり"]:
            explanation = "安楽死の代わりに自分でやるという考え"
            return signal(tokens, position, tail.end + 2, RiskKind.PLAN, explanation)
    return None


def _do_tail(tokens: Tokens, index: int, allow_can: bool = False) -> Tail | None:
    verbs = (lex.DO, "出来る") if allow_can else (lex.DO,)
    if index + 1 >= len(tokens) or tokens[index + 1].lemma not in verbs:
        return None
    return verb_tail(tokens, index + 1)


def _wish_end(tokens: Tokens, verb: int, tail: Tail) -> int | None:
    """Return where a wish, a permission or a resigned だけ ends after the verb, or None."""
    if tail.desire is Desire.WANT or is_volitional(tokens, verb, tail):
        return tail.end
    if any(tail.lemmas[-len(form) :] == form for form in PERMISSIONS):
        return tail.end
    end = relief_end(tokens, verb, tail) or hoped(tokens, verb, tail)
    if end is not None:
        return end
    following = tokens[tail.end : tail.end + 1]
    if following and following[0].lemma == "だけ":
        # あとは静かにフェードアウトするだけです.
        return tail.end + 1
    return None


def _intended(tokens: Tokens, tail: Tail) -> int | None:
    following = tokens[tail.end : tail.end + 1]
    return tail.end + 1 if following and following[0].lemma == "積もり" else None


def _life_before(tokens: Tokens, index: int) -> bool:
    # 人生リセット, 人生ごとリセット, 全部リセット.
    position = index - 1
    while position >= 0 and tokens[position].pos == "接尾辞":
        position -= 1
    return position >= 0 and tokens[position].lemma in lex.LIFE_OBJECTS


def _existence_before(tokens: Tokens, index: int) -> bool:
    # 存在ごとリセット, 自分の存在ごと.
    before = [token.lemma for token in tokens[max(0, index - 4) : index]]
    if before[-2:] != [lex.EXISTENCE, "毎"]:
        return False
    # データの存在ごとリセット: another owner's existence.
    return len(before) < 4 or before[1] != "の" or is_self(before[0])


def _source_before(tokens: Tokens, index: int) -> str | None:
    for position in range(index - 1, max(0, index - 4), -1):
        if tokens[position].lemma == "から":
            return tokens[position - 1].lemma
    return None


def _owner(tokens: Tokens, index: int) -> str | None:
    # 店の幕, 借金の始末: the noun marked with の before.
    if index >= 2 and tokens[index - 1].lemma == "の":
        return tokens[index - 2].lemma
    return None


def _by_oneself(tokens: Tokens, index: int) -> bool:
    start, _ = sentence_bounds(tokens, index)
    for position in range(max(start, index - 4), index - 1):
        if (tokens[position].lemma, tokens[position + 1].lemma) == BY_ONESELF:
            return True
    return False


def _life_after(tokens: Tokens, index: int) -> bool:
    # もう区切りをつけようと思う、自分の人生に.
    _, end = sentence_bounds(tokens, index)
    return any(token.lemma in lex.LIFE_NOUNS for token in tokens[index:end])


def burden_rule(tokens: Tokens, index: int) -> Finding:
    """私っていう足かせ、外してあげたい: the sender named as a burden that should be removed.

    この重荷を降ろしたい、仕事辞めたい lifts a load off the sender, so the burden must be the
    sender (私という, 自分っていう) and its removal wished or offered.
    """
    if not _named_as_self(tokens, index):
        return None
    _, end = sentence_bounds(tokens, index)
    for position in range(index + 1, end):
        if tokens[position].lemma not in REMOVE_VERBS:
            continue
        # verb_tail stops before the benefactive: 外して | あげたい.
        after = [token.lemma for token in tokens[position + 1 : position + 1 + REMOVAL_WINDOW]]
        wished = [offset for offset, lemma in enumerate(after) if lemma in REMOVAL_WISHES]
        if "無い" in after or not wished:
            return None
        explanation = "自分という重荷を取り除きたいという思い"
        return signal(
            tokens, index, position + 2 + wished[-1], RiskKind.PASSIVE_IDEATION, explanation
        )
    return None


def _named_as_self(tokens: Tokens, index: int) -> bool:
    """Return whether the noun at index follows 私っていう or 自分という."""
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    return (
        len(before) == 3
        and before[0] in SELF_WORDS
        and before[1] in ("って", "と")
        and before[2] == "言う"
    )


METAPHOR_RULES: dict[str, Rule] = {
    lex.RESET: reset_rule,
    lex.FADE_OUT: fade_rule,
    lex.CURTAIN: curtain_rule,
    **{lemma: settle_rule for lemma in lex.SETTLE_NOUNS},
    lex.DEPARTURE: departure_rule,
    lex.EUTHANASIA: mercy_rule,
    **{lemma: burden_rule for lemma in BURDEN_NOUNS},
}
