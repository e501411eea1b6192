"""Rules for means and plans (rope, charcoal, suicide notes) and for self-harm.

A means word alone is often harmless (キャンプ用のロープ, 七輪と練炭で焼き肉), so most rules
need an action in the same sentence (買った, ためてる, 全部飲んだ) and no everyday purpose.
MEANS_RULES also collects the medicine rule (risk_medicine.py) and the place rules
(risk_places.py).
"""

from collections.abc import Callable

from services.triage import risk_lexicon as lex
from services.triage.findings import (
    Finding,
    action_span,
    news_context,
    note,
    sentence_lemmas,
    signal,
)
from services.triage.morphology import Token, sentence_bounds
from services.triage.predicates import (
    NEGATIONS,
    Desire,
    Tail,
    is_volitional,
    object_of,
    quoted_at_sender,
    verb_tail,
)
from services.triage.risk_doses import (
    AMOUNT,
    LETHAL,
    LETHAL_DOSE,
    emptied_rule,
    lethal_dose_rule,
    unsafe_amount_rule,
)
from services.triage.risk_giveaway import GIVING_VERBS
from services.triage.risk_medicine import all_swallowed_rule, medicine_rule
from services.triage.risk_places import PLACE_RULES
from services.triage.signals import RiskKind

Tokens = tuple[Token, ...]
# 焼き肉をするためではありません: a negation this close after the purpose denies it.
PURPOSE_DENIAL_WINDOW = 9
# ロープで首しめられるみたいな毎日: a simile follows the rope within this many morphemes.
SIMILE_WINDOW = 6
# 息子の部屋からロープが出てきた, 夫のカバンに練炭が入ってた, 娘の引き出しで見つけた.
FOUND_VERBS = frozenset({"出る", "見付ける", "見付かる", "見つける", "見つかる", "入る"})
SCOUTING = frozenset({"ボーイスカウト", "ガールスカウト", "スカウト", "部活"})
PRIVATE_PLACES = frozenset(
    {"部屋", "鞄", "バッグ", "リュック", "引き出し", "押し入れ", "クローゼット", "机", "車"}
)
# キャンプ用ですって顔して: a purpose only pretended.
PRETENSES = frozenset({"顔", "振り", "ふり"})

# 窓もドアも全部閉めた, 目張りした: shutting and sealing a car or a room.
SHUT = "閉める"
BODY_WEIGHT = "体重"
WEIGHT_VERBS = frozenset({"耐える", "支える", "持つ"})
INDOOR_HOLDS = frozenset(
    {"クローゼット", "棒", "ドアノブ", "梁", "鴨居", "カーテンレール", "物干し", "手すり", "ロフト"}
)
# テントの柱が体重を支えられるか, ハンモック: gear outdoors, which is meant to hold a body.
OUTDOOR_GEAR = frozenset({"テント", "ハンモック", "キャンプ", "登山", "クライミング", "ブランコ"})
SEALING = "目張り"
KITCHEN_KNIFE = "包丁"
# ギターも漫画も全部配った: the sender's things given away; くれる gives to the sender.
GIVEN_AWAY = GIVING_VERBS - {"呉れる", "くれる"}
# 夫の首しめてやりたい: strangling someone else is anger, not hanging.
STRANGLE = "絞める"


JOB_CHANGES = frozenset({"転職", "就職", "入社", "退社"})
# 物干し用のロープ, and nothing hung out to dry: the purpose is denied.
LAUNDRY = frozenset({"物干し", "洗濯"})
HANG_OUT = "干す"
ENOUGH = "十分"
# 踏み台, 脚立: something to stand on, bought with a rope.
STEP_STOOLS = frozenset({"踏み台", "脚立"})
# Uses that explain a rope but not charcoal.
ROPE_ONLY_PURPOSES = frozenset(
    {"荷台", "荷物", "荷造り", "物干し", "洗濯", "縄跳び", "雪囲い", "枝", "看板", "ハンモック"}
    | {"鯉のぼり"}
)
GUITAR_WORDS = frozenset({"オーバードライブ", "エフェクター", "ギター", "アンプ"})


