"""Risk words that name a word, a subject of study or a scare that turned out harmless.

- the word itself, taught or asked about: 娘に「リスカ」って言葉の意味を聞かれて,
  教科書に「遺書」という言葉が出てきて;
- a subject of study: リストカットをテーマに卒論を書いてます, and an example quoted in a lesson
  or a role play;
- a prop or make-up: お化け屋敷の首吊り人形, ハロウィンの切り傷メイク;
- a word replaced at once: 電車に飛び込む…じゃなくて、飛び乗る人生です;
- a scare the sender then explains away: 「ちょっと樹海行ってくる」って言うから焦ったけど、
  ただの観光ツアーだった.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import Tokens
from services.triage.morphology import is_sentence_end, sentence_bounds
from services.triage.signals import RiskKind, RiskSignal

CLOSING_QUOTES = frozenset({"」", "』", '"'})
OPENING_QUOTES = frozenset({"「", "『"})
# Marks a sender types before taking a word back: 飛び込む…じゃなくて (… reads as ".").
PAUSES = frozenset({".", "…", "、", "!"})
PROPS = frozenset({"人形", "マネキン", "模型", "小道具", "玩具", "おもちゃ", "メーク", "血糊"})
# Settings where a risk phrase is an example to practise on: 自殺予防, ロールプレイ (ロール +
# プレー). 授業 alone is left out: 授業に来なくなって、「もう薬集めた」と is a report.
LESSON_SETTINGS = frozenset({"予防", "プレー", "研修", "講座", "講習", "教材", "練習"})
# Words of teaching and asking that make a named word the topic: 意味を聞かれた, 説明したら.
LESSON_WORDS = frozenset(
    {"意味", "説明", "聞く", "教える", "覚える", "習う", "教科書", "授業", "辞書"}
)
# Kinds whose phrase is a noun of an act or a means (リスカ, 遺書), not a wish of the sender's.
NAMED_KINDS = frozenset({RiskKind.PLAN, RiskKind.SELF_HARM})
STUDY_WORDS = frozenset(
    {"テーマ", "卒論", "卒業論文", "論文", "レポート", "研究", "講義", "ゼミ", "授業"}
)
STUDY_WINDOW = 5
# をテーマに, の研究, について: the particle that makes the phrase the subject of study.
STUDY_LINKS = frozenset({"を", "の", "に"})
ACT = "行為"
# A start or a scare: 一瞬ドキッとした, 焦った, びびった, ヒヤッとした.
SCARES = frozenset({"どき", "焦る", "びびる", "ビビる", "冷やっ", "ひやっ", "ぎょっ", "びっくり"})
# けど and たら turn from the scare to what it really was.
TURNS = frozenset({"けれど", "けど", "が"})
TURN_SURFACES = frozenset({"たら"})
# ドキッとしたけど: the turn comes up to four morphemes after the scare.
TURN_WINDOW = 5
COPULAS = frozenset({"だ", "です"})
# Words that confirm the scare instead of explaining it away: 本当だった, やっぱり.
CONFIRMATIONS = frozenset({"本当", "本気", "矢張り", "やっぱり", "マジ", "傷", "跡", "薬"})
SCARE_WINDOW = 12
RESOLUTION_WINDOW = 16
MISTAKE = "勘違い"
SCARE_EXPLAINED = "驚いたが、別の事情だったと本人が説明している"


def mention_context(tokens: Tokens, found: RiskSignal) -> str | None:
    """Return why the phrase names a word, a subject of study or a scare, or None."""
    if found.kind in NAMED_KINDS and _word_taught(tokens, found.end):
        return "言葉そのものを教えたり尋ねたりしている"
    if _studied_subject(tokens, found.end):
        return "研究や論文のテーマとしての言及"
    if scare_explained(tokens, found.end):
        return SCARE_EXPLAINED
    if found.kind in NAMED_KINDS and _prop(tokens, found.end):
        return "作り物や小道具の話"
    if _lesson_quote(tokens, found):
        return "授業や研修で使われた例の引用"
    if _corrected(tokens, found.end):
        return "「〜じゃなくて」と言い直している"
    return None


def _word_taught(tokens: Tokens, end: int) -> bool:
    position = end
    while position < len(tokens) and tokens[position].surface in CLOSING_QUOTES:
        position += 1
    following = [token.lemma for token in tokens[position : position + 3]]
    if following[:2] == ["と", "言う"]:
        following = following[2:]
    elif following[:1] == ["って"]:
        following = following[1:]
    if not following or following[0] not in lex.WORD_NOUNS:
        return False
    start, sentence_end = sentence_bounds(tokens, end - 1)
    return any(token.lemma in LESSON_WORDS for token in tokens[start:sentence_end])


def _corrected(tokens: Tokens, end: int) -> bool:
    # 電車に飛び込む…じゃなくて、飛び乗る人生です: the phrase is replaced by the next one.
    position = end
    while position < len(tokens) and tokens[position].surface in PAUSES:
        position += 1
    following = [token.lemma for token in tokens[position : position + 3]]
    return following == ["だ", "無い", "て"]


def _prop(tokens: Tokens, end: int) -> bool:
    # お化け屋敷の首吊り人形: a doll or a prop, not a means.
    return end < len(tokens) and tokens[end].lemma in PROPS


def _lesson_quote(tokens: Tokens, found: RiskSignal) -> bool:
    """Return whether the phrase is quoted in a sentence about a lesson or a role play.

    学校で自殺予防の授業があって、「死にたい気持ちの友達がいたらどうする」ってロールプレイした.
    """
    if found.start < 0:
        return False
    start, end = sentence_bounds(tokens, found.start)
    quoted = any(token.surface in OPENING_QUOTES for token in tokens[start : found.start])
    if not quoted:
        return False
    return any(token.lemma in LESSON_SETTINGS for token in tokens[start:end])


def _studied_subject(tokens: Tokens, end: int) -> bool:
    # 自傷行為をテーマに, 自殺についての研究; in リスカしてる。授業にも出てない the lesson is
    # another sentence.
    following = []
    for token in tokens[end : end + STUDY_WINDOW]:
        if is_sentence_end(token):
            break
        following.append(token.lemma)
    if following[:1] == [ACT]:
        # 自傷行為をテーマに.
        following = following[1:]
    if not following or following[0] not in STUDY_LINKS:
        return False
    return any(lemma in STUDY_WORDS for lemma in following[1:])


def scare_explained(tokens: Tokens, end: int, window: int = SCARE_WINDOW) -> bool:
    """Return whether a scare follows the phrase and is explained as something else.

    ドキッとしたけど、バイトを辞める報告だった. The explanation must end in a copula in the past
    (だった, でした) or be 勘違い, and nothing in it may confirm the scare (本当だった).
    Farewell findings join phrases from the whole message, so they pass end 0 and a window
    of the whole message.
    """
    for position in range(end, min(len(tokens), end + window)):
        if tokens[position].lemma not in SCARES:
            continue
        turn = _turn_after(tokens, position)
        if turn is None:
            return False
        return _explained(tokens, turn)
    return False


def _turn_after(tokens: Tokens, position: int) -> int | None:
    for index in range(position + 1, min(len(tokens), position + TURN_WINDOW)):
        token = tokens[index]
        if token.lemma in TURNS or token.surface in TURN_SURFACES:
            return index + 1
    return None


def _explained(tokens: Tokens, start: int) -> bool:
    window = tokens[start : start + RESOLUTION_WINDOW]
    for offset, token in enumerate(window):
        if token.lemma in CONFIRMATIONS:
            return False
        if token.lemma == MISTAKE:
            return True
        following = window[offset + 1 : offset + 2]
        if token.lemma in COPULAS and following and following[0].lemma == "た":
            return True
    return False
