from bodymap.app import main

raise SystemExit(main())