def means_noun_rule(tokens: Tokens, index: int) -> Finding:
    """首吊り, OD, オーバードーズ, 遺書, 樹海, 身辺整理, 過量服薬."""
    lemma = tokens[index].lemma
    surface = tokens[index].surface
    if surface.isascii() and len(surface) > 2:
        # Sudachi reads English "overdose" as オーバードーズ; risk_english reads the sentence
        # around it (a nurse's overdose patient), so the English rules decide. OD stays here,
        # because ODした is Japanese chat.
        return None
    following = tokens[index + 1].lemma if index + 1 < len(tokens) else None
    if lemma == "身辺" and following != "整理":
        return None
    if lemma == "過量" and following != "服薬":
        return None
    end = index + 2 if lemma in ("身辺", "過量") else index + 1
    if _not_this(tokens, end):
        return note(tokens, index, end + 2, "「〜じゃなくて」と打ち消されている")
    if _denied_act(tokens, end):
        # OD？してないです.
        return note(tokens, index, end, "否定形")
    if lemma == "od" and _message_has(tokens, GUITAR_WORDS):
        # OD(オーバードライブ)のエフェクター: a guitar effect.
        return note(tokens, index, end, "ギターのエフェクターの略語")
    if _message_has(tokens, lex.END_OF_LIFE_PLANNING):
        # エンディングノートを書き始めた。遺書みたいで; 身辺整理というと大げさですが断捨離を.
        return note(tokens, index, end, "終活や片付けの話")
    if _prop(tokens, index, end):
        # 文化祭のお化け屋敷で首吊りの人形つくる: a prop for a haunted house.
        return note(tokens, index, end, "お化け屋敷や仮装の小道具の話")
    if lemma != "遺書" and _story_mentioned(tokens):
        # 首吊り事件が出てくるミステリーを借りた: a plot, not a plan. A suicide note stays, since
        # 遺書をミステリーの真似して書いた is one.
        return note(tokens, index, end, "小説やドラマの筋書きの話")
    if lemma == "遺書" and _left_by_the_dead(tokens, index):
        # 祖父の遺書が出てきて、親戚と相続でもめてます: a will left by someone who died.
        return note(tokens, index, end, "亡くなった人が残した遺書の話")
    if lemma == "身辺" and _message_has_part(tokens, lex.MOVING_WORDS | JOB_CHANGES):
        # 転職前の身辺整理中, 来月引っ越すだけ: affairs settled before a move or a new job.
        return note(tokens, index, end, "引っ越しや転職の前の片付け")
    context = news_context(tokens, index)
    if context is not None and not _written_by_the_bereaved(tokens, index):
        return note(tokens, index, end, f"「{context}」についての話題")
    return signal(tokens, index, end, RiskKind.PLAN, MEANS_EXPLANATIONS.get(lemma, "自殺の手段"))


def _prop(tokens: Tokens, index: int, end: int) -> bool:
    """Return whether the means is a prop: 首吊りの人形, or any means in a haunted house."""
    following = [token.lemma for token in tokens[end : end + 2]]
    if following[:1] == ["の"] and following[1:] and following[1] in PROPS:
        return True
    return _message_has(tokens, HAUNTED_HOUSE_WORDS)


def _written_by_the_bereaved(tokens: Tokens, index: int) -> bool:
    """Return whether someone who lost a person (亡くす) writes the 遺書 in this sentence.

    奥さんを亡くして、遺書のようなものを書いたと話していました: the widower wrote it, while
    亡くなった母の遺書 is the dead one's.
    """
    start, end = sentence_bounds(tokens, index)
    if not any(token.lemma == LOST for token in tokens[start:index]):
        return False
    return any(token.lemma == WRITE for token in tokens[index + 1 : min(end, index + 7)])


