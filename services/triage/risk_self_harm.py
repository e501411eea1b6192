"""Rules for self-harm: cutting, burning, biting and striking oneself, wounds, starving oneself.

Most of these acts have an everyday twin (紙で手を切った, 猫に腕を噛まれた, 美容院で切った,
ダイエットで夕飯を抜いてる), so the rules need the sender's own body as the object, no other
cause in the sentence (料理中に, アトピーの), and for a bare 切った a sign of habit or relief
(また切った, 切ると落ち着く). Pain as relief (痛いとほっとする), a blade carried on one's person,
fresh wounds and bandages on the arm, self-punishment and eating nothing on purpose count too.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import (
    Finding,
    Rule,
    Tokens,
    news_context,
    next_sentence_lemmas,
    note,
    previous_sentence_lemmas,
    sentence_lemmas,
    signal,
)
from services.triage.morphology import is_sentence_end, sentence_bounds
from services.triage.predicates import (
    NEGATIONS,
    Desire,
    Tail,
    denied,
    is_self,
    object_of,
    subject_of,
    verb_tail,
)
from services.triage.signals import RiskKind

BODY_HARM_WINDOW = 9
# 熱いお湯に手をつけたら、ちょっとだけ気がまぎれた: the relief a few words after the act.
COPING_WINDOW = 8
POUNDING = "がんがん"
NAIL = "爪"
MANY = frozenset({"沢山", "いっぱい", "幾つ", "大量"})
# 親にバレる, 誰にも見せられない: a wound kept from others.
SECRECY = frozenset({"バレる", "隠す", "ばれる"})
# 隠さなきゃ, 隠さなくちゃ: negations that end a clause of obligation (must hide).
OBLIGATION_ENDINGS = frozenset({"なきゃ", "なけりゃ", "なくちゃ", "ねば"})
NAIL_SET = "立てる"
WALL_WINDOW = 6
NOUN_DENIAL_WINDOW = 6
# Words between リスカ and a denial: リスカはもう5年してない.
DENIAL_FILLERS = frozenset({"は", "も", "もう", "年", "何", "ずっと", "全然", "ここ", "最近"})
# Auxiliaries of being hurt by someone else (猫に噛まれた) or of having it done (切ってもらった).
DONE_BY_OTHERS = frozenset({"れる", "られる", "貰う"})
STOP_VERBS = frozenset({"やめる", "止める", "辞める"})
SPAN_UNITS = frozenset({"年", "箇月", "ヶ月", "か月", "月", "週間", "年間"})
RELAPSE_WORDS = frozenset({"又", "のに", "けれど", "けど"})
# 殴りたいくらいバカ, 叩きたいほど悔しい: what a wished blow to oneself measures.
VEXATION_WORDS = frozenset(
    {"馬鹿", "バカ", "ばか", "阿呆", "アホ", "情けない", "悔しい", "腹", "間抜け", "恥ずかしい"}
)
SELF_HARM = "体を切る・傷つける自傷行為"
# 傷つけたことは一度もない, 切ったことはありません: an act the sender has never done.
EXPERIENCE_NOUNS = frozenset({"こと", "事"})
NEVER_FILLERS = frozenset({"は", "が", "も", "一度", "一回", "今まで", "有る", "ます"})
NEVER_WINDOW = 6
# 傷つけるようなことは一度もしてません: the verb of doing and its progressive may stand between
# こと and the negation, so the window is longer than NEVER_WINDOW.
DOING = frozenset({"為る", "てる", "て", "居る", "いる"})
SUCH_NEVER_WINDOW = NEVER_WINDOW + 2
# やった傷, 自分でつけた傷: a wound the sender made.
MAKING_VERBS = frozenset({"遣る", "付ける", "つける"})
# 脂肪見えた: slang for a cut that reached the fat, with a word of wounds nearby.
FAT = "脂肪"
DEEP_CUT_WORDS = frozenset({"縫う", "傷", "切る", "血", "段差", "深い", "カッター", "刃"})
# ナイフの線が3本入ったデザイン: lines drawn, not cut.
DRAWN_LINES = frozenset({"デザイン", "模様", "柄", "イラスト", "絵", "ロゴ", "描く"})
# 腕にバーコードのタトゥー: a tattoo of lines.
TATTOOS = frozenset({"タトゥー", "刺青"})
# Punishments that others give: 罰ゲーム, 罰で居残り.
GIVEN_PUNISHMENTS = frozenset({"ゲーム", "居残り", "先生", "罰金", "罰則", "怒る", "叱る"})
# 跡が増えた: the marks of the act grow in number.
GROW = "増える"
QUIT_VERBS = frozenset({"やめる", "止める", "辞める", "止む"})
# 猫ってことにしてる, 猫じゃない, 猫って言い訳: a reply that does not explain the wound.
COVER_STORY_WORDS = NEGATIONS | {"こと", "事", "言い訳", "言う", "嘘", "って"}
SPEECH_NOUNS = frozenset({"言い方", "言葉", "口癖", "発言", "考え方", "独り言", "口調"})


def negated_act(tokens: Tokens, tail: Tail) -> bool:
    """Whether an act is denied or forbidden.

    傷つけないと落ち着かない (unless I hurt myself) is no denial. In 「自分の体を傷つけるな」って,
    な right after the verb forbids the act, as a parent's words.
    """
    following = tokens[tail.end : tail.end + 2]
    if (
        not tail.lemmas
        and following
        and following[0].surface == "な"
        and following[0].pos_detail == "終助詞"
        and following[1:2]
        and following[1].surface in ("」", "』")
    ):
        return True
    if not tail.negated and "た" in tail.lemmas and _never_done(tokens, tail.end):
        return True
    if not tail.negated and _quit_doing(tokens, tail.end):
        # 自分を傷つけるのはもうやめました.
        return True
    if not tail.negated and _such_never_done(tokens, tail):
        # 自分を傷つけるようなことは一度もしてません.
        return True
    if not tail.negated or "ば" in tail.lemmas:
        return False
    following = [token.lemma for token in tokens[tail.end : tail.end + 5]]
    if following[:2] in (["に", "は"], ["だ", "は"]) and "無い" in following[2:]:
        # 傷つけずにはいられない: "cannot help hurting myself", a double negation.
        return False
    return following[:1] != ["と"]


def _quit_doing(tokens: Tokens, position: int) -> bool:
    """Return whether のはもうやめた follows the verb: the act has stopped."""
    lemmas = [token.lemma for token in tokens[position : position + 6] if token.lemma != "ます"]
    if lemmas[:2] != ["の", "は"]:
        return False
    rest = lemmas[3:] if lemmas[2:3] == ["もう"] else lemmas[2:]
    return rest[:1] != [] and rest[0] in QUIT_VERBS and rest[1:2] == ["た"]


def _such_never_done(tokens: Tokens, tail: Tail) -> bool:
    """Return whether ようなことは…してない follows the verb: an act of that kind denied."""
    if tail.lemmas[-2:] not in (("よう", "だ"), ("みたい", "だ")):
        return False
    if tail.end >= len(tokens) or tokens[tail.end].lemma not in EXPERIENCE_NOUNS:
        return False
    for token in tokens[tail.end + 1 : tail.end + 1 + SUCH_NEVER_WINDOW]:
        if token.lemma in NEGATIONS:
            return True
        if token.lemma not in NEVER_FILLERS and token.lemma not in DOING:
            return False
    return False


def _never_done(tokens: Tokens, position: int) -> bool:
    """Return whether 傷つけた is followed by ことは一度もない, ことはありません: never done."""
    following = tokens[position : position + NEVER_WINDOW]
    if not following or following[0].lemma not in EXPERIENCE_NOUNS:
        return False
    for token in following[1:]:
        if token.lemma in NEGATIONS:
            return True
        if token.lemma not in NEVER_FILLERS:
            return False
    return False


def _scars_growing(tokens: Tokens, end: int) -> int | None:
    """Return the end of の跡が増えた after the act's noun, or None."""
    lemmas = [token.lemma for token in tokens[end : end + 4]]
    if lemmas[:2] != ["の", "跡"]:
        return None
    rest = lemmas[2:] if lemmas[2:3] not in (["が"], ["も"]) else lemmas[3:]
    if rest[:1] != [GROW]:
        return None
    return end + len(lemmas) - len(rest) + 1


