// 双随机 (docs/supervision.md): catalog, inspector pool, plans and their draw / confirmation / assignment,
// result entry and review under /api/v1/admin/inspections.
import { downloadFile, http } from './request'
import type { IdName, Page, PageQuery } from './types'

export type PlanStatus = 'draft' | 'submitted' | 'approved' | 'drawn' | 'confirmed' | 'assigned'

export interface PlanEvent {
  action: string
  from_status: string | null
  to_status: string | null
  comment: string
  actor_name: string | null
  payload: Record<string, unknown>
  created_at: string
}

export interface InspectionPlan {
  id: number
  code: string
  org_id: number
  org_name: string | null
  name: string
  made_on: string
  start_on: string | null
  end_on: string | null
  basis: string
  lead_department: string
  partner_departments: string[]
  requirements: string
  grouping: string
  grouping_label: string
  ratio: string | null
  group_size: number | null
  team_size: number
  scope_mode: 'filter' | 'sample'
  scope_mode_label: string
  filters: Record<string, unknown>
  skip_twice: boolean
  content_ids: number[]
  opinion: string
  status: PlanStatus
  status_label: string
  actions: string[]
  draw: {
    seed: string | number
    algorithm: string
    fingerprint: string
    candidate_count: number
    drawn_count: number
    drawn_at: string
    /** Detail only: {org_id: [candidates, quota]}. */
    quotas?: Record<string, [number, number]>
  } | null
  created_at: string
  updated_at: string
}

export interface InspectionPlanDetail extends InspectionPlan {
  events: PlanEvent[]
  sample_count: number
  must_check_count: number
}

export interface PlanFilters {
  name?: string
  status?: PlanStatus
  made_from?: string
  made_to?: string
}

const P = '/inspections/plans'

export const listPlans = (query: PlanFilters & PageQuery) => http.get<Page<InspectionPlan>>(P, { ...query })
export const exportPlans = (query: PlanFilters) => downloadFile(`${P}/export`, '抽查方案.xlsx', { ...query })
export const getPlan = (id: number) => http.get<InspectionPlanDetail>(`${P}/${id}`)

// ---------------------------------------------------------------- catalog 随机抽查事项清单

export type ResultType = 'choice' | 'numeric' | 'text' | 'boolean'

export interface CheckContent {
  id: number
  subitem_id: number
  content: string
  result_type: ResultType
  result_type_label: string
  options: string[]
  unit: string
  sort: number
  enabled: boolean
}

export interface CheckSubItem {
  id: number
  item_id: number
  name: string
  method: string
  basis: string
  sort: number
  enabled: boolean
  contents: CheckContent[]
}

export interface CheckItem {
  id: number
  name: string
  line: string
  sort: number
  enabled: boolean
  org_id: number | null
  subitems: CheckSubItem[]
}

export interface ItemBody {
  name: string
  line?: string
  sort?: number
  enabled?: boolean
}
export interface SubItemBody {
  name: string
  method: string
  basis: string
  sort?: number
  enabled?: boolean
}
export interface ContentBody {
  content: string
  result_type: ResultType
  options?: string[]
  unit?: string
  sort?: number
  enabled?: boolean
}

const I = '/inspections'

export const getCatalog = (query: { line?: string; enabled_only?: boolean } = {}) => http.get<CheckItem[]>(`${I}/catalog`, { ...query })
export const createItem = (body: ItemBody) => http.post<CheckItem>(`${I}/items`, body)
export const updateItem = (id: number, body: Partial<ItemBody>) => http.patch<CheckItem>(`${I}/items/${id}`, body)
export const createSubItem = (itemId: number, body: SubItemBody) => http.post<CheckSubItem>(`${I}/items/${itemId}/subitems`, body)
export const updateSubItem = (id: number, body: Partial<SubItemBody>) => http.patch<CheckSubItem>(`${I}/subitems/${id}`, body)
export const createContent = (subitemId: number, body: ContentBody) => http.post<CheckContent>(`${I}/subitems/${subitemId}/contents`, body)
/** The result type is fixed once created. */
export const updateContent = (id: number, body: Partial<Omit<ContentBody, 'result_type'>>) => http.patch<CheckContent>(`${I}/contents/${id}`, body)

// ---------------------------------------------------------------- inspector pool 执法人员名录库

export type InspectorType = 'general' | 'technical' | 'enforcement' | 'other'

export interface Inspector {
  id: number
  staff_id: number
  org_id: number
  org_name: string | null
  name: string
  gender: '' | '男' | '女'
  education: string
  types: InspectorType[]
  type_labels: string[]
  categories: string[]
  region: string
  cert_no: string
  cert_valid_from: string | null
  cert_valid_to: string | null
  cert_valid: boolean
  cert_issuer: string
  skills: string[]
  on_duty: boolean
  note: string
  status: 'active' | 'withdrawn'
  status_label: string
}

export interface Recusal {
  id: number
  business_id: number
  business_name: string | null
  uscc: string | null
  reason: string
}

