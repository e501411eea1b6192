"""Exits from life in everyday words, and deaths given a date or a disguise.

- leaving life as one leaves a meeting: 人生ごと欠席する予定, 世界から退出予定, 人生から退場したい;
- 人間やめたい: to stop being human at all;
- 自分で余命決めました: a time left that the sender set;
- 来年の私はいないので: the sender absent from next year;
- 入学式の前に死ぬ, 卒業式までに死ぬ: a death announced before a date;
- どうやったら事故っぽく見えるかな, beside the sender's death: a death made to look like an
  accident;
- 雪の中を歩いていけばいい。そう決めたら気持ちが軽くなりました: a walk into the snow, settled on;
- 着物のこと、姉に頼んでおいた。その日の娘を私は見られないから: a family day not to be seen,
  its arrangements handed over;
- 私が死んでも気づかれるの1ヶ月後とかだよ。ためしてみる？: one's own death offered as a test;
- 雪の中に寝転がって、春まで見つからなければいい: lying where no one will find the body;
- 樹海ツアーの下見いこうかな: a place of dying scouted;
- お風呂の排水口が赤い。またやった: blood, then the act done again;
- 価値のない私に食べる資格なんてない: food refused as a punishment;
- 2階の窓から身を乗り出してて、引き戻した: leaning out of a window, unless to see a view,
  take a photograph or wave.

グループから退出, 人間やめたいくらい恥ずかしい, 医者に余命を告げられた, 来年の私は東京にいない
and 入学式の前に死ぬほど緊張 are no exits.
"""

from collections.abc import Callable

from services.triage import risk_lexicon as lex
from services.triage.findings import Tokens, note, signal
from services.triage.morphology import is_sentence_end, sentence_bounds
from services.triage.predicates import NEGATIONS, is_self, subject_of, verb_tail
from services.triage.signals import RiskKind, RiskNote, RiskSignal