def self_harm_noun_rule(tokens: Tokens, index: int) -> Finding:
    """リストカット, アームカット, 自傷, 根性焼き; text.py spells out リスカ and アムカ."""
    end = index + 1
    if tokens[index].lemma in lex.CUT_SITES_SLANG:
        if end >= len(tokens) or tokens[end].lemma != "カット":
            return None
        end += 1
    if tokens[index].lemma == lex.GUTS:
        # 根性焼き; 根性 alone is grit.
        if end >= len(tokens) or tokens[end].surface != "焼き":
            return None
        end += 1
    growing = _scars_growing(tokens, end)
    if growing is not None:
        # アムカの跡ふえすぎて、プールの授業ずっと見学してる: the lesson is the one skipped.
        return signal(tokens, index, growing, RiskKind.SELF_HARM, "自傷の跡が増えている")
    context = news_context(tokens, index)
    if context is not None:
        return note(tokens, index, end, f"「{context}」についての話題")
    _, sentence_end, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.SUSPICION_WORDS:
        return note(tokens, index, end, "他人の疑いやうわさとしての言及")
    denial = _act_denied(tokens, end, sentence_end)
    if denial is not None:
        return note(tokens, index, denial, "否定形")
    if tokens[index].lemma == lex.GUTS and _done_by_others(tokens, end):
        return note(tokens, index, end, "他人からされた根性焼き")
    stopped = _stopped_for(tokens, end)
    if stopped is not None:
        return note(tokens, index, stopped, "自傷をやめて時間が経っている")
    return signal(tokens, index, end, RiskKind.SELF_HARM, "リストカットなどの自傷行為")


def _stopped_for(tokens: Tokens, start: int) -> int | None:
    """Return the end of リスカをやめて2年, リスカやめて3年になりました: stopped a while ago.

    やめたいのにやめられない is a wish to stop, and やめた alone may be days ago, so a span of
    time must follow.
    """
    position = start
    if position < len(tokens) and tokens[position].lemma == "を":
        position += 1
    if position >= len(tokens) or tokens[position].lemma not in STOP_VERBS:
        return None
    following = tokens[position + 1 : position + 4]
    lemmas = [token.lemma for token in following]
    if lemmas[:1] != ["て"] or len(following) < 3 or following[1].pos_detail != "数詞":
        return None
    if lemmas[2] not in SPAN_UNITS:
        return None
    # やめて3ヶ月だったのに、今日またやった: the span marks a relapse.
    _, sentence_end = sentence_bounds(tokens, position)
    rest = {token.lemma for token in tokens[position + 4 : sentence_end]}
    return None if rest & RELAPSE_WORDS else position + 4


def _act_denied(tokens: Tokens, start: int, sentence_end: int) -> int | None:
    """Return the end of a denied する after the noun (リスカはもう5年してない), or None."""
    for position in range(start, min(sentence_end, start + NOUN_DENIAL_WINDOW)):
        token = tokens[position]
        if token.lemma == lex.DO:
            tail = verb_tail(tokens, position)
            return tail.end if tail.negated else None
        if token.lemma not in DENIAL_FILLERS and token.pos_detail != "数詞":
            return None
    return None


