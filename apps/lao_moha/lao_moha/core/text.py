"""Text helpers for Lao and Latin names."""

import re
import unicodedata

# Prefixes written before names in real files: district (ມ.), province (ຂ.),
# and the honorifics ທ່ານ (Mr/Ms, formal), ທ້າວ (Mr), ນາງ (Ms).
LAO_PREFIXES = ("ເມືອງ", "ມ.", "ແຂວງ", "ຂ.", "ທ່ານ", "ທ້າວ", "ນາງ")


def normalize_name(value):
    """A comparison key: NFC, no spaces or dots, lower case, prefixes dropped."""
    if not value:
        return ""
    text = unicodedata.normalize("NFC", str(value)).strip()
    for prefix in LAO_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix):].strip()
            break
    return re.sub(r"[\s.\-_'’]+", "", text).casefold()
