"""Canonical text for triage: one spelling for the many ways people write the same words.

`normalize_text` repeats what intake does (NFKC, whitespace folded, unencodable characters
replaced), so the classifier gives the same result on raw text and on intake's normalized
text. `canonicalize` goes further and
only feeds the classifier; counselors always see the original message.
"""

import re
import unicodedata

WHITESPACE_RUN = re.compile(r"\s+")
# NUL and lone surrogates become U+FFFD, as in intake, because Sudachi only accepts text that
# encodes as UTF-8 and raw text (a CLI line, a test) may contain them.
UNENCODABLE = re.compile("[\x00\ud800-\udfff]")

# Emoji that people use in place of a means of self-harm, mapped to the word the rules know.
# Skull emoji are left out on purpose: 「笑いすぎて💀」 is everyday slang for laughing hard.
EMOJI_WORDS = {
    "💊": "薬",
    "🔪": "刃物",
    "🗡": "刃物",
    "🪒": "カミソリ",
    "🪢": "ロープ",
    "🩸": "血",
    # Places and means drawn as pictures: 🌉の上 is 橋の上, 屋上🏢なう is a rooftop now.
    "🌉": "橋",
    "🏢": "ビル",
    "🚃": "電車",
    "🚆": "電車",
    "🔫": "銃",
}
EMOJI_PATTERN = re.compile("|".join(map(re.escape, EMOJI_WORDS)))
# Three or more pill emoji in a row picture a handful of pills: 💊💊💊全部飲んだ.
PILL_PILE = re.compile("💊{3,}")
# A building with an arrow down: 🏢⬇️ いまから pictures a jump.
BUILDING_DOWN = re.compile("🏢\\s*⬇")
# A pill emoji with a count: 💊×40 is forty pills.
PILL_COUNT = re.compile(r"💊\s*[×xX✕*]\s*(\d+)")
# A grave or an angel as where the sender wants to go or what to become: もう🪦行きたい,
# 👼になりたい. Alone, next to other words, they are only a mood (仕事疲れた🪦).
DESTINATION_EMOJI = {"🪦": "墓", "⚰": "墓", "👼": "天使"}
DESTINATION_PATTERN = re.compile("[🪦⚰👼](?=[にへ]?(?:行き|いき|逝き|入り|はいり|なり|なれ))")
VARIATION_SELECTORS = re.compile("[\ufe0e\ufe0f]")
# Zero-width and other invisible format characters: 消\u200bえたい reads as 消えたい.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Japanese puts no spaces between words, so a space between two Japanese characters only
# spreads a word out (き え た い, 死に たい) or follows an older phone's habit.
JAPANESE_CHARACTER = "\u3005\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff"
SPACE_IN_JAPANESE = re.compile(f"(?<=[{JAPANESE_CHARACTER}]) (?=[{JAPANESE_CHARACTER}])")