def _done_by_others(tokens: Tokens, position: int) -> bool:
    for index in range(position, min(len(tokens), position + 4)):
        if tokens[index].lemma == lex.DO:
            return bool(DONE_BY_OTHERS & set(verb_tail(tokens, index).lemmas))
    return False


def body_harm_rule(tokens: Tokens, index: int) -> Finding:
    """腕を切る, 自分の腕を血が出るまで噛んでる, 手の甲を爪でかきむしる, 腕から血が出てる."""
    lemma = tokens[index].lemma
    following = tokens[index + 1].lemma if index + 1 < len(tokens) else None
    if following in ("で", "から") and lemma != "自分":
        # 自分で切った is by oneself; 手首から血が出てる is bleeding.
        return _bleeding(tokens, index)
    if lemma == lex.HEAD:
        verbs = lex.HEAD_HARM_VERBS
    elif lemma in lex.HANDS:
        verbs = lex.HAND_HARM_VERBS
    else:
        verbs = lex.HARM_VERBS
    start, sentence_end, lemmas = sentence_lemmas(tokens, index)
    if _injured(lemmas, lemma) or next_sentence_lemmas(tokens, index) & lex.NEEDLE_TREATMENTS:
        # 腕に針刺すの、慣れない。透析の穿刺のことね: the next sentence names the treatment.
        return note(tokens, index, index + 1, "けがや治療など、自傷とは別の原因がある")
    if _attempting_else(tokens, start, index):
        # ハサミでリストバンドを切ろうとして、手首も切った: a slip while cutting something else.
        return note(tokens, index, index + 1, "別の物を切ろうとしてのけが")
    if lemma == lex.HEAD and lex.WALL in lemmas and _pounding(tokens, index, sentence_end):
        # 壁に頭ガンガンしてる.
        return signal(tokens, index, index + 2, RiskKind.SELF_HARM, "壁に頭を打ちつける自傷")
    if lemma in lex.CUTTING_SITES | {lex.WRIST} and _hidden(tokens, index):
        explanation = "手首や腕を隠している、自傷の疑い"
        return signal(tokens, index, index + 1, RiskKind.SELF_HARM, explanation)
    if following == "で" and lemmas & lex.EVERYDAY_CUTS:
        # 前髪を自分で切った: the object is hair, cut by oneself.
        return None
    unnamed_object = "を" not in lemmas and not lemmas & (lex.CUTTING_SITES | {lex.WRIST})
    if (
        following == "で"
        and unnamed_object
        and previous_sentence_lemmas(tokens, index) & lex.EVERYDAY_CUTS
    ):
        # 美容院で髪を切りました。ずっと自分で切ってたので: the hair of the sentence before.
        return None
    if lemmas & lex.BURN_TOOLS:
        # たばこの火を腕に押しつけた: these verbs harm only with a hot or sharp tool.
        verbs = verbs | lex.TOOL_HARM_VERBS
    for position in range(index + 1, min(sentence_end, index + 1 + BODY_HARM_WINDOW)):
        token = tokens[position]
        if token.lemma in lex.EVERYDAY_CUTS and not _nail_as_tool(tokens, position):
            # 爪を切った is everyday; 爪で血が出るまで引っかいた uses the nail as a tool.
            return None
        if token.pos_detail == "読点" and position > index + 1:
            # 手首、切ってしまった: a comma right after the body part only sets it as topic.
            return None
        nail_set = token.lemma == NAIL_SET and tokens[position - 2].lemma == NAIL
        if token.lemma in verbs or nail_set:
            # 腕に爪を立ててる: the nail dug into the skin.
            tail = verb_tail(tokens, position)
            if negated_act(tokens, tail) or DONE_BY_OTHERS & set(tail.lemmas):
                return None
            if _describes_words(tokens, tail):
                # 自分を傷つけるような言い方ばっかりしちゃう: words that wound, not an act.
                return note(tokens, index, tail.end, "自分を責める言葉づかいのたとえ")
            if _measures_vexation(tokens, tail):
                # 自分を殴りたいくらいバカ: the wish measures how foolish the sender felt.
                explanation = "自分への腹立ちや悔しさを誇張した言い回し"
                return note(tokens, index, tail.end, explanation)
            return signal(tokens, index, tail.end, RiskKind.SELF_HARM, SELF_HARM)
        if token.pos == "動詞" and lemma in lex.HANDS:
            end = _coping_after(tokens, position)
            if end is not None:
                # 熱いお湯に手をつけたら、気がまぎれた: pain used to cope.
                explanation = "痛みで気持ちを紛らわす自傷"
                return signal(tokens, index, end, RiskKind.SELF_HARM, explanation)
    if lemmas & lex.BLADES and lemma in lex.CUTTING_SITES:
        # カミソリで手首を…: a blade and a wrist in one sentence, even with the verb left out.
        return signal(tokens, index, index + 1, RiskKind.SELF_HARM, "刃物と手首や腕への言及")
    return None


def _measures_vexation(tokens: Tokens, tail: Tail) -> bool:
    """Return whether a wished act measures vexation: 殴りたいくらいバカ, 叩きたいほど悔しい."""
    if tail.desire is not Desire.WANT:
        return False
    following = [token.lemma for token in tokens[tail.end : tail.end + 3]]
    if not following or following[0] not in lex.DEGREE_WORDS:
        return False
    return any(lemma in VEXATION_WORDS for lemma in following[1:])


def _describes_words(tokens: Tokens, tail: Tail) -> bool:
    """Return whether the act only describes a way of speaking: 傷つけるような言い方."""
    start = tail.end - len(tail.lemmas)
    following = [token.lemma for token in tokens[start : tail.end + 3]]
    for position in range(len(following) - 2):
        if following[position : position + 2] in (["よう", "だ"], ["みたい", "だ"]):
            return following[position + 2] in SPEECH_NOUNS
    return False


