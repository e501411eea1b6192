"""Rules for ending: 全部終わりにしたい, 人生を終わらせたい, and the sender's own ending.

終わらせる and 終わりにする take an object, and only a whole life counts (関係を終わりにしたい
does not). Intransitive 終わる is a wish about the sender only with a sign that the sender is
what ends: 私が終わればいいのに, 眠ったまま終わりたい, 父も私も一緒に終われたら, いつになったら
終われるの、この人生. 仕事が早く終わればいい and 今日はもう終わりたい are about a day's work.
"""

import itertools

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, note, self_wish, signal
from services.triage.modality import decided, hoped, nobody_cares, permitted
from services.triage.morphology import Token, is_sentence_end, sentence_bounds
from services.triage.predicates import (
    BARE_TIME_NOUNS,
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

# 事故にでも遭って終われたら, そのまま誰にも見つからずに終わりたい: a cue a few words back.
CUE_WINDOW = 8
QUOTE_MARKERS = frozenset({"」", "』", "と", "って"})
REQUESTS = frozenset({"呉れる", "欲しい"})
# 人生終わってる, 人生終わっている: a state of the life, not its end.
STATE_AUXILIARIES = frozenset({"てる", "居る"})
# 人生終わるぞ: ぞ warns the listener.
WARNING = "ぞ"

# Tasks whose end 全部終わる may announce: 確定申告, 書類, 宿題, 卒論, 引っ越し.
TASKS = frozenset(
    {"書類", "申告", "確定申告", "宿題", "課題", "レポート", "卒論", "論文", "試験", "テスト",
     "作業", "工事", "引っ越し", "片付け", "手続き", "仕事", "残業", "納品", "締め切り"}
)  # fmt: skip
# 彼とはもう終わりにしたい: how far back the partner may stand.
PARTNER_WINDOW = 6


# 人間としての仕事も、もう終わりにしたい: at most this many morphemes before 終わり.
# その時間にはもう全部終わってる: a time named, by which everything is over.
BY_THEN_TIMES = frozenset({"時間", "頃", "時", "朝", "夜", "明日", "今夜", "週末", "日"})
FAREWELL_WORDS = frozenset({"今迄", "有り難う", "さようなら"})
AS_A_HUMAN_WINDOW = 9
AS_A = ["と", "為る", "て", "の"]


def _cleft_focus(tokens: Tokens, position: int) -> str | None:
    """Return the noun of 終わりにしたいのは、この同居です: what is to end, named after のは."""
    following = [token.lemma for token in tokens[position : position + 2]]
    if following != ["の", "は"]:
        return None
    _, end = sentence_bounds(tokens, position)
    nouns = [token for token in tokens[position + 2 : end] if token.pos in ("名詞", "代名詞")]
    return nouns[-1].lemma if nouns else None


def _partner_before(tokens: Tokens, index: int) -> str | None:
    """Return the person in 彼とは or 夫との before the verb, with no other verb between."""
    start, _ = sentence_bounds(tokens, index)
    for position in range(index - 1, max(start, index - PARTNER_WINDOW) - 1, -1):
        token = tokens[position]
        if token.pos == "動詞":
            return None
        if token.lemma != "と" or position == 0:
            continue
        following = tokens[position + 1 : position + 2]
        person = tokens[position - 1]
        if not following or following[0].lemma not in ("は", "も", "の"):
            continue
        if person.pos in ("名詞", "代名詞") and not is_self(person.lemma):
            return person.lemma
    return None


def end_rule(tokens: Tokens, index: int) -> Finding:
    """全部終わりにしたい, 人生を終わらせたい; 関係を終わりにしたい is not a risk."""
    if tokens[index].lemma == lex.END_NOUN:
        if index + 2 < len(tokens) and [t.lemma for t in tokens[index + 1 : index + 3]] == [
            "で",
            "良い",
        ]:
            return _end_is_enough(tokens, index)
        if index + 2 >= len(tokens) or tokens[index + 1].lemma != "に":
            return None
        verb = index + 2
        tail = verb_tail(tokens, verb)
        wants = tail.desire is Desire.WANT or is_volitional(tokens, verb, tail)
        wants = wants or tokens[verb].lemma == "出来る"
    else:
        verb = index
        tail = verb_tail(tokens, index)
        if "せる" not in tail.lemmas:
            return _own_ending(tokens, index, tail)
        wants = tail.desire is Desire.WANT
    wish_end = None if wants else _ending_hoped(tokens, verb, tail)
    if wish_end is not None:
        # 終わりにしてもいいかな, 終わりにさせてほしい, 自分を終わらせられたら楽なのに.
        wants = True
        tail = Tail(tail.lemmas, wish_end)
    # 終わらせるって決めてる, 「もう終わりにする」ってLINEが来た, その日に終わりにするって決めてる.
    announced = decided(tokens, tail) is not None
    announced = announced or (not tail.negated and _quoted_announcement(tokens, tail))
    target = _everything(tokens, index) or object_of(tokens, index, topic_markers=True)
    target = target or _comma_topic(tokens, index) or _trailing_topic(tokens, tail.end)
    target = target or _cleft_focus(tokens, tail.end)
    partner = _partner_before(tokens, index)
    if partner is not None and (target is None or target in lex.LIFE_OBJECTS):
        # 彼とはもう終わりにしたい, 夫との生活を終わりにしたい: a relationship ends, not a life.
        target = partner
    if target is not None and _as_a_human(tokens, index):
        # 人間としての仕事も、もう終わりにしたい: a role as a human being is life itself.
        target = lex.LIFE
    if target == lex.STORY and not _message_has(tokens, lex.MEDIA_WORDS):
        # 物語をここで終わらせたい: with no book or film named, the story is the sender's life.
        target = lex.LIFE
    if wants and _modifies_noun(tokens, tail.end):
        # 終わらせたい仕事が山ほどある: the wish describes the noun after it.
        return note(tokens, index, tail.end + 1, f"「{tokens[tail.end].surface}」を終わらせたい")
    if target is not None and target not in lex.LIFE_OBJECTS and not is_self(target):
        if wants or announced:
            return note(tokens, index, tail.end, f"終わらせたい対象が「{target}」")
        return None
    if wants:
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "人生を終わらせたいという願望")
    if announced:
        return signal(tokens, index, tail.end, RiskKind.PLAN, "人生を終わらせるという予告")
    end = nobody_cares(tokens, tail) if tail.lemmas[-2:] == ("て", "も") else None
    if end is not None and target is None:
        # このあたりで終わりにしても、誰も責めはしない.
        return self_wish(tokens, index, end, "自分が終わっても誰も困らないという考え")
    # 今夜全部終わりにする: a plain statement of intent counts only with a whole-life object,
    # after despair (もう無理。終わりにする), with a means (終わりにする方法) or at a dangerous
    # place (次の快速が来たら終わりにする), because 「今日はこれで終わりにします」 closes a chat.
    intends = not tail.negated and "た" not in tail.lemmas
    if not intends:
        return None
    if target in lex.LIFE_OBJECTS:
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "人生を終わらせるという予告")
    if _scoped(tokens, index):
        return note(tokens, index, tail.end, "仕事や会話など、その日の区切りとしての「終わり」")
    following = tokens[tail.end : tail.end + 1]
    if following and following[0].lemma in lex.DEATH_PLAN_NOUNS:
        explanation = "終わりにする方法や日への言及"
        return signal(tokens, index, tail.end + 1, RiskKind.PLAN, explanation)
    if _despairing(tokens) or _message_has(tokens, lex.DANGER_PLACES):
        explanation = "絶望の言葉や危険な場所に続く、終わりにするという予告"
        return signal(tokens, index, tail.end, RiskKind.IDEATION, explanation)
    return None