def _left_by_the_dead(tokens: Tokens, index: int) -> bool:
    """Return whether 遺書 is another person's (祖父の遺書) and the message names a death.

    A 遺書 found among another person's belongings (祖母の遺品整理してたら遺書が出てきた) is
    theirs as well.
    """
    written = [token.lemma for token in tokens[index + 1 : index + 4]]
    if _among_belongings_of_another(tokens) and WRITE not in written:
        # 遺書を書いた。母の遺品の横に置く: the sender's own, written beside them.
        return True
    if index < 2 or tokens[index - 1].lemma != "の":
        return False
    if tokens[index - 2].lemma not in lex.OTHER_PEOPLE:
        return False
    return _message_has(tokens, ESTATE_WORDS)


def _among_belongings_of_another(tokens: Tokens) -> bool:
    """Return whether the message sorts another person's belongings: 義父の遺品から."""
    return any(
        token.lemma in BELONGINGS
        and position >= 2
        and tokens[position - 1].lemma == "の"
        and tokens[position - 2].lemma in lex.OTHER_PEOPLE
        for position, token in enumerate(tokens)
    )


def _denied_act(tokens: Tokens, position: int) -> bool:
    # OD？してないです: a question about the act, answered with a denial.
    for offset in range(position, min(len(tokens), position + 3)):
        if tokens[offset].lemma == lex.DO:
            return verb_tail(tokens, offset).negated
        if tokens[offset].pos not in ("補助記号", "助詞"):
            return False
    return False


def _not_this(tokens: Tokens, position: int) -> bool:
    # 遺書じゃなくて遺言書: the copula だ (じゃ, では) followed by a negation.
    following = tokens[position : position + 3]
    lemmas = [token.lemma for token in following]
    if lemmas[:1] == ["だ"] and lemmas[1:2] in (["無い"], ["は"]):
        return "無い" in lemmas[1:]
    return False


LOST = "亡くす"
# Belongings left by a person who died: 遺品, 遺品整理.
BELONGINGS = frozenset({"遺品", "遺品整理"})
WRITE = "書く"
# Props that show a means: 首吊りの人形, 遺書の小道具.
PROPS = frozenset({"人形", "小道具", "飾り", "マネキン", "オブジェ"})
HAUNTED_HOUSE_WORDS = frozenset({"お化け屋敷", "ハロウィーン", "仮装", "肝試し"})
# Treatments that pull or hold the neck: 整形外科の牽引.
NECK_TREATMENTS = frozenset({"牽引", "整形", "整形外科", "接骨院", "整骨院", "リハビリ", "頸椎"})
# A death and what it leaves: 相続, 遺品, 四十九日.
ESTATE_WORDS = frozenset(
    {"相続", "遺産", "遺品", "亡くなる", "葬式", "葬儀", "四十九日", "形見", "生前", "故人"}
)
MEANS_EXPLANATIONS = {
    "首吊り": "首吊りへの言及",
    "オーバードーズ": "薬の過量服薬",
    "od": "薬の過量服薬、OD",
    "過量": "薬の過量服薬",
    "遺書": "遺書、自殺の準備",
    "樹海": "自殺の場所として知られる樹海への言及",
    "身辺": "身辺整理、自殺の準備のサイン",
}


