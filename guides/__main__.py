from guides.cli import main

raise SystemExit(main())
