"""Item photos and office set-up of suppliers: an `item_photos` table; contact, FAX and minimum order on suppliers.

Reviewed by hand: `item_photos` holds one row per item (the item id is the key), its WebP thumbnail and
larger view as bytes, a digest used as the ETag, and who uploaded it; kept in the database so the backup
(which copies the database) carries the photos with the items they show. `updated_at` is indexed for the
phones' reference delta. Three supplier columns are added, each with a server default or nullable, so the
suppliers already saved keep working: `contact` "" , `fax` NULL, `min_order_amount` 0 (a scaled integer
like every amount). Batch mode on SQLite as the earlier revisions; the downgrade drops the table and the
columns again.

Revision ID: a9b1c3d5e7f0
Revises: f8a0b2c4d6e8
Create Date: 2026-12-03 15:45:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "a9b1c3d5e7f0"
down_revision = "f8a0b2c4d6e8"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "item_photos",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("etag", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=20), nullable=False),
        sa.Column("thumb", sa.LargeBinary(), nullable=False),
        sa.Column("large", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("uploaded_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_item_photos_item_id_items")),
        sa.ForeignKeyConstraint(["uploaded_by"], ["users.id"], name=op.f("fk_item_photos_uploaded_by_users")),
        sa.PrimaryKeyConstraint("item_id", name=op.f("pk_item_photos")),
    )
    with op.batch_alter_table("item_photos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_item_photos_updated_at"), ["updated_at"], unique=False)
    with op.batch_alter_table("suppliers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact", sa.String(length=200), server_default="", nullable=False))
        batch_op.add_column(sa.Column("fax", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("min_order_amount", sa.BigInteger(), server_default="0", nullable=False))


def downgrade():
    with op.batch_alter_table("suppliers", schema=None) as batch_op:
        batch_op.drop_column("min_order_amount")
        batch_op.drop_column("fax")
        batch_op.drop_column("contact")
    with op.batch_alter_table("item_photos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_item_photos_updated_at"))
    op.drop_table("item_photos")
