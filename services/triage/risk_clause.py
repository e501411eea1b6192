"""Questions and conditionals about one's own death, read clause by clause.

The verb rules judge 死ぬ, 消える and いなくなる by the few words right after them. These
rules read the rest of the clause instead, because a question or a condition puts the risk
further along: 死んだらみんな気づいてくれるのかな, 消えたらダメかな, 死ぬのってこわいのかな,
いなくなったほうがみんなのためだよね. A death of someone else (母が死んだら) is not read.
"""

from services.triage import risk_lexicon as lex
from services.triage.morphology import Token, is_sentence_end, message_lemmas, sentence_bounds
from services.triage.predicates import SELF_WORDS, quoted_at_sender, subject_of, verb_tail
from services.triage.signals import RiskKind, RiskNote, RiskSignal

Tokens = tuple[Token, ...]
DYING_VERBS = frozenset({lex.DIE, *lex.DIE_ALIASES, lex.VANISH, *lex.VANISH_ALIASES})
CONDITIONAL_SURFACES = frozenset({"たら", "だら", "ば", "ても", "でも"})
CLOSING_QUOTES = frozenset({"」", "』"})
# Outcomes that make a condition about one's death a hoped-for relief: 死んだら楽になれるかな.
RELIEF_OUTCOMES = frozenset(
    {"楽", "増し", "幸せ", "解決", "済む", "駄目", "為", "すっきり", "良い", "旨い", "平和",
     "助かる", "回る", "綺麗", "清清", "片付く", "再婚"}
)  # fmt: skip
# 私がいなくても職場は回る, said of a holiday or of stepping back: 有給を取った, 役員を
# 降ります, 肩の力を抜いて生きよう.
RUNS_ON = "回る"
STEPPED_BACK = "自分が休んだり退いたりしても周りは回るという話"
TIME_OFF = frozenset(
    {
        "有給",
        "有休",
        "休暇",
        "旅行",
        "育休",
        "産休",
        "役員",
        "降りる",
        "引退",
        "肩",
        "抜く",
        "退職",
        "定年",
    }
)
QUIT = "辞める"
# 死ねば全部なかったことになる: the debt or the trouble undone.
UNDONE = ("無い", "た", "こと", "に")
# Reactions of others, which count only when wished for (気づいてくれる) or denied
# (誰も泣かない): 私が死んだら家族が悲しむ is a reason to live, not a wish.
REACTIONS = frozenset({"気付く", "困る", "泣く", "悲しむ", "寂しい"})
QUESTION_ENDS = frozenset({"か", "かな", "かしら"})
WHAT_HAPPENS = "どうなる"
TOPIC_MARKERS = frozenset({"って", "は"})
# 存在しない方が counts like いない方が when the sender is its subject.
EXIST = "存在"
# The lemmas that clause_findings reads further. A message without any of them has no finding.
CLAUSE_VERBS = DYING_VERBS | {lex.BE, EXIST}


def clause_findings(tokens: Tokens) -> list[RiskSignal | RiskNote]:
    """Return a signal for each conditional or question about the sender's own death.

    私がいない方が家族は幸せ and 私さえいなかったら親も楽だった count like いなくなる. A
    subject other than the sender (姑がいなくなってくれたら楽, 夫さえいなければ) gives a note,
    and so does the sender's death as a worry for others (私が死んだら家族が悲しむから,
    自分が先に死んだら息子はどうなるのか).
    """
    found: list[RiskSignal | RiskNote] = []
    if CLAUSE_VERBS.isdisjoint(message_lemmas(tokens)):
        # Two in three tuning messages have none of these verbs and skip the loop.
        return found
    for index, token in enumerate(tokens):
        if token.lemma == EXIST and _self_absent(tokens, index):
            signal = _conditional_outcome(tokens, index + 1)
            if signal is not None and not quoted_at_sender(tokens, signal.end):
                found.append(
                    _signal(tokens, index, signal.end, "自分は存在しない方がいいという考え")
                )
            continue
        if token.lemma not in DYING_VERBS and token.lemma != lex.BE:
            continue
        if token.lemma in DYING_VERBS or _disappears(tokens, index) or _absent(tokens, index):
            signal = _conditional_outcome(tokens, index) or _questioned(tokens, index)
            subject = subject_of(tokens, index)
            other = subject in lex.OTHER_PEOPLE or subject in lex.OTHER_PRONOUNS
            if signal is None:
                worry = _worry_for_others(tokens, index)
                if worry is not None and not other:
                    found.append(worry)
                elif other and _conditional(tokens, index):
                    found.append(_held_back_by(tokens, index, subject))
                continue
            if quoted_at_sender(tokens, signal.end):
                continue
            if not other and _time_off(tokens, signal):
                # 私がいなくても職場は回るって分かったので、有給を10日取りました.
                found.append(RiskNote(signal.phrase, STEPPED_BACK))
            elif not other:
                found.append(signal)
            else:
                found.append(RiskNote(signal.phrase, f"対象が自分ではなく「{subject}」"))
    return found


