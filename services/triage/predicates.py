"""Read the auxiliaries after a verb: desire, negation, volition, conditions and denials.

Japanese marks these with morphemes that follow the verb (死に・たく・ない). The risk rules
look at a verb's "tail" of such morphemes instead of at fixed strings, so that they can
distinguish 死にたい, 死にたくなる, 死にたくない and 死にたいわけじゃない.
"""

from dataclasses import dataclass
from enum import Enum

from services.triage.morphology import Token, is_sentence_end

# Normalized forms as Sudachi gives them in a sentence: ない becomes 無い (see morphology),
# ぬ and ん become ず.
NEGATIONS = frozenset({"無い", "ず"})
# Morphemes that can stand inside a verb's tail without ending it.
TAIL_LEMMAS = frozenset(
    {
        "たい", "無い", "ず", "て", "で", "てる", "ちゃう", "仕舞う",
        "居る", "成る", "なれる", "来る", "なくなる", "た", "だ", "ば", "ます", "です",
        "せる", "させる", "れる", "られる", "う", "よう", "べい", "は", "も", "出来る",
        "良い", "欲しい", "下さる", "呉れる", "そう",
    }
)  # fmt: skip
TAIL_LIMIT = 8
RELIEF_WINDOW = 3
QUOTE_WINDOW = 8
# Words after 〜ば or 〜たら that mark the outcome as a relief: 死ねば楽, 死ねば全部解決する.
RELIEF_WORDS = frozenset({"楽", "良い", "増し", "解決", "幸せ", "済む", "すむ", "清々"})
GONE_VERBS = frozenset({"無くなる", "なくなる"})
# 死ねば、もう誰もけんかしなくなる: the trouble may take a few words more than a relief.
GONE_WINDOW = 8
DENIAL_WINDOW = 8
SELF_WORDS = frozenset({"私", "自分", "僕", "俺", "うち", "己", "わし"})
SUBJECT_PARTICLES = frozenset({"が", "は", "も", "なんて", "なんか", "って"})
OPENING_QUOTES = frozenset({"「", "『"})
CLOSING_QUOTES = frozenset({"」", "』"})
# Time words that open a sentence as its topic, not its subject: あとは静かに行けたら.
TOPIC_TIME_NOUNS = frozenset(
    {"後", "あと", "今", "いま", "今日", "今夜", "最近", "毎日", "毎晩", "夜"}
)
# Time words and まま stand bare before a verb without being its object: さっき切った,
# 眠ったまま終われたら.
BARE_TIME_NOUNS = TOPIC_TIME_NOUNS | frozenset(
    {"先", "さっき", "昨日", "明日", "今朝", "昨夜", "夕べ", "今回", "前回", "毎回", "久し振り",
     "時々", "侭"}
)  # fmt: skip
THOUGHT_VERBS = frozenset({"思う", "考える", "言う"})
REASON_NOUNS = frozenset({"訳"})
WISH_NOUNS = frozenset({"願望", "気", "気持ち", "積もり", "予定", "考え"})
PROHIBITIONS = frozenset({"行く", "駄目"})
# Judgments after 方が that prefer the act: 死んだ方がまし, いない方がみんな幸せ.
# 眠ったまま終わるほうが早い, 俺が死んだ方が早い: the act as the quicker way out.
PREFERABLE_WORDS = frozenset(
    {"良い", "増し", "楽", "幸せ", "助かる", "喜ぶ", "平和", "早い", "綺麗", "奇麗"}
)
PREFERABLE_GAP = 4
# いなくなったほうが、誰にも迷惑かけない: sparing others a burden prefers the act too.
BURDEN = "迷惑"
# 死にたいほどじゃない: a degree word and a negation deny the wish itself.
DEGREE_WORDS = frozenset({"ほど", "程", "くらい", "ぐらい"})
DEGREE_WINDOW = 3
# Negations after a thought verb still count up to this many words later:
# 死にたいと思ったことは一度もありません.
THOUGHT_NEGATION_WINDOW = 10
# Conjunctions after which a negation belongs to a new clause: 死にたいと思っても誰にも言えない.
CLAUSE_CONJUNCTIONS = frozenset({"から", "ので", "のに", "ば", "けれど"})
# Nouns that a denial of the thought may contain: 思ったことは一度もない, 思わない日はない.
# Any other noun starts a new predicate (言った顔が忘れられない, 考えるの普通じゃない).
DENIAL_NOUNS = frozenset(
    {
        "こと",
        "事",
        "訳",
        "日",
        "時",
        "一度",
        "度",
        "一回",
        "回",
        "瞬間",
        "覚え",
        "気持ち",
        "気",
        "思い",
        "考え",
        # 思うことは今はないよ, 最近はない: the time of the denial.
        "今",
        "最近",
    }
)
# Verbs that may stand in a denial of the thought: 思ったことはありません, 思ってもいない.
DENIAL_VERBS = frozenset({"有る", "居る", "出来る", "為る", "無くなる", "なくなる"})
# A feeling that does not vanish persists: 自殺したいという気持ちが消えません.
PERSIST_VERBS = frozenset(
    {"消える", "無くなる", "なくなる", "止まる", "離れる", "収まる", "薄れる"}
)
# 思うことはなくなった: the thought has stopped, which denies it like a negation.
CEASED_VERBS = frozenset({"無くなる", "なくなる"})
# Particles that may stand between たく and the negation: 死にたくなんかない.
EMPHATIC_PARTICLES = frozenset({"なんか", "なんて", "など"})
CONTRAST_PARTICLES = frozenset({"けれど", "が"})