def rope_or_charcoal_rule(tokens: Tokens, index: int) -> Finding:
    """ロープ or 練炭 with an act of getting them ready, unless used for camping or cooking."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    is_rope = tokens[index].lemma in lex.ROPE_NOUNS
    actions = lex.ROPE_ACTIONS if is_rope else lex.CHARCOAL_ACTIONS
    if is_rope and _weight_tested(tokens):
        # 荷造り用のロープ…クローゼットの棒が体重に耐えられるか調べてる: a purpose named, but
        # the rope is meant to hold a body indoors.
        explanation = "ロープと体重を支える場所、首吊りの準備"
        return signal(tokens, index, index + 1, RiskKind.PLAN, explanation)
    if _benign_purpose(tokens, is_rope):
        # 七輪買って一人焼き肉。練炭の火おこし意外とむずかしい: the purpose may be named in
        # another sentence.
        return note(tokens, index, index + 1, "キャンプや料理など日常の用途")
    if is_rope and _message_has(tokens, STEP_STOOLS):
        # 物干しロープと踏み台を買ってきた。物干しはもう十分あるのに: a rope and something to
        # stand on, with no use left to explain them.
        return signal(tokens, index, index + 1, RiskKind.PLAN, "ロープと踏み台、首吊りの準備")
    if _message_has(tokens, lex.STORY_WORDS):
        # ミステリー小説の密室で練炭が使われたトリック: a plot, not a plan.
        return note(tokens, index, index + 1, "小説やドラマの筋書きの話")
    near = {token.lemma for token in tokens[index + 1 : index + 1 + SIMILE_WINDOW]}
    if near & lex.SIMILE_LEMMAS or quoted_at_sender(tokens, index + 1):
        return note(tokens, index, index + 1, "たとえや他人から言われた言葉")
    if not is_rope and "有る" in lemmas and _message_has(tokens, lex.REMOTE_WORDS):
        # 車で山奥まで来た。練炭もある.
        return signal(tokens, index, index + 1, RiskKind.PLAN, "練炭を持って人のいない所にいる")
    if is_rope and lemmas & lex.CARRYING and _message_has(tokens, lex.REMOTE_WORDS - {"車"}):
        # ロープを持って一人で山の方に行こうとしていた.
        return signal(tokens, index, index + 1, RiskKind.PLAN, "ロープを持って人のいない所へ")
    if _found_in_belongings(tokens, index):
        # 息子の部屋からロープが出てきました: a means found among someone's things.
        explanation = (
            "家族などの部屋や持ち物から見つかったロープ"
            if is_rope
            else "家族などの部屋や持ち物から見つかった練炭"
        )
        return signal(tokens, index, index + 1, RiskKind.PLAN, explanation)
    if is_rope and _knot_looked_up(tokens, index):
        return signal(tokens, index, index + 3, RiskKind.PLAN, "ロープの結び方、首吊りの手段")
    if not lemmas & actions:
        return None
    explanation = "ロープの準備、首吊りの手段" if is_rope else "練炭の準備、自殺の手段"
    start, end = action_span(tokens, index, actions)
    return signal(tokens, start, end, RiskKind.PLAN, explanation)


def _found_in_belongings(tokens: Tokens, index: int) -> bool:
    """Return whether the means was found in a person's room or bag: 息子の部屋から…出てきた."""
    start, end = sentence_bounds(tokens, index)
    lemmas = [token.lemma for token in tokens[start:end]]
    if not FOUND_VERBS.intersection(lemmas):
        return False
    if any(token.lemma in lex.ROPE_LESSONS | SCOUTING for token in tokens):
        # 本人に聞いたら、ボーイスカウトでもやい結びの練習をしていた: the purpose was told.
        return False
    for position in range(start + 2, index):
        owner, link, place = tokens[position - 2 : position + 1]
        if place.lemma in PRIVATE_PLACES and link.lemma == "の" and owner.lemma in lex.OTHER_PEOPLE:
            return True
    return False


def _weight_tested(tokens: Tokens) -> bool:
    # 体重に耐えられるか, 体重を支えられるか: whether something bears a body's weight.
    lemmas = {token.lemma for token in tokens}
    if BODY_WEIGHT not in lemmas or not WEIGHT_VERBS & lemmas or lemmas & OUTDOOR_GEAR:
        return False
    return bool(lemmas & INDOOR_HOLDS)


def _knot_looked_up(tokens: Tokens, index: int) -> bool:
    # ロープの結び方の画像あげてた; ロープの結び方を練習した is a lesson.
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following != ["の", lex.KNOT_HOWTO]:
        return False
    return not any(token.lemma in lex.ROPE_LESSONS for token in tokens)


