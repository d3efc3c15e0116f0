"""Translations (gettext, catalogs in translations/) and locale formatting (Babel).

Import `_`, `ngettext` and `N_` from here explicitly; never rely on a builtin `_`.
Strings defined at import time (lane names, table headers) are marked with `N_` and passed
through `_()` where they are shown, so a language change applies without a restart.
"""

from __future__ import annotations

import contextlib
import gettext
import locale as _pylocale
import logging
import os
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from crisisdesk_gui.core.paths import translations_dir

if TYPE_CHECKING:
    from babel import Locale

# Babel is imported where it formats: importing babel.dates looks up the system time zone and
# with babel.core costs ~12 ms, and the launch formats nothing before the window is up.

log = logging.getLogger(__name__)

DOMAIN = "crisisdesk"
UI_LANGUAGES = ("en", "tr", "pl", "fi")
LANGUAGE_NAMES = {"en": "English", "tr": "Türkçe", "pl": "Polski", "fi": "Suomi"}

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_locale: Locale | None = None  # of _language, parsed when first needed


def system_language() -> str:
    """The first UI language the system asks for, else English."""
    candidates = [os.environ.get(v, "") for v in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")]
    with contextlib.suppress(ValueError):  # an unparsable LANG must not stop the app
        candidates.append(_pylocale.getlocale()[0] or "")
    for value in candidates:
        for part in value.split(":"):
            code = part.split(".")[0].split("_")[0].lower()
            if code in UI_LANGUAGES:
                return code
    return "en"


def set_language(lang: str | None) -> str:
    """Switch the UI language ("system" or None follows the system). Returns the code used."""
    global _translation, _language, _locale
    code = system_language() if lang in (None, "", "system") else lang
    if code not in UI_LANGUAGES:
        log.warning("unknown UI language %r, using English", code)
        code = "en"
    _translation = gettext.translation(
        DOMAIN, localedir=str(translations_dir()), languages=[code], fallback=True
    )
    if (
        code != "en"
        and isinstance(_translation, gettext.NullTranslations)
        and not isinstance(_translation, gettext.GNUTranslations)
    ):
        log.warning("no compiled catalog for %s (run `make i18n`); showing English", code)
    _language, _locale = code, None
    return code


def current_language() -> str:
    return _language


def current_locale() -> Locale:
    global _locale
    if _locale is None:
        from babel import Locale

        _locale = Locale.parse(_language)  # every UI language is one Babel knows
    return _locale


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


# --- formatting for the current locale -------------------------------------------------


def format_datetime(dt: datetime, fmt: str = "medium") -> str:
    """A moment in the user's local time zone, in the UI locale's pattern."""
    from babel import dates as babel_dates

    local = dt.astimezone() if dt.tzinfo else dt
    return babel_dates.format_datetime(local, format=fmt, locale=current_locale())


def format_date(dt: datetime, fmt: str = "medium") -> str:
    from babel import dates as babel_dates

    local = dt.astimezone() if dt.tzinfo else dt
    return babel_dates.format_date(local, format=fmt, locale=current_locale())


def format_time(dt: datetime, fmt: str = "short") -> str:
    from babel import dates as babel_dates

    local = dt.astimezone() if dt.tzinfo else dt
    return babel_dates.format_time(local, format=fmt, locale=current_locale())


def format_relative(dt: datetime, now: datetime) -> str:
    """ "5 minutes ago" / "5 dakika önce" / "in 3 hours"."""
    from babel import dates as babel_dates

    return babel_dates.format_timedelta(
        dt - now, add_direction=True, threshold=1.0, locale=current_locale()
    )


def format_duration(delta: timedelta) -> str:
    """ "12 minutes" / "12 dakika" (no direction)."""
    from babel import dates as babel_dates

    return babel_dates.format_timedelta(delta, threshold=1.0, locale=current_locale())


def format_number(value: float | int) -> str:
    from babel import numbers as babel_numbers

    return babel_numbers.format_decimal(value, locale=current_locale())


def format_percent(value: float) -> str:
    from babel import numbers as babel_numbers

    return babel_numbers.format_percent(value, locale=current_locale())
