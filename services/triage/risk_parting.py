"""More parting words for risk_farewell.py: a goodbye followed by silence, arrangements for a
pet, letters left to be found, belongings given up.

Each is everyday alone (電話に出ない, 猫を実家に預けた, 車を手放した), so each counts as one cue,
and risk_farewell.py needs two different cues in a message. Examples that reach two:
彼氏から「今までありがとう」ってLINEが来て、電話に出ない; 猫の引き取り先を探してます。私がいなく
なっても、この子が困らないように; 手紙を三通書き終えた。明日の朝見つかる場所に置く.
"""

from services.triage import risk_lexicon as lex
from services.triage.morphology import Token, is_sentence_end, sentence_bounds
from services.triage.predicates import NEGATIONS, verb_tail

Tokens = tuple[Token, ...]
PETS = frozenset({"猫", "犬", "ハムスター", "ペット", "インコ", "金魚", "うさぎ", "兎", "鳥"})
# 引き取り先を探す, 実家に預けた, 飼ってあげて, もらってもらう, 猫のことだけお願いしたい.
PET_ARRANGEMENTS = frozenset({"引き取る", "預ける", "飼う", "貰う", "願う", "頼む", "譲る"})
LETTERS = frozenset({"手紙", "封筒", "遺言"})
FOUND_VERBS = frozenset({"見付かる", "見付ける"})
LAST = "最後"
NOTE_LEFT = "書き置き"
BENEFICIARY = "受取人"
SIGNED_OVER = frozenset({BENEFICIARY, "暗証番号"})
GIVE_UP = "手放す"
SELF = frozenset({"私", "俺", "僕", "自分", "己", "わし"})
GONE = frozenset({"無い", "成る"})
AFTER = frozenset({"後", "あと"})
SHOW_THANKS = "伝える"
# 書き置きして出て行ったきり, 朝出かけたきり戻らない: gone and not heard of since.
LEFT_VERBS = frozenset({"出る", "出掛ける", "出て行く"})
# Normalized forms that can start one of these cues; parting_cue_at reads only these.
PARTING_CUE_LEMMAS = frozenset(
    {"電話", "既読", "繋がる", "どこ", "此れ", "幸せ", "探す", lex.BE, lex.DIE, NOTE_LEFT, GIVE_UP,
     "有り難う", "長い", "連絡", *LEFT_VERBS, *PETS, *LETTERS, *SIGNED_OVER}
)  # fmt: skip


def parting_cue_at(tokens: Tokens, index: int) -> str | None:
    """Return the name of the parting word that starts at tokens[index], if any."""
    lemma = tokens[index].lemma
    following = [token.lemma for token in tokens[index + 1 : index + 6]]
    if lemma in ("電話", "既読", "繋がる", "どこ") and _unreachable(tokens, index, following):
        return "連絡がつかない"
    if lemma == "此れ" and following[:1] == ["まで"] and "有り難う" in following[1:3]:
        return "今までありがとう"
    if lemma == "長い" and following[:1] in (["間"], ["こと"]) and following[1:2] == ["有り難う"]:
        return "長い間ありがとう"
    if lemma == "連絡" and _no_contact_requested(tokens, index, following):
        return "もう連絡しないで"
    if lemma in LEFT_VERBS and _gone_since(tokens, index):
        return "出て行ったきり"
    if lemma == "幸せ" and following[1:4] == ["成る", "て", "ね"]:
        return "幸せになってね"
    if lemma == "探す" and following[:2] == ["て", "も"] and "見付かる" in following[2:4]:
        return "探さないで"
    if lemma == lex.BE and _gone_after(tokens, index, following):
        return "いなくなった後"
    if lemma == lex.DIE and _will_given(tokens, index):
        return "死んだ後の頼み"
    if lemma in PETS and _pet_arranged(tokens, index):
        return "ペットの引き取り先"
    if lemma in LETTERS and _addressed_to_all(tokens, index):
        return "「家族へ」と書かれた手紙"
    if lemma in LETTERS and _letter_to_find(tokens, index):
        return "手紙を残す"
    if lemma == NOTE_LEFT:
        return "書き置き"
    if lemma in SIGNED_OVER:
        # 保険の受取人を妹に書き換えて、通帳もまとめた: a beneficiary and a bankbook are two
        # arrangements.
        return "受取人" if lemma == BENEFICIARY else "通帳"
    if lemma == GIVE_UP and _done(tokens, index):
        return "持ち物を配った"
    if lemma == "有り難う" and following[:1] == ["と"] and SHOW_THANKS in following[1:3]:
        return "ありがとうと伝えたい"
    return None


def _no_contact_requested(tokens: Tokens, index: int, following: list[str]) -> bool:
    """Return whether もう連絡しないで requests that all contact stop: もう連絡しないでください."""
    if index == 0 or tokens[index - 1].lemma != "もう":
        return False
    return following[:3] == ["為る", "無い", "で"]