def _nail_as_tool(tokens: Tokens, position: int) -> bool:
    # 爪で引っかいた, 腕に爪を立ててる: the nail hurts instead of being cut.
    following = [token.lemma for token in tokens[position + 1 : position + 3]]
    return following[:1] == ["で"] or following[:2] == ["を", "立てる"]


def _attempting_else(tokens: Tokens, start: int, index: int) -> bool:
    """Return whether the sentence tries to do something else first: 〜を切ろうとして."""
    for position in range(start, index - 2):
        if not tokens[position].conjugation.startswith("意志推量形"):
            continue
        following = [token.lemma for token in tokens[position + 1 : position + 4]]
        if following[:2] == ["と", lex.DO] and following[2:] == ["て"]:
            return True
    return False


def _pounding(tokens: Tokens, index: int, end: int) -> bool:
    # 頭ガンガンしてる: the mimetic word for striking, then する.
    following = [token.lemma for token in tokens[index + 1 : min(end, index + 4)]]
    if following[:1] == ["を"]:
        # 壁に頭をガンガンしてる.
        following = following[1:]
    return following[:1] == [POUNDING] and following[1:2] == [lex.DO]


def _hidden(tokens: Tokens, index: int) -> bool:
    """Return whether the message hides the wrist or arm: 長袖で隠す, 手首見られたら終わる.

    Other marks people hide (タトゥー, 日焼け, 痣) explain the hiding instead.
    """
    lemmas = {token.lemma for token in tokens}
    if lemmas & lex.OTHER_MARKS or lemmas & lex.INJURY_CAUSES:
        return False
    if any(
        token.lemma in lex.HIDING_WORDS and not _no_longer_hidden(tokens, position)
        for position, token in enumerate(tokens)
    ):
        return True
    # 手首見られたら, 腕を見せてと言っても: being seen, or asked to show, is what is feared.
    following = [token.lemma for token in tokens[index + 1 : index + 5]]
    seen = "見る" in following and ("られる" in following or "れる" in following)
    asked = "見せる" in following and ("言う" in following or "無い" in following)
    return seen or asked


def _no_longer_hidden(tokens: Tokens, index: int) -> bool:
    """腕の傷は隠していない。: hiding denied at the end of a clause, not 隠さないと (must hide)."""
    if tokens[index].lemma != "隠す":
        return False
    tail = verb_tail(tokens, index)
    if not tail.negated or tail.lemmas[-1:] not in (("無い",), ("ず",)):
        return False
    if tokens[tail.end - 1].surface in OBLIGATION_ENDINGS:
        return False
    return tail.end >= len(tokens) or is_sentence_end(tokens[tail.end])


def _injured(lemmas: set[str], site: str) -> bool:
    """Return whether the sentence gives another cause of the injury (料理中に, 転んで).

    A kitchen knife alone is no such cause at the wrist (包丁で手首を切ってしまった).
    """
    causes = lemmas & lex.INJURY_CAUSES
    if site in lex.CUTTING_SITES | {lex.WRIST, "自分"}:
        # 包丁を自分に向けたくなる: a knife turned on oneself is no kitchen accident.
        causes = causes - {"包丁"}
    return bool(causes)


def _bleeding(tokens: Tokens, index: int) -> Finding:
    """手首から血が出てる: blood from a place where people cut themselves, not an accident."""
    if tokens[index].lemma not in lex.CUTTING_SITES or tokens[index + 1].lemma != "から":
        return None
    following = [token.lemma for token in tokens[index + 2 : index + 4]]
    if following[:1] != [lex.BLOOD]:
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.INJURY_CAUSES:
        return None
    return signal(tokens, index, index + 3, RiskKind.SELF_HARM, "手首や腕からの出血、自傷の疑い")


def blood_rule(tokens: Tokens, index: int) -> Finding:
    """腕が血だらけ, 血とまんない…手首, 血のついたティッシュとカミソリの刃: blood of self-harm."""
    lemmas = {token.lemma for token in tokens}
    if lemmas & lex.INJURY_CAUSES or lemmas & lex.EVERYDAY_CUTS:
        return None
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    soaked = following[:1] and following[0] in lex.SOAKED_SUFFIXES
    if soaked and lemmas & lex.CUTTING_SITES:
        return signal(tokens, index, index + 2, RiskKind.SELF_HARM, "腕が血だらけ、自傷の疑い")
    # 血とまらない: 止まる written in kana has its own lemma.
    not_stopping = bool({lex.STOP, "止む", "とまる"} & set(following))
    if not_stopping and (lemmas & lex.CUTTING_SITES or lex.WRIST in lemmas):
        return signal(tokens, index, index + 1, RiskKind.SELF_HARM, "手首や腕の血が止まらない")
    if lex.TISSUE in lemmas and lemmas & (lex.BLADES | {lex.BLADE_EDGE}):
        return signal(
            tokens, index, index + 1, RiskKind.SELF_HARM, "血のついたティッシュと刃物、自傷の跡"
        )
    if lex.TISSUE in lemmas and lemmas & lex.TRASH and lemmas & MANY:
        # ゴミ箱に血のついたティッシュがたくさん: what is left after cutting, found by family.
        explanation = "ゴミ箱に血のついたティッシュがたくさん、自傷の跡"
        return signal(tokens, index, index + 1, RiskKind.SELF_HARM, explanation)
    if lemmas & lex.SLEEVE and _marked_with(tokens, index):
        # 娘のシャツの袖口に血がついていた: blood inside a sleeve, where cuts are hidden.
        return signal(
            tokens, index, index + 1, RiskKind.SELF_HARM, "袖口に血がついていた、自傷の疑い"
        )
    return None


