"""Mainland identity-card and telephone numbers: checked and written one canonical way.

- Resident identity card (居民身份证) number, GB 11643-1999: 18 characters, a 6-digit region
  code (the first two digits name a province), the birth date YYYYMMDD, a 3-digit sequence and
  a check character computed by ISO 7064 MOD 11-2 (``0``–``9`` or ``X``). Canonical form: the
  18 characters with an upper-case ``X``.
- Mobile number: 11 digits ``1[3-9]\\d{9}``, optionally written with ``+86``, spaces or
  hyphens. Canonical form: the 11 digits.
- Landline number with its area code: ``010`` and ``02x`` have three digits, every other area
  code four (``0[3-9]xx``); the local number has 7 or 8 digits and does not start with 0 or 1;
  an extension may follow (``-123`` or ``转123``). Canonical form: ``0519-86681234`` (and
  ``-123``).

Input is NFKC-normalised first, so full-width digits, brackets and ``Ｘ`` typed with a Chinese
input method are accepted. Every ``normalize_*`` returns the canonical form or raises
``ValueError`` whose message (in the user's language) says what is wrong. ``PATTERNS`` maps the
pattern names a form may use to these functions.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable

from desktop.core.i18n import tr

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"  # check character by (weighted sum mod 11)
# First two digits of the region code: provinces, plus 71 (Taiwan) and 81/82/83 used by the
# residence permits of Hong Kong, Macao and Taiwan residents.
_PROVINCES = frozenset({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                        44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83})
EARLIEST_BIRTH = dt.date(1890, 1, 1)

_ID_SHAPE = re.compile(r"\d{17}[\dX]")
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"\(?(010|02\d|0[3-9]\d\d)\)?[- ]?([2-9]\d{6,7})"
                       r"(?:(?:-|转|ext\.?|EXT\.?)(\d{1,6}))?")


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def check_character(first17: str) -> str:
    """The GB 11643 check character (``0``–``9`` or ``X``) for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("check_character needs exactly 17 digits")
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def normalize_id_card(text: str, today: dt.date | None = None) -> str:
    """The canonical 18-character number, or ValueError saying what is wrong."""
    number = re.sub(r"[\s-]", "", _plain(text)).upper()
    if not _ID_SHAPE.fullmatch(number) or not number.isascii():
        raise ValueError(tr("an ID-card number has 18 characters: 17 digits, then a digit "
                             "or X"))
    if int(number[:2]) not in _PROVINCES:
        raise ValueError(tr("the ID-card number starts with an unknown region code {code}",
                             code=number[:6]))
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        born = None
    if born is None or not EARLIEST_BIRTH <= born <= (today or dt.date.today()):
        raise ValueError(tr("the ID-card number holds no plausible birth date ({date})",
                             date=number[6:14]))
    if check_character(number[:17]) != number[17]:
        raise ValueError(tr("the check digit of the ID-card number does not match; a "
                             "character is probably mistyped"))
    return number


def birth_date(number: str) -> dt.date:
    """The birth date held by a valid ID-card number."""
    number = normalize_id_card(number)
    return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def normalize_mobile(text: str) -> str:
    """The 11 digits of a mainland mobile number, or ValueError."""
    number = re.sub(r"[\s-]", "", _plain(text))
    for prefix in ("+86", "0086"):
        if number.startswith(prefix) and len(number) == len(prefix) + 11:
            number = number[len(prefix):]
    if not _MOBILE.fullmatch(number) or not number.isascii():
        raise ValueError(tr("a mobile number has 11 digits, starting with 13 to 19"))
    return number


def normalize_landline(text: str) -> str:
    """A landline number as ``AREA-LOCAL`` (``-EXT``), or ValueError."""
    match = _LANDLINE.fullmatch(_plain(text))
    if match is None or not match.group(0).replace("转", "").isascii():
        raise ValueError(tr("a landline number needs its area code, e.g. 0519-86681234"))
    area, local, extension = match.groups()
    return f"{area}-{local}" + (f"-{extension}" if extension else "")


def normalize_phone(text: str) -> str:
    """A mobile number or a landline number with its area code, canonical; or ValueError."""
    for normalize in (normalize_mobile, normalize_landline):
        try:
            return normalize(text)
        except ValueError:
            pass
    raise ValueError(tr("not a mobile number, nor a landline number with its area code"))


def is_id_card(text: str, today: dt.date | None = None) -> bool:
    try:
        normalize_id_card(text, today)
    except ValueError:
        return False
    return True


PATTERNS: dict[str, Callable[[str], str]] = {
    "id_card": normalize_id_card,
    "mobile": normalize_mobile,
    "landline": normalize_landline,
    "phone": normalize_phone,
}
