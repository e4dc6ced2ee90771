"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('company',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200, collation='NOCASE'), nullable=False),
    sa.Column('website', sa.String(length=2000), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_company')),
    sa.UniqueConstraint('name', name=op.f('uq_company_name'))
    )
    op.create_table('document',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=True),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document')),
    sa.UniqueConstraint('sha256', name=op.f('uq_document_sha256'))
    )
    op.create_table('stage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60, collation='NOCASE'), nullable=False),
    sa.Column('kind', sa.Enum('open', 'offer', 'won', 'lost', name='stage_kind', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('color', sa.String(length=7), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage')),
    sa.UniqueConstraint('name', name=op.f('uq_stage_name'))
    )
    op.create_table('tag',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60, collation='NOCASE'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tag')),
    sa.UniqueConstraint('name', name=op.f('uq_tag_name'))
    )
    op.create_table('application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=False),
    sa.Column('stage_id', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=True),
    sa.Column('remote', sa.Enum('remote', 'hybrid', 'onsite', name='remote_policy', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('employment_type', sa.Enum('full_time', 'part_time', 'contract', 'temporary', 'internship', 'volunteer', 'other', name='employment_type', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('salary_min', sa.Integer(), nullable=True),
    sa.Column('salary_max', sa.Integer(), nullable=True),
    sa.Column('salary_currency', sa.String(length=3), nullable=True),
    sa.Column('salary_period', sa.Enum('hour', 'day', 'week', 'month', 'year', name='salary_period', native_enum=False, create_constraint=True, length=16), nullable=True),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('source', sa.String(length=100), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=True),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('stage_changed_on', sa.Date(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('(salary_min IS NULL AND salary_max IS NULL) OR salary_currency IS NOT NULL', name=op.f('ck_application_salary_currency')),
    sa.CheckConstraint('priority BETWEEN 1 AND 5', name=op.f('ck_application_priority_range')),
    sa.CheckConstraint('salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max', name=op.f('ck_application_salary_order')),
    sa.ForeignKeyConstraint(['company_id'], ['company.id'], name=op.f('fk_application_company_id_company'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['stage_id'], ['stage.id'], name=op.f('fk_application_stage_id_stage'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_application'))
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_applied_on'), ['applied_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_follow_up_on'), ['follow_up_on'], unique=False)
        batch_op.create_index('ix_application_live_changed', ['deleted_at', 'stage_changed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_application_stage_id'), ['stage_id'], unique=False)

    op.create_table('contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=True),
    sa.Column('email', sa.String(length=320), nullable=True),
    sa.Column('phone', sa.String(length=50), nullable=True),
    sa.Column('linkedin_url', sa.String(length=2000), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['company_id'], ['company.id'], name=op.f('fk_contact_company_id_company'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_contact'))
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_contact_company_id'), ['company_id'], unique=False)

    op.create_table('application_contact',
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_application_contact_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], name=op.f('fk_application_contact_contact_id_contact'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('application_id', 'contact_id', name=op.f('pk_application_contact'))
    )
    with op.batch_alter_table('application_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_contact_contact_id'), ['contact_id'], unique=False)

    op.create_table('application_document',
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.Enum('resume', 'cover_letter', 'other', name='document_role', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('attached_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_application_document_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_application_document_document_id_document'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('application_id', 'document_id', 'role', name=op.f('pk_application_document'))
    )
    with op.batch_alter_table('application_document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_document_document_id'), ['document_id'], unique=False)

    op.create_table('application_tag',
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('tag_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_application_tag_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tag_id'], ['tag.id'], name=op.f('fk_application_tag_tag_id_tag'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('application_id', 'tag_id', name=op.f('pk_application_tag'))
    )
    with op.batch_alter_table('application_tag', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_application_tag_tag_id'), ['tag_id'], unique=False)

    op.create_table('interview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=60), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=True),
    sa.Column('duration_minutes', sa.Integer(), nullable=True),
    sa.Column('location', sa.String(length=300), nullable=True),
    sa.Column('meeting_url', sa.String(length=2000), nullable=True),
    sa.Column('interviewers', sa.Text(), nullable=True),
    sa.Column('outcome', sa.Enum('pending', 'passed', 'failed', 'cancelled', name='interview_outcome', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_interview_application_id_application'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview'))
    )
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interview_starts_at'), ['starts_at'], unique=False)

    op.create_table('note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_note_application_id_application'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_note'))
    )
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_application_id'), ['application_id'], unique=False)

    op.create_table('posting_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('source_url', sa.String(length=2000), nullable=False),
    sa.Column('fetched_at', sa.DateTime(), nullable=False),
    sa.Column('extractor', sa.String(length=60), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('description_html', sa.Text(), nullable=True),
    sa.Column('raw_data', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_posting_snapshot_application_id_application'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posting_snapshot'))
    )
    with op.batch_alter_table('posting_snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_posting_snapshot_application_id'), ['application_id'], unique=False)

    op.create_table('stage_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('from_stage_id', sa.Integer(), nullable=True),
    sa.Column('to_stage_id', sa.Integer(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_stage_event_application_id_application'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['from_stage_id'], ['stage.id'], name=op.f('fk_stage_event_from_stage_id_stage'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['to_stage_id'], ['stage.id'], name=op.f('fk_stage_event_to_stage_id_stage'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage_event'))
    )
    with op.batch_alter_table('stage_event', schema=None) as batch_op:
        batch_op.create_index('ix_stage_event_application_occurred', ['application_id', 'occurred_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_stage_event_to_stage_id'), ['to_stage_id'], unique=False)

    op.create_table('task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_task_application_id_application'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_task'))
    )
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_task_due_on'), ['due_on'], unique=False)

    _create_search_index()
    _seed_stages()


# Default stages: (name, kind, colour). Users may rename, recolour and add more.
# Interviewing's violet is a shade deeper than #8B5CF6, on which neither white nor near-black
# text reaches 4.5:1 (WCAG AA); white reads at 5.0:1 on #7E4CEF. Databases created before keep
# their colour: the chip shifts a mid-tone only where it is drawn (ui/widgets/contrast.py).
DEFAULT_STAGES = [
    ("Saved", "open", "#8E8E93"),
    ("Applied", "open", "#3B82F6"),
    ("Screening", "open", "#06B6D4"),
    ("Interviewing", "open", "#7E4CEF"),
    ("Offer", "offer", "#F59E0B"),
    ("Accepted", "won", "#10B981"),
    ("Rejected", "lost", "#EF4444"),
    ("Withdrawn", "lost", "#6B7280"),
    ("Declined", "lost", "#F97316"),
    ("Ghosted", "lost", "#9CA3AF"),
]


def _seed_stages() -> None:
    stage = sa.table(
        "stage",
        sa.column("name", sa.String),
        sa.column("kind", sa.String),
        sa.column("position", sa.Integer),
        sa.column("color", sa.String),
    )
    op.bulk_insert(
        stage,
        [
            {"name": name, "kind": kind, "position": position, "color": color}
            for position, (name, kind, color) in enumerate(DEFAULT_STAGES)
        ],
    )


# One FTS5 row per application (rowid = application.id), kept in sync by
# triggers so that every write path - use cases, bulk imports, the CLI beside
# the open app - indexes the same way. Prefix indexes make search-as-you-type
# on two- and three-letter prefixes cheap.
_REINDEX = """
    DELETE FROM application_fts WHERE rowid IN ({ids});
    INSERT INTO application_fts(rowid, title, company, location, notes, description)
    SELECT a.id, a.title, c.name, a.location,
           (SELECT group_concat(n.body, char(10)) FROM note AS n WHERE n.application_id = a.id),
           a.description
    FROM application AS a JOIN company AS c ON c.id = a.company_id
    WHERE a.id IN ({ids});
"""


def _create_search_index() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE application_fts USING fts5("
        "title, company, location, notes, description, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    triggers = {
        "application_fts_ai AFTER INSERT ON application": _REINDEX.format(ids="new.id"),
        "application_fts_au AFTER UPDATE OF title, company_id, location, description "
        "ON application": _REINDEX.format(ids="new.id"),
        "application_fts_ad AFTER DELETE ON application":
            "DELETE FROM application_fts WHERE rowid = old.id;",
        "company_fts_au AFTER UPDATE OF name ON company": _REINDEX.format(
            ids="SELECT id FROM application WHERE company_id = new.id"
        ),
        "note_fts_ai AFTER INSERT ON note": _REINDEX.format(ids="new.application_id"),
        "note_fts_au AFTER UPDATE OF body ON note": _REINDEX.format(ids="new.application_id"),
        "note_fts_ad AFTER DELETE ON note": _REINDEX.format(ids="old.application_id"),
    }
    for head, body in triggers.items():
        op.execute(f"CREATE TRIGGER {head} BEGIN {body} END")


def downgrade() -> None:
    raise NotImplementedError("JobTracker does not downgrade; restore the backup taken before the upgrade")
