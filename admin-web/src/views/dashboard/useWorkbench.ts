// 工作台 data: to-do counts per queue the user's permissions give, due-soon / overdue items,
// and the appeal statistics of the user's org subtree as charts.
import { computed, ref, shallowRef } from 'vue'
import { countAppeals, getAppealStats, listAppeals } from '@/api/appeals'
import { countCreditApplications, listCreditApplications } from '@/api/credit'
import { listLoanApplications } from '@/api/loans'
import { listRecognitionApplications } from '@/api/recognition'
import type { AppealCounts, AppealItem, AppealStats, CreditApplication, CreditCounts, LoanApplication, Page, RecognitionApplication } from '@/api/types'
import type { ChartOption } from '@/components/EChart.vue'
import { useSessionStore } from '@/stores/session'
import { onTimeOption, satisfactionOption, trendOption, type TrendPoint } from '../appeals/stats/useAppealStats'

export const APPEAL_VIEW = ['appeal:desk', 'appeal:handle', 'appeal:supervise', 'appeal:stats']
export const CREDIT_VIEW = ['credit:accept', 'credit:review', 'credit:approve']
/** Appeal states still waiting for someone (the API scopes which ones the user sees). */
export const OPEN_APPEAL_STATUSES = ['submitted', 'accepted', 'transferred', 'reported']
/** Rows of a to-do list read for its due items (and, for queues without a count endpoint, to count it). */
export const CREDIT_SCAN = 100

export interface TodoCard {
  key: string
  title: string
  count: number
  /** More than `count` (the list was cut). */
  more: boolean
  dueSoon: number
  overdue: number
  path: string
  /** False for a queue without time limits (no due-soon / overdue tags). */
  timed?: boolean
}

export interface DueItem {
  key: string
  queue: string
  title: string
  subtitle: string
  state: 'due_soon' | 'overdue'
  due: string
  path: string
}

export function appealTodo(all: AppealCounts, dueSoon: AppealCounts, overdue: AppealCounts): TodoCard {
  const open = (c: AppealCounts) => c.by_status.filter((s) => OPEN_APPEAL_STATUSES.includes(s.status)).reduce((n, s) => n + s.count, 0)
  return { key: 'appeals', title: '待办诉求', count: open(all), more: false, dueSoon: open(dueSoon), overdue: open(overdue), path: '/appeals' }
}

export function creditTodo(counts: CreditCounts): TodoCard {
  return { key: 'credit', title: '信用修复待办', count: counts.total, more: false, dueSoon: counts.due_soon, overdue: counts.overdue, path: '/credit' }
}

/** Bank staff: applications of their institution still waiting for a step (the API gives `allowed_actions`). */
export function loanTodo(page: Page<LoanApplication>): TodoCard {
  const open = page.items.filter((a) => a.allowed_actions.length > 0)
  return { key: 'loans', title: '贷款申请待办', count: open.length, more: !!page.next, dueSoon: 0, overdue: 0, path: '/loans/applications', timed: false }
}

/** 名特优新 reviewers: applications waiting for 受理 or a decision. */
export function recognitionTodo(page: Page<RecognitionApplication>): TodoCard {
  const open = page.items.filter((a) => a.allowed_actions.length > 0)
  return { key: 'recognition', title: '名特优新待审', count: open.length, more: !!page.next, dueSoon: 0, overdue: 0, path: '/recognition/applications', timed: false }
}

const appealDue = (a: AppealItem): DueItem => ({
  key: `appeal-${a.id}`,
  queue: '诉求',
  title: a.title,
  subtitle: `${a.business?.name ?? ''} · ${a.status_label}`,
  state: a.overdue ? 'overdue' : 'due_soon',
  due: a.finish_due_at ?? a.transfer_due_at ?? '',
  path: `/appeals/${a.id}`,
})

const creditDue = (a: CreditApplication): DueItem => ({
  key: `credit-${a.id}`,
  queue: '信用修复',
  title: `${a.business_name}（${a.kind_label}）`,
  subtitle: `${a.number} · ${a.status_label}`,
  state: a.limits.due_state === 'overdue' ? 'overdue' : 'due_soon',
  due: a.limits.current_due_on ?? '',
  path: `/credit/${a.id}`,
})

/** Overdue first, then by due date; one row per item. */
export function dueItems(appeals: AppealItem[], credit: CreditApplication[]): DueItem[] {
  const seen = new Set<string>()
  const rows = [
    ...appeals.map(appealDue),
    ...credit.filter((a) => a.limits?.due_state === 'due_soon' || a.limits?.due_state === 'overdue').map(creditDue),
  ].filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)))
  return rows.sort((a, b) => (a.state === b.state ? a.due.localeCompare(b.due) : a.state === 'overdue' ? -1 : 1))
}