E_ROW = "えけげせぜてでねへべぺめれ"
I_ROW = "いきぎしじちぢにひびぴみり"
U_ROW = "うくぐすずつぬぶむる"


class Desire(Enum):
    """Wish expressed by a verb's tail: the act, its absence, or no wish at all."""

    NONE = "none"
    WANT = "want"
    NOT_WANT = "not_want"


@dataclass(frozen=True)
class Tail:
    """The morphemes after a verb, up to the first word that is not an auxiliary."""

    lemmas: tuple[str, ...]
    end: int

    @property
    def desire(self) -> Desire:
        lemmas = [lemma for lemma in self.lemmas if lemma not in ("は", "も")]
        for index, lemma in enumerate(lemmas):
            if lemma == "たい":
                following = lemmas[index + 1 : index + 2]
                if following and following[0] in NEGATIONS:
                    return Desire.NOT_WANT
                return Desire.WANT
        return Desire.NONE

    @property
    def negated(self) -> bool:
        """Whether the verb itself is negated (死なない, 消えない), not a desire for it."""
        for lemma in self.lemmas:
            if lemma in NEGATIONS:
                return True
            if lemma == "たい":
                return False
        return False


def verb_tail(tokens: tuple[Token, ...], index: int) -> Tail:
    """Collect the auxiliaries that follow the verb at tokens[index]."""
    lemmas: list[str] = []
    position = index + 1
    while position < len(tokens) and len(lemmas) < TAIL_LIMIT:
        token = tokens[position]
        if _emphasized_negation(tokens, position, lemmas):
            # 死にたくなんかない: the particle stays out, so the negation follows たい.
            position += 1
            continue
        if is_sentence_end(token) or token.lemma not in TAIL_LEMMAS:
            break
        lemmas.append(token.lemma)
        position += 1
    return Tail(tuple(lemmas), position)


def progressive_tail(tokens: tuple[Token, ...], index: int) -> Tail:
    """Collect the tail through the auxiliary 行く: 消えていければ, 歩いていこう, 弱っていけば.

    The tail of 行く joins the verb's, so 消えていきたい reads like 消えたい.
    """
    tail = verb_tail(tokens, index)
    if tail.lemmas[-1:] not in (("て",), ("で",)) or tail.end >= len(tokens):
        return tail
    going = tokens[tail.end]
    if going.lemma != "行く" or going.pos_detail != "非自立可能":
        return tail
    following = verb_tail(tokens, tail.end)
    return Tail((*tail.lemmas, "行く", *following.lemmas), following.end)


def _emphasized_negation(tokens: tuple[Token, ...], position: int, lemmas: list[str]) -> bool:
    """Return whether なんか or なんて comes between たく and its negation."""
    if not lemmas or lemmas[-1] != "たい" or tokens[position].lemma not in EMPHATIC_PARTICLES:
        return False
    return position + 1 < len(tokens) and tokens[position + 1].lemma in NEGATIONS


