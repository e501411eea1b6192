"""Everyday uses of risk words, returned as notes when no rule found a risk.

A note ([緊急ではない]) tells the counselor why a word was set aside, and it makes the learned
model need more certainty before it flags the message (see classifier.labels_added). So each
note here names a use that is clearly not the sender's risk:

- 死ぬ of someone or something else, or in a figure: ばっちゃ死んで三年, ゲームのキャラが死にまくる,
  脚立から落ちて死ぬとこだった, 本気で死ぬって思った, 死んだも同然, 死ぬまで働く, 筋肉痛で死んでる;
- a quoted 死ぬ told with laughter or a cause: 「テスト爆死したわ、もう死ぬ」って笑いながら;
- 消える wished on someone else: あの上司、消えてくれないかな;
- living as a question of purpose (何のために生きてるんだろう), as a will to go on
  (俺は生きてくよ), as getting by on money (800円で生きてる) or as gladness
  (生きててよかったって思える日がある);
- お迎えが来るまでは畑を続けたい: a life planned up to its natural end.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Tokens, note, signal
from services.triage.morphology import sentence_bounds
from services.triage.predicates import Tail, after_nara, is_self, subject_of
from services.triage.signals import RiskKind

NEAR_MISS = frozenset({"所", "とこ", "ところ"})
SAME_AS = "同然"
UNTIL = "まで"
PURPOSE = "為"
WHAT = "何"
LAUGHTER = frozenset({"笑う", "笑い", "w", "ww", "笑"})
OPENING_QUOTES = frozenset({"「", "『"})
CLOSING_QUOTES = frozenset({"」", "』"})
QUOTE_SCAN = 8
# 胃カメラで本気で死ぬって思った, 肺炎で死ぬんじゃないかと思った: fear in a past moment.
FEAR_SEQUENCES = (("って", "思う", "た"), ("と", "思う", "た"))
MONEY_UNIT = "円"
# 生きててよかった: glad to be alive, unless a negation or a doubt follows in the sentence.
GLAD = ("良い", "た")
NEGATIONS = frozenset({"無い", "ない", "ず", "ぬ", "ん"})
DOUBT = frozenset({"か", "かな", "かしら", "分かる"})
COPULAS = frozenset({"です", "だ"})
AFTER_DEATH = frozenset({"後", "あと"})
# Words for anyone at all: 本人が死んだら (the account holder), 一人もんが死んだら.
GENERIC_PEOPLE = frozenset({"本人", "もん", "者", "一人者", "人"})
# うらやましい, 羨む: a death envied, even a character's.
DEATH_ENVIED = "他人の死をうらやむ気持ち"
ENVY = frozenset({"羨ましい", "羨む", "うらやましい"})
TOPIC_PARTICLES = frozenset({"って", "は"})
TIRED = "疲れる"
# Things whose 死ぬ is no one's death: スマホが死んだ, キャラが死にまくる.
THINGS = lex.NOT_PEOPLE


def die_note(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """Return a note for 死ぬ used of others or as a figure, or None."""
    following = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    if following[:1] and following[0] in NEAR_MISS and "た" in following[1:3]:
        return note(tokens, index, tail.end + 1, "「死ぬところだった」という体験")
    if tail.lemmas[-2:] == ("た", "も") and following[:1] == [SAME_AS]:
        return note(tokens, index, tail.end + 1, "「死んだも同然」というたとえ")
    if "てる" in tail.lemmas and _everyday_cause(tokens, index):
        # 明日筋肉痛で死んでるわ: worn out by something ordinary.
        return note(tokens, index, tail.end, "疲れや痛みを誇張した言い回し")
    if not tail.lemmas and _tired_into(tokens, index):
        # もう疲れてもう死ぬ: worn out, and dying as its measure.
        return note(tokens, index, tail.end, "疲れや痛みを誇張した言い回し")
    if following[:1] == [UNTIL] and not tail.lemmas:
        return note(tokens, index, tail.end + 1, "「死ぬまで」という期間の言い回し")
    if _feared(following, tail):
        return note(tokens, index, tail.end, "死ぬかと思ったという体験")
    subject = subject_of(tokens, index)
    if (
        subject is not None
        and subject not in lex.OTHER_PEOPLE
        and _topic_of_later_verb(tokens, index, following)
    ):
        # アカウントって死んだあと消せる?: the account is what 消せる is about, and the
        # sender is the one who dies.
        subject = None
    if (
        subject in GENERIC_PEOPLE
        and tokens[index + 1 : index + 2]
        and (tokens[index + 1].surface in ("たら", "だら"))
    ):
        # 本人が死んだら, 一人もんが死んだら: anyone's death as a condition, the sender's too.
        subject = None
    envied = _envied(tokens, tail.end)
    if envied is not None:
        # ドラマで主人公が死ぬ場面、「いいな」って思ってしまった: another's death envied.
        return signal(tokens, index, envied, RiskKind.PASSIVE_IDEATION, DEATH_ENVIED)
    if subject in THINGS or (subject is not None and not is_self(subject) and _past(tail)):
        return note(tokens, index, tail.end, f"「{subject}」の死についての話")
    if _laughed_quote(tokens, index, tail.end) and not after_nara(tokens, index):
        # 「別れるなら死ぬから笑」 stays a threat used as leverage, laughed or not.
        return note(tokens, index, tail.end, "笑いや理由を添えた誇張の引用")
    return None


def _tired_into(tokens: Tokens, index: int) -> bool:
    """Return whether 疲れて (もう) leads straight into a plain 死ぬ in one clause."""
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    if before[-1:] == ["もう"]:
        before = before[:-1]
    return before[-2:] == [TIRED, "て"]


def _envied(tokens: Tokens, end: int) -> int | None:
    """Return the end of 「いいな」って思った or うらやましい after a death, in its sentence."""
    _, sentence_end = sentence_bounds(tokens, max(0, end - 1))
    for position in range(end, sentence_end):
        token = tokens[position]
        if token.lemma in ENVY:
            return position + 1
        if (
            token.lemma == "良い"
            and tokens[position + 1 : position + 2]
            and (tokens[position + 1].lemma in ("な", "なあ"))
        ):
            following = [t.lemma for t in tokens[position + 2 : position + 6]]
            if "思う" in following:
                return position + 2
    return None


def _topic_of_later_verb(tokens: Tokens, index: int, following: list[str]) -> bool:
    """Return whether a topic marked by って or は comes right before 死んだあと.

    In アカウントって死んだあと消せる? the account is the topic of 消せる, and 死んだ has the
    sender as its unnamed subject.
    """
    if not following or following[0] not in AFTER_DEATH:
        return False
    for position in range(index - 1, max(0, index - 3), -1):
        if tokens[position].lemma in TOPIC_PARTICLES:
            return True
    return False


def vanish_note(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """Return a note for 消えてくれないかな said of someone else: あの上司、消えてくれないかな."""
    if "呉れる" not in tail.lemmas:
        return None
    other = _named_other(tokens, index)
    if other is None:
        return None
    return note(tokens, index, tail.end, f"「{other}」に消えてほしいという怒り")


def live_note(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """Return a note for 何のために生きてる, 俺は生きてくよ or 800円で生きてる, or None."""
    before = [token.lemma for token in tokens[max(0, index - 4) : index]]
    if before[-4:-1] == [WHAT, "の", PURPOSE] or before[-3:] == [WHAT, "の", PURPOSE]:
        return note(tokens, index, tail.end, "何のために生きるのかという生きがいの問い")
    if MONEY_UNIT in before:
        return note(tokens, index, tail.end, "お金のやりくりの話")
    if _glad_to_be_alive(tokens, tail):
        return note(tokens, index, tail.end, "生きていてよかったという肯定")
    return None


def _glad_to_be_alive(tokens: Tokens, tail: Tail) -> bool:
    """Return whether 生きてて ends in よかった, neither denied nor doubted after it.

    生きててよかったって思える日がある is glad; 生きててよかったと思えることがない and
    生きててよかったのかな are not. The verb's tail contains て, 良い and た.
    """
    lemmas = tail.lemmas
    while lemmas[-1:] and lemmas[-1] in COPULAS:
        # 生きていてよかったです.
        lemmas = lemmas[:-1]
    if lemmas[-len(GLAD) :] != GLAD or "て" not in lemmas:
        return False
    _, end = sentence_bounds(tokens, max(0, tail.end - 1))
    rest = {token.lemma for token in tokens[tail.end : end]}
    return not rest & (NEGATIONS | DOUBT)


def fetch_note(tokens: Tokens, index: int, end: int) -> Finding:
    """Return a note for お迎えが来るまでは畑を続けたい: a life planned to its natural end."""
    following = [token.lemma for token in tokens[end : end + 2]]
    if following[:1] == [UNTIL]:
        return note(tokens, index, end + 1, "お迎えが来るまで続けたいという、先の人生の話")
    return None


def _feared(following: list[str], tail: Tail) -> bool:
    # 本気で死ぬって思った, 死ぬんじゃないかと思いました.
    if tail.lemmas:
        return False
    lemmas = [lemma for lemma in following if lemma != "ます"]
    if tuple(lemmas[:3]) in FEAR_SEQUENCES:
        return True
    return lemmas[:4] == ["の", "だ", "無い", "か"]


def _everyday_cause(tokens: Tokens, index: int) -> bool:
    if index < 2 or tokens[index - 1].surface != "で":
        return False
    cause = tokens[index - 2]
    return cause.pos == "名詞" and cause.lemma not in lex.MEANS_WORDS


def _past(tail: Tail) -> bool:
    return "た" in tail.lemmas or tail.lemmas[-1:] in (("て",), ("で",))


def _named_other(tokens: Tokens, index: int) -> str | None:
    """Return someone else named before the verb: あの上司、, 上司が, あいつ."""
    subject = subject_of(tokens, index)
    if subject in lex.OTHER_PEOPLE or subject in lex.OTHER_PRONOUNS:
        return subject
    start, _ = sentence_bounds(tokens, index)
    for token in tokens[start:index]:
        if token.lemma in lex.OTHER_PEOPLE or token.lemma in lex.OTHER_PRONOUNS:
            return token.surface
    return None


def _laughed_quote(tokens: Tokens, index: int, end: int) -> bool:
    """Return whether 死ぬ closes a quote reported with laughter: 「…もう死ぬ」って笑いながら."""
    opening = any(t.surface in OPENING_QUOTES for t in tokens[max(0, index - QUOTE_SCAN) : index])
    following = tokens[end : end + QUOTE_SCAN]
    closing = any(token.surface in CLOSING_QUOTES for token in following[:3])
    if not (opening and closing):
        return False
    before = tokens[max(0, index - 3) : index]
    # 「課題多すぎて死ぬ〜」: a cause with て.
    excess = any(token.lemma == "過ぎる" for token in before)
    cause = excess and bool(before) and before[-1].surface in ("て", "で")
    return cause or any(token.lemma in LAUGHTER for token in following)
