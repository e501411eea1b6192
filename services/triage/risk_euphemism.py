"""Rules for euphemisms of dying: going to the other world, being fetched, not waking cold.

People who avoid the word 死ぬ say 早くお迎えが来てほしい, あの世に行きたい, 天国へ行けたら楽,
明日の朝冷たくなってたらいいのに, 事故にでも遭えばいい, 自分の存在を消したい or 蒸発したい.
Each of these words is harmless alone (保育園のお迎え, 天国みたいな温泉), so every rule needs a
wish in the same clause and checks that the wish is the sender's.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, note, sentence_lemmas, signal
from services.triage.morphology import is_sentence_end, sentence_bounds
from services.triage.predicates import (
    NEGATIONS,
    Desire,
    Tail,
    is_self,
    is_volitional,
    object_of,
    quoted_at_sender,
    relief_end,
    subject_of,
    verb_tail,
)
from services.triage.signals import RiskKind

PLACE_TO_VERB = 4
FETCH_TO_VERB = 3
ERASE_OBJECT_WINDOW = 4
PASSIVE_AUXILIARIES = frozenset({"れる", "られる"})


def afterlife_rule(tokens: Tokens, index: int) -> Finding:
    """あの世に行きたい, 天国へ行けたら楽, 早くあっちに行って主人に会いたい."""
    if index + 1 >= len(tokens) or tokens[index + 1].lemma not in lex.PLACE_PARTICLES:
        return None
    lemma = tokens[index].lemma
    if lemma in lex.KIN_PLACES and not _of_kin(tokens, index):
        return None
    if lemma in lex.WEAK_AFTERLIFE_PLACES or lemma in lex.KIN_PLACES:
        if not _eager_or_bereaved(tokens, index, kin_place=lemma in lex.KIN_PLACES):
            return None
    for position in range(index + 1, min(len(tokens), index + 1 + PLACE_TO_VERB)):
        if tokens[position].lemma in lex.GO_VERBS or tokens[position].lemma in lex.CROSS_VERBS:
            tail = verb_tail(tokens, position)
            end = _wish_end(tokens, position, tail)
            if end is None:
                return None
            start = index - 2 if lemma in lex.KIN_PLACES and index >= 2 else index
            explanation = "あの世へ行きたいという婉曲な死の願望"
            return _own_wish(tokens, start, end, explanation)
        if is_sentence_end(tokens[position]):
            return None
    return None


def fetch_rule(tokens: Tokens, index: int) -> Finding:
    """早くお迎えが来てほしい, お迎えが来ないかな, お迎えを待っている."""
    start, end, _ = sentence_lemmas(tokens, index)
    if any(token.lemma in lex.PICKUP_CONTEXT for token in tokens[start:end]):
        return note(tokens, index, index + 1, "送り迎えの「お迎え」")
    for position in range(index + 1, min(end, index + 1 + FETCH_TO_VERB)):
        lemma = tokens[position].lemma
        if lemma not in (lex.COME, lex.WAIT):
            continue
        tail = verb_tail(tokens, position)
        if lemma == lex.WAIT and not tail.negated:
            wish_end: int | None = tail.end
        else:
            wish_end = _wish_end(tokens, position, tail) or _wondering_end(tokens, tail)
        if wish_end is None:
            return None
        explanation = "お迎えを待つ、死を望む婉曲表現"
        return signal(tokens, index, wish_end, RiskKind.PASSIVE_IDEATION, explanation)
    return None


def cold_rule(tokens: Tokens, index: int) -> Finding:
    """明日の朝冷たくなってたらいいのに: found dead in bed, said as a wish."""
    if index + 1 >= len(tokens) or tokens[index + 1].lemma != "成る":
        return None
    tail = verb_tail(tokens, index + 1)
    end = tail.end if tail.desire is Desire.WANT else relief_end(tokens, index + 1, tail)
    if end is None:
        return None
    return _own_wish(tokens, index, end, "冷たくなっていたいという婉曲な死の願望")


def run_over_rule(tokens: Tokens, index: int) -> Finding:
    """車に轢かれたい, 事故にでも遭えばいいのに: a wish to be killed by an accident."""
    tail = verb_tail(tokens, index)
    if tokens[index].lemma == lex.RUN_OVER:
        if not PASSIVE_AUXILIARIES & set(tail.lemmas):
            return None
        _, _, lemmas = sentence_lemmas(tokens, index)
        if not lemmas & lex.VEHICLES:
            return None
    elif not _accident_before(tokens, index):
        return None
    wish_end = _wish_end(tokens, index, tail)
    if wish_end is None:
        return None
    return _own_wish(tokens, index, wish_end, "事故で死ねたらという願い")


def erase_rule(tokens: Tokens, index: int) -> Finding:
    """自分を消したい, 存在ごと消したい: erasing oneself."""
    before = tokens[max(0, index - ERASE_OBJECT_WINDOW) : index]
    target = object_of(tokens, index) or next(
        (token.lemma for token in reversed(before) if token.lemma in lex.SELF_OBJECTS), None
    )
    if target not in lex.SELF_OBJECTS:
        return None
    tail = verb_tail(tokens, index)
    wish_end = _wish_end(tokens, index, tail)
    if wish_end is None:
        return None
    return _own_wish(tokens, index, wish_end, "自分の存在を消したいという願望")


def vaporize_rule(tokens: Tokens, index: int) -> Finding:
    """蒸発したい: to vanish without a trace."""
    if index + 1 >= len(tokens) or tokens[index + 1].lemma != lex.DO:
        return None
    tail = verb_tail(tokens, index + 1)
    if tail.desire is not Desire.WANT:
        return None
    return _own_wish(tokens, index, tail.end, "蒸発したい、消えたいという願望")


def _wish_end(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return where a wish for the verb ends: たい, volition, 〜ばいい, or a later たい.

    A later たい counts only through a て-chain in the same clause: 行って主人に会いたい.
    """
    if tail.desire is Desire.WANT:
        return tail.end
    if tail.desire is Desire.NOT_WANT or (tail.negated and "ば" not in tail.lemmas):
        return None
    if is_volitional(tokens, index, tail):
        return tail.end
    if any(lemma in lex.REQUEST_WORDS for lemma in tail.lemmas):
        return tail.end
    end = relief_end(tokens, index, tail)
    if end is not None:
        return end
    if tail.lemmas[-1:] in (("て",), ("で",)):
        return _later_desire(tokens, tail.end)
    return None


