"""Canonical spelling of messages before triage, and its effect on classification."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.intake.normalize import normalize_text as intake_normalize_text
from services.triage.classifier import classify
from services.triage.text import canonicalize, normalize_text
from shared.schemas import Topic


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ｼﾆﾀｲ", "死にたい"),
        ("ｷｴﾀｲ", "消えたい"),
        ("ジサツシタイ", "自殺したい"),
        ("しにたいいいいい", "しにたい"),
        ("死にたーい", "死にたい"),
        ("タヒにたい", "死にたい"),
        ("氏にたい", "死にたい"),
        ("4にたい", "死にたい"),
        ("死にたみ", "死にたい"),
        ("死にてぇ", "死にたい"),
        ("消えでぇんだず", "消えたいんだ"),
        ("死にだい", "死にたい"),
        ("死にたぐね", "死にたくない"),
        ("しにてー", "しにたい"),
        ("💊ためてる", "薬ためてる"),
        ("💊💊💊飲んだ", "大量の薬飲んだ"),
        ("🪢買った", "ロープ買った"),
        ("I’m DONE", "i'm done"),
    ],
)
def test_canonicalize_folds_spelling(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


@pytest.mark.parametrize(
    "word", ["タヒチに行く", "シネマに行く", "山田氏に会う", "なんでぇ", "1000錠", "2000mg"]
)
def test_canonicalize_keeps_lookalikes(word: str) -> None:
    """Real words that look like slang for 死 stay as they are."""
    assert canonicalize(word) == word


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("死にたぁぁい", "死にたい"),
        ("ﾀﾋりたい", "死にたい"),
        ("しにたすぎる", "しにたいすぎる"),
        ("じさつしたい", "自殺したい"),
        ("りすかした", "リストカットした"),
        ("ｱﾑｶ", "アームカット"),
        ("いきてるいみない", "生きてる意味ない"),
        ("いねぐなりでぇ", "いなくなりたい"),
        ("生ぎでだぐねぇ", "生きてたくない"),
        ("あの世さ行ぎでぇ", "あの世に行きたい"),
        ("言ってんだげんど", "言ってるんだけれど"),
        ("死ぬしかねぇべ", "死ぬしかないべ"),
        ("意味ねぇわ", "意味ないわ"),
        ("4ねたらいいのに", "死ねたらいいのに"),
        ("薬いっぺぇ飲んだ", "薬いっぱい飲んだ"),
    ],
)
def test_canonicalize_folds_dialect_and_slang(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("おーばーどーずしちゃった", "オーバードーズしちゃった"),
        ("市にたい", "死にたい"),
        ("しにた。", "死にたい。"),
        ("すにでぇ", "死にたい"),
        ("自〇しようかな", "自殺しようかな"),
        ("もうしぬ", "もう死ぬ"),
        ("くすり全部", "薬全部"),
        ("パキった", "odした"),
        ("薬ぱきぱきした", "薬odした"),
        ("誰もきずかない", "誰も気づかない"),
        ("消えっちまいてぇ", "消えてしまいたい"),
        ("消えっだい", "消えたい"),
        ("生まっちぇこねばいがった", "生まれてこなければよかった"),
        ("生ぎでらんね", "生きてられない"),
        ("生ぎでんのやんだ", "生きてるの嫌だ"),
        ("考えたこともね。", "考えたこともない。"),
        ("探さねでけろ", "探さないでくれ"),
        ("切ってしまったず", "切ってしまった"),
        ("来てほしいず", "来てほしい"),
        ("思い残すごどね", "思い残すことない"),
        ("薬ためでる", "薬ためてる"),
        ("首つろうとした", "首吊ろうとした"),
        ("首くぐるしかねぇ", "首くくるしかない"),
        ("傷つけねど、眠れない", "傷つけないと、眠れない"),
        ("おらんようになってまいたい", "いなくなってしまいたい"),
        ("死にたぐなんかねぇ", "死にたくなんかない"),
        ("🌉の上", "橋の上"),
        ("薬ぜんぶのみました", "薬ぜんぶ飲みました"),
        ("10錠のんだ", "10錠飲んだ"),
        ("意味ないし、", "意味無いし、"),
        ("首をしめる", "首を絞める"),
    ],
)
def test_canonicalize_folds_more_spellings(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("おれなんか、いねほうがいい", "おれなんか、いないほうがいい"),
        ("わしなんかおらん方が", "わしなんかいない方が"),
        ("生まれでこねほうが", "生まれてこないほうが"),
        ("いぎでる意味ねぇ", "生きてる意味ない"),
        ("ばあちゃんのとごさ、はやぐいぎでぇ", "ばあちゃんのところに、はやく行きたい"),
        ("生ぎででもすかだねぇ", "生きていても仕方ない"),
        ("こんな体でしょうがねぇ", "こんな体でしょうがない"),
        ("じさま亡ぐなって", "じいさま亡くなって"),
        ("もう終わりにすっず", "もう終わりにする"),
        ("いままでありがどさま", "いままでありがとう"),
        ("このまんま凍えでもいい", "このまんま凍えてもいい"),
        ("帰らねつもりだ", "帰らないつもりだ"),
        ("雪さ埋もっで、見つかんねほうがいい", "雪さ埋もれて、見つからないほうがいい"),
        ("川さ飛び込む", "川に飛び込む"),
        ("屋上 とぶね", "屋上飛ぶね"),
        ("40錠ある のんでいい?", "40錠ある飲んでいい?"),
        ("年金少ないし、", "年金少ないし、"),
        ("死ぬがど思ったず", "死ぬかと思った"),
    ],
)
def test_canonicalize_folds_tohoku_forms(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # でもいい after a pronoun is the particle でも, not a voiced てもいい.
        ("それでもいい", "それでもいい"),
        ("これでもいいよ", "これでもいいよ"),
        # どごさ without の before it asks where: どこに行くの.
        ("どごさ行ぐの?", "どごさ行くの?"),
    ],
)
def test_canonicalize_keeps_look_alikes(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "市にたいして要望を出す",
        "市にたくさん人が来た",
        "くすりと笑った",
        "雨がやんだ",
        "押しぬく",
        "会員のみ入れます",
        "全部のみ込んだ",
        "一ないし三",
        "首しめじ",
    ],
)
def test_canonicalize_keeps_words_near_new_spellings(text: str) -> None:
    """Real words next to the new rewrites stay as they are."""
    assert canonicalize(text) == text


@pytest.mark.parametrize("word", ["ふぁいと", "ぎりぎり", "そうなんでぇ", "かねぇ", "ねぇねぇ"])
def test_canonicalize_keeps_sound_spellings(word: str) -> None:
    """Small vowels that change the sound, a final ぇ and a plain ねぇ stay as written."""
    assert canonicalize(word) == word


@given(st.text())
def test_normalize_text_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text(max_size=80))
def test_classify_same_on_raw_and_intake_text(text: str) -> None:
    """Raw text and intake's normalized text of a message get the same triage."""
    assert classify(text) == classify(intake_normalize_text(text))


