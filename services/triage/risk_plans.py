"""Rules for plans written without a word of dying.

Insurance money that would pay a debt (死ねば保険金でローンが返せる, 生命保険で返すしかない, 事故に
見せかければ保険は下りる), an act carried out on a date (今夜決行します), a date chosen
(誕生日の前の日って決めてる, 決めた。来週の金曜にする) and preparations finished with a plan
or a farewell nearby (準備もしてある, 向こう側へ行く準備、できました). Each of these words is
everyday alone (保険金で車を直した, 雨天決行, 旅行の準備はできた), so each rule needs a death, an
unnamed act or a parting in the message.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, sentence_lemmas, signal
from services.triage.morphology import lemma_set, sentence_bounds
from services.triage.predicates import Tail, is_self, object_of, subject_of, verb_tail
from services.triage.signals import RiskKind, RiskSignal

INSURANCE_WINDOW = 8
# 保険で払う, 保険金が下りる: the money pays; 保険料を払う is the premium.
MONEY_PARTICLES = frozenset({"で", "が", "は", "も"})
# 保険おりる, 保険金入る: a payout verb right after the noun.
PAYOUT_VERBS = frozenset({"下りる", "おりる", "出る", "入る"})
# 死んだら保険おりるのかなって真剣に考えてる: the question thought over in earnest.
SERIOUS_WORDS = frozenset({"真剣", "本気", "マジ"})
DATE_WINDOW = 5
# 遺言 needed soon: 近いうちに使う, もうすぐ必要, そんなに先の話じゃない (lemmas joined by spaces).
SOON = ("近い うち", "もう 直ぐ", "もうすぐ", "そろそろ")
USE_VERBS = frozenset({"使う", "必要", "要る"})
NOT_FAR_OFF = ("先 の 話 だ 無い", "先 の こと だ 無い", "先 の 事 だ 無い")
# A will written before this age is written for a reason other than age.
YOUNG_AGE = 40
STUDENT_WORDS = frozenset({"高校生", "中学生", "小学生", "大学生", "学生", "高校", "中学"})
FUTURE_SPANS = frozenset({"来月", "来年", "来週", "将来", "先"})
# Affairs given up: the home, the job, the belongings.
SETTLED_AFFAIRS = frozenset({"引き払う", "解約", "退職届", "処分", "片付け", "片付ける", "譲る"})
BANKRUPTCY_WORDS = frozenset({"倒産", "破産", "負債", "廃業", "不渡り"})


def insurance_rule(tokens: Tokens, index: int) -> Finding:
    """死ねば保険金でローンが返せる, 生命保険で返すしかない, 俺には保険金の価値しかない."""
    if any(token.lemma in lex.MOURNING_WORDS | lex.BEREAVEMENT_VERBS for token in tokens):
        # 夫を自死で亡くしました。保険金は出るのか: a claim after someone's death.
        return None
    start, end = sentence_bounds(tokens, index)
    lemmas = [token.lemma for token in tokens[start:end]]
    payoff = any(lemma in lex.PAYOFF_VERBS for lemma in lemmas)
    worth_only = "価値" in lemmas and "しか" in lemmas
    if not (payoff or worth_only):
        return None
    following = tokens[index + 1 : index + 3]
    left = [token.lemma for token in following] == ["を", "残す"]
    # 保険おりるのかな: spoken Japanese may drop the particle before the payout.
    dropped = bool(following) and following[0].lemma in PAYOUT_VERBS
    if (
        not worth_only
        and not left
        and not dropped
        and (not following or following[0].lemma not in MONEY_PARTICLES)
    ):
        # 保険で払う, 保険金が下りる, 保険金を残す: the money pays, but 保険料を払う is the premium.
        return None
    if (
        worth_only
        or _last_resort(lemmas)
        or _own_death_near(tokens, start, end)
        or _own_death_asked(tokens, start, end)
        or _staged_accident(lemmas)
        or (tokens[index].lemma == lex.LIFE_INSURANCE and lex.DEBT_WORDS & set(lemmas))
        or (tokens[index].lemma == lex.LIFE_INSURANCE and _failed_business(tokens, lemmas))
    ):
        return signal(tokens, start, end, RiskKind.PLAN, "保険金で借金などを払うための死の計画")
    if _own_payout_for_family(tokens, index, lemmas):
        explanation = "自分の保険金で家族を助けようという考え"
        return signal(tokens, start, end, RiskKind.PLAN, explanation)
    return None


def _failed_business(tokens: Tokens, lemmas: list[str]) -> bool:
    """Return whether a bankruptcy is in the message and the life insurance pays in this sentence.

    倒産が決まってから『生命保険で払うから心配するな』: the debts of a failed business.
    """
    pays = any(lemma in lex.PAYOFF_VERBS for lemma in lemmas)
    if not pays or lex.CARE_PAYOUT_WORDS & set(lemmas):
        # 入院費は生命保険で払えた: a rider paid for a stay in hospital.
        return False
    return any(token.lemma in BANKRUPTCY_WORDS for token in tokens)


def _own_payout_for_family(tokens: Tokens, index: int, lemmas: list[str]) -> bool:
    """Return whether the sender's own payout would help the family: 私に保険金が出れば家族は
    助かる. A payout for a stay in hospital or a repair (入院したら私に保険金が出る) is not.
    """
    insured = index >= 2 and tokens[index - 1].lemma == "に" and is_self(tokens[index - 2].lemma)
    if not insured or lex.CARE_PAYOUT_WORDS & set(lemmas):
        return False
    return bool(lex.FAMILY_BENEFICIARIES & set(lemmas)) and "助かる" in lemmas


def carry_out_rule(tokens: Tokens, index: int) -> Finding:
    """今夜決行します, 今夜、実行します: an act with no name, carried out on a night or day."""
    if index + 1 >= len(tokens) or tokens[index + 1].lemma != lex.DO:
        return None
    tail = verb_tail(tokens, index + 1)
    if tail.negated or "た" in tail.lemmas:
        return None
    start, _ = sentence_bounds(tokens, index)
    sentence = tokens[start:index]
    if not any(token.lemma in lex.NIGHT_WORDS for token in sentence):
        return None
    if object_of(tokens, index) is not None or any(t.lemma in lex.EVENT_NOUNS for t in tokens):
        # 計画を実行します, 運動会は明日決行: a named plan or an event.
        return None
    topic = subject_of(tokens, index)
    if topic is not None and not is_self(topic) and topic not in lex.OTHER_PEOPLE:
        return None
    return signal(tokens, start, tail.end, RiskKind.PLAN, "実行の日を決めた予告")


def date_rule(tokens: Tokens, index: int) -> Finding:
    """誕生日の前の日って決めてる, 決めた。来週の金曜にする: a day chosen for nothing named."""
    start, end = sentence_bounds(tokens, index)
    before = tokens[max(start, index - DATE_WINDOW) : index]
    if before and before[-1].lemma in ("と", "って", "に"):
        chosen = [token.lemma for token in before[:-1]]
    elif index + 1 < len(tokens) and _plain_end(tokens, index):
        # 決めた。来週の金曜にする.
        chosen = _next_sentence_date(tokens, end)
    else:
        return None
    if not chosen or chosen[-1] not in lex.DATE_NOUNS:
        return None
    if any(lemma in lex.EVENT_NOUNS for lemma in chosen) or _topic_named(tokens, start, index):
        return None
    return signal(tokens, start, index + 1, RiskKind.PLAN, "決行の日を決めたという予告")


def preparation_rule(tokens: Tokens, index: int) -> Finding:
    """準備もしてある, 準備はもう終わってる, 向こう側へ行く準備、できました."""
    if _for_the_other_side(tokens, index):
        return signal(tokens, index - 3, index + 1, RiskKind.PLAN, "あの世へ行く準備")
    if index > 0 and tokens[index - 1].lemma == "の":
        # 旅行の準備, 明日の準備: preparations for something named.
        return None
    if not _finished(tokens, index):
        return None
    if not _unnamed_plan(tokens):
        return None
    return signal(tokens, index, index + 1, RiskKind.PLAN, "準備ができたという予告")


def _unnamed_plan(tokens: Tokens) -> bool:
    """Return whether the message speaks of a plan it does not name.

    Examples: やるつもり, 今夜なら, 子どもは実家に預けた, 最後に誰かと話したかった.
    """
    for position, token in enumerate(tokens):
        following = tokens[position + 1].lemma if position + 1 < len(tokens) else None
        if token.lemma in lex.LAST_OR_ENTRUSTED:
            return True
        if token.lemma == lex.DO_IT and following in (lex.INTENT, "だ"):
            return True
        if token.lemma in lex.NIGHT_WORDS and following == "だ":
            # 今夜なら: なら is だ in the conditional.
            return True
    return False


def _last_resort(lemmas: list[str]) -> bool:
    # 生命保険で返すしかない, 保険金で払うつもり, 死んで保険金で返すのが一番いい.
    return "しか" in lemmas or lex.INTENT in lemmas or "一番" in lemmas


def _own_death_near(tokens: Tokens, start: int, end: int) -> bool:
    """Return whether the sender's death or disappearance is in this or the previous sentence."""
    if start > 0:
        start, _ = sentence_bounds(tokens, start - 1)
    for position in range(start, end):
        if _death_or_accident(tokens, position):
            subject = subject_of(tokens, position)
            # 夫が、死んで保険金で払えばいいんだろって: the person reported counts too.
            if is_self(subject) or subject in lex.OTHER_PRONOUNS | lex.OTHER_PEOPLE:
                return True
    return False


