"""Means words used to care for someone or at work, which make a matched means harmless.

risk_context.py calls care_context for every signal. Each use needs its own evidence:

- medicine given to someone else: 父に飲ませる薬を砕いてゼリーに混ぜてます;
- an overdose prevented for someone else: 母が過量服薬にならないように薬は一日分ずつ渡してます;
- a rope that secures equipment or goods: 介護ベッドの柵にロープを結ぶ,
  車椅子を車に固定するためにロープの結び方を検索;
- things hung up: 納屋の梁さロープ張って、干し柿吊るした;
- cuts from a trade or a tool that slipped: 精肉のバイトで刃物使うから腕に切り傷,
  手首切って三針縫った。草刈りしてで鎌すべらせで;
- a break taken at a high place: 屋上にいます。会社の屋上で昼休み中.

A sentence that names the neck, the sender (首を吊る, 自分の引き出しにためてる) or a deliberate
act (わざと) keeps the signal, so ベッドの柵にロープを結んで首を吊ろうとした stays urgent.
"""

from services.triage import risk_lexicon as lex
from services.triage.morphology import Token, is_sentence_end, sentence_bounds
from services.triage.signals import RiskKind, RiskSignal

Tokens = tuple[Token, ...]
DRINK = "飲む"
CAUSATIVES = frozenset({"せる", "させる"})
# 〜にならないように, 〜しないよう: the sentence prevents the means.
NEGATIONS = frozenset({"無い", "ない", "ず"})
PREVENTION_NOUNS = frozenset({"防止", "予防", "防ぐ"})
PREVENTION_WINDOW = 7
# Caring for someone else's medicine: 渡す, 管理する, 預かる.
CARE_WORDS = frozenset({"介護", "施設", "管理", "渡す", "預かる", "認知症"})
ROPES = frozenset({"ロープ", "紐", "縄", "ひも", "綱"})
# Things a rope secures in care, transport and storage.
SECURED_THINGS = frozenset(
    {"車椅子", "柵", "ベッド", "介護", "荷物", "荷台", "テント", "自転車", "洗濯物", "布団",
     "固定", "拘束", "徘徊", "梱包", "船", "ボート"}
)  # fmt: skip
# 吊るす always takes an object: 干し柿を吊るした, 洗濯物を吊るす.
HANG_OBJECT = "吊るす"
# Words that put the neck or the sender's body into the sentence.
SELF_WORDS = frozenset({"首", "自分", "私", "俺", "僕", "うち"})
# 鎌でわざと手を切った: a tool used on purpose is self-harm.
DELIBERATE = frozenset({"わざと", "態と", "故意"})
# リスカ, リストカット (リスト and カット), 自傷 and a hidden scar name self-harm itself.
SELF_HARM_WORDS = lex.SELF_HARM_NOUNS | lex.CUT_SITES_SLANG | lex.PAST_EVIDENCE | {"カット"}
# Trades and tools that cut hands and arms: 精肉のバイト, 鎌が滑った.
CUTTING_WORK = frozenset(
    {"精肉", "鮮魚", "厨房", "調理", "板前", "草刈り", "鎌", "農作業", "工場", "工具", "大工"}
)  # fmt: skip
SLIP = "滑る"
HIDING = frozenset({"隠す", "隠れる"})
# Everyday activities on a rooftop or a bridge: 昼休み中, 休憩, 洗濯物を干す.
EVERYDAY_BREAKS = frozenset(
    {"昼休み", "休憩", "ランチ", "弁当", "昼食", "昼ご飯", "一服", "喫煙", "洗濯物", "花火",
     "バーベキュー", "ビアガーデン", "日向ぼっこ", "見学", "点検", "掃除"}
)  # fmt: skip
# 看護師です。自傷で救急に来る患者さんへの声かけ: patients, seen at work.
PATIENTS = frozenset({"患者", "患者さん"})
HEALTH_WORKERS = frozenset(
    {"看護師", "ナース", "医師", "医者", "救急", "救命", "病棟", "薬剤師", "救急隊", "研修医"}
)
# Words that keep a high place a warning however everyday the visit: もう無理, 飛ぶ,
# 戻りたくない (any wish, since the sender may wish not to go back down).
WARNING_WORDS = (
    lex.DESPAIR_WORDS | lex.CORE_RISK_WORDS | {"飛ぶ", "落ちる", "最後", "怖い", "もう", "たい"}
)