# 4, ○ and similar stand in for 死 in censored or playful spellings: 4にたい, ○にたい, 〇にます,
# 4ね.
CENSORED_DIE = re.compile(r"[4〇○●◯](?=に(?:た|て|そ|ま)|ね(?:$|[^ぁ-ん]|たら|れば|ば)|の[うー])")
# 死んでしまいでど思う: Yamagata しまいたい after て or で. おしまいです has no て before it.
DIALECT_SHIMAI_DESIRE = re.compile(r"(?<=[てで])しまいで(?=$|[^ぁ-ん]|[どとなよねべずわんの])")
# ぼくがしねば: 死ねば in hiragana after its subject. Tohoku おれがしねばなんね is しなければ
# ならない, so an obligation after it keeps the spelling.
HIRAGANA_DIE_IF = re.compile(r"(?<=[がも])しねば(?!なん|なら|いけ|だめ|ダメ)")
# 死にたみ, 消えたみ: net slang that turns 〜たい into a noun with the same meaning.
DESIRE_NOUN = re.compile(r"(?<=死に|しに|消え|きえ)たみ")
# Yamagata spellings that Sudachi cannot read, mapped to standard ones.
DIALECT_SPELLINGS = {
    "生ぎで": "生きて",
    # いぎでだぐね is 生きていたくない in kana; いぎ alone may be 異議.
    "いぎでだぐ": "生きてたく",
    "生ぎ": "生き",
    "生きで": "生きて",
    "いなぐ": "いなく",
    # 見つからねげれば is Tohoku 見つからなければ.
    "ねげれば": "なければ",
    "いだぐ": "いたく",
    # いねぐなる, いねくなる: Tohoku いなくなる.
    "いねぐ": "いなく",
    "いねく": "いなく",
    "行ぎ": "行き",
    "行ぐ": "行く",
    "逝ぎ": "逝き",
    "早ぐ": "早く",
    "いっぺぇ": "いっぱい",
    "いっぺえ": "いっぱい",
    # げんど is Tohoku けれど; without the rewrite Sudachi reads its ん as the negation ず.
    "げんど": "けれど",
    "げっと": "けれど",
    # 思ってねぇ, 言ってねぇ: Tohoku and casual negation, which Sudachi reads as the particle ね.
    "ってねぇ": "ってない",
    "ってねえ": "ってない",
    "居ねぐ": "居なく",
    "起ぎ": "起き",
    # 思ってだっけ: Tohoku voices the past た after て.
    "てだっけ": "てたっけ",
    # よろしぐ and 片付げ: Tohoku voices the k of よろしく and 片付け.
    "よろしぐ": "よろしく",
    "付げ": "付け",
    # Kansai and Kyushu forms of 生きていても, いなくなってしまいたい and しょうがない.
    "生きとって": "生きていて",
    "おらんようにな": "いなくな",
    "てまいたい": "てしまいたい",
    "しょうがなかっちゃん": "しょうがない",
    # 考へて居ります: the old kana spelling of 考えて.
    "考へ": "考え",
    # わがんね is Tohoku わからない: 生ぎでる意味わがんね.
    "わがんねぐ": "わからなく",
    "わがんね": "わからない",
    # ごど is Tohoku こと; 思い残すごどね is 思い残すことない.
    "ごどねぇ": "ことない",
    "ごどね": "ことない",
    "ごど": "こと",
    # らぐ is Tohoku 楽 and なんべ is なるべ: しんだほうがらぐだべ, 楽になんべが.
    "ほうがらぐ": "ほうが楽",
    "方がらぐ": "方が楽",
    "になんべ": "になるべ",
    # なわかけでみだ is 縄をかけてみた; なわ in kana is read as 輪掛け without the rewrite.
    "なわかけでみだ": "縄をかけてみた",
    "かけでみだ": "かけてみた",
    # いつそ is the old spelling of いっそ without the small つ.
    "いつそ自分": "いっそ自分",
    "いつそ、": "いっそ、",
    # 行ってみっか is Tohoku and Kanto 行ってみるか.
    "てみっか": "てみるか",
    "でみっか": "でみるか",
    # いがった and えがった are Yamagata よかった: 生まれでこねほうがいがった.
    "いがった": "よかった",
    "えがった": "よかった",
    # Tohoku voices the て of ためてる: 薬ためでる.
    "ためでる": "ためてる",
    "ためでだ": "ためてた",
    "ためでん": "ためてん",
    # Yamagata けろ and けね are くれ and くれない: 探さねでけろ, お迎え来てけねべが.
    "てけろ": "てくれ",
    "でけろ": "でくれ",
    "てけね": "てくれない",
    "でけね": "でくれない",
    # Tohoku いね and Western おらん are いない: おらなんか、いねほうがいいんだべ.
    "いねほう": "いないほう",
    "いね方": "いない方",
    "おらんほう": "いないほう",
    "おらん方": "いない方",
    # 生まれでこねほうが is 生まれてこないほうが.
    "生まれで": "生まれて",
    "こねほう": "こないほう",
    "こね方": "こない方",
    # いぎでる and いぎでで are Tohoku 生きてる and 生きてて; いぎでぇ (行きたい) stays.
    "いぎでる": "生きてる",
    "いぎでん": "生きてん",
    "いぎでで": "生きてて",
    "いぎでも": "生きても",
    "生ぎででも": "生きていても",
    "生ぎでだって": "生きてたって",
    # しょうがねぇ and すかだねぇ are しょうがない and 仕方ない.
    "しょうがねぇ": "しょうがない",
    "しょうがねえ": "しょうがない",
    "すかだねぇ": "仕方ない",
    "すかだねえ": "仕方ない",
    "しかだねぇ": "仕方ない",
    "しかたねぇ": "仕方ない",
    "仕方ねぇ": "仕方ない",
    "どこにもねぇ": "どこにもない",
    "どこにもねえ": "どこにもない",
    # Tohoku voices the k of 亡くなる, はやく and なくなる, and the t of から.
    "亡ぐ": "亡く",
    "はやぐ": "はやく",
    "なぐなっ": "なくなっ",
    "ねぐて": "なくて",
    "んでがら": "んでから",
    "ってがら": "ってから",
    "してがら": "してから",
    "なっから": "なるから",
    # 死ぬがど思った is 死ぬかと思った; 動げねがった is 動けなかった.
    "がど思": "かと思",
    "げねがった": "けなかった",
    # じいちゃんのとごさ, じさまの居るどごさ: Tohoku ところに after の or a verb.
    "のとごさ": "のところに",
    "のどごさ": "のところに",
    "るとごさ": "るところに",
    "るどごさ": "るところに",
    "じさま": "じいさま",
    "ばさま": "ばあさま",
    # 終わりにすっず, もう終わりにすっから: Tohoku する.
    "すっず": "する",
    "すっから": "するから",
    # ありがとさま and ありがどさま are Tohoku ありがとう.
    "ありがとさま": "ありがとう",
    "ありがどさま": "ありがとう",
    "ありがど": "ありがと",
    # 消えでしまいでのー: Tohoku 消えてしまいたいの.
    "えでしまいで": "えてしまいたい",
    "泣ぐ": "泣く",
    "しねのに": "しないのに",
    # 探さねでけろ, 帰らねつもり, 見つかんねほうがいい, 雪さ埋もっで: Tohoku negation and て.
    "探さね": "探さない",
    "帰らねつもり": "帰らないつもり",
    "見つかんね": "見つからない",
    "埋もっで": "埋もれて",
    "踏まねで": "踏まないで",
    # ホームのはし, 橋の上 したみてる: 端 and 下見てる written in kana.
    "ホームのはし": "ホームの端",
    "したみてる": "下見てる",
    # 屋上 とぶね: 飛ぶ in kana before a final particle.
    "とぶね": "飛ぶね",
    "とぶわ": "飛ぶわ",
    "とぶから": "飛ぶから",
    # 迎えさ来てけろ: さ marks the goal after a kana ending too.
    "迎えさ来": "迎えに来",
    # 死なねばなんね and 消えなきゃなんねぇ are Tohoku 〜ねばならない and 〜なきゃならない.
    "ばなんねぇ": "ばならない",
    "ばなんねえ": "ばならない",
    "ばなんね": "ばならない",
    "ゃなんねぇ": "ゃならない",
    "ゃなんねえ": "ゃならない",
    "ゃなんね": "ゃならない",
    # 連れでってけろ is Tohoku 連れてってくれ.
    "連れでってけろ": "連れてってくれ",
    "連れでって": "連れてって",
    "連れでいって": "連れていって",
    # いぎでぇ alone is Tohoku 行きたい: じいちゃんのとごさ はやぐ いぎでぇ.
    "いぎでぇ": "行きたい",
    "いぎでえ": "行きたい",
}
# タヒ is 死 split into two katakana; タヒチ (Tahiti) is a real word and stays. タヒる is
# slang for 死ぬ, so タヒりたい becomes 死にたい.
TAHI_VERB = re.compile(r"タヒ[りる](?=た|ま|そ)")
TAHI_PATTERN = re.compile(r"タヒ(?!チ)")
# タヒる, タヒった and タヒろう in the plain, past and volitional forms of 死ぬ.
TAHI_PLAIN = re.compile(r"タヒる")
TAHI_PAST = re.compile(r"タヒった")
TAHI_TE = re.compile(r"タヒって")
TAHI_VOLITIONAL = re.compile(r"タヒろ(?=う|っ|ー)")
# Kyushu たか is たい: もう死にたか. The standard past of 死ぬ is 死んだ, so 死にたか can only be
# the wish; 消えたか is a standard question and stays. 死にたかった and 死にたかろう stay too.
KYUSHU_WISH_DIE = re.compile(r"(?<=死に|しに)たか(?![っろら])")
# Kyushu よか is 良い: 死んだほうがよか and よかった and よかろう stay.
KYUSHU_GOOD = re.compile(r"(?:(?<=ほうが)|(?<=方が))よか(?![っろ])")
# 氏 in place of 死 only in the verb forms 氏にたい, 氏ね, 氏のう; 「山田氏に」 stays.
UJI_PATTERN = re.compile(r"氏(?=に(?:た|て|そ|だ)|ね(?:ば|る|よ|$|[^ぁ-ん])|のう)")