def _own_death_asked(tokens: Tokens, start: int, end: int) -> bool:
    """Return whether the sender asks what a payout would be if they died: 死んだら保険おりるのかな.

    Only the sender's own death counts (父が死んだら is a family's question), and only asked
    or seriously thought over, not told as why a policy was bought (死んだら保険がおりるように).
    """
    for position in range(start, end):
        if tokens[position].lemma != lex.DIE:
            continue
        tail = verb_tail(tokens, position)
        conditional = any(
            token.surface in ("たら", "だら") for token in tokens[position : tail.end]
        )
        if tail.negated or not conditional or not is_self(subject_of(tokens, position)):
            continue
        lemmas = [token.lemma for token in tokens[tail.end : end]]
        return "か" in lemmas or bool(SERIOUS_WORDS & set(lemmas))
    return False


def _death_or_accident(tokens: Tokens, position: int) -> bool:
    """Return whether dying, vanishing or a wished-for accident starts at position."""
    token = tokens[position]
    tail = verb_tail(tokens, position)
    if token.lemma in (lex.DIE, lex.VANISH):
        return not tail.negated and "た" not in tail.lemmas
    if token.lemma == lex.BE:
        # いなくなれば: 居る, 無い, 成る.
        lemmas = tail.lemmas
        return lemmas[:2] in (("無い", "成る"), ("無い", "なれる")) and "た" not in lemmas
    if token.lemma == lex.ACCIDENT:
        # 事故にでも遭えば, 事故で死ねば: an accident wished for, not one that happened.
        following = [t.lemma for t in tokens[position + 1 : position + 5]]
        return any(lemma in (lex.MEET, lex.DIE) for lemma in following) and "た" not in following
    return False


