"""Persistence: SQLAlchemy models, engine and session factory, repositories. The only place with SQL."""