# 人生ごと, 世界から, この世から: the whole of life or the world as what is left.
LIFE_WHOLE = frozenset({"人生", "世界", "此の世", "この世"})
WHOLE_LINKS = frozenset({"毎", "から"})
EXIT_NOUNS = frozenset({"欠席", "退出", "退場", "退会", "脱退", "ログアウト"})
# Words that make the exit meant: a plan, a wish or a plain statement of it.
MEANT_WORDS = frozenset({"予定", "積もり", "たい", "為る", "ます"})
HUMAN = "人間"
QUIT = frozenset({"やめる", "辞める", "止める"})
TIME_LEFT = "余命"
DECIDE = "決める"
BY_ONESELF = ("自分", "で")
# 来年の私はいない: a later time, then the sender.
LATER_TIMES = lex.FUTURE_TIMES | frozenset({"来月", "来週"})
# 入学式の前に死ぬ, 卒業式までに死ぬ: a date before which the sender dies.
BEFORE_LINKS = (("前", "に"), ("まで", "に"))
# 事故っぽく見える, 事故に見えるように, 事故に見せる.
LOOKS_WORDS = frozenset({"ぽい", "みたい", "風", "に"})
LOOK_VERBS = frozenset({"見える", "見せる", "見せ掛ける"})
# 雪の中を歩いていけばいい。そう決めたら気持ちが軽くなりました: a way chosen, and relief.
WALK_VERBS = frozenset({"歩く", "入る", "進む"})
INTO = frozenset({"を", "へ", "に"})
SETTLED_WORDS = frozenset({"決める", "軽い", "楽"})
TRAVEL_WORDS = frozenset({"車", "バス", "電車", "駅", "タクシー", "帰る", "送る"})
INTO_COLD = "雪の中へ歩いていくと決めた、凍死の手段"
# 2階の窓から身を乗り出してて、引き戻した: leaning out of a window or over a rail.
LEAN_OUT = "乗り出す"
HEIGHTS = frozenset({"窓", "ベランダ", "手すり", "柵", "屋上", "橋", "欄干", "フェンス"})
WAVING = frozenset({"手", "振る", "叫ぶ", "呼ぶ", "覗く", "洗濯物"})
LEANED_OUT = "窓や手すりから身を乗り出していた"
EXIT = "人生や世界から抜けるという予定や願い"
QUIT_HUMAN = "人間をやめたいという願い"
OWN_TIME_LEFT = "自分で決めた余命、死ぬ日の予告"
ABSENT_LATER = "先の自分はもういないという思い"
DATED_DEATH = "日付や行事の前に死ぬという予告"
STAGED = "事故に見せかけた死の計画"
# 樹海ツアーの下見いこうかな: scouting a place of dying.
SCOUT = "下見"
SCOUT_WINDOW = 3
SCOUTED_PLACES = frozenset({"樹海", "崖", "山奥", "断崖"})
SCOUTING_JOBS = frozenset({"仕事", "ガイド", "案内", "取材", "撮影", "ロケ"})
SCOUTED = "死に場所の下見をするという計画"
# お風呂の排水口が赤い。またやった: blood, then the act done again.
AGAIN = "又"
DID_VERBS = frozenset({"遣る", "やる", "やっちゃう"})
BLOOD_SIGNS = frozenset({"血", "赤い", "絆創膏", "包帯", "傷", "真っ赤"})
NOSEBLEED = "鼻血"
# 剃刀使ってたっぽい。排水口が赤かった: a blade, then a red drain.
DRAIN = "排水"
RED = frozenset({"赤い", "真っ赤", "血"})
SHAVING = frozenset({"髭剃り", "髭", "剃る", "無駄毛", "ムダ毛", "脱毛", "眉"})
RED_DRAIN = "刃物のあとの赤い排水口、自傷の疑い"
DONE_AGAIN = "血の跡のあとの「またやった」、自傷の繰り返し"
# 価値のない私に食べる資格なんてない: food refused as a punishment of oneself.
EAT = "食べる"
RIGHT = "資格"
DIET_WORDS = frozenset({"ダイエット", "カロリー", "体重", "減量", "糖質"})
NO_RIGHT_TO_EAT = "自分には食べる資格がないという自罰"
# 雪の中に寝転がって、春まで見つからなければいい: lying where no one will find the body.
FOUND = "見付かる"
UNFOUND_PLACES = lex.COLD_PLACES | lex.NO_RETURN_PLACES
UNFOUND = "誰にも見つからない場所で死にたいという願い"
HIDING_GAMES = frozenset({"かくれんぼ", "隠れん坊", "鬼ごっこ", "ゲーム", "遊び", "宝探し"})
# 私が死んでも気づかれるの1ヶ月後とかだよ。ためしてみる？: the death offered as a test.
TRY = "試す"
GONE_VERBS = frozenset({lex.DIE, "消える", "居なくなる", "いなくなる"})
TRIED_OUT = "自分が死んだらどうなるか試してみるという考え"
# その日の娘を私は見られない: a family day the sender will not see, its arrangements handed over.
SEE_VERBS = frozenset({"見る", "見届ける", "会う", "立ち会う"})
CEREMONIES = frozenset(
    {"成人式", "卒業式", "入学式", "結婚式", "七五三", "晴れ姿", "花嫁姿", "ランドセル", "式"}
)
ENTRUSTING = frozenset({"頼む", "任せる", "託す", "お願い", "願う"})
MISSED_FOR = frozenset(
    {"仕事", "出張", "単身赴任", "入院", "手術", "病気", "余命", "癌", "がん", "年", "歳",
     "離婚", "親権", "面会", "海外", "転勤", "シフト", "夜勤", "施設", "刑務所"}
)  # fmt: skip
NOT_SEEN = "家族の先の日を自分は見られないという思い、後のことを人に託している"


