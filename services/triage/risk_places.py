"""Rules for dangerous places: jumping, trains, high places and edges, and not coming back.

飛び降りたい, 電車に飛び込む, 屋上にいます, ホームの端に立ってる, 崖から落ちよう and
海に入ってもう戻らないつもり. Idioms (清水の舞台から飛び降りる), low places (階段から飛び降りた),
news and dreams are not risks.
"""

import itertools

from services.triage import risk_lexicon as lex
from services.triage.findings import (
    Finding,
    Rule,
    Tokens,
    news_context,
    note,
    sentence_lemmas,
    signal,
)
from services.triage.morphology import Token, is_sentence_end, sentence_bounds
from services.triage.predicates import (
    Desire,
    Tail,
    conditional_relief,
    is_self,
    is_volitional,
    relief_end,
    subject_of,
    verb_tail,
)
from services.triage.risk_presence import (
    fall_wished,
    named_presence,
    step_forward,
    vehicle_stuck,
    watching,
)
from services.triage.signals import RiskKind

# 線路寄ってこうかな: stopping by a place is going there.
STOP_BY = "寄る"
GO_VERBS = frozenset({lex.GO, STOP_BY})
SIMILE_WORDS = frozenset({"様", "よう", "ような", "ように", "くらい", "ぐらい", "程", "ほど"})
# 崖から飛び降りるつもりで告白した, 飛び降りる覚悟で新事業を: a bold decision.
RESOLVE_NOUNS = frozenset({"積もり", "覚悟", "気持ち", "思い"})
# Things that fly from a rooftop or a bridge without anyone falling.
FLYING_THINGS = frozenset(
    {"鳥", "鳩", "烏", "カラス", "ドローン", "飛行機", "紙飛行機", "ヘリ", "ヘリコプター", "凧",
     "風船", "鳥人間", "夢", "ハンググライダー", "パラグライダー", "花火", "虫", "蝶"}
)  # fmt: skip
# 今日は帰るつもりはない, 週末は戻らない, しばらく戻らない: a stay of a while, not a last trip.
STAY_DAYS = frozenset({"今日", "今晩", "今夜", "明日", "週末", "連休", "夏休み", "冬休み"})
WHILE_WORDS = frozenset({"暫く", "しばらく", "当分"})
HERE = "此処"
FLOOR = "階"
SUPERLATIVE = "一番"
LOOK_TRY = "見る"
# 線路沿いを歩いた, 線路沿いの道: beside the place, not on it.
ALONGSIDE = frozenset({"沿い", "沿う"})
# 「今から飛ぶ」: times that make a quoted 飛ぶ an announcement.
JUMP_TIMES = frozenset({"今", "いま", "今夜", "今日", "これ", "明日"})
SHORT_MESSAGE = 8
HIGH = "高い"
# What a fall would do, said as a warning: ここから落ちたら危ない, 落ちたら骨折する.
WHICH_FLOOR = "何階"
# What a fall from that floor would do: 確実, 即死, 死ねる; 助からない is 助かる negated.
LETHAL_OUTCOMES = frozenset({"確実", "即死", "死ぬ", "一発"})
SAVED = "助かる"
FALL_WARNINGS = frozenset({"危ない", "怪我", "骨折", "痛い", "危険", "注意"})

# 開かずの踏切: a railway crossing that stays shut at rush hour.
CROSSING = "踏切"


def jump_down_rule(tokens: Tokens, index: int) -> Finding:
    """飛び降りる, unless an idiom, a low place or a news story."""
    tail = verb_tail(tokens, index)
    if tail.desire is Desire.NOT_WANT or tail.negated:
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    if "清水" in lemmas:
        return note(tokens, index, tail.end, "慣用句「清水の舞台から飛び降りる」")
    if _simile(tokens, tail.end):
        return note(tokens, index, tail.end, "「飛び降りるような」決心のたとえ")
    low_places = lemmas & lex.LOW_PLACES
    if low_places:
        return note(tokens, index, tail.end, "低い所から飛び降りたけがの話")
    if any(token.lemma in lex.LEISURE_JUMPS for token in tokens):
        return note(tokens, index, tail.end, "スポーツや娯楽として飛び降りる話")
    wished = tail.desire is Desire.WANT or is_volitional(tokens, index, tail)
    if lemmas & lex.WITNESSED and not wished:
        # 通勤中に飛び降りがあった現場を見た: someone else's jump, witnessed.
        return note(tokens, index, tail.end, "他人の飛び降りを見聞きした話")
    context = news_context(tokens, index)
    if context is not None:
        return note(tokens, index, tail.end, f"「{context}」についての話題")
    return signal(tokens, index, tail.end, RiskKind.PLAN, "飛び降りることへの言及")


