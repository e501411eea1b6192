"""Contexts that make a matched risk phrase harmless: embarrassment, quoted titles, dreams.

恥ずかしすぎて消えたい exaggerates embarrassment, 「死にたい」って歌詞の曲 quotes a song, and
飛び降りる夢を見た tells a dream. Each check is narrow on purpose: 恥ずかしい人生だから消えたい
and 映画を見て死にたくなった stay urgent.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import previous_sentence_lemmas
from services.triage.morphology import Token, is_sentence_end, sentence_bounds
from services.triage.predicates import NEGATIONS, OPENING_QUOTES, SELF_WORDS, is_contrast
from services.triage.risk_care import care_context
from services.triage.risk_everyday import DEATH_ENVIED
from services.triage.risk_hedges import hedged_context
from services.triage.risk_mentions import mention_context
from services.triage.signals import RiskKind, RiskSignal

Tokens = tuple[Token, ...]
EMBARRASSMENT_WORDS = frozenset({"恥ずかしい", "恥", "照れる", "気まずい", "ださい", "はずい"})
EMBARRASSMENT_WINDOW = 5
# Embarrassment exaggerates a wish (恥ずかしくて消えたい) but never excuses a means or an act
# of self-harm.
WISH_KINDS = frozenset({RiskKind.IDEATION, RiskKind.PASSIVE_IDEATION})
# Works whose title or lyrics may quote a risk phrase. 言葉 is left out on purpose:
# 「死にたい」って言葉が頭から離れない is the sender's own thought.
MEDIA_NOUNS = frozenset(
    {"歌詞", "曲", "歌", "台詞", "セリフ", "タイトル", "題名", "本", "小説", "漫画", "映画",
     "ドラマ", "アニメ", "作品", "詩", "フレーズ", "歌い出し", "サビ", "新曲"}
)  # fmt: skip
CLOSING_QUOTES = frozenset({"」", "』", '"'})
QUOTE_LINKS = frozenset({"って", "と", "という", "言う", "の"})
MEDIA_WINDOW = 3
# Jumps done for sport or leisure: スカイダイビングで飛び降りる体験.
LEISURE_JUMPS = frozenset(
    {
        "スカイダイビング",
        "バンジー",
        "バンジージャンプ",
        "パラシュート",
        "体験",
        "飛び込み台",
        "スイミング",
        "水泳",
    }
)
# Characters of a story, whose death is fiction: 登場人物が自殺する場面.
WORK_CONTEXT = frozenset(
    {"読む", "授業", "現国", "国語", "小説", "映画", "ドラマ", "漫画", "アニメ", "作品", "教科書"}
)
FICTION_PEOPLE = frozenset({"登場人物", "人物", "主人公", "キャラ", "キャラクター", "ヒロイン"})
# 穴があったら入りたい: the idiom for wanting to hide from shame.
SHAME_IDIOM = ("穴", "が", "有る", "た", "入る")
DEGREE_WORDS = frozenset({"くらい", "ぐらい", "位", "程", "ほど"})
# 推しの結婚発表で「もう死ぬ〜」: news of an idol that fans greet with a cry of dying.
FAN = "推し"
IDOL_NEWS = frozenset({"結婚", "発表", "引退", "卒業", "解散", "熱愛", "尊い", "尊", "ライブ"})
FUSS_VERBS = frozenset({"騒ぐ", "叫ぶ", "悶える", "喚く", "はしゃぐ"})
DREAM = "夢"
SEE = "見る"
# 死にたいとかは全然ない, 自殺願望なんてない, 傷つけたりはしてない: a hedge after the phrase
# that a negation then denies.
NEAR_MISS_NOUNS = frozenset({"とこ", "所", "ところ"})
HEDGES = (("と", "か"), ("なんて",), ("など",), ("たり",))
HEDGE_GAP = 2
# Nouns that a hedge may follow and still deny the phrase: 死にたい気持ちとかはない.
HEDGED_NOUNS = frozenset({"気持ち", "思い", "考え", "願望", "気", "こと", "事", "訳", "W"})
HEDGED_DENIAL_WINDOW = 7
# Nouns of a story or a game that sit after the phrase: 自殺する役, 命を絶つシーン.
SCENE_NOUNS = frozenset({"シーン", "場面", "役", "役柄", "展開"})
GAME_NOUNS = frozenset({"ゲーム", "マイクラ", "マインクラフト", "ゲーム内", "アバター"})
# ゲームのチャットで「今から飛び降りるw」って送ってきた: a player talking, not a scene.
GAME_CHATS = frozenset({"チャット", "ボイチャ", "通話", "フレンド", "DM", "メッセージ"})
SCENE_WINDOW = 3
# A report in the news: ニュースで中学生が自ら命を絶ったって. A wish (たい) stays urgent even in
# a sentence about the news: ニュース見て死にたくなった.
NEWS_NOUNS = frozenset({"ニュース", "報道", "記事", "新聞", "ネットニュース"})
WISH_AUXILIARIES = frozenset({"たい", "欲しい"})
# 死にたいってどういう気持ち?, ODってどういう意味: a question about the words themselves.
MEANING_QUESTIONS = frozenset({"どういう", "どんな"})
MEANING_VERBS = frozenset({"聞く", "調べる", "教える", "説明", "尋ねる"})
WHAT = frozenset({"何", "なに"})
# 何 asks for a meaning only at the end of the question: ODって何?, ODって何ですか.
WHAT_ENDS = frozenset({"だ", "です", "か", "?", "。"})
# 本当はずっとある, うそ: the sender takes back the answer given to the question.
RETRACTIONS = frozenset({"嘘", "うそ", "本当"})
# ふざけて「もう消えたい〜」って送った, 冗談で「死にたい」って言った: words said in jest.
JOKE_WORDS = frozenset({"ふざける", "冗談", "ノリ", "ネタ"})
JOKE_WINDOW = 3
# 自殺しようとしてると勘違いされた: someone else mistook what the sender was doing.
MISTAKES = frozenset({"勘違い", "誤解"})
MISTAKE_WINDOW = 8
# …って大げさか笑, あ、暗い意味じゃなくて: the sender takes the words back at once.
OVERSTATED = "大袈裟"
MEANING = "意味"
CLARIFY_WINDOW = 20
CLARIFY_TURNS = frozenset({"けれど", "でも"})
CLARIFY_DEATH_WORDS = frozenset({"死ぬ", "消える", "自殺", "殺す"})
DARK_SENSES = frozenset({"暗い", "変", "そういう", "深い", "重い", "悪い"})
OVERSTATED_WINDOW = 14
# 私の運転への嫌味: the quoted wish was a jibe at the sender.
INSULT_WORDS = frozenset({"嫌味", "皮肉", "悪口", "嫌がらせ", "当て付け", "からかう", "揶揄う"})
# 本気だった, 本気です; 本気で心配された is about someone else's worry.
EARNEST_COPULAS = frozenset({"だ", "だっ", "です", "でし", "なん", "な"})
TOPIC_QUOTES = frozenset({"って", "と", "とは", "は"})
# 「自殺したい気持ちはありますか」って聞かれる: a question put to the sender.
QUESTION_ENDS = frozenset({"か", "?", "の"})
QUOTE_SCAN = 12
ASK_VERBS = frozenset({"聞く", "言う"})
# Laughter right after a wish, when a trivial cause leads into it with すぎて, marks a joke:
# 前髪切りすぎて死にたいww.
LAUGH_MARKS = frozenset({"笑", "(笑)", "😂", "🤣", "😆"})
EXCESS = "過ぎる"
# その場で蒸発したかった: wanting to vanish from one moment of embarrassment.
THE_SPOT = ("其の", "場")
# 死にたいんじゃなくて, 死にたいからじゃない: the wish is named and denied as the reason.
COPULA_HEDGES = frozenset({"の", "から"})


def harmless_context(tokens: Tokens, found: RiskSignal) -> str | None:
    """Return why the signal's phrase is harmless here, or None when it stands."""
    if found.kind in WISH_KINDS and _embarrassed(tokens, found.start):
        return "恥ずかしさを誇張した言い回し"
    if found.kind in WISH_KINDS and _shame_after(tokens, found.end):
        return "恥ずかしさを誇張した言い回し"
    if found.kind in WISH_KINDS and _laughed_then_ashamed(tokens, found.end):
        return "恥ずかしさを誇張した言い回し"
    if found.kind is not RiskKind.SELF_HARM and _fan_news(tokens, found):
        return "推しの知らせへの誇張"
    if found.kind is RiskKind.PLAN and _leisure_jump(tokens, found.start):
        return "スポーツや娯楽として飛び降りる話"
    if found.kind in WISH_KINDS and _near_miss(tokens, found.end):
        return "「〜するところだった」という誇張"
    if found.kind in WISH_KINDS and _on_the_spot(tokens, found.start):
        return "その場の恥ずかしさを誇張した言い回し"
    if found.kind in WISH_KINDS and _laughed_off(tokens, found):
        return "「〜すぎて」に笑いを添えた誇張"
    if _hedged_denial(tokens, found.end):
        return "「〜とか」「〜なんて」と挙げたうえで否定している"
    if _copula_denial(tokens, found.end):
        return "「〜からじゃない」「〜んじゃない」と打ち消している"
    if _asks_meaning(tokens, found.end):
        return "言葉の意味を尋ねている"
    if _question_put_to_sender(tokens, found.end):
        return "他人から尋ねられた質問の引用"
    if _hypothetical_quote(tokens, found.end):
        return "「〜って言われたら」という仮定の話"
    if _corrected(tokens, found.end):
        return "さっきの言葉を取り消したり、誤字や別の意味だと説明したりしている"
    fiction = (
        _fiction(tokens, found.start)
        or _fiction_speaker(tokens, found.end)
        or _character_described(tokens, found.end)
        or _scene(tokens, found)
    )
    if fiction and found.explanation == DEATH_ENVIED:
        # 主人公が死ぬ場面、「いいな」って思ってしまった: the envy is the sender's own.
        fiction = False
    if fiction and not _owned_later(tokens, found.end):
        return "物語の登場人物の話"
    if _news_report(tokens, found) and not _owned_later(tokens, found.end):
        return "ニュースや報道で知った他人の話"
    if _quoted_title(tokens, found.end, found.start) and not _owned_later(tokens, found.end):
        return "歌詞や作品の言葉としての引用"
    if _dream(tokens, found.start):
        return "夢の中の出来事の話"
    if found.kind in WISH_KINDS and _joked(tokens, found.start):
        return "ふざけて送った言葉の引用"
    if _quoted_insult(tokens, found.start):
        return "嫌味や悪口として言われた言葉の引用"
    if _taken_back_as_overstated(tokens, found.end):
        return "大げさだった、暗い意味ではないと自分で打ち消している"
    if _mistaken_for(tokens, found.end):
        return "他人にそう勘違いされたという話"
    if _meaning_clarified(tokens, found.end):
        return "あとで別の意味だったと説明されている"
    return (
        mention_context(tokens, found)
        or hedged_context(tokens, found)
        or care_context(tokens, found)
    )


