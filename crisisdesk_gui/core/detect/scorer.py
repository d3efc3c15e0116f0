"""Negativity scoring: lexicons over lemmas and folded forms, negation with scope, intensity,
emoji, severity and insults, the user's corrections; every weight becomes a Reason."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy

from crisisdesk_gui.core.detect import Reason, Score
from crisisdesk_gui.core.detect.langid import OTHER, identify
from crisisdesk_gui.core.detect.learn import EMPTY, Learned, text_key
from crisisdesk_gui.core.detect.lexicon import (
    LANGS,
    Lexicon,
    Table,
    load_emoji,
    load_lexicon,
    squeeze,
)
from crisisdesk_gui.core.text import fold

# Tuned with `make eval` (bench/eval_sentiment.py); see the figures printed there.
NEGATIVE_THRESHOLD = {"tr": 0.3, "pl": 0.3, "fi": 0.3, "en": 0.3}  # score at or above: negative
POSITIVE_MARGIN = 1.0  # positive evidence must beat negative by this much (length-normalised)
SCALE = 1.6  # net negative evidence that maps to score 1 - 1/e
POSITIVE_DISCOUNT = 0.7  # positive words in a complaint ("thanks for nothing") count less
NORM_WORDS = 20  # beyond this many words, evidence is divided by sqrt(words / NORM_WORDS)
SCOPE_AFTER = 3  # words a forward negator ("not", "nie", "ei") reaches
SCOPE_BEFORE = 2  # words a Turkish "değil", "yok" or negated verb reaches back
NEGATED_NEGATIVE = 0.25  # "not bad": what remains of a negated negative word
NEGATED_POSITIVE = 0.9  # "not good": a negated positive counts this much as negative
# "ei yhtään huono", "en ole ollenkaan pettynyt": under a negation these degree words mean "at
# all" and make the denial stronger, so they do not amplify what is left of a negated negative
# word ("ei kovin huono", not very bad, is still amplified: it weakens the denial).
AT_ALL = {"fi": frozenset({"yhtaan", "ollenkaan", "lainkaan", "yhtaa", "ollenkaa", "lainkaa"})}
# A negation without a lexicon word in its scope, per language: Finnish and Turkish negate far
# more often in neutral sentences than English does.
NEGATION_WEIGHT = {"tr": 0.6, "pl": 0.6, "fi": 0.4, "en": 0.6}
# Words a forward negation reaches across without using up its scope: "ei ole kovin hyvä",
# "ei oo kyllä mitään järkeä" (the copula, affirmative and negative-polarity particles).
_FI_TRANSPARENT = (
    "ole oo ollut ollu olleet olis olisi ois kylla mitaan yhtaan enaa viela edes ikina koskaan"
    " kai nyt sita se niin mikaan kukaan mitenkaan juurikaan sentaan siis"
    # spoken, the final n dropped: "ei oo mitää järkee", "ei yhtää kivaa"
    " mitaa yhtaa mikaa kukaa"
)
SCOPE_TRANSPARENT = {"fi": frozenset(_FI_TRANSPARENT.split())}
# A bare negation with an emphatic negative-polarity word in its clause ("kukaan ei ikinä",
# "et tajua yhtään", "ei voi luottaa kehenkään") is frustration more often than a fact;
# plain "ei ... mitään" is only the partitive of "anything" and does not count.
_FI_EMPHATIC = (
    "kukaan kenenkaan kenellekaan keneltakaan kehenkaan kenestakaan mikaan mistaan mihinkaan"
    " missaan millaan milloinkaan koskaan ikina yhtaan ollenkaan lainkaan edes vielakaan"
    " kumpikaan kumpaakaan mitenkaan sittenkaan tuskin edelleenkaan hetkeakaan sekuntiakaan"
    " patkaakaan tippaakaan piiruakaan grammaakaan senttiakaan yhtikas"
    # spoken, the final n dropped: "kukaa ei ikinä vastaa", "et tajua yhtää"
    " kukaa yhtaa ollenkaa lainkaa koskaa milloinkaa"
)
EMPHATIC = {"fi": frozenset(_FI_EMPHATIC.split())}
# "mikään" is emphatic as the subject before the negation ("mikään ei toimi", "mikään ei
# auta"); after it, it is the hedge "not a real X" ("ei se ole mikään salaisuus", "ei mikään
# ihme", "ei mikään maailmanloppu"), which complains no more than a plain "ei".
EMPHATIC_BEFORE_ONLY = frozenset({"mikaan"})
EMPHATIC_NEGATION = 1.6
# "kukaan normaali ihminen ei": the emphatic subject may stand this many words before "ei".
EMPHATIC_BEFORE = 3
# "Ruoka oli hyvää, mutta palvelu surkeaa": what follows "but" is what the writer means; the
# clause before it weighs less, the one after more (folded words, per language).
BUT = {"fi": frozenset({"mutta", "mut"})}
BUT_BEFORE, BUT_AFTER = 0.6, 1.3
# Bare negations counted per text: in Finnish a second plain "ei" in one sentence ("en tiedä,
# ei ole varmaa") adds no complaint; the strongest one counts.
BARE_COUNT = {"fi": 1}
# Prepositions that negate what they govern ("ilman ongelmia", "vailla vastausta") but alone
# say nothing against anyone ("kahvi ilman sokeria", "ilman lääkärin ohjetta"): they never
# count as a bare negation ("jäädä ilman", being left without, is a lexicon phrase).
NOT_BARE = {"fi": frozenset({"ilman", "vailla"})}
SCOPE_SKIP = 3  # at most this many transparent words in one scope
# Finnish word order (Scorer._negation): it fronts what is denied ("järkeä tässä ei ole",
# "vastausta ei ole kuulunut"): a negation that reaches no lexicon word negates an expected word
# at most this many words back.
FINNISH_ORDER = frozenset({"fi"})
BACK_EXPECTED_REACH = 3
# "En ole ikinä nähnyt näin huonoa palvelua", "ei ole mitään parempaa kuin": a word of degree
# before a judgement in a clause that says "never", or a comparative followed by "kuin", makes
# the judgement a superlative: the negation does not turn it.
_FI_DEGREE_WORDS = "nain noin yhta tallaista tuollaista tallainen tuollainen moista"
_FI_DEGREE = frozenset(_FI_DEGREE_WORDS.split())
_FI_EVER_WORDS = "ikina koskaan milloinkaan ennen elamassani elaissani"
_FI_EVER = frozenset(_FI_EVER_WORDS.split())
_FI_COMPARATIVE = re.compile(r"(?:mpi|mpaa|mpana|mmin|mpia)$")
# "ei voi kuin ihailla", "en voi muuta kuin suositella", "ei ole kuin yksi": "only", no denial.
_FI_ONLY_WORDS = "voi voinut voinu voisi vois voida muuta muutakaan ole oo ollut jaa"
_FI_ONLY = frozenset(_FI_ONLY_WORDS.split())
# Negation raising: "en usko, että se on hyvä idea", "en voi sanoa, että olisin tyytyväinen"
# deny the judgement of the "että" clause, as "I don't think" does in English (see _fi_raise).
_FI_RAISING_WORDS = (
    "usko uskois uskoisi luule luulis luulisi sano sanois sanoisi sanoa vaita ajattele"
)
_FI_RAISING = frozenset(_FI_RAISING_WORDS.split())
# Positive words in a question ask rather than praise ("missä on hyvä hammaslääkäri?").
QUESTION_POSITIVE = {"fi": 0.3}
# A one-sentence question that asks the other posters for help or experience ("onko kellään
# kokemusta masennuslääkkeistä?", "osaako joku sanoa mikä jarruissa on vikana?") names a
# problem rather than complains about it: its problem words count as little as praise in a
# question; insults and swearing still count in full.
# A customer's question about a case that has not happened ("do you refund it if it arrives
# damaged?", "czy mogę zwrócić, jeśli będzie uszkodzony?") asks the same way. Only a
# conditional one: a question about the customer's own case ("can I get a refund for my
# cancelled order?", "how do I complain about the late delivery?") complains.
# A Turkish question that asks for a policy or a procedure ("Ürün hasarlı gelirse iade yapıyor
# musunuz?", "Şikayet için hangi numarayı aramam gerekiyor?"): see _tr_asks.
QUESTION_HELP = QUESTION_POSITIVE["fi"]  # every language asks this way
_FI_ASKING = re.compile(
    r"\b(?:osaa(?:ko|ks)|osaisi?ko|tietaa(?:ko|ks)|tietaisiko|tiedatteko|tiiatteko"
    r"|onk(?:o|s) (?:kellaan|kenellakaan|kenella|muilla)|kokemust?a|kokemuksia"
    r"|neuvo(?:ja|a)|vinkke(?:ja)|vinkkia|mita (?:nyt |mun |minun )?(?:pitaisi |pitais )?tehda"
    r"|onk(?:o|s) (?:tama |taa |se )?normaalia|mita mielta|kauanko|kuinka (?:kauan|paljon)"
    r"|paljonko|kannattaako|kannattaisiko|pitaisiko|auttaako|auttaisiko|mika (?:auttaa|avuksi)"
    r"|mika (?:voisi|vois|voi) olla|mista (?:saa|saisi|loytaa|loytyy|tietaa)"
    r"|miten (?:paasta|paasee|hoitaa|hoidetaan|saa|saisi|saisin|korjata|korjataan)"
    # "saako rahat takaisin, jos tuote on rikki?", "jos lento peruuntuu, voiko lipun vaihtaa?":
    # a condition asks about a case, it does not report one ("saako tällaista kohtelua antaa?"
    # without one is a reproach, so the bare "saako" does not count)
    r"|(?:saako|saakohan|voiko|voikohan|voisiko|onko mahdollista)\b.*\bjos"
    r"|jos\b.*\b(?:saako|saakohan|voiko|voikohan|voisiko|onko mahdollista)"
    # "mihin numeroon voi soittaa reklamaatioasioissa?", "kenelle voin tehdä valituksen?":
    # where, whom and when to turn (but "miten voi olla näin huono?" is a reproach)
    r"|(?:mihin|mihinka|minne|mista|kenelle|keneen|kehen|kenelta|milloin) (?:\w+ )?"
    r"(?:voi|voin|voisi|voisin|voimme|pitaa|pitaisi|pitais|kannattaa|saa|saan|saisi|saisin)"
    r"\b(?! olla\b))\b"
)
_EN_ASKING = re.compile(r"\b(?:if|in case)\b")
_PL_ASKING = re.compile(r"\b(?:jesli|jezeli|gdyby|w przypadku|w razie)\b")
ASKING = {"fi": _FI_ASKING, "en": _EN_ASKING, "pl": _PL_ASKING}
# Another sentence ends before the question: "Tilaus ei tullut. Onko muilla ollut ongelmia?"
_SENTENCE_END = re.compile(r"[.!?]+\s")
# "Pazar günü açık mısınız? @KöşeFırın": Turkish tweets often end with the mention they address.
_TRAILING_MENTIONS = re.compile(r"(?:\s+[@#]\w+)+$")
# Severity entries marked "mention" (fourth column) name a topic that is not yet a complaint
# ("poliisi", "sairaala"): they still set the severity, but count this much negative per level.
MENTION_WEIGHT = 0.15
# "ei ole", "nie ma": a negated copula states a fact more often than it complains.
COPULA = frozenset({"olla", "byc", "miec"})
WRITTEN_THROUGHOUT = frozenset({"pl", "fi"})  # see Scorer._score
# An expletive (insults.txt, third column) in clear praise that addresses nobody counts this much.
FRIENDLY_EXPLETIVE = 0.2
FRIENDLY_PRAISE = 1.2  # positive evidence that makes praise clear
# Thanks and congratulations marked "irony" (third column of xx.positive.tsv: "teşekkürler",
# "helal olsun", "bravo") that are a text's only praise, beside at least this much complaint, are
# sarcasm ("teşekkürler, yine cevap yok"): they do not offset the complaint.
IRONY_NEGATIVE = 0.5
# "harika(!) bir sistem", "teşekkürler(!)": the exclamation mark in brackets marks the praise
# before it as meant the other way round (Turkish journalism and social media).
IRONY_MARK = {"tr": "(!)"}
SECOND_PERSON = {  # folded; any of these (or an @mention) aims the swearing at someone
    "tr": frozenset({"sen", "seni", "sana", "senin", "siz", "sizi", "size", "sizin", "sizler"}),
    "pl": frozenset({"ty", "cie", "ciebie", "tobie", "ci", "wy", "was", "wam", "wami"}),
    "fi": frozenset({"sina", "sua", "sinua", "sinun", "sulle", "te", "teita", "teidan"}),
    "en": frozenset({"you", "your", "youre", "u", "ur", "yours"}),
}
# "yarın ders yok": "there is none" with no lexicon word in reach states a fact more often
# than it complains ("cevap yok" reaches the expected "cevap" and counts in full).
EXISTENTIAL = {"yok": 0.5, "yoktu": 0.5, "yokmus": 0.5, "yoktur": 0.5}
COMPOUND_PART = 5  # shortest Finnish compound part tried ("muka" must not start "mukainen")
CAPS = 1.4
ELONGATED = 1.3
BANG = 1.2
SEVERITY_WEIGHT = 0.8  # negative evidence per severity level
# Languages whose writers repeat an emoticon's mouth (":(((", ":DDD", Finnish forums above
# all): a run is read as the emoticon (":((" or ":(", ":D"). Others can join once measured.
EMOTICON_RUNS = frozenset({"fi"})
_RUN_TWO = re.compile(r"(.)\1{2,}")
_RUN_ONE = re.compile(r"(.)\1+")

_TOKEN_PATTERN = (
    r"(?P<skip>https?://\S+|www\.\S+|@\w+"
    r"|(?:[\w-]+\.)+(?:com|net|org|tr|pl|fi|eu|io|co|ly|me|gl|be)(?:/\S*)?\b)"
    r"|(?P<emoticon>(?<![\w:/])(?:[:;=8xX][\-o^']?[()\[\]DPp/\\|*3@]+|<3+|</3|:'\(|\^\^|\^_\^)(?!\w))"
    r"|(?P<word>[^\W\d_]+(?:[{joiners}][^\W\d_]+)*)"
    r"|(?P<bang>!{{2,}}|\?+!+[!?]*)"
    r"|(?P<stop>[.!?;,:\-–—()\"“”]+)"
    r"|(?P<sym>[^\s\w])"
)
_TOKENS = re.compile(_TOKEN_PATTERN.format(joiners="'’"))
# Finnish writes compounds with a hyphen ("ala-arvoinen", "sote-uudistus", "paska-auto"): one
# word, judged whole or by its parts (_compound), not two words with a clause break between
# them (which also read "ala" as "älä").
_TOKENS_HYPHEN = re.compile(_TOKEN_PATTERN.format(joiners="'’\\-"))
HYPHENATED = frozenset({"fi"})

# A letter with a diacritic (Latin-1 supplement and Latin Extended-A/B, without × and ÷).
_DIACRITIC = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")

_CAMEL = re.compile(r"(?<=[a-zçğıöşüäåéąćęłńóśźż])(?=[A-ZÇĞİÖŞÜÄÅÉĄĆĘŁŃÓŚŹŻ])")

# Turkish verbal negation on the folded form: stem + (y)a/e (ability) + mA + tense/person;
# also the optative "-mAsIn(lAr)" ("bir daha olmasın") and the counterfactual "-mAsAydI"
# ("keşke gelmeseydim"), not the verbal noun "-mAsI" ("gelmesi") nor the conditional "-mAsA".
_TR_NEG_VERB = re.compile(
    r"^(?P<stem>[a-z]{2,}?)(?:y?[ae])?m(?:[ae](?:d[iu]|z(?:$|s[iu]n|l[ae]r|d[iu]|m[iu]s|[iu]z)"
    r"|m[iu]s|y[ae]c[ae][kg]|y[iu]n|m[ae]l[iu]|m$|y[iu]z$|s[iu]n$|s[iu]nl[ae]r$|s[ae]yd[iu])"
    r"|[iu]yo)"
)
_TR_QUESTION = frozenset({"mi", "mu", "miydi", "muydu", "misin", "musun", "misiniz", "miyim"})
# Words (and their inflections) that the negated-verb pattern mistakes for verbs: "komediler",
# "Biyomedikal Mühendisliği", "taşınmaz" (real estate), "semiyoloji".
_TR_NOT_VERBS = (
    "komedi",
    "trajikomedi",
    "namaz",
    "kimyon",
    "biyomedikal",
    "semiyo",
    "tasinmaz",
)
# Pronouns and demonstratives match a phrase only as written: "bunu nasıl yaparım" is not the
# reproach "bu nasıl", "hepimiz aynı" not "hep aynı" (simplemma gives "bu", "hep" as lemmas).
# Not "şu": folded it is "su" (water), whose forms must reach their lemma ("sular kesik").
_TR_PHRASE_SURFACE = frozenset({"bu", "o", "ne", "hep", "ben", "sen", "biz", "siz", "kendi"})
# "kalkmam lazım", "çalışmam gerek", "bitirmem için": "-mAm" before these is "my X-ing" (a
# verbal noun), not "I won't" ("-mAmIz", "our X-ing", is not in _TR_NEG_VERB at all).
_TR_NEED = ("gerek", "lazim", "sart", "icin")
# The negated verbal noun "-mAmA(k/sI)" ("hocanın derse gelmemesi", "bursların yatmaması") names
# a failure as the topic of a judgement: it negates the lexicon words it reaches like a negated
# verb, but adds no bare negation of its own; before a word of condition or need ("gelmemesi
# durumunda", "geç kalmaması gerekiyor") it negates nothing.
_TR_NEG_NOUN = re.compile(
    r"^(?P<stem>[a-z]{2,}?)(?:y?[ae])?m[ae]m[ae](?:k|s[iu]|l[ae]r|y[iu]|y[ae])"
)
_TR_CONDITION = (*_TR_NEED, "durum", "halinde", "halde", "takdirde")
# "sevmemek elde değil", "gurur duymamak mümkün değil", "beğenmemek imkansız": not to X is
# impossible, so X; neither the verbal noun nor the "değil", "olmaz" after it negates.
_TR_CANNOT_HELP = ("elde", "mumkun", "imkan", "olanak", "olmaz")
# "hiç bu kadar mutlu olmamıştım", "hiç böyle kötü bir hoca görmedim": "never" + a degree word
# + a negated past verb is a superlative; the verb denies nothing (see _tr_superlative).
_TR_PAST_NEG = re.compile(r"m[ae](?:d[iu]|m[iu]s)")
# The counterfactual "-mAsAydI" presupposes what it denies: "keşke bu kadar pahalı olmasaydı"
# says it is expensive, so it does not negate the words before it (it still counts as a negation).
_TR_COUNTERFACTUAL = re.compile(r"m[ae]s[ae]yd[iu]")
# A phrase entry that spells its own negation past the verb stem ("iş bulamı*", "paraya doymu*").
_TR_WRITTEN_NEG = re.compile(r"(?:y?[ae])?m")
# Negative imperatives and optatives: "üzülme", "bizi oyalamayın", "bir daha olmasın".
_TR_IMPERATIVE = re.compile(r"m[ae](?:y[iu]n(?:[iu]z)?)?$|m[ae]s[iu]n(?:l[ae]r)?$")
# Verbs of ending: "sorunlar bitmiyor", "acımız dinmedi", "zamlar durmuyor" say that what comes
# before goes on, so their negation does not reach back and turn it (still a negation).
_TR_CEASE = frozenset({"bit", "din", "azal", "dur"})
# Events whose title names a problem as their topic (see _tr_topic): the head noun in its compound
# form, with any case ending after it ("semineri", "paneline", "tatbikatı"); "farkındalık" in any
# form; the postpositions that name a topic.
_TR_EVENT = re.compile(
    r"^(?:(?:seminer|panel|konferans|soylesi|sempozyum|calistay|kongre|tatbikat|webinar|atolye)"
    r"s?[iu](?:n.*)?|farkindalig?k?.*)$"
)
_TR_ABOUT = frozenset({"uzerine", "konulu", "temali"})
TR_TITLE_REACH = 6
# Academic and professional titles before a name ("Prof. Dr.", "Doç.", "Öğr. Gör.", "Arş. Gör.",
# "Av.", "Uzm."), and the words of a name after them (two first names and a surname).
_TR_TITLES = frozenset({"prof", "dr", "doc", "ogr", "gor", "ars", "av", "uzm"})
TR_NAME_WORDS = 3
_TR_DEGREE = frozenset({"kadar", "boyle", "boylesi", "boylesini", "denli"})
# Turkish negative concord: "asla" (never) goes with a negated verb or "değil"/"yok", which
# carries the negation ("asla tavsiye etmem", "asla hayal kırıklığı yaratmıyor"); "asla" then
# only stresses it and does not negate the words between a second time. Alone ("Bir daha asla!")
# it still negates. Words looked at ahead of it, in its clause:
TR_CONCORD_REACH = 6
# "X yerine Y gönderdiniz / geldi / koymuşlar": the wrong item, or a cheaper one, sent, brought or
# put in; as much a complaint as the entry "yanlış geldi" (tr.negative.tsv). The verb in the past,
# second or third person (not "gönderdik", the business explaining), with at least one word
# between: "yerine getirdiler" (they fulfilled it), "dileğim yerine geldi" (came true) and
# "yerine koydum" (put back) are other idioms.
TR_WRONG_ITEM = 1.8
TR_WRONG_ITEM_REACH = 5
# "Ürün hasarlı gelirse", "kargo geç kalırsa": a fault before an aorist conditional verb in its
# clause is supposed, not said to have happened; it counts as little as a denied one
# (NEGATED_NEGATIVE). Not the nominal "-(y)sA" ("bu kadar kötüyse"), which mostly grants a fact.
_TR_SUPPOSE = re.compile(r"^[a-z]{2,}(?:[iuae]r|m[ae]z)s[ae]$")
TR_SUPPOSE_REACH = 3
_TR_SENT = re.compile(
    r"^(?:gonder|yolla|getir|gel|cik|koy|kullan|paketle)(?:[iu]l|[iu]n|n)?"
    r"(?:[dt][iu](?:n[iu]z|l[ae]r)?|m[iu]s(?:s[iu]n[iu]z|l[ae]r|t[iu]|t[iu]r)?)$"
)
# Questions that ask (see _tr_asks): a condition ("gelirse", "hasarlıysa", "eğer", "durumunda")
# with a yes/no question, or a question word with a word of need or ability ("hangi numarayı
# aramam gerekiyor?", "nereden başvurabilirim?"). Not with the words of a reproach: "Böyle mi
# hizmet verilir?", "Utanmıyor musunuz?", "Neden hâlâ gelmedi?", "Siz ciddi misiniz?".
_TR_CONDITIONAL = re.compile(r"^(?:eger|durumunda|halinde|takdirde|[a-z]{2,}(?:[iuae]r|z|y)s[ae])$")
_TR_YES_NO = re.compile(r"^m[iu](?:s[iu]n(?:[iu]z)?|y[iu][mz]|d[iu]r|yd[iu])?$")
_TR_QUESTION_WORDS = frozenset({"hangi", "hangisi", "nereden", "nereye", "nerede", "kime"})
_TR_QUESTION_WORDS |= frozenset({"kimden", "nasil", "kac", "kacta"})
# The names of the procedures a customer asks about; any other fault word in the question is
# the customer's own case (see _tr_fault).
_TR_PROCEDURE = ("sikayet", "iade", "itiraz", "degisim", "tazmin")
_TR_ABLE = re.compile(r"(?:[ae]bil(?:ir|ecek)(?:im|iz)|m[ae]l[iu]y[iu][mz]|[iu][ln][iu]r)$")
_TR_REPROACH = frozenset(
    ("neden", "niye", "nicin", "hala", "artik", "ciddi", "boyle", "hic", "yazik", "ayip")
) | frozenset(("hani", "madem", "utanmiyor"))
TR_SUPERLATIVE_REACH = 6


@dataclass(frozen=True, slots=True)
class Token:
    """One word as the lexicons see it; cached, so every lookup happens once per distinct word."""

    surface: str  # folded, elongation squeezed
    lemma: str  # folded lemma
    elongated: bool
    negated_verb: str  # Turkish: the folded stem of a negated verb ("begen" in "beğenmedim")
    # the word's polar entry is itself written negated ("unutulmaz", "umursamıyorlar"): its
    # negation is in its meaning already and must not flip it again
    negation_written: bool
    words: tuple[tuple[str, float, str], ...]  # single-word lexicon hits: (kind, weight, entry)
    negator: float  # 1 negates the next words, -1 the words before, 0 none
    intensifier: float  # multiplier, 0 when not an intensifier
    contrast: bool
    # the lexicons with a phrase starting with this word
    phrase: tuple[tuple[str, Table], ...] = field(repr=False, compare=False)
    written: tuple[str, str]  # surface and lemma as typed, diacritics kept
    loose: bool  # typed without diacritics: folded forms match too


@cache
def _lemmatizer() -> Lemmatizer:
    # The memory-frugal dictionaries: about 130 MB for the four languages instead of about 1 GB,
    # for a lookup that the cache below makes rare; their index is kept on disk (lemmas.py), so
    # a process loads the four in ~0.3 s instead of ~3.5 s.
    try:
        from crisisdesk_gui.core.detect.lemmas import IndexedStreamFactory
    except ImportError:  # another simplemma layout: its own low-memory dictionaries
        return Lemmatizer(lemmatization_strategy=DefaultStrategy(low_memory=True))
    return Lemmatizer(
        lemmatization_strategy=DefaultStrategy(dictionary_factory=IndexedStreamFactory())
    )


@lru_cache(maxsize=200_000)
def _lemma(word: str, lang: str) -> str:
    try:
        return _lemmatizer().lemmatize(word, lang=lang)
    except ValueError:
        return word


@lru_cache(maxsize=200_000)
def analyse(word: str, lang: str, written: bool = False) -> Token:
    """`written`: the text was typed with diacritics, so its words match only entries written
    the same way ("olum" is not "ölüm", "alkaa" not "älkää"); otherwise folded forms match."""
    lex = load_lexicon(lang)
    word = word.replace("’", "'")
    lower = word.replace("I", "ı").replace("İ", "i").lower() if lang == "tr" else word.lower()
    squeezed = squeeze(lower)
    surface = squeeze(fold(lower))
    if lang == "tr" and "I" in word and word.isascii():
        written = False  # "KIRIK": an ASCII capital I says nothing about dotless ı
    # Text typed without diacritics: simplemma knows only the written forms, our index the rest.
    lemma = lex.forms.get(surface) if surface == squeezed and not written else None
    written_lemma = _lemma(squeezed, lang)
    lemma = lemma or squeeze(fold(written_lemma))
    typed = (squeezed, squeeze(written_lemma.lower()))
    loose = not written
    stem = ""
    spoken = _spoken_tr(squeezed) if lang == "tr" else ()
    if lang == "tr" and not surface.startswith(_TR_NOT_VERBS):
        match = _TR_NEG_VERB.match(surface) or _TR_NEG_NOUN.match(surface)
        # "gelmicem", "almıcaz": the negated future as spoken ("gelmeyeceğim")
        for variant in spoken if not match else ():
            match = _TR_NEG_VERB.match(squeeze(fold(variant)))
            if match:
                break
        if match:
            stem = match.group("stem")
    bare = None
    if lang == "fi" and squeezed.endswith(("kaan", "kään")) and len(squeezed) >= 8:
        # "tullutkaan", "toimikaan": the clitic of a negation hides the form the lexicons know
        bare = analyse(squeezed[:-4], lang, written)
    if bare is not None and bare.words:
        words, polar, lemma = list(bare.words), None, bare.lemma
    else:
        words, polar = _lookup(lex, surface, lemma, typed, loose, stem)
    if polar is None and not words and lang == "fi":
        # Spoken Finnish: "surkee", "pilannu", "kamalii" are "surkea", "pilannut", "kamalia".
        for variant in _spoken_fi(squeezed):
            folded = squeeze(fold(variant))
            v_lemma = lex.forms.get(folded) or squeeze(fold(_lemma(variant, lang)))
            words, polar = _lookup(lex, folded, v_lemma, None, True, "")
            if polar is not None or words:
                lemma = v_lemma
                break
    if polar is None and not words and lang == "fi":
        # simplemma misses many passives ("ei välitetä", "hoideta", "arvosteta", "petetään")
        for verb in (*_passive_fi(squeezed), *_participle_fi(squeezed)):
            folded = squeeze(fold(verb))
            words, polar = _lookup(lex, folded, folded, (verb, verb), loose, "")
            if polar is not None or words:
                lemma = folded
                break
    if polar is None and not words and lang == "fi":
        # "tyhmempää", "kamalampi": a comparative simplemma leaves as it is
        for base in _degree_fi(lemma):
            words, polar = _lookup(lex, base, base, None, True, "")
            if polar is not None and polar[1] < DEGREE_MIN_WEIGHT:
                words, polar = [], None  # "vanhin", "vaikein": the oldest, the hardest
            if polar is not None or words:
                break
    if polar is None and not words and spoken:
        # Spoken Turkish: "sıkılıyom", "ağlıcam", "çıldırıcam" are "sıkılıyorum", "ağlayacağım",
        # "çıldıracağım"
        for variant in spoken:
            folded = squeeze(fold(variant))
            v_lemma = lex.forms.get(folded) or squeeze(fold(_lemma(variant, lang)))
            words, polar = _lookup(lex, folded, v_lemma, None, True, stem)
            if polar is not None or words:
                lemma = v_lemma
                break
    if polar is None and not words:
        polar = _derived(lex, lang, lemma)
    if polar is None and not words and lang == "fi":
        # simplemma cuts unknown compounds wrong ("hallitussotku" → "hallitus"): the surface
        # too, but not an inflected form of a lemma simplemma knows ("toiminnasta" is no
        # "toimin" + "nasta"); as typed, to hold the parts to their spelling
        typed_forms = {surface: squeezed, lemma: squeeze(written_lemma.lower())}
        cut = surface.startswith(lemma) and len(surface) - len(lemma) >= COMPOUND_PART
        forms = (lemma, surface) if lemma == surface or cut else (lemma,)
        for form in dict.fromkeys(forms):
            if polar is None and len(form) >= 2 * COMPOUND_PART:
                spelt = typed_forms.get(form) if written else None
                if spelt is not None and len(spelt) != len(form):
                    spelt = None
                polar = _compound(lex, form, spelt)
    if polar is not None:
        words.append(polar)
    # Surface forms only: negator files list every form, and a lemma would turn the Finnish
    # questions "eikö", "enköhän" into "ei".
    negator = lex.negators.word(surface, surface, (squeezed, squeezed), loose)
    negator_value = negator[1] if negator else 0.0
    if not negator and lang == "en" and surface.endswith("n't"):
        negator_value = 1.0
    return Token(
        surface=surface,
        lemma=lemma,
        elongated=squeezed != lower,
        negated_verb=stem,
        negation_written=bool(stem)
        and any(k in ("negative", "positive") and _TR_NEG_VERB.match(e) for k, _, e in words)
        and not any(k == "expected" for k, _, _ in words),
        words=tuple(words),
        negator=negator_value,
        # By lemma only for a word with no entry of its own: "çöktü" (lemma "çök") folds to the
        # intensifier "çok", but it is a crash, not a degree.
        intensifier=lex.intensifiers.get(surface)
        or (0.0 if words else lex.intensifiers.get(lemma))
        or 0.0,
        contrast=surface in lex.contrast,
        phrase=tuple(
            (kind, table)
            for kind, table in _tables(lex)
            if surface in table.phrases or lemma in table.phrases
        ),
        written=typed,
        loose=loose,
    )


def _lookup(
    lex: Lexicon,
    surface: str,
    lemma: str,
    typed: tuple[str, str] | None,
    loose: bool,
    stem: str,
) -> tuple[list[tuple[str, float, str]], tuple[str, float, str] | None]:
    """A word's lexicon hits: the non-polar ones and its one polarity."""
    words: list[tuple[str, float, str]] = []
    polar: tuple[str, float, str] | None = None  # one polarity per word: the longer entry wins
    for kind, table in _tables(lex):
        found = table.word(surface, lemma, typed, loose)
        if found is None and stem:
            found = table.word(stem, stem)
        if not found:
            continue
        hit = (kind, found[1], found[0].rstrip("*"))
        if kind in ("negative", "positive"):
            if polar is None or len(hit[2]) > len(polar[2]):
                polar = hit
            continue
        words.append(hit)
        if kind == "severity":
            polar = None  # a crisis word is not counted twice as a plain negative
            break
    return words, polar


