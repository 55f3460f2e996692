// How a notice's state looks everywhere: 未接收 red, 已接收 yellow, 已反馈 green.
import type { Notice, NoticeColor, NoticeFilters, NoticeStatus } from '@/api/notices'

export const NOTICE_STATUSES: { value: NoticeStatus; label: string }[] = [
  { value: 'unreceived', label: '未接收' },
  { value: 'received', label: '已接收' },
  { value: 'answered', label: '已反馈' },
]

const TAG: Record<NoticeColor, 'danger' | 'warning' | 'success'> = { red: 'danger', yellow: 'warning', green: 'success' }

/** Element Plus tag type of the API's colour (the API decides the colour, not the client). */
export const noticeTagType = (notice: Pick<Notice, 'color'>) => TAG[notice.color] ?? 'info'

export interface NoticeSearch {
  status: NoticeStatus | ''
  q: string
  item: string
  department_id: number | null
  overdue: boolean
}

export const blankNoticeSearch = (status: NoticeStatus | '' = ''): NoticeSearch => ({ status, q: '', item: '', department_id: null, overdue: false })

export function toNoticeFilters(form: NoticeSearch): NoticeFilters {
  const filters: NoticeFilters = {}
  if (form.status) filters.status = form.status
  if (form.q.trim()) filters.q = form.q.trim()
  if (form.item.trim()) filters.item = form.item.trim()
  if (form.department_id) filters.department_id = form.department_id
  if (form.overdue) filters.overdue = true
  return filters
}