# Risk words written in hiragana that Sudachi splits wrongly (じさつ becomes じ/さつ, いきてる
# becomes 行く). They are rewritten wherever they occur, so each key is long enough not to
# occur inside ordinary words.
HIRAGANA_SPELLINGS = {
    "じさつ": "自殺",
    "きしねんりょ": "希死念慮",
    # ねたまま おきたくない: Sudachi reads ねた as a noun and おき as 置く.
    "ねたままおき": "寝たまま起き",
    "りすか": "リスカ",
    "いきてる": "生きてる",
    "いきてた": "生きてた",
    "いきてるいみ": "生きてる意味",
    "たぃ": "たい",
    "なぃ": "ない",
    "いきていたく": "生きていたく",
    "いきてても": "生きてても",
    "いきるいみ": "生きる意味",
    # 頭打ちつける: without を, Sudachi reads 頭打ち (a ceiling) as one noun.
    "頭打ちつけ": "頭を打ちつけ",
    "頭打ち付け": "頭を打ち付け",
    # 心臓とまって: Sudachi reads と as a particle and まっ as 待つ.
    "心臓とま": "心臓止ま",
    # Written out before the long-vowel marks are dropped, which would leave おばどず.
    "おーばーどーず": "オーバードーズ",
}
# Voice-input and conversion slips of risk words: 首釣り for 首吊り, 飛び折り for 飛び降り.
CONVERSION_SLIPS = {"首を釣": "首を吊", "首釣": "首吊", "飛び折り": "飛び降り"}
# 生きてく and 生きてけない drop the い of 生きていく; Sudachi then reads てく as one
# auxiliary that the rules do not know. 生きてくれ and 生きてください keep their form.
CONTRACTED_GOING = re.compile(r"(?<=生き)て(?=く(?![れだ])|け(?!ど))")
# Sudachi misreads リスカ and アムカ after some words (またリスカ becomes また/リ/スカし). So
# they are spelled out, and the self-harm rules read リスト + カット and アーム + カット.
SELF_HARM_SLANG = {"リスカ": "リストカット", "アムカ": "アームカット", "レグカ": "レッグカット"}
# 紐なしバンジー: a bungee jump without the cord, net slang for jumping to one's death.
JUMP_SLANG = {
    "紐なしバンジー": "飛び降り",
    "ひもなしバンジー": "飛び降り",
    "ヒモなしバンジー": "飛び降り",
}
# 死にたすぎる, 消えたすぎ: slang that fuses たい with すぎる; たいすぎ reads as たい.
DESIRE_EXCESS = re.compile(r"(?<=[いきしちにひみりぎじびえけせてねめれげでべ])たすぎ")