# Spoken Finnish endings and the written ones they stand for (longest first).
_SPOKEN_FI = (
    ("eeta", ("eaa",)),
    ("eetä", ("eää",)),
    ("ee", ("ea", "eä")),
    ("ii", ("ia", "iä")),
    ("oo", ("oa",)),
    ("öö", ("öä",)),
    ("nnu", ("nnut",)),
    ("nny", ("nnyt",)),
    ("nu", ("nut",)),
    ("ny", ("nyt",)),
    ("llu", ("llut",)),
    ("lly", ("llyt",)),
    ("ssu", ("ssut",)),
    ("ssy", ("ssyt",)),
    ("it", ("ita", "itä")),  # "hirveit", "idioottei(t)": a partitive plural clipped
    ("s", ("si",)),  # "huijas", "pilas", "hajos": the past tense without its -i
)


# Spoken Turkish as typed in tweets: the present "-yo(m)" for "-yor(um)", the future "-(I)cAm" for
# "-AcAğIm" (folded vowels and letters stay as typed; the caller folds).
_SPOKEN_TR_PRESENT = (
    ("yosunuz", "yorsunuz"),
    ("yonuz", "yorsunuz"),
    ("yosun", "yorsun"),
    ("yolar", "yorlar"),
    ("yomuş", "yormuş"),
    ("yomus", "yormus"),
    ("yodu", "yordu"),
    ("yom", "yorum"),
    ("yoz", "yoruz"),
    ("yo", "yor"),
)
_SPOKEN_TR_FUTURE = re.compile(r"^(?P<stem>.+?)(?P<vowel>[ıiuü]?)c(?P<a>[ae])(?P<person>m|z)$")


