from tortoise import fields, migrations
from tortoise.fields.base import OnDelete
from tortoise.indexes import Index
from tortoise.migrations import operations as ops

from getitong.content.models import ArticleKind, Validity
from getitong.content.workflow import ContentStatus


class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = True

    operations = [
        ops.CreateModel(
            name='Article',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('kind', fields.CharEnumField(description='NEWS: news\nLAW: law', enum_type=ArticleKind, max_length=8)),
                ('title', fields.CharField(max_length=200)),
                ('summary', fields.CharField(default='', max_length=500)),
                ('body_html', fields.TextField(unique=False)),
                ('category', fields.CharField(max_length=32)),
                ('issuer', fields.CharField(default='', max_length=128)),
                ('doc_number', fields.CharField(default='', max_length=128)),
                ('effective_date', fields.DateField(null=True)),
                ('validity', fields.CharEnumField(null=True, description='EFFECTIVE: effective\nAMENDED: amended\nREPEALED: repealed', enum_type=Validity, max_length=16)),
                ('interpretation_html', fields.TextField(default='', unique=False)),
                ('cover', fields.ForeignKeyField('models.StoredFile', source_field='cover_id', null=True, db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('org', fields.ForeignKeyField('models.Org', source_field='org_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('region_code', fields.CharField(max_length=12)),
                ('author', fields.ForeignKeyField('models.StaffUser', source_field='author_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('status', fields.CharEnumField(default=ContentStatus.DRAFT, description='DRAFT: draft\nPUBLISHED: published\nWITHDRAWN: withdrawn', enum_type=ContentStatus, max_length=16)),
                ('published_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('withdrawn_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('withdraw_reason', fields.CharField(default='', max_length=500)),
                ('view_count', fields.BigIntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'content_article', 'app': 'content', 'indexes': [Index(fields=['kind', 'status', 'published_at', 'id']), Index(fields=['org_id', 'kind', 'id'])], 'pk_attr': 'id', 'table_description': 'A news item or a law with its interpretation, written by staff of an org and published to shop owners.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ArticleAttachment',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('article', fields.ForeignKeyField('content.Article', source_field='article_id', db_constraint=True, to_field='id', related_name='attachments', on_delete=OnDelete.CASCADE)),
                ('file', fields.ForeignKeyField('models.StoredFile', source_field='file_id', db_constraint=True, to_field='id', related_name=False, on_delete=OnDelete.RESTRICT)),
                ('sort', fields.IntField(default=0)),
            ],
            options={'table': 'content_article_attachment', 'app': 'content', 'unique_together': (('article', 'file'),), 'pk_attr': 'id', 'table_description': 'A file attached to an article, in display order.'},
            bases=['Model'],
        ),
    ]