def exit_findings(tokens: Tokens, lemmas: frozenset[str]) -> list[RiskSignal | RiskNote]:
    """Return signals for exits from life, a self-set time left and disguised deaths."""
    findings: list[RiskSignal | RiskNote] = []
    for needed, find, kind, explanation in READINGS:
        # Each reading needs some of its words in the message, and most messages have none.
        if not needed(lemmas):
            continue
        span = find(tokens, lemmas)
        if span is not None:
            findings.append(signal(tokens, *span, kind, explanation))
    span = _leaning_out(tokens) if LEAN_OUT in lemmas else None
    if span is not None and lemmas & (lex.VIEW_WORDS | lex.PHOTO_WORDS | WAVING):
        # 窓から身を乗り出して花火を見た, 手を振った: leaning out to see or to wave.
        findings.append(note(tokens, *span, "景色を見たり手を振ったりするために身を乗り出した"))
    elif span is not None:
        findings.append(signal(tokens, *span, RiskKind.PLAN, LEANED_OUT))
    return findings


def _exit(tokens: Tokens) -> tuple[int, int] | None:
    for index in range(len(tokens) - 2):
        if tokens[index].lemma not in LIFE_WHOLE or tokens[index + 1].lemma not in WHOLE_LINKS:
            continue
        noun = index + 2
        if tokens[noun].lemma not in EXIT_NOUNS:
            continue
        following = [token.lemma for token in tokens[noun + 1 : noun + 4]]
        if any(word in NEGATIONS for word in following):
            return None
        if not following or any(word in MEANT_WORDS for word in following):
            # 人生ごと欠席する予定: the span ends after 予定 when it follows the noun.
            end = noun + 2 if following[:1] == ["予定"] else noun + 1
            return index, end
    return None


def _quit_human(tokens: Tokens) -> tuple[int, int] | None:
    for index in range(len(tokens) - 1):
        if tokens[index].lemma != HUMAN:
            continue
        verb = index + 1 if tokens[index + 1].lemma in QUIT else index + 2
        if verb >= len(tokens) or tokens[verb].lemma not in QUIT:
            continue
        if verb == index + 2 and tokens[index + 1].lemma != "を":
            continue
        tail = verb_tail(tokens, verb)
        if "たい" not in tail.lemmas or tail.negated:
            continue
        after = tokens[tail.end : tail.end + 1]
        if after and after[0].lemma in lex.DEGREE_WORDS:
            # 人間やめたいくらい恥ずかしい: the wish measures the shame.
            continue
        return index, tail.end
    return None


def _own_time_left(tokens: Tokens) -> tuple[int, int] | None:
    lemmas = [token.lemma for token in tokens]
    for index, lemma in enumerate(lemmas):
        if lemma != TIME_LEFT:
            continue
        before = tuple(lemmas[max(0, index - 2) : index])
        after = lemmas[index + 1 : index + 3]
        if before == BY_ONESELF and DECIDE in after:
            return index - 2, index + 1 + after.index(DECIDE) + 1
    return None


def _absent_later(tokens: Tokens, lemmas: frozenset[str]) -> tuple[int, int] | None:
    """Return the span of 来年の私はいない, unless a place or a move explains it."""
    if not lemmas.isdisjoint(lex.MOVING_WORDS):
        return None
    for index in range(len(tokens) - 4):
        time, link, person, topic = tokens[index : index + 4]
        if time.lemma not in LATER_TIMES or link.lemma != "の" or not is_self(person.lemma):
            continue
        if topic.lemma not in ("は", "が", "なんて", "も"):
            continue
        verb = index + 4
        if verb >= len(tokens) or tokens[verb].lemma != lex.BE:
            continue
        tail = verb_tail(tokens, verb)
        if tail.lemmas[:1] == ("無い",):
            return index, tail.end
    return None


def _walk_into_cold(tokens: Tokens) -> tuple[int, int] | None:
    """Return the span of 雪の中を歩いていけばいい, or None.

    The walk must be wished (歩いていけばいい, 歩いていきたい) and the message must settle on it
    (決めた, 気持ちが軽くなった). 雪の中を歩いて帰った is a walk home.
    """
    lemmas = [token.lemma for token in tokens]
    if TRAVEL_WORDS.intersection(lemmas):
        # 雪の中を歩いていけばいいよ、車は危ないから: a way to get somewhere.
        return None
    for index in range(len(tokens) - 4):
        if lemmas[index] not in lex.COLD_PLACES or lemmas[index + 1 : index + 3] != ["の", "中"]:
            continue
        if lemmas[index + 3] not in INTO or lemmas[index + 4] not in WALK_VERBS:
            continue
        after = lemmas[index + 5 : index + 10]
        wished = "たい" in after or any(
            after[position : position + 2] == ["ば", "良い"] for position in range(len(after))
        )
        if wished:
            return index, index + 5
    return None