@lru_cache(maxsize=50_000)
def _spoken_tr(word: str) -> tuple[str, ...]:
    """Written forms a spoken Turkish verb form (lower case, as typed) may stand for, most likely
    first: "sıkılıyom" → "sıkılıyorum"; "alıcam" → "alacağım"; "ağlıcam", "gelmicem" →
    "ağlayacağım", "gelmeyeceğim"; "yicem" → "yiyeceğim"."""
    if len(word) < 4:
        return ()
    for ending, written in _SPOKEN_TR_PRESENT:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return (word[: -len(ending)] + written,)
    m = _SPOKEN_TR_FUTURE.match(word)
    if m is None or len(m.group("stem")) < 2:
        return ()
    stem, vowel, a = m.group("stem"), m.group("vowel"), m.group("a")
    ascii_typed = word.isascii()
    soft_g = "g" if ascii_typed else "ğ"
    high = "i" if a == "e" or ascii_typed else "ı"
    end = f"c{a}{soft_g}{high}{m.group('person')}"
    if not vowel and len(stem) >= 4 and stem[-1] == "y" and stem[-2] in "ıiuü":
        return (f"{stem[:-2]}{a}y{a}{end}",)  # "ağlıycam", "bekliycem"
    if not vowel:  # "yapcam", "delircem"
        return (f"{stem}{a}{end}",)
    return (f"{stem}{a}{end}", f"{stem}{a}y{a}{end}", f"{stem}{vowel}y{a}{end}")


