"""Plain Python: enums, dataclasses, validation and form logic. No Qt, no SQLAlchemy."""
