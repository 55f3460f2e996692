// Shared bits of the 信用修复 screens: labels, tag colours, the due badge, the progress steps,
// and the options (kinds, statuses, material types) loaded once per session.
import { ref } from 'vue'
import { getCreditOptions } from '@/api/credit'
import type { CreditApplication, CreditApplicationDetail, CreditLimits, CreditOptions } from '@/api/types'

export type TagType = 'success' | 'warning' | 'danger' | 'info' | 'primary'

export const CREDIT_PERMS = ['credit:accept', 'credit:review', 'credit:approve']

export const CREDIT_ACTION_LABELS: Record<string, string> = {
  accept: '受理',
  transfer: '转办',
  review: '审核通过',
  approve: '审批通过',
  return: '退回',
  refuse: '不予修复',
}

/** What 退回 means depends on the step the application is at. */
export function actionLabel(action: string, status?: string): string {
  if (action === 'return') {
    if (status === 'submitted') return '退回补正'
    if (status === 'reviewing') return '退回经办'
    if (status === 'approving') return '退回审核'
  }
  return CREDIT_ACTION_LABELS[action] ?? action
}

export function creditStatusTag(status: string): TagType {
  switch (status) {
    case 'submitted':
      return 'warning'
    case 'reviewing':
    case 'approving':
      return 'primary'
    case 'approved':
      return 'success'
    case 'refused':
      return 'danger'
    default:
      return 'info'
  }
}

export interface DueBadge {
  text: string
  type: TagType
}

/** Working days left, 即将到期 or 已超期, from the API's `limits`. */
export function creditDueBadge(limits: CreditLimits | null | undefined): DueBadge {
  if (!limits || limits.due_state === 'none' || !limits.current_due_on) return { text: '—', type: 'info' }
  const due = `（${limits.current_due_on}）`
  if (limits.due_state === 'overdue') return { text: `已超期${due}`, type: 'danger' }
  const left = limits.working_days_left
  if (limits.due_state === 'due_soon') return { text: `即将到期，剩${left ?? 0}个工作日`, type: 'warning' }
  return { text: left != null ? `剩${left}个工作日` : `期限${due}`, type: 'success' }
}

export const PROGRESS_STEPS = ['提交申请', '受理', '审核', '审批', '办结']

export interface Progress {
  active: number
  /** 'error' for a refusal, 'wait' while the applicant must resubmit. */
  status: 'process' | 'finish' | 'error' | 'wait'
  hint: string
}

/** Where an application stands on 提交 → 受理 → 审核 → 审批 → 办结. */
export function creditProgress(app: Pick<CreditApplication, 'status' | 'last_reason'> & { events?: CreditApplicationDetail['events'] }): Progress {
  switch (app.status) {
    case 'submitted':
      return { active: 1, status: 'process', hint: '待经办人受理' }
    case 'reviewing':
      return { active: 2, status: 'process', hint: '待审核' }
    case 'approving':
      return { active: 3, status: 'process', hint: '待审批' }
    case 'approved':
      return { active: 5, status: 'finish', hint: '已办结，准予信用修复' }
    case 'withdrawn':
      return { active: 1, status: 'wait', hint: '申请人已撤回申请' }
    case 'returned':
      return { active: 1, status: 'wait', hint: `已退回申请人补正${app.last_reason ? `：${app.last_reason}` : ''}` }
    case 'refused': {
      // The step that refused it: the last event's from_status.
      const last = app.events?.filter((e) => e.action === 'refuse').at(-1)
      const at = last?.from_status === 'approving' ? 3 : last?.from_status === 'reviewing' ? 2 : 1
      return { active: at, status: 'error', hint: `不予修复${app.last_reason ? `：${app.last_reason}` : ''}` }
    }
    default:
      return { active: 0, status: 'process', hint: '' }
  }
}

let cached: Promise<CreditOptions> | null = null

/** Kinds / statuses / material types; fetched once, retried after a failure. */
export function useCreditOptions() {
  const options = ref<CreditOptions | null>(null)
  async function load(): Promise<void> {
    cached ??= getCreditOptions().catch((error) => {
      cached = null
      throw error
    })
    try {
      options.value = await cached
    } catch {
      // shown by the request client; selects stay empty
    }
  }
  return { options, load }
}

/** For tests. */
export function resetCreditOptionsCache(): void {
  cached = null
}