def is_volitional(tokens: tuple[Token, ...], index: int, tail: Tail) -> bool:
    """Whether the verb is volitional: 死のう, 消えよう, or Tohoku 死ぬべ."""
    if tokens[index].conjugation.startswith("意志推量形"):
        return True
    for token in tokens[index + 1 : tail.end]:
        if token.lemma == "そう" and token.pos == "形状詞":
            # 死にそうだべ: a guess about how it looks, which the べ that follows keeps.
            return False
        if token.conjugation.startswith("意志推量形") or token.lemma == "べい":
            return True
        # The auxiliary よう is volitional; the noun-like よう of 死んだように is likeness.
        if token.lemma in ("う", "よう") and token.pos == "助動詞":
            return True
    return False


def conditional_relief(tokens: tuple[Token, ...], index: int, tail: Tail) -> bool:
    """Return whether the verb is followed by a wish that it happen.

    Examples: 〜ばいい, 〜たら楽, 〜なきゃよかった.
    """
    return relief_end(tokens, index, tail) is not None


def relief_end(tokens: tuple[Token, ...], index: int, tail: Tail) -> int | None:
    """Return the end of 〜ばいい or 〜たら楽 after the verb (いなければ家族は幸せ), or None."""
    surfaces = [token.surface for token in tokens[index + 1 : tail.end]]
    has_condition = "ば" in tail.lemmas or any(_is_conditional(s) for s in surfaces)
    if not has_condition:
        return None
    if "良い" in tail.lemmas:
        return tail.end
    window_end = min(len(tokens), tail.end + RELIEF_WINDOW)
    for position in range(tail.end, window_end):
        if tokens[position].lemma in RELIEF_WORDS:
            return position + 1
    # 死ねば借金はなくなる, ぼくが死ねばけんかしなくなる: a trouble that ends with the death.
    lemmas = [token.lemma for token in tokens[tail.end : tail.end + GONE_WINDOW]]
    for offset, lemma in enumerate(lemmas):
        if lemma in GONE_VERBS or (lemma == "無い" and lemmas[offset + 1 : offset + 2] == ["成る"]):
            return tail.end + offset + (1 if lemma in GONE_VERBS else 2)
    return None


def _is_conditional(surface: str) -> bool:
    # たら, だら, and the spoken なきゃ and なけりゃ (from なければ).
    return surface in ("たら", "だら") or surface.endswith(("きゃ", "けりゃ"))


def thinking_about(tokens: tuple[Token, ...], tail: Tail) -> bool:
    """Whether the verb is the topic of thought: 死ぬことばかり考えてる, 消えることを考える."""
    following = [token.lemma for token in tokens[tail.end : tail.end + 4]]
    return following[:1] == ["こと"] and any(lemma in THOUGHT_VERBS for lemma in following[1:])


def quoted_at_sender(tokens: tuple[Token, ...], end: int) -> bool:
    """Return whether the phrase ending at end is quoted as addressed to the sender.

    Example: 〜って言われた.
    """
    window = tokens[end : end + QUOTE_WINDOW]
    lemmas = [token.lemma for token in window]
    for position, lemma in enumerate(lemmas):
        if lemma == "言う":
            passive = lemmas[position + 1 : position + 2] in (["れる"], ["られる"])
            return passive and any(quote in lemmas[:position] for quote in ("って", "と"))
    return False


def preferable(tokens: tuple[Token, ...], tail: Tail) -> int | None:
    """Return the end of 方がいい, 方がまし or 方がみんな幸せ after the verb, or None.

    Up to PREFERABLE_GAP words may stand between 方が and the judgment (方がみんな幸せ).
    """
    window = [token.lemma for token in tokens[tail.end : tail.end + 2 + PREFERABLE_GAP + 1]]
    if window[:1] != ["方"]:
        return None
    # Spoken Japanese drops が: 消えたほういいんだべ.
    start = 2 if window[1:2] == ["が"] else 1
    for offset, lemma in enumerate(window[start:], start=start):
        if lemma in PREFERABLE_WORDS:
            return tail.end + offset + 1
        if lemma == BURDEN:
            return _spared_burden(tokens, tail.end + offset)
        if lemma in NEGATIONS:
            return None
    return None


def _spared_burden(tokens: tuple[Token, ...], position: int) -> int | None:
    # 迷惑かけない, 迷惑がかからない: a negation within the next few words.
    for offset in range(position + 1, min(len(tokens), position + 4)):
        if tokens[offset].lemma in NEGATIONS:
            return offset + 1
    return None


