"""How a risk phrase is framed, when the frame makes it harmless: a measure, a joke, a form.

risk_context.py calls these after its own checks. Each frame is read around the phrase only:

- a measure of something else: 死んだ方がましってぐらい腰が痛い, 人生ログアウトしたい…ってくらい
  メールが多い, and without って only a passing state: 消えたいくらい眠い (but
  消えてしまいたいくらいです, 死にたいくらいつらい and 死にたいくらい痛い stay urgent);
- a joke declared: 死にたい、は冗談だけど;
- heat: 暑すぎて溶けて消えたい;
- an item on a form: 申請書に「自傷・他害の有無」という欄, 問診票に「自傷行為はありますか」;
- a phrase asked about as words: 手話で『死にたい』をどう表現するか;
- a stranger's post: 知らない人の「死にたい」って投稿を見て;
- a quote that copies a drama: 「私が死んだら泣いてくれる?」…恋愛ドラマの影響らしい;
- a quote explained as a chore: 「もう無理しぬ」って送った…課題の量の話ね;
- a quote brushed off: 『宿題するなら死ぬ方がいい』とか言ってる。ただの宿題ぎらい;
- a quote called a joke: 冗談で『飛び降りたい』って言ったら, 「…」って言うけど冗談なんです;
- a quote explained once the sender asked: 聞いたら歌詞だった, 調べ学習をしてただけでした.
"""

from services.triage import risk_lexicon as lex
from services.triage.morphology import Token, is_sentence_end, sentence_bounds
from services.triage.signals import RiskKind, RiskSignal

Tokens = tuple[Token, ...]
DEGREE_WORDS = frozenset({"くらい", "ぐらい", "ほど", "程"})
LEVEL = "レベル"
MEASURE_WINDOW = 10
ELLIPSES = frozenset({"…", ".", ".."})
# Feelings that a measure makes stronger rather than harmless: 死にたいくらいつらい.
DISTRESS_WORDS = frozenset(
    {"辛い", "苦しい", "しんどい", "悲しい", "寂しい", "嫌", "疲れる", "落ち込む", "孤独", "絶望",
     "だ", "です", "追い詰める", "痛む"}
)  # fmt: skip
# States that a measure without って exaggerates harmlessly: 消えたいくらい眠い.
TRIVIAL_STATES = frozenset(
    {
        "眠い",
        "眠たい",
        "暇",
        "面倒",
        "面倒臭い",
        "御腹",
        "腹",
        "腹ぺこ",
        "寒い",
        "暑い",
        "布団",
        "気持ち",
        "心地良い",
    }
)
JOKE_WORDS = frozenset({"冗談", "嘘", "ネタ"})
HEAT_WORDS = frozenset({"暑い", "暑さ", "猛暑", "熱中症"})
FORM_WORDS = frozenset(
    {"申請書", "問診票", "書類", "欄", "項目", "アンケート", "診断書", "用紙", "チェックリスト",
     "質問票", "調査票"}
)  # fmt: skip
HOW = frozenset({"どう", "どの"})
STRANGERS = frozenset({"知る", "見知らぬ"})
INFLUENCE = "影響"
# 課題の量の話ね, バイトの話です: a quote explained as talk about a chore.
CHORES = frozenset(
    {"課題", "宿題", "テスト", "試験", "仕事", "バイト", "部活", "残業", "レポート", "締め切り"}
)
TALK = "話"
BRUSH_OFF = frozenset({"只", "ただ"})
WISH_KINDS = frozenset({RiskKind.IDEATION, RiskKind.PASSIVE_IDEATION})
OPENING_QUOTES = frozenset({"「", "『"})
CLOSING_QUOTES = frozenset({"」", "』"})
# 冗談で『飛び降りたい』って言った: 嘘 is left out because 嘘じゃない reads as a confirmation.
QUOTE_JOKES = frozenset({"冗談", "ネタ"})
COPULAS = frozenset({"だ", "です"})
# 冗談なんです, 冗談だったよ: endings after the copula that keep the statement plain.
ASSERTION_ENDINGS = frozenset({"の", "ん", "です", "だ", "た", "よ", "ね", "な"})
# 本当は, 本気だった, 本気で言ってる: the sender takes back the joke.
EARNEST = "本気"
REALLY = "本当"
SAYING = frozenset({"言う", "思う"})
# Sources that explain the quoted words once the sender asked: 歌詞だった, 授業の課題だった.
HARMLESS_SOURCES = frozenset(
    {"歌詞", "曲", "歌", "授業", "宿題", "課題", "学習", "調べ学習", "ゲーム", "ドラマ", "漫画",
     "アニメ", "台詞", "セリフ", "冗談", "ネタ"}
)  # fmt: skip
# 聞いたら, 安心した, ホッとした: the sender checked and was reassured.
REASSURANCE = frozenset({"安心", "ほっと", "ホッと"})
ASK = "聞く"
ONLY = "だけ"
# 冗談ぽく、でも目が笑ってなかった: the eyes that do not laugh belie the joke.
BELIED_WINDOW = 14
EYE = "目"
LAUGH = "笑う"
NOT = "無い"


