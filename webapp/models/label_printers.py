"""Thermal label printers the server sends ZPL to (raw TCP, port 9100), with their label stock and text mode."""

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow

PRINTER_NAME_LENGTH = 80
PRINTER_HOST_LENGTH = 253  # the longest DNS name
PRINTER_FONT_LENGTH = 40


class LabelPrinter(db.Model):
    """A Zebra-compatible printer: where it listens, its head (203/300 dpi), its labels in mm, how it prints Japanese."""

    __tablename__ = "label_printers"
    __table_args__ = (
        CheckConstraint("dpi IN (203, 300)", name="dpi"),
        CheckConstraint("port BETWEEN 1 AND 65535", name="port"),
        CheckConstraint("text_mode IN ('font', 'graphic')", name="text_mode"),
        CheckConstraint("width_mm > 0 AND height_mm > 0", name="size"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(PRINTER_NAME_LENGTH), unique=True)
    host: Mapped[str] = mapped_column(String(PRINTER_HOST_LENGTH))
    port: Mapped[int] = mapped_column(Integer, default=9100)
    dpi: Mapped[int] = mapped_column(Integer, default=203)
    width_mm: Mapped[float] = mapped_column(Numeric(5, 1, asdecimal=False), default=50)
    height_mm: Mapped[float] = mapped_column(Numeric(5, 1, asdecimal=False), default=30)
    # "font": ^CI28 text in the printer's Unicode font; "graphic": names drawn here and sent as ^GFA bitmaps.
    text_mode: Mapped[str] = mapped_column(String(8), default="graphic")
    font: Mapped[str] = mapped_column(String(PRINTER_FONT_LENGTH), default="E:ANMDJ.TTF")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
