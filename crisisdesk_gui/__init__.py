"""CrisisDesk: social-media crisis desk for small businesses."""

__version__ = "0.1.0"
APP_NAME = "CrisisDesk"
APP_ID = "crisisdesk"