TRAILING_DOTS = frozenset({".", "…", "・", "。。", "..."})


def denied(tokens: tuple[Token, ...], tail: Tail) -> bool:
    """Whether the sentence goes on to deny the thought (死にたいとは思わない, 〜わけじゃない).

    Two negations cancel (死にたいって思わない日はない), so only an odd count denies.
    """
    window_end = min(len(tokens), tail.end + DENIAL_WINDOW)
    if _wish_noun_denied(tokens, tail.end) or _degree_denied(tokens, tail.end):
        return True
    if _expected_otherwise(tokens, tail.end):
        return True
    for position in range(tail.end, window_end):
        token = tokens[position]
        if position == tail.end and token.surface in TRAILING_DOTS:
            # 死にたい…とは思ってない: the ellipsis only pauses before the denial.
            continue
        if is_sentence_end(token) or is_contrast(token):
            return False
        if token.lemma == "しか":
            # 死にたいとしか思えない: しか〜ない means "only", not a denial.
            return False
        if token.lemma in THOUGHT_VERBS or token.lemma in REASON_NOUNS:
            negation_end = min(len(tokens), position + 1 + THOUGHT_NEGATION_WINDOW)
            negations = _count_negations(tokens, position + 1, negation_end)
            return negations % 2 == 1
    return False


def _expected_otherwise(tokens: tuple[Token, ...], position: int) -> bool:
    """Return whether 死にたくなるかと思ったけど: a feeling expected that did not come."""
    following = tokens[position : position + 5]
    if [token.lemma for token in following[:4]] != ["か", "と", "思う", "た"]:
        return False
    return following[4:5] != () and following[4].surface in ("けど", "けれど", "けれども", "が")


def _degree_denied(tokens: tuple[Token, ...], position: int) -> bool:
    while position < len(tokens) and tokens[position].surface in TRAILING_DOTS:
        # 死にたい…ってほどではない: the ellipsis only pauses before the measure.
        position += 1
    if position < len(tokens) and tokens[position].lemma in ("って", "と"):
        # いなくなりたいってほどじゃない.
        position += 1
    if position >= len(tokens) or tokens[position].lemma not in DEGREE_WORDS:
        return False
    window = tokens[position + 1 : position + 1 + DEGREE_WINDOW]
    return any(token.lemma in NEGATIONS for token in window)


def _wish_noun_denied(tokens: tuple[Token, ...], position: int) -> bool:
    """Return whether a wish noun right after the phrase is denied.

    Examples: 死にたい気持ちはない, 自殺願望なんてない, 死にたい気持ちは消えた.
    """
    if position >= len(tokens) or tokens[position].lemma not in WISH_NOUNS:
        return False
    for index in range(position + 1, min(len(tokens), position + 4)):
        token = tokens[index]
        if token.lemma == "無い" and token.pos == "形容詞":
            return True
        if token.lemma == "有る":
            # 自殺願望はありません: ある denied in the polite form.
            following = [other.lemma for other in tokens[index + 1 : index + 3]]
            return following in (["ます", "ず"], ["無い"]) or following[:1] == ["無い"]
        if token.lemma in PERSIST_VERBS:
            return _vanished(tokens, index + 1, len(tokens))
        if token.lemma not in SUBJECT_PARTICLES and token.pos != "副詞":
            return False
    return False


# 来ないうちに, 寝ているうちに: a time clause with its own subject.
WHILE_NOUNS = frozenset({"うち", "内"})


