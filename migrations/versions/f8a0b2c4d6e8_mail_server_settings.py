"""Mail server settings: security, login, the stored password, sender name, a trusted CA, a FAX gateway.

Reviewed by hand: seven columns added to the one-row `notification_settings`, each NOT NULL with a server
default, so the row an owner already saved keeps working as before (security "none", no login: the plain
port-25 delivery it had). `smtp_password_token` holds a Fernet token (AES-128-CBC + HMAC-SHA256) under a
key derived from SECRET_KEY, never the password itself; `smtp_ca_pem` is a public certificate. No index:
the table has one row. Batch mode on SQLite (the table is referenced by nothing, so a copy is harmless);
the downgrade drops the columns again.

Revision ID: f8a0b2c4d6e8
Revises: e7f9a1b3c5d7
Create Date: 2026-12-03 15:20:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "f8a0b2c4d6e8"
down_revision = "e7f9a1b3c5d7"
branch_labels = None
depends_on = None

COLUMNS = (
    "smtp_security",
    "smtp_username",
    "smtp_password_token",
    "mail_from_name",
    "smtp_ca_pem",
    "smtp_allow_untrusted",
    "fax_gateway",
)


def upgrade():
    with op.batch_alter_table("notification_settings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("smtp_security", sa.String(length=10), server_default="none", nullable=False))
        batch_op.add_column(sa.Column("smtp_username", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("smtp_password_token", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("mail_from_name", sa.String(length=100), server_default="", nullable=False))
        batch_op.add_column(sa.Column("smtp_ca_pem", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("smtp_allow_untrusted", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("fax_gateway", sa.String(length=200), server_default="", nullable=False))


def downgrade():
    with op.batch_alter_table("notification_settings", schema=None) as batch_op:
        for name in reversed(COLUMNS):
            batch_op.drop_column(name)
