"""Rules for the verbs of dying and disappearing: 死ぬ, 消える, いなくなる and their kin.

Each rule looks at one verb and its tail (see predicates.py) and at the modality after it
(see modality.py). It returns a RiskSignal when the verb expresses the wish, a RiskNote when
it is a known harmless use, or None. risk_life.py covers 生きる, 生まれる, waking and ending.
"""

import itertools

from services.triage import risk_lexicon as lex
from services.triage.findings import (
    Finding,
    Rule,
    Tokens,
    note,
    self_wish,
    signal,
    wish_end,
    wish_or_denial,
)
from services.triage.modality import (
    best_way,
    decided,
    desperate,
    hoped,
    hoped_question,
    no_difference,
    nobody_cares,
    obliged,
    only_way,
    permitted,
    spiteful,
)
from services.triage.morphology import is_sentence_end, message_lemmas, sentence_bounds
from services.triage.predicates import (
    BURDEN,
    SELF_WORDS,
    Desire,
    Tail,
    after_nara,
    denied,
    is_self,
    is_volitional,
    preferable,
    progressive_tail,
    quoted_at_sender,
    relief_end,
    subject_of,
    thinking_about,
    verb_tail,
)
from services.triage.risk_everyday import die_note, vanish_note
from services.triage.risk_life import worth_denied
from services.triage.signals import RiskKind

# Name of each verb family in reasons.
VERB_NAMES = {lex.DIE: "死ぬ", lex.VANISH: "消える", lex.BE: "いなくなる"}
# The same verbs in the て form, for reasons such as 死んでもいいという考え.
TE_FORMS = {lex.DIE: "死んで", lex.VANISH: "消えて", lex.BE: "いなくなって"}
ONLINE_WINDOW = 3
# 「お前のせいで死ぬ」って、手首の写真つきでDMが来た: the channel may come late.
REPORT_WINDOW = 12
# Final particles that may close a quoted threat: 『もう死ぬね』, 「死ぬわ」. か is left out,
# because 死ぬかと思った is a figure of speech.
# Losses after which a bare 死ぬ is no exaggeration: 別れた。死ぬ, 会社クビになった。死ぬ.
LOSS_EVENTS = frozenset({"別れる", "解雇", "離婚", "失恋", "倒産", "破産", "失う", "亡くす"})
LEFT_VERBS = frozenset({"振る", "捨てる", "裏切る"})
NECK = "首"
PLAN_NOUNS = frozenset({"積もり", "予定", "覚悟"})
HERE = "此処"
NEXT_TIMES = frozenset({"来月", "来週", "来春", "来年"})
# 週末は旅行でいなくなる予定: a trip, a stay away or a holiday.
AWAY_WORDS = frozenset({"旅行", "出張", "留守", "帰省", "休み", "休暇", "入院", "合宿", "研修"})
FINAL_PARTICLES = frozenset({"ね", "よ", "わ", "さ", "な", "ぞ"})
LAUGHTER = frozenset({"笑う", "笑い", "w", "ww"})
WARNING_PARTICLE = "ぞ"
OBEY = "従う"
QUOTE_TAIL = 6
# 入院とかではないです, 引っ越しじゃない: a harmless cause of absence, denied.
ABSENCE_CAUSES = lex.MOVING_WORDS | frozenset({"入院", "旅行", "手術", "出張", "帰省"})
CAUSE_DENIAL_WINDOW = 5
NEAR_TIMES = frozenset({"明日", "明後日", "来週", "来月", "今夜", "今晩", "週末"})
OPENING_QUOTES = frozenset({"「", "『"})
CLOSING_QUOTES = frozenset({"」", "』"})

# この町から消える, 地元から消える: a place one leaves, which this life is not.
PLACES_LEFT = frozenset({"町", "街", "村", "地元", "会社", "職場", "学校", "実家", "田舎", "県"})
# Places known in Japan as sites of suicide, which no trip to them makes harmless.
# NOTE: a short list. A proper noun not in it reads as a trip (〜に消える予定 stays calm).
KNOWN_SUICIDE_SITES = ("東尋坊", "青木ヶ原", "青木ケ原", "華厳", "三段壁")


def die_rule(tokens: Tokens, index: int) -> Finding:
    tail = verb_tail(tokens, index)
    desire = tail.desire
    if desire is Desire.WANT:
        return wish_or_denial(tokens, index, tail, RiskKind.IDEATION, "死にたいという願望")
    if desire is Desire.NOT_WANT:
        if denied(tokens, tail):
            return signal(tokens, index, tail.end, RiskKind.IDEATION, "「死にたくない」の否定")
        return note(tokens, index, tail.end, "死にたくないという否定形")
    if obliged(tokens, index, tail):
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "死ななければという思い")
    if tail.negated:
        return None
    if is_volitional(tokens, index, tail):
        return wish_or_denial(tokens, index, tail, RiskKind.IDEATION, "死のうという意思")
    if not tail.lemmas and _imperative(tokens, index):
        return _insult_or_context(tokens, index, tail)
    if not tail.lemmas and _reported_threat(tokens, index, tail.end):
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "「死ぬ」という予告の報告")
    if not tail.lemmas and _threat_with_reason(tokens, index, tail):
        # 「別れるなら死ぬから笑」: a threat used as leverage, with a reason's から.
        return signal(
            tokens, index - 1, tail.end + 1, RiskKind.IDEATION, "条件をつけて死ぬという脅し"
        )
    if _announced(tokens, index, tail) and _too_much_before(tokens, index):
        # 仕事終わらなすぎて死ぬ: dying as the measure of a workload.
        return note(tokens, index, tail.end, "「〜すぎて死ぬ」という誇張")
    if _announced(tokens, index, tail):
        return signal(tokens, index, tail.end, RiskKind.PLAN, "死ぬという予告")
    if _asked_to_be_let_die(tokens, tail):
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "死なせてほしいという願望")
    end = _dying_for(tokens, tail)
    if end is not None:
        return self_wish(tokens, index, end, "死んで償いたいという考え")
    if _inverted_wish(tokens, index, tail):
        return signal(
            tokens, index, tail.end, RiskKind.IDEATION, "「楽になりたい、死んで」という倒置"
        )
    return _die_context(tokens, index, tail)


