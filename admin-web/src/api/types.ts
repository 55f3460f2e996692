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
  /** 资金数额 / 注册资本 in 万元 (decimal string), and the 经营范围 wording. */
  capital?: string | null
  business_scope?: string
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
  /** One or more of active / cancelled / revoked, comma separated. */
  status?: string
  kind?: string
  // 企业搜索 高级查询 (backend EntityQuery)
  reg_no?: string
  operator?: string
  industry?: string
  address?: string
  org_id?: number
  this_level_only?: boolean
  established_from?: string
  established_to?: string
  capital_min?: number
  capital_max?: number
  business_scope?: string
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
  group_by?: 'org' | 'month' | 'type'
  total: AppealStatsRow
  /** group_by=org (the default). */
  by_org: (AppealStatsRow & { org: IdName })[]
  /** group_by=month: every month of the period (Asia/Shanghai), empty ones included. */
  by_month?: (AppealStatsRow & { month: string })[]
  /** group_by=type. */
  by_type?: (AppealStatsRow & { type: string; label: string })[]
}

export interface StatsQuery {
  org_id?: number
  date_from?: string
  date_to?: string
  group_by?: 'org' | 'month' | 'type'
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

// ---- 信用修复 (credit repair, docs/credit.md) ----

export type CreditStatus = 'submitted' | 'reviewing' | 'approving' | 'approved' | 'refused' | 'returned' | 'withdrawn'
export type CreditAction = 'accept' | 'transfer' | 'review' | 'approve' | 'return' | 'refuse'
export type CreditDueState = 'normal' | 'due_soon' | 'overdue' | 'none'

export interface CreditKindOption extends ValueLabel {
  title: string
  guide: string
  accept_days: number
  decide_days: number
  remove_days: number
}

export interface CreditOptions {
  kinds: CreditKindOption[]
  material_types: (ValueLabel & { required: boolean })[]
  statuses: ValueLabel[]
}

export interface CreditLimits {
  accept_due_on: string | null
  decide_due_on: string | null
  remove_due_on: string | null
  current_due_on: string | null
  working_days_left: number | null
  due_state: CreditDueState
  due_state_label: string
}

export interface CreditApplication {
  id: number
  number: string
  kind: string
  kind_label: string
  status: CreditStatus
  status_label: string
  step: string
  channel: string
  channel_label: string
  business_name: string
  business_uscc: string | null
  submitted_at: string
  decided_at: string | null
  decision_no: string | null
  has_decision_letter: boolean
  last_reason: string | null
  limits: CreditLimits
  actions: string[]
}

export interface CreditMaterial {
  id: number
  file_id: number
  type: string
  type_label: string
  name: string
  size: number
  content_type: string
}

export interface CreditEvent {
  id: number
  action: string
  action_label: string
  from_status: string | null
  to_status: string | null
  to_status_label: string | null
  comment: string
  org_name: string
  payload: Record<string, unknown>
  at: string
  actor_type: string
  actor_name: string | null
}

export interface CreditApprovalEntry {
  step: string
  action: string
  result: string
  opinion: string
  person: string | null
  org_name: string
  at: string
  payload: Record<string, unknown>
}

export interface CreditListingRef {
  id: number
  kind: string
  kind_label: string
  status: string
  status_label: string
  doc_no: string
  list_reason: string
  listed_on: string
  list_org_name: string | null
  removed_on: string | null
}

export interface CreditApplicationDetail extends CreditApplication {
  business: RiskBusiness & { kind?: string; operator_name?: string; address?: string; operator_id_masked?: string | null }
  reason: string
  applicant_name: string | null
  listings: CreditListingRef[]
  materials: CreditMaterial[]
  events: CreditEvent[]
  phone: string | null
  handling_org_id: number
  handling_org_name: string
  list_org_id: number | null
  approval_form: CreditApprovalEntry[]
}

export interface CreditCounts {
  total: number
  due_soon: number
  overdue: number
  by_status: { status: string; label: string; count: number }[]
}

export interface CreditFilters {
  todo?: boolean
  number?: string
  name?: string
  kind?: string
  status?: string
  uscc?: string
}

export interface CreditListing extends Listing {
  /** Number of the open application on this listing, if any. */
  open_application: string | null
  can_apply: boolean
}

export interface CreditListingFilters {
  kind: string
  uscc?: string
  name?: string
  reason?: string
  date_from?: string
  date_to?: string
}

export interface CreditActionBody {
  action: CreditAction
  opinion: string
  target_org_id?: number | null
  decision_no?: string | null
}

export interface CreditApplyBody {
  applicant_name?: string | null
  phone?: string | null
  reason: string
  materials?: { type: string; file_id: number }[]
}

export interface CreditTransferTarget {
  id: number
  name: string
  level: string
}

// ---- 金融支持 (loans, docs/loans.md) ----

export interface LoanInstitution {
  id: number
  name: string
  region_code: string | null
  org_id: number | null
  org_name: string | null
  is_active: boolean
  short_name: string | null
  contact_name: string | null
  contact_phone: string | null
  address: string | null
  intro: string | null
  webhook_url: string
  webhook_secret_set: boolean
  products: number
  published_products: number
  /** Only in the reply that creates the institution or rotates its secret. */
  webhook_secret?: string
}

export interface LoanInstitutionBody {
  name?: string
  org_id?: number | null
  short_name?: string | null
  contact_name?: string | null
  contact_phone?: string | null
  address?: string | null
  intro?: string | null
  webhook_url?: string
  is_active?: boolean
}

export type LoanProductStatus = 'draft' | 'published' | 'unpublished'

export interface LoanProduct {
  id: number
  name: string
  institution: IdName
  amount_min: string
  amount_max: string
  rate_min: string
  rate_max: string
  term_months_min: number | null
  term_months_max: number
  guarantee_type: string
  guarantee_label: string
  eligibility: string | null
  description: string | null
  amount_label: string
  rate_label: string
  term_label: string
  published_at: string | null
  status: LoanProductStatus
  status_label: string
  actions: string[]
  created_at: string
  updated_at: string
}

export interface LoanProductBody {
  institution_id?: number | null
  name: string
  amount_min: string
  amount_max: string
  rate_min: string
  rate_max: string
  term_months_min?: number | null
  term_months_max: number
  guarantee_type: string
  eligibility?: string
  description?: string
}

export interface LoanProductFilters {
  status?: string
  guarantee_type?: string
  institution_id?: number
  q?: string
}

export type LoanStatus = 'submitted' | 'contacted' | 'approved' | 'rejected' | 'granted' | 'withdrawn'

export interface LoanApplication {
  id: number
  product: { id: number; name: string; institution_name: string; guarantee_label: string; amount_label: string; rate_label: string; term_label: string }
  product_id: number
  institution_id: number
  amount: string
  amount_label: string
  purpose: string | null
  contact_name: string
  contact_phone: string
  status: LoanStatus
  status_label: string
  approved: { amount: string; rate: string; term_months: number; amount_label?: string } | null
  granted: { amount: string; granted_on: string; amount_label?: string } | null
  last_note: string
  submitted_at: string
  updated_at: string
  business: { id: number; name: string; uscc: string | null }
  allowed_actions: string[]
}

export interface LoanEvent {
  action: string
  action_label: string
  from_status: string | null
  to_status: string
  to_status_label: string
  note: string
  details: Record<string, unknown>
  at: string
  actor_name: string | null
}

export interface LoanApplicationDetail extends LoanApplication {
  business_snapshot: Record<string, string | number | null>
  timeline: LoanEvent[]
}

export interface LoanApplicationFilters {
  status?: string
  product_id?: number
  institution_id?: number
  q?: string
}

// ---- 新闻资讯 / 法律法规 (content, docs/content.md) ----

export type ArticleResource = 'news' | 'laws'
export type ArticleStatus = 'draft' | 'published' | 'withdrawn'

export interface Article {
  id: number
  kind: 'news' | 'law'
  title: string
  summary: string
  category: string
  category_label: string
  cover: { id: number; name: string; url: string } | null
  org: IdName
  region_code: string
  published_at: string | null
  view_count: number
  status: ArticleStatus
  status_label: string
  author: IdName | null
  withdrawn_at: string | null
  withdraw_reason: string
  created_at: string
  updated_at: string
  actions: string[]
  issuer?: string | null
  doc_number?: string | null
  effective_date?: string | null
  validity?: string
  validity_label?: string
}

export interface ArticleDetail extends Article {
  body_html: string
  interpretation_html?: string
  attachments: { id: number; name: string; url?: string }[]
}

export interface ArticleBody {
  title: string
  summary: string
  body_html: string
  category: string
  issuer?: string
  doc_number?: string
  effective_date?: string | null
  validity?: string
  interpretation_html?: string
  cover_file_id?: number | null
  attachment_ids?: number[]
}

export interface ArticleFilters {
  status?: string
  category?: string
  validity?: string
  q?: string
}

// ---- 政策 / 免申即享 (docs/policies.md) ----

export interface Targeting {
  scale_types: string[]
  tags: string[]
  industries: string[]
  region_codes: string[]
}

export interface Policy {
  id: number
  title: string
  summary: string
  body: string
  department: string
  org: IdName
  valid_from: string | null
  valid_to: string | null
  published_at: string | null
  targeting: { scale_types: string[]; tags: string[]; industries: string[]; regions: { code: string; name: string }[] }
  status: 'draft' | 'published' | 'withdrawn'
  status_label: string
  region_codes: string[]
  withdrawn_at: string | null
  created_at: string
  updated_at: string
  actions: string[]
}

export interface PolicyBody extends Targeting {
  title: string
  summary: string
  body: string
  department: string
  valid_from: string | null
  valid_to: string | null
}

export interface Benefit {
  id: number
  code: string
  name: string
  policy_id: number | null
  amount: string | null
  description: string
  org: IdName
  created_at: string
  updated_at: string
  counts?: Record<string, number>
}

export interface BenefitBody {
  code: string
  name: string
  policy_id?: number | null
  amount?: string | null
  description?: string
}

export interface Eligibility {
  id: number
  status: string
  status_label: string
  pushed_at: string
  confirmed_at: string | null
  forwarded_at: string | null
  actions: string[]
  business: { id: number; uscc: string; name: string }
  source: string
  platform_ref: string
  forward_attempts: number
  last_error: string
  forward_gave_up: boolean
  next_attempt_at: string | null
}

export interface EligibilityDetail extends Eligibility {
  timeline: { action?: string; action_label?: string; status?: string; status_label?: string; note?: string; at: string; actor?: string | null; [k: string]: unknown }[]
  attempts: { number: number; ok: boolean; http_status: number | null; error: string; duration_ms: number | null; at: string }[]
}

export interface BenefitRun {
  id: number
  benefit_id: number
  kind: string
  status: string
  criteria: unknown
  total: number
  created: number
  skipped: number
  failed: number
  failures: { row: number; uscc: string; code: string; message: string }[]
  error: string | null
  created_at: string
  finished_at: string | null
}

// ---- 名特优新 (recognition, docs/recognition.md) ----

export interface RecognitionOptions {
  categories: { value: string; label: string; name: string }[]
  statuses: ValueLabel[]
  notice_statuses: ValueLabel[]
  subject_types: ValueLabel[]
  material_types: ValueLabel[]
  steps: ValueLabel[]
}

export interface RecognitionCategory {
  code: string
  label: string
  name: string
  requirements?: string
}

export interface RecognitionNotice {
  id: number
  title: string
  status: 'draft' | 'published' | 'closed' | 'withdrawn'
  status_label: string
  categories: RecognitionCategory[]
  starts_at: string
  ends_at: string
  period_state: string
  period_state_label: string
  is_open: boolean
  published_at: string | null
  org: IdName
  allowed_actions: string[]
  content?: string
  promise?: string
  application_counts?: Record<string, number>
}

export interface RecognitionNoticeBody {
  title: string
  content: string
  promise: string
  categories: { code: string; requirements: string }[]
  starts_at: string
  ends_at: string
}

export interface RecognitionFile {
  id: number
  name: string
  content_type: string
  size: number
  url: string
}

export interface RecognitionApplication {
  id: number
  notice: { id: number; title: string }
  business: { id: number; name: string; uscc?: string }
  status: string
  status_label: string
  category: RecognitionCategory | null
  reason: string | null
  submitted_at: string | null
  decided_at: string | null
  allowed_actions: string[]
}

export interface RecognitionApplicationDetail extends RecognitionApplication {
  data: {
    info: { employees: number; social_insured: number; revenue: string; net_profit: string; introduction: string; money_unit: string } | null
    declaration: { subject_type: string; subject_type_label: string; subject_name: string; highlights: string; qualification_images: RecognitionFile[] } | null
    materials: { type: string; type_label: string; file: RecognitionFile | null }[] | null
    category: RecognitionCategory | null
  }
  business: { id: number; name: string; uscc: string; operator_name: string; industry: string | null; address: string | null; region_code: string; established_on: string | null; status: string }
  risk: { since: string; penalties: Penalty[]; listings: Listing[]; penalty_count: number; listed_now: number; serious_violation: boolean }
  timeline: { action: string; action_label: string; to_status_label: string; actor_name: string | null; org_name: string | null; comment: string; at: string }[]
}

// ---- 党建 (party, docs/party.md) ----

export interface PartyActivity {
  id: number
  title: string
  place: string
  description?: string
  starts_at: string
  ends_at: string
  capacity: number
  signed_up_count: number
  remaining: number
  status: 'draft' | 'published' | 'cancelled'
  status_label: string
  phase: string
  phase_label: string
  checkin_opens_at: string
  checkin_closes_at: string
  org: IdName
  published_at: string | null
  cancelled_at: string | null
  cancel_reason: string
  checked_in_count: number
  created_by: IdName | null
  actions: string[]
  qr_url: string | null
}

export interface PartyActivityBody {
  title: string
  place: string
  description: string
  starts_at: string
  ends_at: string
  capacity: number
}

export interface PartySignup {
  id: number
  business: { id: number; name: string; uscc: string | null }
  member_id: number | null
  member_name: string
  gender_label: string
  id_number_masked: string | null
  phone_masked: string | null
  position: string
  signed_up_at: string
  checked_in: boolean
  checked_in_at: string | null
}

export interface VolunteerRecord {
  id: number
  business: IdName
  service_date: string
  place: string
  content: string
  participants: { member_id?: number; name: string }[]
  participant_count: number
  hours: number
  photos: { id: number; name: string; url: string }[]
  created_at: string
}

export interface PartyStory {
  id: number
  title: string
  summary: string
  subject: string
  body_html?: string
  cover_url: string | null
  cover_file_id: number | null
  org: IdName
  published_at: string | null
  status: 'draft' | 'published' | 'withdrawn'
  status_label: string
  author: IdName | null
  actions: string[]
}

export interface PartyStoryBody {
  title: string
  summary: string
  subject: string
  body_html: string
}

// ---- 系统 (audit log) ----

export interface AuditLog {
  id: number
  actor_id: number | null
  actor_name: string | null
  action: string
  target_type: string
  target_id: string | null
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  ip: string | null
  created_at: string
}