def hedged_context(tokens: Tokens, found: RiskSignal) -> str | None:
    """Return why the framing of the phrase makes it harmless, or None."""
    if found.start < 0:
        return None
    if found.kind in WISH_KINDS and _measures_else(tokens, found.end):
        return "別のことの程度を強調する言い回し"
    if _joke_declared(tokens, found.end) and not _joke_belied(tokens, found.end):
        return "冗談だと断っている"
    if found.kind in WISH_KINDS and _heat_before(tokens, found.start):
        return "暑さを誇張した言い回し"
    quote = _quote_around(tokens, found)
    if quote is None:
        return None
    opening, closing = quote
    if _on_a_form(tokens, found.start):
        return "書類や問診票の項目としての言葉"
    if _asked_how(tokens, closing):
        return "言葉としての引用"
    if _strangers_post(tokens, opening):
        return "見知らぬ人の投稿として見た言葉"
    if _copies_media(tokens):
        return "ドラマなどの影響を受けた言葉の引用"
    if _explained_as_chore(tokens, closing):
        return "課題や仕事の大変さを誇張した言葉の引用"
    if _brushed_off(tokens, closing):
        return "本気ではないと受け流された言葉の引用"
    if _called_a_joke(tokens, opening, closing):
        return "冗談として言った言葉の引用"
    if _explained_after_asking(tokens, closing):
        return "確かめたら別の意味だったと分かった言葉の引用"
    return None


def _measures_else(tokens: Tokens, end: int) -> bool:
    """Return whether the phrase measures another thing: 死んだ方がましってぐらい腰が痛い."""
    for position in range(end, min(len(tokens), end + MEASURE_WINDOW)):
        token = tokens[position]
        if token.lemma == LEVEL and tokens[position - 1].lemma == "だ":
            # 花粉症、死んだ方がマシなレベル。目がかゆすぎる: a level of something else.
            return _names_other_thing(tokens, position + 1)
        if token.lemma in DEGREE_WORDS:
            quoted = tokens[position - 1].lemma in ("って", "と", "言う")
            if quoted:
                return _names_other_thing(tokens, position + 1)
            return _names_trivial_state(tokens, position + 1)
        if is_sentence_end(token) and token.surface not in ELLIPSES:
            # 人生ログアウトしたい…ってくらい: an ellipsis does not end the measure.
            return False
    return False


def _names_other_thing(tokens: Tokens, position: int) -> bool:
    # 腰が痛い, 眠い, 布団が好き, メールが多い: what follows is not a feeling of despair.
    following = [token for token in tokens[position : position + 4] if token.pos != "補助記号"]
    if not following or following[0].lemma in DISTRESS_WORDS:
        return False
    return not any(token.lemma in DISTRESS_WORDS for token in following)


def _names_trivial_state(tokens: Tokens, position: int) -> bool:
    # 消えたいくらい眠い: without って, only a passing bodily state or boredom makes the
    # measure harmless. 死にたいくらい痛い may be about pain that the sender cannot bear.
    following = [token for token in tokens[position : position + 4] if token.pos != "補助記号"]
    if not following or following[0].lemma not in TRIVIAL_STATES:
        return False
    return not any(token.lemma in DISTRESS_WORDS for token in following)


def _joke_declared(tokens: Tokens, end: int) -> bool:
    # 死にたい、は冗談だけど.
    lemmas = [token.lemma for token in tokens[end : end + 4] if token.lemma != "、"]
    return (
        lemmas[:1] in (["は"], ["って"], ["なんて"])
        and lemmas[1:2] != []
        and lemmas[1] in JOKE_WORDS
    )


def _joke_belied(tokens: Tokens, end: int) -> bool:
    """Return whether the joke is belied after it: 冗談ぽく、でも目が笑ってなかった."""
    lemmas = [token.lemma for token in tokens[end : end + BELIED_WINDOW]]
    for position, lemma in enumerate(lemmas[:-3]):
        if lemma == EYE and lemmas[position + 1] == "が" and lemmas[position + 2] == LAUGH:
            return NOT in lemmas[position + 3 : position + 6]
    return False


def _heat_before(tokens: Tokens, start: int) -> bool:
    # 暑すぎて溶けて消えたい: heat leads into the wish with て, in the same sentence.
    before = tokens[max(0, start - 6) : start]
    for offset, token in enumerate(before):
        if token.lemma in HEAT_WORDS:
            later = before[offset + 1 :]
            if any(is_sentence_end(t) for t in later):
                return False
            return any(t.lemma in ("て", "で") for t in later)
    return False


def _quote_around(tokens: Tokens, found: RiskSignal) -> tuple[int, int] | None:
    """Return the positions of the brackets around the phrase, if it is quoted."""
    opening = None
    for position in range(found.start - 1, max(-1, found.start - 12), -1):
        surface = tokens[position].surface
        if surface in CLOSING_QUOTES:
            return None
        if surface in OPENING_QUOTES:
            opening = position
            break
    if opening is None:
        return None
    for position in range(found.end, min(len(tokens), found.end + 12)):
        if tokens[position].surface in CLOSING_QUOTES:
            return opening, position
    return None