def _joked(tokens: Tokens, start: int) -> bool:
    """Return whether the phrase is quoted as something said in jest: ふざけて「消えたい」って."""
    sentence_start, _ = sentence_bounds(tokens, start)
    for position in range(start - 1, sentence_start - 1, -1):
        if tokens[position].surface in OPENING_QUOTES:
            before = tokens[max(sentence_start, position - JOKE_WINDOW) : position]
            jest = any(
                token.lemma in JOKE_WORDS and not _joke_denied(tokens, index)
                for index, token in enumerate(before, start=position - len(before))
            )
            return jest and not _meant_after(tokens, start)
    return False


def _owned_later(tokens: Tokens, end: int) -> bool:
    """Return whether a later sentence makes the story the sender's own.

    本当は私の話で and 私も同じ turn a character's words or a scene into the sender's.
    """
    lemmas = [token.lemma for token in tokens[end:]]
    for position in range(len(lemmas) - 2):
        if lemmas[position] not in SELF_WORDS:
            continue
        following = lemmas[position + 1 : position + 3]
        if following in (["も", "同じ"], ["も", "そう"]):
            return True
        # 本当は私の話, 実は自分のこと: 私のこと alone is everyday.
        admitted = {"本当", "実"} & set(lemmas[max(0, position - 3) : position])
        if admitted and following in (["の", "話"], ["の", "こと"]):
            return True
    return False


