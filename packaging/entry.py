"""The bundle's program (PyInstaller's entry script): the same as the installed ``bijverdienplanner`` command."""

from ui.launch import main

raise SystemExit(main())
