"""Modality after a verb of dying or disappearing, beyond desire and negation.

predicates.py reads the auxiliaries glued to a verb (死に・たく・ない). The patterns here read
the words after them, which carry the stance toward the act just as clearly:

- only way: 死ぬしかない, 死んでお詫びするしかない, 死ぬ以外に方法がない;
- decision: 死ぬことにした, 消えると決めた;
- obligation: 早く消えなきゃ, 死ななければならない;
- spite: 死んでやる;
- nobody would care: 私が死んでも誰も困らない, いなくなっても誰も気づかない;
- hope: このまま消えられたら…, いっそいなくなれたらと思う, 終われたらって考える;
- permission: もう死んでもいいかな, そろそろ消えてもいいかなと思う.
"""

from services.triage.morphology import Token, is_sentence_end
from services.triage.predicates import NEGATIONS, Tail, is_contrast, is_potential

Tokens = tuple[Token, ...]
ONLY_WAY_WINDOW = 6
# 死ぬ以外に解決する方法が思いつかない: the negation may come several words after 以外.
EXCEPT_WINDOW = 9
# 私がいなくなっても、たぶん1か月はだれも気づかない: the nobody may come a clause later.
NOBODY_WINDOW = 12
ONLY = "しか"
EXCEPT = "以外"
WHO = "誰"
SAME = "同じ"
BEST = "一番"
CAN = "出来る"
# 消えられるかなって期待してる: a hope for the potential.
HOPING = frozenset({"期待", "願う", "祈る"})
AT_WORST = "いっそ"
DECISION_VERBS = frozenset({"決める", "決心", "決意"})
DO_VERBS = frozenset({"為る", "決める"})
SPITE = "遣る"
# After 〜なければ or 〜なきゃ these complete an obligation: 消えなければならない, 消えなきゃだめ.
OBLIGATION_ENDS = frozenset({"成る", "いける", "駄目", "行く"})
# A condition that is itself the wish: 消えられたらと思う, いなくなれたら…
HOPE_VERBS = frozenset({"思う", "考える", "願う", "祈る"})
# Auxiliaries that turn a condition into a hope: potential (られる, なれる) and benefactive
# (〜てくれたら).
HOPE_AUXILIARIES = frozenset({"られる", "れる", "なれる", "呉れる"})
CONDITIONAL_ENDS = frozenset({"たら", "だら", "ば"})
# Words after 〜てもいい that make it an exaggeration or a plan for others:
# 死んでもいいから食べたい, 死んでもいいくらい幸せ, いつ死んでもいいように準備.
PERMISSION_BREAKS = frozenset({"から", "くらい", "ぐらい", "ほど", "程", "よう", "様", "訳"})
# Conjunctions that start a new clause; a pattern after them belongs to another verb.
# いつ終わってもいい: resigned to any time.
ANYTIME = "いつ"
# 手続きが全部片づいたら、もう消えてもいい: a condition of settled affairs is a plan to go,
# unlike 推しに会えたら死んでもいい, which exaggerates a joy.
SETTLED_VERBS = frozenset(
    {"片付く", "片付ける", "済む", "済ませる", "見取る", "看取る", "見送る", "見届ける"}
)
CLAUSE_BREAKS = frozenset({"から", "ので", "のに", "ば", "たら", "けれど", "が"})