def neck_rule(tokens: Tokens, index: int) -> Finding:
    """首を吊る, 首をくくる, 首を絞める感覚を確かめた, ネクタイを首にかけてみた.

    首になった (fired) and 首が痛い are not risks, nor words said to the sender
    (「首くくってでも払え」って言われた) or someone else's death (首をつって亡くなった).
    """
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following[:1] == ["を"]:
        following = following[1:]
    verb = (
        index + 2
        if tokens[index + 1 : index + 2] and tokens[index + 1].lemma == "を"
        else index + 1
    )
    if following[:1] and following[0] in lex.HANG_VERBS:
        tail = verb_tail(tokens, verb)
        if {"れる", "られる"} & set(tail.lemmas) or quoted_at_sender(tokens, tail.end):
            return None
        if following[0] == STRANGLE and _neck_of_another(tokens, index):
            # 夫の首しめてやりたいくらい腹立つ: anger at someone else.
            return note(tokens, index, tail.end, "ほかの人に向けた怒りの言葉")
        if _someone_elses_death(tokens, tail):
            return None
        start, end = sentence_bounds(tokens, index)
        treated = any(token.lemma in NECK_TREATMENTS for token in tokens[start:end])
        if treated and tail.desire is Desire.NONE and not is_volitional(tokens, verb, tail):
            # 整形で首を吊って引っ張る牽引やってる: traction for a sore neck.
            return note(tokens, index, tail.end, "首の牽引など治療の話")
        return signal(tokens, index, index + 3, RiskKind.PLAN, "首を吊ること")
    if following[:1] == ["に"] and _cord_tried(tokens, index):
        return signal(tokens, index, index + 3, RiskKind.PLAN, "首にひもを掛けてみる、首吊りの試み")
    return None


def _story_mentioned(tokens: Tokens) -> bool:
    """Return whether a story word appears other than as a thing given away.

    ギターも漫画も全部配った。身辺整理ってこういう感じ gives comics away and is no plot.
    """
    for index, token in enumerate(tokens):
        if token.lemma not in lex.STORY_WORDS:
            continue
        _, end = sentence_bounds(tokens, index)
        if not any(other.lemma in GIVEN_AWAY for other in tokens[index + 1 : end]):
            return True
    return False


def _neck_of_another(tokens: Tokens, index: int) -> bool:
    """Return whether the neck at index is named as someone else's: 夫の首."""
    if index < 2 or tokens[index - 1].lemma != "の":
        return False
    owner = tokens[index - 2].lemma
    return owner in lex.OTHER_PEOPLE or owner in lex.OTHER_PRONOUNS


def _someone_elses_death(tokens: Tokens, tail: Tail) -> bool:
    # 首をくくった人の話, 姉が首をつって亡くなった: a death of someone else, told.
    following = [token.lemma for token in tokens[tail.end : tail.end + 2]]
    if "た" in tail.lemmas and following[:1] and following[0] in ("人", *lex.OTHER_PEOPLE):
        return True
    if "た" in tail.lemmas and following == ["事故", "物件"]:
        # 前の住人が首吊った事故物件: a flat where someone died before.
        return True
    return bool(set(following) & lex.BEREAVEMENT_VERBS)


def _cord_tried(tokens: Tokens, index: int) -> bool:
    # ネクタイを首にかけてみた, マフラー、首に巻いたままドアノブ見てる.
    verb = index + 2
    if verb >= len(tokens) or tokens[verb].lemma not in lex.NECK_TRY_VERBS:
        return False
    if not _message_has(tokens, lex.NOOSE_CORDS | {"マフラー"}):
        return False
    tail = verb_tail(tokens, verb)
    tried = tail.end < len(tokens) and tokens[tail.end].lemma == "見る"
    return tried or _message_has(tokens, lex.HANGING_POINTS)


