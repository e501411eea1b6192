"""The risk rules alone on quiet signs: lost reasons, named deaths, doses asked, wills.

Each family lists urgent wordings and harmless wordings that share their words. The urgent
ones include a reason to live that was lost, a way of dying wished for by name (過労死したい,
安楽死したい), a dose asked about and a long stand at a crossing. Others are the wish to have
died instead of a victim, a will wanted soon or young, and life insurance paying a failed
business. Then come a future no longer needed after the home is given up, a bare 死ぬ after
a loss, Yamagata しまいで, a trouble that ends with the death, the floor a fall kills from,
and endings with thanks. The last are English: leaving a place online, a past that is over,
a death reported and medicine at work. The sentences were written for these tests, and
tests/data/triage/tune_phrases.jsonl repeats them so that the model learns the same frames.
"""

import pytest

from tests.unit.triage_rules import rules_reasons, rules_urgent

# Each family: urgent wordings, then harmless wordings with the same words.
FAMILIES: dict[str, tuple[list[str], list[str]]] = {
    "a reason to live that was lost": (
        [
            "娘が家を出てから、生きる意味がなくなりました",
            "仕事を失って、生きてる理由がもうなくなった気がする",
        ],
        [
            "生きてる意味がなくなるほど忙しいわけじゃない",
            "生きる意味がなくなったとは思わない。まだ孫がいるから",
            "生きがいだった畑がなくなった",
        ],
    ),
    "a way of dying wished for by name": (
        [
            "いっそ過労死できたら楽なのに",
            "このまま事故死したい",
            "安楽死したい。日本でもできればいいのに",
            "過労死ってあと何時間働けばなれるのかな。今月もう150時間残業してる",
        ],
        [
            "このままだと過労死しそう",
            "過労死ラインをとっくに超えてる",
            "夫が過労死しないか心配です",
            "過労死にはなりたくないから転職を考えてる",
            "安楽死の制度について大学でレポートを書いた",
        ],
    ),
    "a dose asked about": (
        [
            "眠剤って多めに飲んだらどうなるんですか",
            "デパス、一度に何シートまで平気ですか",
            "薬の致死量を調べてしまった",
            "睡眠薬の致死量って何錠くらいなんだろう",
            "安定剤の大丈夫じゃない量を知りたい",
        ],
        [
            "風邪薬を多めに飲むとどうなりますか。熱が下がらなくて",
            "頭痛薬は1日何錠まで大丈夫ですか",
            "うちの犬がチョコを食べた。致死量ってどのくらい",
            "薬剤師さんに「致死量を心配する量じゃない」と言われて安心した",
        ],
    ),
    "a long stand at a crossing": (
        [
            "帰り道、踏切の前で1時間くらい立ってた",
            "気づいたら踏切の前でしばらく立ち尽くしてた",
        ],
        [
            "見守り当番で朝の踏切に30分立ってた",
            "踏切の前で10分待たされて遅刻した",
            "踏切の前に立ってたら、電車が遅れてるってアナウンスが流れた",
        ],
    ),
    "the wish to have died instead of a victim": (
        [
            "災害で亡くなった人のニュースを見ると、どうして私じゃなかったのかと思う",
            "あの事故で死んだのが私だったらよかったのに",
        ],
        [
            "抽選に当たったのがなんで私じゃなかったんだろう",
            "リーダーに選ばれたのが私だったらよかったのに",
            "事故に遭ったのが私じゃなくてよかった、なんて思ってしまった",
        ],
    ),
    "a will wanted soon or young": (
        [
            "遺言って自分で書けますか。そう先の話じゃないので",
            "19歳でも遺言は残せますか",
            "遺言を用意しておきたい。近いうちに必要になると思うので",
        ],
        [
            "78歳です。遺言の書き方を教えてください",
            "祖父が遺言を書いた。近いうちに公証役場へ行くらしい",
            "父の遺言のことで兄ともめています",
            "終活を始めました。遺言も書こうと思います。もうすぐ80歳なので",
        ],
    ),
    "life insurance paying a failed business": (
        [
            "倒産が決まった。仕入れ先への支払いは生命保険で払うしかない",
        ],
        [
            "店は倒産したけど、入院費は生命保険で払えた",
            "倒産しても生命保険の保険料だけは払い続けてる",
        ],
    ),
    "a future no longer needed after the home is given up": (
        [
            "部屋は月末で引き払う。家具も処分した。来月のことはもう考えなくていい",
        ],
        [
            "試験が全部終わったから、来月のことはもう考えなくていい",
            "引っ越しの片付けが済んだので、来月のことはもう考えなくていい",
            "古い服を処分したら、来年のことはもう考えなくていいくらいスッキリした",
        ],
    ),
    "a bare 死ぬ after a loss": (
        [
            "派遣切りでクビになった。死ぬ",
            "彼女にフラれた。死ぬ",
        ],
        [
            "暑い。死ぬ",
            "模試終わった。死ぬ",
            "首が痛い。死ぬ",
            "彼女にフラれた。死ぬほど泣いた",
        ],
    ),
    "Yamagata しまいで and hiragana しねば": (
        [
            "ばあちゃん亡ぐなってがら、おれもはやぐ死んでしまいでど思う",
            "わたしがしねば、みんな楽になる?",
        ],
        [
            "これでおしまいでございます",
            "おれがしねばなんね仕事だがら、休まれね",
        ],
    ),
    "a trouble that ends with the death": (
        [
            "私が死ねば借金はなくなる",
            "ぼくが死ねば、もう誰もけんかしなくなる",
        ],
        [
            "夏が終わればこの暑さもなくなる",
            "雪が消えれば道も通れなくなる心配はない",
        ],
    ),
    "which floor a fall kills from": (
        [
            "何階から飛べば確実なのかな",
            "何階から落ちたら助からないんだろう",
        ],
        [
            "マンションの何階から上だと虫が入ってこないんですか",
            "何階に住めば楽ですか、エレベーターがないので",
            "何階から落ちても助かった猫のニュースを見た",
        ],
    ),
    "a rope bought, with a hobby denied in the next sentence": (
        [
            "丈夫なロープを買った。登山なんてしないのに",
        ],
        [
            "キャンプ用に丈夫なロープを買った。テントの張り方も練習中",
        ],
    ),
    "ending and thanks in one message": (
        [
            "もう終わりにします。今まで話を聞いてくれて本当にありがとうございました",
        ],
        [
            "今まで話を聞いてくれてありがとうございました。来週また相談します",
            "結婚式で読む手紙を書いてる。今まで育ててくれてありがとう、わがままばかりでごめんね",
        ],
    ),
    "a plan to be gone, or a doubt to be here": (
        [
            "試験の結果が出る前に、いなくなるつもりです",
            "来年の契約更新のころまで、私がここにいるか分からないし",
        ],
        [
            "来週は出張でいなくなる予定です",
            "いなくなるつもりなんてないよ、安心して",
            "来年までここにいるか分からない、転勤が多いので",
        ],
    ),
    "belongings given away, no longer of use": (
        [
            "漫画もゲームも全部弟にあげた。もう使うことはないから",
        ],
        [
            "ベビーカーは妹にあげた。もう使うことはないけど、思い出だから写真は残してる",
        ],
    ),
    "English about leaving a place online": (
        [
            "I just want to disappear",
            "i want to disappear from this world",
        ],
        [
            "I want to disappear from social media for a while",
            "honestly i want to disappear off instagram after that post",
            "i want to disappear from the ALT group chat, so many messages",
        ],
    ),
    "English past that is over, deaths told and medicine at work": (
        [
            "Two years ago I tried to kill myself. Lately the thoughts are coming back",
            "my roommate tried to kill herself last night",
            "I took an overdose of my sleeping pills",
            "I'd rather die than go back to that dorm, I mean it",
            "I left a note for my sister about why I'm ending it.",
            "im at the station, near the tracks, and i can't step away",
            "this is goodbye. please tell my manager sorry for everything",
            "Bought rope today. Not for camping.",
        ],
        [
            "Three years ago I wanted to die every day. Now I have a job and I'm fine",
            "I used to cut myself as a teen, but that's long over",
            "The writer of the novel killed himself at 38, we learned in class",
            "I'm a nurse and we had an overdose patient on the ward today",
            "I'd rather die than eat natto again lol",
            "I'm ending it with him tonight, he cheated",
            "I'm at the platform, can't get away from work emails though",
            "this is goodbye to my old apartment, moving to Sendai",
            "Bought rope for camping this weekend",
        ],
    ),
}

