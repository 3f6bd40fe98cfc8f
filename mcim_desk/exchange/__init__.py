"""Files in and out: laptop bundles (``bundle``), their merge (``merge``) and spreadsheet
exports (``spreadsheet``). Plain Python: data in, files out; no database, no widgets."""