def subject_of(tokens: tuple[Token, ...], index: int) -> str | None:
    """Return the noun marked as subject before tokens[index] in its sentence, if any.

    The search stops at an opening quote, because inside 夫が「俺なんかいない方がいい」 the
    quote has its own speaker, and at another verb, because in 面談の日が近づくたびに消えたい the
    subject belongs to 近づく. A time word marked as topic (あとは静かに, 今は) is no subject.
    """
    position = index - 1
    while position > 0 and not is_sentence_end(tokens[position]):
        token = tokens[position]
        previous = tokens[position - 1]
        if token.surface in OPENING_QUOTES:
            return None
        if token.pos == "動詞" and token.pos_detail == "一般":
            return None
        if (
            token.lemma == "無い"
            and token.pos == "形容詞"
            and token.conjugation.startswith("連用形")
        ):
            # 子も無く死ぬ事ばかり考えて: 無く closes an earlier clause (早く does not).
            return None
        if token.lemma in ("は", "も") and previous.lemma in TOPIC_TIME_NOUNS:
            position -= 2
            continue
        if token.pos_detail == "接続助詞":
            # 友達が少なくて死にたい: a subject before て belongs to the earlier clause.
            return None
        if token.lemma in WHILE_NOUNS and previous.pos in ("動詞", "助動詞"):
            # 出番が来ないうちに死ねたら: the subject belongs to the clause before うち.
            return None
        if previous.surface == "か" and previous.lemma == "彼":
            # なにもかも: Sudachi reads its か as the pronoun 彼.
            position -= 2
            continue
        if token.lemma in SUBJECT_PARTICLES and previous.pos in ("名詞", "代名詞"):
            return _self_listed(tokens, position) or _owner_of(tokens, position - 1)
        if token.lemma in SUBJECT_PARTICLES and previous.pos == "接尾辞" and position > 1:
            # ばあちゃんが is ばあ + ちゃん + が: the subject is the noun before the suffix.
            noun = tokens[position - 2]
            if noun.pos in ("名詞", "代名詞"):
                return noun.lemma
        if token.lemma in SUBJECT_PARTICLES and previous.lemma in SUBJECT_PARTICLES:
            # 私なんかが: step over the stacked particles to the noun.
            position -= 1
            continue
        position -= 1
    return None


def _owner_of(tokens: tuple[Token, ...], position: int) -> str | None:
    """Return the noun at position, or its owner when it is 方 (私のほうが先に → 私)."""
    noun = tokens[position].lemma
    if noun == "方" and position >= 2 and tokens[position - 1].lemma == "の":
        return tokens[position - 2].lemma
    return None if noun == "方" else noun


def _self_listed(tokens: tuple[Token, ...], particle: int) -> str | None:
    """Return a self word listed with も before the subject: 私もお腹の子も消えてしまえたら."""
    if tokens[particle].lemma != "も":
        return None
    for position in range(particle - 2, max(0, particle - 6), -1):
        if tokens[position].lemma == "も" and tokens[position - 1].lemma in SELF_WORDS:
            return tokens[position - 1].lemma
    return None


def object_of(tokens: tuple[Token, ...], index: int, topic_markers: bool = False) -> str | None:
    """Return the noun marked with を before tokens[index] (関係を終わりにしたい).

    With topic_markers, a noun marked with は or も counts too (仕事は終わりにしたい).
    """
    markers = ("を", "は", "も") if topic_markers else ("を",)
    position = index - 1
    while position >= 0 and not is_sentence_end(tokens[position]):
        token = tokens[position]
        if token.pos == "名詞" and position == index - 1 and token.lemma not in BARE_TIME_NOUNS:
            # 全部終わりにしたい: a bare noun right before the predicate acts as its object.
            return token.lemma
        if position == 0 or _ends_earlier_clause(token) or token.pos == "動詞":
            # 何を言っても『うざい』で終わる, 回復を待つより眠ったまま終わる: the object belongs
            # to the earlier verb.
            return None
        previous = tokens[position - 1]
        if token.lemma in markers and previous.pos in ("名詞", "代名詞"):
            if token.lemma != "を" and previous.lemma in BARE_TIME_NOUNS:
                # 昨日もカミソリで切った: a time word marked as topic is no object.
                position -= 2
                continue
            if previous.lemma == "方" and position >= 3 and tokens[position - 2].lemma == "の":
                # 仕事じゃなくて人生の方を辞めたい: the noun before の方 is the object.
                return tokens[position - 3].lemma
            return previous.lemma
        position -= 1
    return None


def after_nara(tokens: tuple[Token, ...], index: int) -> bool:
    """Return whether なら comes right before tokens[index]: 別れるなら死ぬ."""
    return index > 0 and _is_nara(tokens[index - 1])


def _is_nara(token: Token) -> bool:
    return token.lemma == "だ" and token.conjugation.startswith("仮定形")


def _ends_earlier_clause(token: Token) -> bool:
    # A conjunctive particle (言っても, 食べて) or なら (するくらいなら) closes a clause.
    if token.pos_detail == "接続助詞":
        return True
    return _is_nara(token)


