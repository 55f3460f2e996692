"""Kinds, match states, channels and import-job states of 信息归集 (data collection); pure, no I/O."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    LICENSE = "license"
    PENALTY = "penalty"
    SUPPORT = "support"


KIND_LABELS = {Kind.LICENSE: "行政许可", Kind.PENALTY: "行政处罚", Kind.SUPPORT: "小微企业扶持"}


class MatchState(StrEnum):
    MATCHED = "matched"
    UNMATCHED = "unmatched"
    PENDING = "pending"


MATCH_STATE_LABELS = {MatchState.MATCHED: "记名成功", MatchState.UNMATCHED: "记名不成功", MatchState.PENDING: "处理中"}


class Channel(StrEnum):
    ONLINE = "online"
    EXCEL = "excel"
    XML = "xml"


CHANNEL_LABELS = {Channel.ONLINE: "在线录入", Channel.EXCEL: "批量导入", Channel.XML: "数据接口"}


class JobStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


JOB_STATUS_LABELS = {JobStatus.PENDING: "排队中", JobStatus.RUNNING: "处理中", JobStatus.DONE: "已完成",
                     JobStatus.FAILED: "失败"}

# Only records that did not reach a business may be deleted (本部门问题数据处理).
DELETABLE_STATES = frozenset({MatchState.UNMATCHED, MatchState.PENDING})
