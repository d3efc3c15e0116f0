"""One poll: fetch sources concurrently, parse on other cores, store with one writer.

Threads fetch (I/O bound, one shared httpx client); a small process pool parses and scores
(CPU bound: the GIL would serialise it); the calling thread is the only database writer. Each
source is stored whole or not at all (a savepoint inside the transaction of the sources ready
together), so a kill mid-poll keeps every source committed before it. One bad source never stops
the others: its error and backoff go on its row.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

from crisisdesk_gui.core import schedule
from crisisdesk_gui.core.db import connect, iso, open_profile_db, utcnow
from crisisdesk_gui.core.fetch import FetchResult, Limits, fetch, make_client
from crisisdesk_gui.core.i18n import _
from crisisdesk_gui.core.parse import Entry, ParsedFeed, parse_feed
from crisisdesk_gui.core.secrets import URL_SECRET, join_url_secret

if TYPE_CHECKING:  # sqlite-utils (and the numpy it may pull in) loads where a database opens
    from sqlite_utils import Database

log = logging.getLogger(__name__)

FETCH_THREADS = 16
PARSE_PROCESSES = 2
SCORE_IN_WORKERS_FROM = 20  # sources in one poll
WRITE_EVERY_S = 0.25
WRITER_CACHE_KIB = 32 * 1024
MIN_WORDS_TO_GROUP_BY_TEXT = 6  # "Thanks!" on two sites is not the same story


class Scorer(Protocol):
    def score(self, text: str, *, lang: str | None = None) -> Any: ...


@dataclass
class SourceResult:
    source_id: int
    url: str
    name: str | None = None
    status: int = 0
    new: int = 0
    updated: int = 0
    skipped: int = 0  # items left out because the source watches keywords only
    not_modified: bool = False
    error: str | None = None
    next_attempt: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class PollSummary:
    results: list[SourceResult] = field(default_factory=list)
    new_ids: list[int] = field(default_factory=list)
    negative_ids: list[int] = field(default_factory=list)  # new on the board (lane "new")
    stopped: bool = False  # asked to stop before every source was done

    @property
    def failed(self) -> list[SourceResult]:
        return [r for r in self.results if not r.ok]

    @property
    def ok(self) -> bool:
        return not self.failed


# --- keys ----------------------------------------------------------------------------------


def match_keywords(search_text: str, keywords: Iterable[tuple[str, re.Pattern[str]]]) -> list[str]:
    return [word for word, pattern in keywords if pattern.search(search_text)]


def compile_keywords(rows: Iterable[dict[str, Any]]) -> list[tuple[str, re.Pattern[str]]]:
    # Anchored at the start of a word only: Turkish and Finnish add suffixes ("Fırını'nda",
    # "fırınında"), and a keyword must still match inside those.
    return [
        (row["word"], re.compile(r"(?<!\w)" + re.escape(row["folded"])))
        for row in rows
        if row["folded"]
    ]


# --- the poll ------------------------------------------------------------------------------


_pool_context: multiprocessing.context.BaseContext | None = None


def _parse_pool(processes: int, db_path: Path | None) -> ProcessPoolExecutor:
    """Workers come from a forkserver on Linux: forking a process full of threads (ours, Qt's)
    is unsafe, and spawning each worker afresh costs an import of feedparser every poll.
    With `db_path` each worker loads the profile's scorer once and scores what it parses."""
    global _pool_context
    if _pool_context is None:
        if sys.platform.startswith("linux"):
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["crisisdesk_gui.core.parse"])
        else:
            ctx = multiprocessing.get_context("spawn")
        _pool_context = ctx
    if db_path is not None and sys.platform.startswith("linux"):
        # Scoring workers: the forkserver loads the language model and lexicons once and
        # every worker inherits them. Only takes effect if the forkserver is not running yet;
        # a poll that only parses does not wait for them.
        _pool_context.set_forkserver_preload(  # type: ignore[attr-defined]
            ["crisisdesk_gui.core.parse", "crisisdesk_gui.core.detect.preload"]
        )
    return ProcessPoolExecutor(
        max_workers=processes,
        mp_context=_pool_context,
        initializer=_init_worker,
        initargs=(str(db_path) if db_path else None,),
    )


