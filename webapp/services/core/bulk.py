"""Bulk inserts through the driver's executemany, for the hot path of 1,000-scan batches on SQLite."""

from ...extensions import db
from ...models.types import ExactDecimal, UTCDateTime

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
        procs = [_processor(table.c[name].type, dialect) for name in columns]
        # Table and column names come from the model, never from input; values go as parameters.
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks}){tail}"  # noqa: S608
        _SQL[key] = (sql, procs)
    sql, procs = _SQL[key]
    # Column by column: one C-level pass per column instead of a generator per row, and each
    # distinct value converted once (a batch shares its timestamps, user, bin and item).
    values = []
    for name, proc in zip(columns, procs):
        column = [row[name] for row in rows]
        if proc is not None:
            convert, repeats = proc
            column = _converted(column, convert) if repeats else list(map(convert, column))
        values.append(column)
    params = list(zip(*values))
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.executemany(sql, params)
        return cursor.rowcount
    finally:
        cursor.close()


def _processor(column_type, dialect):
    """(bind processor, whether its values repeat across a batch) of a column type, or None."""
    convert = column_type._cached_bind_processor(dialect)
    if convert is None:
        return None
    # Times and money repeat across a batch (one recorded_at, a few costs); ids never do.
    return convert, isinstance(column_type, (UTCDateTime, ExactDecimal))


def _converted(column: list, proc) -> list:
    """Apply a bind processor to a column's values, converting each distinct value once."""
    done: dict = {}
    try:
        for value in column:
            if value not in done:
                done[value] = proc(value)
    except TypeError:  # an unhashable value: convert every one
        return [proc(value) for value in column]
    return [done[value] for value in column]
