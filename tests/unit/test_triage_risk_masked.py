"""The risk rules alone on wishes dressed as jokes or dialect, and on jokes that are only jokes.

The urgent wordings include life left like a job or a school (人生を定年退職したい), the
Kyushu wish 死にたか, and pills gathered a little at a time. Among the harmless ones
are quotes: a child's question, someone else's quip and a teasing word. Others are a word
replaced at once, a crossing that stays shut, and a move or a marriage behind settled
affairs. The rest are a husband wished away with くれる, a slang word asked about, a guitar
effect, paper cutting, and a last message before moving in with family. The sentences were
written for these tests, and tests/data/triage/tune_phrases.jsonl repeats them so that the
model learns the same frames.
"""

from tests.unit.triage_rules import context_tests, family_tests, rules_reasons

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "life left like a job": (
        [
            "人生を定年退職したいです。退職届はどこに出せばいいんだろう",
            "もう人生から引退したい",
            "人生を卒業します。みんなありがとう",
        ],
        [
            "会社を定年退職したら、人生をもっと楽しみたい",
            "人生を楽しむために早く定年退職したい",
            "人生を卒業するまで現役でいたい",
        ],
    ),
    "a Kyushu wish": (
        [
            "もう死にたか。誰とも話しとうなか",
            "ほんと死にたかー",
        ],
        [
            "昔は死にたかった時期もあったけど、今は元気です",
            "あれ、電池切れたか",
        ],
    ),
}

# Harmless messages whose risk words a context makes harmless.
CONTEXTS = [
    "5歳の娘に「ママ、死んだらどうなるの?」って聞かれて、うまく答えられなかった。ちゃんと答えた方がいいのかな",
    "久しぶりの同窓会で「お前いつ死ぬ予定?」って言われた笑 昔は病弱だったから",
    "包丁で指を切ったら、同僚に「リスカ?」ってからかわれました",
    "毎朝、電車に飛び込む…じゃなくて、駆け込む生活です",
    "線路の前から動けない…開かずの踏切です。毎朝10分待たされる",
    "転職前の身辺整理中。デスクの私物は全部持って帰った",
    "籍を入れたので、保険の受取人を母から妻に変えて、通帳も妻に渡しました",
    "長いあいだお世話になりました。相談はこれで最後にします。また困ったら頼らせてください",
    "「これで私がいなくても回るね」って店長に言われて、嬉しいような寂しいような",
    "母の薬を一包化してもらいました。全部飲んだかどうか確認しやすいです",
    "息子がスイミングの飛び込み台から飛び降りる練習を怖がります",
    "夫が毎日家にいる。正直いなくなってくれればいいのに",
    "「死にたい」って言う子が主人公の小説で読書感想文を書いた",
    "kmsってどういう意味?オンラインゲームで言われた",
    "OD(オーバードライブ)のエフェクター、初心者向けでおすすめある?",
    "息子が切り絵にはまって、カッターで毎日切ってます",
    "長い間ありがとうございました。来月から息子夫婦と同居します。これが最後の相談です",
    "前は身辺整理までしたこともあったけど、今はちゃうで。友達もできた",
]
# The same words with the context taken away stay urgent.
CONTEXTS_TAKEN_AWAY = [
    "毎朝、電車に飛び込むことばかり考えてる",
    "身辺整理はもう済んだ。あとは決めた日を待つだけ",
    "私なんか、いなくなればいいのに",
]


test_masked_wishes_are_urgent, test_shared_words_stay_calm = family_tests(FAMILIES)


test_harmless_context_stays_calm, test_context_taken_away_is_urgent = context_tests(
    CONTEXTS, CONTEXTS_TAKEN_AWAY
)


def test_pills_gathered_have_no_routine_note() -> None:
    # ちょっとずつ gathers pills; the note for a daily dose would hold the model back.
    reasons = rules_reasons("亡くなった夫のところに行きたい。睡眠薬もね、ちょっとずつね")
    assert not any("決まった量" in reason for reason in reasons), reasons
    assert any("決まった量" in reason for reason in rules_reasons("睡眠薬を1錠ずつ飲んでます"))
