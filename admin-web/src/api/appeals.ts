import { downloadFile, http } from './request'
import type {
  AppealCounts,
  AppealDetail,
  AppealFilters,
  AppealItem,
  AppealOptions,
  AppealStats,
  Page,
  PageQuery,
  StatsQuery,
} from './types'

export const getAppealOptions = () => http.get<AppealOptions>('/appeals/options')
export const listAppeals = (query: AppealFilters & PageQuery) => http.get<Page<AppealItem>>('/appeals', { ...query })
export const countAppeals = (query: AppealFilters) => http.get<AppealCounts>('/appeals/counts', { ...query })
export const exportAppeals = (query: AppealFilters) => downloadFile('/appeals/export', '诉求列表.xlsx', { ...query })
export const getAppeal = (id: number) => http.get<AppealDetail>(`/appeals/${id}`)
export const downloadAppealFile = (url: string, name: string) => downloadFile(url, name)

export interface AcceptBody {
  comment?: string
  type?: string
  department?: string
}
export interface TransferBody {
  unit_org_id: number
  requirements: string
  due_at?: string | null
}
export interface OutOfScopeBody {
  department_name: string
  contact_person: string
  phone: string
  comment?: string
}

export const acceptAppeal = (id: number, body: AcceptBody) => http.post<AppealDetail>(`/appeals/${id}/accept`, body)
export const transferAppeal = (id: number, body: TransferBody) => http.post<AppealDetail>(`/appeals/${id}/transfer`, body)
export const replyOutOfScope = (id: number, body: OutOfScopeBody) =>
  http.post<AppealDetail>(`/appeals/${id}/reply-out-of-scope`, body)
export const reportAppeal = (id: number, body: { result: string; files: number[] }) =>
  http.post<AppealDetail>(`/appeals/${id}/report`, body)
export const sendBackAppeal = (id: number, body: { reason: string }) => http.post<AppealDetail>(`/appeals/${id}/send-back`, body)
export const replyAppeal = (id: number, body: { reply: string; files: number[] }) => http.post<AppealDetail>(`/appeals/${id}/reply`, body)
export const superviseAppeal = (id: number, body: { content: string }) => http.post<AppealDetail>(`/appeals/${id}/supervise`, body)

export const listOverdueAppeals = (query: PageQuery) => http.get<Page<AppealItem>>('/appeals/overdue', { ...query })
export const getAppealStats = (query: StatsQuery) => http.get<AppealStats>('/appeals/stats', { ...query })
export const exportAppealStats = (query: StatsQuery) => downloadFile('/appeals/stats/export', '诉求统计.xlsx', { ...query })