def _taken_back_as_overstated(tokens: Tokens, end: int) -> bool:
    """Return whether the sender calls the words overstated right after them.

    …って大げさか笑 and あ、暗い意味じゃなくて、家で倒れたときのこと take the phrase back.
    """
    window = tokens[end : end + OVERSTATED_WINDOW]
    lemmas = [token.lemma for token in window]
    if OVERSTATED in lemmas:
        # 大げさか笑 and 大げさだった take it back; 大げさですかね asks the counselor.
        after = window[lemmas.index(OVERSTATED) + 1 : lemmas.index(OVERSTATED) + 4]
        laughed = any(token.surface in LAUGH_MARKS or _is_w_run(token.surface) for token in after)
        stated = [token.lemma for token in after[:2]] in (["だ", "た"], ["です", "た"])
        return laughed or stated
    for position in range(len(lemmas) - 3):
        if lemmas[position] in DARK_SENSES and lemmas[position + 1] == MEANING:
            return bool(NEGATIONS & set(lemmas[position + 2 : position + 4]))
    return False


def _meaning_clarified(tokens: Tokens, end: int) -> bool:
    """Return whether a later clause says what the words meant instead.

    「もう死にたい〜」って言ってたけど、テスト勉強が終わらないって意味だった: after a turn
    (けど, でも), a meaning told in the past (って意味だった, という意味でした). A meaning that
    names dying again (本当に死にたいって意味だった) clarifies nothing.
    """
    window = tokens[end : end + CLARIFY_WINDOW]
    turned = False
    for offset, token in enumerate(window):
        if is_contrast(token) or token.lemma in CLARIFY_TURNS:
            turned = True
            continue
        if token.lemma in CLARIFY_DEATH_WORDS:
            return False
        if token.lemma != MEANING or not turned or offset == 0:
            continue
        linked = window[offset - 1].lemma in QUOTE_LINKS
        after = [other.lemma for other in window[offset + 1 : offset + 3]]
        return linked and after[:1] in (["だ"], ["です"]) and after[1:] == ["た"]
    return False


