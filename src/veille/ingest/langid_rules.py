"""Language identification by hand: writing system first, then stop-word profiles and
letter/suffix cues for the Latin-script languages veille is likely to meet.

`veille.ingest.langid` falls back on it where lingua has no answer (a script none of lingua's
languages is written in, no letters at all) and when lingua is not installed; on its own it
misses more short items (`benchmarks/langid_compare.py`).

The stop-word lists hold each language's most frequent function words plus the weekday
and month names news text is full of, so that a headline or a single sentence is enough.
A word found in several lists counts for each of them in proportion (1/n).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

UNDETERMINED = "und"
MAX_WORDS = 3000

_STOPWORDS: dict[str, str] = {
    "fr": """
        le la les l' un une des du de d' au aux à et ou mais donc ni car que qu' qui quoi dont où
        ce cet cette ces c' se s' sa son ses leur leurs il ils elle elles on nous vous je j' me m' te
        t' ne n' pas plus par pour sur dans avec sans sous chez vers entre depuis pendant selon après
        avant lors est sont était étaient été être avait avaient ont aussi comme très tout tous toute
        toutes même déjà encore cela ceci ça lui eux y en jusqu' lorsqu' puisqu' ainsi alors
        également contre deux trois notamment toujours aujourd' hui fait dit cours dont près
        lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin
        juillet août septembre octobre novembre décembre président ministre gouvernement pays
    """,
    "en": """
        the of and to in a an is was for on that with as by at from it its be are were has have had
        he she they we you i his her their this these those not but or which who whom will would
        said says after before about than more also over into been there when what new two three
        can could should may might must do does did no yes our us them him all any some such only
        monday tuesday wednesday thursday friday saturday sunday january february march april may
        june july august september october november december government minister president
    """,
    "de": """
        der die das den dem des ein eine einen einem einer und oder aber nicht ist sind war waren
        hat haben wird werden wurde wurden mit von zu zum zur auf für im in an am bei aus nach über
        unter vor durch auch sich sie er es wir ihr ich dass als wie noch nur schon mehr sehr bis
        gegen ohne um seine ihre sein kein keine man wenn dann hier dieser diese dieses jahr jahre
        montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai
        juni juli august september oktober november dezember regierung präsident minister
    """,
    "es": """
        el la los las un una unos unas y o pero de del al en con por para sin sobre entre que quien
        cual como cuando donde se su sus le les lo es son fue fueron ha han había está están este
        esta estos estas ese esa no más muy también ya desde hasta según tras dijo años nos hay
        lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio
        julio agosto septiembre octubre noviembre diciembre gobierno presidente ministro país
    """,
    "it": """
        il lo la i gli le un uno una di del dello della dei degli delle da dal dalla in nel nella
        con su per tra fra e ed o ma che chi cui come quando dove si non è sono era stato stata
        hanno ha anche più già dopo prima questo questa quello quella l' dell' all' nell' dall'
        sull' un' anni ancora essere molto lunedì martedì mercoledì giovedì venerdì sabato domenica
        gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre
        dicembre governo presidente ministro paese
    """,
    "pt": """
        o a os as um uma uns umas de do da dos das no na nos nas em ao aos à e ou mas que quem como
        quando onde se seu sua seus suas não mais muito também já é são foi foram tem têm está
        estão pelo pela pelos pelas para por com sem sobre entre após anos ainda ser segunda terça
        quarta quinta sexta sábado domingo janeiro fevereiro março abril maio junho julho agosto
        setembro outubro novembro dezembro governo presidente ministro país disse
    """,
    "nl": """
        de het een en of maar van in op te met voor door aan uit bij over naar om dat die dit deze
        wie wat waar hoe is zijn was waren heeft hebben wordt worden werd niet ook nog al er zich
        hij zij ze we wij je ik geen meer dan tot tegen na jaar jaren maandag dinsdag woensdag
        donderdag vrijdag zaterdag zondag januari februari maart april mei juni juli augustus
        september oktober november december regering president minister
    """,
}

# Letters and word endings that mark a language; each occurrence adds a small weight.
_CUES: dict[str, tuple[str, ...]] = {
    "fr": ("ç", "œ", "è", "ê", "ë", "î", "ï", "û", "ù", "aient", "eaux", "ement", "ées"),
    "en": ("th", "wh", "ing", "ly"),
    "de": ("ä", "ö", "ü", "ß", "sch", "ung", "cht", "keit", "lich"),
    "es": ("ñ", "¿", "¡", "ción", "ciones", "idad"),
    "it": ("ò", "ì", "zione", "zioni", "gli", "cch", "zz"),
    "pt": ("ã", "õ", "ção", "ções", "lh", "nh"),
    "nl": ("ij", "aa", "oo", "uu", "sch", "heid", "lijk"),
}
_CUE_WEIGHT = 0.15
_PREFERENCE = ("fr", "en", "es", "de", "it", "pt", "nl")  # order for exact ties

_WORD = re.compile(r"[^\W\d_]+(?:['’](?=[^\W\d_]))?")
_ELIDED = re.compile(r"^[^\W\d_]{1,7}'$")


def _script(ch: str) -> str | None:
    """The writing system of a letter, as a language code for scripts that nearly name one."""
    code = ord(ch)
    if code < 0x250:
        return "latin"
    for low, high, name in (
        (0x0370, 0x03FF, "el"), (0x0400, 0x052F, "cyrillic"), (0x0530, 0x058F, "hy"),
        (0x0590, 0x05FF, "he"), (0x0600, 0x06FF, "arabic"), (0x0900, 0x097F, "hi"),
        (0x0E00, 0x0E7F, "th"), (0x10A0, 0x10FF, "ka"), (0x1100, 0x11FF, "ko"),
        (0x3040, 0x30FF, "ja"), (0x4E00, 0x9FFF, "zh"), (0xAC00, 0xD7AF, "ko"),
        (0x1E00, 0x1EFF, "latin"),
    ):  # fmt: skip
        if low <= code <= high:
            return name
    return None


@lru_cache(maxsize=1)
def _profiles() -> dict[str, dict[str, float]]:
    sets = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
    owners = Counter(word for words in sets.values() for word in words)
    return {lang: {word: 1.0 / owners[word] for word in words} for lang, words in sets.items()}


@lru_cache(maxsize=1)
def _weights() -> dict[str, tuple[tuple[str, float], ...]]:
    """Each stop word's (language, weight) pairs: one lookup per word of the text."""
    pairs: dict[str, list[tuple[str, float]]] = {}
    for lang, profile in _profiles().items():
        for word, weight in profile.items():
            pairs.setdefault(word, []).append((lang, weight))
    return {word: tuple(found) for word, found in pairs.items()}