def noose_rule(tokens: Tokens, index: int) -> Finding:
    """ロープを輪にした, ベルトが輪っかにして掛けてあった: a cord tied into a loop."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    if not lemmas & lex.LOOPS or lemmas & lex.BENIGN_PURPOSES:
        return None
    return signal(tokens, index, index + 1, RiskKind.PLAN, "ひもを輪にした、首吊りの準備")


def hanging_point_rule(tokens: Tokens, index: int) -> Finding:
    """ドアノブでもできるって本当ですか, 梁に縄をかけてみた: where a noose is tied."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.BENIGN_PURPOSES:
        return None
    if _message_has(tokens, lex.NOOSE_CORDS | {lex.NECK}) or "出来る" in lemmas:
        return signal(tokens, index, index + 1, RiskKind.PLAN, "首を吊る場所への言及")
    if lemmas & lex.TRIED and _message_has(tokens, lex.CHOKING):
        # ドアノブにタオルかけて試してみた。苦しくてやめた.
        return signal(tokens, index, index + 1, RiskKind.PLAN, "首を吊る場所で試した")
    return None


def grill_rule(tokens: Tokens, index: int) -> Finding:
    """七輪とガムテープを車に積んだ, 七輪に炭入れた。窓もドアも全部閉めた: a grill, sealed in."""
    if not (_message_has(tokens, lex.SEALING_WORDS) or _closed_up(tokens)):
        return None
    return signal(tokens, index, index + 1, RiskKind.PLAN, "七輪と目張りの道具、練炭自殺の準備")


def _closed_up(tokens: Tokens) -> bool:
    # 窓もドアも全部閉めた: windows or doors shut, said as done.
    for position, token in enumerate(tokens):
        if token.lemma != SHUT:
            continue
        tail = verb_tail(tokens, position)
        start, _ = sentence_bounds(tokens, position)
        shut_things = {t.lemma for t in tokens[start:position]} & lex.CLOSED_UP
        if shut_things and "た" in tail.lemmas and not tail.negated:
            return True
    return False


def sealing_rule(tokens: Tokens, index: int) -> Finding:
    """車、いま林道の奥。窓はテープで目張りした: a car or a room sealed, with no everyday reason."""
    lemmas = {token.lemma for token in tokens}
    if lemmas & lex.SEALING_REASONS or not lemmas & (lex.VEHICLES | {"部屋", "風呂場"}):
        return None
    tail = verb_tail(tokens, index + 1 if _followed_by_do(tokens, index) else index)
    if tail.negated:
        return None
    return signal(tokens, index, tail.end, RiskKind.PLAN, "車や部屋を目張りした、自殺の準備")


def hose_rule(tokens: Tokens, index: int) -> Finding:
    """ホースとガムテープ買ってきた。車は…, マフラーに合う太さのホース: a hose for the exhaust."""
    lemmas = {token.lemma for token in tokens}
    if lemmas & lex.SEALING_REASONS:
        return None
    if not (lemmas & lex.EXHAUST_WORDS and lemmas & lex.VEHICLES):
        return None
    return signal(tokens, index, index + 1, RiskKind.PLAN, "ホースと車、排気ガスによる自殺の準備")


def pillow_blade_rule(tokens: Tokens, index: int) -> Finding:
    """枕の下に包丁入れて寝てる: a blade kept in bed, with no reason of safety or a wake."""
    lemmas = {token.lemma for token in tokens}
    if not lemmas & (lex.BLADES | {KITCHEN_KNIFE}) or lemmas & lex.PILLOW_BLADE_REASONS:
        return None
    start, end = sentence_bounds(tokens, index)
    if not {token.lemma for token in tokens[start:end]} & (lex.BLADES | {KITCHEN_KNIFE}):
        return None
    return signal(tokens, index, index + 1, RiskKind.PLAN, "刃物を枕元に置いて寝ている")


def _followed_by_do(tokens: Tokens, index: int) -> bool:
    return index + 1 < len(tokens) and tokens[index + 1].lemma == lex.DO