def _mistaken_for(tokens: Tokens, end: int) -> bool:
    """Return whether someone took the sender for it: 自殺しようとしてると勘違いされて."""
    following = [token.lemma for token in tokens[end : end + MISTAKE_WINDOW]]
    for position, lemma in enumerate(following):
        if lemma in MISTAKES and following[position + 1 : position + 3] == ["為る", "れる"]:
            return True
    return False


def _quoted_insult(tokens: Tokens, start: int) -> bool:
    """Return whether the phrase is quoted and the message calls it a jibe (私の運転への嫌味)."""
    if not any(token.lemma in INSULT_WORDS for token in tokens):
        return False
    sentence_start, _ = sentence_bounds(tokens, start)
    return any(token.surface in OPENING_QUOTES for token in tokens[sentence_start:start])


def _meant_after(tokens: Tokens, start: int) -> bool:
    # 冗談で言ったけど、本当は本気: the sender takes the joke back.
    for index in range(start, len(tokens) - 1):
        lemma, following = tokens[index].lemma, tokens[index + 1]
        if lemma == "本当" and following.lemma == "は":
            return True
        if lemma == "本気" and following.surface in EARNEST_COPULAS:
            return True
    return False


def _joke_denied(tokens: Tokens, index: int) -> bool:
    # 冗談じゃなくて「消えたい」: the sender says it was no joke.
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    return any(lemma in NEGATIONS for lemma in following)


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
    return _has_shame_idiom(tokens[start:end])


def _laughed_then_ashamed(tokens: Tokens, end: int) -> bool:
    """Return whether a laugh follows the wish and the message uses the shame idiom.

    死にたいwww 好きな人の前で盛大にコケたwww 穴があったら入りたい.
    """
    # The folding of repeated letters leaves www as a single w.
    if not any(_laugh(token) or token.surface == "w" for token in tokens[end : end + 2]):
        return False
    return _has_shame_idiom(tokens)


def _has_shame_idiom(tokens: Tokens) -> bool:
    """Return whether the tokens contain 穴があったら入りたい."""
    lemmas = tuple(token.lemma for token in tokens)
    width = len(SHAME_IDIOM)
    return any(lemmas[i : i + width] == SHAME_IDIOM for i in range(len(lemmas) - width + 1))


def _fan_news(tokens: Tokens, found: RiskSignal) -> bool:
    """Return whether the sentence reports a fan's cry at an idol's news.

    Example: 推しの結婚発表で「もう死ぬ〜」って騒いでる.
    """
    start, end = sentence_bounds(tokens, max(0, found.start))
    lemmas = {token.lemma for token in tokens[start:end]}
    return FAN in lemmas and bool(lemmas & IDOL_NEWS) and bool(lemmas & FUSS_VERBS)


