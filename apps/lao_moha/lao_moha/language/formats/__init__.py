"""Date and number formats per language (settings.FORMAT_MODULE_PATH).

Django has no formats for Lao, and its Vietnamese and English ones read
"03/04/2026" as the US month/day. The ministry writes dates day first in
every language, so all three accept and show dd/mm/yyyy; ISO dates
(yyyy-mm-dd, as in files and the API) are accepted too.
"""

DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # 25/10/2026: shown in forms, so it comes first
    "%Y-%m-%d",  # 2026-10-25
    "%d-%m-%Y",  # 25-10-2026
    "%d.%m.%Y",  # 25.10.2026
]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M:%S.%f",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y",
    "%Y-%m-%d",
]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M"]