def _marked_with(tokens: Tokens, index: int) -> bool:
    # 袖口に血がついて: the blood is on the sleeve, not only near it.
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    return following[:1] == ["が"] and following[1:] == ["付く"]


def _blade_in_hand(tokens: Tokens, index: int, tail: Tail) -> bool:
    """Return whether 切ってない is only not yet, with a blade held: まだ切ってない."""
    if not tail.negated or index == 0 or tokens[index - 1].lemma != lex.NOT_YET:
        return False
    lemmas = {token.lemma for token in tokens}
    return bool(lemmas & lex.BLADES) and bool(lemmas & lex.GRIP_VERBS)


# 切らないと眠れない, 切らないと落ち着かない: what the sender cannot do without cutting.
NEEDED_FOR = frozenset({"眠る", "寝る", "ねる", "落ち着く", "生きる", "居る", "耐える"})


def cut_rule(tokens: Tokens, index: int) -> Finding:
    """切っちゃった🔪🩸, また切りたくなった, 久しぶりに切った, 切ると落ち着く.

    切る with no object counts near a blade or a wound, as an urge, as a relapse or habit, or
    as a relief. Everyday objects (髪, 爪, 野菜, 縁), accidents (料理中に) and a cut done by
    someone else (切られた, 美容院で切ってもらった) rule it out.
    """
    tail = verb_tail(tokens, index)
    if _blade_in_hand(tokens, index, tail):
        explanation = "刃物を手にして、まだ切っていないという状態"
        return signal(tokens, index - 1, tail.end, RiskKind.SELF_HARM, explanation)
    needed = _needed_for(tokens, tail)
    if needed is not None and object_of(tokens, index, topic_markers=True) is None:
        # 切らないと眠れない: the cut needed to sleep or to calm down.
        explanation = "切らないと眠れない、落ち着かないという自傷"
        return signal(tokens, index, needed, RiskKind.SELF_HARM, explanation)
    if negated_act(tokens, tail) or DONE_BY_OTHERS & set(tail.lemmas):
        return None
    _, _, lemmas = sentence_lemmas(tokens, index)
    everyday = lemmas & lex.EVERYDAY_CUTS or lemmas & lex.INJURY_CAUSES
    # 切ってるときだけ、自分がまだここにいる: 自分 as a subject leaves the cut to this rule.
    if everyday or lemmas & (lex.BODY_PARTS - {"自分"}):
        return None
    if object_of(tokens, index, topic_markers=True) is not None or _comma_object(tokens, index):
        # ナイフでりんごを切った, 電話、また切っちゃった: something other than the body.
        return None
    if lemmas & lex.BLADES_AND_WOUNDS:
        return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "刃物で切る行為")
    if tail.desire is Desire.WANT and denied(tokens, tail):
        # 今はもう切りたいとも思わない.
        return note(tokens, index, tail.end, "続く文で否定されている")
    if tail.desire is Desire.WANT or lex.IMPULSE in lemmas:
        return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "切りたいという衝動")
    end = _coping_after(tokens, tail.end - 1) or _while_doing(tokens, tail)
    if end is not None:
        return signal(tokens, index, end, RiskKind.SELF_HARM, "切ることで気持ちを落ち着かせる自傷")
    if _relapse(tokens, index):
        return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "また切ったという自傷の報告")
    return None


def _needed_for(tokens: Tokens, tail: Tail) -> int | None:
    """Return the end of 切らないと眠れない, a cut without which the sender cannot go on."""
    if tail.lemmas[:1] != ("無い",):
        return None
    following = [token.lemma for token in tokens[tail.end : tail.end + 3]]
    if following[:1] != ["と"] or len(following) < 3:
        return None
    if following[1] in NEEDED_FOR and following[2] == "無い":
        return tail.end + 3
    return None


def _comma_object(tokens: Tokens, index: int) -> bool:
    # 電話、また切っちゃった: a noun that opens the sentence before a comma. A person named
    # first is called, not cut: 先生、また切ってしまった.
    start, _ = sentence_bounds(tokens, index)
    for position in range(start + 1, index):
        if tokens[position].pos_detail == "読点":
            noun = tokens[position - 1]
            return noun.pos in ("名詞", "代名詞") and noun.lemma not in lex.OTHER_PEOPLE
    return False


def _relapse(tokens: Tokens, index: int) -> bool:
    """Return whether a word of habit or relapse appears in the sentence or the next one."""
    start, end = sentence_bounds(tokens, index)
    if end + 1 < len(tokens):
        _, end = sentence_bounds(tokens, end + 1)
    return any(token.lemma in lex.RELAPSE_WORDS for token in tokens[start:end])


def _coping_after(tokens: Tokens, position: int) -> int | None:
    """Return the end of a relief that follows the act: 切ると落ち着く, つけたら気がまぎれた."""
    following = tokens[position + 1 : position + 1 + COPING_WINDOW]
    if not following or following[0].lemma not in ("と", "た", "ば", "て"):
        return None
    for offset, token in enumerate(following):
        if is_sentence_end(token):
            return None
        if token.lemma in lex.COPING_WORDS:
            after = tokens[position + 2 + offset : position + 4 + offset]
            if any(t.lemma in NEGATIONS for t in after):
                # 痛いと落ち着かない is no relief.
                return None
            return position + 2 + offset
    return None


def _while_doing(tokens: Tokens, tail: Tail) -> int | None:
    # 切ってるときだけ、自分がまだここにいるってわかる.
    lemmas = [token.lemma for token in tokens[tail.end : tail.end + 2]]
    if lemmas[:1] == ["時"] and lemmas[1:] == ["だけ"]:
        return tail.end + 2
    return None


