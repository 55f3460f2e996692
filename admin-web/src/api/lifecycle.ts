// 全生命周期 (docs/lifecycle.md): GET /api/v1/admin/lifecycle/{business_id}, staff with entity:read in scope.
import { http } from './request'

export type LifecycleKind =
  | 'registration'
  | 'permit'
  | 'penalty'
  | 'notice'
  | 'inspection'
  | 'warning'
  | 'punishment'
  | 'support'
  | 'annual'

export interface LifecycleEvent {
  date: string
  year: number
  kind: LifecycleKind
  kind_label: string
  title: string
  detail: string
  ref: { type: string; id: number } | null
}

export interface Lifecycle {
  business: {
    id: number
    name: string
    uscc: string
    kind: string
    operator_name: string
    status: string
    established_on: string | null
  }
  /** Every year with an event, newest first (for the year picker). */
  years: number[]
  /** The detail tabs with their event counts (independent of the year / kind filters). */
  tabs: { kind: LifecycleKind; label: string; count: number }[]
  events: LifecycleEvent[]
}

export interface LifecycleQuery {
  year?: number
  kind?: LifecycleKind
}

export const getLifecycle = (businessId: number, query: LifecycleQuery = {}) =>
  http.get<Lifecycle>(`/lifecycle/${businessId}`, { ...query })