def _leisure_jump(tokens: Tokens, index: int) -> bool:
    # バンジージャンプしてきた!飛び降りる瞬間…: the sport may be named one sentence before.
    start, end = sentence_bounds(tokens, index)
    if any(token.lemma in LEISURE_JUMPS for token in tokens[start:end]):
        return True
    return not previous_sentence_lemmas(tokens, index).isdisjoint(LEISURE_JUMPS)


def _fiction(tokens: Tokens, index: int) -> bool:
    start, _ = sentence_bounds(tokens, index)
    window = tokens[max(start, index - 4) : index]
    if any(token.lemma in FICTION_PEOPLE for token in window):
        return True
    # 現国の『こころ』でKが自殺するとこ、読んでて: a title in 『』 read as the place of the
    # story, in a message about reading or a lesson.
    if not any(token.lemma in WORK_CONTEXT for token in tokens):
        return False
    return any(
        tokens[position].surface == "』" and tokens[position + 1].lemma == "で"
        for position in range(start, index - 1)
    )


def _fiction_speaker(tokens: Tokens, end: int) -> bool:
    # 死にたいって主人公が叫ぶシーン: a character named right after the quoted words, or after
    # the one who speaks them (「死にたい」って言う子が主人公の小説).
    lemmas = [token.lemma for token in tokens[end : end + 7]]
    if lemmas[:1] and lemmas[0] in CLOSING_QUOTES:
        lemmas = lemmas[1:]
    if lemmas[:1] not in (["って"], ["と"]) or lemmas[1:2] == []:
        return False
    if lemmas[1] in FICTION_PEOPLE:
        return True
    return lemmas[1] == "言う" and lemmas[3:5] == ["が", "主人公"]


def _character_described(tokens: Tokens, end: int) -> bool:
    """Return whether the phrase describes the character named right after it.

    自殺する登場人物の気持ちを書く, 死にたい主人公: the phrase modifies a character.
    """
    following = [token.lemma for token in tokens[end : end + 2]]
    # Sudachi may split 登場人物 into 登場 and 人物.
    if following[:1] == ["登場"]:
        following = following[1:]
    return following[:1] != [] and following[0] in FICTION_PEOPLE


def _near_miss(tokens: Tokens, end: int) -> bool:
    # 笑いすぎて逝くとこだった, 死ぬところだった: it almost happened, meant as a joke.
    lemmas = [token.lemma for token in tokens[end : end + 3]]
    return bool(lemmas) and lemmas[0] in NEAR_MISS_NOUNS and "た" in lemmas[1:]


def _hedged_denial(tokens: Tokens, end: int) -> bool:
    """Return whether a hedge follows the phrase and a negation denies it before a contrast.

    The hedge must be particles: なんとか (somehow) in 頭をぶつけて、なんとか叩かずにすんだ is
    an adverb.
    """
    for gap in range(HEDGE_GAP + 1):
        if gap > 0 and end + gap <= len(tokens) and is_sentence_end(tokens[end + gap - 1]):
            # ロープを買ってきた。キャンプなんて行かないのに: the hedge of the next sentence
            # denies its own word, not the phrase.
            return False
        between = tokens[end + gap - 1] if gap > 0 and end + gap <= len(tokens) else None
        if between is not None and _own_hedge(between):
            # 消えたいｗ 笑っとかないと泣く, 眠ってたい😴 朝とか来なくていい: the hedge
            # belongs to the verb or the noun between.
            return False
        for hedge in HEDGES:
            start = end + gap
            window = tokens[start : start + len(hedge)]
            lemmas = tuple(token.lemma for token in window)
            if lemmas == hedge and all(token.pos == "助詞" for token in window):
                if start > 0 and tokens[start - 1].lemma == "何":
                    # なんとか may be split into 何, と and か.
                    return False
                return _negated_after(tokens, start + len(hedge))
    return False


def _own_hedge(token: Token) -> bool:
    """Return whether a hedge right after this token is its own: a verb, or a noun of its own."""
    if token.pos == "動詞":
        return True
    # 腕の傷は自傷とかじゃない: a risk word between is what the hedge denies.
    hedged = token.lemma in HEDGED_NOUNS or token.lemma in lex.CORE_RISK_WORDS
    return token.pos == "名詞" and not hedged