def script_language(letters: str) -> str | None:
    """The language most of these letters' script names (ru, ar, zh...), or None when most are Latin."""
    if max(letters) < "\u0250":
        return None  # every letter is Latin
    scripts = Counter(_script(ch) for ch in letters)
    scripts.pop(None, None)
    if not scripts:
        return None
    script, count = scripts.most_common(1)[0]
    if script == "latin" or count < 0.5 * len(letters):
        return None
    if script == "cyrillic":
        return "uk" if re.search("[іїєґ]", letters.lower()) else "ru"
    if script == "arabic":
        return "fa" if re.search("[پچژگ]", letters) else "ar"
    if script == "zh" and scripts.get("ja"):
        return "ja"
    return script


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'und' when there is too little to tell."""
    text = unicodedata.normalize("NFC", text[:40_000])
    letters = "".join(filter(str.isalpha, text))
    if not letters:
        return UNDETERMINED
    other = script_language(letters)
    if other:
        return other
    lowered = text.lower().replace("’", "'")
    words = [
        w if not w.endswith("'") or _ELIDED.match(w) else w.rstrip("'")
        for w in _WORD.findall(lowered)[:MAX_WORDS]
    ]
    if not words:
        return UNDETERMINED
    weights = _weights()
    scores = dict.fromkeys(_profiles(), 0.0)
    for word in words:
        for lang, weight in weights.get(word, ()):
            scores[lang] += weight
    if max(scores.values()) == 0:
        return UNDETERMINED
    joined = " ".join(words)
    for lang, cues in _CUES.items():
        scores[lang] += _CUE_WEIGHT * sum(joined.count(cue) for cue in cues) / max(1, len(words)) ** 0.5
    return max(_PREFERENCE, key=lambda lang: (scores[lang], -_PREFERENCE.index(lang)))