def _cut_again_over(tokens: Tokens, index: int, sentence_end: int) -> int | None:
    """Return the end of 傷跡の上をまた切った, a cut over an old wound, or None."""
    following = [token.lemma for token in tokens[index + 1 : min(sentence_end, index + 6)]]
    if following[:2] != ["の", "上"] or not {"又", "また"} & set(following):
        return None
    if lex.CUT not in following:
        return None
    return index + 2 + following.index(lex.CUT)


def wound_rule(tokens: Tokens, index: int) -> Finding:
    """手首に傷, 腕に切り傷がたくさん, 腕の傷がまた増えた, 細い傷がいくつも."""
    _, sentence_end, lemmas = sentence_lemmas(tokens, index)
    if index >= 2 and tokens[index - 1].lemma == "の" and tokens[index - 2].lemma in lex.NOT_PEOPLE:
        # 新しいスマホの傷: a scratch on a thing.
        return None
    maker_start = _made_by_sender(tokens, index)
    if maker_start is not None:
        # 昨夜やった傷がまだじくじく, 自分でつけた傷がまだ治ってない: a wound the sender made.
        # A dog licking it or a blood test named beside it is no cause.
        return signal(tokens, maker_start, index + 1, RiskKind.SELF_HARM, "自分でやった傷（自傷）")
    if lemmas & lex.INJURY_CAUSES or lemmas & lex.EVERYDAY_CUTS or lemmas & lex.ANIMALS:
        return note(tokens, index, index + 1, "けがや動物など、自傷とは別の原因がある傷")
    questioned = sentence_end < len(tokens) and tokens[sentence_end].surface in ("?", "？")
    reply = next_sentence_lemmas(tokens, index)
    if questioned and reply & lex.ANIMALS and not reply & COVER_STORY_WORDS:
        # 手首の傷？あ、これ猫: the question about the wound, answered with the animal.
        return note(tokens, index, index + 1, "けがや動物など、自傷とは別の原因がある傷")
    recut = _cut_again_over(tokens, index, sentence_end)
    if recut is not None:
        # 古い傷跡の上をまた切った: the old scar cut open again.
        explanation = "古い傷の上をまた切った"
        return signal(tokens, index, recut, RiskKind.SELF_HARM, explanation)
    if _caused_by_others(tokens, index) or lemmas & lex.PAST_MARKS:
        # 夫につかまれた跡, 古い傷跡, 昔の傷あと: someone else's doing or long healed.
        return note(tokens, index, index + 1, "他人にされた傷や昔の傷")
    on_wrist = lex.WRIST in lemmas
    cut_on_body = tokens[index].lemma == "切り傷" and bool(lemmas & lex.BODY_PARTS)
    # クラスの子の腕に傷あるの見ちゃった。新しいやつ: the arm or the sign may come in the next
    # sentence (傷を見せたら怒られる。左腕、新しいのが3本).
    nearby = lemmas | next_sentence_lemmas(tokens, index)
    signs = nearby & lex.WOUND_SIGNS
    if "隠す" in signs and any(_no_longer_hidden(tokens, p) for p in range(len(tokens))):
        signs = signs - {"隠す"}
    fresh_on_arm = bool(nearby & lex.CUTTING_SITES) and bool(signs)
    if on_wrist or cut_on_body or fresh_on_arm:
        return signal(tokens, index, index + 1, RiskKind.SELF_HARM, "手首や腕の傷、自傷の跡")
    if _kept_secret(tokens) and nearby & lex.WOUND_SIGNS:
        # 傷が深くて縫ったほうがいいのかわかんない。病院行ったら親にバレる.
        return signal(tokens, index, index + 1, RiskKind.SELF_HARM, "隠している傷、自傷の跡")
    return None


def _kept_secret(tokens: Tokens) -> bool:
    lemmas = {token.lemma for token in tokens}
    if lemmas & lex.OTHER_MARKS or lemmas & lex.INJURY_CAUSES:
        return False
    # 傷跡を隠さず半袖を着ている: a scar no longer hidden is no secret. バレたくない negates
    # the wish, not the verb, so it stays a secret, and so does 見られたくない.
    lemmas_in_order = [token.lemma for token in tokens]
    for position, lemma in enumerate(lemmas_in_order):
        if lemma == "見る" and lemmas_in_order[position + 1 : position + 4] == [
            "られる",
            "たい",
            "無い",
        ]:
            return True
    return any(
        token.lemma in SECRECY and not verb_tail(tokens, position).negated
        for position, token in enumerate(tokens)
    )


