// Shapes of the admin API (docs/api-contract.md). Field names follow the wire format.

export interface Envelope<T> {
  code: string
  message: string
  data: T
}

export interface Page<T> {
  items: T[]
  next: string | null
  total?: number
}

export interface PageQuery {
  cursor?: string | null
  limit?: number
}

export interface Token {
  access_token: string
  refresh_token: string
  token_type: 'Bearer'
  expires_in: number
}

export interface IdName {
  id: number
  name: string
}

export interface CodeName {
  code: string
  name: string
}

export interface OrgRef {
  id: number
  name: string
  level: string
  level_label: string
  region_code: string
}

export interface Me {
  id: number
  username: string
  name: string
  phone_masked: string | null
  org: OrgRef
  institution: IdName | null
  roles: CodeName[]
  permissions: string[]
  must_change_password: boolean
}

export interface OrgNode extends OrgRef {
  children: OrgNode[]
}

export interface Role extends CodeName {
  permissions: string[]
}

export interface Captcha {
  captcha_id: string
  image: string
}

export interface LoginPayload {
  username: string
  password: string
  captcha_id?: string
  captcha_code?: string
}

export interface LoginResult {
  token: Token
  me: Me
}

export interface PasswordChange {
  old_password: string
  new_password: string
}

export interface Entity {
  id: number
  uscc: string
  reg_no: string | null
  name: string
  kind: string
  kind_label: string
  operator_name: string
  operator_id_masked?: string | null
  region_code: string
  region_name: string
  org: IdName | null
  industry: string | null
  address: string | null
  established_on: string | null
  status: string
  status_label: string
  scale_type: string | null
  scale_type_label: string | null
  tags: Array<string | { code?: string; name?: string; label?: string }> | null
}

export interface EntityFilters {
  q?: string
  uscc?: string
  region_code?: string
  status?: string
  kind?: string
}

export interface LicenseQr {
  text: string
  image: string
}

export interface User {
  id: number
  username: string
  name: string
  phone_masked: string | null
  org: IdName
  institution: IdName | null
  roles: CodeName[]
  is_active: boolean
  created_at: string
}

export interface UserFilters {
  q?: string
  org_id?: number
}

export interface UserCreate {
  username: string
  name: string
  phone?: string
  org_id: number
  roles: string[]
  institution_id?: number
  password: string
}

export interface UserUpdate {
  name?: string
  phone?: string
  org_id?: number
  roles?: string[]
}

export interface Institution extends IdName {
  [key: string]: unknown
}

// ---- 诉求 (appeals, docs/appeals.md) ----

export type AppealStatus = 'submitted' | 'accepted' | 'transferred' | 'reported' | 'replied' | 'closed'
export type AppealAction = 'accept' | 'transfer' | 'reply_out_of_scope' | 'report' | 'send_back' | 'reply' | 'supervise'

export interface ValueLabel {
  value: string
  label: string
}

export interface AppealOptions {
  types: ValueLabel[]
  departments: string[]
  statuses: ValueLabel[]
  ratings: ValueLabel[]
  max_photos: number
}

export interface AppealItem {
  id: number
  query_code: string
  title: string
  type: string
  type_label: string
  department: string
  status: AppealStatus
  status_label: string
  business: IdName & { uscc?: string; operator_name?: string; address?: string }
  org: IdName
  unit_org: IdName | null
  submitted_at: string
  replied_at: string | null
  finish_due_at: string | null
  transfer_due_at: string | null
  time_left_seconds: number | null
  overdue: boolean
  ever_overdue: boolean
  due_soon: boolean
  out_of_scope: boolean
  rating: string | null
  rating_label: string | null
  allowed_actions: string[]
  supervision_count?: number
}

export interface AppealFile {
  id: number
  name: string
  content_type: string
  size: number
  url: string
}

export interface AppealEvent {
  action: string
  action_label: string
  from_status: string | null
  to_status: string | null
  to_status_label: string | null
  org_name: string | null
  comment: string
  payload: Record<string, unknown>
  files: AppealFile[]
  at: string
  actor_name: string | null
}