def _later_desire(tokens: Tokens, start: int) -> int | None:
    _, end = sentence_bounds(tokens, start)
    for position in range(start, end):
        if tokens[position].lemma == "たい":
            following = tokens[position + 1 : position + 2]
            if following and following[0].lemma in NEGATIONS:
                return None
            return position + 1
    return None


def _wondering_end(tokens: Tokens, tail: Tail) -> int | None:
    # お迎えが来ないかな: a negated question wishes that it would come.
    following = [token.lemma for token in tokens[tail.end : tail.end + 1]]
    if tail.negated and following == ["か"]:
        return tail.end + 1
    return None


def _own_wish(tokens: Tokens, start: int, end: int, explanation: str) -> Finding:
    """Return the signal unless the wish belongs to a thing or was said to the sender.

    A wish reported of another person (母が「あの世に行きたい」と言う) stays a signal, and
    risk.py names that person.
    """
    subject = subject_of(tokens, start)
    if not is_self(subject) and subject not in lex.OTHER_PEOPLE:
        return note(tokens, start, end, f"対象が自分ではなく「{subject}」")
    if quoted_at_sender(tokens, end):
        return note(tokens, start, end, "他人から言われた言葉の引用")
    return signal(tokens, start, end, RiskKind.PASSIVE_IDEATION, explanation)


def _eager_or_bereaved(tokens: Tokens, index: int, kin_place: bool) -> bool:
    """Return whether あっち or 主人のところ means the other world here.

    あっち needs an eager word before it in the sentence (早く, もう, そろそろ) or a death in the
    message; 主人のところ always needs a death in the message.
    """
    death_words = lex.BEREAVEMENT_WORDS | lex.AFTERLIFE_PLACES
    if any(token.lemma in death_words for token in tokens):
        # 天国のお母さんのところに行きたい: the mother is in heaven.
        return True
    if kin_place:
        return False
    start, _ = sentence_bounds(tokens, index)
    return any(token.lemma in lex.EAGER_WORDS for token in tokens[start:index])


def _of_kin(tokens: Tokens, index: int) -> bool:
    # 主人のところ, 母のもと: a place named by a person.
    if index < 2 or tokens[index - 1].lemma != "の":
        return False
    return tokens[index - 2].lemma in lex.OTHER_PEOPLE


def _accident_before(tokens: Tokens, index: int) -> bool:
    window = tokens[max(0, index - 4) : index]
    return any(token.lemma == "事故" for token in window)


EUPHEMISM_RULES: dict[str, Rule] = {
    **{
        lemma: afterlife_rule
        for lemma in lex.AFTERLIFE_PLACES | lex.WEAK_AFTERLIFE_PLACES | lex.KIN_PLACES
    },
    lex.FETCH: fetch_rule,
    lex.COLD: cold_rule,
    lex.RUN_OVER: run_over_rule,
    lex.MEET: run_over_rule,
    lex.ERASE: erase_rule,
    lex.VAPORIZE: vaporize_rule,
}
