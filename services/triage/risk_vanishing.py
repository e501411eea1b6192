"""Rules for wishes to stop existing, written without 死ぬ or 消える.

自分を消したい, 蒸発したい, なくなりたい, 存在ごと削除したい, この世から消去されればいい, 誰か私を
なかったことにして, 最初からいなかったことにしたい, お星さまになりたい, 土に還りたい,
人生からログアウトしたい, この世から抜けたい and 存在するのをやめたい. Each word is everyday on its
own (データを削除したい, さっきの発言はなかったことにしたい, 会社を抜けたい), so every rule needs
the sender as what ends (私を, 自分のこと, 存在ごと) or this world or life as the place left
(この世から, 人生から), and a wish in the same clause.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, own_wish, signal, wish_end
from services.triage.modality import nobody_cares
from services.triage.morphology import is_sentence_end, sentence_bounds
from services.triage.predicates import (
    NEGATIONS,
    Desire,
    Tail,
    denied,
    is_self,
    object_of,
    relief_end,
    subject_of,
    verb_tail,
)
from services.triage.signals import RiskKind, RiskSignal

# 地球上から自分の分だけ、そっと引き算してほしい: the sender and the world a few words back.
OBJECT_WINDOW = 7
SOURCE_WINDOW = 8
STOP_WINDOW = 4
# Words that may stand between the sender and the verb: 存在ごと, 私のこと, 自分の分だけ、そっと.
SELF_LINKS = frozenset(
    {"を", "ごと", "毎", "の", "こと", "分", "だけ", "、", "も", "なんか", "なんて"}
)
# Auxiliaries of a wish to be erased: 消されるべき.
PASSIVE = frozenset({"れる", "られる"})
MUST = "べし"
SELF_NOUNS = lex.SELF_OBJECTS | {"私", "自分"}
NEVER_WAS = ("無い", "た", "こと", "に")
GO_IN = "入る"
# 来世ガチャ, 来世リセマラ: the next life drawn like a game's lottery.
NEXT_LIFE = "来世"
DRAWS = frozenset({"ガチャ", "リセマラ"})
DRAW_VERBS = frozenset({"引く", "引き", "回す", "行く"})
# 自主退場: leaving of one's own accord.
OWN_ACCORD = "自主"
GO = "行く"
# 夫と同じ墓に入りたい, 死んだら実家の墓に入りたい, 墓に入りたいか海に撒いてほしいか: where to
# be buried one day.
BURIAL_CHOICES = frozenset(
    {"同じ", "一緒", "死ぬ", "実家", "先祖", "散骨", "撒く", "納骨", "樹木葬"}
)


def erase_rule(tokens: Tokens, index: int) -> Finding:
    """自分を消したい, 存在ごと消したい, 消しゴムで自分のこと消せたら, この世から垢消ししたい."""
    target = object_of(tokens, index)
    erased_self = (
        _self_before(tokens, index)
        or (target in lex.ACCOUNT_NOUNS and _world_source(tokens, index))
        or _real_self_after_account(tokens, index)
    )
    if not erased_self and target is None and _erased_must(tokens, verb_tail(tokens, index)):
        # 自分がこの世界のバグみたいに思える。さっさと修正されて消されるべき.
        erased_self = _self_subject_before(tokens, index)
    if not erased_self:
        return None
    position = index
    if index + 1 < len(tokens) and tokens[index + 1].lemma == lex.DO:
        # 垢消しする: the verb stem of a compound noun, then する.
        position = index + 1
    tail = verb_tail(tokens, position)
    end = wish_end(tokens, position, tail) or _erased_must(tokens, tail) or _planned(tokens, tail)
    if end is None:
        return None
    if _real_self_after_account(tokens, index):
        # own_wish would take 本体 for someone else's.
        return signal(
            tokens, index, end, RiskKind.PASSIVE_IDEATION, "自分の存在を消したいという願望"
        )
    return own_wish(tokens, index, end, "自分の存在を消したいという願望")


def _real_self_after_account(tokens: Tokens, index: int) -> bool:
    # 垢だけじゃなくて本体も消す: net slang calls the person behind an account 本体.
    if not any(token.lemma in lex.ACCOUNT_NOUNS for token in tokens[:index]):
        return False
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    return lex.REAL_SELF in before


def _planned(tokens: Tokens, tail: Tail) -> int | None:
    # 自分も消す予定, 自分を消すつもり: the erasing planned, not wished.
    if tail.negated or tail.lemmas or tail.end >= len(tokens):
        return None
    return tail.end + 1 if tokens[tail.end].lemma in lex.PLAN_NOUNS else None


def vaporize_rule(tokens: Tokens, index: int) -> Finding:
    """蒸発したい, 消滅したい: to vanish without a trace."""
    if index + 1 >= len(tokens) or tokens[index + 1].lemma not in (lex.DO, "出来る"):
        return None
    tail = verb_tail(tokens, index + 1)
    if tail.desire is Desire.WANT:
        return own_wish(tokens, index, tail.end, "蒸発したい、消えたいという願望")
    # 跡形もなく蒸発できたらいいのに.
    end = relief_end(tokens, index + 1, tail)
    if end is None:
        return None
    return own_wish(tokens, index, end, "蒸発したい、消えたいという願望")


def cease_rule(tokens: Tokens, index: int) -> Finding:
    """なくなりたい, なくなってしまいたい, 私ごと全部なくなればいいのに."""
    tail = verb_tail(tokens, index)
    if not is_self(subject_of(tokens, index)):
        return None
    if tail.desire is Desire.WANT:
        # A thing cannot want, so なくなりたい is said of oneself.
        if denied(tokens, tail):
            return None
        return own_wish(tokens, index, tail.end, "なくなりたい、存在をやめたいという願望")
    end = relief_end(tokens, index, tail)
    if end is not None and _self_named(tokens, index):
        return own_wish(tokens, index, end, "自分がなくなればいいという願い")
    end = nobody_cares(tokens, tail)
    if end is not None and _unnamed_thing(tokens, index):
        # おまけなんだから、なくなっても誰も困らないよね: the sender, called a thing.
        return own_wish(tokens, index, end, "自分がなくなっても誰も困らないという考え")
    return None


def _unnamed_thing(tokens: Tokens, index: int) -> bool:
    # なくなっても with no noun of its own in the clause; 財布がなくなっても is about a wallet.
    start, _ = sentence_bounds(tokens, index)
    position = index - 1
    while position >= start and tokens[position].pos_detail not in ("読点", "接続助詞"):
        if tokens[position].pos in ("名詞", "代名詞") and tokens[position].lemma not in SELF_NOUNS:
            return False
        position -= 1
    return True


def erase_self_rule(tokens: Tokens, index: int) -> Finding:
    """存在ごと削除したい, 私をシャットダウンしてほしい, この世から消去されればいい."""
    target = object_of(tokens, index)
    if target is not None and target not in lex.SELF_OBJECTS:
        # この世から差別を削除したい: something else is erased.
        return None
    if not (_self_before(tokens, index) or _world_source(tokens, index)):
        return None
    do = index + 1
    if do >= len(tokens) or tokens[do].lemma != lex.DO:
        return None
    tail = verb_tail(tokens, do)
    end = wish_end(tokens, do, tail) or _erased_must(tokens, tail)
    if end is None:
        return None
    return own_wish(tokens, index, end, "自分の存在を消したいという願望")


def become_nothing_rule(tokens: Tokens, index: int) -> Finding:
    """お星さまになりたい, 土に還りたい: becoming a star or earth, the words for dying."""
    position = index + 1
    if position < len(tokens) and tokens[position].pos == "接尾辞":
        position += 1
    if position + 1 >= len(tokens) or tokens[position].lemma != "に":
        return None
    if tokens[position + 1].lemma not in lex.BECOME_VERBS:
        return None
    if tokens[index].lemma == lex.STAR and not _honorific(tokens, index):
        # 一番星になりたい and スターになりたい are dreams; お星さま is a child's word for the dead.
        return None
    if tokens[index].lemma == lex.ANGEL and index > 0 and tokens[index - 1].lemma == "の":
        # 白衣の天使になりたい: a nurse, a dream of a job.
        return None
    tail = verb_tail(tokens, position + 1)
    if tail.desire is not Desire.WANT or denied(tokens, tail):
        return None
    return own_wish(tokens, index, tail.end, "星や土になりたいという婉曲な死の願望")


def grave_rule(tokens: Tokens, index: int) -> Finding:
    """早くお墓に入りたい, もう🪦行きたい: the grave as where the sender wants to be.

    お墓に行きたい is a visit, so going counts only without the honorific お. 夫と同じ墓に
    入りたくない and 死んだら海に撒いてほしい、墓に入りたくない are burial wishes.
    """
    position = index + 1
    if position < len(tokens) and tokens[position].lemma in ("に", "へ"):
        position += 1
    if position >= len(tokens) or tokens[position].lemma not in (GO_IN, GO):
        return None
    honorific = index > 0 and tokens[index - 1].lemma == "御"
    if tokens[position].lemma == GO and honorific:
        return None
    tail = verb_tail(tokens, position)
    if tail.desire is not Desire.WANT or denied(tokens, tail):
        return None
    start, end = sentence_bounds(tokens, index)
    if any(token.lemma in BURIAL_CHOICES for token in tokens[start:end]):
        return None
    return own_wish(tokens, index, tail.end, "墓に入りたい、行きたいという婉曲な死の願望")


def next_life_draw_rule(tokens: Tokens, index: int) -> Finding:
    """来世ガチャ引きに行ってくる: a new life drawn like a game's lottery, in net slang."""
    following = [token.lemma for token in tokens[index + 1 : index + 5]]
    if following[:1] != [] and following[0] not in DRAWS:
        return None
    if not following or not any(lemma in DRAW_VERBS for lemma in following[1:]):
        return None
    tail_start = index + 1 + next(i for i, lemma in enumerate(following) if lemma in DRAW_VERBS)
    tail = verb_tail(tokens, tail_start)
    if tail.negated or "た" in tail.lemmas:
        return None
    return own_wish(tokens, index, tail.end, "来世のガチャを引きに行く、生まれ変わりを望む言い回し")


