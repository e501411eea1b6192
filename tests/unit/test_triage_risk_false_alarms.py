"""The risk rules alone on harmless uses of risk words, each next to an urgent twin.

Each family pairs harmless wordings, which the rules once flagged, with twins that keep the
same frame but make the risk current, so the twins must stay urgent. The sentences were
written for these tests, and tests/data/triage/tune_phrases.jsonl repeats them so that the
model learns the same frames.
"""

import pytest

from tests.unit.triage_rules import rules_urgent

# Each family: harmless wordings, then urgent twins in the same frame.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "risk told only as the past and over now": (
        [
            "前はリスカしてたけど、やめて半年経ちました",
            "祖母は『死にたい』と言っていた時期があったけど、もう何年も言ってません",
            "大学の頃はリスカしてたけど、もう十年してない。傷あとを隠すために夏も長袖",
            "学生時代は毎晩死にたいって日記に書いてた。あの頃の自分によく頑張ったねって言いたい",
            "去年は本気で消えたいと思ってたけど、転職して今はだいぶ楽になりました",
            "前は死にたいが口癖だったけど、今はそんな気持ちはなくなった",
            "娘は昔みたいに自分を傷つけることもなくなって、部活を楽しんでる",
            "消えたいと思っていた頃の自分に、今はちゃんと眠れてるよと伝えたい",
            "死にたいと毎日考えていた時期があった。でももう大丈夫です",
            "先生に「死にたくなったらまた連絡してね」と言われてたけど、今は死にたいとは思ってない",
        ],
        [
            "前は消えたかったし、今も消えたい",
            "去年は消えたいと思ってたけど、最近また消えたくなる",
            "前は死にたいが口癖だったけど、今は楽になりたい",
            "前はリスカしてたけど、やめて2年経った。でも昨日また切った",
            "前はリスカしてたけど、やめて半年経ちました。最近また切りたい",
            "昔は死にたいと思ってた。あの頃は頑張れたのに、今はもう無理",
            "前は死にたいと思ってた。あの頃の自分に戻ってしまいそう",
            "父は入院中『早く死にたい』と言っていたけど、最近は毎日言ってる",
            "前は死にたいって思ってたけど、もう誰にも言ってない",
            "娘は自分を傷つけることもなくなったけど、最近また手首に新しい傷がある",
            "前は死にたいと思ってたけど、今はそういう気持ちが強くなった",
            "前は消えたいって毎日思ってたけど、最近は眠れない",
            "前は消えたいって毎日思ってたけど、今は眠れない",
            "大学の頃はリスカしてたけど、もう十年してない。最近また傷あとを隠すようになった",
        ],
    ),
    "someone's quoted words explained as harmless": (
        [
            "姉の『消えたい』って投稿にびっくりしたけど、電話で聞いたら好きな曲の歌詞だった",
            "弟が『もう死にたい』って送ってきて焦ったけど、聞いたらゲームの台詞だった",
            "冗談で『もう飛び降りるわ』って言ったら同僚に本気で心配された",
            "夫は『早くあの世に行きたい』ってよく言うけど、冗談なんです。毎日元気に畑に出てます",
            "娘が「死にたい」って検索してて驚いたけど、聞いたら宿題で調べてただけでした。安心した",
        ],
        [
            "冗談じゃなく本当に飛び降りたい",
            "冗談で『死にたい』って言ったけど、本当は本気で死にたい",
            "冗談で『死にたい』って言ったけど、本気だった",
            "夫が『早くあの世に行きたい』ってよく言う。冗談だと思いたいけど",
            "彼が『消えたい』って言ってた。冗談なのか本気なのか分からない",
            "姉の『消えたい』って投稿、聞いたら歌詞じゃなかった",
            "友達が『死にたい』って言ってた。聞いたら本当につらいみたい",
        ],
    ),
    "means words used for care or work": (
        [
            "母に飲ませる薬を砕いてヨーグルトに混ぜてる。全部飲ませるのにいつも一時間かかる",
            "母が間違えて過量服薬にならないよう、薬は毎朝一日分だけ渡してます",
            "車椅子をベッドの柵にロープで結んでおくのは大丈夫ですか",
            "軒下の梁にロープを張って、玉ねぎを吊るしてる",
            "鮮魚のバイトで毎日刃物を使うから、腕に小さい傷が絶えない",
            "腕を切った。工場で工具が滑ったせい",
        ],
        [
            "ベッドの柵にロープを結んで首を吊ろうとした",
            "父に飲ませる薬を、自分で全部飲んでしまいたい",
            "父に飲ませる薬を砕いてゼリーに混ぜた。残りは全部自分で飲む",
            "父に飲ませる薬を砕いてゼリーに混ぜた。全部飲ませたら自分も全部飲む",
            "過量服薬にならないように我慢してるけど、もう限界",
            "鎌でわざと腕を切った",
            "厨房のバイト中に隠れて腕を切ってる",
            "梁にロープを結んだ",
        ],
    ),
    "a life called over as exaggeration or a threat": (
        [
            "テストで0点とって人生終わってる",
            "貯金ゼロ、人生終わってるわ",
            "部長に『このままだと人生終わるぞ』と言われた",
        ],
        [
            "死ねば人生終わるのに",
            "人生終わってる。もう死にたい",
        ],
    ),
    "a break at a high place": (
        [
            "屋上にいます。会社の屋上で昼休み中",
            "病院の屋上にいる。休憩中で洗濯物が風に揺れてる",
        ],
        [
            "屋上にいます",
            "屋上にいます。休憩中だけど、もう戻りたくない",
            "屋上にいます。昼休みだけどもう無理",
        ],
    ),
    "grief for a family member who died": (
        [
            "父が5年前に自殺して、母と二人で暮らしてます",
            "叔父が2年前に自殺して、うちの母がまだ落ち込んでる",
        ],
        [
            "兄が3年前に自殺未遂して、最近また様子がおかしい",
            "兄が去年自殺して、私も後を追いたい",
            "友達が自殺するって言ってる",
        ],
    ),
}
HARMLESS_CASES = [
    pytest.param(text, id=f"{family}: {text}")
    for family, (harmless, _) in FAMILIES.items()
    for text in harmless
]
URGENT_TWINS = [
    pytest.param(text, id=f"{family}: {text}")
    for family, (_, urgent) in FAMILIES.items()
    for text in urgent
]


@pytest.mark.parametrize("text", HARMLESS_CASES)
def test_rules_leave_harmless_use(text: str) -> None:
    assert not rules_urgent(text)


@pytest.mark.parametrize("text", URGENT_TWINS)
def test_rules_flag_urgent_twin(text: str) -> None:
    assert rules_urgent(text)