@given(st.text(max_size=80))
def test_classify_same_on_raw_and_normalized(text: str) -> None:
    assert classify(text) == classify(normalize_text(text))


def test_unencodable_characters_replaced() -> None:
    """A lone surrogate or NUL cannot reach Sudachi, which needs UTF-8."""
    assert normalize_text("死にたい\ud800\x00") == "死にたい\ufffd\ufffd"
    assert classify("死にたい\ud800").urgent


@pytest.mark.parametrize(
    "raw",
    ["ｼﾆﾀｲ　　もう無理", "  死にたい\n\n", "ＩＤＫ　ｉ　ｗａｎｔ　ｔｏ　ｄｉｅ", "消えたい\t"],
)
def test_raw_text_classified_like_intake_text(raw: str) -> None:
    result = classify(raw)
    assert result == classify(intake_normalize_text(raw))
    assert result.urgent


@given(st.text(max_size=60))
def test_classify_never_raises(text: str) -> None:
    result = classify(text)
    assert result.urgent == (Topic.SUICIDE_SELF_HARM in result.topics)
    assert len(result.reasons) >= len(result.topics)


def test_empty_and_missing_text() -> None:
    """Stickers and follow events have no text; whitespace alone is no text either."""
    for text in (None, "", "   "):
        result = classify(text)
        assert result.topics == ()
        assert not result.urgent
        assert result.reasons == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("き え た い", "きえたい"),
        ("死に たい", "死にたい"),
        ("消\u200bえたい", "消えたい"),
        ("I am ok", "i am ok"),
    ],
)
def test_canonical_drops_invisible_and_inner_spaces(text: str, expected: str) -> None:
    """Zero-width characters and spaces between Japanese characters do not split words."""
    assert canonicalize(text) == expected
