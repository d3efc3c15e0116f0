"""The crisis team roster: validated members, CSV and vCard import/export.

Phones are stored in E.164 (parsed with `phonenumbers` in the profile's phone region), e-mails
normalised by `email-validator` (no DNS lookups: the app works offline). Imports are
all-or-nothing: every row is validated first, and a file with any error imports nothing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from crisisdesk_gui.core import settings
from crisisdesk_gui.core.db import iso, utcnow
from crisisdesk_gui.core.i18n import N_, _, current_language
from crisisdesk_gui.core.text import fold

if TYPE_CHECKING:
    import vobject

# phonenumbers, vobject and email_validator are imported where used: together they cost the
# app's launch a noticeable fraction of a second, and launch never needs them.

ROLES: dict[str, str] = {
    "manager": N_("Manager"),
    "social_media": N_("Social media manager"),
    "customer_service": N_("Customer service"),
}
# Role names as people type them in a spreadsheet, in every UI language.
_ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "manager": (
        "manager",
        "owner",
        "yönetici",
        "müdür",
        "kierownik",
        "menedżer",
        "esimies",
        "johtaja",
        "päällikkö",
    ),
    "social_media": (
        "social media",
        "social media manager",
        "sosyal medya",
        "sosyal medya yöneticisi",
        "social media manager",
        "media społecznościowe",
        "specjalista ds. social media",
        "somevastaava",
        "sosiaalinen media",
    ),
    "customer_service": (
        "customer service",
        "customer service rep",
        "müşteri hizmetleri",
        "obsługa klienta",
        "asiakaspalvelu",
    ),
}

PHONE_FIELDS = ("phone_mobile", "phone_work", "phone_home")
EMAIL_FIELDS = ("email_work", "email_personal")
MAP_FIELDS = ("social", "channels")

# Column order of CSV export, with the English label (translated on export).
COLUMNS: dict[str, str] = {
    "name": N_("Name"),
    "role": N_("Role"),
    "phone_mobile": N_("Mobile phone"),
    "phone_work": N_("Work phone"),
    "phone_home": N_("Home phone"),
    "email_work": N_("Work e-mail"),
    "email_personal": N_("Personal e-mail"),
    "social": N_("Social accounts"),
    "channels": N_("Other channels"),
    "on_call": N_("On call"),
    "notes": N_("Notes"),
}
# Header names accepted on import besides the key and the label above (tr, pl, fi, variants).
_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        "full name",
        "ad soyad",
        "ad",
        "isim",
        "adı soyadı",
        "imię i nazwisko",
        "imię",
        "nimi",
        "koko nimi",
    ),
    "role": ("rol", "görev", "rola", "funkcja", "stanowisko", "rooli", "tehtävä"),
    "phone_mobile": (
        "mobile",
        "cell",
        "cep telefonu",
        "cep",
        "telefon komórkowy",
        "komórka",
        "matkapuhelin",
        "kännykkä",
    ),
    "phone_work": ("work phone", "iş telefonu", "telefon służbowy", "työpuhelin"),
    "phone_home": ("ev telefonu", "telefon domowy", "kotipuhelin"),
    "email_work": (
        "work email",
        "e-mail",
        "email",
        "iş e-postası",
        "iş e-posta",
        "e-mail służbowy",
        "työsähköposti",
    ),
    "email_personal": (
        "personal email",
        "kişisel e-posta",
        "e-mail prywatny",
        "henkilökohtainen sähköposti",
    ),
    "social": (
        "social",
        "sosyal medya hesapları",
        "sosyal medya",
        "konta społecznościowe",
        "media społecznościowe",
        "some-tilit",
        "sosiaalisen median tilit",
    ),
    "channels": (
        "channels",
        "alternative channels",
        "diğer kanallar",
        "inne kanały",
        "muut kanavat",
    ),
    "on_call": (
        "on-call hours",
        "on call hours",
        "nöbet",
        "nöbet saatleri",
        "dyżur",
        "godziny dyżuru",
        "päivystys",
        "päivystysajat",
    ),
    "notes": (
        "note",
        "notlar",
        "not",
        "uwagi",
        "notatki",
        "muistiinpanot",
        "huomautukset",
        "lisätiedot",
    ),
}
_LANG_REGION = {"tr": "TR", "pl": "PL", "fi": "FI"}


class ContactError(ValueError):
    """Bad contact data; `line` (CSV) or `card` (vCard, counted from 1) and `field` say where."""

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        field: str | None = None,
        card: int | None = None,
    ) -> None:
        self.line, self.card, self.field, self.reason = line, card, field, message
        where = []
        if line is not None:
            where.append(_("line {line}").format(line=line))
        if card is not None:
            where.append(_("card {number}").format(number=card))
        if field is not None:
            where.append(_("field “{field}”").format(field=_(COLUMNS.get(field, field))))
        prefix = ", ".join(where)
        super().__init__(f"{prefix[:1].upper()}{prefix[1:]}: {message}" if prefix else message)


@dataclass
class Member:
    name: str
    role: str = ""
    phone_mobile: str = ""
    phone_work: str = ""
    phone_home: str = ""
    email_work: str = ""
    email_personal: str = ""
    social: dict[str, str] = field(default_factory=dict)
    channels: dict[str, str] = field(default_factory=dict)
    on_call: str = ""
    notes: str = ""
    id: int | None = None

    @property
    def role_label(self) -> str:
        return role_label(self.role)

    @property
    def emails(self) -> list[str]:
        return [e for e in (self.email_work, self.email_personal) if e]

    @property
    def phones(self) -> list[str]:
        return [p for p in (self.phone_mobile, self.phone_work, self.phone_home) if p]

    def data(self) -> dict[str, object]:
        """Everything but the id: what an export→import round trip must keep equal."""
        values = asdict(self)
        values.pop("id")
        return values


def role_label(role: str) -> str:
    return _(ROLES[role]) if role in ROLES else role


def normalize_role(text: str) -> str:
    """A built-in role's key when the text names one (in any UI language), else the text."""
    text = text.strip()
    key = fold(text)
    for role, label in ROLES.items():
        if key in (role, fold(label), fold(_(label))) or key in map(fold, _ROLE_ALIASES[role]):
            return role
    return text


