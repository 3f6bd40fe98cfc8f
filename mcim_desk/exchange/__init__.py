"""Files in and out, as plain Python (data in, files out; no database, no widgets): laptop
bundles (``bundle``) and their merge (``merge``), spreadsheet exports (``spreadsheet``), and
the other features' formats (iCalendar, PDF forms)."""
