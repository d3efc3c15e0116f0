"""The roster: validation to E.164, CSV/vCard import (all or nothing) and export round trips."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crisisdesk_gui.core import contacts, i18n, settings
from crisisdesk_gui.core.contacts import ContactError, Member

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "contacts"


def names(db) -> list[str]:
    return [m.name for m in contacts.list_members(db)]


def test_phones_are_stored_in_e164_and_emails_normalised(db) -> None:
    member_id = contacts.save_member(
        db,
        Member(
            "  Ayşe   Yılmaz ",
            role="Yönetici",
            phone_mobile="0532 123 45 67",
            phone_work="(0216) 555 12 34",
            email_work="Ayse@LezzetFirini.com.tr",
        ),
        region="TR",
    )
    saved = contacts.get_member(db, member_id)
    assert saved.name == "Ayşe Yılmaz"
    assert saved.role == "manager"
    assert saved.phone_mobile == "+905321234567"
    assert saved.phone_work == "+902165551234"
    assert saved.email_work == "Ayse@lezzetfirini.com.tr"  # the domain is case-insensitive
    assert contacts.format_phone(saved.phone_mobile) == "+90 532 123 45 67"


def test_region_follows_the_setting_then_the_ui_language(db) -> None:
    assert contacts.default_region(db) is None  # English UI: a +country code is needed
    i18n.set_language("fi")
    assert contacts.default_region(db) == "FI"
    settings.set_(db, "phone_region", "pl")
    assert contacts.default_region(db) == "PL"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("phone_mobile", "12ab", "“12ab” is not a phone number"),
        ("phone_mobile", "532 123 45 67", "country code"),  # no region to guess from
        ("email_work", "ayse@", "not a valid e-mail address"),
    ],
)
def test_bad_values_name_the_field(db, field: str, value: str, words: str) -> None:
    with pytest.raises(ContactError) as info:
        contacts.save_member(db, Member("Ayşe", **{field: value}), region=None)
    assert info.value.field == field
    assert words in str(info.value)
    assert names(db) == []


def test_delete_keeps_cards_unassigned(db) -> None:
    member_id = contacts.save_member(db, Member("Jänne"), region=None)
    db["mentions"].insert({"id": 1, "dedup_key": "k", "assignee_id": member_id})
    db.conn.commit()
    contacts.delete_member(db, member_id)
    assert names(db) == []
    assert db["mentions"].get(1)["assignee_id"] is None


def test_import_english_csv(db) -> None:
    result = contacts.import_file(db, FIXTURES / "team_en.csv")
    assert (result.added, result.updated) == (3, 0)
    by_name = {m.name: m for m in contacts.list_members(db)}
    pawel = by_name["Paweł Żółkiewski"]
    assert pawel.role == "social_media"
    assert pawel.phone_mobile == "+48601234567"
    assert pawel.email_personal == "pawel.z@gmail.com"
    assert pawel.social == {"x": "@pzolkiewski", "facebook": "pawel.zolkiewski"}
    assert pawel.on_call == "weekends, 10–18"
    janne = by_name["Jänne Mäkelä"]
    assert janne.phone_home == "+358912345678"
    assert janne.channels == {"live chat": "https://korjaamo.fi/chat"}
    # Importing the same file again updates, never duplicates.
    assert contacts.import_file(db, FIXTURES / "team_en.csv") == contacts.ImportResult(0, 3)
    assert len(names(db)) == 3


@pytest.mark.parametrize(
    ("fixture", "region", "expected"),
    [
        (
            "team_tr.csv",
            "TR",
            {
                "Mehmet Öztürk": ("customer_service", "+905329876543"),
                "Gülşen Çağlar": ("manager", "+905051112233"),
            },
        ),
        ("team_pl.csv", "PL", {"Łukasz Wiśniewski": ("customer_service", "+48601234568")}),
        ("team_fi.csv", "FI", {"Seija Hämäläinen": ("customer_service", "+358407654321")}),
    ],
)
def test_import_csv_with_localised_headers(db, fixture, region, expected) -> None:
    contacts.import_file(db, FIXTURES / fixture, region=region)
    got = {m.name: (m.role, m.phone_mobile) for m in contacts.list_members(db)}
    assert got == expected


def test_localised_headers_use_the_ui_languages_region(db) -> None:
    i18n.set_language("tr")
    contacts.import_file(db, FIXTURES / "team_tr.csv")
    mehmet = next(m for m in contacts.list_members(db) if m.name == "Mehmet Öztürk")
    assert mehmet.phone_work == "+902164445566"
    assert mehmet.notes == "Şube: Kadıköy"


@pytest.mark.parametrize(
    ("fixture", "line", "field", "words"),
    [
        ("bad_phone.csv", 3, "phone_mobile", "+48 12"),
        ("bad_email.csv", 3, "email_work", "janne@@korjaamo"),
        ("bad_header.csv", 1, None, "Shoe size"),
        ("bad_no_name.csv", 3, "name", "name is required"),
    ],
)
def test_bad_csv_names_line_and_field_and_imports_nothing(db, fixture, line, field, words):
    contacts.save_member(db, Member("Already Here"), region=None)
    with pytest.raises(ContactError) as info:
        contacts.import_file(db, FIXTURES / fixture)
    error = info.value
    assert (error.line, error.field) == (line, field)
    assert words in str(error)
    assert str(error).startswith(f"Line {line}")
    assert names(db) == ["Already Here"]  # the good rows before the bad one were not stored


def test_error_names_the_field_by_its_label(db) -> None:
    with pytest.raises(ContactError, match="Line 3, field “Mobile phone”"):
        contacts.import_file(db, FIXTURES / "bad_phone.csv")


def test_non_utf8_file_is_refused_clearly(db, tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("Name\nJänne\n".encode("latin-1"))
    with pytest.raises(ContactError, match="UTF-8"):
        contacts.import_file(db, path)


def test_import_vcard_from_other_apps(db) -> None:
    contacts.import_file(db, FIXTURES / "team.vcf")
    by_name = {m.name: m for m in contacts.list_members(db)}
    paivi = by_name["Päivi Virtanen"]
    assert (paivi.role, paivi.phone_mobile, paivi.phone_work) == (
        "customer_service",
        "+358501112233",
        "+358987654321",
    )
    assert paivi.email_work == "paivi@korjaamo.fi"
    assert paivi.notes == "Päivystää viikonloppuisin"
    zeynep = by_name["Zeynep Şahin"]
    assert zeynep.email_personal == "zeynep.sahin@example.com"


def test_bad_vcard_names_the_card_and_imports_nothing(db) -> None:
    with pytest.raises(ContactError) as info:
        contacts.import_file(db, FIXTURES / "bad.vcf")
    assert (info.value.card, info.value.field) == (2, "email_work")
    assert str(info.value).startswith("Card 2, field “Work e-mail”")
    assert names(db) == []


@pytest.mark.parametrize("suffix", [".csv", ".vcf"])
def test_export_then_import_gives_the_same_roster(
    db, data_dir: Path, tmp_path: Path, suffix: str
) -> None:
    contacts.import_file(db, FIXTURES / "team_en.csv")
    contacts.import_file(db, FIXTURES / "team_tr.csv", region="TR")
    contacts.save_member(db, Member("Custom Role Person", role="Kurye / courier"), region=None)
    original = [m.data() for m in contacts.list_members(db)]
    out = tmp_path / f"team{suffix}"
    members = contacts.list_members(db)
    if suffix == ".csv":
        contacts.export_csv(members, out)
    else:
        contacts.export_vcard(members, out)
        text = out.read_text(encoding="utf-8")
        assert text.count("BEGIN:VCARD") == len(original)
        for name in ("Ayşe Yılmaz", "Paweł Żółkiewski", "Jänne Mäkelä", "Gülşen Çağlar"):
            assert f"FN:{name}" in text

    from crisisdesk_gui.core.db import open_profile_db

    other = open_profile_db(tmp_path / "other")
    try:
        contacts.import_file(other, out, region=None)
        assert [m.data() for m in contacts.list_members(other)] == original
    finally:
        other.conn.close()


def test_csv_export_opens_in_spreadsheets(db, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "team_en.csv", tmp_path / "in.csv")
    contacts.import_file(db, tmp_path / "in.csv")
    out = tmp_path / "out.csv"
    contacts.export_csv(contacts.list_members(db), out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    assert raw.decode("utf-8-sig").splitlines()[0].startswith("Name,Role,Mobile phone")
