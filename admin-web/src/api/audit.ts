import { http } from './request'
import type { AuditLog, Page, PageQuery } from './types'

export interface AuditQuery {
  actor_id?: number
  target_type?: string
  target_id?: string
  /** Exact, or a prefix when it ends with "." (e.g. "credit."). */
  action?: string
  /** The actor's name (contains). */
  q?: string
  /** Beijing days, inclusive (YYYY-MM-DD). */
  date_from?: string
  date_to?: string
}

export interface TargetType {
  value: string
  label: string
}

export const listAuditLogs = (query: AuditQuery & PageQuery) => http.get<Page<AuditLog>>('/audit-logs', { ...query })
export const listTargetTypes = () => http.get<TargetType[]>('/audit-logs/target-types')
