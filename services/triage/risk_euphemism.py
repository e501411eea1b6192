"""Rules for euphemisms of dying: going to the other world, being fetched, not waking cold.

People who avoid the word 死ぬ say 早くお迎えが来てほしい, あの世に行きたい, 天国へ行けたら楽,
明日の朝冷たくなってたらいいのに or 事故にでも遭えばいい. Each of these words is harmless alone
(保育園のお迎え, 天国みたいな温泉), so every rule needs a wish in the same clause and checks that
the wish is the sender's. Wishes to stop existing (自分の存在を消したい, 蒸発したい) are in
risk_vanishing.py.
"""

from services.triage import risk_lexicon as lex
from services.triage.findings import (
    Finding,
    Rule,
    Tokens,
    next_sentence_lemmas,
    note,
    own_wish,
    quoted_request,
    sentence_lemmas,
    signal,
    wish_end,
)
from services.triage.modality import hoped
from services.triage.morphology import is_sentence_end, sentence_bounds
from services.triage.predicates import (
    NEGATIONS,
    Desire,
    Tail,
    is_volitional,
    object_of,
    preferable,
    quoted_at_sender,
    relief_end,
    subject_of,
    verb_tail,
)
from services.triage.risk_everyday import fetch_note
from services.triage.risk_weariness import intent_denied
from services.triage.signals import RiskKind

PLACE_TO_VERB = 4
# 車に轢かれたい, 車にはねられたら楽: run over by a vehicle.
RUN_OVER_VERBS = frozenset({lex.RUN_OVER, "はねる", "撥ねる"})
# あの世, 冥土 and 黄泉 name only the world of the dead, while 天国 also names a pet's heaven.
OTHER_WORLD = lex.lemma_set("あの世", "冥土", "黄泉")
AFTERLIFE_ANNOUNCED = "あの世へ行くという予告"
# 誕生日, 正月: days a speaker may say they will not reach.
MILESTONES = frozenset({"誕生日", "正月", "新年", "年", "来年", "春", "冬", "還暦", "成人式"})
FETCH_TO_VERB = 3
PASSIVE_AUXILIARIES = frozenset({"れる", "られる"})
# 父ちゃん, じいちゃん: kin named with a familiar suffix.
KIN_SUFFIXES = ("ちゃん", "さん", "さま")
# Pronouns that can name the dead one. A kin place still needs a death in the message.
DEAD_ONE_PRONOUNS = frozenset({"彼奴", "彼", "彼女"})


def afterlife_rule(tokens: Tokens, index: int) -> Finding:
    """あの世に行きたい, 天国へ行けたら楽, 早くあっちに行って主人に会いたい.

    あの世 by name also counts when the going is announced (あの世に行ってきます) or when
    something is to be done there (あの世で婚活してきます).
    """
    if index + 1 >= len(tokens):
        return None
    if tokens[index].lemma in OTHER_WORLD and tokens[index + 1].lemma == "で":
        return _errand_there(tokens, index)
    if tokens[index + 1].lemma not in lex.PLACE_PARTICLES:
        return None
    lemma = tokens[index].lemma
    if lemma in lex.KIN_PLACES and not _of_kin(tokens, index):
        return None
    if lemma in lex.WEAK_AFTERLIFE_PLACES or lemma in lex.KIN_PLACES:
        kin_place = lemma in lex.KIN_PLACES
        if not (_deity_place(tokens, index) or _eager_or_bereaved(tokens, index, kin_place)):
            return None
    for position in range(index + 1, min(len(tokens), index + 1 + PLACE_TO_VERB)):
        if tokens[position].lemma in lex.GO_VERBS or tokens[position].lemma in lex.CROSS_VERBS:
            tail = verb_tail(tokens, position)
            if _done_for_speaker(tokens, position):
                # 早くあの世に行ってくれればせいせいする: a wish that someone else would die.
                return note(tokens, index, position + 3, "他人の死を望む怒りや愚痴の言葉")
            end = wish_end(tokens, position, tail)
            if end is None and lemma in OTHER_WORLD and _announced(tokens, tail):
                # あの世に行ってきます: going there, announced like an errand.
                return own_wish(tokens, index, tail.end, AFTERLIFE_ANNOUNCED)
            if end is None and lemma in lex.KIN_PLACES and _announced(tokens, tail):
                errand = any(token.pos == "動詞" for token in tokens[index + 1 : position])
                # あの子のところに遊びに行く: an errand at a living one's home.
                if not errand and _dead_ones_place(tokens, index):
                    # 柴が死んで2週間。あの子のところに行く: going where the dead one is.
                    start = _owner_start(tokens, index)
                    explanation = "亡くなった者のところへ行くという予告"
                    return own_wish(tokens, start, tail.end, explanation)
            if end is None:
                return None
            start = _owner_start(tokens, index) if lemma in lex.KIN_PLACES else index
            explanation = "あの世へ行きたいという婉曲な死の願望"
            return own_wish(tokens, start, end, explanation)
        if is_sentence_end(tokens[position]):
            return None
    return None