def _starts_new_predicate(token: Token) -> bool:
    if token.pos in ("名詞", "代名詞", "形状詞"):
        return token.lemma not in DENIAL_NOUNS and token.pos_detail != "数詞"
    if token.pos == "動詞":
        return token.lemma not in DENIAL_VERBS and token.lemma not in PERSIST_VERBS
    return token.pos == "形容詞" and token.lemma != "無い"


def is_potential(token: Token) -> bool:
    """Return whether a godan verb is in its potential form: 終われたら, 死ねたら, 行けたら.

    Sudachi gives the potential the lemma of the plain verb (終われ is 終わる), so the form is
    read from the spelling: an e-row ending on a verb whose lemma ends in the u row. Ichidan
    verbs (消える, 起きる) end in え or い before る and take られる instead.
    """
    if token.pos != "動詞" or len(token.lemma) < 2 or not token.surface:
        return False
    surface = token.surface
    if surface[-1] == "る" and surface != token.lemma and len(surface) >= 2:
        # 終われる, 死ねる: the attributive potential ends in e-row + る.
        surface = surface[:-1]
    if surface[-1] not in E_ROW or token.lemma[-1] not in U_ROW:
        return False
    return token.lemma[-2] not in E_ROW + I_ROW


def is_contrast(token: Token) -> bool:
    """Return whether the token starts a contrasting clause (けど, conjunctive が, 接続詞)."""
    if token.lemma == "が":
        return token.pos_detail == "接続助詞"
    return token.lemma in CONTRAST_PARTICLES or token.pos == "接続詞"


def is_self(subject: str | None) -> bool:
    return subject is None or subject in SELF_WORDS


def _vanished(tokens: tuple[Token, ...], start: int, end: int) -> bool:
    """Return whether a verb of vanishing ends its sentence in the plain past (消えました)."""
    following = [t for t in tokens[start : min(end, start + 4)] if t.lemma != "ます"]
    if not following or following[0].lemma != "た":
        return False
    if not following[0].conjugation.startswith("終止形"):
        return False
    return len(following) == 1 or is_sentence_end(following[1])


def _count_negations(tokens: tuple[Token, ...], start: int, end: int) -> int:
    """Count the negations of the thought verb before tokens[start].

    Counting stops where another predicate starts: a clause conjunction, a noun that is not
    part of a denial (思ったことは一度もない), or any other verb (言って部屋から出てこない). A
    negation of a verb of vanishing keeps the thought alive (気持ちが消えない), and
    なくなる after the thought ends it (思うことはなくなった).
    """
    count = 0
    previous: Token | None = None
    for index, token in enumerate(tokens[start:end], start=start):
        if is_sentence_end(token) or is_contrast(token):
            break
        if token.pos_detail == "接続助詞" and token.lemma in CLAUSE_CONJUNCTIONS:
            break
        if _starts_new_predicate(token):
            break
        if token.lemma in CEASED_VERBS:
            following = [t.lemma for t in tokens[index + 1 : index + 3] if t.lemma != "ます"]
            if not (following and following[0] in NEGATIONS):
                count += 1
            previous = token
            continue
        if token.lemma in NEGATIONS and previous is not None and previous.lemma in PERSIST_VERBS:
            previous = token
            continue
        if token.lemma == "ます" and previous is not None and previous.lemma in PERSIST_VERBS:
            # 消えません: ます stands between the verb of vanishing and its negation.
            continue
        if token.lemma in PERSIST_VERBS and _vanished(tokens, index + 1, end):
            # 気持ちは消えました: the thought has gone, which denies it like a negation.
            count += 1
        if token.lemma == "も" and index > start and tokens[index - 1].lemma in ("て", "で"):
            # 思っても starts a new clause (思っても誰にも言えない), but 思ってもいない and
            # 思ってもない deny the thought.
            following = [t.lemma for t in tokens[index + 1 : index + 3]]
            if not (following[:1] and (following[0] in NEGATIONS or following == ["居る", "無い"])):
                break
        # 思っちゃいけない (must not think) forbids the thought instead of denying it.
        if token.lemma in NEGATIONS and not (previous and previous.lemma in PROHIBITIONS):
            count += 1
        previous = token
    return count
