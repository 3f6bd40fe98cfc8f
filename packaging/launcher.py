"""The frozen program's entry script (build.spec). PyInstaller runs its entry as a top-level
script, where the relative imports of mcim_desk/__main__.py would fail; importing it as a
module keeps them working."""

from mcim_desk.__main__ import main

raise SystemExit(main())