def _staged_accident(lemmas: list[str]) -> bool:
    # 事故に見せかければ, 落ちたことにすれば: a death made to look like an accident.
    if "見せ掛ける" in lemmas:
        return True
    return "事故" in lemmas and "こと" in lemmas and lex.DO in lemmas


def _plain_end(tokens: Tokens, index: int) -> bool:
    tail = verb_tail(tokens, index)
    return "た" in tail.lemmas and (tail.end >= len(tokens) or tokens[tail.end].surface == "。")


def _next_sentence_date(tokens: Tokens, end: int) -> list[str]:
    if end + 1 >= len(tokens):
        return []
    start, next_end = sentence_bounds(tokens, end + 1)
    lemmas = [token.lemma for token in tokens[start:next_end]]
    # 来週の金曜にする: a date, に and a plain する close the sentence.
    if lemmas[-2:] != ["に", lex.DO]:
        return []
    return lemmas[:-2]


def _topic_named(tokens: Tokens, start: int, index: int) -> bool:
    # 結婚式は誕生日の前の日って決めてる: the date is for a named event.
    for position in range(start, index - 1):
        if tokens[position + 1].lemma in ("は", "を") and tokens[position].pos == "名詞":
            return tokens[position].lemma not in lex.DATE_NOUNS | lex.NIGHT_WORDS
    return False


def _for_the_other_side(tokens: Tokens, index: int) -> bool:
    # 向こう側へ行く準備: the preparation is for going to the other world.
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    if len(before) < 3 or before[2] not in lex.GO_VERBS or before[1] not in ("に", "へ"):
        return False
    return before[0] in lex.AFTERLIFE_PLACES | lex.WEAK_AFTERLIFE_PLACES