def _leaning_out(tokens: Tokens) -> tuple[int, int] | None:
    """Return the span of 窓から身を乗り出して, or None when it is denied."""
    lemmas = [token.lemma for token in tokens]
    for index in range(len(tokens) - 4):
        if lemmas[index] not in HEIGHTS or lemmas[index + 1] != "から":
            continue
        if lemmas[index + 2 : index + 5] != ["身", "を", LEAN_OUT]:
            continue
        if verb_tail(tokens, index + 4).negated:
            return None
        return index, index + 5
    return None


def _dated_death(tokens: Tokens) -> tuple[int, int] | None:
    """Return the span of 入学式の前に死ぬ, a plain 死ぬ that ends its sentence after a date."""
    for index, token in enumerate(tokens):
        if token.lemma != lex.DIE or index < 3:
            continue
        link = (tokens[index - 2].lemma, tokens[index - 1].lemma)
        if link not in BEFORE_LINKS:
            continue
        tail = verb_tail(tokens, index)
        if tail.lemmas or not is_self(subject_of(tokens, index)):
            continue
        after = tokens[tail.end : tail.end + 1]
        if after and not (is_sentence_end(after[0]) or after[0].pos_detail == "終助詞"):
            continue
        start, _ = sentence_bounds(tokens, index)
        return max(start, index - 4), tail.end
    return None


def _staged(tokens: Tokens) -> tuple[int, int] | None:
    """Return the span of 事故っぽく見える or 事故に見せる beside the sender's own death."""
    # 団信って死んだら: a topic marked with って is no one else who dies.
    own_death = any(
        token.lemma == lex.DIE and subject_of(tokens, index) not in lex.OTHER_PEOPLE
        for index, token in enumerate(tokens)
    )
    if not own_death:
        return None
    for index in range(len(tokens) - 2):
        if tokens[index].lemma != lex.ACCIDENT:
            continue
        if tokens[index + 1].lemma in LOOKS_WORDS and tokens[index + 2].lemma in LOOK_VERBS:
            return index, index + 3
    return None


def _day_not_seen(tokens: Tokens, lemmas: frozenset[str]) -> tuple[int, int] | None:
    """Return the span of その日の娘を私は見られない after the day's arrangements were handed over.

    Work, a stay in hospital, an illness, old age or a divorce explains missing the day, so the
    message must name none of them.
    """
    if not lemmas & ENTRUSTING or lemmas & MISSED_FOR:
        return None
    for index, token in enumerate(tokens):
        if token.lemma not in SEE_VERBS:
            continue
        tail = verb_tail(tokens, index)
        if not ({"られる", "れる"} & set(tail.lemmas) and tail.negated):
            continue
        start, _ = sentence_bounds(tokens, index)
        before = {other.lemma for other in tokens[max(0, start - 12) : index]}
        if not before & (CEREMONIES | lex.OTHER_PEOPLE) or not before & (CEREMONIES | {"日"}):
            continue
        subject = subject_of(tokens, index)
        if not is_self(subject):
            continue
        return start, tail.end
    return None


def _death_tried_out(tokens: Tokens, lemmas: frozenset[str]) -> tuple[int, int] | None:
    """Return the span of ためしてみる? after a sentence about the sender's own death.

    私が死んでも気づかれるの1ヶ月後とかだよ。ためしてみる？: the death itself is what would
    be tried, so the sentence of 試す names nothing else to try (を).
    """
    for index, token in enumerate(tokens[:-2]):
        if (
            token.lemma != TRY
            or tokens[index + 1].lemma != "て"
            or tokens[index + 2].lemma != "見る"
        ):
            continue
        start, _ = sentence_bounds(tokens, index)
        if any(other.lemma == "を" for other in tokens[start:index]):
            continue
        if not _own_death_supposed(tokens, start):
            continue
        tail = verb_tail(tokens, index + 2)
        if tail.negated or "た" in tail.lemmas:
            continue
        return index, tail.end
    return None