_worker_scorer: Scorer | None = None


def _init_worker(db_path: str | None) -> None:
    global _worker_scorer
    # Ctrl-C reaches the whole process group; the poll that owns this worker handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if db_path is None:
        return
    db = connect(Path(db_path))
    try:
        _worker_scorer = _load_scorer(db)  # corrections as of this poll's start
    finally:
        db.conn.close()


def _ready() -> None:
    pass


def parse_and_score(
    body: bytes, headers: dict[str, str], url: str | None, keywords: list[str] | None
) -> ParsedFeed:
    """The worker's job. Scoring here spreads it over the cores; with `keywords` (a
    keywords-only source) items that mention none are left unscored: they will not be kept."""
    parsed = parse_feed(body, headers, url)
    if _worker_scorer is None or not parsed.ok:
        return parsed
    patterns = compile_keywords({"word": k, "folded": k} for k in keywords) if keywords else None
    for entry in parsed.entries:
        if patterns is not None and not match_keywords(entry.search_text, patterns):
            continue
        try:
            entry.score = score_columns(_worker_scorer, entry)
        except Exception:  # the writer scores it again and records the failure on the source
            log.exception("scoring in a worker failed")
    return parsed


def score_columns(scorer: Scorer, entry: Entry) -> dict[str, Any]:
    from crisisdesk_gui.core.detect import mention_text
    from crisisdesk_gui.core.detect.troll import repeat_key

    text = mention_text(entry.title, entry.text)
    score = scorer.score(text)
    return {
        # for detect.after_ingest, computed here because workers run in parallel
        "text_key": repeat_key(text),
        "lang": score.lang,
        "label": score.label,
        "score": float(score.score),
        "severity": int(score.severity),
        "troll": float(score.troll),
        "urgency": float(score.urgency),
        "reasons": json.dumps([r.as_dict() for r in score.reasons], ensure_ascii=False),
    }


def _load_scorer(db: Database) -> Scorer | None:
    try:
        from crisisdesk_gui.core import detect
    except ImportError:  # pragma: no cover - detect is part of the package
        return None
    loader = getattr(detect, "load_scorer", None)
    return loader(db) if loader is not None else None


def _credentials(db: Database, rows: list[dict[str, Any]]) -> dict[int, tuple[str, str]]:
    """Basic-auth pairs for private feeds; public feeds never touch the keyring."""
    private = [r for r in rows if r.get("auth_secret")]
    if not private:
        return {}
    try:
        from crisisdesk_gui.core.secrets import source_credentials
    except ImportError:
        return {}
    found: dict[int, tuple[str, str]] = {}
    for row in private:
        try:
            pair = source_credentials(row["id"], db)
        except Exception as exc:  # keyring missing or locked: the fetch then reports 401
            log.warning("no credentials for source %s: %s", row["id"], exc)
            continue
        if pair:
            found[row["id"]] = pair
    return found


def poll_once(
    data_dir: Path,
    *,
    source_ids: Iterable[int] | None = None,
    scorer: Scorer | None = None,
    now: datetime | None = None,
    progress: Callable[[int, int, SourceResult], None] | None = None,
    limits: Limits | None = None,
    parse_processes: int = PARSE_PROCESSES,
    stop: threading.Event | None = None,
) -> PollSummary:
    """Poll the due sources (or exactly `source_ids`, due or not) and store what they hold.

    Setting `stop` (the app quitting) ends the poll within a moment: transfers under way are
    aborted, and what was stored until then stays."""
    db = open_profile_db(data_dir)
    # A first poll's transactions touch thousands of index pages: with the default 2 MB cache
    # they spill to the WAL mid-transaction and are written again at the commit.
    db.conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
    try:
        return _poll(
            db, source_ids, scorer, now, progress, limits or Limits(), parse_processes, stop
        )
    finally:
        db.conn.close()


