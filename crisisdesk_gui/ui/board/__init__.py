"""The board page: lane models, the card delegate, the lanes view and its filter bar."""
