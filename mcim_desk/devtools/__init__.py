"""Tools for the people who build MCIM Desk (screenshots of every screen). Never imported
when the program starts."""