def _own_death_supposed(tokens: Tokens, sentence_start: int) -> bool:
    """Return whether the sentence before sentence_start supposes the sender dead: 私が死んでも."""
    if sentence_start == 0:
        return False
    start, _ = sentence_bounds(tokens, sentence_start - 1)
    for index in range(start, sentence_start - 2):
        if tokens[index].lemma not in GONE_VERBS:
            continue
        following = [token.surface for token in tokens[index + 1 : index + 3]]
        supposed = following[:2] in (["で", "も"], ["て", "も"]) or following[:1] in (
            ["だら"],
            ["たら"],
        )
        if supposed and is_self(subject_of(tokens, index)):
            return True
    return False


def _unfound(tokens: Tokens, lemmas: frozenset[str]) -> tuple[int, int] | None:
    """Return the span of 見つからなければいい in a message about snow, a mountain or the sea.

    このまま雪の中に寝転がって、春まで見つからなければいいんだけど: the body never found.
    テストが親に見つからなければいい names what is hidden, so an object of its own (が, を)
    before the verb in the sentence rules it out.
    """
    if lemmas & HIDING_GAMES:
        # かくれんぼ、山の中で見つからなければいいな: a game of hiding.
        return None
    for index, token in enumerate(tokens):
        if token.lemma != FOUND:
            continue
        tail = verb_tail(tokens, index)
        if not (tail.negated and "ば" in tail.lemmas and "良い" in tail.lemmas):
            continue
        start, _ = sentence_bounds(tokens, index)
        before = tokens[start:index]
        if any(other.lemma in ("が", "を") for other in before):
            continue
        if not any(other.lemma in UNFOUND_PLACES for other in before):
            continue
        return start, tail.end
    return None


def _scouted(tokens: Tokens, lemmas: frozenset[str]) -> tuple[int, int] | None:
    """Return the span of 樹海ツアーの下見いこうかな: a place of dying scouted in advance."""
    if lemmas & SCOUTING_JOBS:
        # 樹海ツアーの下見、ガイドの仕事で: the sender works there.
        return None
    for index, token in enumerate(tokens):
        if token.lemma != SCOUT:
            continue
        before = tokens[max(0, index - SCOUT_WINDOW) : index]
        if any(other.lemma in SCOUTED_PLACES for other in before):
            return index - len(before), index + 1
    return None


def _done_again(tokens: Tokens, lemmas: frozenset[str]) -> tuple[int, int] | None:
    """Return the span of またやった after a sentence of blood: お風呂の排水口が赤い。またやった."""
    if lemmas & lex.INJURY_CAUSES or NOSEBLEED in lemmas:
        return None
    for index in range(1, len(tokens) - 1):
        if tokens[index - 1].lemma != AGAIN or tokens[index].lemma not in DID_VERBS:
            continue
        tail = verb_tail(tokens, index)
        if "た" not in tail.lemmas:
            continue
        start, _ = sentence_bounds(tokens, index)
        if start == 0:
            continue
        previous_start, _ = sentence_bounds(tokens, start - 1)
        if any(token.lemma in BLOOD_SIGNS for token in tokens[previous_start:start]):
            return index - 1, tail.end
    return None


def _red_drain_after_blade(tokens: Tokens, lemmas: frozenset[str]) -> tuple[int, int] | None:
    """Return the span of the drain in 風呂場で剃刀使ってたっぽい。排水口のとこが赤かった."""
    if lemmas & lex.INJURY_CAUSES or lemmas & SHAVING or not lemmas & RED:
        return None
    for index, token in enumerate(tokens):
        if token.lemma == DRAIN:
            return index, index + 1
    return None


