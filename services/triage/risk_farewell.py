"""Farewell messages: several parting words together (今までありがとう, さようなら, 先にいきます,
思い残すことはない, 猫の預け先も決めた).

Each parting word alone is everyday chat, so one is never enough; two different ones in one
message read as a goodbye before suicide. 逝く, a verb that itself means to die, is judged in
risk_life instead.
"""

from services.triage import risk_lexicon as lex
from services.triage.morphology import Token, message_lemmas, sentence_bounds
from services.triage.predicates import Desire, is_self, verb_tail
from services.triage.risk_parting import PARTING_CUE_LEMMAS, parting_cue_at
from services.triage.signals import RiskKind, RiskSignal

Tokens = tuple[Token, ...]
MIN_CUES = 2
# 『…』で始まる小説: a work named within this many morphemes after the quote.
WORK_WINDOW = 4
THANKS_WINDOW = 3
# Arrangements for after one is gone: 猫の預け先も決めた, 形見分けをした.
LEAVING_ARRANGEMENTS = {
    "預け先": "預け先", "形見": "形見", "形見分け": "形見分け", "通帳": "通帳",
    "身辺整理": "身辺整理", "心残り": "心残りはない",
}  # fmt: skip
# Nouns after 最後の that make a last message: 最後のメッセージ, 最後の手紙.
LAST_MESSAGE_NOUNS = frozenset(
    {"メッセージ", "挨拶", "手紙", "言葉", "連絡", "相談", "ストーリー", "投稿", "LINE"}
)
GIVING_VERBS = frozenset({"上げる", "あげる", "譲る", "託す", "配る", "返す", "渡す"})
# A stay in hospital, a trip, a birth or a marriage explains handing over the bank book and
# the cat, or changing the beneficiary of an insurance.
ARRANGED_ABSENCES = frozenset(
    {"入院", "手術", "出張", "旅行", "留学", "帰省", "出産", "結婚", "入籍", "籍"}
)
GIVE_AWAY_WINDOW = 7
# Normalized forms that can start a parting word; _cue_at reads only these.
CUE_LEMMAS = frozenset(
    {"今迄", "今", "いま", "さようなら", "御免", "先", "探す", "最後", "生まれ変わる", "思い残す",
     "御世話", "会う", "皆", "終わり", "ばい", "元気", "許す", "全部", "必要", "要る", "使う",
     *LEAVING_ARRANGEMENTS}
)  # fmt: skip
FAREWELL_EXPLANATION = "別れの言葉が重なっている、自殺の予告の可能性"
# Cues that carry a farewell almost alone, so they count as two.
STRONG_CUES = frozenset(
    {
        "これが最後",
        "その頃にはもういない",
        "みんなにさようなら",
        "「家族へ」と書かれた手紙",
        "これで私がいなくても大丈夫",
        "世界にさようなら",
    }
)
WORLDS = frozenset({"世界", "この世", "地球", "世の中"})
READY_FOR_ABSENCE = "これで私がいなくても大丈夫"
# これで私がいなくても大丈夫: what follows the sender's absence after preparations.
ABSENCE_FINE = frozenset({"大丈夫", "平気", "回る", "安心"})
# Leave from work for a birth or childcare explains the same words.
WORK_LEAVE = frozenset({"産休", "育休", "休職", "休暇"})
# 明日にはもういない, 来週にはもういないから.
GONE_TIMES = frozenset({"明日", "明後日", "来週", "来月", "今夜", "週末"})
GONE_BY_THEN = "もういない"
UNREACHABLE_FROM = "明日から連絡がつかない"
# A broken or lost phone explains 連絡がつかない: スマホを雪の中に落として死んだ.
PHONES = frozenset({"スマホ", "スマートフォン", "携帯", "ケータイ", "携帯電話", "iPhone", "充電"})
PHONE_FAILURES = frozenset(
    {"壊れる", "落とす", "無くす", "失くす", "死ぬ", "水没", "故障", "割れる", "切れる", "修理"}
)
LAST_WISHES = frozenset({"話す", "聞く", "会う", "伝える"})
BELONGINGS = frozenset({"持ち物", "私物", "物", "装備", "荷物"})
TRACES = frozenset({"データ", "写真", "アカウント", "履歴", "垢"})
TIDIED = frozenset({"部屋", "私物", "全部", "身の回り"})
CHORES = frozenset({"大掃除", "引っ越し", "断捨離", "模様替え", "掃除"})
LETTER_ADDRESSEES = frozenset(
    {"家族", "皆", "子供達", "子供", "兄", "姉", "母", "父", "職場", "妻", "夫"}
)
LETTER_PLACES = frozenset({"引き出し", "机"})
PLACING_VERBS = frozenset({"置く", "仕舞う", "入れる"})
WATERS_AND_MOUNTAINS = frozenset({"海", "川", "山", "湖"})
# 次の部署でも頑張ります, 転校先でも頑張るね: the sender carries on in a new job, school or home.
NEW_PLACES = frozenset(
    {"部署", "職場", "会社", "学校", "転勤先", "転職先", "転校先", "新天地", "異動", "転勤", "転職",
     "退職", "卒業", "転校", "引っ越し", "引越し"}
)  # fmt: skip
CARRY_ON = "頑張る"
# A graduation, a move or a retirement from a club explains parting words.
LEAVING_OCCASIONS = frozenset(
    {"卒業", "引っ越す", "引っ越し", "引越し", "転校", "転勤", "引退", "卒部", "卒団"}
)
OCCASION_DENIAL_WINDOW = 8
AGAIN = "又"
CONTACT_VERBS = frozenset({"頼る", "連絡", "相談", "頼む"})
# 来月から大阪で働きます, 春から専門学校に通います: a life that goes on from a date.
FUTURE_STARTS = frozenset({"来月", "来週", "来年", "春", "四月", "4月", "今度"})
NEW = "新しい"
NEW_LIVES = frozenset({"仕事", "職場", "学校", "生活", "家", "部署"})
NEW_LIFE_VERBS = frozenset(
    {"働く", "勤める", "住む", "通う", "暮らす", "入学", "就職", "同居", "入居"}
)
# 最後のあいさつメール, 送別のあいさつ: the greeting of someone who moves on.
GREETING = "挨拶"
LAST_WORKDAY = frozenset({"出勤", "出社", "送別", "送別会", "退職日"})
# 国に帰ります: Sudachi reads かえる in kana as 変える or 帰る depending on the sentence.
HOME_COUNTRY = frozenset({"国", "祖国", "母国", "故郷"})
RETURN_HOME = frozenset({"帰る", "かえる", "戻る"})
# Ceremonies whose speeches and letters thank and apologise: 結婚式, 卒業式, 寄せ書き.
CEREMONIES = frozenset({"結婚式", "披露宴", "卒業式", "成人式", "寄せ書き", "謝恩会"})
# Words quoted as a speech at a farewell party or a ceremony.
SPEECHES = frozenset({"スピーチ", "挨拶", "乾杯"})
NEGATIONS = frozenset({"無い", "ない", "ぬ", "ず"})
MORE_CUE_LEMMAS = frozenset(
    {"答え", "皆", "今迄", "此れ", "今日", "宜しく", "世話", "頃", "連絡", "言い残す", "決める",
     "印鑑", *GONE_TIMES, *BELONGINGS, *TRACES, *TIDIED, *LETTER_ADDRESSEES, *WATERS_AND_MOUNTAINS}
)  # fmt: skip