KATAKANA_RUN = re.compile(r"[ァ-ヴー]{2,}")
KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(ord("ァ"), ord("ヴ") + 1)}
# Words written in katakana for effect (ｼﾆﾀｲ becomes シニタイ after NFKC), keyed by their
# hiragana reading. Sudachi reads シニタイ as one unknown noun, so it needs this rewrite.
KATAKANA_SPELLINGS = {
    "しにたい": "死にたい",
    "しにたく": "死にたく",
    "しにて": "死にて",
    "しのう": "死のう",
    "しね": "死ね",
    "きえたい": "消えたい",
    "きえて": "消えて",
    "じさつ": "自殺",
    "さみしい": "さみしい",
    "さびしい": "さびしい",
    "つらい": "つらい",
    "しんどい": "しんどい",
    "たすけて": "助けて",
}
KATAKANA_PREFIXES = sorted(KATAKANA_SPELLINGS, key=len, reverse=True)
# Readings that may carry a tail (シニタイヨ, ジサツシタイ). The short ones must match the whole
# run, so that シネマ (cinema) does not become 死ねま.
KATAKANA_OPEN_PREFIXES = frozenset({"しにたい", "しにたく", "きえたい", "じさつ", "たすけて"})

# A character repeated three or more times stands for one: しにたいいいい, ！！！, ｗｗｗ.
# Digits are kept, because 1000錠 is not 10錠 and a reason quotes the number as written.
REPEATED_CHARACTER = re.compile(r"([^0-9])\1{2,}")
# A phrase said again and again stands for one: しにたいしにたいしにたい. Sudachi misreads the
# run (し/に/たいし), so it is cut to one copy. Units start at three characters, because
# two-character doublings are ordinary words (いろいろ, だんだん, ますます), and contain no
# ASCII or space, because English repeats short letter runs all the time (" be be" in
# "would be better").
REPEATED_PHRASE = re.compile(r"([^\x00-\x7f\s]{3,8}?)\1+")