def line_rule(tokens: Tokens, index: int) -> Finding:
    """腕に線が増えた, 腕がバーコード, カミソリでつけたような線: cut marks named as lines."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.INJURY_CAUSES:
        return None
    before = [token.lemma for token in tokens[max(0, index - 2) : index]]
    drawn = lemmas & DRAWN_LINES
    if (
        before[-1:] == ["の"]
        and before[0] in lex.BLADES
        and _counted_lines(tokens, index)
        and not drawn
    ):
        # ただのカッターの線です、10本: lines a blade left, counted.
        return signal(tokens, index - 2, index + 1, RiskKind.SELF_HARM, "刃物でつけた線状の傷")
    if not lemmas & lex.CUTTING_SITES or lemmas & (DRAWN_LINES | TATTOOS):
        # 腕にバーコードのタトゥー: a tattoo of lines.
        return None
    if (
        tokens[index].lemma == lex.BARCODE
        or lemmas & (lex.WOUND_SIGNS - {lex.LINE})
        or lemmas & lex.BLADES
    ):
        return signal(tokens, index, index + 1, RiskKind.SELF_HARM, "腕の線状の傷、自傷の跡")
    return None


def _made_by_sender(tokens: Tokens, index: int) -> int | None:
    """Return where 自分でつけた or 昨夜やった starts before the wound, or None."""
    before = [token.lemma for token in tokens[max(0, index - 4) : index]]
    if before[-1:] != ["た"] or len(before) < 2 or before[-2] not in MAKING_VERBS:
        return None
    by_self = len(before) == 4 and before[1] == "で" and is_self(before[0])
    if by_self:
        return index - 4
    _, _, lemmas = sentence_lemmas(tokens, index)
    if before[-2] != "遣る" or lemmas & lex.INJURY_CAUSES or lemmas & lex.EVERYDAY_CUTS:
        return None
    # 部活でやった傷: the place or the activity before で is the cause.
    return None if len(before) >= 3 and before[-3] == "で" else index - 2


def _counted_lines(tokens: Tokens, index: int) -> bool:
    # 線です、10本, 線が3本: a number counted with 本 right after the lines.
    for position in range(index + 1, min(len(tokens), index + 6)):
        token = tokens[position]
        if token.surface == "本" and tokens[position - 1].pos_detail == "数詞":
            return True
    return False


def fat_seen_rule(tokens: Tokens, index: int) -> Finding:
    """久々に脂肪見えた。縫うほどじゃない: a cut deep enough to show fat, in net slang."""
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following[:1] == ["が"]:
        following = following[1:]
    if following[:1] != ["見える"]:
        return None
    if not any(token.lemma in DEEP_CUT_WORDS for token in tokens):
        return None
    if any(token.lemma in lex.INJURY_CAUSES for token in tokens):
        return None
    return signal(tokens, index, index + 2, RiskKind.SELF_HARM, "脂肪が見えるほど深く切った自傷")


def _caused_by_others(tokens: Tokens, index: int) -> bool:
    # 夫につかまれた跡, 猫に引っかかれた傷: a passive verb describes how the wound came.
    start, _ = sentence_bounds(tokens, index)
    # Within the sentence only: 長袖しか着られない。新しい傷 has a potential, not a cause.
    window = tokens[max(start, index - 4) : index]
    return any(token.pos == "助動詞" and token.lemma in ("れる", "られる") for token in window)


def hair_rule(tokens: Tokens, index: int) -> Finding:
    """自分で髪の毛を抜くことにしてる, 髪を抜くのがやめられない: pulling out one's own hair."""
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following[:1] != ["を"] or following[1:] != [lex.PULL_OUT]:
        return None
    tail = verb_tail(tokens, index + 2)
    if tail.negated:
        return None
    lemmas = {token.lemma for token in tokens}
    after = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    habit = "やめる" in after or "こと" in after[:1]
    if not (habit or lemmas & lex.BALD or _by_oneself(tokens, index)):
        return None
    return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "自分の髪を抜く自傷")


def _by_oneself(tokens: Tokens, index: int) -> bool:
    before = [token.lemma for token in tokens[max(0, index - 3) : index]]
    return before[-2:] == ["自分", "で"]


def bandage_rule(tokens: Tokens, index: int) -> Finding:
    """手首に包帯, 腕の包帯が日に日に増えて: a bandage where people cut themselves."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    if not lemmas & (lex.CUTTING_SITES | {lex.WRIST}) or lemmas & lex.INJURY_CAUSES:
        return None
    return signal(tokens, index, index + 1, RiskKind.SELF_HARM, "手首や腕の包帯、自傷の疑い")


def pain_rule(tokens: Tokens, index: int) -> Finding:
    """痛いとほっとする, 痛いほうがまだまし, 痛いのだけが生きてる感じ: pain as relief."""
    following = [token.lemma for token in tokens[index + 1 : index + 5]]
    if following[:1] == ["と"]:
        end = _coping_after(tokens, index)
        if end is not None:
            return signal(tokens, index, end, RiskKind.SELF_HARM, "痛みで気持ちを落ち着かせる自傷")
    if following[:1] == ["方"] and "増し" in following[1:4]:
        end = index + 2 + following[1:4].index("増し") + 1
        return signal(tokens, index, end, RiskKind.SELF_HARM, "痛いほうがましという自傷の感覚")
    if following[:2] == ["の", "だけ"] and lex.LIVE in following[2:]:
        return signal(
            tokens, index, index + 5, RiskKind.SELF_HARM, "痛みだけが生きている実感という感覚"
        )
    return None


def punishment_rule(tokens: Tokens, index: int) -> Finding:
    """自分を罰したい, 自分に罰を与えた, 自分への罰みたい: punishing oneself."""
    before = [token.lemma for token in tokens[max(0, index - 4) : index]]
    if _water_only(tokens) and _self_punishment(tokens):
        # 太った罰で、今日で3日目の水だけ生活: food given up as a punishment.
        return signal(tokens, index, index + 1, RiskKind.SELF_HARM, "罰として食べない自傷")
    if "自分" not in before and not any(token.lemma == lex.ON_PURPOSE for token in tokens):
        return None
    tail = verb_tail(tokens, index)
    if tail.negated:
        return None
    return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "自分を罰する自傷")


def _self_punishment(tokens: Tokens) -> bool:
    """Return whether a punishment is the sender's own reason: 罰だから, 太った罰で.

    罰ゲーム is a game, and 宿題忘れた罰で居残り is a teacher's.
    """
    lemmas = [token.lemma for token in tokens]
    if any(lemma in GIVEN_PUNISHMENTS for lemma in lemmas):
        return False
    return any(
        lemma in lex.PUNISHMENT and lemmas[position + 1 : position + 2] in (["だ"], ["と"], ["で"])
        for position, lemma in enumerate(lemmas)
    )


def _water_only(tokens: Tokens) -> bool:
    lemmas = [token.lemma for token in tokens]
    water = any(
        lemma == "水" and lemmas[position + 1 : position + 2] == ["だけ"]
        for position, lemma in enumerate(lemmas)
    )
    return water or "絶食" in lemmas


def blade_rule(tokens: Tokens, index: int) -> Finding:
    """カミソリを持ち歩いてる, 今日も🔪した: a blade carried on one's person or used as a verb."""
    following = tokens[index + 1 : index + 4]
    if following and following[0].lemma == lex.DO:
        # 今日も🔪した (canonical 刃物した): the blade itself is the act.
        tail = verb_tail(tokens, index + 1)
        if not tail.negated:
            return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "刃物で切る自傷")
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.CARRY_VERBS and not lemmas & lex.BLADE_WORK:
        return signal(tokens, index, index + 1, RiskKind.SELF_HARM, "刃物を持ち歩いている")
    if lemmas & lex.KEEP_VERBS and not lemmas & lex.BLADE_WORK and _urge_unbearable(tokens):
        explanation = "我慢できなくなったときのために刃物を手元に置いている"
        return signal(tokens, index, index + 1, RiskKind.SELF_HARM, explanation)
    for position, token in enumerate(tokens):
        if token.lemma == lex.HOLD and _coping_after(
            tokens, position + len(verb_tail(tokens, position).lemmas)
        ):
            # カッターの刃を入れてる。持ってると落ち着く.
            return signal(tokens, index, index + 1, RiskKind.SELF_HARM, "刃物を持つと落ち着く")
    return None


