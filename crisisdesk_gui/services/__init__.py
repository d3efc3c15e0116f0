"""Qt services without widgets: the poller thread, alerts, tray, single instance."""