export interface TransferSlip {
  id: number
  unit_org: IdName
  requirements: string
  due_at: string | null
  created_at: string
  closed_at: string | null
  outcome: string | null
}

export interface SupervisionNotice {
  id: number
  from_org: IdName
  staff_name: string
  content: string
  created_at: string
}

export interface AppealDetail extends AppealItem {
  content: string
  photos: AppealFile[]
  person: IdName | null
  region_code: string
  accepted_at: string | null
  transferred_at: string | null
  reported_at: string | null
  reply: string | null
  reply_files: AppealFile[]
  competent_department: Record<string, string> | string | null
  rating_comment: string | null
  reopened_once: boolean
  transfer_slips: TransferSlip[]
  supervisions: SupervisionNotice[]
  timeline: AppealEvent[]
}

export interface AppealFilters {
  status?: string
  type?: string
  department?: string
  unit_org_id?: number
  org_id?: number
  date_from?: string
  date_to?: string
  overdue?: boolean
  due_soon?: boolean
  q?: string
}

export interface AppealCounts {
  total: number
  by_status: { status: string; label: string; count: number }[]
}

export interface AppealStatsRow {
  received: number
  accepted: number
  transferred: number
  transferred_within_limit: number
  transferred_within_limit_pct: number | null
  finished: number
  finished_within_limit: number
  finished_within_limit_pct: number | null
  overdue: number
  rated: number
  satisfied: number
  satisfaction_pct: number | null
  avg_handling_hours: number | null
}

export interface AppealStats {
  org: IdName
  from: string | null
  to: string | null
  total: AppealStatsRow
  by_org: (AppealStatsRow & { org: IdName })[]
}

export interface StatsQuery {
  org_id?: number
  date_from?: string
  date_to?: string
}

export interface UploadedFile {
  id: number
  sha256: string
  content_type: string
  size: number
  name: string
  url: string
}

// ---- 风险信息 (risk records, docs/risk.md) ----

export type RiskKind = 'penalty' | 'serious' | 'abnormal'
export type ImportKind = 'penalties' | 'listings'

export interface RiskBusiness {
  id: number
  uscc: string | null
  reg_no: string | null
  name: string
}

export interface Penalty {
  id: number
  record_type: 'penalty'
  doc_no: string
  penalty_name: string | null
  penalty_type: string
  basis: string
  violation_type: string
  content: string
  fine_amount: string | null
  confiscated_amount: string | null
  amount_unit: string
  decided_on: string
  published_on: string
  decision_org_name: string | null
  business: RiskBusiness
  decision_org_id: number | null
  created_at: string
  updated_at: string
}

export interface Listing {
  id: number
  record_type: 'listing'
  kind: string
  kind_label: string
  status: 'listed' | 'removed'
  status_label: string
  doc_no: string
  list_reason: string
  listed_on: string
  list_org_name: string | null
  remove_reason: string | null
  removed_on: string | null
  remove_org_name: string | null
  business: RiskBusiness
  removal_source_label: string | null
  removal_ref: string | null
  actions: string[]
  created_at: string
  updated_at: string
}

export type RiskRecord = Penalty | Listing

export interface RiskFilters {
  kind: RiskKind
  status?: string
  uscc?: string
  name?: string
  date_from?: string
  date_to?: string
}

export type PenaltyUpdate = Partial<
  Pick<Penalty, 'doc_no' | 'penalty_name' | 'penalty_type' | 'basis' | 'violation_type' | 'content' | 'fine_amount' | 'confiscated_amount' | 'decided_on' | 'published_on'>
>
export type ListingUpdate = Partial<Pick<Listing, 'doc_no' | 'list_reason' | 'listed_on'>>

export interface ImportJob {
  id: number
  kind: ImportKind
  kind_label: string
  status: 'pending' | 'running' | 'done' | 'failed'
  status_label: string
  file_name: string
  total: number
  done: number
  imported: number
  failed: number
  progress: number
  error: string | null
  report_url: string | null
  created_at: string
  finished_at: string | null
}