def _poll(
    db: Database,
    source_ids: Iterable[int] | None,
    scorer: Scorer | None,
    now: datetime | None,
    progress: Callable[[int, int, SourceResult], None] | None,
    limits: Limits,
    parse_processes: int,
    stop: threading.Event | None = None,
) -> PollSummary:
    now = now or utcnow()
    rows = [dict(r) for r in db.query("SELECT * FROM sources ORDER BY id")]
    if source_ids is None:
        rows = [r for r in rows if schedule.is_due(r, now)]
    else:
        wanted = set(source_ids)
        rows = [r for r in rows if r["id"] in wanted]
    summary = PollSummary()
    if not rows:
        return summary
    writer = _Writer(db, scorer, now)
    auth = _credentials(db, rows)
    keyword_list = [k for _w, k in db.execute("SELECT word, folded FROM keywords").fetchall()]
    total = len(rows)
    # Workers score only big polls: each loads the scorer afresh (lexicons, lemma tables, a
    # second or more), while this process keeps it warm from one poll to the next. A scorer
    # given by the caller always stays here.
    score_there = scorer is None and total >= SCORE_IN_WORKERS_FROM
    workers_db = db_path(db) if score_there else None
    pool: Executor | None = None
    pool_lock = threading.Lock()
    pool_closed = False

    def parse_pool() -> Executor | None:
        """The workers, started by the first feed that has something to parse: a poll whose
        feeds all answer 304 Not Modified never waits for processes it has no work for."""
        nonlocal pool
        with pool_lock:
            if pool is None and total > 2 and not pool_closed:
                pool = _parse_pool(parse_processes, workers_db)
                try:
                    # Every worker starts now, not one per queued feed, so their start-up
                    # (and the scorer they load) overlaps the downloads still under way.
                    for _n in range(parse_processes):
                        pool.submit(_ready)
                except BrokenProcessPool:
                    pass  # workers died (memory, a bundle that cannot start them): parse here
            return pool

    def fetch_then_parse(
        row: dict[str, Any],
    ) -> tuple[FetchResult, Future[Any] | ParsedFeed | None]:
        fetched = _fetch_safely(
            row["url"],
            etag=row.get("etag"),
            last_modified=row.get("last_modified"),
            credentials=auth.get(row["id"]),
            limits=limits,
            client=client,
            now=now,
        )
        if not fetched.ok or fetched.status != 200:
            return fetched, None
        workers = parse_pool()
        if workers is not None:
            # Handed to a worker from this thread: parsing starts even while the writer is
            # busy storing earlier sources.
            try:
                return fetched, workers.submit(
                    parse_and_score,
                    fetched.body,
                    fetched.headers,
                    fetched.final_url,
                    keyword_list if row.get("keywords_only") else None,
                )
            except BrokenProcessPool:
                pass
        return fetched, _parse_inline(fetched)

    def record(batch: list[tuple[dict[str, Any], FetchResult, ParsedFeed | None]]) -> None:
        before = len(writer.new_ids)
        for result in writer.store_batch(batch):
            summary.results.append(result)
            if progress is not None:
                progress(len(summary.results), total, result)
        # Troll signals as sources arrive, not once at the end: this thread would otherwise
        # idle while the workers parse, then make the poll wait for all of it.
        _after_ingest(db, writer.new_ids[before:])

    client = make_client(limits)
    threads = ThreadPoolExecutor(min(FETCH_THREADS, total), thread_name_prefix="fetch")
    try:
        pending: dict[Future[Any], tuple[dict[str, Any], FetchResult | None]] = {
            threads.submit(fetch_then_parse, row): (row, None) for row in rows
        }
        ready: list[tuple[dict[str, Any], FetchResult, ParsedFeed | None]] = []
        last_write = time.monotonic()
        while pending:
            if stop is not None and stop.is_set():
                raise _Stopped
            done, _not_done = wait(pending, timeout=WRITE_EVERY_S, return_when=FIRST_COMPLETED)
            for future in done:
                row, fetched = pending.pop(future)
                if fetched is not None:  # a worker's parse
                    ready.append((row, fetched, _parse_result(future, fetched)))
                    continue
                fetched, parsed = future.result()
                if isinstance(parsed, Future):
                    pending[parsed] = (row, fetched)
                else:
                    ready.append((row, fetched, parsed))
            # Sources are written together a few times a second, not one commit each: every
            # commit rewrites the index pages it touched, the writer's biggest cost.
            if ready and (not pending or time.monotonic() - last_write >= WRITE_EVERY_S):
                record(ready)
                ready = []
                last_write = time.monotonic()
    except BaseException as exc:
        # Ctrl-C, or the writer failed: stop now rather than when the slowest download ends.
        # The transfers under way fail at once; queued ones never start.
        threads.shutdown(wait=False, cancel_futures=True)
        client.abort()
        with pool_lock:
            pool_closed = True
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = None
        if not isinstance(exc, _Stopped):
            raise
        summary.stopped = True
    finally:
        threads.shutdown(wait=True)
        client.close()
        with pool_lock:
            pool_closed = True
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    summary.new_ids = writer.new_ids
    summary.negative_ids = writer.negative_ids
    return summary


