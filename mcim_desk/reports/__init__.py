"""PDF reports (reportlab): plain data in, PDF out. No Qt, no SQL.

:mod:`.pdf` holds what every report shares (fonts, the one escape helper, the page template,
tables, atomic writing); :mod:`.labels` the FR/EN report labels; :mod:`.summary`,
:mod:`.profile`, :mod:`.followups` and :mod:`.blank_forms` one report each; :mod:`.charts`
the bar charts.
"""