ALL_CUE_LEMMAS = CUE_LEMMAS | MORE_CUE_LEMMAS | PARTING_CUE_LEMMAS


def farewell_findings(tokens: Tokens) -> list[RiskSignal]:
    """Return one signal when the message has two or more kinds of parting words.

    A cue that says the sender will be gone when the message is read (これが読まれる頃には
    もういない) or that the message is the last one (これが最後のメッセージです) counts twice.
    So does gone by a named time (明日の朝にはもういない), unless a move or an absence with a
    reason explains it (転職, 入院, 帰国).
    """
    cues: dict[str, str] = {}
    positions: list[int] = []
    # Almost half of the tuning messages has no cue word and skips the loop.
    if not ALL_CUE_LEMMAS.isdisjoint(message_lemmas(tokens)):
        for index, token in enumerate(tokens):
            lemma = token.lemma
            if lemma not in ALL_CUE_LEMMAS:
                continue
            cue = None
            if lemma in CUE_LEMMAS or lemma in MORE_CUE_LEMMAS:
                # _more_cue_at also reads some words of CUE_LEMMAS (最後に…話したかった).
                cue = _cue_at(tokens, index) or _more_cue_at(tokens, index)
            if cue is None and lemma in PARTING_CUE_LEMMAS:
                cue = parting_cue_at(tokens, index)
            if cue is not None and cue not in cues:
                cues[cue] = token.surface
                positions.append(index)
    cue = _placed_letter(tokens)
    if cue is not None:
        cues.setdefault(cue, "手紙")
        positions.append(-1)
    weight = len(cues) + sum(1 for cue in cues if cue in STRONG_CUES)
    if cues.keys() & {GONE_BY_THEN, UNREACHABLE_FROM} and not _moving_on(tokens):
        # 明日にはもういないから, 明日からは連絡つかない: gone by a named time, with no move or
        # absence to explain it.
        weight += 1
    if weight < MIN_CUES:
        return []
    if _new_life_from(tokens):
        # 来月から娘夫婦と同居することになって…これが最後の相談: a life that goes on.
        return []
    if weight == len(cues) and (
        _carries_on(tokens) or _work_greeting(tokens) or _contact_again(tokens)
    ):
        # 皆さん今までありがとうございました。次の部署でも頑張ります: leaving a job, not life.
        return []
    if weight == len(cues) and not ARRANGED_ABSENCES.isdisjoint(message_lemmas(tokens)):
        # 来週から入院します。通帳の場所と猫のことを妹に頼んだ: an absence with a reason.
        return []
    if weight == len(cues) and _leaving_occasion(tokens):
        # 今までありがとうございました!明日卒業です, 引っ越すので今日で最後にします.
        return []
    quoted = _quoted_positions(tokens)
    if all(position in quoted for position in positions) and (
        _work_quoted(tokens) or (_work_quoted(tokens, SPEECHES) and _work_greeting(tokens))
    ):
        # 『この手紙を読むころ、僕はもういない』で始まる小説: the parting words are a work's.
        # 送別会で『これが最後の言葉です』ってスピーチした: a speech at a farewell party.
        return []
    phrase = "」「".join(cues)
    return [RiskSignal(RiskKind.IDEATION, -1, -1, phrase, FAREWELL_EXPLANATION)]


