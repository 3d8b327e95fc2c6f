"""Thermal label printers (ZPL): where each listens, its dpi, label size and how it prints Japanese text.

Revision ID: a1b3c5d7e9f2
Revises: f0a2b4c6d8e1
Create Date: 2026-12-03 20:40:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a1b3c5d7e9f2"
down_revision = "f0a2b4c6d8e1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "label_printers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("host", sa.String(length=253), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("dpi", sa.Integer(), nullable=False),
        sa.Column("width_mm", sa.Numeric(5, 1), nullable=False),
        sa.Column("height_mm", sa.Numeric(5, 1), nullable=False),
        sa.Column("text_mode", sa.String(length=8), nullable=False),
        sa.Column("font", sa.String(length=40), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("dpi IN (203, 300)", name=op.f("ck_label_printers_dpi")),
        sa.CheckConstraint("port BETWEEN 1 AND 65535", name=op.f("ck_label_printers_port")),
        sa.CheckConstraint("text_mode IN ('font', 'graphic')", name=op.f("ck_label_printers_text_mode")),
        sa.CheckConstraint("width_mm > 0 AND height_mm > 0", name=op.f("ck_label_printers_size")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_label_printers")),
        sa.UniqueConstraint("name", name=op.f("uq_label_printers_name")),
    )


def downgrade():
    op.drop_table("label_printers")