def _spoken_fi(word: str) -> list[str]:
    if len(word) < 5:
        return []
    for ending, written in _SPOKEN_FI:
        if word.endswith(ending):
            return [word[: -len(ending)] + w for w in written]
    return []


# Finnish passive endings and the verb stems they leave: present "-taan" and the negated "-ta"
# (ei välitetä), past "-ttiin", participle "-ttu"; back-vowel spelling, front vowels mapped.
_PASSIVE_FI = ("ttaisiin", "ttiin", "taan", "ttu", "ta")
# Consonant gradation: the weak grade a passive shows and the strong grade of the infinitive
# ("välite-" → "välittää", "hoide-" → "hoitaa", "pete-" → "pettää").
_STRONG_FI = (
    ("nn", "nt"),
    ("ll", "lt"),
    ("rr", "rt"),
    ("mm", "mp"),
    ("ng", "nk"),
    ("t", "tt"),
    ("k", "kk"),
    ("p", "pp"),
    ("d", "t"),
    ("v", "p"),
)
_FRONT = str.maketrans("aou", "äöy")


@lru_cache(maxsize=50_000)
def _passive_fi(word: str) -> tuple[str, ...]:
    """Infinitives a Finnish passive form (lower case, as written) may belong to, most likely
    first; the caller keeps the first that a lexicon knows."""
    front = any(c in word for c in "äöy")
    back = word.translate(str.maketrans("äöy", "aou")) if front else word
    found: list[str] = []
    if back.endswith("aan") and len(back) >= 7:
        found.append(back[:-2])  # "korjataan", "kuunnellaan", "huomioidaan": infinitive + "an"
    for ending in _PASSIVE_FI:
        if not back.endswith(ending) or len(back) - len(ending) < 3:
            continue
        stem = back[: -len(ending)]
        if ending != "ta" and ending != "taan":
            found.append(stem + "ta")  # "korjattiin", "korjattu": type 4
        if stem.endswith("e"):  # "arvoste-", "välite-", "lue-": a type 1 verb in -aa/-ea
            bases = [stem[:-1]]
            ends: tuple[str, ...] = ("aa", "ea")
        elif stem[-1] in "aiou":  # "puhu-", "sano-", "syrji-": the stem vowel stays
            bases = [stem]
            ends = ("a",)
        else:
            break
        for base in list(bases):
            for weak, strong in _STRONG_FI:
                if base.endswith(weak):
                    bases.append(base[: -len(weak)] + strong)
                    break
            if base[-1] in "aeiou":
                bases.append(base + "k")  # "lue-" → "lukea" (the k a weak grade loses)
        found.extend(base + end for base in bases for end in ends)
        break
    if not front:
        return tuple(dict.fromkeys(found))
    return tuple(dict.fromkeys(f.translate(_FRONT) for f in found))


