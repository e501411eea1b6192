"""Cases for the clause-level rules: questions, conditionals, plans and farewell cues."""

import pytest

from services.triage.classifier import classify

URGENT = [
    "死んだら楽になれるかな",
    "消えたらダメかな",
    "死んだらみんな少しは気づいてくれるのかな",
    "わたしが死んでも、誰も泣かないと思う",
    "死ぬのってこわいのかな",
    "誕生日が来たら死ぬって決めてる",
    "死ぬ日を今週の土曜日に決めた",
    "年内には消えるつもりです",
    "明日で最後にします。いままでありがとうございました",
    "最後の手紙を書き終えた。お母さんごめんね",
    "みんなさよなら。楽しかったよ。元気でね",
    "ゆるして。もう無理だよ。ばいばい",
    "大事にしてたゲーム機、全部後輩にあげた。もう自分には必要ないから",
    "体重が増えた罰として、自分を叩いてる",
    "死にたぃ",
    "いきてたくない",
]
NOT_URGENT = [
    "母が死んだら悲しい",
    "私が死んだら家族が悲しむから、がんばる",
    "ペットが死ぬのってつらいよね",
    "明日で最後の出勤です。次は何をしようかな",
    "引っ越すので、本とCDを全部友達にあげました",
    "きえたいくらいはずかしかった笑",
    "会議でくしゃみして、穴があったら入りたい、消えたい",
    "来週、スカイダイビングで飛行機から飛び降りる体験をします",
    "小説で、登場人物が自殺する場面を書いています",
    "この案件、もう終わりにしたい。早く納品したい",
    "彼女との関係、もう終わりにしようと思う",
]


@pytest.mark.parametrize("text", URGENT)
def test_clause_rules_flag_urgent(text: str) -> None:
    assert classify(text).urgent, classify(text).reasons


@pytest.mark.parametrize("text", NOT_URGENT)
def test_clause_rules_keep_negatives(text: str) -> None:
    assert not classify(text).urgent, classify(text).reasons
