"""Devices: paired phones, one-time pairing codes, who signed in on which phone; badge and PIN on users.

Reviewed by hand: UTCDateTime is written as a naive-UTC TIMESTAMP. The new columns of `users` are added
in place (ALTER TABLE ... ADD COLUMN, never a copy of the table: on SQLite a copy would have to drop
`users`, which every other table references). The PIN counter's CHECK is written as a column
constraint in that one statement, the only form both SQLite and PostgreSQL accept in place.

Revision ID: a7c9e1f3b5d8
Revises: f6a8b0c2d4e7
Create Date: 2026-12-02 17:33:45.511325

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a7c9e1f3b5d8"
# After the scan units revision written beside this one (both were started from e5f7a9b1c3d6).
down_revision = "f6a8b0c2d4e7"
branch_labels = None
depends_on = None

USER_COLUMNS = ("badge_hash", "badge_issued_at", "pin_hash", "pin_failures", "pin_locked_until")


def upgrade():
    op.create_table(
        "devices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("paired_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by", sa.Integer(), nullable=True),
        sa.Column("replaces_id", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.String(length=64), nullable=True),
        sa.Column("last_seen_at", sa.DateTime(), nullable=True),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("unsent_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("oldest_unsent_at", sa.DateTime(), nullable=True),
        sa.Column("app_version", sa.String(length=40), server_default="", nullable=False),
        sa.CheckConstraint("unsent_count BETWEEN 0 AND 10000000", name=op.f("ck_devices_unsent_count")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_devices_created_by_users")),
        sa.ForeignKeyConstraint(["replaces_id"], ["devices.id"], name=op.f("fk_devices_replaces_id_devices")),
        sa.ForeignKeyConstraint(["revoked_by"], ["users.id"], name=op.f("fk_devices_revoked_by_users")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_devices_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_devices")),
    )
    op.create_index(op.f("ix_devices_user_id"), "devices", ["user_id"], unique=False)

    op.create_table(
        "device_sign_ins",
        sa.Column("device_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_device_sign_ins_device_id_devices")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_device_sign_ins_user_id_users")),
        sa.PrimaryKeyConstraint("device_id", "user_id", name=op.f("pk_device_sign_ins")),
    )
    op.create_index(op.f("ix_device_sign_ins_user_id"), "device_sign_ins", ["user_id"], unique=False)

    op.create_table(
        "pairing_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("device_name", sa.String(length=80), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("expires_at > created_at", name=op.f("ck_pairing_codes_expiry")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_pairing_codes_created_by_users")),
        sa.ForeignKeyConstraint(["device_id"], ["devices.id"], name=op.f("fk_pairing_codes_device_id_devices")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_pairing_codes_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_codes")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_pairing_codes_token_hash")),
    )

    op.add_column("users", sa.Column("badge_hash", sa.String(length=64), nullable=True))
    op.add_column("users", sa.Column("badge_issued_at", sa.DateTime(), nullable=True))
    op.add_column("users", sa.Column("pin_hash", sa.String(length=255), nullable=True))
    op.execute(
        "ALTER TABLE users ADD COLUMN pin_failures INTEGER DEFAULT 0 NOT NULL "
        "CONSTRAINT ck_users_pin_failures CHECK (pin_failures BETWEEN 0 AND 5)"
    )
    op.add_column("users", sa.Column("pin_locked_until", sa.DateTime(), nullable=True))
    op.create_index(op.f("ix_users_badge_hash"), "users", ["badge_hash"], unique=True)


def downgrade():
    op.drop_index(op.f("ix_users_badge_hash"), table_name="users")
    for column in reversed(USER_COLUMNS):
        # Plain DROP COLUMN on both databases (SQLite 3.35+), for the same reason as the ADD above.
        op.execute(f"ALTER TABLE users DROP COLUMN {column}")
    op.drop_table("pairing_codes")
    op.drop_index(op.f("ix_device_sign_ins_user_id"), table_name="device_sign_ins")
    op.drop_table("device_sign_ins")
    op.drop_index(op.f("ix_devices_user_id"), table_name="devices")
    op.drop_table("devices")