def _moving_on(tokens: Tokens) -> bool:
    moves = NEW_PLACES | ARRANGED_ABSENCES | LAST_WORKDAY | HOME_COUNTRY | {"帰国"}
    return not moves.isdisjoint(message_lemmas(tokens))


def _leaving_occasion(tokens: Tokens) -> bool:
    """Return whether a graduation or a move is named and not denied (引っ越すわけでもない)."""
    for index, token in enumerate(tokens):
        if token.lemma not in LEAVING_OCCASIONS:
            continue
        following = tokens[index + 1 : index + 1 + OCCASION_DENIAL_WINDOW]
        if not any(other.lemma in NEGATIONS for other in following):
            return True
    return False


def _going_home(tokens: Tokens) -> bool:
    """Return whether the sender goes back to their country: 帰国します, 国に帰ります."""
    for index, token in enumerate(tokens):
        if token.lemma == "帰国":
            return True
        following = [later.lemma for later in tokens[index + 1 : index + 3]]
        if token.lemma in HOME_COUNTRY and following[:1] == ["に"] and following[1:2]:
            tail = verb_tail(tokens, index + 2)
            if following[1] in RETURN_HOME and not tail.negated and tail.desire is Desire.NONE:
                # 国に帰りたいけど帰れない is a wish, not a departure.
                return True
    return False


