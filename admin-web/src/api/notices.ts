// 双告知 (docs/notices.md): /api/v1/admin/notices. Shapes kept here so the domain merges on its own.
import { downloadFile, http } from './request'
import type { IdName, Page, PageQuery } from './types'

export type NoticeStatus = 'unreceived' | 'received' | 'answered'
export type NoticeColor = 'red' | 'yellow' | 'green'
export type FeedbackResult = 'issued' | 'refused' | 'other_level' | 'not_applied'

export interface NoticeDepartment {
  id: number
  name: string
  org_id: number
  org_name: string
  members?: { id: number; username: string; name: string }[]
}

export interface NoticeRule {
  id: number
  keyword: string
  item: string
  department: IdName
}

export interface NoticeFeedback {
  result: FeedbackResult
  result_label: string
  cert_no: string
  cert_name: string
  issuing_authority: string
  issued_on: string | null
  valid_from: string | null
  valid_to: string | null
  long_term: boolean
  permit_content: string
  remark: string
  answered_at: string | null
  answered_by: string
}

export interface Notice {
  id: number
  business: { id: number; name: string; uscc: string | null; kind: string; address: string | null; established_on: string | null }
  scope: string
  approved_on: string
  application_type: 'establish' | 'change'
  application_type_label: string
  item: string
  keywords: string[]
  department: IdName
  status: NoticeStatus
  status_label: string
  color: NoticeColor
  unreceived_too_long: boolean
  created_at: string
  received_at: string | null
  received_by: string
  feedback: NoticeFeedback | null
}

export interface NoticeFilters {
  status?: NoticeStatus
  q?: string
  item?: string
  department_id?: number
  overdue?: boolean
}

export interface InboxPage extends Page<Notice> {
  counts?: Record<NoticeStatus, number>
}

export interface AnswerBody {
  result: FeedbackResult
  cert_no: string
  cert_name: string
  issuing_authority: string
  issued_on: string | null
  valid_from: string | null
  valid_to: string | null
  permit_content: string
  remark: string
}

const N = '/notices'

export const listDepartments = () => http.get<{ items: NoticeDepartment[] }>(`${N}/departments`)
export const createDepartment = (body: { name: string; org_id: number }) => http.post<NoticeDepartment>(`${N}/departments`, body)
export const addDepartmentMember = (id: number, username: string) => http.post<NoticeDepartment>(`${N}/departments/${id}/members`, { username })
export const listNoticeRules = () => http.get<{ items: NoticeRule[] }>(`${N}/rules`)
export const createNoticeRule = (body: { keyword: string; item: string; department_id: number }) => http.post<NoticeRule>(`${N}/rules`, body)
export const deleteNoticeRule = (id: number) => http.delete<null>(`${N}/rules/${id}`)

export const queryNotices = (query: NoticeFilters & PageQuery) => http.get<Page<Notice>>(N, { ...query })
export const getNotice = (id: number) => http.get<Notice>(`${N}/${id}`)

export const listInbox = (query: NoticeFilters & PageQuery) => http.get<InboxPage>(`${N}/inbox`, { ...query })
export const receiveNotices = (ids: number[]) => http.post<{ received: number; ids: number[] }>(`${N}/inbox/receive`, { ids })
export const exportInbox = (format: 'xlsx' | 'xml', status: NoticeStatus = 'received') =>
  downloadFile(`${N}/inbox/export`, `告知接收.${format}`, { status, format })
export const answerNotice = (id: number, body: AnswerBody) => http.post<Notice>(`${N}/inbox/${id}/answer`, body)