def _on_a_form(tokens: Tokens, start: int) -> bool:
    sentence_start, sentence_end = sentence_bounds(tokens, start)
    return any(token.lemma in FORM_WORDS for token in tokens[sentence_start:sentence_end])


def _asked_how(tokens: Tokens, closing: int) -> bool:
    # 『死にたい』をどう表現するか: the quoted words are the object of how to say them.
    lemmas = [token.lemma for token in tokens[closing + 1 : closing + 3]]
    return lemmas[:1] == ["を"] and lemmas[1:2] != [] and lemmas[1] in HOW


def _strangers_post(tokens: Tokens, opening: int) -> bool:
    # 知らない人の「死にたい」って投稿: the words belong to someone the sender does not know.
    before = [token.lemma for token in tokens[max(0, opening - 4) : opening]]
    return before[-2:] == ["人", "の"] and bool(STRANGERS & set(before))


def _copies_media(tokens: Tokens) -> bool:
    # 恋愛ドラマの影響らしい: the person is copying a drama.
    for position in range(2, len(tokens)):
        if tokens[position].lemma == INFLUENCE and tokens[position - 1].lemma == "の":
            if tokens[position - 2].lemma in lex.MEDIA_WORDS:
                return True
    return False


def _explained_as_chore(tokens: Tokens, closing: int) -> bool:
    # 課題の量の話ね: a later sentence says what the quoted words were about.
    for position in range(closing + 1, len(tokens)):
        if tokens[position].lemma != TALK or tokens[position - 1].lemma != "の":
            continue
        before = {token.lemma for token in tokens[max(0, position - 5) : position]}
        if before & CHORES:
            return True
    return False


def _brushed_off(tokens: Tokens, closing: int) -> bool:
    # 『…』とか言ってる。ただの宿題ぎらい: reported loosely, then called nothing but a dislike.
    lemmas = [token.lemma for token in tokens[closing + 1 : closing + 4]]
    if lemmas[:2] != ["と", "か"] or "言う" not in lemmas[2:]:
        return False
    return any(token.lemma in BRUSH_OFF for token in tokens[closing:])


def _called_a_joke(tokens: Tokens, opening: int, closing: int) -> bool:
    """Return whether the message calls the quote a joke and never takes that back.

    冗談で『飛び降りたい』って言った and 「…」って言うけど冗談なんです count;
    冗談じゃなく and 本当は or 本気だった after it do not.
    """
    if _takes_back(tokens, closing):
        return False
    start, _ = sentence_bounds(tokens, opening)
    for position in range(start, opening):
        # 冗談で『…』: the joke named in the sentence before the quote.
        if tokens[position].lemma in QUOTE_JOKES and tokens[position + 1].surface == "で":
            return True
    return any(
        tokens[position].lemma in QUOTE_JOKES and _asserted(tokens, position + 1)
        for position in range(closing + 1, len(tokens))
    )


def _asserted(tokens: Tokens, position: int) -> bool:
    """Return whether a plain copula closes the sentence after the noun: 冗談なんです, 冗談だった.

    冗談だと思いたい, 冗談なのか分からない and 冗談だべって笑った only doubt the joke.
    """
    following = tokens[position : position + 5]
    if not following or following[0].lemma not in COPULAS:
        return False
    for token in following[1:]:
        if is_sentence_end(token):
            return True
        if token.lemma not in ASSERTION_ENDINGS:
            return False
    return len(following) < 5


def _takes_back(tokens: Tokens, closing: int) -> bool:
    # 本当は死にたい, 本気だった, 本気で言ってる; 本気で心配された is about someone else.
    for position in range(closing + 1, len(tokens)):
        lemma = tokens[position].lemma
        following = [token.lemma for token in tokens[position + 1 : position + 3]]
        if lemma == REALLY and following[:1] == ["は"]:
            return True
        if lemma != EARNEST or not following or following[0] not in COPULAS:
            continue
        after = tokens[position + 2] if position + 2 < len(tokens) else None
        if after is None or is_sentence_end(after) or after.lemma in SAYING | {"た", "の"}:
            return True
    return False


def _explained_after_asking(tokens: Tokens, closing: int) -> bool:
    """Return whether the sender asked or was reassured, and the quote turned out harmless.

    本人に聞いたら好きなバンドの歌詞だった and 聞いたら調べ学習をしてただけでした count.
    """
    later = tokens[closing + 1 :]
    lemmas = {token.lemma for token in later}
    asked = any(
        token.lemma == ASK and tokens[closing + 2 + offset].lemma == "た"
        for offset, token in enumerate(later[:-1])
    )
    if not (asked or lemmas & REASSURANCE):
        return False
    for position in range(closing + 1, len(tokens) - 2):
        lemma = tokens[position].lemma
        following = [token.lemma for token in tokens[position + 1 : position + 3]]
        if following[:1] != [] and following[0] in COPULAS and following[1:] == ["た"]:
            # 歌詞だった, 調べ学習をしてただけでした.
            if lemma in HARMLESS_SOURCES or lemma == ONLY:
                return True
    return False
