"""Medicine as a means: hoarding pills and taking many at once.

Taking medicine is everyday (処方された睡眠薬を毎晩1錠飲んでいます), so the rules read the amount:
a word for "all" or "a lot" (全部, 大量, いっぱい) that belongs to the verb of taking, a count
of pills (30錠, 何十錠), a pack (1箱), or days of supply taken together (一か月分まとめて飲んだ).
Routine words (毎晩, 1日) keep a supply from counting as an overdose. A question whether an
amount would end one's life (何錠飲んだら終われますか, まとめて飲めば楽になれる) counts too.
Hoarding is saving pills instead of taking them: 溜めてる, 飲まずに残してる, 少しずつ残してる.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Tokens, action_span, note, sentence_lemmas, signal
from services.triage.morphology import Token, is_sentence_end, lemma_set, sentence_bounds
from services.triage.predicates import (
    BARE_TIME_NOUNS,
    NEGATIONS,
    Desire,
    is_volitional,
    object_of,
    quoted_at_sender,
    subject_of,
    verb_tail,
)
from services.triage.risk_doses import dose_signs
from services.triage.signals import RiskKind

LAY_OUT = "並べる"
# 眠剤貯金: pills saved like money.
SAVINGS = "貯金"
# A count at or above these is more than any single dose.
MANY_PILLS = 10
MANY_DAYS = 3
# Counts without a number: 何十錠, 数十錠.
VAGUE_COUNTS = {"何十": 30, "数十": 30, "何百": 300, "数百": 300}
PILL_COUNTERS = frozenset({"錠", "粒", "カプセル"})
PACK_COUNTERS = frozenset({"箱", "シート", "瓶"})
# シート3枚: packs counted with 枚 after the pack noun.
SHEET_COUNTER = "枚"
DAYS_PER_UNIT = {"日": 1, "週間": 7, "箇月": 30, "月": 30}
SUPPLY_SUFFIX = "分"
# ちゃんと飲んでます: taken as prescribed, however large the supply fetched. 一包化 is the
# pharmacy's packing of each dose in its own bag.
ROUTINE_WORDS = frozenset(
    {
        "毎日",
        "毎晩",
        "毎朝",
        "朝晩",
        "食後",
        "寝る前",
        "ずつ",
        "毎食",
        "ちゃんと",
        "きちんと",
        "一包化",
    }
)
LITTLE = frozenset({"少し", "ちょっと", "一寸"})
BELONGINGS_OF_THE_DEAD = frozenset({"遺品", "遺品整理", "形見"})
# 残してたらたまった: pills left over on purpose until they piled up.
PILED_UP = frozenset({"溜まる", "たまる"})
OVERDOSE = "薬を一度に大量に飲む、過量服薬"
HOARDING = "薬をためている、過量服薬の準備"
# 全部いった, 一気にいった: slang for taking everything, only right after an amount.
GO = "行く"
SAY = "言う"
# Verbs that may stand between an amount and the verb of taking: 全部出して酒で流し込んだ.
AMOUNT_LINK_VERBS = frozenset({"纏める", "出す", "取り出す", "混ぜる", "押し出す", "開ける"})
# Clause ends that cut an amount off from a later verb: 全部わからなかったけど、薬は飲んだ.
CLAUSE_ENDS = frozenset({"けれど", "から", "ので", "のに", "ば", "たら", "が"})
# Outcomes that make a question about a dose a question about dying.
ENDING_OUTCOMES = frozenset({"楽", "終わる", "死ぬ", "逝く", "永遠"})
WAKE_VERBS = frozenset({"覚める", "目覚める", "起きる"})
# 飲み忘れ, 飲み方, 全部飲み終わった: a missed dose, the way to take it, a finished course.
NOT_TAKING = frozenset({"忘れる", "方", "終わる", "切る"})
# 全部飲んだかチェックしてくる: someone checks that the medicine was taken.
CHECK_WORDS = frozenset({"チェック", "確認", "見る", "聞く"})
# 少しずつ残してる, 少しずつ抜いてためてる: saving a few pills at a time.
LITTLE_BY_LITTLE = ("少し", "ずつ")
PUT_ASIDE_VERBS = lex.SAVE_VERBS | lex.HOARD_VERBS | frozenset({"抜く", "貰う"})
# 飲んだふりして取ってある: pretending to take the pills.
PRETENSE = "振り"
HOARD_LOOKAHEAD_SENTENCES = 2
# 三軒まわって, 何店舗も回って: shops counted on a round.
SHOP_COUNTERS = frozenset({"軒", "店", "店舗", "薬局", "ドラッグストア"})
# 何箱まで買えるか: a question about buying, which asks nothing about a dose.
BUYING_VERBS = frozenset({"買う", "購入", "買える", "買い集める"})
GATHER = "買い集める"
ROUND_VERBS = frozenset({"回る", GATHER, "梯子"})
# ずつ after these is a small amount per shop: 少しずつ, 1箱ずつ, ひと瓶ずつ.
SMALL_AMOUNTS = frozenset({LITTLE_BY_LITTLE[0], "箱", "瓶", "袋", "シート"})
# ミルク全部飲んでくれた, 全部飲ませた: a child or someone else drank.
GIVEN_OR_RECEIVED = frozenset({"くれる", "貰う", "せる", "させる"})
# Drinks and dishes that explain 全部飲んだ without medicine (alcohol is lex.ALCOHOL).
DRINKS_AND_DISHES = lemma_set(
    "水", "茶", "コーヒー", "ジュース", "牛乳", "ミルク", "スープ", "味噌汁", "汁",
    "コーラ", "紅茶", "ドリンク", "スムージー", "ラテ", "麦茶", "豆乳", "ヨーグルト", "母乳",
    "ラーメン", "うどん", "そば",
)  # fmt: skip
WARNING_WORDS = frozenset({"危ない", "駄目", "危険", "良い"})
# Medicines whose overdose is dangerous: sedatives and insulin. Asking what a double dose of a
# cold medicine does is a question for a pharmacist.
STRONG_MEDICINES = lex.SEDATIVES | lemma_set("インスリン")


def medicine_rule(tokens: Tokens, index: int) -> Finding:
    """薬をためている (hoarding) or 薬を全部飲んだ, 30錠飲んだ (overdose)."""
    start, end, lemmas = sentence_lemmas(tokens, index)
    if _forgotten_doses(tokens):
        return note(tokens, index, index + 1, "飲み忘れの薬の話")
    if any(token.lemma in BELONGINGS_OF_THE_DEAD for token in tokens):
        # 遺品整理で、飲まずにためてあった薬が出てきた: the medicine of someone who died.
        return note(tokens, index, index + 1, "亡くなった人の遺品の薬")
    if _bought_around(tokens, start, end, lemmas):
        # 三軒まわって同じ薬を少しずつ買った: a supply gathered from several shops.
        return signal(tokens, index, end, RiskKind.PLAN, HOARDING)
    if _hoarded(tokens, start, end, lemmas):
        actions = lex.HOARD_VERBS | PUT_ASIDE_VERBS | PILED_UP
        first, last = action_span(tokens, index, actions)
        return signal(tokens, first, last, RiskKind.PLAN, HOARDING)
    if lemmas & lex.ALCOHOL and lemmas & lex.SWALLOW_VERBS and _more_and_more(tokens):
        # 市販の鎮痛剤を焼酎で何錠も流し込んでる。量が日に日に増えてる: pills and drink together,
        # the amount growing.
        first, last = action_span(tokens, index, lex.SWALLOW_VERBS)
        return signal(tokens, first, last, RiskKind.PLAN, "酒と一緒に薬を多く飲んでいる")
    pills, days = _quantities(tokens[start:end])
    if pills >= MANY_PILLS and LAY_OUT in lemmas and not lemmas & ROUTINE_WORDS:
        # 💊×40 ならべた (canonical 薬40錠ならべた): a handful of pills laid out.
        first, last = action_span(tokens, index, frozenset({LAY_OUT}))
        return signal(tokens, first, last, RiskKind.PLAN, "多くの錠剤を並べている、過量服薬の準備")
    routine = bool(lemmas & ROUTINE_WORDS) and not _little_by_little(tokens, start, end)
    for position in range(start, end):
        if not _takes(tokens, position, start):
            continue
        tail = verb_tail(tokens, position)
        if tail.negated or _checked(tokens, tail.end) or _warned(tokens, tail):
            continue
        if "せる" in tail.lemmas or "させる" in tail.lemmas:
            # 子どもに粉薬をまとめて飲ませる: someone else is given the medicine.
            continue
        amount = _amount_before(tokens, start, position)
        strong = amount is not None and amount not in lex.WEAK_AMOUNTS
        intended = amount is not None and _intended(tokens, position, tail)
        supply = days >= MANY_DAYS and not routine
        if strong or intended or pills >= MANY_PILLS or supply:
            first, last = action_span(tokens, index, lex.SWALLOW_VERBS | {GO})
            return signal(tokens, first, last, RiskKind.PLAN, OVERDOSE)
        if (amount is not None or _pill_question(tokens, start, position)) and _ending_outcome(
            tokens, position, tail
        ):
            explanation = "大量に飲めば死ねるかという問い、過量服薬の考え"
            return signal(tokens, index, tail.end, RiskKind.PLAN, explanation)
        question_end = _what_happens_end(tokens, tail, end)
        if amount is not None and question_end is not None and lemmas & STRONG_MEDICINES:
            # 睡眠薬って多めに飲むとどうなるんですか; 風邪薬を多めに飲むと is a cold.
            explanation = "薬を多く飲むとどうなるかという問い、過量服薬の考え"
            return signal(tokens, index, question_end, RiskKind.PLAN, explanation)
    packs_end = _packs_question_end(tokens, start, end)
    if packs_end is not None:
        # 抗うつ薬、一度に何シートまでなら大丈夫ですか: no dose is counted in sheets.
        explanation = "一度に何シートまで飲めるかという問い、過量服薬の考え"
        return signal(tokens, index, packs_end, RiskKind.PLAN, explanation)
    if pills >= MANY_PILLS and _swallowed_next(tokens, end):
        # 100錠買った。今夜飲む: the pills are got in one sentence and taken in the next.
        return signal(tokens, index, end, RiskKind.PLAN, OVERDOSE)
    if _taken_all_next(tokens, end):
        # ブロン買ってきた。今夜は全部いく.
        return signal(tokens, index, end, RiskKind.PLAN, OVERDOSE)
    if _only_amounts(tokens, start, end):
        # 大量の薬 ぜんぶ (from 💊💊💊💊 ぜんぶ): a bare amount with no verb at all.
        return signal(tokens, start, end, RiskKind.PLAN, OVERDOSE)
    return dose_signs(tokens, index) or _everyday_dose(tokens, index, lemmas)


def all_swallowed_rule(tokens: Tokens, index: int) -> Finding:
    """さっき全部飲んだ, 全部飲みました: everything swallowed, with no drink or food named.

    medicine_rule reads the messages that name the medicine. Here nothing is named, and a
    drink or a dish anywhere in the message (ビール, スープ, ミルク) explains the words.
    """
    if index + 1 >= len(tokens) or tokens[index + 1].lemma not in lex.SWALLOW_VERBS - {"打つ"}:
        return None
    position = index + 1
    following = tokens[position + 1 : position + 2]
    if following and following[0].lemma in NOT_TAKING:
        return None
    tail = verb_tail(tokens, position)
    if tail.negated or set(tail.lemmas) & GIVEN_OR_RECEIVED:
        return None
    lemmas = {token.lemma for token in tokens}
    if lemmas & (lex.ALCOHOL | DRINKS_AND_DISHES | lex.MEDICINE_NOUNS):
        return None
    done = "た" in tail.lemmas or "ちゃう" in tail.lemmas
    if not (done or _intended(tokens, position, tail)):
        return None
    return signal(tokens, index, tail.end, RiskKind.PLAN, OVERDOSE)


def _more_and_more(tokens: Tokens) -> bool:
    """Return whether the amount is called large or growing: 量が多い, 何錠も, 量が増えてる."""
    lemmas = [token.lemma for token in tokens]
    for position, lemma in enumerate(lemmas):
        following = lemmas[position + 1 : position + 6]
        if lemma == "量" and ("多い" in following or "増える" in following):
            return True
        if lemma == "何" and following[:2] in (["錠", "も"], ["粒", "も"]):
            return True
    return False


def _bought_around(tokens: Tokens, start: int, end: int, lemmas: set[str]) -> bool:
    """Return whether the medicine is bought a little at a time round several shops."""
    if not BUYING_VERBS & lemmas:
        return False
    # Sudachi reads 三軒 as one word in some sentences, so the counter may end a lemma.
    counted = any(lemma.endswith(counter) for lemma in lemmas for counter in SHOP_COUNTERS)
    # 何軒かのドラッグストアで少しずつ買い集めた: gathering names the round itself.
    # 3軒はしごして: going from shop to shop.
    round_of_shops = not ROUND_VERBS.isdisjoint(lemmas) and counted
    # 少しずつ, 1箱ずつ: a little, or one pack, at each shop.
    little = any(
        tokens[position].lemma == LITTLE_BY_LITTLE[1]
        and tokens[position - 1].lemma in SMALL_AMOUNTS
        for position in range(max(start, 1), end)
    )
    # 3軒まわって買い集めた: gathering from several shops needs no small amount.
    return round_of_shops and (little or GATHER in lemmas)


def _little_by_little(tokens: Tokens, start: int, end: int) -> bool:
    # 睡眠薬もね、ちょっとずつね: ずつ after 少し or ちょっと gathers, 1錠ずつ is a dose.
    return any(
        tokens[position].lemma == "ずつ" and tokens[position - 1].lemma in LITTLE
        for position in range(max(start, 1), end)
    )


def _everyday_dose(tokens: Tokens, index: int, lemmas: set[str]) -> Finding:
    """Return a note for medicine taken as prescribed, fetched at once or given to a child."""
    start, end = sentence_bounds(tokens, index)
    if _little_by_little(tokens, start, end):
        return None
    if lemmas & ROUTINE_WORDS or lemmas & lex.PRESCRIBED:
        return note(tokens, index, index + 1, "決まった量を毎日飲んでいる")
    if lex.SWALLOW_VERBS & lemmas and lemmas & {"せる", "させる"}:
        return note(tokens, index, index + 1, "子どもなどに薬を飲ませる話")
    if "纏める" in lemmas and "貰う" in lemmas:
        return note(tokens, index, index + 1, "薬局や病院で薬をまとめてもらった話")
    return None


def _takes(tokens: Tokens, position: int, start: int) -> bool:
    """Return whether tokens[position] is a verb of taking medicine, not 飲み忘れ or 飲み方."""
    token = tokens[position]
    following = tokens[position + 1 : position + 2]
    if token.lemma in lex.SWALLOW_VERBS:
        return not (following and following[0].lemma in NOT_TAKING)
    # いく counts only right after an amount: 全部いった, 一気にいった. Sudachi reads いった
    # after これ全部 as 言う, so 言う spelled in kana counts as いく too.
    going = token.lemma == GO or (token.lemma == SAY and token.surface.startswith("い"))
    if going and position > start and tokens[position - 1].lemma in PILL_COUNTERS:
        # ブロン20錠いった: a count of pills gone down.
        return True
    return going and _amount_before(tokens, start, position, adjacent=True) is not None


def _amount_before(tokens: Tokens, start: int, position: int, adjacent: bool = False) -> str | None:
    """Return the amount word that belongs to the verb at position (全部飲んだ), if any.

    The search goes back through the verb's clause and stops at another verb, so 全部 in
    日本語がはやくて全部わからなかった does not belong to an earlier 飲み方.
    """
    limit = position - 3 if adjacent else start
    found: str | None = None
    for index in range(position - 1, max(start, limit) - 1, -1):
        token = tokens[index]
        if token.lemma in lex.OVERDOSE_AMOUNTS and _is_amount(tokens, index):
            if token.lemma not in lex.WEAK_AMOUNTS:
                return token.lemma
            found = token.lemma
        elif token.pos_detail == "接続助詞" and token.lemma in CLAUSE_ENDS:
            break
        elif token.pos == "動詞" and token.lemma not in AMOUNT_LINK_VERBS:
            break
    return found


def _is_amount(tokens: Tokens, index: int) -> bool:
    # 一度に飲んだ is all at once; 一度飲んだ is once.
    if tokens[index].lemma != "一度":
        return True
    return index + 1 < len(tokens) and tokens[index + 1].lemma == "に"


def _intended(tokens: Tokens, position: int, tail) -> bool:
    """Return whether taking is wished or intended: まとめて飲もう, まとめて飲みたい."""
    if tail.desire is Desire.WANT or is_volitional(tokens, position, tail):
        return True
    following = [token.lemma for token in tokens[tail.end : tail.end + 1]]
    return following == ["積もり"]


def _checked(tokens: Tokens, position: int) -> bool:
    # 私が薬を全部飲んだかチェックしてくる, 全部飲んだかどうか確認しやすい: whether it was taken,
    # checked by someone.
    following = [token.lemma for token in tokens[position : position + 5]]
    if following[1:3] == ["どう", "か"]:
        following = following[:1] + following[3:]
    return following[:1] == ["か"] and any(lemma in CHECK_WORDS for lemma in following[1:3])


def _warned(tokens: Tokens, tail) -> bool:
    """Return whether the taking is a warning: 一度にたくさん飲むと危ない, 飲みすぎるとだめ.

    A warning quoted as said to the sender (「…飲むと危ない」と言われた) counts too.
    """
    following = [token.lemma for token in tokens[tail.end : tail.end + 2]]
    if following[:1] == ["と"] and following[1:] and following[1] in WARNING_WORDS:
        return True
    return quoted_at_sender(tokens, tail.end)


def _pill_question(tokens: Tokens, start: int, position: int) -> bool:
    # 何錠飲んだら終われますか: 何 with a pill counter before the verb.
    for index in range(start, position - 1):
        if tokens[index].lemma == "何" and tokens[index + 1].lemma in PILL_COUNTERS:
            return True
    return False


def _what_happens_end(tokens: Tokens, tail, sentence_end: int) -> int | None:
    """Return the end of 〜と、〜たら or 〜ば どうなる after the verb of taking, or None."""
    surfaces = [token.surface for token in tokens[tail.end - 1 : tail.end + 1]]
    conditional = (
        "ば" in tail.lemmas or "と" in surfaces[1:] or any(s in ("たら", "だら") for s in surfaces)
    )
    if not conditional:
        return None
    for position in range(tail.end, min(sentence_end, tail.end + 3) - 1):
        if tokens[position].lemma == "どう" and tokens[position + 1].lemma == "成る":
            return position + 2
    return None


def _packs_question_end(tokens: Tokens, start: int, end: int) -> int | None:
    """Return the end of 何シートまで or 何箱まで in the sentence, or None."""
    for position in range(start, end - 2):
        if tokens[position].lemma != "何" or tokens[position + 1].lemma not in PACK_COUNTERS:
            continue
        if tokens[position + 2].lemma != "まで":
            continue
        if any(token.lemma in BUYING_VERBS for token in tokens[position + 3 : end]):
            # 一度に何箱まで買えるんでしょう: a limit on buying, not on taking.
            return None
        return position + 3
    return None


def _ending_outcome(tokens: Tokens, position: int, tail) -> bool:
    """Return whether the verb is a condition for an ending: 飲めば楽, 飲んだら目が覚めなくなる."""
    surfaces = [token.surface for token in tokens[position + 1 : tail.end]]
    if "ば" not in tail.lemmas and not any(s in ("たら", "だら") for s in surfaces):
        return False
    _, end = sentence_bounds(tokens, position)
    for index in range(tail.end, end):
        lemma = tokens[index].lemma
        if lemma in ENDING_OUTCOMES:
            return True
        if lemma in WAKE_VERBS and verb_tail(tokens, index).negated:
            return True
    return False


def _forgotten_doses(tokens: Tokens) -> bool:
    """Return whether the message speaks of missed doses (飲み忘れ), but not of feigning one."""
    for position in range(len(tokens) - 1):
        if tokens[position].lemma == lex.SWALLOW and tokens[position + 1].lemma == "忘れる":
            following = [token.lemma for token in tokens[position + 2 : position + 4]]
            return PRETENSE not in following
    return False


def _hoarded(tokens: Tokens, start: int, end: int, lemmas: set[str]) -> bool:
    if lemmas & lex.HOARD_VERBS or _kept_unswallowed(tokens, start, end, lemmas):
        return True
    if _pill_savings(tokens, start, end):
        return True
    if _saved_little_by_little(tokens, start, end):
        return True
    if "残す" in lemmas and lemmas & PILED_UP:
        return True
    return _hoarded_later(tokens, end)


def _pill_savings(tokens: Tokens, start: int, end: int) -> bool:
    """Return whether pills are saved like money: 眠剤コツコツ貯金中, 薬貯金."""
    for position in range(start, end):
        if tokens[position].lemma not in lex.MEDICINE_NOUNS:
            continue
        following = tokens[position + 1 : position + 3]
        if any(token.lemma == SAVINGS for token in following):
            return True
    return False


def _kept_unswallowed(tokens: Tokens, start: int, end: int, lemmas: set[str]) -> bool:
    """Return whether pills are kept instead of taken: 飲まずに残してる, 飲んだふりして取ってた.

    Piling up counts as keeping: 飲まねでためでおいだっけ、ずいぶん貯まったず in dialect, which
    Sudachi cannot read as ためておいた.
    """
    piled = any(
        token.lemma in PILED_UP and subject_of(tokens, position) in (None, *lex.MEDICINE_NOUNS)
        for position, token in enumerate(tokens[start:end], start)
    )
    if not lemmas & lex.SAVE_VERBS and not piled:
        # 薬を飲まなかったら疲れが溜まった: something else piled up.
        return False
    for position in range(start, end - 1):
        if tokens[position].lemma != lex.SWALLOW:
            continue
        following = [token.lemma for token in tokens[position + 1 : position + 3]]
        if following[0] in NEGATIONS or (following[:1] == ["た"] and PRETENSE in following):
            return True
    return False


def _saved_little_by_little(tokens: Tokens, start: int, end: int) -> bool:
    lemmas = [token.lemma for token in tokens[start:end]]
    for offset in range(len(lemmas) - 1):
        if tuple(lemmas[offset : offset + 2]) == LITTLE_BY_LITTLE:
            return any(lemma in PUT_ASIDE_VERBS for lemma in lemmas[offset + 2 :])
    return False


def _hoarded_later(tokens: Tokens, end: int) -> bool:
    """Return whether one of the next sentences hoards with no other object: 貯めてるみたい."""
    position = end
    for _ in range(HOARD_LOOKAHEAD_SENTENCES):
        if position + 1 >= len(tokens):
            return False
        start, position = sentence_bounds(tokens, position + 1)
        for index in range(start, position):
            if tokens[index].lemma in lex.HOARD_VERBS and object_of(tokens, index) is None:
                return True
    return False


def _quantities(sentence: Tokens) -> tuple[int, int]:
    """Return the largest pill count and the largest supply in days in a sentence.

    A pack (1箱, 1シート) counts as MANY_PILLS pills, and 何箱も as several packs.
    """
    pills = days = 0
    for position, token in enumerate(sentence):
        following = [t.lemma for t in sentence[position + 1 : position + 3]]
        counter = following[0] if following else None
        if token.lemma == "何" and counter in PACK_COUNTERS and following[1:] == ["も"]:
            pills = max(pills, 2 * MANY_PILLS)
        if token.pos_detail != "数詞":
            continue
        number = _number(token)
        if counter in PILL_COUNTERS:
            pills = max(pills, number)
        elif counter in PACK_COUNTERS:
            pills = max(pills, MANY_PILLS * number)
        elif (
            counter == SHEET_COUNTER
            and position > 0
            and sentence[position - 1].lemma in PACK_COUNTERS
        ):
            # シート3枚空けた.
            pills = max(pills, MANY_PILLS * number)
        elif counter in DAYS_PER_UNIT and following[1:] == [SUPPLY_SUFFIX]:
            days = max(days, DAYS_PER_UNIT[counter] * number)
    return pills, days


def _number(token: Token) -> int:
    if token.lemma in VAGUE_COUNTS:
        return VAGUE_COUNTS[token.lemma]
    try:
        return int(token.lemma)
    except ValueError:
        return 0


def _swallowed_next(tokens: Tokens, sentence_end: int) -> bool:
    if sentence_end + 1 >= len(tokens):
        return False
    start, end = sentence_bounds(tokens, sentence_end + 1)
    return any(token.lemma in lex.SWALLOW_VERBS for token in tokens[start:end])


def _taken_all_next(tokens: Tokens, sentence_end: int) -> bool:
    if sentence_end + 1 >= len(tokens):
        return False
    start, end = sentence_bounds(tokens, sentence_end + 1)
    for position in range(start, end):
        token = tokens[position]
        if token.lemma in lex.SWALLOW_VERBS | {GO} and _takes(tokens, position, start):
            amount = _amount_before(tokens, start, position)
            if amount is not None and amount not in lex.WEAK_AMOUNTS:
                tail = verb_tail(tokens, position)
                return not (tail.negated or _checked(tokens, tail.end))
    return False


def _only_amounts(tokens: Tokens, start: int, end: int) -> bool:
    """Return whether the sentence is only medicine and a strong amount, as pill emoji become."""
    sentence = tokens[start:end]
    amounts = {token.lemma for token in sentence} & lex.OVERDOSE_AMOUNTS
    if not amounts or amounts <= lex.WEAK_AMOUNTS:
        return False
    for token in sentence:
        if is_sentence_end(token) or token.pos in ("助詞", "補助記号", "空白"):
            continue
        if token.lemma in lex.OVERDOSE_AMOUNTS or token.lemma in lex.MEDICINE_NOUNS:
            continue
        if token.lemma not in BARE_TIME_NOUNS:
            return False
    return True