def _new_life_from(tokens: Tokens) -> bool:
    """Return whether the sender names a new life from a date: 来月から大阪で働きます."""
    for index, token in enumerate(tokens[:-1]):
        if token.lemma not in FUTURE_STARTS or tokens[index + 1].lemma != "から":
            continue
        _, end = sentence_bounds(tokens, index)
        for position in range(index + 2, end):
            if tokens[position].lemma in NEW_LIFE_VERBS:
                return not verb_tail(tokens, position).negated
            following = tokens[position + 1 : position + 2]
            if tokens[position].lemma == NEW and following and following[0].lemma in NEW_LIVES:
                # 来月から福岡で新しい仕事だって: a new job named as a noun.
                return True
    return False


def _contact_again(tokens: Tokens) -> bool:
    """Return whether the sender means to write again: また困ったら頼らせてください.

    また会おうね is left out, because farewell notes contain it too.
    """
    for index, token in enumerate(tokens):
        if token.lemma != AGAIN:
            continue
        for position in range(index + 1, min(len(tokens), index + 5)):
            if tokens[position].lemma in CONTACT_VERBS:
                return not verb_tail(tokens, position).negated
    return False


def _carries_on(tokens: Tokens) -> bool:
    """Return whether the sender will keep at it somewhere new: 新しい職場でも頑張ります."""
    for index, token in enumerate(tokens):
        if token.lemma != CARRY_ON:
            continue
        following = [later.lemma for later in tokens[index + 1 : index + 4]]
        if NEGATIONS.isdisjoint(following):
            start, _ = sentence_bounds(tokens, index)
            if any(earlier.lemma in NEW_PLACES for earlier in tokens[start:index]):
                return True
    return False


def _work_greeting(tokens: Tokens) -> bool:
    """Return whether the parting words are a greeting for a new job or school: 退職して県外の
    会社に移ります。最後のあいさつメールを書いてる.
    """
    lemmas = message_lemmas(tokens)
    if not LAST_WORKDAY.isdisjoint(lemmas):
        # 明日で最後の出勤です。今までありがとうございました: a last working day.
        return True
    if _going_home(tokens):
        # らいげつ くにに かえります。みなさん、ありがとう。さようなら: a resident leaves Japan.
        return True
    if not CEREMONIES.isdisjoint(lemmas):
        # 結婚式で読む両親への手紙: 今まで育ててくれてありがとう, ごめんね.
        return True
    return GREETING in lemmas and not NEW_PLACES.isdisjoint(lemmas)


def _work_quoted(tokens: Tokens, works: frozenset[str] = lex.MEDIA_WORDS) -> bool:
    """Return whether a quote is followed by one of works: 』で始まる小説, 』ってスピーチした."""
    for index, token in enumerate(tokens):
        if token.surface in ("」", "』"):
            following = tokens[index + 1 : index + 1 + WORK_WINDOW]
            if any(later.lemma in works for later in following):
                return True
    return False


def _quoted_positions(tokens: Tokens) -> set[int]:
    """Return the positions of the tokens inside 「」 or 『』."""
    inside: set[int] = set()
    depth = 0
    for index, token in enumerate(tokens):
        if token.surface in ("「", "『"):
            depth += 1
        elif token.surface in ("」", "』"):
            depth = max(0, depth - 1)
        elif depth:
            inside.add(index)
    return inside


