"""Replenishment: engine results and overrides per item and site, notification settings, webhooks, delivery log.

Reviewed by hand: ExactDecimal is written as its storage type (a scaled BIGINT) and UTCDateTime as a
naive-UTC TIMESTAMP; new tables only.

Revision ID: c3d5f7a9b1e2
Revises: b2c4e6a8d0f1
Create Date: 2026-11-22 04:41:42.396181

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "c3d5f7a9b1e2"
down_revision = "b2c4e6a8d0f1"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "notification_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email_enabled", sa.Boolean(), nullable=False),
        sa.Column("email_mode", sa.String(length=12), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("smtp_host", sa.String(length=200), nullable=False),
        sa.Column("smtp_port", sa.Integer(), nullable=False),
        sa.Column("mail_from", sa.String(length=200), nullable=False),
        sa.Column("digest_hour", sa.Integer(), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("last_alert_id", sa.Integer(), nullable=False),
        sa.Column("last_digest_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_settings")),
    )
    op.create_table(
        "webhook_endpoints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("secret", sa.String(length=128), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("kinds", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_endpoints")),
    )
    op.create_table(
        "replenishment_overrides",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("safety_stock", sa.Integer(), nullable=True),
        sa.Column("reorder_point", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_replenishment_overrides_item_id_items")),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_replenishment_overrides_site_id_sites")),
        sa.ForeignKeyConstraint(["updated_by"], ["users.id"], name=op.f("fk_replenishment_overrides_updated_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replenishment_overrides")),
        sa.UniqueConstraint("item_id", "site_id", name=op.f("uq_replenishment_overrides_item_id_site_id")),
    )
    op.create_table(
        "replenishment_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.Column("period_days", sa.Integer(), nullable=False),
        sa.Column("window_days", sa.Integer(), nullable=False),
        sa.Column("lead_time_days", sa.Integer(), nullable=False),
        sa.Column("review_interval_days", sa.Integer(), nullable=False),
        sa.Column("service_level", sa.BigInteger(), nullable=False),
        sa.Column("mean_daily", sa.BigInteger(), nullable=False),
        sa.Column("std_daily", sa.BigInteger(), nullable=False),
        sa.Column("z", sa.BigInteger(), nullable=False),
        sa.Column("pattern", sa.SmallInteger(), nullable=False),
        sa.Column("cycle_stock", sa.BigInteger(), nullable=False),
        sa.Column("article_safety_stock", sa.BigInteger(), nullable=False),
        sa.Column("article_reorder_point", sa.BigInteger(), nullable=False),
        sa.Column("article_proper_stock", sa.BigInteger(), nullable=False),
        sa.Column("article_order_qty", sa.Integer(), nullable=False),
        sa.Column("method", sa.SmallInteger(), nullable=False),
        sa.Column("safety_stock", sa.Integer(), nullable=False),
        sa.Column("reorder_point", sa.Integer(), nullable=False),
        sa.Column("order_up_to", sa.Integer(), nullable=False),
        sa.Column("order_qty", sa.Integer(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("on_order", sa.Integer(), nullable=False),
        sa.Column("issued_qty", sa.Integer(), nullable=False),
        sa.Column("average_inventory", sa.BigInteger(), nullable=False),
        sa.Column("turnover", sa.BigInteger(), nullable=True),
        sa.Column("turnover_days", sa.BigInteger(), nullable=True),
        sa.Column("cross_ratio", sa.BigInteger(), nullable=True),
        sa.Column("days_of_stock_cost", sa.BigInteger(), nullable=True),
        sa.Column("days_of_stock_sales", sa.BigInteger(), nullable=True),
        sa.Column("days_since_demand", sa.Integer(), nullable=True),
        sa.Column("abc_class", sa.String(length=1), nullable=False),
        sa.Column("dead_stock", sa.Boolean(), nullable=False),
        sa.Column("band_flag", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_replenishment_results_item_id_items")),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_replenishment_results_site_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_replenishment_results")),
        sa.UniqueConstraint("item_id", "site_id", name=op.f("uq_replenishment_results_item_id_site_id")),
    )
    with op.batch_alter_table("replenishment_results", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_replenishment_results_site_id"), ["site_id"], unique=False)

    op.create_table(
        "notification_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=12), nullable=False),
        sa.Column("endpoint_id", sa.Integer(), nullable=True),
        sa.Column("alert_id", sa.Integer(), nullable=True),
        sa.Column("event", sa.String(length=40), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["alert_id"], ["alerts.id"], name=op.f("fk_notification_deliveries_alert_id_alerts")),
        sa.ForeignKeyConstraint(
            ["endpoint_id"],
            ["webhook_endpoints.id"],
            name=op.f("fk_notification_deliveries_endpoint_id_webhook_endpoints"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_deliveries")),
    )
    with op.batch_alter_table("notification_deliveries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notification_deliveries_alert_id"), ["alert_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_notification_deliveries_endpoint_id"), ["endpoint_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_notification_deliveries_status"), ["status"], unique=False)


def downgrade():
    with op.batch_alter_table("notification_deliveries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_deliveries_status"))
        batch_op.drop_index(batch_op.f("ix_notification_deliveries_endpoint_id"))
        batch_op.drop_index(batch_op.f("ix_notification_deliveries_alert_id"))

    op.drop_table("notification_deliveries")
    with op.batch_alter_table("replenishment_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_replenishment_results_site_id"))

    op.drop_table("replenishment_results")
    op.drop_table("replenishment_overrides")
    op.drop_table("webhook_endpoints")
    op.drop_table("notification_settings")