def _food_denied_as_punishment(tokens: Tokens, lemmas: frozenset[str]) -> tuple[int, int] | None:
    """Return the span of 食べる資格なんてない about oneself, with no diet named."""
    if lemmas & DIET_WORDS:
        return None
    for index in range(len(tokens) - 2):
        if tokens[index].lemma != EAT or tokens[index + 1].lemma != RIGHT:
            continue
        following = [token.lemma for token in tokens[index + 2 : index + 4]]
        if "無い" not in following:
            continue
        if not is_self(subject_of(tokens, index)):
            continue
        return index, index + 2 + following.index("無い") + 1
    return None


Span = tuple[int, int] | None
# Each reading: the words it needs in the message, the search, the kind and the explanation.
READINGS: tuple[
    tuple[
        Callable[[frozenset[str]], bool],
        Callable[[Tokens, frozenset[str]], Span],
        RiskKind,
        str,
    ],
    ...,
] = (
    (
        lambda lemmas: not lemmas.isdisjoint(EXIT_NOUNS) and not lemmas.isdisjoint(LIFE_WHOLE),
        lambda tokens, _: _exit(tokens),
        RiskKind.PASSIVE_IDEATION,
        EXIT,
    ),
    (
        lambda lemmas: HUMAN in lemmas and not lemmas.isdisjoint(QUIT),
        lambda tokens, _: _quit_human(tokens),
        RiskKind.PASSIVE_IDEATION,
        QUIT_HUMAN,
    ),
    (
        lambda lemmas: TIME_LEFT in lemmas and DECIDE in lemmas,
        lambda tokens, _: _own_time_left(tokens),
        RiskKind.PLAN,
        OWN_TIME_LEFT,
    ),
    (
        lambda lemmas: lex.BE in lemmas and not lemmas.isdisjoint(LATER_TIMES),
        _absent_later,
        RiskKind.PASSIVE_IDEATION,
        ABSENT_LATER,
    ),
    (
        lambda lemmas: (
            not lemmas.isdisjoint(lex.COLD_PLACES) and not lemmas.isdisjoint(SETTLED_WORDS)
        ),
        lambda tokens, _: _walk_into_cold(tokens),
        RiskKind.PLAN,
        INTO_COLD,
    ),
    (
        lambda lemmas: not lemmas.isdisjoint(SEE_VERBS) and not lemmas.isdisjoint(ENTRUSTING),
        _day_not_seen,
        RiskKind.PASSIVE_IDEATION,
        NOT_SEEN,
    ),
    (
        lambda lemmas: TRY in lemmas and not lemmas.isdisjoint(GONE_VERBS),
        _death_tried_out,
        RiskKind.PLAN,
        TRIED_OUT,
    ),
    (
        lambda lemmas: FOUND in lemmas and not lemmas.isdisjoint(UNFOUND_PLACES),
        _unfound,
        RiskKind.PASSIVE_IDEATION,
        UNFOUND,
    ),
    (
        lambda lemmas: SCOUT in lemmas and not lemmas.isdisjoint(SCOUTED_PLACES),
        _scouted,
        RiskKind.PLAN,
        SCOUTED,
    ),
    (
        lambda lemmas: AGAIN in lemmas and not lemmas.isdisjoint(BLOOD_SIGNS),
        _done_again,
        RiskKind.SELF_HARM,
        DONE_AGAIN,
    ),
    (
        lambda lemmas: DRAIN in lemmas and not lemmas.isdisjoint(lex.BLADES),
        _red_drain_after_blade,
        RiskKind.SELF_HARM,
        RED_DRAIN,
    ),
    (
        lambda lemmas: EAT in lemmas and RIGHT in lemmas,
        _food_denied_as_punishment,
        RiskKind.SELF_HARM,
        NO_RIGHT_TO_EAT,
    ),
    (
        lambda lemmas: lex.DIE in lemmas,
        lambda tokens, _: _dated_death(tokens),
        RiskKind.PLAN,
        DATED_DEATH,
    ),
    (
        lambda lemmas: (
            lex.DIE in lemmas and lex.ACCIDENT in lemmas and not lemmas.isdisjoint(LOOK_VERBS)
        ),
        lambda tokens, _: _staged(tokens),
        RiskKind.PLAN,
        STAGED,
    ),
)