# Typos and censored spellings of 死にたい and 自殺: 市にたい (a conversion slip), しにた (cut
# off before い, since 死にた is no past form), 自〇したい and 自〇願望. 市に before たいして
# (に対して) or たくさん stays.
CITY_TYPO = re.compile(r"市に(?=たい(?!し)|たく(?!さ))")
# ちにたい is baby talk for しにたい; うちにたいして (うちに対して) keeps its kana before ち.
BABY_TALK_DIE = re.compile(r"(?<![ぁ-んァ-ヶ\u4e00-\u9fff])ちにた(?=い|く)")
CUT_OFF_DESIRE = re.compile(r"(?:死に|しに)た(?=$|[^ぁ-んァ-ヴー])")
CENSORED_SUICIDE = re.compile(
    r"自[〇○●◯⚪⭕×✕*](?=し|す|未遂|願望|志願|念慮|サイト|予告|って|とか|の(?:方法|仕方|やり方))"
)
# Shonai and other Tohoku dialects say す for し: すにでぇ, すにだぐで.
DIALECT_SHI = re.compile(r"(?<![ぁ-ん])すに(?=[てで][ぇえー]|だ[いぐく]|た[いく])")
# しぬ in hiragana is always 死ぬ in chat; Sudachi reads it as し + the old negation ぬ.
# しぬく (し抜く) and the like stay.
HIRAGANA_DIE = re.compile(r"しぬ(?![かきくけこい])")
# しんでもいい and しんだほうが in hiragana are 死んで and 死んだ; Sudachi reads し as する.
# Only at the start of a clause or after もう or いっそ, because たのしんでもいい and
# くるしんだほうが end other verbs.
HIRAGANA_DIED = re.compile(
    r"(?:^|(?<=[^ぁ-んァ-ヶ\u4e00-\u9fff々])|(?<=もう)|(?<=いっそ))しん"
    r"(?=でも(?:いい|良い|かまわ|構わ)|だ(?:ほうが|方が)|でしまいたい|じゃいたい|じゃえ|だら楽)"
)
# ロープかいました, ロープかってきた: 買う in kana after a rope or charcoal; Sudachi reads かい
# as か + いる. かってに (勝手に) stays.
KANA_BOUGHT = re.compile(
    r"(?:(?<=ロープ)|(?<=練炭))(を?)か(?=い(?:ました|ます|に|た)|った|って(?!に))"
)
# くすり is read as an adverb by Sudachi; くすりと笑う (a giggle) stays.
HIRAGANA_MEDICINE = re.compile(r"くすり(?!と(?:笑|わら))")
# のみました and のんだ in kana after a medicine or an amount (薬ぜんぶのみました, 錠のんだ) are
# 飲む; Sudachi reads 全部のみ as 全部 + の + 見る. 一部のみ (only a part) takes no ました.
HIRAGANA_SWALLOW = re.compile(
    r"(?<=[薬剤錠部ぶ])の(?=みまし|みすぎ|みたい|ん[だでじ])|の(?=んでいい|んでもいい)"
)
# 意味ないし、 is 無い + し; Sudachi reads ないし after a noun as 乃至 (一ないし三, "or").
NOUN_NAISHI = re.compile(r"(?<=[\u4e00-\u9fff])(?<!少)ないし(?=$|[、。,.!?！？\s⏎」』)]|もう)")
# 首をしめる in kana is 絞める; Sudachi leaves しめる as a word of its own.
NECK_SHIME = re.compile(r"(?:(?<=首を)|(?<=首))しめ(?=[たてるらりれろよ])")
# パキる is slang for taking a pile of pills (薬ぱきぱきした, パキった).
PAKI_SLANG = re.compile(r"パキ(?:っ(?=[たて])|り(?=[たま])|る)")
PAKI_MIMETIC = re.compile(r"(?<=薬)ぱきぱき(?=し)")
# 人生から「ログアウト」したい: a word put in quotes for effect and used as a verb with する.
# The quotes would hide the word from the rules, which read a quote as someone's speech.
# 「明日行く」しか言わない quotes speech, followed by しか.
SCARE_QUOTED_VERB = re.compile(r"[「『]([^「」『』、。!?\s]{1,10})[」』](?=し(?!か)|す|さ)")
# きずかない is a common misspelling of 気づかない.
NOTICE_TYPO = re.compile(r"きず(?=かな[いかくけ]|いて|いた)")
# Tohoku forms that Sudachi splits wrongly: 消えっだい (消えたい), 消えっだぐ (消えたく),
# 消えっちまいてぇ (消えてしまいたい), 生まっちぇ (生まれて), 生ぎでらんね (生きていられない).
DIALECT_PAST = re.compile(r"(?<=[えけせてねめれげでべ])っだ(?=い|ぐ|く|ほう|方)")
STEM_SHIMAU = re.compile(r"(?<=[えけせてねめれげでべ])っちま")
DIALECT_SHIMAU = re.compile(r"っちま")
DIALECT_PASSIVE_TE = re.compile(r"(?<=[ぁ-ん一-龯])っちぇ")
# 生まれてこねば is 生まれてこなければ; Sudachi reads こね as 捏ねる.
DIALECT_UNLESS_COME = re.compile(r"(?<=て)こね(?=ば)")
# Tohoku voices ち after a kanji stem: 落ぢだら is 落ちたら, 持ぢ is 持ち.
VOICED_CHI = re.compile(r"(?<=[\u4e00-\u9fff])ぢ")
DIALECT_CANNOT = re.compile(r"らんね[ぇえー]*(?=$|[^ぁ-ん]|[よなべずわ])")
# 生きてるのやんだ: Yamagata やんだ is 嫌だ after the nominalizer の; 雨がやんだ stays.
DISLIKE_BECOMING = re.compile(r"(?<=の)やんだぐ(?=な)")
DIALECT_DISLIKE = re.compile(r"(?<=の)やんだ")
# こともね。is こともない: 考えたこともね.
NEVER_EVEN = re.compile(r"(?<=こと)もね(?=$|[。、.!?])")