# Words whose comparative is found this way weigh at least this much (see _degree_fi): words
# negative only in some senses ("vanha", "vaikea") are left alone.
DEGREE_MIN_WEIGHT = 1.0


def _degree_fi(lemma: str) -> tuple[str, ...]:
    """Positive-degree forms (folded) of a Finnish comparative lemma ("kamalampi",
    "tyhmempi"); superlatives are lexicon entries where they judge ("kamalin"): "-in" also
    ends nouns ("puhelin") and adverbs."""
    if len(lemma) >= 7 and lemma.endswith("mpi"):
        stem = lemma[:-3]
        return (stem, stem[:-1] + "a") if stem.endswith("e") else (stem,)
    return ()


@lru_cache(maxsize=50_000)
def _participle_fi(word: str) -> tuple[str, ...]:
    """Infinitives of a past participle simplemma misses ("auttanut", "korjannut")."""
    front = any(c in word for c in "äöy")
    back = word.translate(str.maketrans("äöy", "aou")) if front else word
    if not back.endswith("nut") or len(back) < 7:
        return ()
    stem = back[:-3]
    found = [stem[:-1] + "ta"] if stem.endswith("n") else []  # "korjan-nut" → "korjata"
    found.append(stem + "a")  # "autta-nut" → "auttaa"
    return tuple(f.translate(_FRONT) for f in found) if front else tuple(found)


# Negating prefixes that turn a word's polarity: "niemiły", "epäreilu", "unhelpful".
_NEGATING_PREFIX = {"pl": "nie", "fi": "epä", "en": "un"}
# Finnish "epä-" words the lexicons do not know are nearly all faults ("epäkunnioittava",
# "epäinhimillinen"): a weak negative that needs company; not the neutral ones below.
UNKNOWN_NEGATED = {"fi": 0.5}
_NEUTRAL_NEGATED = {
    "fi": ("epail", "epavirallinen", "epasuor", "epatavallinen", "epatodennakoi", "epamaar"),
}


def _derived(lex: Lexicon, lang: str, lemma: str) -> tuple[str, float, str] | None:
    prefix = _NEGATING_PREFIX.get(lang)
    if prefix is None:
        return None
    prefix = fold(prefix)
    if not lemma.startswith(prefix) or len(lemma) < len(prefix) + 4:
        return None
    base = lemma[len(prefix) :]
    weight = lex.positive.exact.get(base)
    if weight:
        return "negative", weight, lemma
    weight = lex.negative.exact.get(base)
    if weight:  # "niezły": not bad, so rather good
        return "positive", weight * 0.5, lemma
    weight = UNKNOWN_NEGATED.get(lang)
    if weight and not lemma.startswith(_NEUTRAL_NEGATED.get(lang, ())):
        return "negative", weight, lemma
    return None


def _compound(
    lex: Lexicon, lemma: str, written: str | None = None
) -> tuple[str, float, str] | None:
    """Finnish compounds carry a judgement in the first part ("paskafirma",
    "huippupalvelu") or the last ("hallitussotku", "mielisairas"): the longest lexicon word
    that starts the lemma, else the longest that ends it, if long enough. A word that ends
    the lemma counts only after a word or a hyphen ("tuolloinen" is not "tuol" + "loinen",
    parasite; "luokanopettaja" not "luokano" + "pettäjä"); one that starts it also before a
    derivational ending ("tuskallisuus", "raivostunut"). Entries marked "=" are never parts
    ("rantasauna" is no "räntä"). `written`: the lemma as typed in a text with diacritics; a
    part must then be written as in the lexicon ("passiivinen" holds no "pässi", "säästäminen"
    is no "saasta")."""
    tables = (("negative", lex.negative), ("positive", lex.positive))
    for end in range(len(lemma) - COMPOUND_PART, COMPOUND_PART - 1, -1):
        head = lemma[:end]
        for kind, table in tables:
            weight = table.exact.get(head)
            if weight and head not in table.strict and _as_written(table, head, written, end, True):
                return kind, weight * 0.8, head
    for start in range(COMPOUND_PART - 1, len(lemma) - COMPOUND_PART + 1):
        tail = lemma[start:]
        for kind, table in tables:
            weight = table.exact.get(tail)
            if (
                weight
                and tail not in table.strict
                and _as_written(table, tail, written, start, False)
                and (lemma[start - 1] == "-" or _fi_word(lemma[:start]))
            ):
                return kind, weight * 0.8, tail
    return None


def _as_written(table: Table, part: str, written: str | None, cut: int, head: bool) -> bool:
    """`part` (folded) was found before (`head`) or from index `cut` of a word typed as
    `written` with diacritics: that piece must be spelt as the entry is in the lexicon."""
    forms = table.written.get(part)
    if written is None or not forms:
        return True
    return (written[:cut] if head else written[cut:]) in forms


_FRONT_FOLDED = str.maketrans("ao", "äö")


@lru_cache(maxsize=50_000)
def _fi_word(part: str) -> bool:
    """`part` (folded) is a Finnish word or word form simplemma's dictionary knows, as typed or
    with its back vowels a, o read as ä, ö (folding took the dots: "paiva" is "päivä")."""
    try:
        lookup = _lemmatizer()._lemmatization_strategy._dictionary_lookup  # type: ignore[attr-defined]
    except AttributeError:  # another simplemma layout: do not block compounds
        return True
    for form in dict.fromkeys((part, part.translate(_FRONT_FOLDED))):
        if lookup.get_lemma(form, "fi") is not None:
            return True
    return False


def _tables(lex: Lexicon) -> tuple[tuple[str, Table], ...]:
    return (
        ("severity", lex.severity),
        ("insult", lex.insults),
        ("negative", lex.negative),
        ("positive", lex.positive),
        ("expected", lex.expected),
    )


@dataclass(slots=True)
class _Hit:
    start: int
    end: int  # exclusive, in word indexes
    kind: str  # negative | positive | expected | severity | insult
    weight: float
    text: str


def _shouting(raw: str) -> bool:
    return len(raw) >= 3 and raw.isupper()