def _time_off(tokens: Tokens, found: RiskSignal) -> bool:
    """Return whether the outcome is work going on while the sender takes time off."""
    outcome = {token.lemma for token in tokens[found.start : found.end]}
    if RUNS_ON not in outcome:
        return False
    return not TIME_OFF.isdisjoint(message_lemmas(tokens)) or _quitting_later(tokens)


def _quitting_later(tokens: Tokens) -> bool:
    """Return whether the sender will quit at a later date: 来年で辞めて, 春に退職する."""
    for index, token in enumerate(tokens):
        if token.lemma != QUIT:
            continue
        before = {other.lemma for other in tokens[max(0, index - 3) : index]}
        if before & lex.FUTURE_TIMES:
            return True
    return False


def _held_back_by(tokens: Tokens, index: int, subject: str | None) -> RiskSignal | RiskNote:
    """Judge 〜がいなければ about someone else.

    子どもがいなければ、とっくに消えていた says that only that person keeps the sender alive;
    夫さえいなければって思う is a wish about the other person.
    """
    tail = verb_tail(tokens, index)
    _, end = sentence_bounds(tokens, index)
    for position in range(tail.end, end):
        if tokens[position].lemma in DYING_VERBS:
            explanation = "この人がいなければ死んでいたという思い"
            return _signal(tokens, index, verb_tail(tokens, position).end, explanation)
    return RiskNote(tokens[index].surface, f"対象が自分ではなく「{subject}」")


def _conditional(tokens: Tokens, index: int) -> bool:
    tail = verb_tail(tokens, index)
    surfaces = {token.surface for token in tokens[index + 1 : tail.end + 1]}
    return bool(surfaces & {"たら", "だら"}) or "ば" in tail.lemmas


def _worry_for_others(tokens: Tokens, index: int) -> RiskNote | None:
    """Return a note for 私が死んだら家族が悲しむから or 死んだら息子はどうなるのか."""
    tail = verb_tail(tokens, index)
    surfaces = {token.surface for token in tokens[index + 1 : tail.end + 1]}
    if not surfaces & {"たら", "だら"}:
        return None
    _, end = sentence_bounds(tokens, index)
    clause = "".join(token.surface for token in tokens[tail.end : end])
    lemmas = [token.lemma for token in tokens[tail.end : end]]
    phrase = "".join(token.surface for token in tokens[index : tail.end])
    if WHAT_HAPPENS in clause:
        return RiskNote(phrase, "自分の死後の家族を心配している")
    if any(lemma in REACTIONS for lemma in lemmas) and "から" in lemmas:
        return RiskNote(phrase, "家族が悲しむから生きるという理由")
    return None


def _self_absent(tokens: Tokens, index: int) -> bool:
    """Return whether 存在しない at tokens[index] has the sender as subject: 私なんか存在しない方が.

    幽霊なんて存在しないほうが楽 is about something else, so the sender must be named.
    """
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    return following == ["為る", "無い"] and subject_of(tokens, index) in SELF_WORDS


def _disappears(tokens: Tokens, index: int) -> bool:
    """Return whether いなくなる starts at tokens[index] (居る, 無い, 成る)."""
    if tokens[index].lemma != lex.BE:
        return False
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    return following == ["無い", "成る"]


def _absent(tokens: Tokens, index: int) -> bool:
    """Return whether いない starts at tokens[index]: 私がいない方が, 私さえいなかったら."""
    if tokens[index].lemma != lex.BE or (index > 0 and tokens[index - 1].lemma in ("て", "で")):
        return False
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    return following[:1] == ["無い"] and following[1:] != ["成る"]