def _errand_there(tokens: Tokens, index: int) -> Finding:
    """Return a signal for あの世で婚活してきます: something the sender will go and do there."""
    for position in range(index + 2, min(len(tokens), index + 2 + PLACE_TO_VERB)):
        if is_sentence_end(tokens[position]):
            return None
        if tokens[position].pos != "動詞":
            continue
        tail = verb_tail(tokens, position)
        going = lex.COME in tail.lemmas or tokens[position].lemma == lex.GO
        if not going or not _announced(tokens, tail):
            continue
        subject = subject_of(tokens, position)
        if subject in lex.OTHER_PEOPLE or subject in lex.OTHER_PRONOUNS:
            return note(tokens, index, tail.end, f"対象が自分ではなく「{subject}」")
        return signal(tokens, index, tail.end, RiskKind.PLAN, AFTERLIFE_ANNOUNCED)
    return None


def _announced(tokens: Tokens, tail: Tail) -> bool:
    """Return whether the verb states a plan: not denied, not past, not a condition."""
    if tail.negated or {"た", "ば"} & set(tail.lemmas) or tail.desire is Desire.NOT_WANT:
        return False
    # あの世に行くならどんな服: a condition, not a plan. あの世さ行ぐまでに一回は海外旅行, あの世に
    # 行く前に: a time before death, as one speaks of old age.
    after_verb = tokens[tail.end - len(tail.lemmas) : tail.end + 1]
    if any(token.surface in ("なら", "たら", "ば") for token in after_verb):
        return False
    following = tokens[tail.end : tail.end + 1]
    return not (following and following[0].lemma in ("まで", "迄", "前"))


SHRINK = "縮む"
BENEFACTIVE = "呉れる"


def _done_for_speaker(tokens: Tokens, position: int) -> bool:
    """Return whether the verb is done for the speaker's sake: 行ってくれれば, 行ってくれたら."""
    following = [token.lemma for token in tokens[position + 1 : position + 3]]
    return following == ["て", BENEFACTIVE]


def _pickup(tokens: Tokens, index: int, start: int, end: int) -> bool:
    """Return whether お迎え is a pickup: 孫のお迎え, 保育園にお迎えに行く, バスのお迎えが来る.

    お迎えが来れば with the grandchild named only in another clause (私さえ早くお迎えが来れば、
    孫の学費に回せる) is the end that comes for the sender.
    """
    if index >= 2 and tokens[index - 1].lemma == "の":
        if tokens[index - 2].lemma in lex.PICKUP_CONTEXT:
            return True
    if not any(token.lemma in lex.PICKUP_CONTEXT for token in tokens[start:end]):
        return False
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    comes = following[:1] in (["が"], ["は"], ["も"]) and following[1:] in ([lex.COME], [lex.WAIT])
    return not comes