def _copula_denial(tokens: Tokens, end: int) -> bool:
    lemmas = [token.lemma for token in tokens[end : end + 5]]
    if lemmas[:1] != [] and lemmas[0] in COPULA_HEDGES and lemmas[1:2] == ["だ"]:
        rest = lemmas[2:] if lemmas[2:3] != ["は"] else lemmas[3:]
        # 迷惑かけないんじゃないかって, 迷惑かげねんでねえべが: the question asks, not denies.
        if rest[:1] != ["無い"] or (rest[1:2] and rest[1] in ("か", "べい", "だろう")):
            return False
        # 私はいない方がいいんじゃないでしょうか, いない方がいいんじゃないですか: asked too.
        after = "".join(token.surface for token in tokens[end : end + 8])
        return not any(question in after for question in ("ないでしょう", "ないですか"))
    return False


def _hypothetical_quote(tokens: Tokens, end: int) -> bool:
    """Return whether the phrase is a quote in a condition: 『死にたい』って言われたら."""
    position = end
    while position < len(tokens) and tokens[position].surface in CLOSING_QUOTES:
        position += 1
    lemmas = [token.lemma for token in tokens[position : position + 3]]
    if lemmas[:1] not in (["って"], ["と"]) or lemmas[1:] not in (
        ["言う", "れる"],
        ["言う", "られる"],
    ):
        return False
    following = tokens[position + 3 : position + 4]
    return bool(following) and following[0].surface in ("たら", "ら")


def _asks_meaning(tokens: Tokens, end: int) -> bool:
    position = _after_closing_quote(tokens, end)
    lemmas = [token.lemma for token in tokens[position : position + 4]]
    if not lemmas or lemmas[0] not in TOPIC_QUOTES:
        return False
    if lemmas[1:4] == ["何", "の", "略"]:
        # ODって何の略ですか: the word's long form asked.
        return True
    if lemmas[1:4] == ["言葉", "の", "意味"]:
        # 『消えたい』って言葉の意味を娘に聞かれました.
        following = tokens[position + 4 : position + 12]
        return any(token.lemma in MEANING_VERBS for token in following)
    if any(lemma in MEANING_QUESTIONS for lemma in lemmas[1:3]):
        return True
    for offset in (1, 2):
        if lemmas[offset : offset + 1] and lemmas[offset] in WHAT:
            after = lemmas[offset + 1 : offset + 2]
            return not after or after[0] in WHAT_ENDS
    return False


# 死にたいってさっき言ったのは取り消します, さっきの「しにたい」は誤字です.
CORRECTION_WINDOW = 14
TYPOS = frozenset({"誤字", "誤変換", "打ち間違い", "間違い", "打ち間違える", "変換"})
TAKE_BACKS = frozenset({"取り消す", "撤回"})
KEPT_WORDS = frozenset({"本当", "本気", "マジ", "ガチ"})
# Words of a question about how to do it: どう書けば, どうやって, やり方, 方法.
HOW_TO_WORDS = frozenset({"どう", "どうやって", "やり方", "方法", "書き方", "仕方"})


# うん, はい, そう, 図星: a reply of yes to the question quoted before it.
AFFIRMATIONS = frozenset({"うん", "はい", "そう", "図星", "正解"})


def _question_put_to_sender(tokens: Tokens, end: int) -> bool:
    """Return whether the phrase sits in a quoted question that someone asked the sender."""
    for position in range(end, min(len(tokens), end + QUOTE_SCAN)):
        in_sentence = not any(is_sentence_end(token) for token in tokens[end:position])
        if in_sentence and _question_unquoted(tokens, position):
            # 病院で自殺願望はありますかと聞かれたけど、それはないです: a question with no quotes.
            return not _retracted(tokens, position)
        if tokens[position].surface in CLOSING_QUOTES:
            if tokens[position - 1].lemma not in QUESTION_ENDS:
                return False
            if any(token.surface in OPENING_QUOTES for token in tokens[end:position]):
                # 練炭買った。レジで「焼き肉ですか」って聞かれて: the quote opens after the phrase.
                return False
            after = [token.lemma for token in tokens[position + 1 : position + 5]]
            # 「死にたいと思ったことある?」って聞かれた, 「お前いつ死ぬ予定?」って言われた.
            asked = next((verb for verb in after if verb in ASK_VERBS), None)
            if asked is None:
                return False
            # 聞かれた: the question came to the sender. 聞いてきた is left out, because a child
            # who puts 「わたしが死んだらママは楽になる?」 may be at risk.
            if after[after.index(asked) + 1 : after.index(asked) + 2] != ["れる"]:
                return False
            if any(token.lemma in HOW_TO_WORDS for token in tokens[end:position]):
                # 「遺書ってどう書けばいいの」って聞かれた: the person asking wants a method.
                return False
            return not (_retracted(tokens, position) or _affirmed_after(tokens, position))
    return False