export interface InspectorDetail extends Inspector {
  recusals: Recusal[]
}

export interface InspectorFields {
  gender?: '' | '男' | '女'
  education?: string
  types: InspectorType[]
  categories: string[]
  region?: string
  cert_no?: string
  cert_valid_from?: string | null
  cert_valid_to?: string | null
  cert_issuer?: string
  skills?: string[]
  on_duty?: boolean
  note?: string
}

export interface InspectorFilters {
  name?: string
  org_id?: number
  status?: 'active' | 'withdrawn' | 'all'
  type?: InspectorType
  category?: string
  on_duty?: boolean
}

export interface ImportRow {
  row: number
  name: string
  cert_no: string
  categories: string
  org_name: string | null
  status: string
  status_label: string
  reason: string
}

export interface ImportReport {
  total: number
  imported: number
  failed: number
  counts: Record<string, number>
  summary: string
  rows: ImportRow[]
}

export const listInspectors = (query: InspectorFilters & PageQuery) => http.get<Page<Inspector>>(`${I}/inspectors`, { ...query })
export const getInspector = (id: number) => http.get<InspectorDetail>(`${I}/inspectors/${id}`)
/** An account of the manager's subtree that may join the pool (the pool's own lookup: no user:read needed). */
export interface StaffCandidate {
  id: number
  name: string
  username: string
  org: { id: number; name: string }
  is_inspector: boolean
}
export const lookupStaff = (q: string) => http.get<{ items: StaffCandidate[] }>(`${I}/staff`, { q, limit: 20 })
export const createInspector = (body: InspectorFields & { staff_id: number }) => http.post<Inspector>(`${I}/inspectors`, body)
export const updateInspector = (id: number, body: Partial<InspectorFields>) => http.patch<Inspector>(`${I}/inspectors/${id}`, body)
export const withdrawInspector = (id: number, reason = '') => http.post<Inspector>(`${I}/inspectors/${id}/withdraw`, { reason })
export const restoreInspector = (id: number, reason = '') => http.post<Inspector>(`${I}/inspectors/${id}/restore`, { reason })
export const addRecusal = (id: number, body: { code: string; reason: string }) => http.post<Recusal>(`${I}/inspectors/${id}/recusals`, body)
export const deleteRecusal = (id: number, recusalId: number) => http.delete<null>(`${I}/inspectors/${id}/recusals/${recusalId}`)
export const downloadInspectorTemplate = () => downloadFile(`${I}/inspectors/template`, '执法检查人员名录导入模板.xlsx')
export const exportInspectors = (query: InspectorFilters) => downloadFile(`${I}/inspectors/export`, '执法人员名录.xlsx', { ...query })
export function importInspectors(file: File): Promise<ImportReport> {
  const form = new FormData()
  form.append('file', file)
  return http.post<ImportReport>(`${I}/inspectors/imports`, form)
}

// ---------------------------------------------------------------- plan writes 方案编制、核准、抽取、确认、选派

export interface ScopeFilters {
  org_ids: number[]
  kinds: string[]
  statuses: string[]
  industries: string[]
  region_prefix: string
  name_contains: string
  established_from: string | null
  established_to: string | null
}

export interface PlanBody {
  name?: string
  start_on?: string | null
  end_on?: string | null
  basis?: string
  lead_department?: string
  partner_departments?: string[]
  requirements?: string
  grouping?: string
  ratio?: string | null
  group_size?: number | null
  team_size?: number
  scope_mode?: 'filter' | 'sample'
  filters?: Partial<ScopeFilters>
  skip_twice?: boolean
  content_ids?: number[]
  opinion?: string
}

export interface PreviewGroup {
  org_id: number
  org_name: string | null
  candidates: number
  quota: number
}

export interface DrawVerify {
  seed: string | number
  algorithm: string
  fingerprint: string
  fingerprint_now: string
  candidates_unchanged: boolean
  same_list: boolean
  drawn_count: number
}

export interface PlanTarget {
  id: number
  plan_id: number
  business_id: number
  business_name: string | null
  uscc: string | null
  reg_no: string | null
  kind_label: string | null
  operator_name: string | null
  address: string | null
  org_id: number
  org_name: string | null
  region_code: string | null
  must_check: boolean
  pack_no: number | null
  draw_key: string | number | null
  confirm: 'pending' | 'check' | 'skip'
  confirm_label: string
  result_status: ResultStatus
  result_status_label: string
  unmatched: 'no_inspectors' | 'recused' | null
  unmatched_label: string | null
  inspectors: IdName[]
}

export interface TargetFilters {
  confirm?: 'pending' | 'check' | 'skip'
  result_status?: ResultStatus
  name?: string
  uscc?: string
  org_id?: number
  inspector_id?: number
}

export interface Team {
  inspector_id: number
  name: string
  org_id: number
  org_name: string | null
  business_count: number
  partners: IdName[]
}

export interface AssignReply {
  matched: number
  unmatched: PlanTarget[]
  seed: string
  plan: InspectionPlanDetail
}