def fetch_rule(tokens: Tokens, index: int) -> Finding:
    """早くお迎えが来てほしい, お迎えが来ないかな, お迎えはまだかね, 寿命が来てくれないかしら."""
    start, end, _ = sentence_lemmas(tokens, index)
    fetch = tokens[index].lemma == lex.FETCH
    if fetch and _pickup(tokens, index, start, end):
        return note(tokens, index, index + 1, "送り迎えの「お迎え」")
    following = [token.lemma for token in tokens[index + 1 : index + 4]]
    if not fetch and following[:2] in (["が", SHRINK], ["も", SHRINK], [SHRINK]):
        # 車にひかれそうになって寿命が縮んだ: a fright, not a wish for the end.
        shrink = index + 1 + following.index(SHRINK)
        end = verb_tail(tokens, shrink).end
        return note(tokens, index, end, "驚きや怖さを表す「寿命が縮む」")
    if fetch and following == ["は", "未だ", "か"]:
        explanation = "お迎えはまだかと待つ、死を望む婉曲表現"
        return signal(tokens, index, index + 4, RiskKind.PASSIVE_IDEATION, explanation)
    for position in range(index + 1, min(end, index + 1 + FETCH_TO_VERB)):
        lemma = tokens[position].lemma
        if lemma not in (lex.COME, lex.WAIT):
            continue
        tail = verb_tail(tokens, position)
        if lemma == lex.WAIT and not tail.negated:
            end_of_wish: int | None = tail.end
        else:
            end_of_wish = wish_end(tokens, position, tail) or _wondering_end(tokens, tail)
        if end_of_wish is None:
            return fetch_note(tokens, index, tail.end)
        explanation = "お迎えを待つ、死を望む婉曲表現"
        return signal(tokens, index, end_of_wish, RiskKind.PASSIVE_IDEATION, explanation)
    return None


def cold_rule(tokens: Tokens, index: int) -> Finding:
    """明日の朝冷たくなってたらいいのに: found dead in bed, said as a wish."""
    if index + 1 >= len(tokens) or tokens[index + 1].lemma != "成る":
        return None
    tail = verb_tail(tokens, index + 1)
    end = tail.end if tail.desire is Desire.WANT else relief_end(tokens, index + 1, tail)
    if end is None:
        return None
    return own_wish(tokens, index, end, "冷たくなっていたいという婉曲な死の願望")


def run_over_rule(tokens: Tokens, index: int) -> Finding:
    """車に轢かれたい, 事故にでも遭えばいいのに: a wish to be killed by an accident."""
    tail = verb_tail(tokens, index)
    if tokens[index].lemma in RUN_OVER_VERBS:
        if not PASSIVE_AUXILIARIES & set(tail.lemmas):
            return None
        _, _, lemmas = sentence_lemmas(tokens, index)
        if not lemmas & lex.VEHICLES:
            return None
    elif not _accident_before(tokens, index):
        return None
    end = wish_end(tokens, index, tail)
    if end is None and tokens[index].lemma in RUN_OVER_VERBS:
        # 車にはねられたら楽になるなとは思う: the relief of being run over.
        end = relief_end(tokens, index, tail)
    if end is None:
        return None
    return own_wish(tokens, index, end, "事故で死ねたらという願い")


def _kin_gone(tokens: Tokens) -> bool:
    """Return whether a family member is said to be gone: 父ちゃんいなくなって (he died)."""
    for position in range(1, len(tokens) - 2):
        if tokens[position].lemma != lex.BE:
            continue
        following = [token.lemma for token in tokens[position + 1 : position + 4]]
        if following[:2] == ["無い", "成る"] and set(following[2:]) & {"て", "た"}:
            previous = tokens[position - 1]
            if previous.lemma in lex.OTHER_PEOPLE or previous.surface.endswith(KIN_SUFFIXES):
                return True
    return False


def _wondering_end(tokens: Tokens, tail: Tail) -> int | None:
    # お迎えが来ないかな, 寿命が来てくれないかしら: a negated question wishes that it would come.
    following = [token.lemma for token in tokens[tail.end : tail.end + 1]]
    if tail.negated and following and following[0] in ("か", "かな", "かしら"):
        return tail.end + 1
    return None