def _affirmed_after(tokens: Tokens, position: int) -> bool:
    """Return whether the next sentence answers the question yes: 身辺整理してる?…してる."""
    _, end = sentence_bounds(tokens, position)
    following = [token for token in tokens[end : end + 3] if not is_sentence_end(token)]
    if not following:
        return False
    first = following[0].lemma
    return first in AFFIRMATIONS or (first == lex.DO and following[0].pos == "動詞")


def _retracted(tokens: Tokens, position: int) -> bool:
    """Return whether the reply is withdrawn after position: 本当はある, 嘘ついた."""
    return any(
        token.lemma in RETRACTIONS and not _confirms_denial(tokens, index)
        for index, token in enumerate(tokens[position:], start=position)
    )


def _corrected(tokens: Tokens, end: int) -> bool:
    """Return whether the sender withdraws the phrase, or calls it a typo or another meaning.

    生きてる意味ない、ってさっき言ったのは取り消します; さっきの「しにたい」は誤字です;
    いなくなりたいってさっき言ったのは、今の職場からって意味. A correction that keeps the
    words (本当, 本気) takes nothing back.
    """
    window = [token.lemma for token in tokens[end : end + CORRECTION_WINDOW]]
    # 死にたい。さっき言ったのは取り消す may take back something else, so the phrase must be
    # what さっき言った quotes, in the same sentence.
    earlier_at = next(
        (
            position
            for position in range(len(window))
            if window[position : position + 3] == ["さっき", "言う", "た"]
        ),
        None,
    )
    withdrawn_earlier = earlier_at is not None and not any(
        is_sentence_end(token) for token in tokens[end : end + earlier_at]
    )
    before = [token.lemma for token in tokens[max(0, end - 6) : end]]
    typo = "さっき" in before and any(lemma in TYPOS for lemma in window[:4])
    # 昨日の『消えたい』は取り消します: the quoted phrase itself is taken back.
    quoted_back = (
        end < len(tokens)
        and tokens[end].surface in CLOSING_QUOTES
        and any(lemma in TAKE_BACKS for lemma in window[1:4])
    )
    if quoted_back:
        return not any(token.lemma in KEPT_WORDS for token in tokens[end:])
    if not (withdrawn_earlier or typo):
        return False
    if any(token.lemma in KEPT_WORDS for token in tokens[end:]):
        return False
    if typo:
        return True
    meant_else = any(
        window[position : position + 2] == ["って", "意味"] for position in range(len(window))
    )
    return meant_else or any(lemma in TAKE_BACKS for lemma in window)


def _question_unquoted(tokens: Tokens, position: int) -> bool:
    """Return whether か と 聞かれる starts at position: a question put to the sender."""
    lemmas = [token.lemma for token in tokens[position : position + 4]]
    return (
        len(lemmas) == 4
        and lemmas[0] == "か"
        and lemmas[1] in ("と", "って")
        and lemmas[2] in ASK_VERBS
        and lemmas[3] == "れる"
    )


def _confirms_denial(tokens: Tokens, index: int) -> bool:
    # 本当にない: 本当 stresses the answer "no" instead of taking it back (本当はある).
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    return following[:1] == ["に"] and following[1:] and following[1] in NEGATIONS


def _after_closing_quote(tokens: Tokens, position: int) -> int:
    while position < len(tokens) and tokens[position].surface in CLOSING_QUOTES:
        position += 1
    return position


def _on_the_spot(tokens: Tokens, start: int) -> bool:
    lemmas = tuple(token.lemma for token in tokens[max(0, start - 4) : start])
    return any(lemmas[i : i + 2] == THE_SPOT for i in range(len(lemmas) - 1))


def _laughed_off(tokens: Tokens, found: RiskSignal) -> bool:
    start, _ = sentence_bounds(tokens, found.start)
    before = tokens[start : found.start]
    if not any(token.lemma == EXCESS for token in before):
        return False
    if any(_laugh(token) for token in tokens[found.end : found.end + 2]):
        return True
    # おいしすぎて、もう死んでもいいって思った(笑): after a delight, the laugh may close the
    # verb of thinking.
    if not any(token.lemma in DELIGHTS for token in before):
        return False
    for token in tokens[found.end : found.end + LAUGH_WINDOW]:
        if _laugh(token):
            return True
        if is_sentence_end(token):
            break
    return False


