// 双随机 抽查方案 (docs/supervision.md): read-only use of /api/v1/admin/inspections/plans.
import { downloadFile, http } from './request'
import type { Page, PageQuery } from './types'

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
  draw: { seed: string | number; algorithm: string; fingerprint: string; candidate_count: number; drawn_count: number; drawn_at: string } | null
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
