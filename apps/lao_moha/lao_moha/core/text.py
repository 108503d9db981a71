"""Text helpers for Lao and Latin names: comparison keys, search keys that
tolerate spelling variants, a Lao alphabetical sort key and Lao digits.

Why each rule exists is written next to it; the rules are applied the same
way to stored names and to what a user types, so a variant only has to fold
to the same key on both sides, not be linguistically exact.
"""

import re
import unicodedata

# Prefixes written before names in real files: district (ມ.), province (ຂ.),
# and the honorifics ທ່ານ (Mr/Ms, formal), ທ້າວ (Mr), ນາງ (Ms).
LAO_PREFIXES = ("ເມືອງ", "ມ.", "ແຂວງ", "ຂ.", "ທ່ານ", "ທ້າວ", "ນາງ")
HONORIFICS = ("ທ່ານ", "ທ້າວ", "ນາງ", "ທ່ານນາງ", "ທ.", "ນ.")

LAO_DIGITS = "໐໑໒໓໔໕໖໗໘໙"
_TO_LAO_DIGITS = str.maketrans("0123456789", LAO_DIGITS)
_FROM_LAO_DIGITS = str.maketrans(LAO_DIGITS, "0123456789")

# Zero-width characters that Lao typists put between words (Lao has no
# spaces inside a phrase) and that must not split or change a key.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def normalize_name(value):
    """A comparison key: NFC, no spaces or dots, lower case, no prefix."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", str(value)).strip()
    for prefix in LAO_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :].strip()
            break
    return re.sub(r"[\s.\-_'’]+", "", text).casefold()


def to_lao_digits(value):
    """"12/03/2026" -> "໑໒/໐໓/໒໐໒໖" (for printouts)."""
    return str(value).translate(_TO_LAO_DIGITS)


def from_lao_digits(value):
    return str(value).translate(_FROM_LAO_DIGITS)


# --------------------------------------------------------------- search keys
# Lao script. NFKC already splits ໜ/ໝ into ຫນ/ຫມ and ຳ into ໍ+າ, the
# two spellings people type for the same letters.
_LAO_FOLD = [
    ("\u0ebc", "ລ"),  # subscript lo (ຫຼ) and the older full ລ (ຫລ)
    ("ຣ", "ລ"),  # ຣ is read as ລ and the two are swapped in names
    ("\u0ebd", "ຍ"),  # semivowel ຽ, spelled ຍ in older texts
    ("ເເ", "ແ"),  # two ເ typed for ແ: looks the same on screen
]
# Tone marks (່ ້ ໊ ໋) and the cancellation mark (໌) are left out of the
# search key: they are often omitted or typed in a different order.
_LAO_IGNORED = dict.fromkeys(range(0x0EC8, 0x0ECD), None)

# Latin transliteration: the variants met in Lao names written with French
# (x, ou, gn, tch) or English (s, u, ny, ch) habits, and aspirated and plain
# consonant pairs written the same. Applied in order, on lower-case ASCII.
_LATIN_PAIRS = [
    ("tch", "j"), ("dj", "j"), ("ch", "j"),  # ຈ: tch, dj, ch, j
    ("ck", "k"), ("q", "k"), ("c", "k"),  # Somsack / Somsak
    ("ph", "p"), ("th", "t"), ("kh", "k"),  # ພ/ປ, ທ/ຕ, ຄ/ກ written alike
    ("x", "s"), ("z", "s"),  # ຊ: x (French), s (English)
    ("w", "v"),  # ວ: v or w
    ("r", "l"),  # ຣ read as ລ
    ("gn", "ny"),  # ຍ: gn (French), ny (English)
    ("ee", "i"), ("ou", "u"), ("oo", "o"),  # long vowels: ee/i, ou/u, oo/o
    ("eu", "u"), ("ue", "u"),  # ື: eu, ue, u (Meuang, Mueang, Muang)
    ("ae", "e"), ("ie", "ia"),  # ແ: ae/e; ຽ: ie/ia
    ("y", "i"),  # final ໄ/ຍ: ay/ai, y/i (Xay, Xai; Bounmy, Bounmi)
]
_LATIN_RULES = [
    # A final ວ is written o, w or v (Keo, Kaew).
    (re.compile(r"v(?![aeiou])"), "o"),
    # "h" that is not followed by a vowel marks a final or a ຫ cluster
    # (Phommachanh/Phommachan, Khamhla/Khamla): it carries no sound.
    (re.compile(r"h(?![aeiou])"), ""),
    # A silent final "e" after a vowel and consonant (Phone/Phon, Sone/Son).
    (re.compile(r"(?<=[aeiou][bdfgjklmnpstv])e(?![aeiou])"), ""),
    # Finals are unreleased in Lao: d/t, b/p and g/k are the same sound.
    (re.compile(r"d(?![aeiou])"), "t"),
    (re.compile(r"b(?![aeiou])"), "p"),
    (re.compile(r"(?<!n)g(?![aeiou])"), "k"),
    # Doubled letters (Phommachanh/Phomachanh, Souvanna/Souvana).
    (re.compile(r"([a-z])\1+"), r"\1"),
]


def _fold_latin(token):
    text = unicodedata.normalize("NFKD", token.replace("đ", "d"))
    # Accents of Latin letters only: Lao vowel signs are combining too.
    text = re.sub(r"[\u0300-\u036f]", "", text)
    text = re.sub(r"[^a-z0-9\u0e80-\u0eff]", "", text)
    for old, new in _LATIN_PAIRS:
        text = text.replace(old, new)
    for pattern, new in _LATIN_RULES:
        text = pattern.sub(new, text)
    return text


def _fold_lao(token):
    text = token.translate(_LAO_IGNORED)
    for old, new in _LAO_FOLD:
        text = text.replace(old, new)
    return text.translate(_FROM_LAO_DIGITS)


def search_key(value):
    """A key that equal spellings of a name share, in Lao or Latin script.

    Each word is folded on its own, then the words are joined, so "Som
    Phone" and "Somphone" meet. Used on stored names and on search input.
    """
    text = unicodedata.normalize("NFKC", str(value or "")).translate(_INVISIBLE)
    text = text.casefold().strip()
    for prefix in LAO_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]
            break
    words = re.split(r"[\s.\-_'’,;/()]+", text)
    return "".join(_fold_latin(_fold_lao(word)) for word in words if word)


def search_terms(query):
    """The words of a search, without honorifics that no name contains."""
    words = [w for w in re.split(r"\s+", str(query or "").strip()) if w]
    kept = [w for w in words if unicodedata.normalize("NFC", w) not in HONORIFICS]
    return kept or words


# ------------------------------------------------------------- Lao sort key
# Lao alphabetical order of the 27 consonants, which is not code-point order
# (ສ comes after ຈ; Unicode puts it after ຩ). The Pali and extended letters
# follow, in code-point order.
LAO_CONSONANTS = "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ"
_EXTRA_CONSONANTS = "ຆຉຌຎຏຐຑຒຓຘຠຨຩຬ"
# Vowel signs after the consonant they follow, in the order of the Lao
# vowel chart (short before long, vowels written after or above the
# consonant before those written in front of it); an approximation of
# dictionary order at the level of single characters.
LAO_VOWELS = "ະັາິີຶືຸູົໍຽເແໂໃໄໆຯ"
_PREPOSED = "ເແໂໃໄ"
_TONES = {"\u0ec8": "1", "\u0ec9": "2", "\u0eca": "3", "\u0ecb": "4"}
# Consonants that form one onset with a leading ຫ (ຫງ ຫຍ ຫນ ຫມ ຫລ ຫວ) or
# a cluster after any consonant (ກວ, ຂວ); a pre-posed vowel is sorted after
# the whole onset.
_HO_CLUSTER = "ງຍນມລວ"

_CONSONANT_SET = frozenset(LAO_CONSONANTS + _EXTRA_CONSONANTS)
_WEIGHTS = {" ": 1}
_WEIGHTS.update({d: 2 + i for i, d in enumerate("0123456789")})
_WEIGHTS.update({c: 20 + i for i, c in enumerate(LAO_CONSONANTS + _EXTRA_CONSONANTS)})
_WEIGHTS.update({v: 80 + i for i, v in enumerate(LAO_VOWELS)})
_WEIGHTS.update({chr(c): 120 + c - ord("a") for c in range(ord("a"), ord("z") + 1)})
_DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def _encode(weight):
    return _DIGITS36[weight // 36] + _DIGITS36[weight % 36]


def _reorder_preposed(chars):
    """Move each pre-posed vowel after the onset it is written before."""
    out = []
    i = 0
    while i < len(chars):
        c = chars[i]
        if c in _PREPOSED and i + 1 < len(chars) and chars[i + 1] in _CONSONANT_SET:
            onset = [chars[i + 1]]
            j = i + 2
            if j < len(chars) and chars[j] in _HO_CLUSTER and (
                onset[0] == "ຫ" or chars[j] == "ວ"
            ):
                onset.append(chars[j])
                j += 1
            out.extend(onset)
            out.append(c)
            i = j
        else:
            out.append(c)
            i += 1
    return out


def lao_sort_key(value, max_length=255):
    """A string whose plain (binary or ASCII) order is Lao alphabetical order.

    Primary weights (two base-36 digits per letter) compare consonants in
    Lao order, with a pre-posed vowel sorted after its consonant; tone marks
    only break ties (a secondary level after the separator "00").
    """
    text = unicodedata.normalize("NFKC", str(value or "")).translate(_INVISIBLE)
    text = text.casefold().strip().replace("\u0ebc", "ລ").translate(_FROM_LAO_DIGITS)
    text = re.sub(r"\s+", " ", text)
    primary, tones = [], []
    for c in _reorder_preposed(list(text)):
        if c in _TONES:
            if tones:
                tones[-1] = _TONES[c]
            continue
        weight = _WEIGHTS.get(c)
        if weight is None:
            continue  # punctuation and marks such as ໌ do not sort
        primary.append(_encode(weight))
        tones.append("0")
    key = "".join(primary) + "00" + "".join(tones)
    return key[:max_length]


# ------------------------------------------------------ names in 3 languages
def localized_name(record, field="name"):
    """The record's name in the active language, or its Lao name.

    Records carry `<field>_lo` and usually `<field>_en` and `<field>_vi`;
    an empty translation falls back to Lao, the language of record.
    """
    from django.utils.translation import get_language

    language = (get_language() or "lo").split("-")[0]
    if language != "lo":
        value = getattr(record, f"{field}_{language}", "")
        if value:
            return value
    return getattr(record, f"{field}_lo", "") or ""