# Stems that end in the i or e row; a dialect desire ending can only follow these.
VERB_STEM_END = "いきしちにひみりぎじびぴえけせてねへめれげぜでべぺ"
# Tohoku and casual desire endings: 死にてぇ, 消えでぇ, しにてー all mean 〜たい.
# Nagoya てゃあ is たい: 死にてゃあ, 消えてゃあ.
NAGOYA_DESIRE = re.compile(rf"(?<=[{VERB_STEM_END}\u4e00-\u9fff])てゃあ+")
DIALECT_DESIRE = re.compile(
    rf"(?<=[{VERB_STEM_END}\u4e00-\u9fff])[てで](?:ぇ|え|ー)+(?=$|[^ぁ-ん]|[なよねべずわんのっ])"
)
# Yamagata voices the t of たい and たく after these stems: 死にだい, 消えだい, 死にだぐ, and
# after て in 生ぎでだぐねぇ (生きていたくない).
VOICED_DESIRE = re.compile(r"(?<=死に|しに|消え|きえ|なり|まい)だ(?=い|く|ぐ)|(?<=て)だ(?=ぐ|く)")
# Tohoku voices the て of 〜てもいい after a verb stem: 凍えでもいい is 凍えてもいい. The stem
# must follow a kanji, because それでもいい and これでもいい are the particle でも.
DIALECT_TE_MO = re.compile(r"(?<=[\u4e00-\u9fff][えけせてねめれげべ])で(?=もい|もえ)")
# 傷つけねど is Tohoku 傷つけないと: the negation before the condition と.
DIALECT_UNLESS = re.compile(r"(?<=[けげせてねべめれえ])ねど(?=、|,|$|\s)")
# 首つろう and 首くぐる: hanging spelled in kana, which Sudachi reads as 辛い or 潜る.
HANGING_KANA = re.compile(r"(?<=首)(?:を)?つ(?=ろう|って|る|り)")
HANGING_DIALECT = re.compile(r"(?<=首)くぐ(?=る|っ|り)")
# Tohoku marks a destination with さ: あの世さ行ぐ is あの世に行く.
DIALECT_DIRECTION = re.compile(
    r"(?:(?<=[^\sぁ-ん])|(?<=っち))さ(?=行|いく|いき|逝|入|来|戻|帰|落|飛)"
)
# 言ってんだ, 死んでんの: the spoken ている before ん; Sudachi reads that ん as the negation ず.
SPOKEN_PROGRESSIVE = re.compile(r"(?<=[てで])ん(?=だ|じゃ)")
# 生きてんの is 生きてるの: before the nominalizer の the ん stands for る alone.
SPOKEN_PROGRESSIVE_NOUN = re.compile(r"(?<=[てで])ん(?=の)")
VOICED_NEGATIVE = re.compile(r"(?<=た)ぐ(?=ね|な)")
# 死にだぐで is 死にたくて once VOICED_DESIRE has made it 死にたぐで.
VOICED_DESIRE_TE = re.compile(r"(?<=た)ぐ[でて]")
# Tohoku and casual negative desire: 死にたくね, 死にたくねぇ mean 死にたくない. Without this
# rewrite Sudachi reads ね as a sentence-final particle and the negation is lost.
DIALECT_NEGATIVE_DESIRE = re.compile(r"たく(なんか)?ね[ぇえー]?(?=$|[^ぁ-ん]|[よなべずわしんがっ])")
# Tohoku and casual ねぇ for ない after しか: 死ぬしかねぇべ is 死ぬしかないべ.
ONLY_NEGATIVE = re.compile(r"(?<=しか)ね[ぇえー]*(?=$|[^ぁ-ん]|[べよなずわん])")
# ねぇ after these nouns is the negation ない, not the particle: 生きてる意味ねぇ.
NEE_AFTER_LACK = re.compile(
    r"(意味|価値|資格|理由|希望|未来|居場所|未練|気力|一度も|ことは|ことも)"
    r"ね[ぇえー]+(?=$|[^ぁ-ん]|[よなべずわしん])"
)
# Yamagata ends sentences with ず (死にてぇず, 切ってしまったず, 来てほしいず). After た, だ and
# an adjective's い the negation ず cannot stand, but Sudachi reads it so; it is dropped there.
DIALECT_FINAL_ZU = re.compile(r"(?<=[たい]|だ)ず(?=$|[^ぁ-ん]|[よねな])")
# A long-vowel mark after hiragana (死にたーい, 消えたーい) adds no meaning; katakana keeps it.
HIRAGANA_LONG_VOWEL = re.compile(r"(?<=[ぁ-ん])[ー〜~]+")
# A small ぁ that stretches the たい or ない ending only draws it out: 死にたぁい, しにたぁぁい,
# 生きたくなぁい. Other small vowels change the sound (ふぁ, でぃ) or are words (ねぇ).
STRETCHED_VOWEL = re.compile(r"(?<=[たな])ぁ+(?=い)")

ASCII_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})

