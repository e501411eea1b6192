"""Building blocks shared by the word rules: findings, quoted spans, and the checks that
turn a wish into a signal or a note (denial, subject, news context).
"""

from collections.abc import Callable

from services.triage import risk_lexicon as lex
from services.triage.morphology import Token, sentence_bounds
from services.triage.predicates import (
    NEGATIONS,
    SELF_WORDS,
    Desire,
    Tail,
    denied,
    is_self,
    is_volitional,
    quoted_at_sender,
    relief_end,
    subject_of,
    verb_tail,
)
from services.triage.signals import RiskKind, RiskNote, RiskSignal

Finding = RiskSignal | RiskNote | None
Tokens = tuple[Token, ...]
Rule = Callable[[Tokens, int], Finding]
# 連れて行ってと、遺影に話しかける: the verb of saying may come a few words after と.
QUOTED_REQUEST_WINDOW = 6
SAID_WINDOW = 12
NOBODY = "誰"
# 親父、正直いなくなればいい: at most this many morphemes from the person to the verb.
PERSON_COMMA_GAP = 4
AWARENESS_WEEK = "週間"
# いなくなってくれたら, 消えてくれればいい, 死んでくれたら: the benefactive くれる puts the
# act on someone else for the speaker's sake, so the wish is about another person.
GONE_VERBS = frozenset({lex.BE, lex.VANISH, lex.DIE})
BENEFACTIVE = frozenset({"呉れる", "くれる"})
EXCESS = "過ぎる"


def span(tokens: Tokens, start: int, end: int) -> str:
    return "".join(token.surface for token in tokens[start:end])


def signal(tokens: Tokens, start: int, end: int, kind: RiskKind, explanation: str) -> RiskSignal:
    return RiskSignal(kind, start, end, span(tokens, start, end), explanation)


def note(tokens: Tokens, start: int, end: int, explanation: str) -> RiskNote:
    return RiskNote(span(tokens, start, end), explanation)


def wish_or_denial(
    tokens: Tokens, index: int, tail: Tail, kind: RiskKind, explanation: str
) -> Finding:
    """Return the signal for a stated wish, or a note when the sentence denies it."""
    if denied(tokens, tail):
        return note(tokens, index, tail.end, "続く文で否定されている")
    return signal(tokens, index, tail.end, kind, explanation)


def self_wish(tokens: Tokens, index: int, end: int, explanation: str) -> Finding:
    """Judge a wish phrased as an outcome (〜ばいい, 〜方がいい) by its subject and speaker."""
    subject = (
        subject_of(tokens, index) or _bare_subject(tokens, index) or _person_topic(tokens, index)
    )
    if subject == NOBODY:
        # 誰も来ない部屋で、このままいなくなれたら: 誰も belongs to the earlier clause.
        subject = None
    if not _names_self(tokens, index, subject) and _done_for_speaker(tokens, index, end):
        return note(tokens, index, end, "ほかの人にいなくなってほしいという言葉")
    if not is_self(subject) and not (subject in lex.OTHER_PEOPLE and _said_of_oneself(tokens, end)):
        return note(tokens, index, end, f"対象が自分ではなく「{subject}」")
    if quoted_at_sender(tokens, end) or _hurled_at_sender(tokens, index):
        return note(tokens, index, end, "他人から言われた言葉の引用")
    kind = RiskKind.IDEATION if tokens[index].lemma == lex.DIE else RiskKind.PASSIVE_IDEATION
    return signal(tokens, index, end, kind, explanation)


def _names_self(tokens: Tokens, index: int, subject: str | None) -> bool:
    """Return whether the subject, or with none a word of the sentence before index, is the sender.

    みんなの記憶から私だけ消えてくれたら names the sender without marking the subject.
    """
    if subject is not None:
        return subject in SELF_WORDS
    start, _ = sentence_bounds(tokens, index)
    return any(token.lemma in SELF_WORDS for token in tokens[start:index])


