"""Bulk inserts through the driver's executemany, for the hot path of 1,000-scan batches on SQLite."""
from ..extensions import db

_SQL: dict = {}


def driver_insert(table, rows: list[dict], *, ignore_conflicts: bool = False) -> int:
    """Insert rows (all with the same keys) with one driver executemany; returns the rows inserted.

    SQLAlchemy's executemany builds and processes parameters row by row in Python, which costs
    more than SQLite's own work; here the column types' own bind processors are applied in one
    pass, so values are stored exactly as SQLAlchemy would store them.
    """
    if not rows:
        return 0
    conn = db.session.connection()
    dialect = conn.dialect
    columns = tuple(rows[0])
    key = (table.name, columns, ignore_conflicts, dialect.name)
    if key not in _SQL:
        marks = ", ".join(["?" if dialect.paramstyle == "qmark" else "%s"] * len(columns))
        tail = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
        procs = [table.c[name].type._cached_bind_processor(dialect) for name in columns]
        _SQL[key] = (f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks}){tail}", procs)
    sql, procs = _SQL[key]
    params = [tuple(row[name] if proc is None else proc(row[name]) for name, proc in zip(columns, procs))
              for row in rows]
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.executemany(sql, params)
        return cursor.rowcount
    finally:
        cursor.close()
