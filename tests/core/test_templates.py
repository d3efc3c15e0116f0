"""Reply templates: the shipped library, rendering, rotation, repeats, logging, the CLI."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from crisisdesk_gui.core import settings
from crisisdesk_gui.core import templates as tpl

TYPICAL = {
    "customer": "@ayse_kaya_1987",
    "brand": "Lezzet Fırını Kadıköy",
    "phone": "+90 216 555 01 23",
    "email": "destek@lezzetfirini.com.tr",
    "case_id": "CD-000123",
    "next_update": "15:30",
    "agent": "Zeynep",
}


def add_mention(db, **values) -> int:
    row = {
        "dedup_key": f"k{values.get('author')}{values.get('text')}",
        "author": "@ola",
        "lane": "new",
        "lang": "pl",
        "url": "https://example.org/c/1",
        "text": "źle",
    }
    row.update(values)
    return int(db["mentions"].insert(row).last_pk)


# --- the shipped library -------------------------------------------------------------


def test_library_has_three_distinct_wordings_per_situation_and_language() -> None:
    shipped = tpl.shipped_templates()
    for situation in tpl.SITUATIONS:
        for lang in tpl.LANGS:
            texts = [t for _k, s, lg, t in shipped if s == situation and lg == lang]
            assert len(set(texts)) >= 3, (situation, lang)
    assert len(shipped) >= 84
    assert len({key for key, *_ in shipped}) == len(shipped)


def test_every_shipped_wording_is_valid_and_fits_a_tweet_when_filled() -> None:
    for key, _situation, _lang, text in tpl.shipped_templates():
        assert tpl.validate_text(text) == [], key
        rendered = tpl.render(text, TYPICAL)
        assert rendered.complete, key
        assert len(rendered.text) <= 280, (key, len(rendered.text))
        assert "{" not in rendered.text and "}" not in rendered.text


def test_turkish_wordings_attach_no_suffix_to_a_placeholder() -> None:
    # "{customer}'a" breaks vowel harmony for half the names; write around it.
    for key, _s, lang, text in tpl.shipped_templates():
        if lang == "tr":
            assert not re.search(r"\}['’\w]", text), key


def test_sync_adds_updates_and_keeps_the_users_changes(db, tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    folder.mkdir()
    data = {"lang": "en", "templates": {"apologise": {"1": "Sorry {customer}.", "2": "Oops."}}}
    (folder / "en.json").write_text(json.dumps(data), encoding="utf-8")
    assert tpl.sync_shipped(db, folder) == {"added": 2, "updated": 0, "removed": 0}
    assert tpl.sync_shipped(db, folder) == {"added": 0, "updated": 0, "removed": 0}

    first, second = tpl.list_templates(db, situation="apologise", lang="en")
    edited = tpl.update_template(db, first.id, text="We are sorry, {customer}.")
    assert edited.edited
    tpl.update_template(db, second.id, enabled=False)
    mine = tpl.add_template(db, "apologise", "en", "My own {brand} apology.")

    # A new release rewords both shipped texts and drops one.
    data["templates"]["apologise"] = {"1": "Sorry, {customer}!", "2": "Oops, sorry."}
    (folder / "en.json").write_text(json.dumps(data), encoding="utf-8")
    tpl._read_shipped.cache_clear()
    assert tpl.sync_shipped(db, folder)["updated"] == 1
    by_id = {t.id: t for t in tpl.list_templates(db, include_disabled=True)}
    assert by_id[first.id].text == "We are sorry, {customer}."  # the user's edit survives
    assert by_id[second.id].text == "Oops, sorry." and not by_id[second.id].enabled
    assert by_id[mine].text == "My own {brand} apology."

    data["templates"]["apologise"] = {"1": "Sorry, {customer}!"}
    (folder / "en.json").write_text(json.dumps(data), encoding="utf-8")
    tpl._read_shipped.cache_clear()
    assert tpl.sync_shipped(db, folder)["removed"] == 1
    assert tpl.restore_shipped(db, first.id, folder).text == "Sorry, {customer}!"
    tpl._read_shipped.cache_clear()


def test_shipped_wordings_cannot_be_deleted_but_user_ones_can(db) -> None:
    tpl.sync_shipped(db)
    shipped = tpl.list_templates(db, situation="apologise", lang="tr")[0]
    with pytest.raises(tpl.TemplateError, match="disable"):
        tpl.delete_template(db, shipped.id)
    mine = tpl.add_template(db, "delivery_late", "tr", "Merhaba {customer}, özür dileriz.")
    assert "delivery_late" in tpl.situations(db)
    tpl.delete_template(db, mine)
    assert tpl.get_template(db, mine) is None


def test_bad_templates_are_refused_with_a_reason(db) -> None:
    with pytest.raises(tpl.TemplateError, match="brace"):
        tpl.add_template(db, "apologise", "en", "Hello {customer")
    with pytest.raises(tpl.TemplateError, match=r"\{custmer\}"):
        tpl.add_template(db, "apologise", "en", "Hello {custmer}")
    with pytest.raises(tpl.TemplateError, match="language"):
        tpl.add_template(db, "apologise", "de", "Hallo")


# --- rendering and values ------------------------------------------------------------


def test_render_fills_values_and_flags_missing_ones_without_sending_braces() -> None:
    out = tpl.render(
        "Hi {customer}, call {phone} ({case_id}). {{literal}}",
        {"customer": "Ola", "phone": "  ", "case_id": "CD-000007"},
    )
    assert out.missing == ("phone",)
    assert out.text == "Hi Ola, call {phone} (CD-000007). {literal}"
    assert tpl.unfilled(out.text) == ["phone", "literal"]
    assert tpl.render("Hi {customer}", {"customer": "Ola"}).complete


def test_values_come_from_the_card_settings_and_roster(db) -> None:
    member = (
        db["team_members"]
        .insert({"name": "Kasia", "phone_work": "+48 12 345 67 89", "email_work": "kasia@sklep.pl"})
        .last_pk
    )
    mention = add_mention(db, author="Jan Nowak", assignee_id=member)
    settings.set_(db, "business_name", "Sklep Kraków")
    now = datetime(2026, 11, 22, 13, 5, tzinfo=UTC)
    values = tpl.values_for_mention(db, mention, "pl", now=now)
    assert values["customer"] == "Jan Nowak"
    assert values["brand"] == "Sklep Kraków"
    assert values["phone"] == "+48 12 345 67 89"  # no support phone set: the assignee's
    assert values["email"] == "kasia@sklep.pl"
    assert values["case_id"] == f"CD-{mention:06d}"
    assert values["agent"] == "Kasia"
    assert values["next_update"].endswith((":15", ".15"))  # 14:05 rounded up to the quarter
    settings.set_(db, "support_phone", "+48 800 100 200")
    assert tpl.values_for_mention(db, mention, "pl", now=now)["phone"] == "+48 800 100 200"


def test_proposals_follow_the_lane_and_the_comment_language() -> None:
    assert tpl.situations_for_lane("new")[0] == "thank_acknowledge"
    assert tpl.situations_for_lane("acknowledged")[0] == "take_offline"
    assert tpl.situations_for_lane("offline")[0] == "status_update"
    assert tpl.situations_for_lane("resolved") == ("resolved_thanks",)
    assert all(tpl.situations_for_lane(k) == ("troll_warning",) for k in ("watching", "blocked"))
    assert tpl.reply_language("fi", "en") == "fi"
    assert tpl.reply_language("other", "tr") == "tr"
    assert tpl.reply_language(None, "de") == "en"


# --- rotation, repeats, logging ------------------------------------------------------


def test_rotation_never_repeats_a_wording_while_others_are_unused(db) -> None:
    tpl.sync_shipped(db)
    mine = tpl.add_template(db, "apologise", "pl", "{customer}, przepraszamy bardzo.")
    wordings = {t.id for t in tpl.list_templates(db, situation="apologise", lang="pl")}
    assert mine in wordings and len(wordings) == 4
    start = datetime(2026, 11, 1, tzinfo=UTC)
    sent: list[int] = []
    for i in range(len(wordings) * 2):
        mention = add_mention(db, author=f"a{i}")
        chosen = tpl.pick_template(db, "apologise", "pl")
        assert chosen is not None
        sent.append(chosen.id)
        text = tpl.render(chosen.text, {"customer": f"a{i}", "case_id": "x"}).text
        tpl.log_reply(
            db, mention, text, actor="t", template_id=chosen.id, now=start + timedelta(minutes=i)
        )
    first_round, second_round = sent[:4], sent[4:]
    assert set(first_round) == wordings  # every wording once before any repeats
    assert second_round == first_round  # then the least recently used, in the same order


def test_rotation_skips_disabled_and_prefers_wordings_it_can_fill(db) -> None:
    tpl.sync_shipped(db)
    order = tpl.rotation(
        db,
        "take_offline",
        "en",
        {"customer": "Ann", "email": "a@b.c", "case_id": "CD-1", "phone": ""},
    )
    assert "{phone}" not in order[0].text
    tpl.update_template(db, order[0].id, enabled=False)
    assert order[0].id not in {t.id for t in tpl.rotation(db, "take_offline", "en")}


def test_log_reply_records_history_first_reply_and_moves(db) -> None:
    from crisisdesk_gui.core import board

    mention = add_mention(db)
    when = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    tpl.log_reply(
        db,
        mention,
        "Dziękujemy!",
        actor="Ola",
        template_id=5,
        situation="thank_acknowledge",
        lang="pl",
        move_to="acknowledged",
        now=when,
    )
    row = db.execute("SELECT lane, first_reply_at FROM mentions WHERE id = ?", [mention]).fetchone()
    assert row == ("acknowledged", "2026-11-22T12:00:00+00:00")
    kinds = [(e["kind"], e["text"], e["data"]) for e in board.history(db, mention)]
    assert kinds[0] == (
        "reply",
        "Dziękujemy!",
        {"template_id": 5, "situation": "thank_acknowledge", "lang": "pl"},
    )
    assert kinds[1][0] == "move"
    # A second reply leaves the first reply time alone.
    tpl.log_reply(db, mention, "Jeszcze raz", actor="Ola", now=when + timedelta(hours=1))
    assert (
        db.execute("SELECT first_reply_at FROM mentions WHERE id = ?", [mention]).fetchone()[0]
        == "2026-11-22T12:00:00+00:00"
    )
    with pytest.raises(tpl.TemplateError, match=r"\{phone\}"):
        tpl.log_reply(db, mention, "Call {phone}", actor="Ola")


def test_repeat_warning_finds_an_identical_recent_reply(db) -> None:
    mention = add_mention(db)
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    tpl.log_reply(db, mention, "Thanks,  we are on it.", actor="a", now=now - timedelta(hours=2))
    tpl.log_reply(db, mention, "Old one", actor="a", now=now - timedelta(days=40))
    recent = tpl.recent_replies(db, now=now)
    hit = tpl.find_repeat("thanks, we are on it.", recent)
    assert hit is not None and hit.mention_id == mention
    assert tpl.find_repeat("Thanks, we are on it!", recent) is None
    assert tpl.find_repeat("Old one", recent) is None  # outside the window


def test_hashtags_setting_may_be_a_list_or_a_line(db) -> None:
    settings.set_(db, "hashtags", "#Lezzet, Kadikoy  #Fırın")
    assert tpl.configured_hashtags(db) == ["#Lezzet", "Kadikoy", "#Fırın"]
    settings.set_(db, "hashtags", ["#A", " "])
    assert tpl.configured_hashtags(db) == ["#A"]


def test_hashtag_suggestion_skips_present_tags_and_respects_the_limit() -> None:
    tags = ["#LezzetFırını", "Kadikoy", ""]
    assert tpl.suggest_hashtag(tags, "Merhaba", 280) == "#LezzetFırını"
    assert tpl.suggest_hashtag(tags, "Merhaba #lezzetfırını", 280) == "#Kadikoy"
    assert tpl.suggest_hashtag(tags, "x" * 275, 280) is None
    assert tpl.add_hashtag("Hi ", "#A") == "Hi #A"


# --- command line --------------------------------------------------------------------


def run_cli(*argv: str) -> tuple[int, str, str]:
    from crisisdesk_gui.cli import CliContext, build_parser
    from crisisdesk_gui.core.paths import resolve_profile

    args = build_parser().parse_args(list(argv))
    out, err = io.StringIO(), io.StringIO()
    ctx = CliContext(profile=resolve_profile(None), out=out, err=err)
    try:
        code = int(args.func(ctx, args) or 0)
    finally:
        if ctx._db is not None:
            ctx._db.conn.close()
    return code, out.getvalue(), err.getvalue()


def test_cli_lists_templates_as_json() -> None:
    code, out, _err = run_cli("templates", "list", "--json")
    items = json.loads(out)
    assert code == 0 and len(items) >= 84
    assert {"situation", "lang", "text"} <= set(items[0])
    code, out, _err = run_cli("templates", "list", "--lang", "fi", "--situation", "apologise")
    assert code == 0 and "pahoillamme" in out


def test_cli_render_fills_and_names_a_missing_placeholder() -> None:
    from crisisdesk_gui.cli import main

    code, out, _err = run_cli(
        "templates",
        "render",
        "resolved_thanks",
        "--lang",
        "tr",
        "--set",
        "customer=Ayşe",
        "--set",
        "brand=Lezzet Fırını",
    )
    assert code == 0 and "Ayşe" in out and "{" not in out
    assert main(["templates", "render", "take_offline", "--lang", "en"]) == 2
    with pytest.raises(Exception, match=r"\{customer\}"):
        run_cli("templates", "render", "take_offline", "--lang", "en")
    with pytest.raises(Exception, match="key=value"):
        run_cli("templates", "render", "apologise", "--lang", "en", "--set", "oops")