def _cue_at(tokens: Tokens, index: int) -> str | None:
    """Return the name of the parting word that starts at tokens[index], if any."""
    lemma = tokens[index].lemma
    following = [token.lemma for token in tokens[index + 1 : index + 1 + THANKS_WINDOW]]
    until_now = lemma == "今迄" or (lemma in ("今", "いま") and following[:1] == ["まで"])
    if until_now and ("有り難う" in following or _thanks_next(tokens, index)):
        return "今までありがとう"
    if lemma == "さようなら":
        before = [token.lemma for token in tokens[max(0, index - 2) : index]]
        # みんなにさよならを言っておきたい: a goodbye to everyone.
        if following[:1] and following[0] in WORLDS:
            # さようなら、この世: a goodbye to the world itself.
            return "世界にさようなら"
        return "みんなにさようなら" if before == ["皆", "に"] else "さようなら"
    if lemma == "御免" and following[:1] in (["為さる"], ["ね"], [], ["」"], ["』"], ["。"]):
        return "ごめんなさい"
    if lemma == "先" and following[:2] == ["に", "行く"] and _plain_or_polite(tokens, index + 2):
        return "先にいきます"
    if lemma == "探す" and following[:1] in (["無い"], ["ず"]):
        return "探さないで"
    if lemma == "最後" and following[:1] == ["の"] and following[1:2]:
        if following[1] in LAST_MESSAGE_NOUNS:
            return "最後のメッセージ"
    if lemma == "最後" and following[:2] == ["に", "為る"] and _plain_or_polite(tokens, index + 2):
        return "最後にする"
    if lemma == "ばい" and following[:1] == ["ばい"]:
        # ばいばい世界: a goodbye to the world itself.
        return "世界にさようなら" if following[1:2] and following[1] in WORLDS else "ばいばい"
    if lemma == "元気" and following[:2] == ["だ", "ね"] and _sentence_closes(tokens, index + 3):
        return "元気でね"
    if (
        lemma == "元気"
        and following[:1] == ["だ"]
        and _honorific_before(tokens, index)
        and _sentence_closes(tokens, index + 2)
    ):
        # お元気で。 closing a message.
        return "元気でね"
    if lemma == "許す" and following[:1] == ["て"] and _sentence_closes(tokens, index + 2):
        return "許して"
    if lemma == "全部" and _gives_away(tokens, index):
        return "全部あげた"
    if lemma == "必要" and following[:1] == ["無い"] and _follows_mou(tokens, index):
        return "もう必要ない"
    if lemma == "要る" and following[:1] == ["無い"] and _follows_mou(tokens, index):
        # 『もう要らないから』って.
        return "もう必要ない"
    if lemma == "使う" and following in (["こと", "は", "無い"], ["こと", "も", "無い"]):
        # ギターも後輩にあげた。もう使うことはないから.
        return "もう必要ない" if _follows_mou(tokens, index) else None
    if lemma == "最後" and following[:1] == ["に"] and "有り難う" in following:
        return "最後にありがとう"
    if lemma == "生まれ変わる":
        return "生まれ変わったら"
    if lemma == "思い残す" and following[:1] == ["こと"] and _denied_soon(following[1:]):
        return "思い残すことはない"
    if lemma in LEAVING_ARRANGEMENTS:
        return LEAVING_ARRANGEMENTS[lemma]
    if lemma == "御世話" and following[:2] == ["に", "成る"] and _closes_polite_past(tokens, index):
        return "お世話になりました"
    if lemma == "会う" and following[:1] == ["無い"] and _never_again(tokens, index):
        return "もう会えない"
    if lemma == "皆" and following[:2] == ["元気", "だ"]:
        return "みんな元気で"
    if (
        lemma == "終わり"
        and following[:2] == ["に", "為る"]
        and _plain_or_polite(tokens, index + 2)
    ):
        return "終わりにする"
    return None


