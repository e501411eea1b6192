"""Contexts that make a matched risk phrase harmless: embarrassment, quoted titles, dreams.

恥ずかしすぎて消えたい exaggerates embarrassment, 「死にたい」って歌詞の曲 quotes a song, and
飛び降りる夢を見た tells a dream. Each check is narrow on purpose: 恥ずかしい人生だから消えたい
and 映画を見て死にたくなった stay urgent.
"""

from services.triage.morphology import Token, is_sentence_end, sentence_bounds
from services.triage.predicates import NEGATIONS, is_contrast
from services.triage.signals import RiskKind, RiskSignal

Tokens = tuple[Token, ...]
EMBARRASSMENT_WORDS = frozenset({"恥ずかしい", "恥", "照れる", "気まずい"})
EMBARRASSMENT_WINDOW = 5
# Embarrassment exaggerates a wish (恥ずかしくて消えたい) but never excuses a means or an act
# of self-harm.
WISH_KINDS = frozenset({RiskKind.IDEATION, RiskKind.PASSIVE_IDEATION})
# Works whose title or lyrics may quote a risk phrase. 言葉 is left out on purpose:
# 「死にたい」って言葉が頭から離れない is the sender's own thought.
MEDIA_NOUNS = frozenset(
    {"歌詞", "曲", "歌", "台詞", "セリフ", "タイトル", "題名", "本", "小説", "漫画", "映画",
     "ドラマ", "アニメ", "作品", "詩", "フレーズ"}
)  # fmt: skip
CLOSING_QUOTES = frozenset({"」", "』", '"'})
QUOTE_LINKS = frozenset({"って", "と", "という", "言う", "の"})
MEDIA_WINDOW = 3
# Jumps done for sport or leisure: スカイダイビングで飛び降りる体験.
LEISURE_JUMPS = frozenset(
    {"スカイダイビング", "バンジー", "バンジージャンプ", "パラシュート", "体験"}
)
# Characters of a story, whose death is fiction: 登場人物が自殺する場面.
FICTION_PEOPLE = frozenset({"登場人物", "人物", "主人公", "キャラ", "キャラクター", "ヒロイン"})
# 穴があったら入りたい: the idiom for wanting to hide from shame.
SHAME_IDIOM = ("穴", "が", "有る", "た", "入る")
DEGREE_WORDS = frozenset({"くらい", "ぐらい", "位", "程", "ほど"})
DREAM = "夢"
SEE = "見る"
# 死にたいとかは全然ない, 自殺願望なんてない, 傷つけたりはしてない: a hedge after the phrase
# that a negation then denies.
NEAR_MISS_NOUNS = frozenset({"とこ", "所", "ところ"})
HEDGES = (("と", "か"), ("なんて",), ("など",), ("たり",))
HEDGE_GAP = 2
HEDGED_DENIAL_WINDOW = 7
# Nouns of a story or a game that sit after the phrase: 自殺する役, 命を絶つシーン.
SCENE_NOUNS = frozenset({"シーン", "場面", "役", "役柄", "展開"})
GAME_NOUNS = frozenset({"ゲーム", "マイクラ", "マインクラフト", "ゲーム内", "アバター"})
SCENE_WINDOW = 3
# A report in the news: ニュースで中学生が自ら命を絶ったって. A wish (たい) stays urgent even in
# a sentence about the news: ニュース見て死にたくなった.
NEWS_NOUNS = frozenset({"ニュース", "報道", "記事", "新聞", "ネットニュース"})
WISH_AUXILIARIES = frozenset({"たい", "欲しい"})


def harmless_context(tokens: Tokens, found: RiskSignal) -> str | None:
    """Return why the signal's phrase is harmless here, or None when it stands."""
    if found.kind in WISH_KINDS and _embarrassed(tokens, found.start):
        return "恥ずかしさを誇張した言い回し"
    if found.kind in WISH_KINDS and _shame_after(tokens, found.end):
        return "恥ずかしさを誇張した言い回し"
    if found.kind is RiskKind.PLAN and _leisure_jump(tokens, found.start):
        return "スポーツや娯楽として飛び降りる話"
    if found.kind in WISH_KINDS and _near_miss(tokens, found.end):
        return "「〜するところだった」という誇張"
    if _hedged_denial(tokens, found.end):
        return "「〜とか」「〜なんて」と挙げたうえで否定している"
    if _fiction(tokens, found.start) or _scene(tokens, found):
        return "物語の登場人物の話"
    if _news_report(tokens, found):
        return "ニュースや報道で知った他人の話"
    if _quoted_title(tokens, found.end):
        return "歌詞や作品の言葉としての引用"
    if _dream(tokens, found.start):
        return "夢の中の出来事の話"
    return None