class _Stopped(Exception):
    """The caller set the poll's stop event."""


def _fetch_safely(
    url: str, *, credentials: tuple[str, str] | None = None, **kwargs: Any
) -> FetchResult:
    token = None
    if credentials is None and URL_SECRET in url:
        # Asking with the placeholder in the address would only earn the server's 401.
        return FetchResult(
            url=url,
            error=_(
                "This feed's address needs its token, but the password store (keyring) has "
                "none for it. Edit the source and enter the token again."
            ),
        )
    if credentials is not None and URL_SECRET in url:
        # A token that belongs in the address, not basic auth; it is put back only for the
        # request and scrubbed from what is stored (errors, final address).
        token = credentials[1]
        credentials = None
    try:
        return _scrub(fetch(join_url_secret(url, token), auth=credentials, **kwargs), token)
    except Exception as exc:  # a bug or an address httpx cannot even parse: this source only
        reason = _scrub_text(str(exc), token)
        log.error("fetching %s failed: %s", url, reason)
        return FetchResult(
            url=url,
            error=_("The download from {host} failed: {reason}").format(host=url, reason=reason),
        )


def _scrub_text(text: str | None, token: str | None) -> str | None:
    if not text or not token:
        return text
    for form in (token, quote(token, safe="")):
        text = text.replace(form, URL_SECRET)
    return text


def _scrub(result: FetchResult, token: str | None) -> FetchResult:
    """The fetch result without the feed's token, for everything that is stored or shown."""
    if not token:
        return result
    return replace(
        result,
        url=_scrub_text(result.url, token) or "",
        final_url=_scrub_text(result.final_url, token),
        error=_scrub_text(result.error, token),
    )


def db_path(db: Database) -> Path | None:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


def _parse_inline(fetched: FetchResult) -> ParsedFeed:
    return parse_feed(fetched.body, fetched.headers, fetched.final_url)


def _parse_result(future: Future[Any], fetched: FetchResult) -> ParsedFeed:
    try:
        return future.result()
    except BrokenProcessPool:
        # A worker died (out of memory, killed): retrying here would risk the writer itself.
        return ParsedFeed(error=_("Reading this feed crashed the parser; it was skipped."))


def _after_ingest(db: Database, ids: list[int]) -> None:
    if not ids:
        return
    from crisisdesk_gui.core import detect

    hook = getattr(detect, "after_ingest", None)
    if hook is None:
        return
    try:
        hook(db, ids)
    except Exception:  # troll signals are extra; the mentions are already stored
        log.exception("detect.after_ingest failed")


# --- the writer ----------------------------------------------------------------------------

_DETECTION = ("lang", "label", "score", "severity", "troll", "urgency", "reasons")
_INSERT = (
    "INSERT INTO mentions (id, source_id, dedup_key, story_key, group_id, guid, url, title,"
    " text, author, published, updated, fetched, content_hash, raw, search_text,"
    " matched_keywords, lang, label, score, severity, troll, urgency, reasons, lane,"
    " lane_changed, text_key) VALUES (" + ", ".join(["?"] * 27) + ")"
)
_UPDATE = (
    "UPDATE mentions SET guid = ?, url = ?, title = ?, text = ?, author = ?, published = ?,"
    " updated = ?, content_hash = ?, raw = ?, search_text = ?, matched_keywords = ?, lang = ?,"
    " label = ?, score = ?, severity = ?, troll = ?, urgency = ?, reasons = ?,"
    " lane = COALESCE(lane, ?), lane_changed = COALESCE(lane_changed, ?) WHERE id = ?"
)


