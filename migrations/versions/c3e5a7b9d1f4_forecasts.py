"""Forecasts per item and site: the nightly forecast stored with its method, for forecast-against-actual accuracy.

Reviewed by hand: two new tables. forecasts holds one row per (item, site, day): the forecast of
the days ahead from the last run, and for past days (kept 56 days) the forecast the run before
the day made, with the actual demand once the day is over. forecast_fits holds one row per
(item, site): the method chosen on the holdout, its error, and the accuracy of the stored
forecasts (MAE, bias, MASE, tracking signal, drifted). Downgrade drops both.

Revision ID: c3e5a7b9d1f4
Revises: b2d4f6a8c0e3
Create Date: 2026-12-04 20:00:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "c3e5a7b9d1f4"
down_revision = "b2d4f6a8c0e3"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "forecasts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("quantity", sa.Float(), nullable=False),
        sa.Column("actual", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_forecasts_item_id_items")),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_forecasts_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forecasts")),
        sa.UniqueConstraint("item_id", "site_id", "day", name=op.f("uq_forecasts_item_id_site_id_day")),
    )
    with op.batch_alter_table("forecasts", schema=None) as batch_op:
        batch_op.create_index("ix_forecasts_day", ["day"], unique=False)
    op.create_table(
        "forecast_fits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.Column("method", sa.String(length=16), nullable=False),
        sa.Column("history_days", sa.Integer(), nullable=False),
        sa.Column("holdout_mae", sa.Float(), nullable=True),
        sa.Column("runner_up", sa.String(length=16), nullable=True),
        sa.Column("runner_up_mae", sa.Float(), nullable=True),
        sa.Column("next_days_total", sa.Float(), nullable=False),
        sa.Column("scale", sa.Float(), nullable=True),
        sa.Column("accuracy_days", sa.Integer(), nullable=False),
        sa.Column("mae", sa.Float(), nullable=True),
        sa.Column("bias", sa.Float(), nullable=True),
        sa.Column("mase", sa.Float(), nullable=True),
        sa.Column("tracking_signal", sa.Float(), nullable=True),
        sa.Column("drifted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_forecast_fits_item_id_items")),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_forecast_fits_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forecast_fits")),
        sa.UniqueConstraint("item_id", "site_id", name=op.f("uq_forecast_fits_item_id_site_id")),
    )
    with op.batch_alter_table("forecast_fits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_forecast_fits_site_id"), ["site_id"], unique=False)


def downgrade():
    with op.batch_alter_table("forecast_fits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forecast_fits_site_id"))
    op.drop_table("forecast_fits")
    with op.batch_alter_table("forecasts", schema=None) as batch_op:
        batch_op.drop_index("ix_forecasts_day")
    op.drop_table("forecasts")
