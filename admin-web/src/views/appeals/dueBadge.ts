// How an appeal's time limit is shown: time left, 即将到期 or 已超期, from the API's flags.
import type { AppealItem } from '@/api/types'

export type BadgeType = 'success' | 'warning' | 'danger' | 'info'

export interface DueBadge {
  text: string
  type: BadgeType
}

/** "3天5小时", "5小时", "不足1小时" for a number of seconds. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  const days = Math.floor(s / 86400)
  const hours = Math.floor((s % 86400) / 3600)
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`
  if (hours > 0) return `${hours}小时`
  return '不足1小时'
}

type DueFields = Pick<AppealItem, 'status' | 'overdue' | 'ever_overdue' | 'due_soon' | 'time_left_seconds' | 'replied_at'>

const ANSWERED = new Set(['replied', 'closed'])

export function dueBadge(item: DueFields): DueBadge {
  if (ANSWERED.has(item.status)) {
    return item.ever_overdue ? { text: '超期办结', type: 'warning' } : { text: '按期办结', type: 'success' }
  }
  const left = item.time_left_seconds
  if (item.overdue || (left != null && left <= 0)) {
    const late = left != null && left < 0 ? `，超${formatDuration(-left)}` : ''
    return { text: `已超期${late}`, type: 'danger' }
  }
  if (left == null) return { text: '—', type: 'info' }
  if (item.due_soon) return { text: `即将到期，剩${formatDuration(left)}`, type: 'warning' }
  return { text: `剩余${formatDuration(left)}`, type: 'success' }
}

/** Tag colour of a status. */
export function statusTagType(status: string): BadgeType | 'primary' {
  switch (status) {
    case 'submitted':
      return 'warning'
    case 'accepted':
    case 'transferred':
      return 'primary'
    case 'reported':
      return 'danger'
    case 'replied':
      return 'success'
    default:
      return 'info'
  }
}

export const ACTION_LABELS: Record<string, string> = {
  accept: '受理',
  transfer: '转办',
  reply_out_of_scope: '职责范围外回复',
  report: '办结反馈',
  send_back: '退回',
  reply: '回复',
  supervise: '督办',
}

/** The permission each staff action needs (drives v-perm alongside `allowed_actions`). */
export const ACTION_PERMS: Record<string, string> = {
  accept: 'appeal:desk',
  transfer: 'appeal:desk',
  reply_out_of_scope: 'appeal:desk',
  reply: 'appeal:desk',
  report: 'appeal:handle',
  send_back: 'appeal:handle',
  supervise: 'appeal:supervise',
}

export const APPEAL_VIEW_PERMS = ['appeal:desk', 'appeal:handle', 'appeal:supervise', 'appeal:stats']