def leave_life_rule(tokens: Tokens, index: int) -> Finding:
    """人生から降りたい, この世からおいとましたい, 人生ログアウトしたい."""
    if not _life_source(tokens, index):
        return None
    position = index
    if tokens[index].lemma in lex.LEAVE_NOUNS:
        position = index + 1
        if position >= len(tokens) or tokens[position].lemma != lex.DO:
            return None
    tail = verb_tail(tokens, position)
    end = wish_end(tokens, position, tail)
    own_accord = index > 0 and tokens[index - 1].lemma == OWN_ACCORD
    if end is None and own_accord and not tail.negated and "た" not in tail.lemmas:
        # 人生詰んだので自主退場します: leaving of one's own accord, announced.
        return own_wish(tokens, index - 1, tail.end, "人生から自分で退場するという予告")
    if end is None:
        return None
    return own_wish(tokens, index, end, "人生やこの世から降りたいという願望")


def stop_existing_rule(tokens: Tokens, index: int) -> Finding:
    """存在するのをやめたい, 存在したくない."""
    if index + 1 >= len(tokens) or tokens[index + 1].lemma != lex.DO:
        return None
    tail = verb_tail(tokens, index + 1)
    if tail.desire is Desire.NOT_WANT:
        return own_wish(tokens, index, tail.end, "存在したくないという願望")
    regret_end = _better_not(tokens, tail)
    if regret_end is not None and _own_existence(tokens, index):
        # 私なんて最初から存在しなきゃよかった, like 生まれてこなければよかった.
        return own_wish(tokens, index, regret_end, "存在しなければよかったという思い")
    lemmas = [token.lemma for token in tokens[tail.end : tail.end + STOP_WINDOW]]
    if lemmas[:1] != ["の"]:
        return None
    for offset, lemma in enumerate(lemmas[1:3], start=1):
        if lemma in lex.STOP_VERBS:
            stop_tail = verb_tail(tokens, tail.end + offset)
            if stop_tail.desire is not Desire.WANT:
                return None
            return own_wish(tokens, index, stop_tail.end, "存在するのをやめたいという願望")
    return None


