"""User-facing text in Simplified Chinese (default) or English.

Source strings are English: literal arguments of ``tr`` or, where a string is defined apart
from where it is shown (label tables, error messages), marked with ``N_``. ``pyside6-lupdate``
collects both into ``resources/i18n/xuncha_zh_CN.ts`` (see ``packaging/translations.py``).
``tr`` looks the Chinese up through the catalogue installed with ``use_catalogue``
(``desktop.translations`` installs the compiled .qm); with none installed, or in English, it
returns the source. The language comes from ``set_language`` or the XUNCHA_LANG environment
variable ("zh_CN" or "en").
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable

LANGUAGES = ("zh_CN", "en")
_language = "en" if os.environ.get("XUNCHA_LANG", "").lower().startswith("en") else "zh_CN"
_lookup: Callable[[str], str] | None = None


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    _language = language


def language() -> str:
    return _language


def use_catalogue(lookup: Callable[[str], str] | None) -> None:
    """Install the Chinese catalogue: ``lookup`` gives the translation of a source string (the
    source itself when it has none); None removes it, so that ``tr`` returns English."""
    global _lookup
    _lookup = lookup


def has_catalogue() -> bool:
    return _lookup is not None


def N_(text: str) -> str:
    """Mark ``text`` for translation where it is defined; ``tr`` translates it where shown."""
    return text


def tr(text: str, **values: object) -> str:
    """Translate ``text`` into the current language and fill in ``{placeholders}``."""
    template = _lookup(text) if _language == "zh_CN" and _lookup is not None else text
    return template.format(**values) if values else template


# argparse's own phrases that a user of the command line meets (it formats them with %).
ARGPARSE_PHRASES = (
    N_("usage: "), N_("positional arguments"), N_("options"),
    N_("show this help message and exit"),
    N_("the following arguments are required: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unrecognized arguments: %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("invalid %(type)s value: %(value)r"),
)


def translate_argparse() -> None:
    """argparse looks its own phrases up through gettext at run time: answer with ``tr``."""
    argparse._ = tr  # type: ignore[attr-defined]
