"""Rules for ending: 全部終わりにしたい, 人生を終わらせたい, and the sender's own ending.

終わらせる and 終わりにする take an object, and only a whole life counts (関係を終わりにしたい
does not). Intransitive 終わる is a wish about the sender only with a sign that the sender is
what ends: 私が終わればいいのに, 眠ったまま終わりたい, 父も私も一緒に終われたら, いつになったら
終われるの、この人生. 仕事が早く終わればいい and 今日はもう終わりたい are about a day's work.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, note, self_wish, signal
from services.triage.modality import decided, hoped, nobody_cares, permitted
from services.triage.morphology import Token, is_sentence_end, sentence_bounds
from services.triage.predicates import (
    Desire,
    Tail,
    is_potential,
    is_self,
    is_volitional,
    object_of,
    preferable,
    relief_end,
    subject_of,
    verb_tail,
)
from services.triage.signals import RiskKind

CUE_WINDOW = 4
QUOTE_MARKERS = frozenset({"」", "』", "と", "って"})
REQUESTS = frozenset({"呉れる", "欲しい"})


def end_rule(tokens: Tokens, index: int) -> Finding:
    """全部終わりにしたい, 人生を終わらせたい; 関係を終わりにしたい is not a risk."""
    if tokens[index].lemma == lex.END_NOUN:
        if index + 2 >= len(tokens) or tokens[index + 1].lemma != "に":
            return None
        tail = verb_tail(tokens, index + 2)
        wants = tail.desire is Desire.WANT or is_volitional(tokens, index + 2, tail)
        wants = wants or tokens[index + 2].lemma == "出来る"
    else:
        tail = verb_tail(tokens, index)
        if "せる" not in tail.lemmas:
            return _own_ending(tokens, index, tail)
        # 終わらせるって決めてる, 「次の外泊のときに終わらせる」とLINEが来た.
        wants = tail.desire is Desire.WANT or decided(tokens, tail) is not None
        wants = wants or (not tail.negated and _quoted_announcement(tokens, tail))
    target = _everything(tokens, index) or object_of(tokens, index, topic_markers=True)
    target = target or _comma_topic(tokens, index)
    if wants and _modifies_noun(tokens, tail.end):
        # 終わらせたい仕事が山ほどある: the wish describes the noun after it.
        return note(tokens, index, tail.end + 1, f"「{tokens[tail.end].surface}」を終わらせたい")
    if not wants:
        end = nobody_cares(tokens, tail) if tail.lemmas[-2:] == ("て", "も") else None
        if end is not None and target is None:
            # このあたりで終わりにしても、誰も責めはしない.
            return self_wish(tokens, index, end, "自分が終わっても誰も困らないという考え")
        # 今夜全部終わりにする: a plain statement of intent counts only with a whole-life object
        # or after despair (もう無理。終わりにする), because 「今日はこれで終わりにします」
        # closes a chat.
        intends = not tail.negated and "た" not in tail.lemmas
        if not intends:
            return None
        if target in lex.LIFE_OBJECTS:
            return signal(tokens, index, tail.end, RiskKind.IDEATION, "人生を終わらせるという予告")
        if target is None and _despairing(tokens) and not _scoped(tokens, index):
            explanation = "絶望の言葉に続く、終わりにするという予告"
            return signal(tokens, index, tail.end, RiskKind.IDEATION, explanation)
        return None
    if target is not None and target not in lex.LIFE_OBJECTS and not is_self(target):
        return note(tokens, index, tail.end, f"終わらせたい対象が「{target}」")
    return signal(tokens, index, tail.end, RiskKind.IDEATION, "人生を終わらせたいという願望")


def _own_ending(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """Judge intransitive 終わる as the sender's own ending: 眠ったまま終わりたい."""
    if tail.negated and "ば" not in tail.lemmas:
        return None
    subject = subject_of(tokens, index)
    target = object_of(tokens, index, topic_markers=True) or _comma_topic(tokens, index)
    if not (is_self(subject) or subject in lex.LIFE_OBJECTS):
        return None
    if target is not None and target not in lex.LIFE_OBJECTS and not is_self(target):
        return None
    if target in lex.LIFE_OBJECTS and not tail.negated and "た" not in tail.lemmas:
        # 飛んだら全部終わる, 死ねば全部終わるのに: everything ends with the sender.
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "人生を終わらせたいという願望")
    if _scoped(tokens, index):
        return None
    end = _ending_wish(tokens, index, tail)
    if end is None or not _sender_ends(tokens, index, subject):
        return None
    return self_wish(tokens, index, end, "自分が終わりたいという願い")


