"""Scheduled jobs: the job_locks table (one row per job: lock holder and lease, last runs, schedule, "run now")
and job_runs (one row per run: job, process, trigger, start, end, outcome, message).

Reviewed by hand: two new tables, nothing existing is touched, so no batch copy is needed on SQLite.
`job_locks` is keyed by the job's name (the conditional UPDATE that takes the lock names it); every time is a
UTCDateTime, written as a naive-UTC TIMESTAMP. `job_runs` checks its outcome and trigger against their lists
and is indexed by job and start (the page's recent runs of each job) and by start (pruning old runs).
Downgrade drops both tables (the run history goes with them; the jobs themselves live in code).

Revision ID: f4a6b8c0d2e5
Revises: e3f5a7b9c1d4
Create Date: 2026-12-03 15:45:00.000000

"""

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "f4a6b8c0d2e5"
down_revision = "e3f5a7b9c1d4"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "job_locks",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("holder", sa.String(length=120), nullable=True),
        sa.Column("acquired_at", sa.DateTime(), nullable=True),
        sa.Column("lease_until", sa.DateTime(), nullable=True),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_finished_at", sa.DateTime(), nullable=True),
        sa.Column("last_ok_at", sa.DateTime(), nullable=True),
        sa.Column("run_requested_at", sa.DateTime(), nullable=True),
        sa.Column("requested_by", sa.String(length=80), nullable=True),
        sa.Column("schedule", sa.String(length=120), nullable=True),
        sa.Column("next_run_at", sa.DateTime(), nullable=True),
        sa.Column("daily_at", sa.String(length=5), nullable=True),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_job_locks")),
    )
    op.create_table(
        "job_runs",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("job", sa.String(length=60), nullable=False),
        sa.Column("holder", sa.String(length=120), nullable=False),
        sa.Column("run_trigger", sa.String(length=16), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("message", sa.String(length=500), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('running', 'ok', 'failed', 'skipped-locked')", name=op.f("ck_job_runs_outcome")
        ),
        sa.CheckConstraint(
            "run_trigger IN ('schedule', 'catch-up', 'requested')", name=op.f("ck_job_runs_run_trigger")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_runs")),
    )
    op.create_index("ix_job_runs_job_started_at", "job_runs", ["job", "started_at"], unique=False)
    op.create_index(op.f("ix_job_runs_started_at"), "job_runs", ["started_at"], unique=False)


def downgrade():
    op.drop_index(op.f("ix_job_runs_started_at"), table_name="job_runs")
    op.drop_index("ix_job_runs_job_started_at", table_name="job_runs")
    op.drop_table("job_runs")
    op.drop_table("job_locks")