def gun_rule(tokens: Tokens, index: int) -> Finding:
    """返す前に自分に使う, 自分の頭でも外さねえ, 弾込めて眺めてた: a gun turned on oneself."""
    lemmas = [token.lemma for token in tokens]
    for position, lemma in enumerate(lemmas[:-1]):
        if lemma == "自分" and lemmas[position + 1] in ("に", "を"):
            return signal(tokens, index, index + 1, RiskKind.PLAN, "銃を自分に向ける考え")
        if (
            lemma == "自分"
            and lemmas[position + 1] == "の"
            and "頭" in lemmas[position + 2 : position + 3]
        ):
            return signal(tokens, index, index + 1, RiskKind.PLAN, "銃を自分に向ける考え")
    if lex.BULLET in lemmas and lex.LOAD in lemmas:
        return signal(tokens, index, index + 1, RiskKind.PLAN, "銃に弾を込めている")
    if lex.GIVE_UP_VERB in lemmas:
        # 猟銃、手放すことにした: the gun is given up.
        return note(tokens, index, index + 1, "銃を手放す話")
    if lex.KNOW in lemmas and "どこ" in lemmas and _relief_wished(tokens):
        # 楽になりたい。父の猟銃がどこにしまってあるか、私知ってる.
        return signal(
            tokens,
            index,
            index + 1,
            RiskKind.PLAN,
            "銃のありかを知っている、楽になりたいという考え",
        )
    return None


def _relief_wished(tokens: Tokens) -> bool:
    """Return whether the message wishes for relief or an end: 楽になりたい, 終わりにしたい."""
    for position, token in enumerate(tokens[:-3]):
        if token.lemma != "楽":
            continue
        following = [t.lemma for t in tokens[position + 1 : position + 4]]
        if following[:2] in (["に", "成る"], ["だ", "成る"]) and "たい" in following:
            return True
    return False


def poison_rule(tokens: Tokens, index: int) -> Finding:
    """除草剤と一升瓶を並べて座ってる, 農薬の瓶のふた開けた, あれ飲めば終わる."""
    lemmas = {token.lemma for token in tokens}
    if lemmas & lex.MISTAKE_WORDS:
        return None
    if lex.SWALLOW in lemmas or lemmas & lex.BOTTLE_ACTS:
        return signal(tokens, index, index + 1, RiskKind.PLAN, "農薬や除草剤を飲むという考え")
    return None


def _benign_purpose(tokens: Tokens, is_rope: bool = True) -> bool:
    """Return whether the message names an everyday use that it does not deny.

    焼き肉じゃない, キャンプの予定はありません and キャンプ用ですって顔して deny the purpose,
    and 焼肉用ですって言って (told at the shop) only gives it as a pretext.
    """
    stated: set[str] = set()
    denied_purposes: set[str] = set()
    for position, token in enumerate(tokens):
        if token.lemma not in lex.BENIGN_PURPOSES:
            continue
        if not is_rope and token.lemma in ROPE_ONLY_PURPOSES:
            # 軽トラの荷台に練炭と七輪: a truck bed explains a rope, not charcoal.
            continue
        _, end = sentence_bounds(tokens, position)
        following = tokens[position + 1 : min(end, position + 1 + PURPOSE_DENIAL_WINDOW)]
        if any(
            t.lemma in NEGATIONS or t.lemma in PRETENSES or t.lemma == ENOUGH for t in following
        ):
            # 物干しはもう十分あるのに: a use already met is no reason to buy more.
            denied_purposes.add(token.lemma)
            continue
        if token.lemma in LAUNDRY and _laundry_denied(tokens):
            # 物干し用に丈夫なロープ買った。洗濯物はなにも干してない.
            denied_purposes.add(token.lemma)
            continue
        if _said_as_pretext(tokens[position + 1 : end]):
            continue
        if _guessed_by_someone(tokens[position + 1 : end]):
            # レジで「焼き肉ですか」って聞かれて、はいって答えた: a cashier's guess, let stand.
            continue
        stated.add(token.lemma)
    # キャンプ用だって言うけど、キャンプなんて行ったことない: the purpose given is denied later.
    return bool(stated - denied_purposes)