class _Writer:
    """Owns the connection: every database write of the poll happens here, on one thread."""

    def __init__(self, db: Database, scorer: Scorer | None, now: datetime) -> None:
        self.db = db
        self.scorer = scorer
        self._scorer_loaded = scorer is not None
        self.now = now
        self.keywords = compile_keywords(db.query("SELECT word, folded FROM keywords"))
        self.new_ids: list[int] = []
        self.negative_ids: list[int] = []

    def store_batch(
        self, batch: list[tuple[dict[str, Any], FetchResult, ParsedFeed | None]]
    ) -> list[SourceResult]:
        """Store the sources that are ready in one transaction, each inside its own savepoint:
        a source is all there or not at all, and one source's failure is only its own. Fewer
        commits matter: each costs milliseconds (WAL pages, FTS segments)."""
        conn = self.db.conn
        results: list[SourceResult] = []
        new_ids: list[int] = []
        negative: list[int] = []
        # IMMEDIATE takes the write lock first, so the ids handed out below stay ours.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for row, fetched, parsed in batch:
                result = SourceResult(
                    source_id=row["id"],
                    url=row["url"],
                    name=row.get("name"),
                    status=fetched.status,
                )
                error = fetched.error or (parsed.error if parsed is not None else None)
                conn.execute("SAVEPOINT source")
                try:
                    if error:
                        self._failure(row, result, error, fetched)
                    else:
                        ids, neg = self._success(row, result, fetched, parsed)
                        new_ids += ids
                        negative += neg
                except Exception as exc:  # one source's bad data must not stop the others
                    log.exception("storing source %s failed", row["id"])
                    conn.execute("ROLLBACK TO source")
                    result.new = result.updated = 0
                    reason = _("Storing this feed's items failed: {reason}").format(reason=exc)
                    self._failure(row, result, reason, fetched)
                conn.execute("RELEASE source")
                results.append(result)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        self.new_ids += new_ids
        self.negative_ids += negative
        return results

    def _failure(
        self, row: dict[str, Any], result: SourceResult, error: str, fetched: FetchResult
    ) -> None:
        failures = int(row.get("failures") or 0) + 1
        nxt = schedule.after_failure(
            self.now, failures, row.get("every_minutes"), fetched.retry_after
        )
        result.error, result.next_attempt = error, nxt
        self.db.conn.execute(
            "UPDATE sources SET last_attempt = ?, last_status = ?, last_error = ?,"
            " failures = ?, next_attempt = ? WHERE id = ?",
            [iso(self.now), fetched.status or None, error, failures, iso(nxt), row["id"]],
        )

    def _success(
        self,
        row: dict[str, Any],
        result: SourceResult,
        fetched: FetchResult,
        parsed: ParsedFeed | None,
    ) -> tuple[list[int], list[int]]:
        nxt = schedule.after_success(self.now, row.get("every_minutes"))
        result.next_attempt = nxt
        result.not_modified = fetched.not_modified
        name = row.get("name") or (parsed.title if parsed is not None else None) or None
        result.name = name
        new_ids, negative = self._store_entries(row, parsed, result) if parsed else ([], [])
        self.db.conn.execute(
            "UPDATE sources SET name = ?, last_attempt = ?, last_success = ?,"
            " last_status = ?, last_error = NULL, failures = 0, next_attempt = ?,"
            " etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),"
            " items_seen = COALESCE(items_seen, 0) + ? WHERE id = ?",
            [
                name,
                iso(self.now),
                iso(self.now),
                fetched.status,
                iso(nxt),
                fetched.etag,
                fetched.last_modified,
                result.new,
                row["id"],
            ],
        )
        return new_ids, negative

    def _lookup(
        self, sql: str, keys: Iterable[str], params: tuple[Any, ...] = ()
    ) -> list[tuple[Any, ...]]:
        keys = list(keys)
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows += self.db.conn.execute(sql.format(marks=marks), [*params, *chunk]).fetchall()
        return rows

    def _store_entries(
        self, row: dict[str, Any], parsed: ParsedFeed, result: SourceResult
    ) -> tuple[list[int], list[int]]:
        conn = self.db.conn
        source_id = row["id"]
        known: dict[str, tuple[int, str]] = {
            key: (mid, chash)
            for mid, key, chash in self._lookup(
                "SELECT id, dedup_key, content_hash FROM mentions WHERE source_id = ?"
                " AND dedup_key IN ({marks})",
                {e.dedup_key for e in parsed.entries},
                (source_id,),
            )
        }
        fetched_at = iso(self.now)
        todo: list[tuple[Entry, list[str], tuple[int, str] | None]] = []
        for entry in parsed.entries:
            matched = match_keywords(entry.search_text, self.keywords)
            if row.get("keywords_only") and not matched:
                result.skipped += 1
                continue
            previous = known.get(entry.dedup_key)
            if previous is not None and previous[1] == entry.content_hash:
                continue
            # The same key twice in one feed: the first copy is kept, later ones are ignored.
            known[entry.dedup_key] = (previous[0] if previous else -1, entry.content_hash)
            todo.append((entry, matched, previous))
        fresh = [e for e, _m, prev in todo if prev is None]
        # The first mention of a story (same link, or same words) leads the card: earliest id.
        by_story: dict[str, tuple[int, int]] = {}
        for mid, key, group in self._lookup(
            "SELECT id, story_key, group_id FROM mentions WHERE story_key IN ({marks}) ORDER BY id",
            {e.story_key for e in fresh},
        ):
            by_story.setdefault(key, (mid, group))
        by_hash: dict[str, tuple[int, int]] = {}
        for mid, key, group in self._lookup(
            "SELECT id, content_hash, group_id FROM mentions WHERE content_hash IN ({marks})"
            " ORDER BY id",
            {e.content_hash for e in fresh if e.words >= MIN_WORDS_TO_GROUP_BY_TEXT},
        ):
            by_hash.setdefault(key, (mid, group))
        next_id = conn.execute("SELECT COALESCE(MAX(id), 0) FROM mentions").fetchone()[0] + 1
        inserts: list[list[Any]] = []
        new_ids: list[int] = []
        negative: list[int] = []
        for entry, matched, previous in todo:
            scored = self._score(entry)
            lane = "new" if scored["label"] == "negative" else None
            common = [
                entry.guid,
                entry.url,
                entry.title,
                entry.text,
                entry.author,
                iso(entry.published),
                iso(entry.updated),
                entry.content_hash,
                entry.raw_json,
                entry.search_text,
                json.dumps(matched, ensure_ascii=False),
            ]
            detection = [scored[k] for k in _DETECTION]
            if previous is not None:  # edited at the source: same card, new words
                if previous[0] < 0:  # a later copy of an item new in this very batch
                    continue
                conn.execute(
                    _UPDATE, [*common, *detection, lane, fetched_at if lane else None, previous[0]]
                )
                result.updated += 1
                continue
            mention_id = next_id
            next_id += 1
            groupable = entry.words >= MIN_WORDS_TO_GROUP_BY_TEXT
            candidates = [by_story.get(entry.story_key)]
            if groupable:
                candidates.append(by_hash.get(entry.content_hash))
            found = min((c for c in candidates if c is not None), default=None)
            group = found[1] if found is not None and found[1] is not None else mention_id
            by_story.setdefault(entry.story_key, (mention_id, group))
            if groupable:
                by_hash.setdefault(entry.content_hash, (mention_id, group))
            inserts.append(
                [
                    mention_id,
                    source_id,
                    entry.dedup_key,
                    entry.story_key,
                    group,
                    *common[:7],
                    fetched_at,
                    *common[7:],
                    *detection,
                    lane,
                    fetched_at if lane else None,
                    scored.get("text_key"),
                ]
            )
            new_ids.append(mention_id)
            if lane:
                negative.append(mention_id)
        conn.executemany(_INSERT, inserts)
        result.new += len(inserts)
        return new_ids, negative

    def _score(self, entry: Entry) -> dict[str, Any]:
        if entry.score is not None:
            return entry.score
        if not self._scorer_loaded:  # only when a worker did not score (few sources, a failure)
            self.scorer = _load_scorer(self.db)
            self._scorer_loaded = True
        if self.scorer is None:
            return dict.fromkeys(_DETECTION)
        return score_columns(self.scorer, entry)
