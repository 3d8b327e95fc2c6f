"""SQLITE_SYNCHRONOUS: NORMAL by default, FULL when the shop asks for it, nothing else accepted."""

import pytest
from sqlalchemy import create_engine

from webapp.sqlite_setup import synchronous_mode

# What PRAGMA synchronous answers for each mode.
LEVEL = {"NORMAL": 1, "FULL": 2}


def synchronous_of_a_new_connection(tmp_path) -> int:
    engine = create_engine(f"sqlite:///{tmp_path / 'shop.sqlite3'}")
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA synchronous").scalar()
    finally:
        engine.dispose()


def test_connections_are_normal_by_default(tmp_path, monkeypatch):
    monkeypatch.delenv("SQLITE_SYNCHRONOUS", raising=False)
    assert synchronous_of_a_new_connection(tmp_path) == LEVEL["NORMAL"]


@pytest.mark.parametrize("value, mode", [("FULL", "FULL"), ("full", "FULL"), (" normal ", "NORMAL")])
def test_the_setting_chooses_the_mode_of_every_new_connection(tmp_path, monkeypatch, value, mode):
    monkeypatch.setenv("SQLITE_SYNCHRONOUS", value)
    assert synchronous_of_a_new_connection(tmp_path) == LEVEL[mode]


@pytest.mark.parametrize("value", ["OFF", "EXTRA", "2", "FULL;DROP"])
def test_any_other_value_is_refused_with_the_reason(value):
    with pytest.raises(ValueError, match="use NORMAL or FULL"):
        synchronous_mode({"SQLITE_SYNCHRONOUS": value})