def _embarrassed(tokens: Tokens, start: int) -> bool:
    """Return whether embarrassment leads into the phrase with て: 恥ずかしすぎて消えたい."""
    window = tokens[max(0, start - EMBARRASSMENT_WINDOW) : start]
    for offset, token in enumerate(window):
        if token.lemma in EMBARRASSMENT_WORDS:
            return any(later.lemma in ("て", "で") for later in window[offset + 1 :])
    return False


def _shame_after(tokens: Tokens, end: int) -> bool:
    """Return whether the phrase measures shame (消えたいくらい恥ずかしい) or follows the idiom."""
    following = [token.lemma for token in tokens[end : end + 3]]
    if following[:1] and following[0] in DEGREE_WORDS:
        return any(lemma in EMBARRASSMENT_WORDS for lemma in following[1:])
    start, _ = sentence_bounds(tokens, end - 1)
    lemmas = tuple(token.lemma for token in tokens[start:end])
    width = len(SHAME_IDIOM)
    return any(lemmas[i : i + width] == SHAME_IDIOM for i in range(len(lemmas) - width + 1))


def _leisure_jump(tokens: Tokens, index: int) -> bool:
    start, end = sentence_bounds(tokens, index)
    return any(token.lemma in LEISURE_JUMPS for token in tokens[start:end])


def _fiction(tokens: Tokens, index: int) -> bool:
    start, _ = sentence_bounds(tokens, index)
    window = tokens[max(start, index - 4) : index]
    return any(token.lemma in FICTION_PEOPLE for token in window)


def _near_miss(tokens: Tokens, end: int) -> bool:
    # 笑いすぎて逝くとこだった, 死ぬところだった: it almost happened, meant as a joke.
    lemmas = [token.lemma for token in tokens[end : end + 3]]
    return bool(lemmas) and lemmas[0] in NEAR_MISS_NOUNS and "た" in lemmas[1:]


def _hedged_denial(tokens: Tokens, end: int) -> bool:
    """Return whether a hedge follows the phrase and a negation denies it before a contrast."""
    for gap in range(HEDGE_GAP + 1):
        for hedge in HEDGES:
            start = end + gap
            lemmas = tuple(token.lemma for token in tokens[start : start + len(hedge)])
            if lemmas == hedge:
                return _negated_after(tokens, start + len(hedge))
    return False


def _negated_after(tokens: Tokens, start: int) -> bool:
    negations = 0
    for token in tokens[start : start + HEDGED_DENIAL_WINDOW]:
        if is_sentence_end(token) or (is_contrast(token) and token.surface != "じゃ"):
            break
        if token.lemma in NEGATIONS:
            negations += 1
    # Two negations cancel: 死にたいとか思わない日はない.
    return negations % 2 == 1


def _scene(tokens: Tokens, found: RiskSignal) -> bool:
    following = tokens[found.end : found.end + SCENE_WINDOW]
    if any(token.lemma in SCENE_NOUNS for token in following):
        return True
    start, _ = sentence_bounds(tokens, max(0, found.start))
    return any(token.lemma in GAME_NOUNS for token in tokens[start : found.start])


def _news_report(tokens: Tokens, found: RiskSignal) -> bool:
    if found.start < 0:
        return False
    start, end = sentence_bounds(tokens, found.start)
    if not any(token.lemma in NEWS_NOUNS for token in tokens[start:end]):
        return False
    tail = tokens[found.start : min(end, found.end + 2)]
    return not any(token.lemma in WISH_AUXILIARIES for token in tail)


def _quoted_title(tokens: Tokens, end: int) -> bool:
    position = end
    while position < len(tokens) and tokens[position].surface in CLOSING_QUOTES:
        position += 1
    window = tokens[position : position + MEDIA_WINDOW]
    if not window or window[0].lemma not in QUOTE_LINKS:
        return False
    return any(token.lemma in MEDIA_NOUNS for token in window[1:])


def _dream(tokens: Tokens, index: int) -> bool:
    start, end = sentence_bounds(tokens, index)
    for position in range(start, end - 1):
        if tokens[position].lemma == DREAM:
            following = [token.lemma for token in tokens[position + 1 : position + 3]]
            if SEE in following:
                return True
    return False
