from crisisdesk_gui.cli import main

raise SystemExit(main())