def _laundry_denied(tokens: Tokens) -> bool:
    """Return whether nothing is hung out to dry: 洗濯物はなにも干してない."""
    for position, token in enumerate(tokens):
        if token.lemma == HANG_OUT and verb_tail(tokens, position).negated:
            return True
    return False


def _guessed_by_someone(following: Tokens) -> bool:
    """Return whether the purpose was a question put to the sender: 〜ですかって聞かれて."""
    lemmas = [token.lemma for token in following]
    return any(
        lemma == "聞く" and lemmas[position + 1 : position + 2] in (["れる"], ["られる"])
        for position, lemma in enumerate(lemmas)
    )


def _said_as_pretext(following: Tokens) -> bool:
    """Return whether 〜って言って follows the purpose, a reason given to someone else.

    〜って言ったら誰も何も聞かなかった is a pretext that nobody questioned.
    """
    for position in range(len(following) - 1):
        if following[position].lemma != "言う":
            continue
        if following[position + 1].surface in ("たら", "だら"):
            rest = [token.lemma for token in following[position + 2 :]]
            if ("誰" in rest or "何" in rest) and any(word in NEGATIONS for word in rest):
                return True
            continue
        if following[position + 1].surface != "て":
            continue
        after = following[position + 2 : position + 3]
        # 焼き肉するって言ってたから: someone else's earlier words, not a pretext.
        return not (after and after[0].lemma in ("居る", "た", "てる"))
    return False


def _message_has(tokens: Tokens, words: frozenset[str]) -> bool:
    return any(token.lemma in words for token in tokens)


def _message_has_part(tokens: Tokens, words: frozenset[str]) -> bool:
    # 転職前 is one compound noun whose parts are 転職 and 前.
    return any(token.lemma in words or not words.isdisjoint(token.parts) for token in tokens)


def gaze_rule(tokens: Tokens, index: int) -> Finding:
    """台所で包丁を見つめてる, ロープを眺めてた: the sender staring at a means.

    A blade admired or cared for (研いだ包丁を眺めて満足) is not. Someone else's gaze
    (夫がロープを眺めてる) is reported danger. Medicine, guns and poisons have rules of their
    own that read the gaze too.
    """
    gazed = object_of(tokens, index)
    if gazed not in lex.GAZED_MEANS:
        return None
    tail = verb_tail(tokens, index)
    if tail.negated:
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.ADMIRING_WORDS:
        return None
    start = max(p for p in range(index) if tokens[p].lemma == gazed)
    return signal(tokens, start, tail.end, RiskKind.PLAN, "刃物やロープをじっと見つめている")


MEANS_RULES: dict[str, Callable[[Tokens, int], Finding]] = {
    **{lemma: gaze_rule for lemma in lex.GAZE_VERBS},
    **{lemma: means_noun_rule for lemma in lex.MEANS_NOUNS},
    **{lemma: medicine_rule for lemma in lex.MEDICINE_NOUNS | lex.PILL_COUNTERS},
    **{lemma: all_swallowed_rule for lemma in lex.EVERYTHING},
    lex.EMPTY_OUT: emptied_rule,
    LETHAL_DOSE: lethal_dose_rule,
    LETHAL: lethal_dose_rule,
    AMOUNT: unsafe_amount_rule,
    **{lemma: rope_or_charcoal_rule for lemma in lex.ROPE_NOUNS},
    lex.CHARCOAL: rope_or_charcoal_rule,
    lex.NECK: neck_rule,
    **{lemma: noose_rule for lemma in lex.NOOSE_CORDS - lex.ROPE_NOUNS},
    **{lemma: hanging_point_rule for lemma in lex.HANGING_POINTS},
    lex.GRILL: grill_rule,
    SEALING: sealing_rule,
    lex.HOSE: hose_rule,
    **{lemma: pillow_blade_rule for lemma in lex.PILLOW_PLACES},
    **{lemma: gun_rule for lemma in lex.GUNS},
    **{lemma: poison_rule for lemma in lex.POISONS},
    **PLACE_RULES,
}