def _more_cue_at(tokens: Tokens, index: int) -> str | None:
    """Return the name of a parting word of thanks, trust, absence or settling, if any."""
    lemma = tokens[index].lemma
    following = [token.lemma for token in tokens[index + 1 : index + 1 + THANKS_WINDOW]]
    if lemma == "皆" and "有り難う" in following:
        return "みんなありがとう"
    if lemma == "今迄" and following[:1] == ["楽しい"]:
        return "今まで楽しかった"
    last = [token.lemma for token in tokens[index + 1 : index + 5]]
    if (
        lemma == "此れ"
        and last[:3] == ["が", "最後", "の"]
        and last[3:]
        and last[3] in LAST_MESSAGE_NOUNS
    ):
        return "これが最後"
    if lemma in ("今日", "此れ") and following[:2] == ["で", "最後"]:
        return "これで最後"
    if lemma == "此れ" and _ready_for_absence(tokens, index):
        return READY_FOR_ABSENCE
    if lemma == "宜しく" and _entrusted(tokens, index):
        return "あとをよろしく"
    if lemma == "世話" and following[:3] == ["に", "成る", "た"]:
        return "世話になった"
    if lemma == "最後" and following[:1] == ["に"] and _wished_last(tokens, index):
        return "最後に話したかった"
    if lemma == "頃" and _gone_by_then(tokens, index):
        return "その頃にはもういない"
    if lemma in GONE_TIMES and _time_marked(tokens, index) and _gone_by_then(tokens, index):
        return GONE_BY_THEN
    if lemma == "連絡" and _cut_off(tokens, index) and not _phone_broken(tokens):
        # 明日からは連絡つかないと思う: out of reach from a named time, like もういない.
        return UNREACHABLE_FROM if _from_a_named_time(tokens, index) else "連絡がつかない"
    if lemma in BELONGINGS and _handed_out(tokens, index):
        return "持ち物を配った"
    if lemma in TRACES and _erased(tokens, index):
        return "データを消した"
    if lemma in TIDIED and _tidied(tokens, index):
        return "身の回りを片付けた"
    if lemma in LETTER_ADDRESSEES and following[:1] in (["宛て"], ["へ"]):
        if "手紙" in following[:3]:
            return "家族あての手紙"
    if lemma == "言い残す":
        return "言い残した"
    if lemma == "決める" and _decided_plainly(tokens, index):
        return "もう決めた"
    if lemma in WATERS_AND_MOUNTAINS and _heading_there(tokens, index):
        return "海や山へ向かう"
    if lemma == "印鑑":
        return "通帳"
    if lemma == "答え" and following[:3] == ["が", "出る", "た"]:
        # もう大丈夫です。答えが出ました: a sudden calm after a decision that is not named.
        return "答えが出た"
    return None


def _entrusted(tokens: Tokens, index: int) -> bool:
    # 子どもたちのこと、どうかよろしくお願いします, みんなによろしく言って.
    before = [token.lemma for token in tokens[max(0, index - 4) : index]]
    return "こと" in before or before[-2:] in (["皆", "に"], ["皆", "さ"])


def _wished_last(tokens: Tokens, index: int) -> bool:
    # 最後に誰かと話したかった, 最後に声が聞きたかった.
    for position in range(index + 2, min(len(tokens), index + 7)):
        if tokens[position].lemma in LAST_WISHES:
            return tokens[position + 1 : position + 2] and tokens[position + 1].lemma == "たい"
    return False


def _gone_by_then(tokens: Tokens, index: int) -> bool:
    """Return whether もういない follows: これが読まれる頃にはもういない, 明日にはもういない.

    どこにも may stand between (僕はもうどこにもいません), and いません ends in ず.
    """
    lemmas = [token.lemma for token in tokens[index + 1 : index + 11]]
    lemmas = [lemma for lemma in lemmas if lemma not in ("どこ", "に", "も", "ます")]
    for position in range(len(lemmas) - 2):
        if lemmas[position : position + 2] == ["もう", "居る"] and lemmas[position + 2] in (
            "無い",
            "ず",
        ):
            return True
    return False