def taken_along_rule(tokens: Tokens, index: int) -> Finding:
    """神様、もう連れていってください, 早くそちらへ連れて行ってください: taken to the other side."""
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    if following[:1] == ["てく"]:
        # 早く連れてってくれ: the spoken てって is て + 行って.
        go = index + 1
    elif following == ["て", lex.GO]:
        go = index + 2
    else:
        return None
    tail = verb_tail(tokens, go)
    requested = any(lemma in lex.REQUEST_WORDS for lemma in tail.lemmas)
    quoted_end = quoted_request(tokens, tail)
    if quoted_end is not None:
        # そろそろ私も連れて行ってと、遺影に話しかけてます.
        requested = True
        tail = Tail(tail.lemmas, quoted_end)
    # 今夜連れていかれても構わない: being taken, accepted.
    accepted = "れる" in tail.lemmas and _accepted(tokens, tail.end)
    if not (requested or accepted) or (tail.negated and not accepted):
        return None
    destination = _destination_before(tokens, index)
    if destination is not None and destination not in lex.WEAK_AFTERLIFE_PLACES:
        # 遊園地に連れていってほしい: an everyday trip.
        if destination not in lex.AFTERLIFE_PLACES:
            return None
    elif destination is None and not any(
        token.lemma in lex.BEYOND_WORDS | lex.DEATH_WORDS for token in tokens
    ):
        return None
    if object_of(tokens, index) is not None:
        # 子どもを連れていってください: someone else is taken along.
        return None
    end = tail.end + 2 if accepted else tail.end
    return own_wish(tokens, index, end, "あの世へ連れて行ってほしいという願い")