def _end_is_enough(tokens: Tokens, index: int) -> Finding:
    """もう終わりでいい after despair or 〜くらいなら: resigned to the end of one's life.

    今日はもう終わりでいいよ and この話はもう終わりでいい end a day or a topic.
    """
    if index == 0 or tokens[index - 1].lemma != "もう":
        return None
    tail = verb_tail(tokens, index + 2)
    if tail.negated or _scoped(tokens, index):
        return None
    target = object_of(tokens, index - 1, topic_markers=True) or _comma_topic(tokens, index)
    if target is not None and target not in lex.LIFE_OBJECTS and not is_self(target):
        return None
    start, _ = sentence_bounds(tokens, index)
    before = tokens[start:index]
    rather_than = any(
        token.lemma in ("くらい", "ぐらい") and following.surface == "なら"
        for token, following in itertools.pairwise(before)
    )
    if not (rather_than or _despairing(tokens)):
        return None
    return signal(tokens, index - 1, tail.end, RiskKind.IDEATION, "もう終わりでいいという思い")


def _ending_hoped(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return the end of a hope, request or permission for the ending, or None.

    Examples: 終わらせられたら楽なのに, 終わりにさせてほしい, 終わりにしてもいいかなって.
    """
    for finder in (relief_end, hoped):
        end = finder(tokens, index, tail)
        if end is not None:
            return end
    if REQUESTS & set(tail.lemmas) and not tail.negated:
        return tail.end
    return _permission_asked(tokens, tail)


def _permission_asked(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of 〜ていいかな or 〜てもいいよね after the verb, or None."""
    if tail.lemmas[-2:] not in (("て", "良い"), ("で", "良い")) and tail.lemmas[-3:] not in (
        ("て", "も", "良い"),
        ("で", "も", "良い"),
    ):
        return None
    following = [token.lemma for token in tokens[tail.end : tail.end + 2]]
    if following[:1] and following[0] in ("か", "かな", "よ", "よね"):
        return tail.end + 1
    if following[:1] and following[0] in ("と", "って") and following[1:2] == ["思う"]:
        return tail.end + 2
    return None


def _own_ending(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """Judge intransitive 終わる as the sender's own ending: 眠ったまま終わりたい."""
    if tail.negated and "ば" not in tail.lemmas and not _asked_for(tokens, tail):
        return None
    subject = subject_of(tokens, index)
    target = object_of(tokens, index, topic_markers=True) or _comma_topic(tokens, index)
    if not (is_self(subject) or subject in lex.LIFE_OBJECTS):
        return None
    if target is not None and target not in lex.LIFE_OBJECTS and not is_self(target):
        return None
    if target in lex.LIFE_OBJECTS and not tail.negated and "た" not in tail.lemmas:
        if _life_judged(tokens, tail) and _by_then(tokens, index):
            # 明日の夜10時に届く。その時間にはもう全部終わってる: over by a named time.
            explanation = "その時にはもう全部終わっているという予告"
            return signal(tokens, index, tail.end, RiskKind.PLAN, explanation)
        if _life_judged(tokens, tail):
            return note(tokens, index, tail.end, "人生がだめだという誇張や、他人からの脅し文句")
        if target in lex.EVERYTHING and _task_named_after(tokens, index):
            # もうすぐ全部終わる! 長かった確定申告と農協の書類、あと一枚.
            return note(tokens, index, tail.end, "書類や課題などの作業が終わるという話")
        # 飛んだら全部終わる, 死ねば全部終わるのに: everything ends with the sender.
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "人生を終わらせたいという願望")
    if _scoped(tokens, index):
        return None
    end = _ending_wish(tokens, index, tail)
    if end is None or not _sender_ends(tokens, index, subject):
        return None
    return self_wish(tokens, index, end, "自分が終わりたいという願い")


def _task_named_after(tokens: Tokens, index: int) -> bool:
    """Return whether the sentence or the next names a task that ends (書類, 宿題, 卒論)."""
    _, end = sentence_bounds(tokens, index)
    if end < len(tokens) - 1:
        _, end = sentence_bounds(tokens, end + 1)
    return any(token.lemma in TASKS for token in tokens[index:end])


def _life_judged(tokens: Tokens, tail: Tail) -> bool:
    """Return whether 人生終わる judges a life instead of ending it.

    人生終わってる is a state (my life is a mess), and 人生終わるぞ warns someone else, as in
    担任に「このままじゃ人生終わるぞ」って脅された.
    """
    if STATE_AUXILIARIES & set(tail.lemmas):
        return True
    following = tokens[tail.end] if tail.end < len(tokens) else None
    return following is not None and following.lemma == WARNING


def _by_then(tokens: Tokens, index: int) -> bool:
    """Return whether the sentence opens with a time, then には: その時間には, 明日の朝には."""
    start, _ = sentence_bounds(tokens, index)
    lemmas = [token.lemma for token in tokens[start:index]]
    dated = any(
        lemmas[position] in BY_THEN_TIMES and lemmas[position + 1 : position + 3] == ["に", "は"]
        for position in range(len(lemmas) - 2)
    )
    # 夜には全部終わってるから飲みに行こう is a day's work; もう or a thanks makes it final.
    final = "もう" in lemmas or any(token.lemma in FAREWELL_WORDS for token in tokens)
    return dated and final


def _asked_for(tokens: Tokens, tail: Tail) -> bool:
    """Return whether a negated くれる asks for it: 寝てる間に全部終わっててくれないかな."""
    if "呉れる" not in tail.lemmas:
        return False
    following = tokens[tail.end : tail.end + 1]
    return bool(following) and following[0].lemma in ("か", "かな")


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
        return tail.end + 1 if _asked_for(tokens, tail) else tail.end
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
    start, _ = sentence_bounds(tokens, index)
    before = tokens[max(start, index - CUE_WINDOW) : index]
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
    # なんでこんな生きてるんだべ。もう終わりにする: living named in the message counts too.
    words = lex.DESPAIR_WORDS | lex.LIFE_WORDS
    return any(token.lemma in words for token in tokens)


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
            if previous.lemma in BARE_TIME_NOUNS:
                # 最近、壁に「もう終わりにする」と: a time is no topic that ends.
                return None
            return previous.lemma if previous.pos in ("名詞", "代名詞") else None
    return None


def _trailing_topic(tokens: Tokens, position: int) -> str | None:
    """Return a noun after a comma that ends the sentence: もう終わりにしたい、この関係."""
    if position >= len(tokens) or tokens[position].pos_detail != "読点":
        return None
    _, end = sentence_bounds(tokens, position)
    # この不毛な片思い: demonstratives and adjectives before the noun modify it.
    words = [
        token
        for token in tokens[position + 1 : end]
        if token.pos not in ("連体詞", "形状詞", "形容詞") and token.lemma != "だ"
    ]
    nouns = [token for token in words if token.pos in ("名詞", "代名詞")]
    if not nouns or len(words) > len(nouns) + 1:
        return None
    return nouns[-1].lemma


def _message_has(tokens: Tokens, words: frozenset[str]) -> bool:
    return any(token.lemma in words for token in tokens)


def _modifies_noun(tokens: Tokens, position: int) -> bool:
    if position >= len(tokens):
        return False
    token = tokens[position]
    if token.lemma in lex.LIFE_OBJECTS or token.lemma in ("気持ち", "本当"):
        return False
    return token.pos == "名詞"


def _as_a_human(tokens: Tokens, index: int) -> bool:
    """Return whether 人間としての or 人としての names the object shortly before the verb."""
    start, _ = sentence_bounds(tokens, index)
    lemmas = [token.lemma for token in tokens[max(start, index - AS_A_HUMAN_WINDOW) : index]]
    return any(
        lemmas[position] in ("人間", "人") and lemmas[position + 1 : position + 5] == AS_A
        for position in range(len(lemmas) - 4)
    )


ENDING_RULES: dict[str, Rule] = {
    lex.END_NOUN: end_rule,
    lex.END_VERB: end_rule,
}
