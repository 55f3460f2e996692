import { http } from './request'
import type { AuditLog, Page, PageQuery } from './types'

export const listAuditLogs = (query: { actor_id?: number; target_type?: string } & PageQuery) => http.get<Page<AuditLog>>('/audit-logs', { ...query })