def _conditional_outcome(tokens: Tokens, index: int) -> RiskSignal | None:
    """死んだら楽, 消えたらダメかな, 死んでも誰も泣かない, いなくなったほうがみんなのため."""
    tail = verb_tail(tokens, index)
    surfaces = {token.surface for token in tokens[index + 1 : tail.end + 1]}
    compared = tail.end < len(tokens) and tokens[tail.end].lemma == "方"
    # Sudachi splits ても into て and も: いなくなっても誰か気づくのかな.
    concessive = tail.lemmas[-2:] in (("て", "も"), ("で", "も"))
    if not (surfaces & CONDITIONAL_SURFACES or compared or concessive):
        return None
    _, end = sentence_bounds(tokens, index)
    # A closing quote in the sentence, or right after its end (どうなるの?」), ends the clause.
    quote_end = next(
        (
            position
            for position in range(tail.end, min(len(tokens), end + 2))
            if tokens[position].surface in CLOSING_QUOTES
        ),
        None,
    )
    if quote_end is not None:
        # 「ママ、死んだらどうなるの?」って聞かれて…答えた方がいい: the words after the quote
        # are not its outcome.
        end = min(end, quote_end)
    clause = [token for token in tokens[tail.end : end] if token.pos != "補助記号"]
    # 誰か気づくかな: Sudachi may read the particle かな as the noun 仮名.
    lemmas = ["かな" if token.surface == "かな" else token.lemma for token in clause]
    asks_what_happens = WHAT_HAPPENS in "".join(token.surface for token in clause)
    if asks_what_happens and quote_end is None and end + 1 < len(tokens):
        # 死んだらどうなるんだろう。そっちのほうが楽なのかな: the relief comes next.
        _, next_end = sentence_bounds(tokens, end + 1)
        lemmas = lemmas + [token.lemma for token in tokens[end:next_end]]
    for offset, lemma in enumerate(lemmas):
        if tuple(lemmas[offset : offset + len(UNDONE)]) == UNDONE:
            return _signal(
                tokens, index, tail.end + offset + 4, "死ねば全部なかったことになるという考え"
            )
        if lemma in RELIEF_OUTCOMES:
            return _signal(tokens, index, tail.end + offset + 1, "死んだら楽になるという考え")
        if lemma in REACTIONS and _wished_or_denied(lemmas, offset):
            explanation = "自分が死んだら周りがどう思うかという問い"
            return _signal(tokens, index, tail.end + offset + 1, explanation)
    return None


def _wished_or_denied(lemmas: list[str], offset: int) -> bool:
    """Return whether the reaction is wished for, denied, or asked about (誰か気づくかな)."""
    after = lemmas[offset + 1 : offset + 4]
    if "呉れる" in after or "くれる" in after or ("誰" in lemmas and "無い" in after):
        return True
    tail = [lemma for lemma in lemmas if lemma not in ("な", "ね", "?", "。")]
    return bool(tail) and tail[-1] in QUESTION_ENDS


def _questioned(tokens: Tokens, index: int) -> RiskSignal | None:
    """死ぬのってこわいのかな: dying as the topic of a question the sender asks."""
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following[:1] != ["の"] or following[1:2] == [] or following[1] not in TOPIC_MARKERS:
        return None
    _, end = sentence_bounds(tokens, index)
    last = end - 1
    while last > index and (is_sentence_end(tokens[last]) or tokens[last].lemma == "な"):
        last -= 1
    if tokens[last].lemma not in QUESTION_ENDS and not _conjectured(tokens[last]):
        return None
    return _signal(tokens, index, end, "死ぬことについての問いかけ")


def _conjectured(token: Token) -> bool:
    # 自分で死ぬのってどのくらい勇気いるんだろ: だろう asks the question of oneself.
    return token.lemma in ("だ", "です") and token.conjugation.startswith("意志推量形")


def _signal(tokens: Tokens, start: int, end: int, explanation: str) -> RiskSignal:
    phrase = "".join(token.surface for token in tokens[start:end])
    return RiskSignal(RiskKind.PASSIVE_IDEATION, start, end, phrase, explanation)
