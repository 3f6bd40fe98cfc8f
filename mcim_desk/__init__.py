"""MCIM Desk: an offline desk for the ISCM / Global Compact for Migration study."""

__version__ = "0.2.0"
APP_NAME = "MCIM Desk"
APP_ID = "mcim-desk"
