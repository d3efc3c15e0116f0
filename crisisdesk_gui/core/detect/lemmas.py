"""simplemma's memory-frugal dictionaries, with their block index kept on disk.

simplemma's low-memory dictionary (StreamMap) decompresses a language's front-coded word list
and then walks every record in Python to index one key per block: 1.4 s for Polish, 1.3 s for
Finnish, 0.5 s for Turkish on this machine, paid by every process that scores. The index only
depends on the simplemma data file, so it is saved once (marshal, in the user cache folder)
and read back in milliseconds; lookups are simplemma's own, unchanged. Anything unexpected
(another simplemma layout, a damaged or unwritable cache) falls back to simplemma building it.
"""

from __future__ import annotations

import logging
import marshal
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from simplemma.strategies.dictionaries import StreamDictionaryFactory
from simplemma.strategies.dictionaries.dictionary_factory import DATA_FOLDER, _read_decompressed
from simplemma.strategies.dictionaries.frontcode import _read_header
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

log = logging.getLogger(__name__)

FORMAT = 1  # bump when what is stored changes


def cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("CrisisDesk", appauthor=False)) / "lemma-index"


def _cache_file(lang: str) -> Path | None:
    from simplemma.__metadata__ import __version__

    try:
        stat = (DATA_FOLDER / f"{lang}.plzma").stat()
    except OSError:
        return None
    name = f"{lang}-{__version__}-{stat.st_size}-{stat.st_mtime_ns}-v{FORMAT}.idx"
    return cache_dir() / name


def _load(lang: str, path: Path) -> StreamMap | None:
    try:
        firsts, blocks, count = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    data = _read_decompressed(lang)
    rev, header_count, pos = _read_header(data)
    if count != header_count or len(firsts) != len(blocks):
        return None
    stream = StreamMap.__new__(StreamMap)
    stream._data, stream._rev, stream._count, stream._pos = data, rev, count, pos
    stream._firsts, stream._blocks = firsts, blocks
    return stream


def _save(stream: StreamMap, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".idx-", dir=path.parent)
    except OSError as exc:  # a read-only home: the next process builds the index again
        log.info("cannot keep the lemma index in %s: %s", path.parent, exc)
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            marshal.dump((stream._firsts, stream._blocks, stream._count), fh)
        os.replace(tmp, path)  # whole or not at all, also with two workers writing at once
    except OSError as exc:
        log.info("cannot keep the lemma index in %s: %s", path.parent, exc)
        Path(tmp).unlink(missing_ok=True)


class IndexedStreamFactory(StreamDictionaryFactory):
    """simplemma's StreamDictionaryFactory whose block index survives the process."""

    __slots__ = ()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        path = _cache_file(lang)
        if path is not None and path.exists():
            stream = _load(lang, path)
            if stream is not None:
                return stream
        stream = StreamMap(lang)
        if path is not None:
            _save(stream, path)
        return stream