def care_context(tokens: Tokens, found: RiskSignal) -> str | None:
    """Return why a means or a cut is part of care or work here, or None if it stays urgent."""
    if found.start < 0:
        return None
    start, end = sentence_bounds(tokens, found.start)
    sentence = tokens[start:end]
    lemmas = {token.lemma for token in sentence}
    if lemmas & (SELF_WORDS | DELIBERATE):
        return None
    if found.kind is RiskKind.PLAN:
        if _given_to_someone(tokens):
            return "他人に飲ませる薬の世話"
        if _prevented(tokens, found.end) and lemmas & (CARE_WORDS | lex.OTHER_PEOPLE):
            return "他人の過量服薬を防ぐための世話"
        if lemmas & ROPES and lemmas & SECURED_THINGS:
            return "物や車椅子を固定するためのロープ"
        if HANG_OBJECT in lemmas:
            return "物を吊るす話"
        if _break_at_high_place(tokens, found):
            return "仕事の休憩など、日常の用事でいる場所"
    if found.kind is RiskKind.SELF_HARM and _patients_at_work(tokens, found.end, end):
        return "医療の仕事で接する患者についての相談"
    named = {token.lemma for token in tokens[found.start : found.end]}
    if found.kind is not RiskKind.SELF_HARM or named & SELF_HARM_WORDS:
        # リストカットの跡を隠して厨房に立ってる: a word for self-harm has no work cause.
        return None
    if _cut_at_work(tokens, start, end):
        return "仕事や農作業の刃物によるけが"
    return None


def _patients_at_work(tokens: Tokens, phrase_end: int, sentence_end: int) -> bool:
    """Return whether a health worker asks about patients: 看護師です。自傷で来る患者さん.

    The patients must follow the phrase in its sentence, so that the self-harm is theirs:
    患者さんに怒鳴られて、帰ってから腕を切った is the sender's own.
    """
    if not any(token.lemma in PATIENTS for token in tokens[phrase_end:sentence_end]):
        return False
    return any(token.lemma in HEALTH_WORKERS for token in tokens)


def _given_to_someone(tokens: Tokens) -> bool:
    """Return whether the message gives medicine to someone (飲ませる) and has no plain 飲む.

    The medicine rules read amounts across the message, so every 飲む in it must be
    causative: 父に飲ませる薬を砕いた。残りは全部自分で飲む stays urgent.
    """
    given_to_someone = False
    for position, token in enumerate(tokens):
        if token.lemma != DRINK:
            continue
        following = tokens[position + 1].lemma if position + 1 < len(tokens) else None
        if following not in CAUSATIVES:
            return False
        given_to_someone = True
    return given_to_someone


def _prevented(tokens: Tokens, end: int) -> bool:
    # 過量服薬にならないように, 飛び降り防止: the next words prevent what the phrase names.
    for position in range(end, min(len(tokens), end + PREVENTION_WINDOW)):
        token = tokens[position]
        if is_sentence_end(token):
            return False
        if token.lemma in PREVENTION_NOUNS:
            return True
        if token.lemma == "よう" and tokens[position - 1].lemma in NEGATIONS:
            return True
    return False


def _cut_at_work(tokens: Tokens, start: int, end: int) -> bool:
    """Return whether this sentence or the next names a trade and a wound or a slipped tool.

    精肉のバイトで…腕に切り傷 names the wound, and 手首切って三針縫った。草刈りしてで鎌
    すべらせで gives the slip one sentence later. 厨房のバイト中に隠れて腕を切ってる names
    neither, so it stays urgent.
    """
    lemmas = {token.lemma for token in tokens[start:end]}
    if lemmas & HIDING:
        return False
    if lemmas & CUTTING_WORK and (lemmas & lex.WOUND_NOUNS or SLIP in lemmas):
        return True
    next_start = end
    while next_start < len(tokens) and is_sentence_end(tokens[next_start]):
        next_start += 1
    if next_start >= len(tokens):
        return False
    _, next_end = sentence_bounds(tokens, next_start)
    following = {token.lemma for token in tokens[next_start:next_end]}
    return bool(following & CUTTING_WORK) and SLIP in following


def _break_at_high_place(tokens: Tokens, found: RiskSignal) -> bool:
    """Return whether the sender is at a high place on a break and names no distress.

    屋上にいます。会社の屋上で昼休み中 is a break; 屋上にいます。昼休みだけどもう無理 is not.
    """
    named = {token.lemma for token in tokens[found.start : found.end]}
    if not named & lex.HIGH_PLACES or not named & lex.PRESENCE_VERBS:
        return False
    lemmas = {token.lemma for token in tokens}
    return bool(lemmas & EVERYDAY_BREAKS) and not lemmas & WARNING_WORDS
