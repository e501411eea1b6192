"""Rules for being at a dangerous place now, written without a verb of being there.

屋上🏢なう。風つよい, 橋の上。川の流れ早い, 橋の上から川見てる, 電車が入ってくるたびに足が前に出そう
になる, 次の快速来たら, 踏切の前で止まったまま動けない, 展望台の柵の外側に座ってた, 靴はそろえて
置きました, 屋上の鍵が開いてるのを知ってる and 川に入ってしまおうか. risk_places.py reads the
plainer forms (屋上にいます, 飛び降りたい). Each of these places is everyday (屋上でお昼, 橋の上は
渋滞, ホームで待つ), so every rule needs a sign of height, water or a step toward the danger.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Finding, Rule, Tokens, note, sentence_lemmas, signal
from services.triage.morphology import Token, is_sentence_end, message_lemmas, sentence_bounds
from services.triage.predicates import Desire, Tail, is_volitional, relief_end, verb_tail
from services.triage.signals import RiskKind

# 今, いま and なう (net slang for "now") mark a place named alone as where the sender is.
NOW_SURFACES = frozenset({"今", "いま", "なう"})
STAND_VERBS = frozenset({"立つ", "立ち尽くす", "佇む"})
# Units and adverbs of a long stay: 30分, 1時間, ずっと, しばらく. 5分 is as long as 30分
# here, because waiting at a closed crossing is written with 待つ, not 立つ.
LONG_UNITS = frozenset({"分", "時間"})
LONG_ADVERBS = frozenset({"ずっと", "暫く", "長らく"})
# 見守り当番で踏切に1時間立ってた: standing there is the duty.
DUTY_WORDS = frozenset({"見守る", "当番", "誘導", "警備", "旗振り", "バイト", "仕事", "係"})
LATE_WORDS = frozenset({"遅刻", "遅れる"})
WATCH_WINDOW = 6
STEP_WINDOW = 5
NEXT_SENTENCES = 1
# 落ちたら終われるかな, 飛び込んだら楽かな: a fall from the place, and what it would end.
FALLS = frozenset({"落ちる", "飛ぶ", "飛び降りる", "飛び込む"})
FALL_ENDINGS = frozenset({"終わる", "楽", "死ぬ", "消える", "全部", "解放"})
FALL_WISH_WINDOW = 4
# Chores that need a foot on a railing: 布団を干す, 窓を拭く, 電球を替える.
RAILING_CHORES = frozenset(
    {"干す", "布団", "洗濯物", "洗濯", "掃除", "拭く", "植木", "電球", "ストレッチ", "取る", "叩く"}
)


def named_presence(tokens: Tokens, index: int) -> Finding:
    """屋上🏢なう。風つよい, 今学校の屋上。フェンス越えられそう, 橋の上。川の流れ早い.

    A place named as a sentence of its own counts when a sign of height or water is in the
    message; 今、屋上。ビアガーデン最高 has none.
    """
    end = _place_end(tokens, index)
    if end is None:
        return None
    start, sentence_end = sentence_bounds(tokens, index)
    rest = [token for token in tokens[end:sentence_end] if not _closing(token)]
    if rest:
        return None
    if any(token.lemma in lex.BENIGN_PURPOSES | lex.SIGHTSEEING_WORDS for token in tokens):
        return None
    if not any(token.lemma in lex.HEIGHT_SIGNS for token in tokens):
        return None
    return signal(tokens, start, end, RiskKind.PLAN, "危険な場所に今いる")


# 高いとこ苦手, 高所恐怖症: words of a fear of heights. 足がすくむ is left out, because
# 下みたら足すくむ でももう決めた goes on to the plan.
FEAR_OF_HEIGHTS = frozenset({"苦手", "恐怖症"})


def watching(tokens: Tokens, index: int) -> Finding:
    """橋の上から川見てる, 今日もあの橋に行ってきた。下の川をずっと見てた.

    Watching the view (花火, 星, 鮭がのぼってきて) is no warning.
    """
    end = _following_sentences_end(tokens, index)
    seen: Token | None = None
    for position in range(index + 1, end):
        token = tokens[position]
        if token.lemma in lex.DEPTHS:
            seen = token
        elif token.lemma in lex.LOOK_VERBS and seen is not None:
            tail = verb_tail(tokens, position)
            if tail.negated or tail.desire is not Desire.NONE:
                return None
            if fall_wished(tokens, index, tail.end):
                # 橋の上で、ここから落ちたら終われるかなって長いこと下見てた, after fishing.
                explanation = "高い所から下を見て、落ちたら終われると考えている"
                return signal(tokens, index, tail.end, RiskKind.PLAN, explanation)
            if any(t.lemma in lex.VIEW_WORDS for t in tokens):
                return note(tokens, index, tail.end, "景色や散歩を楽しむ話")
            if _liked_pastime(tokens, index, end):
                # 橋の上から川を眺めるのが好きです: a pastime.
                return note(tokens, index, tail.end, "眺めるのが好きだという話")
            if any(t.lemma in FEAR_OF_HEIGHTS for t in tokens):
                # 高いとこ苦手で、窓から下のぞいたら: a fear of heights.
                return note(tokens, index, tail.end, "高い所が怖いという話")
            return signal(tokens, index, tail.end, RiskKind.PLAN, "高い所から下や水面を見ている")
    return None


def fall_wished(tokens: Tokens, start: int, end: int) -> bool:
    """Return whether a fall between start and end is followed by its end: 落ちたら終われる."""
    for position in range(start, end):
        if tokens[position].lemma not in FALLS:
            continue
        following = tokens[position + 1 : position + 1 + FALL_WISH_WINDOW]
        if not following or following[0].surface not in ("たら", "ば", "れば"):
            continue
        if any(token.lemma in FALL_ENDINGS for token in following[1:]):
            return True
    return False


def _liked_pastime(tokens: Tokens, start: int, end: int) -> bool:
    """Return whether a look at the water is called a liking: 川を眺めるのが好き."""
    for position in range(start, end):
        if tokens[position].lemma not in lex.LOOK_VERBS | {"眺める"}:
            continue
        following = [token.lemma for token in tokens[position + 1 : position + 4]]
        if following[:2] == ["の", "が"] and following[2:] in (["好き"], ["趣味"], ["楽しみ"]):
            return True
    return False


def measured_rule(tokens: Tokens, index: int) -> Finding:
    """柵、思ったより低い, 下見たら思ったより怖くない: a height measured, as if for a jump."""
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    if before[-3:] != ["思う", "た", "より"] and before[-1:] != ["意外"]:
        return None
    tail = verb_tail(tokens, index)
    if tokens[index].lemma == lex.SCARY and not tail.negated:
        return None
    places = lex.DANGER_PLACES | lex.EDGE_PLACES | lex.BARRIERS | {lex.DOWN}
    if not any(token.lemma in places for token in tokens):
        return None
    lemmas = {token.lemma for token in tokens}
    if lemmas & (lex.SIGHTSEEING_WORDS | lex.BENIGN_PURPOSES | lex.CHILD_WORDS):
        return None
    explanation = "高い所の柵や高さを確かめている"
    return signal(tokens, index - 3, tail.end, RiskKind.PLAN, explanation)


def step_rule(tokens: Tokens, index: int) -> Finding:
    """足が勝手に前に出そうになる, 一歩前に出たら楽, あと一歩が出なかった: near a train.

    A foot on a railing counts at any height: ベランダの手すりに足をかけた.
    """
    if _foot_on_railing(tokens, index):
        return signal(tokens, index - 2, index + 3, RiskKind.PLAN, "手すりや柵に足をかけている")
    if not any(token.lemma in lex.RAILWAY_WORDS | lex.TRAIN_WORDS for token in tokens):
        return None
    _, sentence_end, _ = sentence_lemmas(tokens, index)
    for position in range(index + 1, min(sentence_end, index + 1 + STEP_WINDOW)):
        lemma = tokens[position].lemma
        if lemma in lex.STEP_VERBS:
            tail = verb_tail(tokens, position)
            if lemma == "動く" and tail.negated:
                # 足が動かない is being unable to move, read by the place rules.
                return None
            explanation = "電車の前に踏み出しそうになる"
            return signal(tokens, index, tail.end, RiskKind.PLAN, explanation)
    return step_forward(tokens, index, sentence_end)


def step_forward(tokens: Tokens, index: int, sentence_end: int) -> Finding:
    # 足がすくむんじゃなくて、前に出そうになる: 前に出る later in the sentence.
    for position in range(index + 1, sentence_end - 2):
        lemmas = [token.lemma for token in tokens[position : position + 3]]
        if lemmas[:2] == ["前", "に"] and lemmas[2] in lex.STEP_VERBS:
            tail = verb_tail(tokens, position + 2)
            if tail.negated:
                return None
            explanation = "電車の前に踏み出しそうになる"
            return signal(tokens, index, tail.end, RiskKind.PLAN, explanation)
    return None


def _foot_on_railing(tokens: Tokens, index: int) -> bool:
    """Return whether a foot is put on a railing: 手すりに足をかけてる, 柵に足かけてた.

    A small child climbing (2歳の子が手すりに足をかけて) is a parent's safety worry.
    """
    if index < 2 or tokens[index - 1].lemma != "に" or tokens[index - 2].lemma not in lex.BARRIERS:
        return False
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following[:1] == ["を"]:
        # 柵に足かけてた: chat often drops the を.
        following = following[1:]
    if not following or following[0] not in lex.NECK_TRY_VERBS:
        return False
    start, end = sentence_bounds(tokens, index)
    if any(token.lemma in RAILING_CHORES for token in tokens[start:end]):
        # 柵に足かけて布団干した: a foothold for a chore.
        return False
    return not _small_child(tokens)


def _small_child(tokens: Tokens) -> bool:
    """Return whether the message is about a small child: 赤ちゃん, 幼児, 2歳の子."""
    for position, token in enumerate(tokens):
        if token.lemma in lex.SMALL_CHILD_WORDS:
            return True
        if token.lemma == lex.AGE and position > 0 and tokens[position - 1].pos_detail == "数詞":
            if (
                tokens[position - 1].lemma.isdigit()
                and int(tokens[position - 1].lemma) <= lex.SMALL_CHILD_AGE
            ):
                return True
    return False


def lean_out_rule(tokens: Tokens, index: int) -> Finding:
    """ベランダの手すりから身を乗り出してた: leaning out over a railing."""
    before = [token.lemma for token in tokens[max(0, index - 4) : index]]
    if before[-2:] != ["身", "を"] or not set(before) & lex.BARRIERS:
        return None
    if _small_child(tokens):
        return None
    tail = verb_tail(tokens, index)
    if tail.negated:
        return None
    _, end = sentence_bounds(tokens, index)
    chore = next((token for token in tokens[tail.end : end] if token.lemma in RAILING_CHORES), None)
    if chore is not None:
        # 手すりから身を乗り出して布団たたいてて: a chore done over the railing.
        return note(tokens, index - 2, tail.end, f"「{chore.surface}」のための家事の動作")
    return signal(tokens, index - 2, tail.end, RiskKind.PLAN, "手すりから身を乗り出している")


def train_coming(tokens: Tokens, index: int) -> Finding:
    """次の快速来たら, 次の電車が来たら、って考えてる: a train awaited, left unsaid."""
    for position in range(index + 1, min(len(tokens), index + 3)):
        if tokens[position].lemma == lex.COME:
            tail = verb_tail(tokens, position)
            surfaces = [token.surface for token in tokens[position + 1 : tail.end]]
            if not surfaces or surfaces[-1] not in ("たら", "だら"):
                return None
            after = tokens[tail.end : tail.end + 3]
            ends = not after or is_sentence_end(after[0]) or after[0].pos_detail == "読点"
            thought = bool(after) and after[0].lemma in ("って", "と")
            if ends or thought:
                return signal(tokens, index, tail.end, RiskKind.PLAN, "電車が来たらという予告")
            return None
    return None


def vehicle_stuck(tokens: Tokens) -> bool:
    """Return whether the message names a car that cannot move: 車が雪にはまった."""
    lemmas = message_lemmas(tokens)
    return bool(lemmas & lex.VEHICLES_STUCK_BY) and bool(lemmas & lex.STUCK_VEHICLE_WORDS)


def crossing_rule(tokens: Tokens, index: int) -> Finding:
    """踏切の前で止まったまま動けない, 踏切で立ち止まってしまう, 遮断機をくぐりたくなる.

    A crossing that is broken or closed for long (故障, 工事) keeps anyone waiting there.
    """
    if any(token.lemma in lex.CROSSING_DELAYS for token in tokens):
        return note(tokens, index, index + 1, "踏切の故障や工事で待っている話")
    if vehicle_stuck(tokens):
        # 踏切の前から動けない。車が雪にはまった: the car is what cannot move.
        return note(tokens, index, index + 1, "車が動けなくなった話")
    sentence_end = _following_sentences_end(tokens, index)
    inside = _inside_crossing(tokens, index, sentence_end)
    if inside is not None:
        return signal(tokens, index, inside, RiskKind.PLAN, "踏切の内側にいる")
    for position in range(index + 1, sentence_end):
        lemma = tokens[position].lemma
        tail = verb_tail(tokens, position)
        stuck = lemma == "動く" and tail.negated
        if stuck or (lemma in lex.CROUCH_VERBS and not tail.negated):
            return signal(tokens, index, tail.end, RiskKind.PLAN, "踏切から動けない")
        if lemma == lex.BE and not tail.negated and _held_back(tokens, index):
            return signal(tokens, index, tail.end, RiskKind.PLAN, "踏切のそばから帰れない")
        if lemma in lex.CROSSING_URGES and _given_in(tail):
            # 踏切で立ち止まってしまう, 電車が来るのを待ってしまった, 遮断機くぐりたくなる.
            return signal(tokens, index, tail.end, RiskKind.PLAN, "踏切で電車を待ってしまう")
        if lemma in STAND_VERBS and not tail.negated and _stood_long(tokens, index, position):
            # 踏切の前で30分立ってた: nobody waits that long at a crossing by chance.
            return signal(tokens, index, tail.end, RiskKind.PLAN, "踏切の前に長く立っていた")
    return None


def _inside_crossing(tokens: Tokens, index: int, sentence_end: int) -> int | None:
    """Return the end of 踏切の内側に立ってる or 踏切の中にいる: inside the barriers now."""
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following[:1] != ["の"] or following[1:] not in (["内側"], ["中"]):
        return None
    for position in range(index + 3, sentence_end):
        lemma = tokens[position].lemma
        if lemma in STAND_VERBS or lemma == lex.BE:
            tail = verb_tail(tokens, position)
            if tail.negated or "た" in tail.lemmas:
                return None
            return tail.end
    return None


def _stood_long(tokens: Tokens, index: int, verb: int) -> bool:
    """Return whether a long time (30分, 1時間, ずっと) comes between the place and the verb.

    Someone on duty there (見守り当番, 交通誘導) is there that long for others, and a crossing
    that stays closed (開かずの踏切で遅刻した) keeps anyone waiting.
    """
    if any(token.lemma in DUTY_WORDS or token.lemma in LATE_WORDS for token in tokens):
        return False
    if "開かず" in "".join(token.surface for token in tokens):
        return False
    between = tokens[index + 1 : verb]
    for position, token in enumerate(between[:-1]):
        if token.pos_detail == "数詞" and between[position + 1].lemma in LONG_UNITS:
            return True
    return any(token.lemma in LONG_ADVERBS for token in between)


def _given_in(tail: Tail) -> bool:
    return not tail.negated and ("仕舞う" in tail.lemmas or tail.desire is Desire.WANT)


def outside_rule(tokens: Tokens, index: int) -> Finding:
    """屋上のフェンスの外側に座ってる, 展望台の柵の外側…さっきまでそこに座ってた, 外側から見る."""
    if index < 2 or tokens[index - 1].lemma != "の" or tokens[index - 2].lemma not in lex.BARRIERS:
        return None
    end = _following_sentences_end(tokens, index)
    seen_from = tokens[index + 1 : index + 2] and tokens[index + 1].lemma == "から"
    # 動物園の柵の外から見た: only a height makes the view from outside a danger.
    heights = lex.HIGH_PLACES | lex.EDGE_PLACES | lex.TOP_FLOORS | {lex.BRIDGE}
    seen_from = seen_from and any(token.lemma in heights for token in tokens)
    for position in range(index + 1, end):
        lemma = tokens[position].lemma
        # フェンスの外側から見る景色: the view is seen from outside the fence.
        looking = seen_from and lemma in lex.LOOK_VERBS
        if lemma in lex.PRESENCE_VERBS or lemma in lex.SIT_VERBS or looking:
            tail = verb_tail(tokens, position)
            if not tail.negated:
                explanation = "柵の外側にいる、飛び降りの危険"
                return signal(tokens, index - 2, tail.end, RiskKind.PLAN, explanation)
    return None


def shoes_rule(tokens: Tokens, index: int) -> Finding:
    """靴はそろえて置きました at the sea or a height: the shoes left behind before a jump."""
    _, sentence_end, _ = sentence_lemmas(tokens, index)
    lemmas = {token.lemma for token in tokens[index:sentence_end]}
    if lex.ARRANGE not in lemmas:
        return None
    places = lex.NO_RETURN_PLACES | lex.HIGH_PLACES | lex.SHORE_PLACES
    if not any(token.lemma in places for token in tokens):
        return None
    return signal(tokens, index, sentence_end, RiskKind.PLAN, "靴をそろえて置いた、飛び込みの準備")


def key_rule(tokens: Tokens, index: int) -> Finding:
    """屋上の鍵が開いてるのを知ってる, 屋上、鍵かかってない…上がって下を見てた: a rooftop open.

    Knowing it, or going up and looking down, makes the open door a warning; 屋上の鍵が開いてた
    から昼休みはそこで弁当 is a lunch spot.
    """
    start, sentence_end, lemmas = sentence_lemmas(tokens, index)
    message = {token.lemma for token in tokens}
    looked_down = lex.DOWN in message and bool(message & lex.LOOK_VERBS)
    if not lemmas & lex.ROOFTOPS or not (lex.KNOW in lemmas or looked_down):
        return None
    if lemmas & lex.REPORT_WORDS:
        # 屋上の鍵が開いてたので管理人に報告した.
        return None
    # 鍵あいてる is あく in kana; 鍵かかってない is a lock left open.
    unlocked = lex.LOCK in lemmas and "無い" in lemmas
    opened = bool(lemmas & {lex.OPEN_UP, "あく", "空く"}) or unlocked
    if not opened:
        return None
    explanation = "屋上に出られることを知っている、飛び降りの危険"
    return signal(tokens, start, sentence_end, RiskKind.PLAN, explanation)


def water_rule(tokens: Tokens, index: int) -> Finding:
    """川さ入ってしまうべか, 二人で川に入ればいいのかな: walking into water."""
    if index < 2 or tokens[index - 1].lemma not in ("に", "へ"):
        return None
    if tokens[index - 2].lemma not in lex.WATERS:
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.LEISURE_WATER:
        return None
    tail = verb_tail(tokens, index)
    if tail.negated:
        return None
    gives_in = "仕舞う" in tail.lemmas
    together = bool(lemmas & lex.TOGETHER_WORDS)
    wished = (
        tail.desire is Desire.WANT
        or is_volitional(tokens, index, tail)
        or relief_end(tokens, index, tail) is not None
    )
    question = tail.end < len(tokens) and tokens[tail.end].lemma in ("か", "かな")
    if not ((gives_in and (wished or question)) or (together and wished)):
        return None
    return signal(tokens, index - 2, tail.end, RiskKind.PLAN, "川や海に入るという考え")


def _place_end(tokens: Tokens, index: int) -> int | None:
    """Return the end of a place phrase at index: 屋上, 橋の上, 非常階段のいちばん上."""
    lemma = tokens[index].lemma
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    if following[:2] == ["の", "上"]:
        return index + 3
    if following[:3] == ["の", "一番", "上"]:
        return index + 4
    if lemma in lex.EDGE_PLACES or lemma == lex.BRIDGE or lemma in lex.TOP_FLOORS:
        return None
    return index + 1


def _closing(token: Token) -> bool:
    # Words that may close a place named alone: なう, です, だ, emoji and brackets.
    return (
        token.surface in NOW_SURFACES
        or token.lemma in ("です", "だ", "ビル")
        or token.pos in ("補助記号", "助詞")
    )


def _following_sentences_end(tokens: Tokens, index: int) -> int:
    _, end = sentence_bounds(tokens, index)
    for _ in range(NEXT_SENTENCES):
        if end + 1 >= len(tokens):
            break
        _, end = sentence_bounds(tokens, end + 1)
    return end


def _held_back(tokens: Tokens, index: int) -> bool:
    # 家に帰れずに踏切のそばにいます: unable to go home, at a crossing.
    start, _ = sentence_bounds(tokens, index)
    return any(token.lemma in lex.RETURN_VERBS for token in tokens[start:index])


PRESENCE_RULES: dict[str, Rule] = {
    **{lemma: step_rule for lemma in lex.STEP_NOUNS},
    **{lemma: train_coming for lemma in lex.TRAIN_WORDS},
    lex.CROSSING: crossing_rule,
    **{lemma: outside_rule for lemma in lex.OUTSIDE_NOUNS},
    lex.SHOES: shoes_rule,
    lex.LOCK: key_rule,
    lex.ENTER: water_rule,
    lex.LOW: measured_rule,
    lex.LEAN_OUT: lean_out_rule,
    lex.SCARY: measured_rule,
}