# Idioms of a hard life and a fright that the rules mark harmless, so that the learned model
# needs near certainty to call them urgent.
NOTED = [
    "さっき車にひかれそうになって寿命が縮んだ",
    "地震で寿命が縮む思いをした",
    "転職してから、なんだか生きづらい",
    "生きにくい世の中だと思う",
]

URGENT = [(family, text) for family, (urgent, _) in FAMILIES.items() for text in urgent]
HARMLESS = [(family, text) for family, (_, harmless) in FAMILIES.items() for text in harmless]


@pytest.mark.parametrize(("family", "text"), URGENT)
def test_quiet_sign_is_urgent(family: str, text: str) -> None:
    assert rules_urgent(text), f"{family}: {text}"


@pytest.mark.parametrize(("family", "text"), HARMLESS)
def test_shared_words_stay_calm(family: str, text: str) -> None:
    assert not rules_urgent(text), f"{family}: {text}"


def test_named_death_reason_is_general() -> None:
    reasons = rules_reasons("過労死したい")
    assert any("死に方を名指しした死の願い" in reason for reason in reasons)
    assert not any("餓死" in reason for reason in reasons)


def test_survivor_reason_names_the_wish() -> None:
    reasons = rules_reasons("ニュースで事故の犠牲者を見るたび、なんで私じゃなかったんだろうと思う")
    assert any("代わりに死ねばよかった" in reason for reason in reasons)


@pytest.mark.parametrize("text", NOTED)
def test_idiom_is_noted_harmless(text: str) -> None:
    reasons = rules_reasons(text)
    assert not rules_urgent(text)
    assert any(reason.startswith("[緊急ではない]") for reason in reasons), reasons


def test_hard_life_keeps_a_wish_urgent() -> None:
    assert rules_urgent("生きづらい。もう消えたい")
