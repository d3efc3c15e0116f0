#!/usr/bin/env python3
"""Double-click target: starts the CrisisDesk GUI."""

from crisisdesk_gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