export function trendPoints(stats: AppealStats): TrendPoint[] {
  return (stats.by_month ?? []).map((m) => ({ label: m.month, received: m.received, finished: m.finished, overdue: m.overdue }))
}

export function typeOption(rows: { label: string; count: number }[]): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0 },
    series: [{ name: '诉求类型', type: 'pie', radius: ['35%', '65%'], data: rows.map((r) => ({ name: r.label, value: r.count })) }],
  } as ChartOption
}

const pad = (n: number) => String(n).padStart(2, '0')
/** The last six calendar months up to today. */
export function lastMonths(today = new Date(), count = 6): [string, string] {
  const start = new Date(today.getFullYear(), today.getMonth() - (count - 1), 1)
  return [`${start.getFullYear()}-${pad(start.getMonth() + 1)}-01`, `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`]
}

export function useWorkbench() {
  const session = useSessionStore()
  const cards = ref<TodoCard[]>([])
  const due = ref<DueItem[]>([])
  const loading = ref(false)
  const error = ref<string | null>(null)

  const canStats = computed(() => session.hasPerm('appeal:stats'))
  const period = lastMonths()
  const stats = shallowRef<AppealStats | null>(null)
  const trend = shallowRef<TrendPoint[]>([])
  const byType = shallowRef<{ label: string; count: number }[]>([])
  const statsLoading = ref(false)
  const statsError = ref<string | null>(null)

  async function loadWork(): Promise<void> {
    loading.value = true
    error.value = null
    const next: TodoCard[] = []
    let appealRows: AppealItem[] = []
    let creditRows: CreditApplication[] = []
    const failures: string[] = []
    const tasks: Promise<void>[] = []
    if (session.hasPerm(APPEAL_VIEW)) {
      tasks.push(
        Promise.all([
          countAppeals({}),
          countAppeals({ due_soon: true }),
          countAppeals({ overdue: true }),
          listAppeals({ overdue: true, limit: 10 }),
          listAppeals({ due_soon: true, limit: 10 }),
        ]).then(
          ([all, soon, late, lateRows, soonRows]) => {
            next.push(appealTodo(all, soon, late))
            appealRows = [...lateRows.items, ...soonRows.items].filter((a) => OPEN_APPEAL_STATUSES.includes(a.status))
          },
          () => void failures.push('诉求'),
        ),
      )
    }
    if (session.hasPerm(CREDIT_VIEW)) {
      tasks.push(
        Promise.all([countCreditApplications(true), listCreditApplications({ todo: true, limit: CREDIT_SCAN })]).then(
          ([counts, page]) => {
            next.push(creditTodo(counts))
            creditRows = page.items
          },
          () => void failures.push('信用修复'),
        ),
      )
    }
    if (session.hasPerm('loan:handle')) {
      tasks.push(
        listLoanApplications({ limit: CREDIT_SCAN }).then(
          (page) => void next.push(loanTodo(page)),
          () => void failures.push('贷款'),
        ),
      )
    }
    if (session.hasPerm('recognition:review')) {
      tasks.push(
        listRecognitionApplications({ limit: CREDIT_SCAN }).then(
          (page) => void next.push(recognitionTodo(page)),
          () => void failures.push('名特优新'),
        ),
      )
    }
    await Promise.all(tasks)
    const order = ['appeals', 'credit', 'loans', 'recognition']
    cards.value = next.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))
    due.value = dueItems(appealRows, creditRows)
    error.value = failures.length ? `${failures.join('、')}待办加载失败` : null
    loading.value = false
  }

  async function loadStats(): Promise<void> {
    if (!canStats.value) return
    statsLoading.value = true
    statsError.value = null
    const [from, to] = period
    const q = { date_from: from, date_to: to }
    try {
      // One grouped scan each: per org (on-time rates), per month (trend), per type.
      const [total, perMonth, perType] = await Promise.all([
        getAppealStats(q),
        getAppealStats({ ...q, group_by: 'month' }),
        getAppealStats({ ...q, group_by: 'type' }),
      ])
      stats.value = total
      trend.value = trendPoints(perMonth)
      byType.value = (perType.by_type ?? []).map((t) => ({ label: t.label, count: t.received }))
    } catch {
      statsError.value = '诉求统计加载失败'
    } finally {
      statsLoading.value = false
    }
  }

  const trendChart = computed(() => trendOption(trend.value))
  const typeChart = computed(() => typeOption(byType.value))
  const onTimeChart = computed(() => onTimeOption(stats.value))
  const satisfactionChart = computed(() => satisfactionOption(stats.value))

  return {
    cards,
    due,
    loading,
    error,
    loadWork,
    canStats,
    period,
    stats,
    statsLoading,
    statsError,
    loadStats,
    trendChart,
    typeChart,
    onTimeChart,
    satisfactionChart,
  }
}
