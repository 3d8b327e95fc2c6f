"""Purchase orders through their life and the order document: sending, remarks, line dates and prices, the company block.

Reviewed by hand: every new column is added in place (ALTER TABLE ... ADD COLUMN, never a copy of `tasks`,
`task_lines`, `suppliers` or `items`, which other tables reference) and is either nullable or NOT NULL with a
server default, so rows made before it read as: not sent, no remarks, no line date, no fixed price, a
Japanese supplier, an item at the standard tax rate. `company_profile` is a new table of one row, its tax
percentages checked to 0..100. UTCDateTime is written as a naive-UTC TIMESTAMP and ExactDecimal(4) as a
BIGINT of ten-thousandths, as the models store them.

Revision ID: e7f9a1b3c5d7
Revises: d1e3f5a7b9c1
Create Date: 2026-12-03 15:20:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "e7f9a1b3c5d7"
down_revision = "d1e3f5a7b9c1"
branch_labels = None
depends_on = None

NEW_COLUMNS = (
    ("tasks", sa.Column("sent_at", sa.DateTime(), nullable=True)),
    ("tasks", sa.Column("sent_channel", sa.String(length=16), nullable=True)),
    ("tasks", sa.Column("remarks", sa.Text(), server_default="", nullable=False)),
    ("task_lines", sa.Column("expected_date", sa.Date(), nullable=True)),
    ("task_lines", sa.Column("note", sa.String(length=200), server_default="", nullable=False)),
    ("task_lines", sa.Column("unit_price", sa.BigInteger(), nullable=True)),
    ("suppliers", sa.Column("language", sa.String(length=2), server_default="ja", nullable=False)),
    ("items", sa.Column("reduced_tax", sa.Boolean(), server_default=sa.false(), nullable=False)),
)


def upgrade():
    for table, column in NEW_COLUMNS:
        op.add_column(table, column)
    op.create_table(
        "company_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("postal_code", sa.String(length=16), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("fax", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("person_in_charge", sa.String(length=100), nullable=False),
        sa.Column("standard_tax_percent", sa.Integer(), nullable=False),
        sa.Column("reduced_tax_percent", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "standard_tax_percent BETWEEN 0 AND 100 AND reduced_tax_percent BETWEEN 0 AND 100",
            name=op.f("ck_company_profile_tax"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_company_profile")),
    )


def downgrade():
    op.drop_table("company_profile")
    # Plain DROP COLUMN on both databases (SQLite 3.35+): none of these columns is indexed or keyed.
    for table, column in reversed(NEW_COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column.name}")