def _announced(tokens: Tokens, index: int, tail: Tail) -> bool:
    """Return whether plain 死ぬ ends a sentence as an announcement: 今夜死ぬ, 俺もう死ぬわ.

    Every other word in the sentence must be a time, もう, the sender or a conjunction
    (じゃあ死ぬ), because 暑くて死ぬ and 疲れてもう死ぬ exaggerate. The polite 死にます may
    stand alone, and a condition with なら before it is a threat (別れるなら死ぬ,
    あの家に戻るくらいなら死ぬ).
    """
    polite = tail.lemmas == ("ます",)
    if tail.lemmas and not polite:
        return False
    after = tokens[tail.end : tail.end + 2]
    closing = [
        token for token in after if not (token.pos == "助詞" and token.pos_detail == "終助詞")
    ]
    if closing and not (is_sentence_end(closing[0]) or closing[0].surface in CLOSING_QUOTES):
        return False
    if after_nara(tokens, index):
        # 別れるなら死ぬ: a threat used as leverage, which counts as urgent.
        return True
    start, _ = sentence_bounds(tokens, index)
    start = max(start, _quote_start(tokens, start, index))
    before = [
        token
        for token in tokens[start:index]
        if token.pos not in ("補助記号", "助詞", "接続詞", "感動詞")
    ]
    # もう死ぬ死ぬ、ほんとに死ぬ: the verb said again is part of the announcement.
    allowed = lex.ANNOUNCE_WORDS | SELF_WORDS | {lex.DIE}
    lemmas = {token.lemma for token in before}
    if lemmas & lex.PREPARATION_NOUNS and lemmas <= allowed | READY_WORDS:
        # 準備できた、死にます: the preparations are done.
        return True
    if not before:
        if polite or any(token.pos == "接続詞" for token in tokens[start:index]):
            return True
        return _after_a_loss(tokens, start)
    return all(token.lemma in allowed for token in before)


def _after_a_loss(tokens: Tokens, start: int) -> bool:
    """Return whether the sentence before a bare 死ぬ reports a loss: 別れた。死ぬ.

    After 暑い。 or テスト終わった。 a bare 死ぬ exaggerates, so the loss must be named.
    """
    if start == 0:
        return False
    previous_start, _ = sentence_bounds(tokens, start - 1)
    lemmas = [token.lemma for token in tokens[previous_start:start]]
    if any(lemma in LOSS_EVENTS for lemma in lemmas):
        return True
    for position, lemma in enumerate(lemmas):
        # クビになった is fired, but 首が痛い is the neck.
        if lemma == NECK and lemmas[position + 1 : position + 3] == ["に", "成る"]:
            return True
    # 振られた, 捨てられた: the passive of leaving.
    return any(
        lemma in LEFT_VERBS and lemmas[position + 1 : position + 2] in (["れる"], ["られる"])
        for position, lemma in enumerate(lemmas)
    )


def _quote_start(tokens: Tokens, start: int, index: int) -> int:
    # 「じゃあ死ぬ」ってベランダに: only the quote is the announcement.
    for position in range(index - 1, start - 1, -1):
        if tokens[position].surface in OPENING_QUOTES:
            return position + 1
    return start


def _asked_to_be_let_die(tokens: Tokens, tail: Tail) -> bool:
    """Return whether 死なせて ends a sentence or a quote: もう死なせて, 「死なせて」と泣く."""
    if tail.lemmas != ("せる", "て"):
        return False
    if tail.end >= len(tokens):
        return True
    following = tokens[tail.end]
    return (
        is_sentence_end(following)
        or following.surface in CLOSING_QUOTES
        or (following.lemma in ("と", "って"))
    )