class Scorer:
    """Scores texts; `learned` returns the profile's current corrections on every call, so a
    correction recorded elsewhere applies to the next score."""

    def __init__(self, learned: Callable[[], Learned] | None = None) -> None:
        self._learned = learned or (lambda: EMPTY)

    @property
    def learned(self) -> Learned:
        return self._learned()

    def score(self, text: str, *, lang: str | None = None) -> Score:
        text = text or ""
        if lang is None or lang not in (*LANGS, OTHER):
            lang = identify(text)[0]
            if lang == OTHER:
                lang = _by_lexicon(text)
        learned = self._learned()
        if learned.memory:
            remembered = learned.memory.get(text_key(text))
            if remembered is not None:
                return self._remembered(text, lang, remembered)
        return self._score(text, lang, learned)

    def _remembered(self, text: str, lang: str, label: str) -> Score:
        base = self._score(text, lang, EMPTY)
        reason = Reason("learned", "your correction", 1.0 if label == "negative" else -1.0)
        if label == "negative":
            return Score(
                lang,
                "negative",
                max(base.score, 0.9),
                base.severity,
                base.troll,
                (reason, *base.reasons),
            )
        label = base.label if base.label != "negative" else "neutral"
        return Score(
            lang, label, min(base.score, 0.1), base.severity, base.troll, (reason, *base.reasons)
        )

    def _score(self, text: str, lang: str, learned: Learned) -> Score:
        lex_lang = lang if lang in LANGS else "en"
        lex = load_lexicon(lex_lang)
        emoji = load_emoji()
        raws: list[str] = []
        mark = IRONY_MARK.get(lex_lang)
        marked: set[int] = set()  # words followed by the irony mark
        tokens: list[Token] = []
        glued: set[int] = set()  # words after the first of a CamelCase hashtag
        boundary: list[bool] = []  # a sentence or clause break before word i
        neg = pos = troll = 0.0
        aimed = 0.0  # the part of neg that insults and swearing add
        reasons: list[Reason] = []
        bangs = 0
        pending_break = False
        all_caps = text.isupper()
        typed = _DIACRITIC.search(text) is not None
        # Finnish and Polish writers who use diacritics use them throughout, so an ASCII word in
        # such a text is written as meant ("alkaa", not "älkää"); Turkish writers mix, so there
        # only the words typed with diacritics are held to them.
        whole = lex_lang in WRITTEN_THROUGHOUT
        for m in (_TOKENS_HYPHEN if lex_lang in HYPHENATED else _TOKENS).finditer(text):
            group = m.lastgroup
            value = m.group()
            if group == "word":
                # "#NeverAgain", "#ÜrünGelmedi": hashtags glue words together in CamelCase.
                parts = _CAMEL.split(value) if not value.islower() else [value]
                if len(parts) > 1:
                    glued.update(range(len(tokens) + 1, len(tokens) + len(parts)))
                for part in parts:
                    raws.append(part)
                    tokens.append(analyse(part, lex_lang, typed and (whole or not part.isascii())))
                    boundary.append(pending_break)
                    pending_break = False
            elif group in ("emoticon", "sym"):
                valence = emoji.get(value.replace("\ufe0f", ""))
                if valence is None and group == "emoticon":
                    valence = emoji.get(value.replace("-", ""))
                if valence is None and group == "emoticon" and lex_lang in EMOTICON_RUNS:
                    # ":(((", ":DDD": a repeated mouth is the emoticon said louder
                    bare = value.replace("-", "")
                    for short in (_RUN_TWO.sub(r"\1\1", bare), _RUN_ONE.sub(r"\1", bare)):
                        valence = emoji.get(short)
                        if valence is not None:
                            break
                if valence:
                    if valence < 0:
                        neg -= valence
                    else:
                        pos += valence
                    reasons.append(Reason("emoji", value, -valence))
                    pending_break = True
            elif group == "bang":
                bangs += 1
                pending_break = True
            elif group == "stop":
                pending_break = True
                if mark and mark in value and tokens:
                    marked.add(len(tokens) - 1)
        n = len(tokens)
        if lex_lang == "tr":
            for i in _tr_names(raws, boundary, tokens, glued):
                tokens[i] = replace(tokens[i], negated_verb="", negation_written=False)
            for i in _tr_titled(raws, boundary):
                tokens[i] = replace(tokens[i], words=(), phrase=(), negated_verb="")
        surfaces = [t.surface for t in tokens]
        lemmas = [t.lemma for t in tokens]
        if lex_lang == "tr":
            lemmas = [
                s if m in _TR_PHRASE_SURFACE else m for s, m in zip(surfaces, lemmas, strict=True)
            ]
        hits = self._hits(lex, tokens, surfaces, lemmas)
        if lex_lang == "tr":
            hits.extend(_tr_wrong_item(surfaces, boundary, raws))
        negated, negators = self._negation(
            tokens,
            surfaces,
            boundary,
            hits,
            SCOPE_TRANSPARENT.get(lex_lang, frozenset()),
            lex_lang in FINNISH_ORDER,
            lex_lang == "tr",
        )
        severity = 0
        contributions: dict[int, float] = {}
        expletives: list[tuple[str, float, float]] = []  # (said, weight, troll weight)
        denied: dict[int, float] = {}  # negator (1 + index) → the expectation it denies
        ironic: list[tuple[int, float]] = []  # (index in reasons, weight) of "irony" praise
        intensity = [self._intensity(tokens, raws, boundary, hit, all_caps) for hit in hits]
        but = BUT.get(lex_lang)
        if but and hits:
            turn = next((i for i, s in enumerate(surfaces) if s in but), -1)
            if turn > 0:
                intensity = [
                    (m * (BUT_BEFORE if h.start < turn else BUT_AFTER), j)
                    for h, (m, j) in zip(hits, intensity, strict=True)
                ]
        # "hyvin huono", "pretty bad", "hirveän hyvä", "okropnie miły": a word that intensifies
        # another has no polarity itself
        amplifiers = {j for _, j in intensity if j >= 0}
        at_all = AT_ALL.get(lex_lang, frozenset())
        for hit, (mult, amp) in zip(hits, intensity, strict=True):
            if (
                hit.start in amplifiers
                and hit.kind in ("positive", "negative")
                and hit.end == hit.start + 1
            ):
                continue
            is_negated = negated[hit.start]
            if (
                lex_lang == "tr"
                and hit.kind in ("negative", "severity")
                and not is_negated
                and _tr_topic(surfaces, boundary, hit.end)
            ):
                # "siber zorbalık semineri": the topic of an event, shown but not counted
                reasons.append(Reason("negative", " ".join(raws[hit.start : hit.end]), 0.0))
                continue
            said = " ".join(raws[hit.start : hit.end])
            w = hit.weight * mult
            if (
                lex_lang == "tr"
                and hit.kind == "negative"
                and not is_negated
                and _tr_supposed(surfaces, boundary, hit.end)
            ):
                neg += w * NEGATED_NEGATIVE  # "hasarlı gelirse": supposed, not happened
                reasons.append(Reason("negative", said, w * NEGATED_NEGATIVE))
                continue
            if hit.kind == "negative":
                if is_negated:
                    if amp >= 0 and surfaces[amp] in at_all:
                        w /= tokens[amp].intensifier
                    neg += w * NEGATED_NEGATIVE
                    reasons.append(Reason("negation", self._span(raws, hit, negated), -w * 0.75))
                else:
                    neg += w
                    contributions[hit.start] = contributions.get(hit.start, 0.0) + w
                    reasons.append(Reason("negative", said, w))
            elif hit.kind == "positive":
                if hit.end - 1 in marked:
                    neg += w
                    reasons.append(Reason("negative", said + mark, w))
                elif is_negated:
                    neg += w * NEGATED_POSITIVE
                    reasons.append(
                        Reason("negation", self._span(raws, hit, negated), w * NEGATED_POSITIVE)
                    )
                else:
                    pos += w
                    if lex.positive.extra.get(hit.text, lex.positive.extra.get(hit.text + "*")) == (
                        "irony"
                    ):
                        ironic.append((len(reasons), w))
                    reasons.append(Reason("positive", said, -w))
            elif hit.kind == "expected":
                if is_negated:
                    # One denial is one complaint: "en pysty tulemaan" denies "pystyä" and
                    # "tulla" once, so a negator adds its strongest expectation only.
                    extra = w - denied.get(is_negated, 0.0)
                    if extra > 0:
                        denied[is_negated] = w
                        neg += extra
                        reasons.append(Reason("negation", self._span(raws, hit, negated), extra))
            elif hit.kind == "severity":
                level = int(hit.weight)
                severity = max(severity, level)
                mention = lex.severity_mentions and hit.text in lex.severity_mentions
                weight = (MENTION_WEIGHT if mention else SEVERITY_WEIGHT) * level
                # "kukaan ei loukkaantunut": the topic keeps its level, the denial its relief
                neg += weight * NEGATED_NEGATIVE if is_negated else weight
                reasons.append(Reason("severity", said, float(level)))
            elif hit.kind == "insult":
                if lex.insults.extra.get(hit.text) == "expletive":
                    expletives.append((said, w, hit.weight))
                    continue
                troll += hit.weight
                neg += w
                aimed += w
                reasons.append(Reason("troll", said, w))
        if expletives:
            # "amk çok güzel", "vitun hyvä": swearing aimed at nobody in clear praise is
            # excitement, not trolling.
            friendly = (
                pos >= FRIENDLY_PRAISE
                and pos >= 2 * neg
                and "@" not in text
                and not any(s in SECOND_PERSON[lex_lang] for s in surfaces)
            )
            factor = FRIENDLY_EXPLETIVE if friendly else 1.0
            for said, w, weight in expletives:
                troll += weight * factor
                neg += w * factor
                aimed += w * factor
                reasons.append(Reason("troll", said, w * factor))
        bare = NEGATION_WEIGHT[lex_lang]
        if bare and negators:
            # A negation that reached no lexicon word still leans negative ("ei se niin mene").
            # negator → weight of the expected words it negates (any other word: infinite)
            used: dict[int, float] = {}
            for h in hits:
                if negated[h.start]:
                    k = negated[h.start] - 1
                    used[k] = used.get(k, 0.0) + (h.weight if h.kind == "expected" else math.inf)
            emphatic = EMPHATIC.get(lex_lang)
            full = bare * EMPHATIC_NEGATION
            bare_negators = [
                i
                for i in negators
                if (used.get(i, 0.0) < full if emphatic else i not in used)
                and not (i + 1 < n and tokens[i + 1].lemma in COPULA)
                and not (lex_lang == "tr" and _TR_NEG_NOUN.match(surfaces[i]))
                and surfaces[i] not in NOT_BARE.get(lex_lang, ())
            ]
            weighed = []
            for i in bare_negators[:2]:
                weight = bare * EXISTENTIAL.get(tokens[i].surface, 1.0)
                if emphatic and _emphatic(surfaces, boundary, negated, i, emphatic):
                    weight *= EMPHATIC_NEGATION
                elif i in used:
                    continue
                # "ei tästä tule yhtään mitään": an emphatic negation of a weak expected word
                # weighs as much as an emphatic bare one
                weighed.append((max(0.0, weight - used.get(i, 0.0)), i))
            weighed.sort(key=lambda item: -item[0])
            for weight, i in weighed[: BARE_COUNT.get(lex_lang, 2)]:
                if weight:
                    neg += weight
                    reasons.append(Reason("negation", raws[i], weight))
        if ironic and neg >= IRONY_NEGATIVE and sum(w for _, w in ironic) >= pos - 1e-9:
            pos = 0.0
            for k, _ in ironic:
                reasons[k] = Reason("positive", reasons[k].text, 0.0)
        if neg > aimed and _asks_for_help(text, surfaces, lex_lang):
            neg = aimed + (neg - aimed) * QUESTION_HELP
        for i, token in enumerate(tokens):
            delta = learned.lemmas.get(token.lemma)
            if not delta:
                continue
            if delta > 0:
                neg += delta
                reasons.append(Reason("learned", raws[i], delta))
            elif contributions.get(i):
                taken = min(contributions[i], -delta)
                neg -= taken
                reasons.append(Reason("learned", raws[i], -taken))
        if bangs and (neg or pos):
            factor = BANG if bangs == 1 else BANG * 1.1
            neg, pos = (neg * factor, pos) if neg >= pos else (neg, pos * factor)
            reasons.append(Reason("intensifier", "!" * 3, factor - 1))
        if pos and lex_lang in QUESTION_POSITIVE and text.rstrip().endswith("?"):
            pos *= QUESTION_POSITIVE[lex_lang]
        norm = math.sqrt(n / NORM_WORDS) if n > NORM_WORDS else 1.0
        neg_n, pos_n = neg / norm, pos / norm
        net = neg_n - POSITIVE_DISCOUNT * pos_n
        score = 1.0 - math.exp(-net / SCALE) if net > 0 else 0.0
        if score >= NEGATIVE_THRESHOLD[lex_lang]:
            label = "negative"
        elif pos_n - neg_n >= POSITIVE_MARGIN:
            label = "positive"
        else:
            label = "neutral"
        reasons.sort(key=lambda r: -abs(r.weight))
        return Score(
            lang=lang,
            label=label,
            score=round(score, 4),
            severity=severity,
            troll=round(min(1.0, troll / 3.0), 3),
            reasons=tuple(reasons[:12]),
        )

    @staticmethod
    def _hits(
        lex: Lexicon, tokens: list[Token], surfaces: list[str], lemmas: list[str]
    ) -> list[_Hit]:
        hits: list[_Hit] = []
        i = 0
        n = len(tokens)
        written = [t.written for t in tokens]
        loose = [t.loose for t in tokens]
        while i < n:
            token = tokens[i]
            if token.phrase:
                span = 0
                for kind, table in token.phrase:
                    found = table.phrase_at(surfaces, lemmas, i, written, loose)
                    if found:
                        length, value, entry = found
                        hits.append(_Hit(i, i + length, kind, value, entry))
                        span = max(span, length)
                if span:
                    # the longest phrase is the most specific: "ei kannata huolestua"
                    # reassures, so the shorter "ei kannata" inside it does not count
                    hits = [h for h in hits if h.start != i or h.end - i == span]
                    i += span
                    continue
            for kind, weight, entry in token.words:
                hits.append(_Hit(i, i + 1, kind, weight, entry))
            i += 1
        return hits

    @staticmethod
    def _negation(
        tokens: list[Token],
        surfaces: list[str],
        boundary: list[bool],
        hits: list[_Hit],
        transparent: frozenset[str] = frozenset(),
        finnish: bool = False,
        concord: bool = False,
    ) -> tuple[list[int], list[int]]:
        """For each word, 0 or 1 + the index of the word that negates it; the negators.
        `finnish`: Finnish word order (see FINNISH_ORDER); `concord`: Turkish negative concord
        (see TR_CONCORD_REACH)."""
        n = len(tokens)
        negated = [0] * n
        negators: list[int] = []
        has_hit = {h.start for h in hits}
        expected_at = {h.start for h in hits if h.kind == "expected"}
        polar = {h.start for h in hits if h.kind in ("negative", "positive")}
        in_phrase = {j for h in hits if h.end - h.start > 1 for j in range(h.start, h.end)}
        for i, token in enumerate(tokens):
            if i in in_phrase and i not in has_hit:
                continue
            if token.negator < 0 and i + 1 < n and surfaces[i + 1] in _TR_QUESTION:
                continue  # "güzel değil mi?" asks, it does not deny
            if token.negator < 0 and any(
                _tr_cannot_help(surfaces, boundary, k) for k in (i - 1, i - 2) if k >= 0
            ):
                continue
            if (
                concord
                and token.negator > 0
                and _tr_concord(tokens, boundary, i)
                and i not in has_hit
            ):
                continue  # "asla gelmem": the verb negates, "asla" only stresses
            if token.negator and i not in has_hit:
                negators.append(i)
                if token.negator > 0:
                    reach, skipped, j = 0, 0, i + 1
                    while j < n and reach < SCOPE_AFTER:
                        # a contrast word right after the negator is spoken "just": "se ei
                        # vaan toimi" (contrast: "ei tämä vaan tuo")
                        if boundary[j] or (tokens[j].contrast and j > i + 1):
                            break
                        negated[j] = i + 1
                        if skipped < SCOPE_SKIP and (
                            surfaces[j] in transparent or tokens[j].intensifier
                        ):
                            skipped += 1
                        else:
                            reach += 1
                        j += 1
                    if finnish:
                        k = i + 1
                        while k < n and surfaces[k] in _FI_ONLY and not boundary[k]:
                            k += 1
                        if k < n and surfaces[k] == "kuin" and not boundary[k]:
                            # "ei voi kuin ihailla": only, not a denial
                            negators.pop()
                            for m in range(i + 1, j):
                                if negated[m] == i + 1:
                                    negated[m] = 0
                            continue
                        _fi_raise(tokens, surfaces, boundary, negated, transparent, polar, i, j)
                        if not any(i < h.start < j for h in hits):
                            _negate_expected_back(negated, boundary, expected_at, i)
                else:
                    _negate_back(negated, boundary, i)
            elif (
                token.negated_verb
                and not (
                    surfaces[i].endswith(("mam", "mem"))
                    and i + 1 < n
                    and surfaces[i + 1].startswith(_TR_NEED)
                )
                and not (
                    _TR_NEG_NOUN.match(surfaces[i])
                    and i + 1 < n
                    and not boundary[i + 1]
                    and surfaces[i + 1].startswith((*_TR_CONDITION, *_TR_CANNOT_HELP))
                )
                and not _tr_superlative(surfaces, boundary, i)
            ):
                if i in has_hit and token.negation_written:
                    continue  # "unutulmaz": written negated, its negation is its meaning
                negators.append(i)
                if i in has_hit:
                    negated[i] = i + 1  # "beğenmedim": the verb carries its own negation
                elif not (
                    _TR_COUNTERFACTUAL.search(surfaces[i]) or token.negated_verb in _TR_CEASE
                ):
                    _negate_back(negated, boundary, i)  # "memnun kalmadım"
        for h in hits:
            # "cevap vermiyor", "yardımcı olmadı": a Turkish expected phrase is negated by its
            # own last word, a negated verb or a negator that follows what it negates
            # (negative and positive phrases spell their negation out)
            last = h.end - 1
            if (
                h.kind == "expected"
                and last > h.start
                and (tokens[last].negated_verb or tokens[last].negator < 0)
                and not negated[h.start]
            ):
                negated[h.start] = last + 1
                negators.append(last)
            elif (
                h.kind in ("negative", "positive")
                and last > h.start
                and tokens[last].negated_verb
                and not negated[h.start]
                and _tr_phrase_negated(h.text, tokens[last], surfaces, boundary, last)
            ):
                # "sınavdan kalmadım", "geç kalmadık", "gurur duymuyorum": the phrase's last
                # word is written as a stem ("kal*"), so the negation is the text's, not the
                # phrase's; a denial, unlike the imperative "moralini bozma", "bizi aptal yerine
                # koymayın", which is advice or a reproach
                negated[h.start] = last + 1
                negators.append(last)
        if finnish:
            for h in hits:
                if (
                    negated[h.start]
                    and h.kind in ("negative", "positive")
                    and _fi_superlative(surfaces, boundary, h.start, h.end)
                ):
                    negated[h.start] = 0
        return negated, negators

    @staticmethod
    def _intensity(
        tokens: list[Token],
        raws: list[str],
        boundary: list[bool],
        hit: _Hit,
        all_caps: bool,
    ) -> tuple[float, int]:
        """The multiplier of a hit and the index of the word that intensified it (or -1)."""
        mult = 1.0
        amplifier = -1
        for j in range(hit.start - 1, max(-1, hit.start - 3), -1):
            if boundary[j + 1]:
                break
            factor = tokens[j].intensifier
            if factor:
                mult *= factor
                amplifier = j
                break
        first = hit.start
        if _shouting(raws[first]):
            mult *= CAPS if not all_caps else (CAPS + 1) / 2
        if tokens[first].elongated:
            mult *= ELONGATED
        return mult, amplifier

    @staticmethod
    def _span(raws: list[str], hit: _Hit, negated: list[int]) -> str:
        negator = negated[hit.start] - 1
        start = min(negator, hit.start)
        end = max(negator + 1, hit.end)
        return " ".join(raws[start:end])


