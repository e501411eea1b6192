"""The sender's own death, or the papers that follow a death, tied to a near date.

People who have decided to die often ask a practical question with a date in it. The date,
not any risk word, shows the plan:

- 自分が死んだあとペットをお願いする契約…来月にはそれが必要になる気がしてて;
- 死亡届って誰が出すんですか…近いうちにそうなる予定なので;
- 自分が死んだときにそれを使ってもらえるなら、もう安心して終われます;
- 親が死んだら俺もそこで終わるつもり: another's death as the date;
- 警察に連絡されたりしますか?止められたくないので: a plan kept from being stopped;
- 誕生日まではがんばる。そこで決める: living held until a date that decides the rest.

A will or a funeral planned for old age names no near date, and a move, a stay abroad or an
operation explains the date (来月手術なので、死んだときのために), so those are no plan.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Tokens, signal
from services.triage.morphology import is_sentence_end, sentence_bounds
from services.triage.predicates import is_self, subject_of
from services.triage.signals import RiskKind, RiskSignal

# 死んだら, 死んだあと, 死んだときに: the sender's death as a condition or a point in time.
AFTER_DEATH = frozenset({"後", "あと", "時", "とき"})
# Papers and arrangements that follow a death.
DEATH_PAPERS = frozenset({"死亡届", "葬祭", "死後"})
# Spans that end soon: 今月中に, 月末までに, 金曜までに, 来月には.
NEAR_SPANS = frozenset(
    {
        "今月", "今月中", "月末", "今週", "今週中", "週末", "来月", "来週", "明日", "明後日",
        "今夜", "今晩", "月曜", "火曜", "水曜", "木曜", "金曜", "土曜", "日曜", "年内",
    }
)  # fmt: skip
SPAN_LINKS = frozenset({"まで", "中", "に", "は", "うち"})
# What the date is for: 必要になる, 間に合わない, そうなる予定, 準備しておきたい.
NEED_WORDS = frozenset({"必要", "間に合う", "予定", "準備", "済ませる", "終わらせる"})
# 近いうちに, もうすぐ: soon, with no date.
SOON = (("近い", "うち"), ("もう", "直ぐ"), ("もうすぐ",))
# もう安心して終われます: an end the sender is at peace with.
RELIEF = "安心"
END_VERB = "終わる"
RELIEF_WINDOW = 4
# A date explained by a move, a trip or a hospital stay.
EXPLAINED_BY = lex.MOVING_WORDS | frozenset({"手術", "入院", "出産", "旅行"})
PLAN = "自分の死やその後の手続きを、近い日付とともに準備している"
AFTER_ANOTHER = "家族などの死のあとに自分も終わるつもりでいる"
NOT_STOPPED = "止められたくないという、計画を隠す言葉"
REASON_KEPT = "自分が死んだときに、その理由を誰に伝えるかを気にしている"
REASON = "理由"
TELLING_VERBS = frozenset({"言う", "伝える", "知らせる", "説明", "話す", "教える", "ばれる"})
STOP = "止める"
# The chat or someone reporting the sender: 警察に連絡される, 通報される.
REPORTS = frozenset({"連絡", "通報"})
DEATH_VERBS = frozenset({lex.DIE, "亡くなる"})
# Words one of which each reading of this module needs: a death, a death paper or 止める.
ANCHORS = DEATH_VERBS | DEATH_PAPERS | {STOP}
# 俺もそこで終わるつもり: the sender's end, planned.
INTENT_NOUNS = frozenset({"積もり", "予定", "気"})
DECIDE = "決める"
DECISION_WINDOW = 7
# 誕生日までは頑張る, 年末までは生きる: living promised only up to a date.
HOLD_VERBS = frozenset({"頑張る", "生きる", "耐える"})
# そこで決める, そのあとは終わりにする: the next sentence starts from the date.
AFTER_THE_DATE = frozenset({"そこ", "其処", "その後", "その日"})
DATE_VERDICTS = frozenset({DECIDE, "終える", "終わり", "けり", "決着"})
# 締め切りまでは頑張る。そこで終わり: a task's date, after which the work is over.
TASK_DATES = frozenset({"締め切り", "締切", "納期", "試験", "テスト", "発表", "提出", "本番"})
HELD_UNTIL = "ある日付までは生きると区切り、その日に先を決めるという予告"


def deadline_findings(tokens: Tokens, lemmas: frozenset[str]) -> list[RiskSignal]:
    """Return a signal when the sender's death or its papers come with a near date.

    Someone else's death can be the date: 親が死んだら俺もそこで終わるつもり. lemmas are the
    message's lemmas; every reading needs one of ANCHORS or HOLD_VERBS, and most messages
    have neither.
    """
    if not lemmas.isdisjoint(HOLD_VERBS):
        promise = _held_until(tokens)
        if promise is not None:
            start, end = promise
            return [signal(tokens, start, end, RiskKind.PLAN, HELD_UNTIL)]
    if lemmas.isdisjoint(ANCHORS):
        return []
    ending = _ending_after_death(tokens)
    if ending is not None:
        start, end = ending
        return [signal(tokens, start, end, RiskKind.PLAN, AFTER_ANOTHER)]
    stopped = _not_to_be_stopped(tokens)
    if stopped is not None:
        return [signal(tokens, stopped, stopped + 3, RiskKind.PLAN, NOT_STOPPED)]
    reason = _reason_kept(tokens)
    if reason is not None:
        start, end = reason
        return [signal(tokens, start, end, RiskKind.PLAN, REASON_KEPT)]
    if lemmas & EXPLAINED_BY:
        return []
    anchor = _own_death(tokens)
    if anchor is None:
        anchor = next(
            (index for index, token in enumerate(tokens) if token.lemma in DEATH_PAPERS), None
        )
    if anchor is None:
        return []
    if not (_near_date(tokens) or _end_at_peace(tokens)):
        return []
    # The reason quotes the verb with its ending (死んだら) or the paper alone (死亡届).
    end = anchor + 2 if tokens[anchor].lemma == lex.DIE else anchor + 1
    return [signal(tokens, anchor, min(len(tokens), end), RiskKind.PLAN, PLAN)]


def _held_until(tokens: Tokens) -> tuple[int, int] | None:
    """Return the span of 誕生日までは頑張る when the next sentence names what the date decides.

    誕生日まではがんばる。そこで決める: living is promised up to a date, and the date decides the
    rest. 試験まではがんばる。そのあと旅行 names what comes after, and nothing is decided.
    """
    for index in range(len(tokens) - 2):
        if tokens[index].lemma != "まで" or tokens[index + 1].lemma != "は":
            continue
        verb = index + 2
        if tokens[verb].lemma not in HOLD_VERBS or not is_self(subject_of(tokens, verb)):
            continue
        if index > 0 and tokens[index - 1].lemma in TASK_DATES:
            continue
        _, end = sentence_bounds(tokens, verb)
        following = [
            token.lemma
            for token in tokens[end : end + DECISION_WINDOW]
            if not is_sentence_end(token)
        ]
        if following[:1] and following[0] in AFTER_THE_DATE:
            if not DATE_VERDICTS.isdisjoint(following) and "予定" not in following:
                return max(0, index - 1), verb + 1
    return None


def _not_to_be_stopped(tokens: Tokens) -> int | None:
    """Return where 止められたくない or 止められそう occurs beside a report or a death asked about.

    警察に連絡されたりしますか?止められたくないので: the chat reporting the sender, asked about
    first. 受給者が亡くなったら…聞くと止められそうなので: a death asked about. 夫に止められたく
    ないので警察に相談したい has neither, because the sender reports, not the chat.
    """
    lemmas = [token.lemma for token in tokens]
    reported = any(
        lemma in REPORTS and lemmas[position + 1 : position + 3] == ["為る", "れる"]
        for position, lemma in enumerate(lemmas)
    )
    # 父が亡くなったら家を売りたいけど兄に止められそう: a relative's death is no plan.
    death_asked = any(
        token.lemma in DEATH_VERBS and subject_of(tokens, position) not in lex.OTHER_PEOPLE
        for position, token in enumerate(tokens)
    )
    for position, lemma in enumerate(lemmas[:-2]):
        if lemma != STOP or lemmas[position + 1] not in ("れる", "られる"):
            continue
        following = lemmas[position + 2 : position + 4]
        unwanted = following == ["たい", "無い"]
        expected = following[:1] == ["そう"]
        if (unwanted and reported) or ((unwanted or expected) and death_asked):
            return position
    return None


def _reason_kept(tokens: Tokens) -> tuple[int, int] | None:
    """Return the span of the sender's death and who is told its reason, or None.

    もし寮で死んだら、会社は家族に何て説明するんですか?上司にだけは理由を言ってほしくない:
    a death with a reason to tell is one the sender would choose. 父が死んだら is a relative's.
    """
    own_death = None
    for index, token in enumerate(tokens[:-1]):
        if token.lemma != lex.DIE or tokens[index + 1].surface not in ("だら", "たら"):
            continue
        if is_self(subject_of(tokens, index)):
            own_death = index
            break
    if own_death is None:
        return None
    for position in range(own_death + 2, len(tokens)):
        if tokens[position].lemma != REASON:
            continue
        following = [token.lemma for token in tokens[position + 1 : position + 6]]
        if any(lemma in TELLING_VERBS for lemma in following):
            return own_death, position + 1
    return None


def _ending_after_death(tokens: Tokens) -> tuple[int, int] | None:
    """Return the span of 親が死んだら俺も…終わるつもり, 親が死んだら自分も死ぬと決めてます."""
    for index, token in enumerate(tokens[:-2]):
        if token.lemma != lex.DIE or tokens[index + 1].surface not in ("だら", "たら"):
            continue
        subject = subject_of(tokens, index)
        if subject is None or is_self(subject):
            continue
        _, sentence_end = sentence_bounds(tokens, index)
        for position in range(index + 2, sentence_end - 2):
            if not is_self(tokens[position].lemma) or tokens[position + 1].lemma != "も":
                continue
            for later in range(position + 2, sentence_end - 1):
                if tokens[later].lemma in ("が", "は"):
                    # 私も仕事が終わる予定: the work ends, not the sender.
                    break
                if tokens[later].lemma not in (END_VERB, lex.DIE):
                    continue
                window = tokens[later + 1 : later + 1 + DECISION_WINDOW]
                after = [token.lemma for token in window]
                # 俺もそこで終わるつもり, 自分も死ぬと、ずっと前から決めてます.
                if after[:1] and after[0] in INTENT_NOUNS:
                    return index, later + 2
                if after[:1] == ["と"] and DECIDE in after:
                    return index, later + 2 + after.index(DECIDE)
    return None


def _own_death(tokens: Tokens) -> int | None:
    for index, token in enumerate(tokens[:-2]):
        if token.lemma != lex.DIE or tokens[index + 1].lemma != "た":
            continue
        following = tokens[index + 2]
        conditional = tokens[index + 1].surface in ("たら", "だら")
        if not (conditional or following.lemma in AFTER_DEATH):
            continue
        if is_self(subject_of(tokens, index)):
            return index
    return None


def _near_date(tokens: Tokens) -> bool:
    lemmas = [token.lemma for token in tokens]
    for index, lemma in enumerate(lemmas):
        if lemma in NEAR_SPANS and set(lemmas[index + 1 : index + 3]) & SPAN_LINKS:
            if _needed_after(tokens, index):
                return True
        if any(tuple(lemmas[index : index + len(soon)]) == soon for soon in SOON):
            if _needed_after(tokens, index):
                return True
    return False


def _needed_after(tokens: Tokens, index: int) -> bool:
    # 来月にはそれが必要になる: the need is in the same sentence as the date.
    _, end = sentence_bounds(tokens, index)
    return any(token.lemma in NEED_WORDS for token in tokens[index:end])


def _end_at_peace(tokens: Tokens) -> bool:
    for index, token in enumerate(tokens):
        if token.lemma == RELIEF:
            window = tokens[index + 1 : index + 1 + RELIEF_WINDOW]
            if any(following.lemma == END_VERB for following in window):
                return True
    return False
