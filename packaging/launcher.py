"""The frozen program's entry script (build.spec). PyInstaller runs its entry as a top-level
script, where the relative imports of mcim_desk/__main__.py would fail; importing it as a
module keeps them working."""

import sys

if len(sys.argv) == 3 and sys.argv[1] == "--pdf-form-reader":
    # The child process that reads an untrusted PDF (mcim_desk.exchange.pdf_reader): frozen,
    # there is no "python -m", so the program runs itself with this flag.
    from mcim_desk.exchange.pdf_reader import main as read_pdf_form

    raise SystemExit(read_pdf_form(sys.argv[2:]))

from mcim_desk.__main__ import main  # noqa: E402

raise SystemExit(main())