def _by_lexicon(text: str) -> str:
    """For texts too short for the language model ("berbaaat!!!"): the language whose lexicons
    know the most of its words, else "other"."""
    words = [m.group() for m in _TOKENS.finditer(text) if m.lastgroup == "word"]
    if not words or len(words) > 6:
        return OTHER
    best, best_hits = OTHER, 0
    for lang in LANGS:
        found = 0
        for word in words:
            found += any(kind != "expected" for kind, _, _ in analyse(word, lang).words)
        if found > best_hits:
            best, best_hits = lang, found
    return best


def _emphatic(
    surfaces: list[str], boundary: list[bool], negated: list[int], i: int, words: frozenset[str]
) -> bool:
    """An emphatic word in negator i's clause: up to EMPHATIC_BEFORE words before it or in its
    scope."""
    j = i
    while j > 0 and i - j < EMPHATIC_BEFORE and not boundary[j]:
        j -= 1
        if surfaces[j] in words:
            return True
    j = i + 1
    while j < len(surfaces) and negated[j] == i + 1:
        if surfaces[j] in words and surfaces[j] not in EMPHATIC_BEFORE_ONLY:
            return True
        j += 1
    return False


def _asks_for_help(text: str, surfaces: list[str], lang: str) -> bool:
    """One sentence, a question, that asks for help, experience or how things are done."""
    body = text.strip()
    if lang == "tr":
        body = _TRAILING_MENTIONS.sub("", body)
    if not body.endswith("?") or _SENTENCE_END.search(body.rstrip("?!")):
        return False
    if lang == "tr":
        return _tr_asks(surfaces)
    return ASKING[lang].search(" ".join(surfaces)) is not None


def _fi_superlative(surfaces: list[str], boundary: list[bool], start: int, end: int) -> bool:
    """A superlative: "näin huonoa" in a clause with "ikinä", or "parempaa kuin"."""
    if (
        end < len(surfaces)
        and surfaces[end] == "kuin"
        and not boundary[end]
        and _FI_COMPARATIVE.search(surfaces[end - 1])
    ):
        return True
    if start == 0 or surfaces[start - 1] not in _FI_DEGREE or boundary[start]:
        return False
    j = start - 1
    while j > 0 and not boundary[j]:
        j -= 1
        if surfaces[j] in _FI_EVER:
            return True
    return False


