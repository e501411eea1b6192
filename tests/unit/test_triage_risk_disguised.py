"""The risk rules alone on plans disguised as practical questions, and on city means.

Each family lists urgent wordings and harmless wordings that share their words. The urgent
ones include a time not to be reached (年を越すつもりはない, 誕生日は迎えないつもり), being at
a height unnamed, the least painful way and a death staged as an accident. They also include
a trip with no thought of return, medicine bought round several shops, a rope tested against
a body's weight, a river named by its proper name, and old or dialect spellings. The
harmless ones include an insurance clause, a mystery plot, a limit on buying, a mistaken
passer-by, a relationship or a shared home to end, stepping back from a role, a dreaded
appointment and leaving a town. The sentences were written for these tests, and
tests/data/triage/tune_phrases.jsonl repeats them so that the model learns the same frames.
"""

import pytest

from tests.unit.triage_rules import family_cases, rules_reasons, rules_urgent

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a time not to be reached": (
        [
            "献体の登録をしたいです。年を越すつもりはありません",
            "来月の誕生日は迎えないつもりなので、先に書いておきます",
            "来年の正月をこの家で迎える気がしない",
        ],
        [
            "年末は実家で年を越すつもりはない、旅行に行く",
            "お正月なんて来なければいいのに、義実家で台所に立たされるから",
        ],
    ),
    "a height, a way, an accident staged": (
        [
            "いま、ちょっと高いところにいて、風が強いです",
            "一番苦しくない方法ってどれですか",
            "事故に見せかけたらバレないでしょうか",
            "今から海に行く。帰りのことは考えてない",
        ],
        [
            "高いところにいるのが好き",
            "一番痛くない脱毛の方法を知りたい",
            "ミステリー小説で、事故に見せかけたトリックを考えています",
        ],
    ),
    "medicine and rope gathered": (
        [
            "三軒まわって同じ薬を少しずつ買った",
            "荷造り用のロープを買った。クローゼットの棒が体重に耐えられるか調べてる",
            "hypothetically, if someone took a whole month of their antidepressants at once?",
        ],
        [
            "キャンプ用のロープ。テントの柱が体重を支えられるか心配",
            "風邪薬を家族4人分、一度に何箱まで買えるんでしょう",
        ],
    ),
    "dialect, old spellings and rivers": (
        [
            "なんもかも やんだぐなった。 しんだほうが らぐだべ",
            "最上川さ飛び込んだら楽になんべが",
            "納屋さ なわ かけでみだ",
            "このまま生きていても仕方がないので、いつそ自分で、と思ふ日が御座います",
            "この世の居心地が悪い。チェックアウトしたい",
        ],
        [
            "最上川で泳いで、飛び込んだら気持ちよかった",
            "ホテルを10時にチェックアウトしたい",
            "仕方がないので生きていく",
        ],
    ),
}

URGENT, HARMLESS = family_cases(FAMILIES)

# Harmless messages whose risk words a context makes harmless.
CONTEXTS = [
    "生命保険の自殺免責って何年が一般的ですか。保険の営業を始めたばかりで",
    "ミステリー小説を書いています。密室で練炭が使われた事件のトリックを考えています",
    "橋の上で写真を撮ってたら、自殺しようとしてると勘違いされて声をかけられました笑",
    "もう終わりにしたい、この不毛な片思い",
    "終わりにしたいのは、この二十年続いた義母との同居です",
    "私なんていなくても会は回るので、今年で役員を降ります",
    "世の中は私がいなくても回る。だから肩の力を抜いて生きようと思えた",
    "明日が来なければいいのに…歯医者の予約",
    "卒業したらこの町から消えるつもり。東京に行く",
]
# The same words with the context taken away stay urgent.
CONTEXTS_TAKEN_AWAY = [
    "もう終わりにしたい、この人生",
    "明日が来なければいい。面接も落ちたし、もう疲れた",
    "この世から消えるつもり",
]


@pytest.mark.parametrize(("family", "text"), URGENT)
def test_disguised_forms_are_urgent(family: str, text: str) -> None:
    assert rules_urgent(text), f"{family}: {text}"


@pytest.mark.parametrize(("family", "text"), HARMLESS)
def test_shared_words_stay_calm(family: str, text: str) -> None:
    assert not rules_urgent(text), f"{family}: {text}"


@pytest.mark.parametrize("text", CONTEXTS)
def test_harmless_context_stays_calm(text: str) -> None:
    assert not rules_urgent(text), text


@pytest.mark.parametrize("text", CONTEXTS_TAKEN_AWAY)
def test_context_taken_away_is_urgent(text: str) -> None:
    assert rules_urgent(text), text


def test_milestone_reason_names_the_plan() -> None:
    reasons = rules_reasons("来月の誕生日は迎えないつもりなので、先に書いておきます")
    assert any("節目" in reason for reason in reasons), reasons


def test_medicine_round_is_hoarding() -> None:
    reasons = rules_reasons("三軒まわって同じ薬を少しずつ買った")
    assert any("ためている" in reason for reason in reasons), reasons
