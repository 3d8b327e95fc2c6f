"""Days-of-stock bands per stock category set by the owner, in place of the reference bands.

Reviewed by hand: UTCDateTime is stored as a naive-UTC TIMESTAMP, as in the other tables.

Revision ID: b2d4f6a8c0e3
Revises: a1b3c5d7e9f2
Create Date: 2026-12-04 20:05:00.000000

"""

import sqlalchemy as sa
from alembic import op

revision = "b2d4f6a8c0e3"
down_revision = "a1b3c5d7e9f2"
branch_labels = None
depends_on = None


def upgrade():
    # One row per category the owner changed; a category without a row keeps its reference band.
    op.create_table(
        "category_bands",
        sa.Column("category", sa.String(40), primary_key=True),
        sa.Column("low_days", sa.Integer(), nullable=False),
        sa.Column("high_days", sa.Integer(), nullable=False),
        sa.Column("updated_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "low_days >= 0 AND high_days > low_days AND high_days <= 3650", name=op.f("ck_category_bands_days")
        ),
    )


def downgrade():
    op.drop_table("category_bands")
