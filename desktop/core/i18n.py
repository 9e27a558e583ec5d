"""User-facing text in Simplified Chinese (default) or English.

Source strings are English; ``tr`` looks them up in the Chinese catalogue. The language comes
from ``set_language`` or the XUNCHA_LANG environment variable ("zh_CN" or "en").
"""

from __future__ import annotations

import os

from desktop.core.i18n_zh import ZH

LANGUAGES = ("zh_CN", "en")
_language = "en" if os.environ.get("XUNCHA_LANG", "").lower().startswith("en") else "zh_CN"


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    _language = language


def language() -> str:
    return _language


def N_(text: str) -> str:
    """Mark ``text`` for translation where it is defined; ``tr`` translates it where shown."""
    return text


def tr(text: str, **values: object) -> str:
    """Translate ``text`` into the current language and fill in ``{placeholders}``."""
    template = ZH.get(text, text) if _language == "zh_CN" else text
    return template.format(**values) if values else template