def _finished(tokens: Tokens, index: int) -> bool:
    """Return whether the preparation is done: 準備もしてある, 準備はもう終わってる, 準備できた."""
    for position in range(index + 1, min(len(tokens), index + 5)):
        lemma = tokens[position].lemma
        if lemma in lex.FINISH_VERBS:
            tail = verb_tail(tokens, position)
            return not tail.negated and (
                "た" in tail.lemmas or "てる" in tail.lemmas or _kept(tokens, tail)
            )
        if lemma == lex.DO:
            tail = verb_tail(tokens, position)
            return not tail.negated and _kept(tokens, tail)
        if lemma not in ("は", "も", "が", "もう", "、", "全部"):
            return False
    return False


def _kept(tokens: Tokens, tail: Tail) -> bool:
    # 準備もしてある: て followed by ある.
    return (
        tail.end < len(tokens) and tokens[tail.end].lemma == "有る" and tail.lemmas[-1:] == ("て",)
    )


def planner_rule(tokens: Tokens, index: int) -> Finding:
    """来年の手帳を買わなかった、いらないので: no planner bought for a year one will not see."""
    if index < 2 or [token.lemma for token in tokens[index - 2 : index]] != [lex.NEXT_YEAR, "の"]:
        return None
    if any(token.lemma in lex.PLANNER_EXCUSES for token in tokens):
        return None
    for position, token in enumerate(tokens):
        if token.lemma in ("買う", "いる", "要る") and verb_tail(tokens, position).negated:
            end = verb_tail(tokens, position).end
            explanation = "来年の予定を持たないという思い"
            return signal(tokens, index - 2, max(end, index + 1), RiskKind.PLAN, explanation)
    return None


def will_rule(tokens: Tokens, index: int) -> Finding:
    """遺言を書いた、近いうちに使うことになる, 28歳です。遺言を書いておきたい: a will needed soon.

    A will is planning for old age, so it counts only when the sender expects to need it soon
    or is young. A will of a parent (祖父が遺言を書いた) or in a lesson is no plan.
    """
    start, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.NEWS_CONTEXT or _written_by_other(tokens, start, index):
        return None
    message = [token.lemma for token in tokens]
    if _needed_soon(message):
        explanation = "遺言が近いうちに必要になるという考え"
        return signal(tokens, index, index + 1, RiskKind.PLAN, explanation)
    if _young_sender(tokens):
        explanation = "若くして遺言を用意しようとしている"
        return signal(tokens, index, index + 1, RiskKind.PLAN, explanation)
    return None


def _written_by_other(tokens: Tokens, start: int, index: int) -> bool:
    # 祖父が遺言を書いた, 父の遺言: someone else's will.
    for position in range(start, index):
        if tokens[position].lemma in lex.OTHER_PEOPLE and position + 1 < len(tokens):
            if tokens[position + 1].lemma in ("が", "は", "の", "も"):
                return True
    return False


def _needed_soon(lemmas: list[str]) -> bool:
    """Return whether 近いうちに使う or そんなに先の話じゃない is in the message."""
    text = " ".join(lemmas)
    if any(phrase in text for phrase in NOT_FAR_OFF):
        return True
    return any(phrase in text for phrase in SOON) and any(verb in lemmas for verb in USE_VERBS)


def _young_sender(tokens: Tokens) -> bool:
    """Return whether the sender gives an age under YOUNG_AGE or names a school year."""
    for position, token in enumerate(tokens[:-1]):
        if token.pos_detail == "数詞" and tokens[position + 1].lemma == "歳":
            if token.lemma.isdigit() and int(token.lemma) < YOUNG_AGE:
                return True
    return any(token.lemma in STUDENT_WORDS for token in tokens)


def future_unneeded_rule(tokens: Tokens, index: int) -> Finding:
    """来月のことを考えなくていい, written after the home and the job are given up with no next.

    アパートも月末で引き払います。そのあとの予定はありません。来月のことを考えなくていいと思うと
    気が楽: a future not needed after affairs are settled. After an exam or with a move named
    (引っ越し, 転勤) it is relief about a busy time.
    """
    before = [token.lemma for token in tokens[max(0, index - 6) : index]]
    if not any(lemma in FUTURE_SPANS for lemma in before) or "こと" not in before:
        return None
    tail = verb_tail(tokens, index)
    if tail.lemmas[:3] != ("無い", "て", "良い"):
        return None
    if tail.end < len(tokens) and tokens[tail.end].lemma in ("くらい", "ほど", "程"):
        # 来年のことはもう考えなくていいくらいスッキリ measures a relief.
        return None
    lemmas = {token.lemma for token in tokens}
    if not lemmas & SETTLED_AFFAIRS or lemmas & lex.MOVING_WORDS:
        return None
    start = (
        index
        - len(before)
        + min(position for position, lemma in enumerate(before) if lemma in FUTURE_SPANS)
    )
    explanation = "身辺を片付け、先のことはもう考えなくていいという思い"
    return signal(tokens, start, tail.end, RiskKind.PLAN, explanation)


