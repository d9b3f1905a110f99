"""Declarative base, naming convention and the column types every table must use.

Every text column is Unicode: NVARCHAR(n) / NVARCHAR(MAX) on MS SQL, never VARCHAR or
NTEXT (Georgian would turn into question marks). Dates are DATE and timestamps
DATETIME2 on MS SQL whatever the server version the offline script assumes.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, MetaData, Unicode, UnicodeText
from sqlalchemy.dialects import mssql
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeEngine

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Base(DeclarativeBase):
    metadata = metadata


def Text(length: int) -> TypeEngine[str]:
    """Bounded Unicode text: NVARCHAR(length) on MS SQL."""
    return Unicode(length)


def LongText() -> TypeEngine[str]:
    """Unbounded Unicode text: NVARCHAR(MAX) on MS SQL (never NTEXT)."""
    return UnicodeText().with_variant(mssql.NVARCHAR(), "mssql")


def Day() -> TypeEngine[dt.date]:
    """A calendar day (the clerk's date in Tbilisi): DATE everywhere."""
    return Date().with_variant(mssql.DATE(), "mssql")


def Timestamp() -> TypeEngine[dt.datetime]:
    """A UTC instant stored without zone: DATETIME2 on MS SQL."""
    return DateTime().with_variant(mssql.DATETIME2(), "mssql")  # type: ignore[no-untyped-call]