def _laugh(token: Token) -> bool:
    """Return whether the token is a laugh: 笑, (笑), a laughing emoji or ww."""
    return token.surface in LAUGH_MARKS or _is_w_run(token.surface)


LAUGH_WINDOW = 6
# Causes of a delight that 〜すぎて死んでもいい exaggerates: おいしすぎて, 尊すぎて.
DELIGHTS = frozenset(
    {"美味しい", "旨い", "幸せ", "嬉しい", "可愛い", "尊", "尊い", "最高", "楽しい"}
)


def _is_w_run(surface: str) -> bool:
    # ww and www: net laughter.
    return len(surface) >= 2 and set(surface) == {"w"}


def _negated_after(tokens: Tokens, start: int) -> bool:
    negations = 0
    for token in tokens[start : start + HEDGED_DENIAL_WINDOW]:
        if is_sentence_end(token) or (is_contrast(token) and token.surface != "じゃ"):
            break
        if token.pos_detail == "読点" and negations:
            # 自殺願望とかはないです、ただ眠れなくて: the denial's clause ends at the comma.
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
    # マイクラのサーバーで遊んでる子が、チャットで「もう死ぬ」って: a chat named later in the
    # sentence is the channel too.
    chat_named = any(token.lemma in GAME_CHATS for token in tokens[start : found.start])
    return not chat_named and any(
        token.lemma in GAME_NOUNS and not _chat_of(tokens, position)
        for position, token in enumerate(tokens[start : found.start], start=start)
    )


def _chat_of(tokens: Tokens, position: int) -> bool:
    """Return whether the game names a channel of talk: ゲームのチャットで, ゲームのボイチャ."""
    following = [token.lemma for token in tokens[position + 1 : position + 3]]
    return following[:1] == ["の"] and following[1:] != [] and following[1] in GAME_CHATS


def _news_report(tokens: Tokens, found: RiskSignal) -> bool:
    if found.start < 0:
        return False
    start, end = sentence_bounds(tokens, found.start)
    if not any(token.lemma in NEWS_NOUNS for token in tokens[start:end]):
        return False
    tail = tokens[found.start : min(end, found.end + 2)]
    return not any(token.lemma in WISH_AUXILIARIES for token in tail)


def _quoted_title(tokens: Tokens, end: int, start: int | None = None) -> bool:
    position = _after_closing_quote(tokens, end)
    if start is not None and _media_before_quote(tokens, start):
        return True
    window = tokens[position : position + MEDIA_WINDOW]
    if not window or window[0].lemma not in QUOTE_LINKS:
        return False
    return any(token.lemma in MEDIA_NOUNS for token in window[1:])


def _media_before_quote(tokens: Tokens, start: int) -> bool:
    # 好きな曲の歌詞に「消えてしまいたい」ってとこがある: the quote opens after a work.
    for position in range(start - 1, max(-1, start - 4), -1):
        if tokens[position].surface in ("「", "『"):
            before = tokens[max(0, position - 2) : position]
            return any(token.lemma in MEDIA_NOUNS for token in before)
    return False


def _not_only_a_dream(tokens: Tokens) -> bool:
    """Return whether the message wishes the dream were real: 夢じゃなくてもいい."""
    lemmas = [token.lemma for token in tokens]
    for position, lemma in enumerate(lemmas):
        following = lemmas[position + 1 : position + 5]
        if lemma == DREAM and following[:1] == ["だ"] and "無い" in following and "も" in following:
            return True
    return False


def _dream(tokens: Tokens, index: int) -> bool:
    """Return whether the phrase is a dream the sender had: 飛び降りる夢を見た."""
    start, end = sentence_bounds(tokens, index)
    for position in range(start, end - 1):
        if tokens[position].lemma == DREAM:
            # 夢を見た, 夢をよく見ます: one adverb may sit between を and 見る.
            following = [token.lemma for token in tokens[position + 1 : position + 4]]
            if SEE in following:
                # 飛び込む夢ばっかり見る。夢じゃなくてもいいかも: the dream is wished real.
                return not _not_only_a_dream(tokens)
    return False