def _own_existence(tokens: Tokens, index: int) -> bool:
    """Return whether 存在 is the sender's: 私なんて存在, not あんな会社、存在 or 法律が存在."""
    if not is_self(subject_of(tokens, index)):
        return False
    for token in reversed(tokens[max(0, index - 4) : index]):
        if is_sentence_end(token):
            return True
        if token.pos in ("名詞", "代名詞") and token.lemma not in lex.TIME_BEFORE_EXISTING:
            return is_self(token.lemma)
    return True


def _better_not(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of しなければよかった: a negation, then よかった, in the verb's tail."""
    lemmas = list(tail.lemmas)
    negations = [position for position, lemma in enumerate(lemmas) if lemma in NEGATIONS]
    if not negations or lemmas[-2:] != ["良い", "た"] or negations[0] > len(lemmas) - 3:
        return None
    return tail.end


def vanishing_findings(tokens: Tokens) -> list[RiskSignal]:
    """Return a signal for 最初からいなかったことにしたい or 私をなかったことにして.

    This reads a sequence of common words (なかったことにする), so it runs once per message
    instead of as a rule on 無い.
    """
    found = []
    width = len(NEVER_WAS)
    for index in range(len(tokens) - width):
        if tokens[index].lemma != NEVER_WAS[0]:
            continue
        if tuple(token.lemma for token in tokens[index : index + width]) != NEVER_WAS:
            continue
        finding = _never_was(tokens, index)
        if isinstance(finding, RiskSignal):
            found.append(finding)
    return found


def _never_was(tokens: Tokens, index: int) -> Finding:
    absent = index > 0 and tokens[index - 1].lemma == lex.BE
    if not (absent or _self_before(tokens, index)):
        return None
    do = index + len(NEVER_WAS)
    # 最初からいなかったことになればいい: 成る wishes the same as する.
    if do >= len(tokens) or tokens[do].lemma not in (lex.DO, "出来る", "成る"):
        return None
    tail = verb_tail(tokens, do)
    end = wish_end(tokens, do, tail) or _requested(tokens, tail)
    if end is None:
        return None
    start = index - 1 if absent else index
    return own_wish(tokens, start, end, "自分がいなかったことにしたいという願望")


def _self_before(tokens: Tokens, index: int) -> bool:
    """Return whether the sender is named as the object just before: 私を, 自分のこと, 存在ごと."""
    start, _ = sentence_bounds(tokens, index)
    for position in range(index - 1, max(start, index - OBJECT_WINDOW) - 1, -1):
        token = tokens[position]
        if token.lemma in lex.SELF_OBJECTS:
            return True
        if token.lemma not in SELF_LINKS and token.pos not in ("副詞", "補助記号"):
            return False
    return False


def _world_source(tokens: Tokens, index: int) -> bool:
    # この世から消去されればいい, 世界から抹消してくれればいい, 地球上から引き算してほしい.
    start, _ = sentence_bounds(tokens, index)
    lemmas = [token.lemma for token in tokens[max(start, index - SOURCE_WINDOW) : index]]
    for offset, lemma in enumerate(lemmas[:-1]):
        if lemma in lex.WORLD_SOURCES and "から" in lemmas[offset + 1 : offset + 3]:
            return True
    return False


def _life_source(tokens: Tokens, index: int) -> bool:
    """Return whether life or this world is what is left: 人生から降りたい, 人生ログアウト."""
    start, _ = sentence_bounds(tokens, index)
    window = [token.lemma for token in tokens[max(start, index - SOURCE_WINDOW) : index]]
    if any(lemma in lex.LIFE_SOURCES for lemma in window):
        return True
    # 人生詰んだ。もうログアウトしたい: logging out needs life named in the message.
    return tokens[index].lemma in lex.LEAVE_NOUNS and any(
        token.lemma in lex.LIFE_SOURCES for token in tokens
    )


def _self_subject_before(tokens: Tokens, index: int) -> bool:
    """Return whether this or the previous sentence has the sender as subject: 自分が…思える."""
    start, _ = sentence_bounds(tokens, index)
    if start > 0:
        start, _ = sentence_bounds(tokens, start - 1)
    for position in range(start, index - 1):
        if tokens[position].lemma in lex.SELF_OBJECTS and tokens[position + 1].lemma in (
            "が",
            "は",
        ):
            return True
    return False


def _self_named(tokens: Tokens, index: int) -> bool:
    start, _ = sentence_bounds(tokens, index)
    return any(token.lemma in lex.SELF_OBJECTS for token in tokens[start:index])


def _honorific(tokens: Tokens, index: int) -> bool:
    before = tokens[index - 1].lemma if index > 0 else None
    after = tokens[index + 1].lemma if index + 1 < len(tokens) else None
    return before == "御" or after == "様"


def _erased_must(tokens: Tokens, tail: Tail) -> int | None:
    # 消されるべき: a passive with べき says the sender ought to be erased.
    if PASSIVE & set(tail.lemmas) and tail.end < len(tokens) and tokens[tail.end].lemma == MUST:
        return tail.end + 1
    return None


def _requested(tokens: Tokens, tail: Tail) -> int | None:
    # 誰か私をなかったことにして: a request that ends the sentence with て.
    if tail.lemmas[-1:] in (("て",), ("で",)):
        return tail.end
    return None


VANISHING_RULES: dict[str, Rule] = {
    lex.ERASE: erase_rule,
    **{lemma: vaporize_rule for lemma in lex.VAPORIZE_NOUNS},
    **{lemma: cease_rule for lemma in lex.CEASE_VERBS},
    **{lemma: erase_self_rule for lemma in lex.ERASE_NOUNS},
    **{lemma: leave_life_rule for lemma in lex.LEAVE_VERBS | lex.LEAVE_NOUNS},
    **{lemma: become_nothing_rule for lemma in lex.NOTHING_NOUNS},
    **{lemma: grave_rule for lemma in lex.GRAVES},
    NEXT_LIFE: next_life_draw_rule,
    lex.EXISTENCE: stop_existing_rule,
}