# One pass for all fixed spellings. りすか maps straight to リストカット, the end of its chain.
SPELLINGS = {
    **DIALECT_SPELLINGS,
    **SELF_HARM_SLANG,
    **JUMP_SLANG,
    **HIRAGANA_SPELLINGS,
    **CONVERSION_SLIPS,
    "りすか": SELF_HARM_SLANG["リスカ"],
}
SPELLING_PATTERN = re.compile("|".join(map(re.escape, sorted(SPELLINGS, key=len, reverse=True))))
# Rewrites in the order they run, each with the strings that must occur for it to apply: a
# text without any of them cannot match the pattern. Triggers as long as the pattern allows
# (てぇ rather than ぇ) skip the pattern on more messages.
TRIGGERED_REWRITES: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = (
    (("」し", "」す", "」さ", "』し", "』す", "』さ"), SCARE_QUOTED_VERB, r"\1"),
    (("市に",), CITY_TYPO, "死に"),
    (("ちにた",), BABY_TALK_DIE, "死にた"),
    (("生きて",), CONTRACTED_GOING, "てい"),
    (("すに",), DIALECT_SHI, "死に"),
    (("しぬ",), HIRAGANA_DIE, "死ぬ"),
    (("しんで", "しんだ", "しんじゃ"), HIRAGANA_DIED, "死ん"),
    (("ロープか", "ロープをか", "練炭か", "練炭をか"), KANA_BOUGHT, r"\1買"),
    (("くすり",), HIRAGANA_MEDICINE, "薬"),
    (("のみ", "のん"), HIRAGANA_SWALLOW, "飲"),
    (("ないし",), NOUN_NAISHI, "無いし"),
    (("首しめ", "首をしめ"), NECK_SHIME, "絞め"),
    (("パキ",), PAKI_SLANG, "odし"),
    (("ぱきぱき",), PAKI_MIMETIC, "od"),
    (tuple("自" + mark for mark in "〇○●◯⚪⭕×✕*"), CENSORED_SUICIDE, "自殺"),
    (("きず",), NOTICE_TYPO, "気づ"),
    (("っだ",), DIALECT_PAST, "た"),
    (("っちま",), STEM_SHIMAU, "てしま"),
    (("っちま",), DIALECT_SHIMAU, "ってしま"),
    (("っちぇ",), DIALECT_PASSIVE_TE, "れて"),
    (("こねば",), DIALECT_UNLESS_COME, "こなけれ"),
    (("ぢ",), VOICED_CHI, "ち"),
    (("らんね",), DIALECT_CANNOT, "られない"),
    (("やんだ",), DISLIKE_BECOMING, "嫌に"),
    (("やんだ",), DIALECT_DISLIKE, "嫌だ"),
    (("こともね",), NEVER_EVEN, "もない"),
    (("ねど",), DIALECT_UNLESS, "ないと"),
    (("でもい", "でもえ"), DIALECT_TE_MO, "て"),
    (("首つ", "首をつ"), HANGING_KANA, "吊"),
    (("首くぐ",), HANGING_DIALECT, "くく"),
    (("しまいで",), DIALECT_SHIMAI_DESIRE, "しまいたい"),
    (("しねば",), HIRAGANA_DIE_IF, "死ねば"),
    (("タヒ",), TAHI_VERB, "死に"),
    (("タヒる",), TAHI_PLAIN, "死ぬ"),
    (("タヒった",), TAHI_PAST, "死んだ"),
    (("タヒって",), TAHI_TE, "死んで"),
    (("タヒろ",), TAHI_VOLITIONAL, "死の"),
    (("がよか",), KYUSHU_GOOD, "よい"),
    (("にたか",), KYUSHU_WISH_DIE, "たい"),
    (("てゃあ",), NAGOYA_DESIRE, "たい"),
    (("タヒ",), TAHI_PATTERN, "死"),
    (("氏",), UJI_PATTERN, "死"),
    (tuple("4〇○●◯"), CENSORED_DIE, "死"),
    (("たみ",), DESIRE_NOUN, "たい"),
    (("てぇ", "てえ", "てー", "でぇ", "でえ", "でー"), DIALECT_DESIRE, "たい"),
    (("だい", "だく", "だぐ"), VOICED_DESIRE, "た"),
    (("たぐ",), VOICED_NEGATIVE, "く"),
    (("たぐ",), VOICED_DESIRE_TE, "くて"),
    (("たくね", "たくなんかね"), DIALECT_NEGATIVE_DESIRE, r"たく\1ない"),
    (("しかね",), ONLY_NEGATIVE, "ない"),
    (("ねぇ", "ねえ", "ねー"), NEE_AFTER_LACK, r"\1ない"),
    (("たず", "いず", "だず"), DIALECT_FINAL_ZU, ""),
    (
        ("さ行", "さいく", "さいき", "さ逝", "さ入", "さ来", "さ戻", "さ帰", "さ落", "さ飛"),
        DIALECT_DIRECTION,
        "に",
    ),
    (("てん", "でん"), SPOKEN_PROGRESSIVE, "るん"),
    (("てんの", "でんの"), SPOKEN_PROGRESSIVE_NOUN, "る"),
    (("たすぎ",), DESIRE_EXCESS, "たいすぎ"),
    # After the dialect desire rules, which turn しにでぇ into しにたい first.
    (("死にた", "しにた"), CUT_OFF_DESIRE, "死にたい"),
    # Stretched vowels go after the dialect rules, which read でぇ and てぇ.
    (("ぁ",), STRETCHED_VOWEL, ""),
    (tuple("ー〜~"), HIRAGANA_LONG_VOWEL, ""),
)


def normalize_text(text: str) -> str:
    """Apply NFKC (half-width katakana become full-width), then fold runs of whitespace."""
    encodable = UNENCODABLE.sub("\ufffd", text)
    return WHITESPACE_RUN.sub(" ", unicodedata.normalize("NFKC", encodable)).strip()


def canonicalize(text: str) -> str:
    """Return the spelling the rules match: normalized, lower case, slang and dialect folded."""
    return canonicalize_normalized(normalize_text(text))


