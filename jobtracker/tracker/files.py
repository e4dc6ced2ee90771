"""Use cases on stored files: documents sent with applications, archived postings."""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from jobtracker.errors import NotFoundError, ValidationError
from jobtracker.models import ApplicationDocument, Document, PostingSnapshot
from jobtracker.paths import documents_dir
from jobtracker.tracker.base import TrackerBase
from jobtracker.tracker.inputs import SnapshotInput, to_enum
from jobtracker.tracker.rows import SnapshotDetail
from jobtracker.vocabulary import DocumentRole

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


class FilesMixin(TrackerBase):
    """Documents by content hash, and posting snapshots."""

    @property
    def documents_dir(self) -> Path:
        """Where document files of this database are stored."""
        return documents_dir(self.db.path)

    def document_path(self, sha256: str) -> Path:
        """The stored file of a document."""
        return self.documents_dir / sha256[:2] / sha256

    def attach_document(self, application_id: int, file: Path,
                        role: DocumentRole | str = DocumentRole.RESUME) -> int:
        """Store a copy of ``file`` (once per content) and attach it; returns the document id."""
        role_value = to_enum("role", DocumentRole, role) or DocumentRole.OTHER
        try:
            size = file.stat().st_size
        except OSError as error:
            raise ValidationError("file", f"cannot read {file}: {error.strerror}") from error
        if not file.is_file():
            raise ValidationError("file", f"{file} is not a file")
        if size > MAX_DOCUMENT_BYTES:
            raise ValidationError("file", f"{file.name} is larger than 50 MB")
        try:
            with file.open("rb") as source:
                digest = self.store_stream(source, file.name)
        except OSError as error:
            raise ValidationError("file", f"cannot read {file}: {error.strerror}") from error
        with self.db.write() as session:
            self._application(session, application_id)
            document = session.scalar(select(Document).where(Document.sha256 == digest))
            if document is None:
                document = Document(sha256=digest, filename=file.name[:255],
                                    media_type=mimetypes.guess_type(file.name)[0],
                                    size_bytes=size, created_at=self._now())
                session.add(document)
                session.flush()
            link = session.get(ApplicationDocument, (application_id, document.id, role_value))
            if link is None:
                session.add(ApplicationDocument(application_id=application_id,
                                                document_id=document.id, role=role_value,
                                                attached_at=self._now()))
            return document.id

    def detach_document(self, application_id: int, document_id: int) -> None:
        """Remove a document from an application (the stored file stays for other uses)."""
        with self.db.write() as session:
            links = session.scalars(select(ApplicationDocument).where(
                ApplicationDocument.application_id == application_id,
                ApplicationDocument.document_id == document_id)).all()
            if not links:
                raise NotFoundError(f"document {document_id} is not attached to {application_id}")
            for link in links:
                session.delete(link)

    def store_stream(self, source: BinaryIO, name: str) -> str:
        """Copy a file's bytes into the store; returns their SHA-256."""
        # Hash while copying to a temporary file in the store, then rename:
        # a crash leaves either no file or a whole one, never a torn copy.
        self.documents_dir.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        handle, temp_name = tempfile.mkstemp(dir=self.documents_dir, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as target:
                while chunk := source.read(1 << 20):
                    digest.update(chunk)
                    target.write(chunk)
                target.flush()
                os.fsync(target.fileno())
            final = self.document_path(digest.hexdigest())
            final.parent.mkdir(exist_ok=True)
            if final.exists():
                Path(temp_name).unlink()
            else:
                shutil.move(temp_name, final)
        except OSError as error:
            with contextlib.suppress(OSError):
                Path(temp_name).unlink()
            raise ValidationError("file", f"cannot store {name}: {error.strerror}") from error
        return digest.hexdigest()

    def add_posting_snapshot(self, application_id: int, snapshot: SnapshotInput) -> int:
        """Archive what a posting said; returns the snapshot id."""
        snapshot = snapshot.validated()
        with self.db.write() as session:
            self._application(session, application_id)
            return insert_snapshot(session, application_id, snapshot)

    def posting_snapshots(self, application_id: int) -> list[SnapshotDetail]:
        """Every archived copy of an application's posting, oldest first, with its text."""
        with self.db.read() as session:
            rows = session.scalars(select(PostingSnapshot).where(
                PostingSnapshot.application_id == application_id)
                .order_by(PostingSnapshot.fetched_at, PostingSnapshot.id))
            return [SnapshotDetail(r.id, r.source_url, r.final_url, r.http_status, r.fetched_at,
                                   r.extractor, r.title, r.description_html, r.description_text)
                    for r in rows]

    def posting_snapshot_html(self, snapshot_id: int) -> str | None:
        """The archived (sanitised) description of a snapshot."""
        with self.db.read() as session:
            row = session.get(PostingSnapshot, snapshot_id)
            if row is None:
                raise NotFoundError(f"no posting snapshot with id {snapshot_id}")
            return row.description_html


def insert_snapshot(session: Session, application_id: int, snapshot: SnapshotInput) -> int:
    """Add a validated snapshot inside the caller's transaction; returns its id."""
    row = PostingSnapshot(
        application_id=application_id,
        source_url=snapshot.source_url,
        final_url=snapshot.final_url,
        http_status=snapshot.http_status,
        fetched_at=snapshot.fetched_at,
        extractor=snapshot.extractor,
        title=snapshot.title,
        description_html=snapshot.description_html,
        description_text=snapshot.description_text,
        raw_data=snapshot.raw_data,
    )
    session.add(row)
    session.flush()
    return row.id