def jump_noun_rule(tokens: Tokens, index: int) -> Finding:
    """飛び降りの動画と高いビルの調べもの: jumps looked up. 飛び降りがあった現場 is witnessed."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.WITNESSED or news_context(tokens, index) is not None:
        return note(tokens, index, index + 1, "他人の飛び降りを見聞きした話")
    if lemmas & lex.LOOKED_UP:
        return signal(tokens, index, index + 1, RiskKind.PLAN, "飛び降りを調べている")
    return None


def _simile(tokens: Tokens, end: int) -> bool:
    # 崖から飛び降りるような気持ちで独立した: the jump measures a bold decision, as do
    # 飛び降りるつもりで告白した and 飛び降りるのかと思うくらい落ちるジェットコースター.
    following = [token.lemma for token in tokens[end : end + 4]]
    if not following:
        return False
    if following[0] in SIMILE_WORDS or following[:2] in (["気持ち", "で"], ["覚悟", "で"]):
        return True
    if following[0] in RESOLVE_NOUNS and following[1:2] == ["で"]:
        return True
    return following[:3] in (["の", "か", "と"], ["か", "と", "思う"])


# 飛び込んだ電車: a relative clause naming the train boarded.
BOARDED = frozenset({"電車", "列車", "バス", "新幹線", "快速", "各駅"})


def railway_rule(tokens: Tokens, index: int) -> Finding:
    """電車に飛び込む, ホームで吸い込まれそう; 飛び込み営業 and プールに飛び込む are not.

    The train may be named in the sentence before: 電車来るの待ってる。飛び込むかも.
    """
    tail = verb_tail(tokens, index)
    if tail.negated or tail.desire is Desire.NOT_WANT:
        return None
    start, _, lemmas = sentence_lemmas(tokens, index)
    if start > 0:
        lemmas |= sentence_lemmas(tokens, start - 1)[2]
    heavy_vehicle = (
        index >= 2
        and tokens[index - 1].lemma in ("に", "へ")
        and tokens[index - 2].lemma in lex.HEAVY_VEHICLES
    )
    if not (lemmas & lex.RAILWAY_WORDS or heavy_vehicle):
        return _into_water(tokens, index, tail)
    following = {token.lemma for token in tokens[tail.end : tail.end + 2]}
    if following & lex.BEREAVEMENT_VERBS:
        # 父が線路に飛び込んで亡くなって: someone else's death, told by the bereaved.
        return note(tokens, index, tail.end, "他人の過去の死、遺族としての話")
    boarded = tokens[tail.end : tail.end + 1]
    if "た" in tail.lemmas and boarded and boarded[0].lemma in BOARDED:
        # 発車ベルで飛び込んだ電車が反対方向だった: the train the sender rushed onto.
        return note(tokens, index, tail.end + 1, "発車間際に駆け込んで乗った電車の話")
    explanation = (
        "電車や線路への飛び込み" if lemmas & lex.RAILWAY_WORDS else "トラックなどへの飛び込み"
    )
    return signal(tokens, index, tail.end, RiskKind.PLAN, explanation)


def in_front_rule(tokens: Tokens, index: int) -> Finding:
    """走ってくるトラックの前に出たくなった, 電車の前に立つ勇気がほしい.

    Only a wish, a will or the courage for it counts: バスの前に立って案内した and
    車の前に出ないで are not risks.
    """
    if index < 2 or tokens[index - 1].lemma != "の":
        return None
    if tokens[index - 2].lemma not in lex.ONCOMING_VEHICLES:
        return None
    verb = index + 2
    if verb >= len(tokens) or tokens[index + 1].lemma not in ("に", "へ"):
        return None
    if tokens[verb].lemma not in lex.STEP_IN_FRONT:
        return None
    tail = verb_tail(tokens, verb)
    if tail.negated or tail.desire is Desire.NOT_WANT:
        return None
    courage = tail.end < len(tokens) and tokens[tail.end].lemma == lex.COURAGE
    if not (tail.desire is Desire.WANT or courage or is_volitional(tokens, verb, tail)):
        return None
    return signal(
        tokens, index - 2, tail.end, RiskKind.PLAN, "走ってくる車や電車の前に出ようとする思い"
    )


def _into_water(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """川に飛び込んだら楽になるんだべか: jumping into water, hoped to relieve."""
    if index < 2 or tokens[index - 1].lemma not in ("に", "へ"):
        return None
    water = tokens[index - 2]
    # 最上川に飛び込んだら: a river named by its proper name counts too.
    river = water.pos == "名詞" and water.surface.endswith("川") and len(water.surface) > 1
    if water.lemma not in lex.WATERS and not river:
        return None
    if any(token.lemma in lex.LEISURE_WATER for token in tokens):
        return None
    if tail.desire is not Desire.WANT:
        end = relief_end(tokens, index, tail)
        if end is None or (end < len(tokens) and tokens[end].lemma == "た"):
            # 海に飛び込んだら気持ちよかった: a dive told as past fun.
            return None
    explanation = "川や海に飛び込みたい、飛び込めば楽という考え"
    return signal(tokens, index - 2, tail.end, RiskKind.PLAN, explanation)


def high_place_rule(tokens: Tokens, index: int) -> Finding:
    """Being at a high or dangerous place now: 屋上にいます, 線路の前から動けない, 下を見てる.

    Everyday places count only at their edge: ホームの端に立ってる, ビルの縁にいる.
    """
    position = index + 1
    following = [token.lemma for token in tokens[position : position + 2]]
    if following[:1] and following[0] in ALONGSIDE:
        return None
    if following[1:] == [SUPERLATIVE] and tokens[position + 2 : position + 3]:
        # ホームのいちばん端: the very edge.
        following = ["の", tokens[position + 2].lemma]
        position += 1
    on_edge = following[:1] == ["の"] and following[1:] and following[1] in lex.EDGE_NOUNS
    # 防波堤の先にいます: the tip of a pier is its edge.
    on_edge = on_edge or (following == ["の", lex.TIP] and tokens[index].lemma in lex.PIERS)
    if on_edge or (following == ["の", "上"] and tokens[index].lemma not in lex.EDGE_PLACES):
        position += 2
    elif tokens[index].lemma in lex.EDGE_PLACES and following[:1] == ["から"]:
        # ベランダから下を見てしまう: only looking down from it counts.
        return _looking_down(tokens, index)
    elif tokens[index].lemma == lex.BRIDGE or tokens[index].lemma in lex.EDGE_PLACES:
        # 橋にいる and ホームにいる are only where someone is; 橋の上にいる is the warning.
        # 今日もあの橋に行ってきた。下の川をずっと見てた still watches from it, and
        # ホームで、前に出そうになる steps toward the train.
        if tokens[index].lemma == lex.BRIDGE:
            return watching(tokens, index)
        if tokens[index].lemma in lex.RAILWAY_WORDS:
            return step_forward(tokens, index, sentence_bounds(tokens, index)[1])
        return None
    _, sentence_end, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.BENIGN_PURPOSES:
        return None
    if any(token.lemma in lex.VIEW_WORDS for token in tokens) and not fall_wished(
        tokens, index, sentence_end
    ):
        # 橋の上から花火見るの好き, 屋上で星を見てる: the view is what the sender is there for.
        return note(tokens, index, index + 1, "景色や散歩を楽しむ話")
    if _closed_crossing(tokens):
        # 線路の前から動けない…!開かずの踏切です: a wait at a crossing that stays shut.
        return note(tokens, index, index + 1, "開かない踏切で待たされている話")
    if vehicle_stuck(tokens):
        # 踏切の前から動けない。車が雪にはまった: the car is what cannot move.
        return note(tokens, index, index + 1, "車が動けなくなった話")
    if _task_at_place(tokens, index):
        # いま屋上にいます！会社の屋上の雪下ろし当番: the job the sender is there for.
        return note(tokens, index, index + 1, "その場所での作業や当番の話")
    found = _present_on_place(tokens, index, position, sentence_end)
    return found or named_presence(tokens, index) or watching(tokens, index)


def _closed_crossing(tokens: Tokens) -> bool:
    lemmas = [token.lemma for token in tokens]
    return any(
        lemmas[position : position + 4] == ["開く", "ず", "の", CROSSING]
        for position in range(len(lemmas) - 3)
    )


def _task_at_place(tokens: Tokens, index: int) -> bool:
    """Return whether the place comes with a job or a meal there: 屋上の雪下ろし当番, お昼.

    The job counts in the place's sentence, or in another sentence that names the place again.
    """
    start, end = sentence_bounds(tokens, index)
    place = tokens[index].lemma
    # A meal counts only when nothing in the message measures the height (柵が低い, 下見てる).
    calm = not any(token.lemma in lex.HEIGHT_SIGNS for token in tokens)
    for position, token in enumerate(tokens):
        if token.lemma not in lex.PLACE_TASKS and not (calm and _meal(tokens, position)):
            continue
        if start <= position < end:
            return True
        task_start, task_end = sentence_bounds(tokens, position)
        if any(other.lemma == place for other in tokens[task_start:task_end]):
            return True
    return False


def _meal(tokens: Tokens, position: int) -> bool:
    """Return whether tokens[position] names a meal: 弁当, ランチ, or お昼 (御 + 昼)."""
    lemma = tokens[position].lemma
    if lemma in lex.PLACE_MEALS:
        return True
    return lemma == lex.LUNCH and position > 0 and tokens[position - 1].lemma == "御"


def top_floor_rule(tokens: Tokens, index: int) -> Finding:
    """マンションの最上階の廊下にいる。柵が低い, 非常階段のいちばん上。下見てる, 14階から下をのぞく.

    High floors are where people live and work (3階の会議室にいる), so a floor counts only with
    a sign of a fall in the message (柵, 低い, 飛ぶ, のぞく), or for a stairwell, a look down.
    """
    lemma = tokens[index].lemma
    if lemma == FLOOR and not _high_floor(tokens, index):
        return None
    lemmas = {token.lemma for token in tokens}
    if lemmas & (lex.BENIGN_PURPOSES | lex.SIGHTSEEING_WORDS | lex.VIEW_WORDS):
        return None
    bare = lemma in lex.BARE_HEIGHTS
    if not (lemmas & lex.TOP_FLOOR_SIGNS or (bare and lex.DOWN in lemmas)):
        return None
    position = index + 1
    following = [token.lemma for token in tokens[position : position + 3]]
    if following[:2] == ["の", "上"]:
        position += 2
    elif following == ["の", "一番", "上"]:
        position += 3
    _, sentence_end = sentence_bounds(tokens, index)
    found = _present_on_place(tokens, index, position, sentence_end)
    return found or named_presence(tokens, index) or watching(tokens, index)


def _high_floor(tokens: Tokens, index: int) -> bool:
    # 14階, 一番上の階: a number or the top before 階.
    if index >= 1 and tokens[index - 1].pos_detail == "数詞":
        return True
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    return before[-3:] == ["一番", "上", "の"]


def _present_on_place(tokens: Tokens, index: int, position: int, sentence_end: int) -> Finding:
    """Return a signal for a verb of being at, or going to, the place (屋上にいます).

    A sentence about taking photographs there (線路の写真撮りに行ってきた) gets a note.
    """
    seen_down = False
    for place in range(position, sentence_end):
        lemma = tokens[place].lemma
        seen_down = seen_down or lemma == lex.DOWN
        # 屋上に行く counts only with the place as the destination, not 屋上でビアガーデンに行く.
        # 今から樹海いくわ: spoken Japanese may drop the particle.
        goes_there = lemma in GO_VERBS and (
            (place == position + 1 and tokens[position].lemma in ("に", "へ")) or place == index + 1
        )
        present = lemma in lex.PRESENCE_VERBS or goes_there
        if not present and not (seen_down and lemma == lex.LOOK):
            continue
        if tokens[index + 1].lemma == "で" and place > index + 1:
            # 屋上で水遊びができる保育園: で marks where something else happens.
            return None
        tail = verb_tail(tokens, place)
        subject = subject_of(tokens, place)
        if not (is_self(subject) or subject in lex.OTHER_PEOPLE):
            # 橋の上から見てたら鮭がのぼってきた: something else comes or stays there.
            continue
        if _present_at_place(tokens, lemma, tail):
            explanation = (
                "危険な場所へ向かうという予告" if lemma in GO_VERBS else "危険な場所に今いる"
            )
            start, _ = sentence_bounds(tokens, index)
            # 撮り鉄です。今日はホームの端っこで: a train photographer, named in any sentence.
            photographer = any(token.lemma == lex.TRAIN_PHOTOGRAPHER for token in tokens)
            if photographer or _photographing(tokens, start, index, sentence_end):
                return note(tokens, index, tail.end, "写真を撮りに行った話")
            return signal(tokens, index, tail.end, RiskKind.PLAN, explanation)
    return None


def _photographing(tokens: Tokens, start: int, place: int, end: int) -> bool:
    """Return whether the sentence's photo words belong to the sender at the place.

    みんなが振袖で写真撮ってる時間に、私は橋の欄干の上にいる: a subject of its own (私は)
    between the photo and the place makes the photo someone else's.
    """
    for position in range(start, end):
        if tokens[position].lemma not in lex.PHOTO_WORDS:
            continue
        if position > place:
            return True
        between = tokens[position + 1 : place]
        if not any(
            is_self(token.lemma) and following.lemma in ("は", "が")
            for token, following in itertools.pairwise(between)
        ):
            return True
    return False


def _looking_down(tokens: Tokens, index: int) -> Finding:
    _, sentence_end, _ = sentence_lemmas(tokens, index)
    lemmas = [token.lemma for token in tokens[index + 2 : sentence_end]]
    if lemmas[:1] != [lex.DOWN] or lex.LOOK not in lemmas[1:4]:
        return None
    look = index + 2 + lemmas.index(lex.LOOK)
    tail = verb_tail(tokens, look)
    if tail.negated:
        return None
    return signal(tokens, index, tail.end, RiskKind.PLAN, "高い所から下を見ている")


def _present_at_place(tokens: Tokens, lemma: str, tail: Tail) -> bool:
    if lemma == lex.BE:
        return "た" not in tail.lemmas and not tail.negated
    if lemma == "動く":
        # 動けない: standing there unable to move away.
        return tail.negated
    if any(
        token.surface in ("たら", "だら")
        for token in tokens[tail.end - len(tail.lemmas) : tail.end]
    ):
        # ホームの端で電車待ってたら駅員さんに注意された: a story told about a past moment.
        return False
    if lemma in GO_VERBS:
        # 「屋上に行く」と言った: going there, said as the last word of a sentence or quote.
        # 屋上に行ってお昼を食べた and 屋上に行くのが好き are not warnings.
        verb_end = tail.end - len(tail.lemmas)
        after = "".join(token.surface for token in tokens[verb_end : verb_end + 3])
        if lemma == STOP_BY and after.startswith(("てこう", "てく", "ていこう", "ていく")):
            # 線路寄ってこうかな: stopping by on the way. Sudachi may read こうか as 高価.
            return True
        if _going_tentatively(tokens, tail):
            # 線路に行ってみるかな, 屋上に行ってみよう: going there to try.
            return True
        if tail.lemmas not in ((), ("ます",)):
            return False
        end = tail.end
        while end < len(tokens) and tokens[end].pos_detail == "終助詞":
            # 今から樹海いくわ.
            end += 1
        next_token = tokens[end] if end < len(tokens) else None
        return (
            next_token is None
            or is_sentence_end(next_token)
            or (next_token.lemma in lex.QUOTE_MARKERS or next_token.lemma in lex.DEATH_PLAN_NOUNS)
        )
    return not tail.negated


def _going_tentatively(tokens: Tokens, tail: Tail) -> bool:
    """Return whether 行く is followed by みる and a volitional or a question (行ってみるか)."""
    if tail.lemmas != ("て",) or tail.end >= len(tokens) or tokens[tail.end].lemma != LOOK_TRY:
        return False
    trying = verb_tail(tokens, tail.end)
    if trying.negated:
        return False
    if is_volitional(tokens, tail.end, trying):
        return True
    following = tokens[trying.end : trying.end + 1]
    return bool(following) and following[0].lemma == "か"


def climb_over_rule(tokens: Tokens, index: int) -> Finding:
    """屋上のフェンスを越えた, 橋の欄干を乗り越えたい: climbing a barrier at a high place."""
    before = [token.lemma for token in tokens[max(0, index - 2) : index]]
    if not before or before[-1] != "を" or len(before) < 2 or before[0] not in lex.BARRIERS:
        return None
    tail = verb_tail(tokens, index)
    if tail.negated or tail.desire is Desire.NOT_WANT:
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    places = lex.HIGH_PLACES | lex.EDGE_PLACES | lex.WATERS | {lex.BRIDGE}
    # 最上川を見てたら…柵を乗り越えてた: a river named by its proper name counts too.
    river = any(token.surface.endswith("川") for token in tokens if token.pos == "名詞")
    if not (lemmas & places or river) and before[0] not in lex.HIGH_PLACES:
        return None
    return signal(tokens, index - 2, tail.end, RiskKind.PLAN, "高い所の柵を越える、飛び降りの危険")


def fall_rule(tokens: Tokens, index: int) -> Finding:
    """崖から落ちよう, ビルから飛びたい: falling or jumping from a high place, as a wish.

    A fall hoped for as a relief needs no から when the message names a height or water:
    ここから落ちたら楽になれるかな (on a footbridge), 車ごと川に落ちたら楽かな.
    """
    source = _source_before(tokens, index)
    tail = verb_tail(tokens, index)
    if tail.negated or tail.desire is Desire.NOT_WANT:
        return None
    if source is None:
        if conditional_relief(tokens, index, tail) and _height_or_water(tokens):
            explanation = "高い所や水に落ちたら楽という考え"
            return signal(tokens, index, tail.end, RiskKind.PLAN, explanation)
        end = _fall_imagined(tokens, index, tail)
        if end is not None:
            explanation = "高い所から落ちたらと考えている"
            return signal(tokens, index, end, RiskKind.PLAN, explanation)
        return (
            _jump_quoted(tokens, index, tail)
            or _jump_at_height(tokens, index, tail)
            or _jump_planned(tokens, index, tail)
        )
    wants = tail.desire is Desire.WANT or is_volitional(tokens, index, tail)
    if not wants and not conditional_relief(tokens, index, tail):
        end = _jump_wondered(tokens, index, tail)
        if end is not None:
            # 会社の屋上から飛んだら少しは分かってもらえるかな.
            explanation = "高い所から飛んだらと考えている"
            return signal(tokens, index - 2, end, RiskKind.PLAN, explanation)
        return _announced_jump(tokens, index, tail)
    start = index - 2
    return signal(tokens, start, tail.end, RiskKind.PLAN, "高い所から落ちたい、飛びたいという願い")


def _jump_wondered(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return the end of 屋上から飛んだら…かな: a jump from a height, wondered about."""
    surfaces = [token.surface for token in tokens[index + 1 : tail.end]]
    if not any(surface in ("たら", "だら") for surface in surfaces):
        return None
    _, end = sentence_bounds(tokens, index)
    for position in range(tail.end, end):
        lemma = tokens[position].lemma
        if lemma in FALL_WARNINGS:
            return None
        if lemma in ("か", "かな") or tokens[position].surface == "かな":
            return position + 1
    return None