def _time_marked(tokens: Tokens, index: int) -> bool:
    # 明日には, 明日の朝には, 来月の給料日には.
    following = [token.lemma for token in tokens[index + 1 : index + 5]]
    return following[:2] == ["に", "は"] or (
        following[:1] == ["の"] and following[2:4] == ["に", "は"]
    )


def _from_a_named_time(tokens: Tokens, index: int) -> bool:
    before = [token.lemma for token in tokens[max(0, index - 4) : index]]
    return any(
        before[position] in GONE_TIMES and before[position + 1] == "から"
        for position in range(len(before) - 1)
    )


def _cut_off(tokens: Tokens, index: int) -> bool:
    # 連絡がつかない, 連絡が取れません, もう連絡はできなくなる.
    for token in tokens[index + 1 : index + 4]:
        if token.lemma in ("付く", "取れる", "出来る", "取る"):
            tail = [t.lemma for t in tokens[tokens.index(token) + 1 : tokens.index(token) + 4]]
            return any(lemma in ("無い", "ず") for lemma in tail)
    return False


def _phone_broken(tokens: Tokens) -> bool:
    """Return whether a phone broke or was lost: スマホを雪の中に落として死んだ, 携帯が水没."""
    for index, token in enumerate(tokens):
        if token.lemma not in PHONES:
            continue
        _, end = sentence_bounds(tokens, index)
        if any(later.lemma in PHONE_FAILURES for later in tokens[index + 1 : end]):
            return True
    return False


def _handed_out(tokens: Tokens, index: int) -> bool:
    # 持ち物をみんなに配ってる, 大事な物はみんな配り終えた, 装備あげるね.
    for token in tokens[index + 1 : index + 5]:
        if token.lemma in GIVING_VERBS | {"配る"}:
            return True
    return False


def _erased(tokens: Tokens, index: int) -> bool:
    # スマホのデータも消した, 写真もアカウントも全部消した.
    if any(token.lemma in ("機種", "機種変更", "整理") for token in tokens):
        return False
    for position in range(index + 1, min(len(tokens), index + 8)):
        if tokens[position].lemma == "消す":
            following = [t.lemma for t in tokens[position + 1 : position + 3]]
            return "た" in following
    return False


def _tidied(tokens: Tokens, index: int) -> bool:
    # 部屋も全部片付けた, 机の私物ぜんぶ片付けてる; 大掃除や引っ越し are chores.
    if any(token.lemma in CHORES for token in tokens):
        return False
    for position in range(index + 1, min(len(tokens), index + 5)):
        if tokens[position].lemma in ("片付ける", "片付け"):
            return True
    return False


def _decided_plainly(tokens: Tokens, index: int) -> bool:
    # もう決めた: decided, with nothing named.
    before = [token.lemma for token in tokens[max(0, index - 2) : index]]
    following = [token.lemma for token in tokens[index + 1 : index + 2]]
    return before[-1:] == ["もう"] and following == ["た"]


def _heading_there(tokens: Tokens, index: int) -> bool:
    # 海の方に向かってて, 川さ入っから: heading for water or a mountain.
    lemmas = [token.lemma for token in tokens[index + 1 : index + 5]]
    return any(lemma in ("向かう", "入る") for lemma in lemmas)


def _placed_letter(tokens: Tokens) -> str | None:
    """Return a cue when a letter is left in a drawer or on a desk: 机の引き出しにしまってある."""
    lemmas = message_lemmas(tokens)
    if "手紙" not in lemmas and "封筒" not in lemmas:
        return None
    if lemmas & LETTER_PLACES and lemmas & PLACING_VERBS:
        return "手紙を置いた"
    return None


