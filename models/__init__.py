"""SQLAlchemy ORM, engine/session factory and Alembic migrations. No Qt here."""