def _done_for_speaker(tokens: Tokens, index: int, end: int) -> bool:
    """Return whether the verb at index takes the benefactive くれる: いなくなってくれたら."""
    if tokens[index].lemma not in GONE_VERBS:
        return False
    lemmas = [token.lemma for token in tokens[index + 1 : end]]
    return any(
        lemma in BENEFACTIVE and position > 0 and lemmas[position - 1] in ("て", "で")
        for position, lemma in enumerate(lemmas)
    )


def _said_of_oneself(tokens: Tokens, end: int) -> bool:
    """Return whether the subject says it of themselves: 息子が、死んだほうがいいって泣く."""
    _, sentence_end = sentence_bounds(tokens, max(0, end - 1))
    following = [t for t in tokens[end:sentence_end] if t.surface not in ("」", "』")]
    if not following or following[0].lemma not in ("と", "って"):
        return False
    # 息子が、…死んだほうがいいって、夜も寝ないで本気で泣くんだ: the verb may come late.
    for position, token in enumerate(following[1:SAID_WINDOW], start=1):
        if token.lemma in lex.SPEECH_VERBS:
            after = [t.lemma for t in following[position + 1 : position + 2]]
            return after not in (["れる"], ["られる"])
    return False


def _hurled_at_sender(tokens: Tokens, index: int) -> bool:
    """Return whether the sentence says the words were thrown at the sender.

    Example: 元嫁が投げつけてきた言葉が「死ねばいいのに」だった.
    """
    start, end = sentence_bounds(tokens, index)
    return any(token.lemma in lex.HURL_VERBS for token in tokens[start:end])


def _bare_subject(tokens: Tokens, index: int) -> str | None:
    # あいつ死ねばいい, 上司消えればいいのに: a person right before the verb, with no particle.
    if index == 0:
        return None
    previous = tokens[index - 1]
    if previous.lemma in lex.OTHER_PRONOUNS or previous.lemma in lex.OTHER_PEOPLE:
        return previous.surface
    if previous.lemma == "人" and index >= 2 and tokens[index - 2].pos == "連体詞":
        # あんな人いなくなればいい: a person pointed at, not the sender.
        return tokens[index - 2].surface + previous.surface
    return None


def _person_topic(tokens: Tokens, index: int) -> str | None:
    """Return the person of 上司のこと、 that opens the sentence before the verb, if any.

    A person set off by a comma counts too: 酒飲むと暴れる親父、正直いなくなればいい.
    """
    start, _ = sentence_bounds(tokens, index)
    for position in range(start, index - 1):
        person = tokens[position]
        if person.lemma not in lex.OTHER_PEOPLE and person.lemma not in lex.OTHER_PRONOUNS:
            continue
        following = [token.lemma for token in tokens[position + 1 : position + 4]]
        if following[:2] == ["の", "こと"]:
            between = tokens[position + 3 : index]
        elif following[:2] == ["に", "対する"] and index - position <= PERSON_COMMA_GAP + 2:
            # 母に対して、いなくなればいいのにって思ってしまう.
            between = tokens[position + 3 : index]
        elif following[:1] == ["、"] and index - position <= PERSON_COMMA_GAP:
            between = tokens[position + 2 : index]
        elif _judged_then_comma(tokens, position, index):
            # バイト先の店長マジで無理、死ねばいいのに: the person, a verdict on them, a comma.
            between = ()
        else:
            continue
        if not any(token.pos == "動詞" for token in between):
            return person.surface
    return None


def _judged_then_comma(tokens: Tokens, position: int, index: int) -> bool:
    """Return whether a verdict without a verb follows the person, then a comma, then the wish."""
    if index < 2 or tokens[index - 1].surface not in ("、", ","):
        return False
    verdict = tokens[position + 1 : index - 1]
    # 弟うざすぎて、: すぎる only grades the verdict, so it is no verb of its own.
    return 0 < len(verdict) <= PERSON_COMMA_GAP and not any(
        (token.pos == "動詞" and token.lemma != EXCESS) or token.lemma in SELF_WORDS
        for token in verdict
    )