def only_way(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of 〜しかない or 〜以外に…ない after the verb, or None.

    A conditional verb (死んだら悲しむ人がいるから頑張るしかない) is not the only way, and
    neither is a concession (死んでも頼みたくない相手しかいない, 死んでもやるしかない).
    """
    if _concessive(tokens, tail):
        return None
    if "ば" in tail.lemmas or any(tokens[p].surface in ("たら", "だら") for p in _span(tail)):
        return None
    if tail.end < len(tokens) and tokens[tail.end].lemma == "まで":
        # 死ぬまで働くしかない: until death, not death as the only way.
        return None
    window_end = min(len(tokens), tail.end + ONLY_WAY_WINDOW)
    for position in range(tail.end, window_end):
        token = tokens[position]
        if _ends_clause(token):
            return None
        if token.lemma == ONLY:
            following = tokens[position + 1 : position + 3]
            negation = next((t for t in following if t.lemma in NEGATIONS), None)
            return position + 1 + following.index(negation) + 1 if negation else None
        if token.lemma == EXCEPT:
            return _negation_end(tokens, position + 1)
    return None


def _concessive(tokens: Tokens, tail: Tail) -> bool:
    """Return whether ても or でも follows the verb: 死んでも, 消えても."""
    te = next((p for p in _span(tail) if tokens[p].surface in ("て", "で")), None)
    return te is not None and te + 1 < len(tokens) and tokens[te + 1].surface == "も"


def decided(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of 〜ことにした or 〜と決めた after the verb, or None."""
    following = [token.lemma for token in tokens[tail.end : tail.end + 6]]
    if following[:2] == ["こと", "に"] and following[2:3] and following[2] in DO_VERBS:
        end = tail.end + 3
    elif following[:1] in (["と"], ["って"]) and following[1:2] and following[1] in DECISION_VERBS:
        end = tail.end + 2
    elif following[:1] in (["と"], ["って"]) and following[1:3] == ["自分", "で"]:
        # 受験落ちたら死ぬって自分で決めてる.
        if following[3:4] and following[3] in DECISION_VERBS:
            end = tail.end + 4
        else:
            return None
    else:
        return None
    if end < len(tokens) and tokens[end].lemma in NEGATIONS:
        return None
    return end


def obliged(tokens: Tokens, index: int, tail: Tail) -> bool:
    """Return whether the verb is in the obligation form: 消えなきゃ, 死ななければならない.

    Sudachi may split the condition (なけれ + ば), and the written ねば counts too:
    死なねばならない.
    """
    tail_tokens = tokens[index + 1 : tail.end]
    condition = next(
        (
            position
            for position, token in enumerate(tail_tokens)
            if token.surface.endswith(("きゃ", "ければ", "けりゃ"))
            or (
                token.lemma in ("無い", "ず")
                and token.conjugation.startswith("仮定形")
                and position + 1 < len(tail_tokens)
                and tail_tokens[position + 1].lemma == "ば"
            )
        ),
        None,
    )
    if condition is None:
        return False
    if any(token.lemma in OBLIGATION_ENDS for token in tail_tokens[condition + 1 :]):
        # 死ななければならないって気がする: the tail already contains the obligation.
        return not _made_noun(tokens, tail.end)
    following = tokens[tail.end : tail.end + 2]
    if not following or is_sentence_end(following[0]):
        return True
    # 死ななきゃ治らない (an idiom) and 消えなきゃよかった (a regret) are not obligations.
    if following[0].lemma not in OBLIGATION_ENDS:
        return False
    return not _made_noun(tokens, tail.end + 1)


def _made_noun(tokens: Tokens, position: int) -> bool:
    """Return whether the obligation becomes a noun about something else after `position`.

    消えなきゃいけないのは汚れ: the one who must go is the dirt.
    """
    after = [token.lemma for token in tokens[position : position + 3]]
    return after[1:3] == ["の", "は"] or after[:2] == ["の", "は"]


def spiteful(tokens: Tokens, tail: Tail) -> bool:
    """Return whether the spiteful やる of 死んでやる follows the verb, and is not denied."""
    if not tail.lemmas or tail.lemmas[-1] not in ("て", "で"):
        return False
    if tail.end >= len(tokens) or tokens[tail.end].lemma != SPITE:
        return False
    after = [token.lemma for token in tokens[tail.end + 1 : tail.end + 3]]
    # 死んでやるもんか and 死んでやらない refuse the act.
    return not (set(after) & NEGATIONS or after[:1] == ["もん"])


def nobody_cares(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of 〜ても誰も…ない after the verb (死んでも誰も困らない), or None."""
    if tail.lemmas[-2:] not in (("て", "も"), ("で", "も")):
        return None
    window_end = min(len(tokens), tail.end + NOBODY_WINDOW)
    saw_who = False
    for position in range(tail.end, window_end):
        token = tokens[position]
        if is_sentence_end(token) or is_contrast(token):
            return None
        saw_who = saw_who or token.lemma == WHO
        if saw_who and token.lemma in NEGATIONS:
            return position + 1
    return None


def no_difference(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of 〜ても同じ after the verb (いなくなっても同じだよね), or None."""
    if tail.lemmas[-2:] not in (("て", "も"), ("で", "も")):
        return None
    following = tokens[tail.end : tail.end + 2]
    if following and following[0].lemma == SAME:
        return tail.end + 1
    return None


def desperate(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return the end of a condition or comparison after いっそ, or None.

    いっそ marks the act as the desperate way out: いっそ私がいなくなれば, いっそ死んだほうが.
    """
    start = index
    while start > 0 and not is_sentence_end(tokens[start - 1]):
        start -= 1
    if not any(token.lemma == AT_WORST for token in tokens[start:index]):
        return None
    surfaces = [token.surface for token in tokens[index + 1 : tail.end]]
    if "ば" in tail.lemmas or any(surface in ("たら", "だら") for surface in surfaces):
        return tail.end
    if tail.end < len(tokens) and tokens[tail.end].lemma == "方":
        return tail.end + 1
    return None


def best_way(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of 〜のが一番 after the verb, or None.

    Example: 誰にも知られないまま消えるのが、一番きれいな終わり方.
    """
    following = [token.lemma for token in tokens[tail.end : tail.end + 4] if token.lemma != "、"]
    if following[:2] != ["の", "が"] or following[2:3] != [BEST]:
        return None
    position = tail.end
    while tokens[position].lemma != BEST:
        position += 1
    return position + 1


def hoped(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return the end of a condition said as a hope, or None.

    The condition must be potential or benefactive (消えられたら, 終われたら, 止まってくれたら)
    and end the sentence or lead into a thought (〜たらと思う, 〜たらって考える). A plain
    condition (死んだらと思うと不安) is a worry, not a hope.
    """
    surfaces = [token.surface for token in tokens[index + 1 : tail.end]]
    if not surfaces or (surfaces[-1] not in CONDITIONAL_ENDS and not surfaces[-1].endswith("ば")):
        return None
    # Before ば an e-row ending is the plain conditional (死ねば?), not the potential.
    plain_condition = surfaces[-1] == "ば" and len(surfaces) == 1
    # できたら is the potential of する: フェードアウトできたら.
    can = tokens[index].lemma == CAN
    potential = (
        can
        or (is_potential(tokens[index]) and not plain_condition)
        or any(
            token.lemma in HOPE_AUXILIARIES or is_potential(token)
            for token in tokens[index + 1 : tail.end - 1]
        )
    )
    if not potential:
        return None
    after = tokens[tail.end : tail.end + 3]
    if after and after[0].pos_detail == "終助詞" and (len(after) == 1 or is_sentence_end(after[1])):
        # いなくなれたらなぁ…
        return tail.end + 1
    if (
        after
        and after[0].pos_detail == "終助詞"
        and after[1:2]
        and after[1].lemma in ("って", "と")
    ):
        # この世からフェードアウトできたらなって考えてる.
        return tail.end + 1
    if not after or is_sentence_end(after[0]):
        return tail.end
    if after[0].lemma in ("と", "って") and after[1:2] and after[1].lemma in HOPE_VERBS:
        # 消えられたらと思うと怖い is a condition again.
        if after[2:3] and after[2].lemma == "と":
            return None
        return tail.end + 2
    if after[0].lemma == "と" and after[1:2] and after[1].lemma == "か":
        # 静かに凍えて終われたらとか考えてる.
        return tail.end + 2
    return None


def hoped_question(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return the end of 消えられるかなって期待してる: the potential, wondered about with hope."""
    potential = {"られる", "れる"} & set(tail.lemmas) or is_potential(tokens[index])
    if not potential or tail.negated or "た" in tail.lemmas:
        return None
    after = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    if after[:1] not in (["か"], ["かな"]):
        return None
    rest = after[1:]
    if rest[:1] == ["な"]:
        rest = rest[1:]
    if rest[:1] in (["って"], ["と"]) and rest[1:2] and rest[1] in HOPING:
        return tail.end + len(after) - len(rest) + 2
    return None


def permitted(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return the end of 〜てもいい said of the verb (もう死んでもいいかな), or None."""
    if tail.lemmas[-3:] not in (("て", "も", "良い"), ("で", "も", "良い")):
        return None
    following = tokens[tail.end : tail.end + 2]
    if any(token.lemma in PERMISSION_BREAKS for token in following):
        return None
    start = index
    while start > 0 and not is_sentence_end(tokens[start - 1]):
        start -= 1
    # 推しに会えたら死んでもいい: a condition before the verb makes it an exaggeration, but
    # 母を看取ったら、あとはいつ終わってもいい is resigned to any time.
    anytime = any(token.lemma == ANYTIME for token in tokens[max(start, index - 2) : index])
    settled = any(token.lemma in SETTLED_VERBS for token in tokens[start:index])
    conditions = ("たら", "だら", "ば", "なら")
    if not (anytime or settled) and any(
        tokens[p].surface in conditions for p in range(start, index)
    ):
        return None
    return tail.end


def _span(tail: Tail) -> range:
    return range(tail.end - len(tail.lemmas), tail.end)


def _ends_clause(token: Token) -> bool:
    if is_sentence_end(token):
        return True
    return token.pos_detail == "接続助詞" and token.lemma in CLAUSE_BREAKS


def _negation_end(tokens: Tokens, start: int) -> int | None:
    for position in range(start, min(len(tokens), start + EXCEPT_WINDOW)):
        token = tokens[position]
        if _ends_clause(token):
            return None
        if token.lemma in NEGATIONS:
            return position + 1
    return None