def default_region(db: Database | None = None) -> str | None:
    """Where numbers without a +country code are from: the `phone_region` setting, else the
    UI language's country (tr→TR, pl→PL, fi→FI); None means "+country code required"."""
    region = settings.get(db, "phone_region") if db is not None else ""
    return (region or _LANG_REGION.get(current_language()) or "").upper() or None


def normalize_phone(text: str, region: str | None) -> str:
    import phonenumbers

    text = text.strip()
    if not text:
        return ""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        if region is None and not text.startswith(("+", "00")):
            raise ValueError(
                _(
                    "“{value}” is not a phone number we can read; write it with the country code, "
                    "for example +90 532 123 45 67."
                ).format(value=text)
            )
        raise ValueError(
            _(
                "“{value}” is not a valid phone number; check the digits and the country code."
            ).format(value=text)
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """An E.164 number for people to read: "+90 532 123 45 67"."""
    if not e164:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_email(text: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    text = text.strip()
    if not text:
        return ""
    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValueError(
            _("“{value}” is not a valid e-mail address ({reason}).").format(value=text, reason=exc)
        ) from exc


def parse_map(text: str) -> dict[str, str]:
    """ "instagram: @lezzet; x: @lezzet_tr" → {"instagram": "@lezzet", "x": "@lezzet_tr"}."""
    result: dict[str, str] = {}
    for part in text.replace("\n", ";").split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition(":")
        if not sep or not key.strip() or not value.strip():
            raise ValueError(
                _(
                    "“{value}” should be written as “network: handle”, several separated by “;”."
                ).format(value=part.strip())
            )
        result[key.strip()] = value.strip()
    return result


def format_map(values: dict[str, str]) -> str:
    return "; ".join(f"{key}: {value}" for key, value in values.items())


def validate(
    member: Member, region: str | None, *, line: int | None = None, card: int | None = None
) -> Member:
    """A normalised copy of `member`, or ContactError naming the first bad field."""
    where = {"line": line, "card": card}
    if not member.name.strip():
        raise ContactError(_("a name is required."), field="name", **where)
    changes: dict[str, object] = {"name": " ".join(member.name.split())}
    changes["role"] = normalize_role(member.role)
    for name in PHONE_FIELDS:
        try:
            changes[name] = normalize_phone(getattr(member, name), region)
        except ValueError as exc:
            raise ContactError(str(exc), field=name, **where) from None
    for name in EMAIL_FIELDS:
        try:
            changes[name] = normalize_email(getattr(member, name))
        except ValueError as exc:
            raise ContactError(str(exc), field=name, **where) from None
    for name in ("on_call", "notes"):
        changes[name] = getattr(member, name).strip()
    return replace(member, **changes)  # type: ignore[arg-type]


# --- storage -----------------------------------------------------------------------------


def _from_row(row: dict[str, object]) -> Member:
    values = {f.name: row.get(f.name) for f in fields(Member)}
    for name in MAP_FIELDS:
        values[name] = json.loads(str(values[name])) if values[name] else {}
    for key, value in values.items():
        if value is None and key != "id":
            values[key] = ""
    return Member(**values)  # type: ignore[arg-type]


def _to_row(member: Member) -> dict[str, object]:
    row = member.data()
    for name in MAP_FIELDS:
        row[name] = json.dumps(row[name], ensure_ascii=False) if row[name] else None
    return {key: (value if value != "" else None) for key, value in row.items()}


def list_members(db: Database) -> list[Member]:
    rows = db.query("SELECT * FROM team_members ORDER BY name COLLATE NOCASE, id")
    return [_from_row(row) for row in rows]


def get_member(db: Database, member_id: int) -> Member:
    row = db.execute("SELECT * FROM team_members WHERE id = ?", [member_id]).fetchone()
    if row is None:
        raise KeyError(member_id)
    columns = [d[0] for d in db.execute("SELECT * FROM team_members LIMIT 0").description]
    return _from_row(dict(zip(columns, row, strict=True)))


def save_member(db: Database, member: Member, *, region: str | None = None) -> int:
    """Validate and insert (id None) or update; committed. Returns the id."""
    clean = validate(member, region if region is not None else default_region(db))
    with db.conn:
        return _store(db, clean)


def _store(db: Database, member: Member) -> int:
    now = iso(utcnow())
    row = _to_row(member)
    if member.id is None:
        row.update(created=now, updated=now)
        return int(db["team_members"].insert(row).last_pk)
    row["updated"] = now
    db["team_members"].update(member.id, row)
    return member.id


def delete_member(db: Database, member_id: int) -> None:
    """Remove a member; their cards and incidents stay, unassigned."""
    with db.conn:
        db.execute("UPDATE mentions SET assignee_id = NULL WHERE assignee_id = ?", [member_id])
        db.execute("UPDATE incidents SET owner_id = NULL WHERE owner_id = ?", [member_id])
        db.execute("DELETE FROM team_members WHERE id = ?", [member_id])


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int


def import_members(db: Database, members: Iterable[Member]) -> ImportResult:
    """Store already validated members in one transaction; a member whose name matches an
    existing one (ignoring case and accents) updates it, so importing twice adds nobody."""
    existing = {fold(m.name): m.id for m in list_members(db)}
    added = updated = 0
    with db.conn:
        for member in members:
            member_id = existing.get(fold(member.name))
            _store(db, replace(member, id=member_id))
            if member_id is None:
                added += 1
            else:
                updated += 1
    return ImportResult(added, updated)


def import_file(db: Database, path: Path, *, region: str | None = None) -> ImportResult:
    """CSV or vCard by extension (or content); nothing is stored if any entry is bad."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContactError(
            _("Cannot read {path}: {error}").format(path=path, error=exc.strerror)
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ContactError(
            _("{path} is not UTF-8 text; save it as “CSV UTF-8” and try again.").format(path=path)
        ) from None
    region = region if region is not None else default_region(db)
    is_vcard = path.suffix.lower() in (".vcf", ".vcard") or text.lstrip().upper().startswith(
        "BEGIN:VCARD"
    )
    members = parse_vcards(text, region) if is_vcard else parse_csv(text, region)
    return import_members(db, members)


# --- CSV -----------------------------------------------------------------------------------


def _header_key(header: str) -> str | None:
    wanted = fold(header).replace("_", " ").replace("-", " ").strip()
    wanted = " ".join(wanted.split())
    for key, label in COLUMNS.items():
        names = (key, label, _(label), *_HEADER_ALIASES[key])
        if wanted in {" ".join(fold(n).replace("_", " ").replace("-", " ").split()) for n in names}:
            return key
    return None


def parse_csv(text: str, region: str | None) -> list[Member]:
    """Rows → validated members, or ContactError naming the line and the field."""
    if not text.strip():
        raise ContactError(_("The file is empty."))
    first_line = text.splitlines()[0]
    delimiter = max(",;\t", key=first_line.count)  # spreadsheets in tr/pl/fi save with ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers = next(reader)
    keys: list[str] = []
    for header in headers:
        key = _header_key(header)
        if key is None:
            known = ", ".join(_(label) for label in COLUMNS.values())
            raise ContactError(
                _("unknown column “{column}”; the columns can be: {known}.").format(
                    column=header.strip(), known=known
                ),
                line=1,
            )
        if key in keys:
            raise ContactError(_("column “{column}” appears twice.").format(column=header), line=1)
        keys.append(key)
    if "name" not in keys:
        raise ContactError(_("the file has no “Name” column."), line=1)
    members: list[Member] = []
    start = reader.line_num + 1
    for values in reader:
        line, start = start, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(keys):
            raise ContactError(
                _("{count} values, but the header has {columns} columns.").format(
                    count=len(values), columns=len(keys)
                ),
                line=line,
            )
        row = dict(zip(keys, values, strict=False))
        member = Member(name=row.get("name", ""))
        for key, value in row.items():
            if key in MAP_FIELDS:
                try:
                    setattr(member, key, parse_map(value))
                except ValueError as exc:
                    raise ContactError(str(exc), line=line, field=key) from None
            elif key != "name":
                setattr(member, key, value)
        members.append(validate(member, region, line=line))
    return members


def export_csv(members: Iterable[Member], path: Path) -> None:
    """UTF-8 with BOM so spreadsheets show ı, ł and ä right; written atomically."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([_(label) for label in COLUMNS.values()])
    for member in members:
        row = []
        for key in COLUMNS:
            value = getattr(member, key)
            row.append(
                format_map(value)
                if key in MAP_FIELDS
                else role_label(value)
                if key == "role"
                else value
            )
        writer.writerow(row)
    _write_atomic(Path(path), ("\ufeff" + buffer.getvalue()).encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


# --- vCard ---------------------------------------------------------------------------------

_TEL_TYPES = {"phone_mobile": "CELL", "phone_work": "WORK", "phone_home": "HOME"}
_EMAIL_TYPES = {"email_work": "WORK", "email_personal": "HOME"}


def to_vcard(member: Member) -> str:
    import vobject

    card = vobject.vCard()
    card.add("fn").value = member.name
    # "Ayşe Nur Yılmaz": the last word is the family name; FN keeps the name as written.
    given, _sep, family = member.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if member.role:
        card.add("role").value = member.role_label
    for key, kind in _TEL_TYPES.items():
        if getattr(member, key):
            tel = card.add("tel")
            tel.value = getattr(member, key)
            tel.type_param = kind
    for key, kind in _EMAIL_TYPES.items():
        if getattr(member, key):
            email = card.add("email")
            email.value = getattr(member, key)
            email.type_param = kind
    for network, handle in member.social.items():
        item = card.add("x-socialprofile")
        item.value = handle
        item.type_param = network
    for channel, address in member.channels.items():
        item = card.add("x-crisisdesk-channel")
        item.value = address
        item.type_param = channel
    if member.on_call:
        card.add("x-crisisdesk-oncall").value = member.on_call
    if member.notes:
        card.add("note").value = member.notes
    return str(card.serialize())


def export_vcard(members: Iterable[Member], path: Path) -> None:
    _write_atomic(Path(path), "".join(to_vcard(m) for m in members).encode("utf-8"))


def _types(prop: vobject.base.ContentLine) -> list[str]:
    return [t.upper() for t in prop.params.get("TYPE", [])]


def parse_vcards(text: str, region: str | None) -> list[Member]:
    import vobject

    try:
        cards = list(vobject.readComponents(text))
    except Exception as exc:  # vobject raises several unrelated types for broken input
        raise ContactError(_("The vCard file cannot be read: {error}").format(error=exc)) from None
    members = []
    for number, card in enumerate(cards, start=1):
        if card.name.upper() != "VCARD":
            continue
        member = Member(name=_card_name(card))
        for prop in card.contents.get("tel", []):
            types = _types(prop)
            key = (
                "phone_work"
                if "WORK" in types
                else "phone_home"
                if "HOME" in types
                else "phone_mobile"
            )
            if getattr(member, key):  # a second number of the same kind goes to a free slot
                key = next((k for k in PHONE_FIELDS if not getattr(member, k)), key)
            setattr(member, key, str(prop.value))
        for prop in card.contents.get("email", []):
            key = "email_personal" if "HOME" in _types(prop) else "email_work"
            if getattr(member, key):
                key = "email_personal" if key == "email_work" else "email_work"
            setattr(member, key, str(prop.value))
        role = card.contents.get("role") or card.contents.get("title") or []
        member.role = str(role[0].value) if role else ""
        for prop in card.contents.get("x-socialprofile", []):
            member.social[(prop.params.get("TYPE") or ["web"])[0]] = str(prop.value)
        for prop in card.contents.get("x-crisisdesk-channel", []):
            member.channels[(prop.params.get("TYPE") or ["chat"])[0]] = str(prop.value)
        on_call = card.contents.get("x-crisisdesk-oncall")
        member.on_call = str(on_call[0].value) if on_call else ""
        note = card.contents.get("note")
        member.notes = str(note[0].value) if note else ""
        members.append(validate(member, region, card=number))
    if not members:
        raise ContactError(_("The file holds no vCard."))
    return members


def _card_name(card: vobject.base.Component) -> str:
    if "fn" in card.contents and str(card.fn.value).strip():
        return str(card.fn.value)
    if "n" in card.contents:
        n = card.n.value
        return " ".join(p for p in (n.prefix, n.given, n.additional, n.family) if p)
    return ""
