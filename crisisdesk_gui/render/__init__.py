"""Qt rendering without widgets (PDF pages, offscreen images), for the GUI and the CLI.

The CLI may use it: `ensure_gui_app()` starts an offscreen QGuiApplication lazily.
"""