def welcome_rule(tokens: Tokens, index: int) -> Finding:
    """早く迎えに来てくれ (to the dead or a god), 次の朝を迎えたくない."""
    tail = verb_tail(tokens, index)
    target = object_of(tokens, index)
    if target in lex.MORNING_WORDS and tail.desire is Desire.NOT_WANT:
        explanation = "朝を迎えたくないという願い"
        return signal(tokens, index, tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    if object_of(tokens, index, topic_markers=True) in MILESTONES:
        # 誕生日は迎えないつもり, 来年の正月をこの家で迎える気がしない.
        intent_end = intent_denied(tokens, tail)
        if intent_end is not None:
            explanation = "次の節目を迎えるつもりはないという予告"
            return signal(tokens, index, intent_end, RiskKind.PLAN, explanation)
    following = [token.lemma for token in tokens[index + 1 : index + 3]]
    honorific = index > 0 and tokens[index - 1].lemma == "御"
    if honorific and following[:1] == [lex.COME]:
        # はやくお迎え来てくれ: お迎え with the particle dropped.
        following = ["に", lex.COME]
        index -= 1
    _, _, lemmas = sentence_lemmas(tokens, index)
    if following == ["に", lex.GO] and lex.FETCH in {token.lemma for token in tokens}:
        # お迎えが来ないなら、こっちから迎えに行こうか: going to meet death oneself.
        go_tail = verb_tail(tokens, index + 2)
        if is_volitional(tokens, index + 2, go_tail) and not lemmas & lex.PICKUP_CONTEXT:
            explanation = "お迎えを待たずに自分から行くという、死を望む婉曲表現"
            return signal(tokens, index, go_tail.end, RiskKind.PASSIVE_IDEATION, explanation)
    if following != ["に", lex.COME]:
        return None
    if (lemmas | next_sentence_lemmas(tokens, index)) & lex.PICKUP_CONTEXT:
        # 早くお迎え来てほしい…夫が車で迎えに来るはずが: the pickup is told right after.
        return None
    beyond = any(token.lemma in lex.BEYOND_WORDS | lex.DEATH_WORDS for token in tokens)
    if not (honorific or beyond or _kin_gone(tokens)):
        # 駅まで迎えに来てほしい: a pickup; only a death or a god in the message makes it 死.
        return None
    come = index + 2
    come_tail = verb_tail(tokens, come)
    wish = wish_end(tokens, come, come_tail) or _wondering_end(tokens, come_tail)
    if wish is None:
        return None
    return own_wish(tokens, index, wish, "迎えに来てほしいという、死を望む婉曲表現")


def follow_rule(tokens: Tokens, index: int) -> Finding:
    """父の後を追った方が, あとを追いたい: following a dead person."""
    before = [token.lemma for token in tokens[max(0, index - 2) : index]]
    if before != [lex.AFTER, "を"]:
        return None
    if not any(token.lemma in lex.DEATH_WORDS for token in tokens):
        # 先輩の後を追って同じ大学に行きたい: no death, so no following into death.
        return None
    tail = verb_tail(tokens, index)
    end = None
    if tail.desire is Desire.WANT or is_volitional(tokens, index, tail):
        end = tail.end
    elif tail.end < len(tokens) and tokens[tail.end].lemma == "方":
        end = preferable(tokens, tail) or _far_relief(tokens, tail.end)
    if end is None:
        return None
    return own_wish(tokens, index - 2, end, "亡くなった人の後を追いたいという願望")


def stop_rule(tokens: Tokens, index: int) -> Finding:
    """息が止まってくれたら, 心臓が勝手に止まってくれればって: the body stopping, wished for."""
    _, _, lemmas = sentence_lemmas(tokens, index)
    if not lemmas & lex.VITAL_NOUNS and not (
        subject_of(tokens, index) is None and any(t.lemma in lex.VITAL_NOUNS for t in tokens)
    ):
        return None
    if subject_of(tokens, index) not in lex.VITAL_NOUNS | {None}:
        return None
    tail = verb_tail(tokens, index)
    if _stop_denied(tail):
        # 心臓が止まらないでほしい asks the heart to keep going.
        return None
    wish = wish_end(tokens, index, tail) or hoped(tokens, index, tail)
    if wish is None and any(lemma in lex.REQUEST_WORDS for lemma in tail.lemmas):
        wish = tail.end
    if wish is None or quoted_at_sender(tokens, wish):
        return None
    explanation = "心臓や息が止まってほしいという願い"
    return signal(tokens, index, wish, RiskKind.PASSIVE_IDEATION, explanation)


def _stop_denied(tail: Tail) -> bool:
    """Return whether a negation comes before the request (止まらないでほしい)."""
    negations = [i for i, lemma in enumerate(tail.lemmas) if lemma in NEGATIONS]
    requests = [i for i, lemma in enumerate(tail.lemmas) if lemma in lex.REQUEST_WORDS]
    return bool(negations and requests) and negations[0] < requests[0]


def _accepted(tokens: Tokens, position: int) -> bool:
    # 連れていかれても構わない.
    lemmas = [token.lemma for token in tokens[position : position + 3]]
    return lemmas[:1] == ["構う"] and "無い" in lemmas


def _destination_before(tokens: Tokens, index: int) -> str | None:
    for position in range(index - 1, max(-1, index - 4), -1):
        if tokens[position].lemma in ("に", "へ") and position > 0:
            return tokens[position - 1].lemma
    return None


def _far_relief(tokens: Tokens, position: int) -> int | None:
    # 後を追った方が、みんなのためかもしれない.
    _, end = sentence_bounds(tokens, position)
    for index in range(position, end):
        if tokens[index].lemma in ("為", "楽", "幸せ", "増し"):
            return index + 1
    return None


def _eager_or_bereaved(tokens: Tokens, index: int, kin_place: bool) -> bool:
    """Return whether あっち or 主人のところ means the other world here.

    あっち needs an eager word before it in the sentence (早く, もう, そろそろ) or a death in the
    message; 主人のところ always needs a death in the message.
    """
    death_words = lex.DEATH_WORDS | lex.AFTERLIFE_PLACES
    if any(token.lemma in death_words for token in tokens):
        # 天国のお母さんのところに行きたい: the mother is in heaven.
        return True
    if kin_place:
        return False
    start, _ = sentence_bounds(tokens, index)
    return any(token.lemma in lex.EAGER_WORDS for token in tokens[start:index])


def _dead_ones_place(tokens: Tokens, index: int) -> bool:
    """Return whether the place belongs to the one whose death the message reports.

    母が死んで…母のところに行く, 柴が死んで…あの子のところに行く. 祖母が亡くなって、明日は祖父の
    ところに行く names a living one.
    """
    owner = _place_owner(tokens, index)
    if owner is None:
        return False
    owner_position = _owner_start(tokens, index)
    that_one = owner == "子" and tokens[max(0, owner_position - 1)].lemma in ("あの", "彼の")
    for position, token in enumerate(tokens):
        if token.lemma not in lex.DYING_VERBS or position >= owner_position:
            continue
        subject = subject_of(tokens, position)
        if subject is not None and (subject == owner or that_one or owner in DEAD_ONE_PRONOUNS):
            return True
    return False


def _of_kin(tokens: Tokens, index: int) -> bool:
    # 主人のところ, 母のもと: a place named by a person; 同じところ: where the dead one went.
    if index >= 1 and tokens[index - 1].lemma == lex.SAME:
        return True
    owner = _place_owner(tokens, index)
    if owner in DEAD_ONE_PRONOUNS:
        # あいつのところに行って謝りたい: a pronoun for someone whose death the message names.
        return True
    return owner is not None and (owner in lex.OTHER_PEOPLE or owner in lex.DEITIES)


def _place_owner(tokens: Tokens, index: int) -> str | None:
    """Return the person whose place it is: 主人のところ, おばあちゃんのところ, 仏様のところ.

    Suffixes (ちゃん, 様) are skipped, and so is 居る of じいさまの居るところ.
    """
    position = index - 1
    if position >= 0 and tokens[position].lemma == lex.BE:
        position -= 1
    if position < 1 or tokens[position].lemma != "の":
        return None
    position -= 1
    while position > 0 and tokens[position].pos == "接尾辞":
        position -= 1
    return tokens[position].lemma


def _owner_start(tokens: Tokens, index: int) -> int:
    # The reason quotes おばあちゃんのところ from its first morpheme.
    start = index - 1
    while (
        start > 0
        and tokens[start - 1].lemma not in ("、", "。")
        and (tokens[start].lemma in ("の", lex.BE) or tokens[start].pos == "接尾辞")
    ):
        start -= 1
    if start > 0 and tokens[start - 1].pos == "接頭辞":
        start -= 1
    return start


def _deity_place(tokens: Tokens, index: int) -> bool:
    # 仏様のところへ早く行きたい: the place of a god or the Buddha is the other world.
    return tokens[index].lemma in lex.KIN_PLACES and _place_owner(tokens, index) in lex.DEITIES


def _accident_before(tokens: Tokens, index: int) -> bool:
    window = tokens[max(0, index - 4) : index]
    return any(token.lemma == "事故" for token in window)


EUPHEMISM_RULES: dict[str, Rule] = {
    **{
        lemma: afterlife_rule
        for lemma in lex.AFTERLIFE_PLACES | lex.WEAK_AFTERLIFE_PLACES | lex.KIN_PLACES
    },
    lex.FETCH: fetch_rule,
    lex.LIFESPAN: fetch_rule,
    lex.TAKE_ALONG: taken_along_rule,
    lex.WELCOME: welcome_rule,
    lex.CHASE: follow_rule,
    lex.STOP: stop_rule,
    # 全部とまってほしい: 止まる written in kana has its own lemma.
    "とまる": stop_rule,
    lex.COLD: cold_rule,
    **{lemma: run_over_rule for lemma in RUN_OVER_VERBS},
    lex.MEET: run_over_rule,
    lex.MEET_KANA: run_over_rule,
}