TICKETS = frozenset({"切符", "チケット", "乗車券"})
RETURN_TRIP = "帰り"
ONE_WAY = "片道"
TICKET_BUYING = frozenset({"買う", "取る", "予約", "用意"})
# Reasons to leave the return open (日程が決まってない, 向こうで買う) or to go for good.
OPEN_RETURN_REASONS = lemma_set(
    "まだ", "決まる", "予定", "向こう", "現地", "後", "迎え", "往復", "戻る", "引っ越し", "引越し",
    "引っ越す", "転勤", "留学", "移住", "就職", "帰国", "進学", "転職", "上京", "専門学校",
    "入学", "大学", "入社", "新生活",
)  # fmt: skip


def ticket_rule(tokens: Tokens, index: int) -> Finding:
    """帰りの切符は買っていません, 片道切符で行ってきます: a trip with no return planned.

    A reason to leave the return open or to move for good (日程が決まってない, 転勤) anywhere
    in the message, or まだ (not yet), makes it a trip.
    """
    if any(token.lemma in OPEN_RETURN_REASONS for token in tokens):
        return None
    before = [token.lemma for token in tokens[max(0, index - 2) : index]]
    if before[-1:] == [ONE_WAY]:
        explanation = "片道だけの切符、戻らないつもりの外出"
        return signal(tokens, index - 1, index + 1, RiskKind.PLAN, explanation)
    if before != [RETURN_TRIP, "の"]:
        return None
    _, end = sentence_bounds(tokens, index)
    for position in range(index + 1, end):
        if tokens[position].lemma not in TICKET_BUYING:
            continue
        tail = verb_tail(tokens, position)
        if tail.negated or _negated_later(tokens, position, end):
            explanation = "帰りの切符を買っていない、戻らないつもりの外出"
            return signal(tokens, index - 2, tail.end, RiskKind.PLAN, explanation)
    return None


def _negated_later(tokens: Tokens, position: int, end: int) -> bool:
    # 買っていません: the negation follows いる, past the verb's own tail.
    following = tokens[position + 1 : min(end, position + 5)]
    return any(token.lemma in ("無い", "ず") for token in following)


PLAN_RULES: dict[str, Rule] = {
    **{lemma: ticket_rule for lemma in TICKETS},
    lex.THINK: future_unneeded_rule,
    lex.WILL: will_rule,
    lex.PLANNER: planner_rule,
    **{lemma: insurance_rule for lemma in lex.INSURANCE_NOUNS},
    **{lemma: carry_out_rule for lemma in lex.CARRY_OUT_NOUNS},
    lex.DECIDE: date_rule,
    **{lemma: preparation_rule for lemma in lex.PREPARATION_NOUNS},
}


# 一緒に死んでくれる人, 心中してくれる人いないかな: a partner sought for dying.
PACT = "心中"
TOGETHER = "一緒"
PACT_PARTNERS = frozenset({"人", "相手", "方"})
PACT_EXPLANATION = "一緒に死ぬ相手を求めている"


def pact_findings(tokens: Tokens, lemmas: frozenset[str]) -> list[RiskSignal]:
    """Return a signal for a partner sought to die with: 一緒に死ねる人いませんか."""
    if TOGETHER not in lemmas and PACT not in lemmas:
        return []
    for index, token in enumerate(tokens):
        start = index
        if token.lemma == lex.DIE:
            start = index - 2
            together = [other.lemma for other in tokens[max(0, start) : index]]
            if together != [TOGETHER, "に"]:
                continue
        elif token.lemma != PACT:
            continue
        following = [other.lemma for other in tokens[index + 1 : index + 4]]
        found = next(
            (
                offset
                for offset, lemma in enumerate(following)
                if lemma == "呉れる" or lemma in PACT_PARTNERS
            ),
            None,
        )
        if found is not None:
            end = index + 2 + found
            return [signal(tokens, start, end, RiskKind.IDEATION, PACT_EXPLANATION)]
    return []
