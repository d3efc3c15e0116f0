"""crisisdesk-cli: headless work on a profile (polling, import/export, classify, evidence).

Every module in this package that defines `register(subparsers)` adds its commands; a command
sets `func(ctx, args) -> int` with `set_defaults`. Exit codes: 0 ok, 1 storage error, 2 usage
error, 3 partial failure (for example some sources failed to poll).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from crisisdesk_gui import __version__
from crisisdesk_gui.core import i18n
from crisisdesk_gui.core.db import StorageError, open_profile_db
from crisisdesk_gui.core.logs import setup_logging
from crisisdesk_gui.core.paths import ProfilePaths, demo_data_dir, resolve_profile

if TYPE_CHECKING:
    from sqlite_utils import Database

EXIT_OK, EXIT_STORAGE, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3


class UsageError(Exception):
    """Bad arguments or input: exit 2 with the message."""


@dataclass
class CliContext:
    profile: ProfilePaths
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            self.profile.ensure()
            self._db = open_profile_db(self.profile.data_dir)
        return self._db


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crisisdesk-cli", description="CrisisDesk from the command line."
    )
    parser.add_argument(
        "--data-dir", help="profile folder (default: $CRISISDESK_DATA_DIR, else the user data dir)"
    )
    parser.add_argument("--demo", action="store_true", help="use the separate demo profile")
    parser.add_argument("--debug", action="store_true", help="log to the console")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    # Command modules import their heavy dependencies inside the commands: a poll should not
    # wait for the PDF, analytics or scoring imports of commands it does not run.
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    profile = resolve_profile(demo_data_dir() if args.demo else args.data_dir)
    i18n.set_language("system")
    ctx = CliContext(profile=profile)
    try:
        profile.ensure()
        setup_logging(profile.logs, debug=args.debug, filename="crisisdesk-cli.log")
        return int(args.func(ctx, args) or 0)
    except UsageError as exc:
        print(f"crisisdesk-cli: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (StorageError, OSError) as exc:
        logging.getLogger(__name__).exception("storage error")
        print(f"crisisdesk-cli: {exc}", file=sys.stderr)
        return EXIT_STORAGE
    except KeyboardInterrupt:
        return 130
