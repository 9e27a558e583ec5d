"""How strong a passphrase looks, as a hint while it is typed (never a hard rule beyond the
minimum length the store enforces).

The estimate counts the kinds of characters used and the length; Chinese characters count as
a rich alphabet. Repeated or sequential characters ("11111111", "12345678", "abcdefgh") and a
handful of passphrases everyone tries are marked weak whatever their length.
"""

from __future__ import annotations

import math

from desktop.core.i18n import tr

COMMON = {"12345678", "123456789", "1234567890", "password", "password1", "qwertyui",
          "88888888", "11111111", "00000000", "iloveyou", "abc12345", "a1234567"}
LEVELS = ("weak", "fair", "good", "strong")


def entropy_bits(passphrase: str) -> float:
    pools = 0
    if any(c.islower() and c.isascii() for c in passphrase):
        pools += 26
    if any(c.isupper() and c.isascii() for c in passphrase):
        pools += 26
    if any(c.isdigit() for c in passphrase):
        pools += 10
    if any(not c.isalnum() and c.isascii() for c in passphrase):
        pools += 33
    if any(not c.isascii() for c in passphrase):
        pools += 3000  # Chinese characters and other scripts
    return len(passphrase) * math.log2(pools) if pools else 0.0


def _monotonous(passphrase: str) -> bool:
    steps = {ord(b) - ord(a) for a, b in zip(passphrase, passphrase[1:], strict=False)}
    return len(steps) <= 1


def strength(passphrase: str) -> tuple[str, str]:
    """(level, hint in the user's language); level is one of LEVELS."""
    if (len(passphrase) < 8 or passphrase.lower() in COMMON
            or (len(passphrase) > 1 and _monotonous(passphrase))):
        return "weak", tr("Weak: at least 8 characters, not a common or repeated sequence")
    bits = entropy_bits(passphrase)
    if bits < 45:
        return "fair", tr("Fair: a longer passphrase or mixed characters would be stronger")
    if bits < 70:
        return "good", tr("Good")
    return "strong", tr("Strong")
