"""The risk rules alone on how people type on a phone, and on harmless twins of risk words.

Each family lists urgent wordings and harmless wordings that share their words. The typing
families are sentences typed all in katakana, gal-style small vowels, 生きてく for 生きていく,
conversion slips (首釣り), a voice heard ordering 死ね, a rope bought in kana and English
that insists it is no joke. The harmless families are a view from a bridge, a jump from
furniture and a photograph taken at the tracks. Then come 死んでも before a refusal, a
reason to live that was missing at first and is found now, and a goodbye letter before a
move. The sentences were written for these tests, and tests/data/triage/tune_phrases.jsonl
repeats them so that the model learns the same frames.
"""

import pytest

from services.triage.text import alternate_spelling, normalize_text
from tests.unit.triage_rules import rules_reasons, rules_urgent

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a sentence typed in katakana": (
        [
            "ツマ ニ サキダタレテ 2ネン ヒトリデ イキテル イミ ガ ナイ",
            "モウ シニタイ ヨ",
            "ヒモ デ クビ ヲ ツル",
            "ロープ カッテキタ",
        ],
        [
            "シネマ ミタ",
            "ネクタイ カッタ",
            "デイサービス ノ ヨヤク シタイ",
            "ロープ カッテニ ツカワナイデ",
        ],
    ),
    "gal-style small vowels": (
        [
            "ぁたしなんてぃなくなればぃぃ",
            "もぅ消ぇたぃ",
            "生きてる意味なんてねぇず",
        ],
        [
            "すごぉい、ぃぃね",
            "ぁたしもぃきたぃ、カラオケ",
            "死にたくなぃよ、大丈夫",
        ],
    ),
    "生きてく for 生きていく": (
        [
            "相続で兄弟ともめて裁判\nべんごし代もない\nもう生きてくのやめたい",
            "もう生きてけない",
            "生きてく意味がない",
        ],
        [
            "生きてくの楽しい",
            "この町で生きてくって決めた",
            "一人でも生きてけるように資格を取りたい",
        ],
    ),
    "a conversion slip": (
        [
            "首釣りの紐ってどれくらいの強さが要りますか",
            "首を釣ろうと思う",
            "橋から飛び折りたら楽になるかな",
        ],
        [
            "釣りが趣味で、週末は川に行きます",
            "首が痛くて釣りに行けない",
        ],
    ),
    "a voice heard ordering death": (
        [
            "あだまの中で、ずっと『死ね死ね』って声すんの。自分さ言ってんだ",
            "兄が『声が死ねって言う』と言って夜中に出ていきました",
            "頭の中の声が死ねって言う",
            "死ねって声が聞こえる",
            "幻聴が死ねって言ってくる",
        ],
        [
            "上司の『死ね』って声がまだ耳に残ってる",
            "大きな声で死ねって言われた",
            "クラスの男子に死ねって言われた",
        ],
    ),
    "a pretext told at the shop": (
        [
            "焼肉用ですって言って七輪と練炭買った。明日、車の中でやるつもり",
            "キャンプ用ですって言ってロープ買った",
        ],
        [
            "焼肉用に練炭買った",
            "友達が焼肉するって言ってたから練炭買っておいた",
        ],
    ),
    "English that insists it is no joke": (
        [
            "i wanna die lol\nno actually i mean it",
            "I want to die lol. for real",
        ],
        [
            "i wanna die lol this homework",
            "I want to die lol, this meeting will never end",
        ],
    ),
    "a goodbye letter": (
        [
            "I lost my job and my visa ends in two months. Last night I wrote a goodbye letter"
            " to my mother in Brazil.",
            "I left a goodbye note on my desk",
        ],
        [
            "I wrote a goodbye letter to my host family before going back to Brazil",
            "I'm writing goodbye letters to my classmates, I'm moving to Osaka next month",
            "I never wrote a goodbye letter",
        ],
    ),
    "English at a bridge": (
        [
            "I'm at the bridge now. I can't do this anymore",
            "im on the bridge. nobody would notice",
        ],
        [
            "I'm at the bridge, the view is nice",
            "I'm on the bridge, taking photos of the fireworks",
        ],
    ),
    "a jump from furniture": (
        [
            "ビルから飛び降りたい",
            "団地の5階から飛び降りようと思ってる",
        ],
        [
            "3歳の息子がソファから飛び降りて遊ぶのが好きで、先週とうとう腕を骨折しました",
            "すべり台から飛び降りて足をひねった",
            "机から飛び降りて遊んでた弟が泣いた",
        ],
    ),
    "a photograph at the tracks": (
        [
            "線路に行ってきた",
            "友達から高いビルの屋上の写真が送られてきて、「今日ここから行くつもりだった」って",
        ],
        [
            "線路の写真撮りに行ってきた📷 撮り鉄なもんで",
            "踏切に撮影に行ってきた。貨物列車かっこよかった",
        ],
    ),
    "死んでも before a refusal": (
        [
            "もう死ぬしかない",
            "借金がばれたら死ぬしかないと思ってる",
        ],
        [
            "離婚届の証人、死んでも頼みたくない相手しかいない",
            "死んでもあいつには謝りたくない",
        ],
    ),
    "a reason to live found again": (
        [
            "最初は生きる意味が分からなかった。今もそう",
            "今は生きがいなんてない、死にたい",
        ],
        [
            "妻を亡くして2年、最初は生きる意味が分からなかったけど、今は子ども食堂の手伝いが"
            "生きがいになっています",
            "最初は死にたかったけど、今は落ち着いてます",
            "当初は死にたいと思ってたけど、今は孫が生きがいです",
        ],
    ),
}

URGENT = [(family, text) for family, (urgent, _) in FAMILIES.items() for text in urgent]
HARMLESS = [(family, text) for family, (_, harmless) in FAMILIES.items() for text in harmless]


@pytest.mark.parametrize(("family", "text"), URGENT)
def test_typed_risk_is_urgent(family: str, text: str) -> None:
    assert rules_urgent(text), f"{family}: {text}"


@pytest.mark.parametrize(("family", "text"), HARMLESS)
def test_typed_twin_stays_calm(family: str, text: str) -> None:
    assert not rules_urgent(text), f"{family}: {text}"


def test_katakana_reason_quotes_hiragana() -> None:
    reasons = rules_reasons("ツマ ニ サキダタレテ 2ネン ヒトリデ イキテル イミ ガ ナイ")
    assert any("生きてる意味がない" in reason for reason in reasons), reasons


def test_voice_reason_names_the_voice() -> None:
    reasons = rules_reasons("頭の中の声が死ねって言う")
    assert any("命じる声" in reason for reason in reasons), reasons


def test_photo_at_tracks_is_noted() -> None:
    reasons = rules_reasons("線路の写真撮りに行ってきた")
    assert any(reason.startswith("[緊急ではない]") for reason in reasons), reasons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("イキテル イミ ガ ナイ", "いきてる いみ が ない"),
        ("ぁたしなんてぃなくなればぃぃ", "あたしなんていなくなればいい"),
        ("ロープ カッテキタ", "ロープ かってきた"),
        ("タヒ タイ", "タヒ たい"),
    ],
)
def test_alternate_spelling_respells(text: str, expected: str) -> None:
    assert alternate_spelling(normalize_text(text)) == expected


PLAIN_TEXTS = ["死にたい", "デイサービス", "ハローワーク", "ロープ", "東京タワー行った", "hello"]


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_alternate_spelling_none_for_plain_text(text: str) -> None:
    assert alternate_spelling(normalize_text(text)) is None
