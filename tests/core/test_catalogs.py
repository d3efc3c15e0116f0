"""The gettext catalogs are complete: every string marked in the code, extracted afresh, is
translated (not fuzzy, not empty) in Turkish, Polish and Finnish with the same placeholders and
the right number of plural forms. When this fails, run `make i18n` and translate what it lists.
"""

from __future__ import annotations

import contextlib
import re
import string
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from crisisdesk_gui.core import i18n

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "translations"
LANGS = ("tr", "pl", "fi")
# The same keywords as `make i18n`.
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "ngettext": (1, 2)}
PERCENT = re.compile(r"%(?:\([^)]*\))?[#0 +-]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACE_FALLBACK = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})")

MsgId = str | tuple[str, str]


@lru_cache(maxsize=1)
def extracted() -> dict[MsgId, str]:
    """Every marked string in the code now, with where it is (for the failure message)."""
    with (REPO / "babel.cfg").open(encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[MsgId, str] = {}
    for filename, lineno, message, _comments, _ctx in extract_from_dir(
        str(REPO), method_map, options_map, keywords=KEYWORDS
    ):
        if isinstance(message, tuple):
            msgid: MsgId = (message[0], message[1]) if len(message) > 1 else message[0]
        else:
            msgid = message
        if msgid and msgid not in found:
            found[msgid] = f"{filename}:{lineno}"
    return found


def load_catalog(lang: str) -> Catalog:
    path = TRANSLATIONS / lang / "LC_MESSAGES" / "crisisdesk.po"
    if not path.exists():
        pytest.fail(f"{path} is missing: run `pybabel init` for {lang} (see Makefile, i18n)")
    with path.open("rb") as fh:
        return read_po(fh, locale=lang)


def fields(text: str) -> list[str]:
    """The {placeholders} (with conversion and spec) and %-formats of a text, sorted."""
    try:
        braces = [
            "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
            for _lit, name, spec, conv in string.Formatter().parse(text)
            if name is not None
        ]
    except ValueError:
        braces = BRACE_FALLBACK.findall(text)
    return sorted(braces + PERCENT.findall(text))


def problems(catalog: Catalog, wanted: dict[MsgId, str]) -> list[str]:
    """What is wrong with `catalog` for the strings in `wanted` (empty when complete)."""
    out: list[str] = []
    nplurals = catalog.num_plurals
    for msgid, where in wanted.items():
        key = msgid[0] if isinstance(msgid, tuple) else msgid
        message: Message | None = catalog.get(key)
        label = f"{key!r} ({where})"
        if message is None:
            out.append(f"missing: {label}")
            continue
        if message.fuzzy:
            out.append(f"fuzzy: {label}")
        if isinstance(msgid, tuple):
            strings = message.string if isinstance(message.string, tuple | list) else ()
            if len(strings) != nplurals:
                out.append(f"needs {nplurals} plural forms, has {len(strings)}: {label}")
            sources = [msgid[1]]
        else:
            strings = (message.string,) if isinstance(message.string, str) else message.string
            sources = [msgid]
        if not strings or any(not s for s in strings):
            out.append(f"untranslated: {label}")
            continue
        # Every form keeps every placeholder: a form may serve several numbers (Turkish has one).
        expected = fields(sources[-1])
        for form in strings:
            got = fields(form)
            if got != expected:
                out.append(f"placeholders {got} instead of {expected}: {label} -> {form!r}")
    return out


def test_extraction_finds_the_marked_strings() -> None:
    found = extracted()
    assert "Copy and open" in found
    assert any(isinstance(m, tuple) for m in found)  # ngettext plurals are seen too


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_is_complete(lang: str) -> None:
    found = problems(load_catalog(lang), extracted())
    shown = "\n".join(found[:40]) + (f"\n… and {len(found) - 40} more" if len(found) > 40 else "")
    assert not found, f"{len(found)} problems in {lang}; run `make i18n` and translate:\n{shown}"


@pytest.mark.parametrize("lang", LANGS)
def test_plural_forms_header_is_the_languages(lang: str) -> None:
    catalog = load_catalog(lang)
    expected = get_plural(lang)
    assert catalog.num_plurals == expected.num_plurals
    assert catalog.plural_expr.replace(" ", "") == expected.plural_expr.replace(" ", "")
    if lang == "pl":
        assert catalog.num_plurals == 3


def test_the_checker_catches_each_kind_of_mistake() -> None:
    catalog = Catalog(locale="pl")
    catalog.add("Saved", "Zapisano")
    catalog.add("Hello {name}", "Cześć")  # dropped placeholder
    catalog.add("{n} left", "{n} zostało {extra}")  # added placeholder
    catalog.add("%d%% done", "%d gotowe")  # dropped %-format
    catalog.add("Fuzzy", "Rozmyte", flags=["fuzzy"])
    catalog.add("Empty", "")
    catalog.add(("{n} card", "{n} cards"), ("{n} karta", "{n} karty"))  # 2 of 3 forms
    catalog.add(("{n} file", "{n} files"), ("{n} plik", "{n} pliki", "{n} plików"))
    catalog.add(("{n} day", "{n} days"), ("jeden dzień", "{n} dni", "{n} dni"))
    wanted: dict[MsgId, str] = {
        m: "x"
        for m in (
            "Saved",
            "Hello {name}",
            "{n} left",
            "%d%% done",
            "Fuzzy",
            "Empty",
            "Missing",
            ("{n} card", "{n} cards"),
            ("{n} file", "{n} files"),
            ("{n} day", "{n} days"),
        )
    }
    found = problems(catalog, wanted)
    kinds = {line.split(":")[0].split(" ")[0] for line in found}
    assert kinds == {"missing", "fuzzy", "untranslated", "placeholders", "needs"}
    bad = " ".join(found)
    for text in (
        "Hello {name}",
        "{n} left",
        "%d%% done",
        "{n} card",
        "{n} day",
        "Missing",
        "Empty",
    ):
        assert repr(text) in bad
    assert "'Saved'" not in bad and "{n} file" not in bad


@contextlib.contextmanager
def compiled_translations() -> Iterator[Path]:
    """Compile the .po files afresh into a temporary folder and point gettext at it."""
    original = i18n.translations_dir
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for lang in LANGS:
            out = root / lang / "LC_MESSAGES"
            out.mkdir(parents=True)
            with (out / "crisisdesk.mo").open("wb") as fh:
                write_mo(fh, load_catalog(lang), use_fuzzy=False)
        i18n.translations_dir = lambda: root  # type: ignore[assignment]
        try:
            yield root
        finally:
            i18n.translations_dir = original  # type: ignore[assignment]
            i18n.set_language("en")


def test_set_language_switches_gettext_and_plurals() -> None:
    with compiled_translations():
        assert i18n.set_language("tr") == "tr"
        assert i18n._("Copy and open") == "Kopyala ve aç"
        assert i18n.set_language("fi") == "fi"
        assert i18n._("Copy and open") == "Kopioi ja avaa"
        i18n.set_language("pl")
        assert i18n._("Copy and open") == "Skopiuj i otwórz"
        forms = [
            i18n.ngettext("{n} wording enabled", "{n} wordings enabled", n).format(n=n)
            for n in (1, 3, 5, 22, 25)
        ]
        assert forms == [
            "1 wariant włączony",
            "3 warianty włączone",
            "5 wariantów włączonych",
            "22 warianty włączone",
            "25 wariantów włączonych",
        ]
        i18n.set_language("en")
        assert i18n._("Copy and open") == "Copy and open"


def test_built_catalogs_load_when_present() -> None:
    # `make mo` builds these for `make run` and `make test`; a plain pytest run may skip.
    mo = TRANSLATIONS / "tr" / "LC_MESSAGES" / "crisisdesk.mo"
    if not mo.exists():
        pytest.skip("translations not compiled (make mo)")
    try:
        i18n.set_language("tr")
        assert i18n._("Copy and open") == "Kopyala ve aç"
    finally:
        i18n.set_language("en")
