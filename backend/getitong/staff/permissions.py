"""The one permission vocabulary: codes enforced by services, sent to the admin app, used by v-perm."""

from enum import StrEnum


class Perm(StrEnum):
    ENTITY_READ = "entity:read"
    ENTITY_WRITE = "entity:write"
    ORG_READ = "org:read"
    USER_READ = "user:read"
    USER_WRITE = "user:write"
    AUDIT_READ = "audit:read"
    INSTITUTION_READ = "institution:read"
    APPEAL_DESK = "appeal:desk"
    APPEAL_HANDLE = "appeal:handle"
    CREDIT_ACCEPT = "credit:accept"
    CREDIT_REVIEW = "credit:review"
    CREDIT_APPROVE = "credit:approve"
    CONTENT_EDIT = "content:edit"
    PARTY_MANAGE = "party:manage"
    INSPECTION_EXECUTE = "inspection:execute"
    DATA_IMPORT = "data:import"
    REGISTRATION_REVIEW = "registration:review"
    LOAN_HANDLE = "loan:handle"
    RISK_MANAGE = "risk:manage"
    APPEAL_SUPERVISE = "appeal:supervise"
    APPEAL_STATS = "appeal:stats"
    LOAN_MANAGE = "loan:manage"
    RECOGNITION_REVIEW = "recognition:review"
    HOME_MANAGE = "home:manage"
    ANNUAL_MANAGE = "annual:manage"
    INSPECTION_PLAN = "inspection:plan"
    INSPECTION_REVIEW = "inspection:review"
    INSPECTOR_MANAGE = "inspector:manage"
    NOTICE_MANAGE = "notice:manage"
    NOTICE_RECEIVE = "notice:receive"
    PUNISHMENT_MANAGE = "punishment:manage"


class Role(StrEnum):
    ADMIN = "admin"
    APPEAL_DESK = "appeal_desk"
    APPEAL_HANDLER = "appeal_handler"
    CREDIT_CLERK = "credit_clerk"
    CREDIT_REVIEWER = "credit_reviewer"
    CREDIT_APPROVER = "credit_approver"
    CONTENT_EDITOR = "content_editor"
    PARTY_ADMIN = "party_admin"
    INSPECTOR = "inspector"
    DATA_CLERK = "data_clerk"
    REGISTRATION_REVIEWER = "registration_reviewer"
    BANK_STAFF = "bank_staff"
    RECOGNITION_REVIEWER = "recognition_reviewer"
    INSPECTION_MANAGER = "inspection_manager"
    DEPARTMENT_LIAISON = "department_liaison"


_BASE = {Perm.ENTITY_READ, Perm.ORG_READ}

ROLE_DEFS: dict[Role, tuple[str, frozenset[Perm]]] = {
    Role.ADMIN: ("系统管理员", frozenset(Perm) - {Perm.LOAN_HANDLE}),
    Role.APPEAL_DESK: ("诉求主管", frozenset(_BASE | {Perm.APPEAL_DESK, Perm.APPEAL_SUPERVISE, Perm.APPEAL_STATS})),
    Role.APPEAL_HANDLER: ("诉求承办", frozenset(_BASE | {Perm.APPEAL_HANDLE})),
    Role.CREDIT_CLERK: ("信用修复经办", frozenset(_BASE | {Perm.CREDIT_ACCEPT})),
    Role.CREDIT_REVIEWER: ("信用修复审核", frozenset(_BASE | {Perm.CREDIT_REVIEW})),
    Role.CREDIT_APPROVER: ("信用修复审批", frozenset(_BASE | {Perm.CREDIT_APPROVE})),
    Role.CONTENT_EDITOR: ("内容编辑", frozenset({Perm.CONTENT_EDIT, Perm.ORG_READ})),
    Role.PARTY_ADMIN: ("党建管理", frozenset(_BASE | {Perm.PARTY_MANAGE})),
    Role.INSPECTOR: ("执法人员", frozenset(_BASE | {Perm.INSPECTION_EXECUTE})),
    Role.DATA_CLERK: ("数据归集", frozenset(_BASE | {Perm.DATA_IMPORT, Perm.ENTITY_WRITE, Perm.RISK_MANAGE,
                                                 Perm.ANNUAL_MANAGE, Perm.NOTICE_MANAGE,
                                                 Perm.PUNISHMENT_MANAGE})),
    Role.REGISTRATION_REVIEWER: ("登记审核", frozenset(_BASE | {Perm.REGISTRATION_REVIEW})),
    # Bank staff see only their institution's products and applications: no register access.
    Role.BANK_STAFF: ("金融机构人员", frozenset({Perm.LOAN_HANDLE})),
    Role.RECOGNITION_REVIEWER: ("名特优新审核", frozenset(_BASE | {Perm.RECOGNITION_REVIEW})),
    # 双告知 and 联合惩戒: staff of a department with post-approval or punishing duties (卫健, 公安, 烟草 …) receive
    # and answer what is addressed to their department; they see no register beyond what those carry.
    Role.DEPARTMENT_LIAISON: ("部门联络员", frozenset({Perm.NOTICE_RECEIVE})),
    # 双随机: plans, draws, assignment, review of results and the inspector pool (not result entry).
    Role.INSPECTION_MANAGER: ("双随机管理", frozenset(_BASE | {Perm.INSPECTION_PLAN, Perm.INSPECTION_REVIEW,
                                                        Perm.INSPECTOR_MANAGE})),
}


def permissions_of(roles: list[str]) -> set[str]:
    perms: set[str] = set()
    for code in roles:
        role_def = ROLE_DEFS.get(Role(code)) if code in Role._value2member_map_ else None
        if role_def:
            perms |= {p.value for p in role_def[1]}
    return perms


def role_name(code: str) -> str:
    return ROLE_DEFS[Role(code)][0] if code in Role._value2member_map_ else code