def _gone_since(tokens: Tokens, index: int) -> bool:
    """Return whether someone left a note and has not come back: 書き置きして出て行ったきり.

    Without a note or a letter it is no cue, because 父が朝出かけたきり電話にも出ない is as
    often someone who lost the way.
    """
    if not any(token.lemma == NOTE_LEFT or token.lemma in LETTERS for token in tokens):
        return False
    following = [token.lemma for token in tokens[index + 1 : index + 5]]
    for position in range(len(following) - 1):
        if following[position : position + 2] == ["た", "きり"]:
            # 出て行ったきり: only て and 行く may stand between the verb and たきり.
            return all(lemma in ("て", "行く") for lemma in following[:position])
    return False


def _unreachable(tokens: Tokens, index: int, following: list[str]) -> bool:
    """Return whether someone cannot be reached: 電話に出ない, 既読がつかない, つながらない."""
    lemma = tokens[index].lemma
    if lemma == "電話" and following[:1] == ["に"]:
        # 電話にも出ない: も may stand before the verb.
        offset = 2 if following[1:2] == ["も"] else 1
        if following[offset : offset + 1] == ["出る"]:
            return _negated_at(tokens, index + 1 + offset)
    if lemma == "電話" and following[:1] == ["出る"]:
        # 電話出ない: spoken Japanese drops に.
        return _negated_at(tokens, index + 1)
    if lemma == "既読" and following[:1] in (["が"], ["も"]) and following[1:2] == ["付く"]:
        # 既読がつかない, 既読もつかない.
        return _negated_at(tokens, index + 2)
    if lemma == "既読" and following[:1] == ["付く"]:
        # 既読つかない: spoken Japanese drops が.
        return _negated_at(tokens, index + 1)
    if lemma == "繋がる":
        return _negated_at(tokens, index)
    # 今どこにいるのか分からない.
    return lemma == "どこ" and following[:2] == ["に", lex.BE] and "分かる" in following[2:5]


def _negated_at(tokens: Tokens, index: int) -> bool:
    return verb_tail(tokens, index).negated


def _gone_after(tokens: Tokens, index: int, following: list[str]) -> bool:
    """Return whether 私がいなくなっても or 私がいなくなったあと speaks of after one is gone."""
    if following[:2] != ["無い", "成る"]:
        return False
    rest = following[2:]
    if rest[:2] != ["て", "も"] and not (rest[:1] == ["た"] and rest[1:2] and rest[1] in AFTER):
        return False
    start, _ = sentence_bounds(tokens, index)
    before = [token.lemma for token in tokens[max(start, index - 3) : index]]
    return "私" in before or "自分" in before


def _will_given(tokens: Tokens, index: int) -> bool:
    """Return whether the sender asks for things after their death: おれ死んだら、畑を頼む."""
    tail = verb_tail(tokens, index)
    surfaces = [token.surface for token in tokens[index + 1 : tail.end]]
    if not any(surface in ("たら", "だら") for surface in surfaces):
        return False
    before = [token.lemma for token in tokens[max(0, index - 2) : index]]
    if not set(before) & SELF:
        return False
    _, end = sentence_bounds(tokens, index)
    return any(
        token.lemma in ("呉れる", "頼む", "お願い", "下さる") for token in tokens[tail.end : end]
    )


def _pet_arranged(tokens: Tokens, index: int) -> bool:
    # 猫の引き取り先, 猫は実家に預けた, 飼ってあげて, 友達にもらってもらう, 猫のことをお願い.
    _, end = sentence_bounds(tokens, index)
    for position in range(index + 1, end):
        lemma = tokens[position].lemma
        if lemma not in PET_ARRANGEMENTS:
            continue
        if lemma == "預ける":
            return "た" in verb_tail(tokens, position).lemmas
        if lemma in ("飼う", "貰う"):
            # 飼ってあげて, もらってもらう: asking someone else to keep it.
            following = [token.lemma for token in tokens[position + 1 : position + 3]]
            return following[:1] == ["て"] and following[1:2] in (["上げる"], ["貰う"])
        return True
    return False


def _addressed_to_all(tokens: Tokens, index: int) -> bool:
    # 「家族へ」と書かれた封筒, 『みんなへ』って手紙: a letter to everyone, found.
    before = [token.lemma for token in tokens[max(0, index - 7) : index]]
    for position in range(len(before) - 2):
        if before[position] in ("家族", "皆") and before[position + 1] == "へ":
            return before[position + 2] in ("」", "』")
    return False


def _letter_to_find(tokens: Tokens, index: int) -> bool:
    # 明日の朝見つかる場所に置く, 最初に見つけてもらえる場所, 家族あての、最後のやつ.
    lemmas = {token.lemma for token in tokens}
    return bool(lemmas & FOUND_VERBS) or LAST in lemmas


def _done(tokens: Tokens, index: int) -> bool:
    tail = verb_tail(tokens, index)
    if tail.negated or "た" not in tail.lemmas:
        return False
    after = tokens[tail.end : tail.end + 1]
    return not after or is_sentence_end(after[0]) or after[0].lemma in NEGATIONS | {"、"}
