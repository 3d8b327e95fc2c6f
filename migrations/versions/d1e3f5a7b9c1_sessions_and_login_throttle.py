"""Sessions that can be ended and login throttling: users.session_version, the login_failures table.

Reviewed by hand: `users.session_version` is added in place (ALTER TABLE ... ADD COLUMN, never a copy of
`users`, which every other table references), NOT NULL with a server default of 0, so sessions made before
it (whose identity carries no version) match until the user's first bump. `login_failures` is a new table
of one row per wrong password, indexed by name and by address with the time, and by time for pruning.
UTCDateTime is written as a naive-UTC TIMESTAMP.

Revision ID: d1e3f5a7b9c1
Revises: c8e0a2b4d6f9
Create Date: 2026-12-03 15:10:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "d1e3f5a7b9c1"
down_revision = "c8e0a2b4d6f9"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column("users", sa.Column("session_version", sa.Integer(), server_default="0", nullable=False))
    op.create_table(
        "login_failures",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("name_key", sa.String(length=80), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index("ix_login_failures_name_key_at", "login_failures", ["name_key", "at"], unique=False)
    op.create_index("ix_login_failures_address_at", "login_failures", ["address", "at"], unique=False)
    op.create_index(op.f("ix_login_failures_at"), "login_failures", ["at"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_login_failures_at"), table_name="login_failures")
    op.drop_index("ix_login_failures_address_at", table_name="login_failures")
    op.drop_index("ix_login_failures_name_key_at", table_name="login_failures")
    op.drop_table("login_failures")
    # Plain DROP COLUMN on both databases (SQLite 3.35+), for the same reason as the ADD above.
    op.execute("ALTER TABLE users DROP COLUMN session_version")
