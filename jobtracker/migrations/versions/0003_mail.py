"""Mail accounts, how far each folder was read, and the suggestions drawn from messages

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

The mailbox scan remembers its accounts (never their passwords:
those live in the keyring), the UIDVALIDITY/UID reached per folder so no
message is read twice, and the proposed changes with what accepting them
created, so an accept can be undone exactly.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mail_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100, collation='NOCASE'), nullable=False),
    sa.Column('host', sa.String(length=255), nullable=False),
    sa.Column('port', sa.Integer(), nullable=False),
    sa.Column('security', sa.Enum('ssl', 'starttls', 'plain', name='mail_security', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('user', sa.String(length=320), nullable=False),
    sa.Column('folders', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_scan_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_account')),
    sa.UniqueConstraint('name', name=op.f('uq_mail_account_name'))
    )
    op.create_table('mail_folder_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('folder', sa.String(length=500), nullable=False),
    sa.Column('uidvalidity', sa.Integer(), nullable=False),
    sa.Column('last_uid', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['account_id'], ['mail_account.id'], name=op.f('fk_mail_folder_state_account_id_mail_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_folder_state')),
    sa.UniqueConstraint('account_id', 'folder', name='uq_mail_folder_state_account_folder')
    )
    op.create_table('mail_suggestion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account_id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.String(length=998), nullable=False),
    sa.Column('date', sa.DateTime(), nullable=False),
    sa.Column('sender', sa.String(length=500), nullable=False),
    sa.Column('subject', sa.String(length=1000), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('received', 'interview', 'assessment', 'rejection', 'offer', 'other', name='suggestion_kind', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('proposed_stage', sa.String(length=60), nullable=True),
    sa.Column('interview_at', sa.DateTime(), nullable=True),
    sa.Column('interview_utc_offset_minutes', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('pending', 'accepted', 'dismissed', name='suggestion_status', native_enum=False, create_constraint=True, length=16), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('created_stage_event_id', sa.Integer(), nullable=True),
    sa.Column('created_interview_id', sa.Integer(), nullable=True),
    sa.Column('created_application_id', sa.Integer(), nullable=True),
    sa.Column('accepted_application_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['accepted_application_id'], ['application.id'], name=op.f('fk_mail_suggestion_accepted_application_id_application'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['account_id'], ['mail_account.id'], name=op.f('fk_mail_suggestion_account_id_mail_account'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_mail_suggestion_application_id_application'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_application_id'], ['application.id'], name=op.f('fk_mail_suggestion_created_application_id_application'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_interview_id'], ['interview.id'], name=op.f('fk_mail_suggestion_created_interview_id_interview'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_stage_event_id'], ['stage_event.id'], name=op.f('fk_mail_suggestion_created_stage_event_id_stage_event'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mail_suggestion')),
    sa.UniqueConstraint('account_id', 'message_id', name='uq_mail_suggestion_account_message')
    )
    with op.batch_alter_table('mail_suggestion', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mail_suggestion_application_id'), ['application_id'], unique=False)
        batch_op.create_index('ix_mail_suggestion_status_date', ['status', 'date'], unique=False)


def downgrade() -> None:
    raise NotImplementedError(
        "JobTracker does not downgrade; restore the backup taken before the upgrade"
    )