def _ending_wish(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return where a wish for 終わる ends: たい, 〜ればいい, 〜れたら, 〜てもいい, 〜てくれたら."""
    if tail.desire is Desire.WANT:
        return tail.end
    for finder in (relief_end, hoped, permitted):
        end = finder(tokens, index, tail)
        if end is not None:
            return end
    end = preferable(tokens, tail)
    if end is not None:
        return end
    if REQUESTS & set(tail.lemmas):
        # 寝てる間に全部終わっててくれないかな, 早く終わってほしい.
        return tail.end
    if is_potential(tokens[index]) and _life_named(tokens, index):
        # いつになったら終われるの、この人生.
        return tail.end
    return None


def _sender_ends(tokens: Tokens, index: int, subject: str | None) -> bool:
    """Return whether the sentence shows that the sender is what ends."""
    if subject is not None and (is_self(subject) or subject in lex.LIFE_OBJECTS):
        return True
    if _life_named(tokens, index):
        return True
    before = tokens[max(0, index - CUE_WINDOW) : index]
    if any(token.lemma in lex.OWN_ENDING_CUES for token in before):
        return True
    # もう終わりたい: nothing but もう in the clause.
    start = index
    while start > 0 and not _clause_break(tokens[start - 1]):
        start -= 1
    words = [token for token in tokens[start:index] if token.pos not in ("助詞", "補助記号")]
    return bool(words) and all(token.lemma in lex.BARE_ENDING_WORDS for token in words)


def _clause_break(token: Token) -> bool:
    return is_sentence_end(token) or token.pos_detail in ("読点", "接続助詞")


def _life_named(tokens: Tokens, index: int) -> bool:
    start, end = sentence_bounds(tokens, index)
    return any(token.lemma in lex.LIFE_NOUNS for token in tokens[start:end])


def _scoped(tokens: Tokens, index: int) -> bool:
    """Return whether the sentence limits the ending to a task or a day: 今日はここで終わりに."""
    start, end = sentence_bounds(tokens, index)
    return any(token.lemma in lex.ENDING_SCOPES for token in tokens[start:end])


def _despairing(tokens: Tokens) -> bool:
    return any(token.lemma in lex.DESPAIR_WORDS for token in tokens)


def _quoted_announcement(tokens: Tokens, tail: Tail) -> bool:
    """Return whether a plain 終わらせる closes a quote that was sent: 「…終わらせる」とLINE."""
    if tail.end >= len(tokens) or tokens[tail.end].surface not in QUOTE_MARKERS:
        return False
    window = [token.lemma for token in tokens[tail.end + 1 : tail.end + 4]]
    return any(lemma in lex.MESSAGE_NOUNS or lemma in lex.REPORT_VERBS for lemma in window)


def _everything(tokens: Tokens, index: int) -> str | None:
    # 何もかも終わりにしたい: Sudachi reads 何もかも as 何 + も + か + も.
    before = "".join(token.surface for token in tokens[max(0, index - 5) : index])
    return lex.LIFE_OBJECTS_EVERYTHING if before.endswith(("何もかも", "なにもかも")) else None


def _comma_topic(tokens: Tokens, index: int) -> str | None:
    """Return a noun that opens the sentence as its topic before a comma: この案件、もう終わりに."""
    start, _ = sentence_bounds(tokens, index)
    for position in range(start + 1, index):
        if tokens[position].pos_detail == "読点":
            previous = tokens[position - 1]
            return previous.lemma if previous.pos in ("名詞", "代名詞") else None
    return None


def _modifies_noun(tokens: Tokens, position: int) -> bool:
    if position >= len(tokens):
        return False
    token = tokens[position]
    if token.lemma in lex.LIFE_OBJECTS or token.lemma in ("気持ち", "本当"):
        return False
    return token.pos == "名詞"


ENDING_RULES: dict[str, Rule] = {
    lex.END_NOUN: end_rule,
    lex.END_VERB: end_rule,
}