export const createPlan = (body: PlanBody & { name: string }) => http.post<InspectionPlanDetail>(P, body)
export const updatePlan = (id: number, body: PlanBody) => http.patch<InspectionPlanDetail>(`${P}/${id}`, body)
export const submitPlan = (id: number, comment = '') => http.post<InspectionPlanDetail>(`${P}/${id}/submit`, { comment }, { silent: true })
export const approvePlan = (id: number, comment = '') => http.post<InspectionPlanDetail>(`${P}/${id}/approve`, { comment })
export const rejectPlan = (id: number, comment: string) => http.post<InspectionPlanDetail>(`${P}/${id}/reject`, { comment })
export const setSample = (id: number, codes: string[]) => http.post<{ count: number }>(`${P}/${id}/sample`, { codes }, { silent: true })
export const setMustCheck = (id: number, codes: string[]) => http.post<{ count: number }>(`${P}/${id}/must_check`, { codes }, { silent: true })
export const previewPlan = (id: number) => http.get<{ candidate_count: number; quota_total: number; groups: PreviewGroup[] }>(`${P}/${id}/preview`)
/** The seed goes as a decimal string: seeds reach 2^62, beyond a JavaScript number's exact range. */
export const drawPlan = (id: number, seed?: string | null) =>
  http.post<InspectionPlanDetail>(`${P}/${id}/draw`, seed === undefined || seed === null || seed === '' ? {} : { seed })
export const verifyDraw = (id: number) => http.get<DrawVerify>(`${P}/${id}/draw/verify`)
export const listTargets = (id: number, query: TargetFilters & PageQuery) => http.get<Page<PlanTarget>>(`${P}/${id}/targets`, { ...query })
export const exportTargets = (id: number, query: TargetFilters) => downloadFile(`${P}/${id}/targets/export`, '抽查名单.xlsx', { ...query })
export const confirmTargets = (id: number, targetIds: number[], decision: 'check' | 'skip') =>
  http.post<{ updated: number; pending: number }>(`${P}/${id}/confirm`, { target_ids: targetIds, decision })
export const finishConfirm = (id: number) => http.post<InspectionPlanDetail>(`${P}/${id}/finish_confirm`)
export const assignInspectors = (id: number, inspectorIds: number[]) => http.post<AssignReply>(`${P}/${id}/assign`, { inspector_ids: inspectorIds })
export const listTeams = (id: number) => http.get<Team[]>(`${P}/${id}/teams`)
export const adjustInspector = (id: number, body: { from_inspector_id: number; to_inspector_id: number; reason: string }) =>
  http.post<{ id: number; business_count: number; from_inspector_id: number; to_inspector_id: number; reason: string }>(`${P}/${id}/adjust`, body, { silent: true })

// ---------------------------------------------------------------- results 抽查结果

export type ResultStatus = 'pending' | 'entered' | 'returned' | 'published'
export type AnswerValue = string | number | boolean

export interface InspectionResult {
  method: 'on_site' | 'documents'
  method_label: string
  outcome: 'normal' | 'problem'
  outcome_label: string
  problems: string
  handling: string
  note: string
  checked_on: string
  answers: { content_id: number; content: string; result_type: ResultType; value: AnswerValue; unit: string }[]
  entered_by_id: number | null
  entered_at: string | null
  reviewed_at: string | null
  review_comment: string
}

export interface TaskTarget extends PlanTarget {
  plan_name: string
  start_on: string | null
  end_on: string | null
  actions: string[]
}

export interface TargetDetail extends PlanTarget {
  plan_name: string
  contents: CheckContent[]
  result: InspectionResult | null
  actions: string[]
}

export interface InspectedTarget extends PlanTarget {
  plan_name: string | null
  result: InspectionResult | null
}

export interface ResultBody {
  method: 'on_site' | 'documents'
  outcome: 'normal' | 'problem'
  problems: string
  handling: string
  note: string
  checked_on: string
  answers: { content_id: number; value: AnswerValue }[]
}

export interface InspectedFilters {
  plan_id?: number
  name?: string
  uscc?: string
  result_status?: ResultStatus
  outcome?: 'normal' | 'problem'
}

export const listTasks = (query: { result_status?: ResultStatus } & PageQuery) => http.get<Page<TaskTarget>>(`${I}/tasks`, { ...query })
export const getTarget = (id: number) => http.get<TargetDetail>(`${I}/targets/${id}`)
export const enterResult = (id: number, body: ResultBody) => http.post<TargetDetail>(`${I}/targets/${id}/enter`, body, { silent: true })
export const reviewResult = (id: number, decision: 'publish' | 'return', comment = '') =>
  http.post<TargetDetail>(`${I}/targets/${id}/review`, { decision, comment })
export const listInspected = (query: InspectedFilters & PageQuery) => http.get<Page<InspectedTarget>>(`${I}/targets`, { ...query })
export const exportInspected = (query: InspectedFilters) => downloadFile(`${I}/targets/export`, '抽查对象.xlsx', { ...query })