def _ready_for_absence(tokens: Tokens, index: int) -> bool:
    """Return whether これで precedes 私がいなくても大丈夫, with no leave, stay or move named.

    Words in quotes are someone else's: 「これで私がいなくても回るね」って言われて.
    """
    start, _ = sentence_bounds(tokens, index)
    if any(token.surface in ("「", "『") for token in tokens[start:index]):
        return False
    following = [token.lemma for token in tokens[index + 1 : index + 10]]
    if following[:1] != ["で"]:
        return False
    rest = following[2:] if following[1:2] == ["もう"] else following[1:]
    if not rest or not is_self(rest[0]) or rest[1:6] != ["が", "居る", "無い", "て", "も"]:
        return False
    if rest[6:7] == [] or rest[6] not in ABSENCE_FINE:
        return False
    # 産休前 is one compound noun, so its parts are read too.
    words = message_lemmas(tokens) | {part for token in tokens for part in token.parts}
    return words.isdisjoint(ARRANGED_ABSENCES | WORK_LEAVE | lex.MOVING_WORDS)


def _honorific_before(tokens: Tokens, index: int) -> bool:
    return index > 0 and tokens[index - 1].lemma == "御"


def _sentence_closes(tokens: Tokens, index: int) -> bool:
    return index >= len(tokens) or tokens[index].lemma in ("。", "!", "…", ".")


def _gives_away(tokens: Tokens, index: int) -> bool:
    # 全部後輩にあげた, 全部妹にあげてました, 借りてたもの全部返した: everything given away, but
    # 全部食べた or 全部あげたい is not a cue. 全部、渡したい人に渡しました passes the wish.
    for position in range(index + 1, min(len(tokens), index + GIVE_AWAY_WINDOW)):
        token = tokens[position]
        if token.lemma in GIVING_VERBS:
            rest = [later.lemma for later in tokens[position + 1 : position + 5]]
            rest = [lemma for lemma in rest if lemma not in ("て", "てる", "ます", "仕舞う")]
            if rest[:1] == ["た"] or token.surface.endswith("た"):
                return True
    return False


def _thanks_next(tokens: Tokens, index: int) -> bool:
    """Return whether ありがとう closes this sentence or comes in the next one.

    今まで話を聞いてくれてありがとう, 今まで…うれしかったです。ありがとう.
    """
    _, end = sentence_bounds(tokens, index)
    if any(token.lemma == "有り難う" for token in tokens[index:end]):
        return True
    if end + 1 >= len(tokens):
        return False
    start, next_end = sentence_bounds(tokens, end + 1)
    return any(token.lemma == "有り難う" for token in tokens[start:next_end])


def _follows_mou(tokens: Tokens, index: int) -> bool:
    # もう自分には必要ない: もう within the few words before.
    return any(token.lemma == "もう" for token in tokens[max(0, index - 5) : index])


def _never_again(tokens: Tokens, index: int) -> bool:
    # もう会えない, 二度と会えない: 会える (potential) after もう or 二度と.
    if not tokens[index].conjugation.startswith("未然形") or index == 0:
        return False
    before = "".join(token.surface for token in tokens[max(0, index - 3) : index])
    return before.endswith(("もう", "二度と"))


def _denied_soon(lemmas: list[str]) -> bool:
    # 思い残すことはない, 思い残すことはありません.
    return "無い" in lemmas or "ず" in lemmas


def _closes_polite_past(tokens: Tokens, index: int) -> bool:
    # お世話になりました ends a sentence or a quote, but お世話になった人 is a description.
    lemmas = [token.lemma for token in tokens[index + 3 : index + 6]]
    if lemmas[:2] != ["ます", "た"]:
        return False
    return len(lemmas) == 2 or lemmas[2] in ("。", "!", "…", ".", "」", "』")


def _plain_or_polite(tokens: Tokens, index: int) -> bool:
    # 先にいきます and 終わりにするから state an intent, but 先に行ってて is a request.
    following = [token.lemma for token in tokens[index + 1 : index + 2]]
    return following in ([], ["ます"], ["ね"], ["よ"], ["。"], ["."], ["から"])