def _dying_for(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of 死んでお詫びしたい or 死んで償いたい, or None."""
    if tail.lemmas not in (("て",), ("で",)):
        return None
    following = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    if not any(lemma in lex.ATONEMENT_WORDS for lemma in following):
        return None
    for position in range(tail.end, min(len(tokens), tail.end + 5)):
        if tokens[position].lemma == "たい":
            return position + 1
    return None


def _inverted_wish(tokens: Tokens, index: int, tail: Tail) -> bool:
    """Return whether 死んで closes a sentence after a wish: 早く楽になりたい、死んで."""
    if tail.lemmas not in (("て",), ("で",)):
        return False
    if tail.end < len(tokens) and not is_sentence_end(tokens[tail.end]):
        return False
    start, _ = sentence_bounds(tokens, index)
    before = tokens[start:index]
    wished = any(token.lemma == "たい" for token in before)
    return wished and bool(before) and before[-1].pos_detail == "読点"


def _imperative(tokens: Tokens, index: int) -> bool:
    token = tokens[index]
    return token.surface in ("死ね", "しね") or token.conjugation.startswith("命令形")


def _reported_threat(tokens: Tokens, index: int, position: int) -> bool:
    """Whether a quote closes here and is reported as sent: 「もう死ぬ」ってLINEが来た.

    A final particle may stand before the quote ends (『もう死ぬね、ばいばい』って送ってきた).
    A cause with て (「課題多すぎて死ぬ〜」) or a condition with たら (「炭水化物食べたら死ぬ」)
    before 死ぬ exaggerates, and a quote about the word itself (死ぬという意味) reports nothing.
    """
    warned = False
    if position < len(tokens) and tokens[position].lemma == "から":
        # 『もうすぐいなくなるから』って: a reason given with the announcement.
        position += 1
    while position < len(tokens) and tokens[position].lemma in FINAL_PARTICLES:
        warned = warned or tokens[position].lemma == WARNING_PARTICLE
        position += 1
    if position < len(tokens) and tokens[position].pos_detail == "読点":
        closing = _closing_quote(tokens, position)
        following = tokens[position + 1 : position + 2]
        if closing == position and following and following[0].lemma in ("と", "って"):
            # 迷惑かける前に死ぬ、と言い張っています: a comma before the quoting particle.
            closing = position + 1
        position = closing
    _, sentence_end = sentence_bounds(tokens, max(0, position - 1))
    window_end = min(position + REPORT_WINDOW, max(sentence_end, position + 1))
    window = [token.lemma for token in tokens[position:window_end]]
    if not window or window[0] not in lex.QUOTE_MARKERS:
        return False
    if _exaggerated_threat(tokens, index, window):
        return False
    if warned and _conditioned(tokens, index):
        # 「雪の中で寝たら死ぬぞ」って言われた: a warning on a condition.
        return False
    if any(lemma in lex.WORD_NOUNS for lemma in window[1:3]):
        return False
    if window[1:3] == ["言う", "人"]:
        # 「死ぬ死ぬと言う人ほど長生きする」: a saying about people in general.
        return False
    if window[1:4] == ["言う", "の", "は"]:
        # 消えるっていうのは、連絡先を消すという意味です: the word is being explained.
        return False
    if any(pair == ("言う", "ながら") for pair in itertools.pairwise(window)):
        # 「もう無理、死ぬ」って毎晩言いながら寝かしつけ: a habit of venting while doing something.
        return False
    if quoted_at_sender(tokens, position) or _said_to_sender(window):
        # 「お前なんかいなくなれ」って言われた: words said to the sender.
        return False
    return any(lemma in lex.MESSAGE_NOUNS or lemma in lex.REPORT_VERBS for lemma in window[1:])


def _said_to_sender(window: list[str]) -> bool:
    # 〜って、子どものころじいちゃんによく言われた: 言う in the passive later in the sentence.
    for position, lemma in enumerate(window[:-1]):
        if lemma == "言う" and window[position + 1] in ("れる", "られる"):
            return True
    return False


def _conditioned(tokens: Tokens, index: int) -> bool:
    start = _quote_start(tokens, max(0, index - QUOTE_TAIL), index)
    return any(token.surface in ("たら", "だら", "ば") for token in tokens[start:index])


def _exaggerated_threat(tokens: Tokens, index: int, window: list[str]) -> bool:
    """Return whether the quoted 死ぬ is an exaggeration or a warning, not a threat.

    「課題多すぎて死ぬ〜」 and 「眠くて死ぬ」 give a cause, 「控えないと死ぬぞ」 warns, and a
    report told with laughter (「…もう死ぬ」って笑いながら, 〜とか言ってる笑) jokes.
    """
    if index >= 2 and tokens[index - 1].surface in ("て", "で"):
        cause = tokens[index - 2]
        if cause.lemma == "過ぎる" or cause.pos == "形容詞":
            return True
    start = _quote_start(tokens, max(0, index - QUOTE_TAIL), index)
    conditions = (
        position
        for position in range(max(start, 1), index)
        if tokens[position].lemma == "と"
        and tokens[position - 1].pos in ("動詞", "助動詞", "形容詞")
    )
    if next(conditions, None) is not None:
        # 「控えないと死ぬぞ」, 「このままだと受験で死ぬぞ」: a warning on a condition.
        return True
    hedged = any(window[i : i + 2] == ["と", "か"] for i in range(min(3, len(window) - 1)))
    return any(lemma in LAUGHTER for lemma in window) or hedged


def _closing_quote(tokens: Tokens, position: int) -> int:
    for offset in range(position, min(len(tokens), position + QUOTE_TAIL)):
        if tokens[offset].surface in CLOSING_QUOTES:
            return offset
    return position


def _insult_or_context(tokens: Tokens, index: int, tail: Tail) -> Finding:
    # Bare 死ね is an order to someone else, usually an insult the sender received.
    if tokens[index + 1 : index + 2] and tokens[index + 1].lemma == "ば":
        return _die_context(tokens, index, tail)
    end = _complying(tokens)
    if end is not None:
        # 声が『死ね』って言ってくる。自分でもそうしようかなって: the order may be obeyed.
        explanation = "「死ね」という声や言葉に従いそうだという訴え"
        return signal(tokens, index, index + 1, RiskKind.IDEATION, explanation)
    if _voice_heard(tokens):
        # 頭の中で『死ね』って声がする: a voice that orders death is a warning sign even
        # before the sender writes that they may obey it.
        explanation = "「死ね」と命じる声が聞こえるという訴え"
        return signal(tokens, index, index + 1, RiskKind.IDEATION, explanation)
    if _aimed_at_self(tokens, index):
        # 4ね4ねって自分に言うのが口ぐせ: the order is aimed at the sender.
        explanation = "自分に「死ね」と言い聞かせている"
        return signal(tokens, index, index + 1, RiskKind.IDEATION, explanation)
    return note(tokens, index, index + 1, "他人に向けた暴言としての「死ね」")


def _aimed_at_self(tokens: Tokens, index: int) -> bool:
    """Return whether 死ね is addressed to the sender: 4ね4ねって自分に言う."""
    following = [token.lemma for token in tokens[index + 1 : index + 8]]
    for offset, lemma in enumerate(following):
        addressed = following[offset + 1 : offset + 3] in (["に", "言う"], ["に", "向ける"])
        # 自分に言われてるみたい: in the passive, someone else is the speaker.
        passive = following[offset + 3 : offset + 4] in (["れる"], ["られる"])
        if lemma in SELF_WORDS and addressed and not passive:
            return True
    return False


def _voice_heard(tokens: Tokens) -> bool:
    """Return whether the message reports a voice heard, not a person's words.

    幻聴, 『死ね』って声がする, 声が聞こえる and 声が『死ね』って言う count; 上司の『死ね』って声が
    耳に残ってる and 大きな声で言われた do not.
    """
    for position, token in enumerate(tokens):
        if token.lemma == HALLUCINATION:
            return True
        if token.lemma != VOICE:
            continue
        following = [t.lemma for t in tokens[position + 1 : position + 1 + VOICE_WINDOW]]
        if following[:1] == ["が"]:
            following = following[1:]
            if "言う" in following:
                return True
        if following[:1] and following[0] in VOICE_HEARD:
            return True
    return False


# どうやって死ぬか, どこで死ぬか: the way or the place asked, before 調べる or 考える.
METHOD_QUESTIONS = frozenset({"どう", "どこ", "何処", "如何"})
READY_WORDS = lex.PREPARATION_NOUNS | lex.FINISH_VERBS | {"た", "全部", "もう"}
PAINS = lex.DESPAIR_WORDS | {"苦しい", "寂しい", "悲しい", "痛い", "怖い"}
VOICE = "声"
HALLUCINATION = "幻聴"
# 声がする, 声が聞こえる: a voice heard; 声すんの drops the particle.
VOICE_HEARD = frozenset({"為る", "聞こえる"})
VOICE_WINDOW = 6


def _complying(tokens: Tokens) -> int | None:
    """Return where the message says it may obey the order: 従ってしまいそう, そうしようかな."""
    for position, token in enumerate(tokens):
        tail = verb_tail(tokens, position) if token.pos == "動詞" else None
        if tail is None or tail.negated:
            continue
        if token.lemma == OBEY:
            return tail.end
        before = tokens[position - 1].lemma if position > 0 else None
        if token.lemma == lex.DO and before == "そう" and is_volitional(tokens, position, tail):
            return tail.end
    return None


def _die_context(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """Judge 死ぬ without desire or volition by the words that follow it."""
    following = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    skip = 0
    if (
        following[:1] in (["」"], ["』"])
        and following[1:2]
        and following[1] in lex.DEATH_PLAN_NOUNS
    ):
        # 「一緒に死ぬ」約束: the quoted words name the plan.
        following = following[1:]
        skip = 1
    first = following[0] if following else None
    if first in lex.DEATH_FIGURATIVE_NEXT or following[:2] == ["か", "と"]:
        return note(tokens, index, tail.end + 1, "強調や誇張の言い回し")
    if first in lex.DEATH_PLAN_NOUNS:
        if denied(tokens, tail):
            # 死ぬつもりはない; 死ぬ勇気もない stays a signal, because 勇気 is not a plan noun
            # that can be denied.
            return note(tokens, index, tail.end + 1, "続く文で否定されている")
        end = tail.end + 1 + skip
        return signal(tokens, index, end, RiskKind.PLAN, "死ぬ方法や覚悟への言及")
    preferred_end = preferable(tokens, tail)
    if preferred_end is not None:
        return self_wish(tokens, index, preferred_end, "死んだ方がいいという考え")
    if first == "方" and tokens[index + 1 : index + 2] and tokens[index + 1].pos == "接尾辞":
        return signal(tokens, index, tail.end + 1, RiskKind.PLAN, "死に方への言及")
    if first == "か" and _method_searched(tokens, index, following):
        explanation = "死に方を調べたり考えたりしている"
        return signal(tokens, index, tail.end + 1, RiskKind.PLAN, explanation)
    if first in ("か", "の") and _death_as_option(tokens, index, tail):
        explanation = "死ぬことをほかの道と並べて選ぼうとしている"
        return signal(tokens, index - 2, tail.end + 1, RiskKind.IDEATION, explanation)
    # 死ぬことばかり考えてる; 死ぬ事ばかり考へて居ります in an older hand.
    if first in ("こと", "事") and any(
        lemma in lex.DEATH_THOUGHT_VERBS for lemma in following[1:4]
    ):
        return signal(tokens, index, tail.end + 1, RiskKind.IDEATION, "死ぬことを考えている")
    preferred_end = preferable(tokens, tail)
    if preferred_end is not None:
        return self_wish(tokens, index, preferred_end, "死んだ方がいいという考え")
    end = relief_end(tokens, index, tail)
    if end is not None:
        return self_wish(tokens, index, end, "死ねば楽になるという考え")
    if any(lemma in lex.REQUEST_WORDS for lemma in tail.lemmas) and "せる" in tail.lemmas:
        return signal(tokens, index, tail.end, RiskKind.IDEATION, "死なせてほしいという願望")
    return _stance(tokens, index, tail, RiskKind.IDEATION) or die_note(tokens, index, tail)


def _method_searched(tokens: Tokens, index: int, following: list[str]) -> bool:
    """Return whether the sender looks up how or where to die: どうやって死ぬか調べてた."""
    if not any(lemma in lex.DEATH_THOUGHT_VERBS for lemma in following[1:4]):
        return False
    before = {token.lemma for token in tokens[max(0, index - 4) : index]}
    if not before & METHOD_QUESTIONS:
        return False
    if any(token.lemma in lex.NOT_PEOPLE for token in tokens[max(0, index - 6) : index]):
        # 猫がどうやって死ぬか調べた.
        return False
    subject = subject_of(tokens, index)
    return subject is None or is_self(subject)


def _threat_with_reason(tokens: Tokens, index: int, tail: Tail) -> bool:
    """Return whether 死ぬ after なら gives a reason with から: 別れるなら死ぬから."""
    following = tokens[tail.end : tail.end + 1]
    return after_nara(tokens, index) and bool(following) and following[0].lemma == "から"


def _too_much_before(tokens: Tokens, index: int) -> bool:
    """Return whether すぎて comes right before 死ぬ after something other than a pain."""
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    # つらすぎて死ぬ, 寂しすぎて死ぬ: pain measured by dying stays a cry.
    return before[1:] == ["過ぎる", "て"] and before[0] not in PAINS


def _death_as_option(tokens: Tokens, index: int, tail: Tail) -> bool:
    """Return whether 会社辞めるか死ぬか、どっちがマシ weighs dying against another way out.

    生きるか死ぬか is the idiom for a matter of life and death, and 殺すか死ぬか a story's.
    """
    if index < 2:
        return False
    before, other = tokens[index - 1], tokens[index - 2]
    # 自己破産と死ぬの、どっちが迷惑少ない: a noun weighed with と against dying.
    named = before.lemma == "と" and other.pos == "名詞" and tokens[tail.end].lemma == "の"
    listed = before.lemma == "か" and other.pos == "動詞" and tokens[tail.end].lemma == "か"
    if not (named or listed) or other.lemma in ("生きる", "殺す") or other.lemma in lex.NOT_PEOPLE:
        return False
    if any(token.lemma in lex.MEDIA_WORDS for token in tokens):
        # 戦うか死ぬか、どっちを選ぶかって映画: a story's choice.
        return False
    # The weighing may open the next sentence: 辞めるか死ぬか。どっちがマシ.
    _, end = sentence_bounds(tokens, index)
    after = {token.lemma for token in tokens[tail.end : min(len(tokens), end + 8)]}
    return bool(after & lex.WEIGHING_WORDS)


def _stance(tokens: Tokens, index: int, tail: Tail, kind: RiskKind) -> Finding:
    """Judge the modality after the verb: しかない, ことにした, てやる, ても誰も…ない."""
    verb = VERB_NAMES.get(tokens[index].lemma, VERB_NAMES[lex.DIE])
    end = only_way(tokens, tail)
    if end is not None:
        return signal(tokens, index, end, kind, f"{verb}しかないという考え")
    end = decided(tokens, tail)
    if end is not None:
        return signal(tokens, index, end, RiskKind.PLAN, f"{verb}ことを決めた")
    if spiteful(tokens, tail):
        return signal(tokens, index, tail.end + 1, kind, f"{verb}という当てつけの意思")
    end = nobody_cares(tokens, tail) or no_difference(tokens, tail)
    if end is not None:
        return self_wish(tokens, index, end, "自分がいなくなっても誰も困らないという考え")
    end = desperate(tokens, index, tail)
    if end is not None:
        return self_wish(tokens, index, end, f"いっそ{verb}ならという考え")
    end = hoped(tokens, index, tail) or hoped_question(tokens, index, tail)
    if end is not None:
        return self_wish(tokens, index, end, f"{verb}ことができたらという願い")
    end = permitted(tokens, index, tail)
    if end is not None:
        te_form = TE_FORMS.get(tokens[index].lemma, TE_FORMS[lex.DIE])
        return self_wish(tokens, index, end, f"{te_form}もいいという考え")
    end = best_way(tokens, tail)
    if end is not None:
        return self_wish(tokens, index, end, f"{verb}のが一番だという考え")
    return None


def vanish_rule(tokens: Tokens, index: int) -> Finding:
    # 消えていければいい, 消えていきたい: the auxiliary 行く carries the wish.
    tail = progressive_tail(tokens, index)
    if not tail.lemmas and tokens[index].conjugation.startswith("命令形"):
        return note(tokens, index, index + 1, "他人に向けた暴言としての「消えろ」")
    online = _online_place(tokens, index)
    if tail.desire is Desire.WANT:
        if online is not None:
            return note(tokens, index, tail.end, f"「{online}」から離れたいという意味")
        return wish_or_denial(tokens, index, tail, RiskKind.PASSIVE_IDEATION, "消えたいという願望")
    if is_volitional(tokens, index, tail) and not tokens[index].conjugation.startswith("命令"):
        if online is not None:
            return note(tokens, index, tail.end, f"「{online}」から離れたいという意味")
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "消えようという意思")
    if obliged(tokens, index, tail):
        explanation = "消えなければという思い"
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    end = relief_end(tokens, index, tail)
    if end is not None:
        return self_wish(tokens, index, end, "自分が消えればいいという願い")
    preferred_end = preferable(tokens, tail)
    if preferred_end is not None:
        return self_wish(tokens, index, preferred_end, "自分は消えた方がいいという考え")
    if thinking_about(tokens, tail):
        explanation = "消えることを考えている"
        return signal(tokens, index, tail.end + 1, RiskKind.PASSIVE_IDEATION, explanation)
    if not tail.lemmas and _reported_threat(tokens, index, tail.end):
        explanation = "「消える」という予告の報告"
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    if tail.negated or online is not None:
        return vanish_note(tokens, index, tail) if online is None else None
    if _vanishing_spares_others(tokens, index, tail):
        explanation = "迷惑をかけないために消えるという予告"
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    following = tokens[tail.end : tail.end + 1]
    if not tail.lemmas and following and following[0].lemma in lex.DEATH_PLAN_NOUNS:
        if denied(tokens, tail):
            return note(tokens, index, tail.end + 1, "続く文で否定されている")
        place = _place_left(tokens, index)
        if place is not None:
            # 卒業したらこの町から消えるつもり。東京に行く: leaving a town, not life.
            return note(tokens, index, tail.end + 1, f"「{place}」から離れるという意味")
        destination = _named_destination(tokens, index)
        if destination is not None:
            # 有給くっつけて沖縄に消える予定: a trip to a named place.
            return note(tokens, index, tail.end + 1, f"「{destination}」へ出かけるという意味")
        return signal(tokens, index, tail.end + 1, RiskKind.PLAN, "消えるつもりや予定への言及")
    return _stance(tokens, index, tail, RiskKind.PASSIVE_IDEATION)


def _vanishing_spares_others(tokens: Tokens, index: int, tail: Tail) -> bool:
    """Return whether 消えます ends a sentence that gives a burden as its reason.

    これ以上迷惑かけたくないので、消えます. 消えます alone is also chat for going offline, so
    the burden (迷惑) must come before it in the sentence, and no place may be left.
    """
    if tail.lemmas not in ((), ("ます",)):
        return False
    following = tokens[tail.end : tail.end + 1]
    if following and not is_sentence_end(following[0]):
        return False
    start, _ = sentence_bounds(tokens, index)
    if not any(token.lemma == BURDEN for token in tokens[start:index]):
        return False
    subject = subject_of(tokens, index)
    return is_self(subject) and _place_left(tokens, index) is None


def _place_left(tokens: Tokens, index: int) -> str | None:
    """Return the town, home or workplace in この町から消える, if any."""
    return _source_before(tokens, index, PLACES_LEFT)


def _named_destination(tokens: Tokens, index: int) -> str | None:
    """Return the proper noun in 沖縄に消える, if the verb has one as its destination."""
    if index < 2 or tokens[index - 1].lemma != "に":
        return None
    place = tokens[index - 2]
    if place.pos_detail != "固有名詞" or place.lemma in lex.HIGH_PLACES | lex.NO_RETURN_PLACES:
        return None
    if any(name in place.surface for name in KNOWN_SUICIDE_SITES):
        return None
    return place.surface


def _online_place(tokens: Tokens, index: int) -> str | None:
    """Return the online place in 〜から消えたい (SNSから, グループから), if any."""
    return _source_before(tokens, index, lex.ONLINE_PLACES)


def _source_before(tokens: Tokens, index: int, places: frozenset[str]) -> str | None:
    """Return the noun before the nearest から within ONLINE_WINDOW if it is one of places."""
    start = max(0, index - ONLINE_WINDOW)
    for position in range(index - 1, start, -1):
        if tokens[position].lemma == "から":
            previous = tokens[position - 1]
            return previous.surface if previous.lemma in places else None
    return None


def be_rule(tokens: Tokens, index: int) -> Finding:
    """いなくなりたい, いなくなればいい, いない方がいい, この世にいたくない."""
    if index > 0 and tokens[index - 1].lemma in ("て", "で"):
        # 生きていたくない: here いる is the auxiliary of 生きる, judged by live_rule.
        return None
    tail = verb_tail(tokens, index)
    lemmas = tail.lemmas
    disappears = len(lemmas) >= 2 and lemmas[0] == "無い" and lemmas[1] in ("成る", "なれる")
    if disappears and tail.desire is Desire.WANT:
        return wish_or_denial(
            tokens, index, tail, RiskKind.PASSIVE_IDEATION, "いなくなりたいという願望"
        )
    end = relief_end(tokens, index, tail) if lemmas[:1] == ("無い",) else None
    if end is not None and "呉れる" in lemmas:
        # 正直いなくなってくれればいいのに: くれる wishes it of someone else.
        return note(tokens, index, end, "他人にいなくなってほしいという気持ち")
    if end is not None and quoted_at_sender(tokens, _quote_end(tokens, end)):
        # 「あんたの旦那、いなくなればいいのにね」って言われた: someone else's words to the sender.
        return None
    if end is not None:
        # いなくなればいい, and 私がいなければ家族は幸せ.
        return self_wish(tokens, index, end, "自分がいなくなればいいという願い")
    preferred_end = preferable(tokens, tail) if lemmas[:1] == ("無い",) else None
    if preferred_end is None and lemmas[:1] == ("無い",) and _world_without(tokens, tail.end):
        # 私がいない世界の方がみんな幸せ: the world without the sender, preferred.
        preferred_end = preferable(tokens, Tail(lemmas, tail.end + 2))
    if preferred_end is None and lemmas[:1] == ("無い",):
        end = _world_without_wished(tokens, tail.end)
        owner = tokens[index - 2].lemma if index >= 2 and tokens[index - 1].lemma == "の" else None
        if end is not None and (owner in lex.OTHER_PEOPLE or owner in lex.OTHER_PRONOUNS):
            # あいつのいない世界になればいい: a world without someone else.
            return note(tokens, index, end, f"対象が自分ではなく「{tokens[index - 2].surface}」")
        if end is not None:
            # 朝起きたら自分だけいない世界になってたらいいな.
            return self_wish(tokens, index, end, "自分のいない世界を望む気持ち")
    if preferred_end is None and lemmas[:1] == ("無い",) and _belittled_self(tokens, index):
        # わしなんかいない方が家内ものびのびできる: the sender belittled, then compared away.
        following = tokens[tail.end : tail.end + 1]
        preferred_end = tail.end + 1 if following and following[0].lemma == "方" else None
    if preferred_end is not None:
        return self_wish(tokens, index, preferred_end, "自分はいない方がいいという考え")
    if tail.desire is Desire.NOT_WANT and (_world_before(tokens, index) or _nowhere(tokens, index)):
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, "この世にいたくない")
    if disappears and lemmas[1:] == ("成る",) and _planned_absence(tokens, tail.end):
        # 卒業式の前にいなくなるつもり: a plan to be gone, with no trip or move named.
        if denied(tokens, tail):
            return note(tokens, index, tail.end + 1, "続く文で否定されている")
        explanation = "いなくなるつもりや予定への言及"
        return signal(tokens, index, tail.end + 1, RiskKind.PLAN, explanation)
    if disappears and lemmas[1:] in (("成る",), ("成る", "ます")):
        if _reported_threat(tokens, index, tail.end):
            explanation = "「いなくなる」という予告の報告"
            return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    if disappears:
        return _stance(tokens, index, tail, RiskKind.PASSIVE_IDEATION)
    end = _here_doubted(tokens, index, tail)
    if end is not None:
        # まあその頃まで自分がここにいるか分からないけど: whether the sender will still be alive.
        return self_wish(tokens, index, end, "先の自分はもういないかもしれないという思い")
    end = _absent_from_future(tokens, index, tail)
    if end is not None:
        explanation = "先の自分はもういないという思い"
        if subject_of(tokens, index) in lex.FUTURE_TIMES:
            # 来年の今頃はもういない: the time marked with は is no one who is absent.
            return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, explanation)
        return self_wish(tokens, index, end, explanation)
    if lemmas[:1] == ("無い",):
        # いなくても誰の一日も変わらない, いっそ私がいなければ.
        end = nobody_cares(tokens, tail) or no_difference(tokens, tail)
        end = end or desperate(tokens, index, tail)
        if end is not None:
            return self_wish(tokens, index, end, "自分がいなくても誰も困らないという考え")
        return None
    if not lemmas:
        return _presence_worthless(tokens, index)
    return None


def _here_doubted(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return the end of その頃まで…ここにいるか分からない, or None.

    ここ here is this world: the sentence must reach a later time with まで or a future word,
    and nothing in the message may name a move or a trip (来年までここにいるか分からない、転勤
    が多いので).
    """
    if tail.lemmas or index < 2 or [t.lemma for t in tokens[index - 2 : index]] != [HERE, "に"]:
        return None
    following = [token.lemma for token in tokens[tail.end : tail.end + 3]]
    if following[:2] != ["か", "分かる"] or following[2:3] != ["無い"]:
        return None
    start, _ = sentence_bounds(tokens, index)
    before = {token.lemma for token in tokens[start:index]}
    if "まで" not in before and before.isdisjoint(lex.FUTURE_TIMES | NEXT_TIMES):
        return None
    lemmas = message_lemmas(tokens)
    if not lemmas.isdisjoint(lex.MOVING_WORDS) or not lemmas.isdisjoint(AWAY_WORDS):
        return None
    return tail.end + 3


def _planned_absence(tokens: Tokens, position: int) -> bool:
    """Return whether つもり or 予定 follows いなくなる and the message names no trip or move."""
    if position >= len(tokens) or tokens[position].lemma not in PLAN_NOUNS:
        return False
    lemmas = message_lemmas(tokens)
    return lemmas.isdisjoint(lex.MOVING_WORDS) and lemmas.isdisjoint(AWAY_WORDS)


def _absent_from_future(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return the end of 来年の今頃はもういない or 来年の自分がいる気がしない, or None.

    The sentence must name a later time and no place (来年はもう東京にいない), and the message
    no move (転勤で来年の今頃はもういない).
    """
    start, _ = sentence_bounds(tokens, index)
    before = tokens[start:index]
    dated = any(token.lemma in lex.FUTURE_TIMES | NEAR_TIMES for token in before)
    if dated and tail.lemmas == ("無い",) and _harmless_cause_denied(tokens):
        # 明日からは私がいないので…入院とかではないです: the harmless reason is ruled out.
        return tail.end
    if not any(token.lemma in lex.FUTURE_TIMES for token in before):
        return None
    nowhere = _nowhere(tokens, index)
    # どこにも is no place, so only another に names where the sender will be.
    places = [
        position
        for position in range(start, index)
        if tokens[position].lemma == "に" and not (nowhere and position == index - 2)
    ]
    if places or any(token.lemma in lex.MOVING_WORDS for token in tokens):
        return None
    following = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    if not tail.lemmas and following[:3] == ["気", "が", "為る"]:
        # 来年の自分がいる気がしない.
        feeling = verb_tail(tokens, tail.end + 2)
        return feeling.end if feeling.negated else None
    if tail.lemmas != ("無い",):
        return None
    if not nowhere and not any(token.lemma == "もう" for token in before):
        # 来年の自分がどこにもいない気がする needs no もう.
        return None
    if not following or is_sentence_end(tokens[tail.end]):
        return tail.end
    if following[:2] in (["と", "思う"], ["気", "が"], ["か", "も"]) or following[:1] == ["かも"]:
        # いないと思う, いない気がする, いないかもしれない.
        return min(len(tokens), tail.end + 2)
    return None


def _harmless_cause_denied(tokens: Tokens) -> bool:
    """Return whether the message denies every harmless cause of absence it names.

    入院とかではないです rules a stay in hospital out; 旅行じゃないよ、出張 names another.
    """
    denied = False
    for index, token in enumerate(tokens):
        if token.lemma not in ABSENCE_CAUSES:
            continue
        window = tokens[index + 1 : index + 1 + CAUSE_DENIAL_WINDOW]
        following = [other.lemma for other in window]
        copula = any(lemma in ("で", "じゃ", "だ") for lemma in following)
        if not (copula and "無い" in following):
            return False
        if any(other.pos == "動詞" for other in window[: following.index("無い")]):
            # 出張でいないんだけど: the ない belongs to いる, so the trip is the cause.
            return False
        denied = True
    return denied


def _quote_end(tokens: Tokens, position: int) -> int:
    """Return the position after a closing quote that follows within a few particles."""
    for offset in range(position, min(len(tokens), position + QUOTE_TAIL)):
        if tokens[offset].surface in CLOSING_QUOTES:
            return offset + 1
        if is_sentence_end(tokens[offset]):
            break
    return position


def _world_without(tokens: Tokens, position: int) -> bool:
    following = [token.lemma for token in tokens[position : position + 3]]
    return (
        following[:1] != [] and following[0] in lex.WORLD_WORDS and following[1:3] == ["の", "方"]
    )


def _world_without_wished(tokens: Tokens, position: int) -> int | None:
    """Return the end of 世界になってたらいい or 世界になればいい after いない, or None."""
    following = [token.lemma for token in tokens[position : position + 3]]
    if (
        following[:1] == []
        or following[0] not in lex.WORLD_WORDS
        or following[1:3] != ["に", "成る"]
    ):
        return None
    tail = verb_tail(tokens, position + 2)
    return wish_end(tokens, position + 2, tail) or hoped(tokens, position + 2, tail)


def _belittled_self(tokens: Tokens, index: int) -> bool:
    """Return whether the sender is named with なんか or なんて just before: 私なんかいない方が."""
    window = [token.lemma for token in tokens[max(0, index - 3) : index]]
    for offset, lemma in enumerate(window[:-1]):
        if lemma in SELF_WORDS and window[offset + 1] in ("なんか", "なんて"):
            return True
    return False


def _presence_worthless(tokens: Tokens, index: int) -> Finding:
    """Return a signal for いる意味がない or この世にいる理由もない said of the sender.

    A place other than this world (会議にいる意味がない) makes it a complaint about the place.
    """
    end = worth_denied(tokens, index + 1)
    if end is None or not is_self(subject_of(tokens, index)):
        return None
    start, _ = sentence_bounds(tokens, index)
    for position in range(max(start + 1, index - 4), index):
        # この会議に私がいる意味がない: a place named with に before the verb.
        if tokens[position].lemma == "に" and tokens[position - 1].pos == "名詞":
            if tokens[position - 1].lemma not in lex.WORLD_WORDS:
                return None
    return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, "自分がいる意味がないという思い")


def _nowhere(tokens: Tokens, index: int) -> bool:
    # もうどこにもいたくない: not wanting to be anywhere at all.
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    return before == ["どこ", "に", "も"]


def _world_before(tokens: Tokens, index: int) -> bool:
    return any(token.lemma in lex.WORLD_WORDS for token in tokens[max(0, index - 3) : index])


VERB_RULES: dict[str, Rule] = {
    lex.DIE: die_rule,
    **{lemma: die_rule for lemma in lex.DIE_ALIASES},
    lex.VANISH: vanish_rule,
    **{lemma: vanish_rule for lemma in lex.VANISH_ALIASES},
    lex.BE: be_rule,
}