def _jump_quoted(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """ネットで知り合った子が「今から飛ぶ」って: a jump announced now, in a quote that was sent.

    飛ぶ also means to flee (バイト飛んだ), so the quote must name a time that is now.
    """
    if tokens[index].lemma != lex.FLY or tail.lemmas:
        return None
    following = tokens[tail.end : tail.end + 2]
    if not following or following[0].surface not in ("」", "』"):
        return None
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    if not set(before) & JUMP_TIMES:
        return None
    lemmas = {token.lemma for token in tokens}
    if lemmas & FLYING_THINGS or lemmas & lex.WORK_WORDS:
        return None
    return signal(tokens, index, tail.end, RiskKind.PLAN, "「今から飛ぶ」という予告の報告")


def _jump_at_height(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """屋上🏢 とぶね: 飛ぶ told plainly in a short message that names a height."""
    if tokens[index].lemma != lex.FLY or tail.lemmas or len(tokens) > SHORT_MESSAGE:
        return None
    following = tokens[tail.end : tail.end + 1]
    if following and not (following[0].pos_detail == "終助詞" or is_sentence_end(following[0])):
        return None
    if not any(token.lemma in lex.HIGH_PLACES | {lex.BRIDGE} for token in tokens):
        return None
    if any(token.lemma in FLYING_THINGS for token in tokens):
        return None
    return signal(tokens, index, tail.end, RiskKind.PLAN, "高い所から飛ぶという予告")


def _jump_planned(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """これが0になったら飛ぼうと思ってる。ベランダ、11階: a jump intended, a height named.

    The height may stand anywhere in the message, but 飛ぶ must have no destination
    (沖縄に飛ぼう is a flight) and nothing in the message may fly (鳥, ドローン).
    """
    if tokens[index].lemma != lex.FLY:
        return None
    if not (tail.desire is Desire.WANT or is_volitional(tokens, index, tail)):
        return None
    if index >= 1 and tokens[index - 1].lemma in ("に", "へ"):
        return None
    lemmas = {token.lemma for token in tokens}
    if lemmas & (FLYING_THINGS | lex.BENIGN_PURPOSES):
        return None
    high_floor = any(
        token.lemma == FLOOR and _high_floor(tokens, position)
        for position, token in enumerate(tokens)
    )
    places = lex.HIGH_PLACES | lex.EDGE_PLACES | {lex.BRIDGE} | lex.TOP_FLOORS
    if not (high_floor or lemmas & places):
        return None
    return signal(tokens, index, tail.end, RiskKind.PLAN, "高い所から飛ぶつもり")


def _fall_imagined(tokens: Tokens, index: int, tail: Tail) -> int | None:
    """Return the end of ここから落ちたらって考える or ここから落ちたらもう怒られないなと思う.

    The fall must start from here (ここから) at a height named in the message, and the condition
    must be a thought, not a warning (ここから落ちたら危ない) or a fear (落ちたらと思うと怖い).
    """
    if index < 2 or tokens[index - 1].lemma != "から" or tokens[index - 2].lemma != HERE:
        return None
    if not (_height_or_water(tokens) or any(token.lemma == HIGH for token in tokens)):
        return None
    surfaces = [token.surface for token in tokens[index + 1 : tail.end]]
    if not any(surface in ("たら", "だら") for surface in surfaces):
        return None
    _, end = sentence_bounds(tokens, index)
    if tail.end >= end or (tokens[tail.end].lemma == "って" and tail.end + 1 >= end):
        # ここから落ちたらって.
        return tail.end
    for position in range(tail.end, end):
        lemma = tokens[position].lemma
        if lemma in FALL_WARNINGS:
            return None
        if lemma in ("って", "と") and tokens[position + 1 : position + 2]:
            thought = tokens[position + 1]
            after = tokens[position + 2 : position + 3]
            if thought.lemma in ("考える", "思う") and not (after and after[0].lemma == "と"):
                return position + 2
    return None


def _announced_jump(tokens: Tokens, index: int, tail: Tail) -> Finding:
    """屋上から飛ぶ, 橋から飛ぶからね: 飛ぶ from a high place told as what one will do.

    Birds, drones and planes fly from rooftops too, so a flying thing in the sentence rules the
    jump out, as do an animal as subject, sport, a dream, a simile and the past.
    """
    if tokens[index].lemma != lex.FLY or tail.lemmas:
        return None
    subject = subject_of(tokens, index)
    if not (is_self(subject) or subject in lex.OTHER_PEOPLE):
        # ムササビは崖から飛ぶ: an animal or a thing flies.
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & FLYING_THINGS or any(token.lemma in lex.LEISURE_JUMPS for token in tokens):
        return None
    if _simile(tokens, tail.end) or news_context(tokens, index) is not None:
        return None
    return signal(tokens, index - 2, tail.end, RiskKind.PLAN, "高い所から飛ぶという予告")


def _height_or_water(tokens: Tokens) -> bool:
    places = lex.HIGH_PLACES | lex.EDGE_PLACES | lex.WATERS | {lex.BRIDGE} | lex.TOP_FLOORS
    return any(token.lemma in places for token in tokens)


def _source_before(tokens: Tokens, index: int) -> str | None:
    # 崖から, 屋上から: the place must be marked with から right before the verb.
    for position in range(index - 1, max(0, index - 3), -1):
        if tokens[position].lemma == "から":
            place = tokens[position - 1].lemma
            if place in lex.HIGH_PLACES or place in lex.EDGE_PLACES or place == lex.BRIDGE:
                return place
            return None
    return None


def no_return_rule(tokens: Tokens, index: int) -> Finding:
    """海に入って、もう戻らないつもり, 海に行きます。帰るつもりはありません, 川さ行ぐ。もう帰らね.

    Not coming back counts only from water, a mountain or a cliff, and only without a place to
    come back to: 実家には帰らないつもり is a family matter.
    """
    if _return_target(tokens, index):
        return None
    if _abroad(tokens):
        # 海外に行ってもう戻らないつもり: a move, with a place to live.
        return note(tokens, index, index + 1, "海外などへの引っ越しや移住の話")
    if _short_stay(tokens, index):
        return None
    tail = verb_tail(tokens, index)
    if tail.desire is not Desire.NONE:
        return None
    if tail.negated and _as_is_before(tokens, index):
        # 麻酔からそのまま戻ってこなければいいのに: not coming back, wished for.
        end = relief_end(tokens, index, tail)
        if end is not None:
            explanation = "そのまま戻ってこなければいいという願い"
            return signal(tokens, index, end, RiskKind.PASSIVE_IDEATION, explanation)
    following = [token.lemma for token in tokens[tail.end : tail.end + 5]]
    intends = bool(following) and following[0] in lex.INTENT_NOUNS
    if tail.negated:
        if following[:1] == ["と"]:
            # もう帰らないと怒られる: the return is an obligation.
            return None
        before = "".join(token.surface for token in tokens[max(0, index - 5) : index])
        no_more = index > 0 and tokens[index - 1].lemma == "もう"
        went_there = no_more and _went_to_place(tokens, index)
        if not (intends or lex.NEVER_AGAIN in before or went_there):
            return None
    elif not (intends and _intent_denied(following)):
        # 帰るつもりはありません denies the return itself.
        return None
    if not any(_no_return_place(token) for token in tokens):
        return None
    end = tail.end + 1 if intends else tail.end
    return signal(tokens, index, end, RiskKind.PLAN, "危険な場所から戻らないつもり")


def _no_return_place(token: Token) -> bool:
    # 月山の奥に入って, 最上川に: a mountain or a river named by its proper name counts too.
    if token.lemma in lex.NO_RETURN_PLACES:
        return True
    return token.pos_detail == "固有名詞" and token.surface.endswith(("山", "川", "湖"))


def _abroad(tokens: Tokens) -> bool:
    return any(token.lemma in lex.MOVE_DESTINATIONS for token in tokens)


def _as_is_before(tokens: Tokens, index: int) -> bool:
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    return lex.AS_IS in before or lex.AS_IS_THAT in before


def _short_stay(tokens: Tokens, index: int) -> bool:
    """Return whether the sentence limits the stay: 今日は帰るつもりはない, しばらく戻らない.

    A day counts only as the topic (今日は, 今夜は), because 明日、海に行って帰らないつもり
    names the day of the trip.
    """
    start, _ = sentence_bounds(tokens, index)
    for position in range(start, index):
        lemma = tokens[position].lemma
        if lemma in WHILE_WORDS:
            return True
        following = tokens[position + 1].lemma
        if lemma in STAY_DAYS and following in ("は", "も"):
            return True
    return False


def _return_target(tokens: Tokens, index: int) -> bool:
    # 実家に帰らない, 東京へは戻らない: a noun marked as the place to come back to.
    for position in range(index - 1, max(0, index - 3), -1):
        if tokens[position].lemma in ("に", "へ"):
            return tokens[position - 1].pos in ("名詞", "代名詞")
    return False


def _intent_denied(following: list[str]) -> bool:
    # つもりはない, つもりはありません, 予定もない.
    skipped = ("は", "も", "など", "なんて", "ます")
    rest = [lemma for lemma in following[1:] if lemma not in skipped]
    if not rest:
        return False
    if rest[0] == "無い":
        return True
    return rest[0] == "有る" and len(rest) > 1 and rest[1] in ("ない", "ず", "無い")


def _went_to_place(tokens: Tokens, index: int) -> bool:
    """Return whether going into water or a mountain is named in this or the sentence before."""
    start, _ = sentence_bounds(tokens, index)
    if start > 1:
        start, _ = sentence_bounds(tokens, start - 2)
    for position in range(start, index - 2):
        if tokens[position].lemma not in lex.NO_RETURN_PLACES:
            continue
        if tokens[position + 1].lemma in ("に", "へ"):
            return tokens[position + 2].lemma in ("行く", lex.ENTER)
    return False


def height_question_rule(tokens: Tokens, index: int) -> Finding:
    """何階くらいからなら確実, 何階から飛べば死ねる: asking which floor a fall kills from.

    何階から上だと虫が来ない is a question about a flat, so the sentence must name death or
    certainty.
    """
    _, sentence_end = sentence_bounds(tokens, index)
    for position in range(index + 1, sentence_end):
        lemma = tokens[position].lemma
        end = position + 1
        outcome = lemma in LETHAL_OUTCOMES
        if lemma == SAVED:
            tail = verb_tail(tokens, position)
            outcome, end = tail.negated, tail.end
        if outcome:
            explanation = "何階からなら死ねるかという問い、飛び降りの考え"
            return signal(tokens, index, end, RiskKind.PLAN, explanation)
    return None


PLACE_RULES: dict[str, Rule] = {
    WHICH_FLOOR: height_question_rule,
    lex.JUMP_DOWN: jump_down_rule,
    lex.JUMP_NOUN: jump_noun_rule,
    lex.JUMP_IN: railway_rule,
    lex.SUCKED_IN: railway_rule,
    lex.IN_FRONT: in_front_rule,
    **{lemma: high_place_rule for lemma in lex.HIGH_PLACES | lex.EDGE_PLACES},
    lex.BRIDGE: high_place_rule,
    **{lemma: fall_rule for lemma in lex.FALL_VERBS},
    **{lemma: climb_over_rule for lemma in lex.CLIMB_OVER},
    **{lemma: no_return_rule for lemma in lex.RETURN_VERBS},
    **{lemma: top_floor_rule for lemma in lex.TOP_FLOORS | lex.BARE_HEIGHTS},
}
