"""Cross-domain tables: audit log, stored files, refresh tokens."""

from tortoise import fields
from tortoise.models import Model


class AuditLog(Model):
    """Every staff write: who, when, what, before → after. Secrets are never stored here."""

    id = fields.BigIntField(primary_key=True)
    actor_type = fields.CharField(max_length=16)
    actor_id = fields.BigIntField(null=True)
    actor_name = fields.CharField(max_length=64, default="")
    actor_org_id = fields.BigIntField(null=True, db_index=True)
    action = fields.CharField(max_length=64)
    target_type = fields.CharField(max_length=32)
    target_id = fields.CharField(max_length=64, default="")
    before = fields.JSONField(null=True)
    after = fields.JSONField(null=True)
    ip = fields.CharField(max_length=64, default="")
    request_id = fields.CharField(max_length=64, default="")
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "audit_log"
        indexes = (("target_type", "target_id"), ("actor_id", "id"))


class StoredFile(Model):
    """Metadata of an upload, whose bytes live in the storage backend under their sha256."""

    id = fields.BigIntField(primary_key=True)
    sha256 = fields.CharField(max_length=64, db_index=True)
    content_type = fields.CharField(max_length=64)
    size = fields.IntField()
    original_name = fields.CharField(max_length=255, default="")
    owner_type = fields.CharField(max_length=16)
    owner_id = fields.BigIntField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "stored_file"


class RefreshToken(Model):
    """A rotating refresh token, of which only the digest is stored. A family shares one login."""

    id = fields.BigIntField(primary_key=True)
    token_digest = fields.CharField(max_length=64, unique=True)
    family = fields.CharField(max_length=32, db_index=True)
    subject_type = fields.CharField(max_length=16)
    subject_id = fields.BigIntField()
    business_id = fields.BigIntField(null=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "refresh_token"
        indexes = (("subject_type", "subject_id"),)