def canonicalize_normalized(normalized: str) -> str:
    """Return canonicalize(normalized) for text that normalize_text returned.

    normalize_text is idempotent, so the classifier, which keeps the normalized text too,
    skips normalizing it twice.
    """
    canonical = INVISIBLE.sub("", normalized)
    canonical = SPACE_IN_JAPANESE.sub("", canonical).lower().translate(ASCII_APOSTROPHES)
    canonical = VARIATION_SELECTORS.sub("", canonical)
    # Most messages have none of these emoji, so each rewrite runs only when its emoji occurs.
    if "🏢" in canonical:
        canonical = BUILDING_DOWN.sub("ビルから飛び降り", canonical)
    if "💊" in canonical:
        canonical = PILL_COUNT.sub(r"薬\1錠", canonical)
    canonical = PILL_PILE.sub("大量の薬", canonical)
    if any(emoji in canonical for emoji in DESTINATION_EMOJI):
        canonical = DESTINATION_PATTERN.sub(
            lambda match: DESTINATION_EMOJI[match.group()], canonical
        )
    canonical = EMOJI_PATTERN.sub(lambda match: EMOJI_WORDS[match.group()], canonical)
    canonical = REPEATED_CHARACTER.sub(r"\1", canonical)
    canonical = REPEATED_PHRASE.sub(r"\1", canonical)
    canonical = SPELLING_PATTERN.sub(lambda match: SPELLINGS[match.group()], canonical)
    canonical = KATAKANA_RUN.sub(_respell_katakana, canonical)
    for triggers, pattern, replacement in TRIGGERED_REWRITES:
        # Most messages contain none of a rule's trigger strings; skipping the regex then
        # keeps canonicalize cheap. A plain loop, because a generator per rule in any()
        # cost more than the regexes themselves.
        for trigger in triggers:
            if trigger in canonical:
                canonical = pattern.sub(replacement, canonical)
                break
    return canonical


def _respell_katakana(match: re.Match[str]) -> str:
    run = match.group()
    reading = run.translate(KATAKANA_TO_HIRAGANA).rstrip("ー")
    for prefix in KATAKANA_PREFIXES:
        if reading == prefix:
            return KATAKANA_SPELLINGS[prefix]
        if prefix in KATAKANA_OPEN_PREFIXES and reading.startswith(prefix):
            return KATAKANA_SPELLINGS[prefix] + reading[len(prefix) :]
    return run


# Letters of each kind, counted by alternate_spelling.
HIRAGANA_LETTER = re.compile("[\u3041-\u3096]")
KATAKANA_LETTER = re.compile("[\u30a1-\u30fa]")
KANJI_LETTER = re.compile("[\u3005\u4e00-\u9fff]")
# A katakana sentence has several words apart (ロープ カッテキタ) or at least this many
# letters (イキテルイミガナイ); one loanword (デイサービス, ハローワーク) is neither.
MIN_KATAKANA_TYPED = 8
KATAKANA_WORD = re.compile("[\u30a1-\u30fa\u30fc]+")
# Katakana words that the rules read as written, so a katakana-typed sentence keeps them.
KEPT_KATAKANA = re.compile("(ロープ|リスカ|アムカ|レグカ|タヒ|オーバードーズ)")
SMALL_VOWELS = "ぁぃぅぇぉ"
ENLARGE_SMALL_VOWELS = str.maketrans(SMALL_VOWELS, "あいうえお")


# A space after a clause's last kana (ふられた しのうかな) may end a sentence. The first
# reading joins the two clauses, and Sudachi misreads the join (ふられたしのうかな).
SPACE_AFTER_CLAUSE = re.compile(f"(?<=[たいるねよなわ]) (?=[{JAPANESE_CHARACTER}])")


def _spaces_as_sentence_ends(normalized: str) -> str | None:
    if " " not in normalized:
        # Most messages have no space, and this runs for every message not urgent at first.
        return None
    # Only a message with one such space: in ぜんぶおわりにしたい しゅくだい あと2ぺーじ the
    # words after the spaces still belong to the first clause, and some writers put a space
    # after every word.
    if len(SPACE_IN_JAPANESE.findall(normalized)) != 1:
        return None
    respelled = SPACE_AFTER_CLAUSE.sub("。", normalized)
    return None if respelled == normalized else respelled


def alternate_spelling(normalized: str) -> str | None:
    """Return normalized text respelled for a second reading by the risk rules, or None.

    Sudachi reads two ways of typing as unknown nouns. A sentence typed all in katakana
    (イキテル イミ ガ ナイ) is respelled in hiragana, which Sudachi and the spellings above
    read (生きてる意味がない). Gal-style small vowels (ぁたしなんてぃなくなればぃぃ) are
    enlarged. Small vowels also spell real sounds (ふぁ, ねぇ), so the first reading keeps
    them. A space after a clause's last kana becomes a sentence end. The classifier reads the
    second spelling only for risk, and only when the first reading is not urgent.
    """
    if any(vowel in normalized for vowel in SMALL_VOWELS):
        return normalized.translate(ENLARGE_SMALL_VOWELS)
    if HIRAGANA_LETTER.search(normalized) is not None:
        return _spaces_as_sentence_ends(normalized)
    katakana = len(KATAKANA_LETTER.findall(normalized))
    if katakana < len(KANJI_LETTER.findall(normalized)):
        return None
    if katakana < MIN_KATAKANA_TYPED and len(KATAKANA_WORD.findall(normalized)) < 2:
        return None
    pieces = KEPT_KATAKANA.split(normalized)
    # split puts the kept words at the odd positions.
    return "".join(
        piece if position % 2 else piece.translate(KATAKANA_TO_HIRAGANA)
        for position, piece in enumerate(pieces)
    )