def _urge_unbearable(tokens: Tokens) -> bool:
    """Return whether the message speaks of an urge one cannot hold back: 我慢できなくなったとき."""
    for position, token in enumerate(tokens):
        if token.lemma != lex.ENDURE:
            continue
        if position > 0 and tokens[position - 1].lemma == "を":
            # 剃るのを我慢できない: an urge with an object of its own.
            continue
        following = tokens[position + 1 : position + 3]
        if following and following[0].lemma == "出来る" and verb_tail(tokens, position + 1).negated:
            return True
    return False


def wall_rule(tokens: Tokens, index: int) -> Finding:
    """壁を殴って手ボロボロ, 自分の拳を壁に打ちつけて血だらけ: striking a wall to get hurt."""
    if not _own_act(tokens, index):
        return None
    _, sentence_end, _ = sentence_lemmas(tokens, index)
    for position in range(index + 1, min(sentence_end, index + 1 + WALL_WINDOW)):
        if tokens[position].lemma in lex.WALL_HARM_VERBS:
            tail = verb_tail(tokens, position)
            if negated_act(tokens, tail) or DONE_BY_OTHERS & set(tail.lemmas):
                return None
            if not any(token.lemma in lex.WALL_INJURY_WORDS for token in tokens):
                return None
            return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "壁を殴って自分を傷つける")
    return None


def _own_act(tokens: Tokens, index: int) -> bool:
    subject = subject_of(tokens, index)
    return subject is None or subject in lex.SELF_OBJECTS


def starving_rule(tokens: Tokens, index: int) -> Finding:
    """わざと食べないでいる, 食べる資格なんかない, ご飯をわざと抜いてる: starving oneself."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    if lemmas & lex.FASTING_REASONS:
        return None
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    if following[:1] == ["資格"] and "無い" in following[1:]:
        return signal(tokens, index, index + 2, RiskKind.SELF_HARM, "食べる資格がないという自罰")
    tail = verb_tail(tokens, index)
    skipped = tokens[index].lemma == lex.PULL_OUT and object_of(tokens, index) in lex.MEAL_NOUNS
    if not (tail.negated or skipped):
        return None
    if _on_purpose(tokens, index) or _decided_not_to(tokens, tail):
        return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "わざと食べない自傷")
    if _self_punishment(tokens):
        # テストの点が悪かった日は夕飯を食べません。「罰だから」: meals refused as a punishment.
        return signal(tokens, index, tail.end, RiskKind.SELF_HARM, "罰として食べない自傷")
    return None


def _on_purpose(tokens: Tokens, index: int) -> bool:
    """Return whether わざと appears in the sentence or the next one: 三日食べてない。わざとです."""
    start, end = sentence_bounds(tokens, index)
    if end + 1 < len(tokens):
        _, end = sentence_bounds(tokens, end + 1)
    return any(token.lemma == lex.ON_PURPOSE for token in tokens[start:end])


def _decided_not_to(tokens: Tokens, tail: Tail) -> bool:
    # 食わねごどにした: decided not to eat.
    following = [token.lemma for token in tokens[tail.end : tail.end + 3]]
    return following[:2] == ["こと", "に"] and following[2:] == [lex.DO]


SELF_HARM_RULES: dict[str, Rule] = {
    **{lemma: self_harm_noun_rule for lemma in lex.SELF_HARM_NOUNS},
    **{lemma: self_harm_noun_rule for lemma in lex.CUT_SITES_SLANG},
    lex.GUTS: self_harm_noun_rule,
    **{lemma: body_harm_rule for lemma in lex.BODY_PARTS | lex.HANDS},
    lex.HEAD: body_harm_rule,
    lex.CUT: cut_rule,
    **{lemma: wound_rule for lemma in lex.WOUND_NOUNS},
    lex.BLOOD: blood_rule,
    lex.LINE: line_rule,
    lex.BARCODE: line_rule,
    lex.BANDAGE: bandage_rule,
    **{lemma: hair_rule for lemma in lex.HAIR},
    lex.PAIN: pain_rule,
    **{lemma: punishment_rule for lemma in lex.PUNISHMENT},
    **{lemma: blade_rule for lemma in lex.BLADES},
    lex.WALL: wall_rule,
    **{lemma: starving_rule for lemma in lex.EAT_VERBS | {lex.PULL_OUT}},
    FAT: fat_seen_rule,
}