def _tr_superlative(surfaces: list[str], boundary: list[bool], i: int) -> bool:
    """Negated past verb i ends "hiç bu kadar … olmamıştım": a superlative, not a denial."""
    if not _TR_PAST_NEG.search(surfaces[i]):
        return False
    degree = False
    j = i
    while j > 0 and i - j < TR_SUPERLATIVE_REACH and not boundary[j]:
        j -= 1
        if surfaces[j] in _TR_DEGREE:
            degree = True
        elif surfaces[j] == "hic":
            return degree
    return False


def _tr_names(
    raws: list[str], boundary: list[bool], tokens: list[Token], glued: set[int]
) -> list[int]:
    """Negated-verb forms that are names: a capitalised word inside a sentence or after another
    capitalised word ("Prof. Dr. Ayşe Sönmez", "Elif Durmaz ile söyleşi"); the surnames Sönmez,
    Korkmaz, Kaymaz, Durmaz, Solmaz are old verb forms. Not in a text without a lower-case word
    (headline case: "Hoca Yine Gelmedi"), nor inside a CamelCase hashtag ("#HocaGelmedi")."""
    if not any(r[0].islower() for r in raws):
        return []
    title = [len(r) > 1 and r[0].isupper() and r[1:].islower() for r in raws]
    return [
        i
        for i, token in enumerate(tokens)
        if token.negated_verb
        and i > 0
        and title[i]
        and i not in glued
        and (not boundary[i] or title[i - 1])
    ]


def _tr_topic(surfaces: list[str], boundary: list[bool], end: int) -> bool:
    """The fault or crisis word ending before `end` names the topic of an event: "afet yönetimi
    paneli", "siber zorbalık semineri", "yangın tatbikatı", "depresyon üzerine söyleşi",
    "kanser farkındalık haftası". The event noun is in its compound form ("semineri", not "saçma
    bir seminer", "sıkıcı seminerler"), later in the same clause and within TR_TITLE_REACH words
    (an event title: "sınav kaygısı ile başa çıkma semineri")."""
    for k in range(end, min(len(surfaces), end + TR_TITLE_REACH)):
        if boundary[k] or surfaces[k] == "bir":
            return False
        if surfaces[k] in _TR_ABOUT or _TR_EVENT.match(surfaces[k]):
            return True
    return False


def _tr_titled(raws: list[str], boundary: list[bool]) -> list[int]:
    """The capitalised words of a name after an academic title: "Prof. Dr. Zafer Kutlu", "Doç.
    Dr. Neşe Mutlu", "Arş. Gör. Umut Sevinç" (first names and surnames that are praise words)."""
    found: list[int] = []
    for i in range(1, len(raws)):
        if fold(raws[i - 1].lower()) not in _TR_TITLES or raws[i].lower() in _TR_TITLES:
            continue
        j = i
        while (
            j < len(raws)
            and j - i < TR_NAME_WORDS
            and (j == i or not boundary[j])
            and len(raws[j]) > 1
            and raws[j][0].isupper()
            and raws[j][1:].islower()
        ):
            found.append(j)
            j += 1
    return found


def _tr_asks(surfaces: list[str]) -> bool:
    """A condition with a yes/no question ("hasarlı gelirse iade yapıyor musunuz?"), or a
    question word with need or ability ("hangi numarayı aramam gerekiyor?"); no negated verb,
    "değil" or word of reproach ("utanmıyor musunuz?", "neden gelmedi?", "böyle mi olur?")."""
    negators = load_lexicon("tr").negators
    for i, surface in enumerate(surfaces):
        need = (
            surface.endswith(("mam", "mem"))
            and i + 1 < len(surfaces)
            and surfaces[i + 1].startswith(_TR_NEED)
        )  # "aramam gerekiyor": my calling, not "I won't call"
        verb = not surface.startswith(_TR_NOT_VERBS) and (
            _TR_NEG_VERB.match(surface) or _TR_NEG_NOUN.match(surface)
        )
        negator = negators.word(surface, surface)
        if (verb and not need) or (negator and negator[1] < 0):
            return False
    if any(s in _TR_REPROACH for s in surfaces):
        return False
    if any(_TR_CONDITIONAL.match(s) for s in surfaces) and any(
        _TR_YES_NO.match(s) for s in surfaces
    ):
        return True
    joined = " ".join(surfaces)
    asks = any(s in _TR_QUESTION_WORDS for s in surfaces) or " ne zaman " in f" {joined} "
    if not asks or any(_tr_fault(s) for s in surfaces):
        return False
    return any(
        s.startswith(("gerek", "lazim"))
        or (
            _TR_ABLE.search(s)
            and not (s.endswith(("lir", "nir", "lur", "nur")) and "nasil" in surfaces)
        )
        for s in surfaces
    )


def _tr_fault(surface: str) -> bool:
    """A fault word other than the name of a procedure ("şikayet", "iade", "itiraz"): a
    question about one's own case ("Bozuk çıkan telefon için hangi servise gitmem lazım?")
    still complains, like the English "how do I complain about the late delivery?"."""
    return not surface.startswith(_TR_PROCEDURE) and any(
        kind in ("negative", "severity", "insult") and weight > 0.1
        for kind, weight, _ in analyse(surface, "tr").words
    )


def _tr_supposed(surfaces: list[str], boundary: list[bool], end: int) -> bool:
    """An aorist conditional verb ("gelirse", "çıkmazsa") follows the word ending before `end`
    in its clause, within TR_SUPPOSE_REACH words."""
    for k in range(end, min(len(surfaces), end + TR_SUPPOSE_REACH)):
        if boundary[k]:
            return False
        if _TR_SUPPOSE.match(surfaces[k]):
            return True
    return False


def _tr_wrong_item(surfaces: list[str], boundary: list[bool], raws: list[str]) -> list[_Hit]:
    """ "X yerine Y gönderdiniz": see TR_WRONG_ITEM."""
    hits: list[_Hit] = []
    for i, surface in enumerate(surfaces):
        if surface != "yerine":
            continue
        for j in range(i + 2, min(len(surfaces), i + 1 + TR_WRONG_ITEM_REACH)):
            if boundary[j]:
                break
            if _TR_SENT.match(surfaces[j]):
                hits.append(_Hit(i, i + 1, "negative", TR_WRONG_ITEM, "yerine"))
                break
    return hits


def _tr_concord(tokens: list[Token], boundary: list[bool], i: int) -> bool:
    """Forward negator i ("asla") has a negated verb, "değil" or "yok" after it in its clause."""
    for j in range(i + 1, min(len(tokens), i + 1 + TR_CONCORD_REACH)):
        if boundary[j]:
            return False
        if tokens[j].negated_verb or tokens[j].negator < 0:
            return True
    return False


def _tr_cannot_help(surfaces: list[str], boundary: list[bool], k: int) -> bool:
    """Word k is a negated verbal noun followed by a word of impossibility ("sevmemek elde
    değil"): a double negation that affirms."""
    return (
        k + 1 < len(surfaces)
        and not boundary[k + 1]
        and _TR_NEG_NOUN.match(surfaces[k]) is not None
        and surfaces[k + 1].startswith(_TR_CANNOT_HELP)
    )


def _tr_phrase_negated(
    entry: str, token: Token, surfaces: list[str], boundary: list[bool], i: int
) -> bool:
    """Negated verb i, the last word of a negative or positive phrase `entry`, denies the phrase:
    the entry does not spell the negation itself ("bulamı*", "umursamıyor"), and the verb is
    no imperative or optative, counterfactual or superlative, nor asks ("gurur duyulmaz mı?")
    or is a double negation ("gurur duymamak elde değil")."""
    rest = entry.split()[-1].rstrip("*")[len(token.negated_verb) :]
    surface = surfaces[i]
    return not (
        _TR_WRITTEN_NEG.match(rest)
        or _TR_IMPERATIVE.search(surface)
        or _TR_COUNTERFACTUAL.search(surface)
        or _tr_superlative(surfaces, boundary, i)
        or _tr_cannot_help(surfaces, boundary, i)
        or (i + 1 < len(surfaces) and surfaces[i + 1] in _TR_QUESTION)
    )


def _fi_raise(
    tokens: list[Token],
    surfaces: list[str],
    boundary: list[bool],
    negated: list[int],
    transparent: frozenset[str],
    polar: set[int],
    i: int,
    end: int,
) -> None:
    """Negator i's scope (up to `end`) holds "usko", "sanoa"... followed by "että": the negation
    also turns the judgements (`polar`: where a negative or positive hit starts) among the
    next SCOPE_AFTER words of the "että" clause; a comma before "että" does not stop it. Not
    what the clause expects: "en usko että se tulee" predicts, it does not deny a service."""
    n = len(surfaces)
    for k in range(i + 1, end):
        if surfaces[k] not in _FI_RAISING or k + 1 >= n or surfaces[k + 1] != "etta":
            continue
        reach, skipped, j = 0, 0, k + 2
        while j < n and reach < SCOPE_AFTER and not boundary[j] and not tokens[j].contrast:
            if not negated[j] and j in polar:
                negated[j] = i + 1
            if skipped < SCOPE_SKIP and (surfaces[j] in transparent or tokens[j].intensifier):
                skipped += 1
            else:
                reach += 1
            j += 1
        return


def _negate_expected_back(
    negated: list[int], boundary: list[bool], expected_at: set[int], i: int
) -> None:
    """The nearest expected word up to BACK_EXPECTED_REACH words before negator i, in its
    clause and not negated already."""
    j = i
    for _ in range(BACK_EXPECTED_REACH):
        if boundary[j] or j == 0:
            return
        j -= 1
        if j in expected_at:
            if not negated[j]:
                negated[j] = i + 1
            return


def _negate_back(negated: list[int], boundary: list[bool], i: int) -> None:
    j = i
    for _ in range(SCOPE_BEFORE):
        if boundary[j] or j == 0:
            break
        j -= 1
        negated[j] = i + 1