def news_context(tokens: Tokens, index: int) -> str | None:
    """Return the news, lesson or bereavement word in the sentence of tokens[index], if any."""
    start, end = sentence_bounds(tokens, index)
    for position in range(start, end):
        token = tokens[position]
        if token.lemma == AWARENESS_WEEK and position and tokens[position - 1].pos_detail == "数詞":
            # この一週間で三回やった: a span of days, not 自殺予防週間.
            continue
        if token.lemma in lex.NEWS_CONTEXT or token.lemma in lex.BEREAVEMENT_VERBS:
            return token.surface
    return None


def previous_sentence_lemmas(tokens: Tokens, index: int) -> set[str]:
    """Return the lemmas of the sentence before the one of tokens[index], or none at the start."""
    start, _ = sentence_bounds(tokens, index)
    if start == 0:
        return set()
    previous_start, previous_end = sentence_bounds(tokens, start - 1)
    return {token.lemma for token in tokens[previous_start:previous_end]}


def next_sentence_lemmas(tokens: Tokens, index: int) -> set[str]:
    """Return the lemmas of the sentence after the one of tokens[index], or none at the end."""
    _, end = sentence_bounds(tokens, index)
    if end + 1 >= len(tokens):
        return set()
    start, next_end = sentence_bounds(tokens, end + 1)
    return {token.lemma for token in tokens[start:next_end]}


def sentence_lemmas(tokens: Tokens, index: int) -> tuple[int, int, set[str]]:
    start, end = sentence_bounds(tokens, index)
    return start, end, {token.lemma for token in tokens[start:end]}


def action_span(tokens: Tokens, index: int, actions: frozenset[str]) -> tuple[int, int]:
    """Return the token range from the means word at index to the action word in its sentence.

    The reason then quotes 「睡眠薬をためてます」 rather than the whole sentence.
    """
    start, end, _ = sentence_lemmas(tokens, index)
    positions = [p for p in range(start, end) if tokens[p].lemma in actions]
    if not positions:
        return index, index + 1
    nearest = min(positions, key=lambda position: abs(position - index))
    if nearest < index:
        return nearest, index + 1
    return index, verb_tail(tokens, nearest).end


def wish_end(tokens: Tokens, index: int, tail: Tail) -> int | None:
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
    end = quoted_request(tokens, tail)
    if end is not None:
        return end
    if tail.lemmas[-1:] in (("て",), ("で",)):
        return _later_desire(tokens, tail.end)
    return None


def quoted_request(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of a て-request quoted as said or prayed: 早く迎えに来てと毎晩言う.

    Sudachi may read the て of 行って as てる and the quoting と as a filler, so the spelling of
    the last morpheme and of と decides.
    """
    if tail.end == 0 or not tokens[tail.end - 1].surface.endswith(("て", "で")):
        return None
    following = tokens[tail.end : tail.end + QUOTED_REQUEST_WINDOW]
    if not following or following[0].surface not in ("と", "って"):
        return None
    if any(token.lemma in lex.REQUEST_SAYING for token in following[1:]):
        return tail.end + 1
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


def own_wish(tokens: Tokens, start: int, end: int, explanation: str) -> Finding:
    """Return the signal unless the wish belongs to a thing or was said to the sender.

    A wish reported of another person (母が「あの世に行きたい」と言う) stays a signal, and
    risk.py names that person. So does a wish with たい quoted as addressed to the sender
    (「あいつのところに行って謝りたい」と言われた), because the wish is the speaker's own.
    """
    subject = subject_of(tokens, start)
    if not is_self(subject) and subject not in lex.OTHER_PEOPLE:
        return note(tokens, start, end, f"対象が自分ではなく「{subject}」")
    desired = any(token.lemma == "たい" for token in tokens[start:end])
    if quoted_at_sender(tokens, end) and not desired:
        return note(tokens, start, end, "他人から言われた言葉の引用")
    return signal(tokens, start, end, RiskKind.PASSIVE_IDEATION, explanation)
