import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { AppealCounts, CreditApplication, Me } from '@/api/types'

const get = vi.fn()
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: (path: string, query?: unknown) => get(path, query), post: vi.fn(), patch: vi.fn(), delete: vi.fn() },
}))

const { useSessionStore } = await import('@/stores/session')
const { appealTodo, creditTodo, dueItems, lastMonths, loanTodo, recognitionTodo, trendPoints, useWorkbench } = await import('./useWorkbench')

const counts = (n: Record<string, number>): AppealCounts => ({
  total: Object.values(n).reduce((a, b) => a + b, 0),
  by_status: ['submitted', 'accepted', 'transferred', 'reported', 'replied', 'closed'].map((status) => ({ status, label: status, count: n[status] ?? 0 })),
})
const credit = (id: number, due_state: string, due = '2026-12-03') =>
  ({ id, number: `XF${id}`, business_name: `店${id}`, kind_label: '个体工商户经营异常状态', status_label: '待受理', limits: { due_state, current_due_on: due } }) as unknown as CreditApplication

beforeEach(() => {
  setActivePinia(createPinia())
  get.mockReset()
})

describe('workbench counts', () => {
  it('counts only the appeals still waiting for someone', () => {
    const card = appealTodo(counts({ submitted: 2, transferred: 1, replied: 9 }), counts({ submitted: 1 }), counts({ reported: 1, closed: 3 }))
    expect(card).toMatchObject({ count: 3, dueSoon: 1, overdue: 1, path: '/appeals' })
  })

  it('takes the credit card from the counts endpoint', () => {
    const card = creditTodo({ total: 12, due_soon: 2, overdue: 1, by_status: [] })
    expect(card).toMatchObject({ count: 12, more: false, dueSoon: 2, overdue: 1, path: '/credit' })
  })

  it('plots the months the API groups, empty ones included', () => {
    const row = { received: 0, finished: 0, overdue: 0 }
    const stats = { by_month: [{ ...row, month: '2026-11' }, { ...row, month: '2026-12', received: 6, finished: 3 }] } as never
    expect(trendPoints(stats)).toEqual([
      { label: '2026-11', received: 0, finished: 0, overdue: 0 },
      { label: '2026-12', received: 6, finished: 3, overdue: 0 },
    ])
  })

  it('lists overdue items first, then due-soon ones by date', () => {
    const rows = dueItems([], [credit(1, 'due_soon', '2026-12-05'), credit(2, 'normal'), credit(3, 'overdue', '2026-12-09'), credit(4, 'due_soon', '2026-12-02')])
    expect(rows.map((r) => r.key)).toEqual(['credit-3', 'credit-4', 'credit-1'])
    expect(rows[0]).toMatchObject({ state: 'overdue', path: '/credit/3', queue: '信用修复' })
  })

  it('counts loan and recognition items the user can still act on, without time limits', () => {
    const page = { items: [{ allowed_actions: ['contact'] }, { allowed_actions: [] }] as never[], next: null }
    expect(loanTodo(page)).toMatchObject({ count: 1, timed: false, path: '/loans/applications' })
    expect(recognitionTodo(page)).toMatchObject({ count: 1, timed: false, path: '/recognition/applications' })
  })

  it('covers the last six months', () => {
    expect(lastMonths(new Date(2026, 1, 15))).toEqual(['2025-09-01', '2026-02-15'])
  })
})

describe('useWorkbench', () => {
  it('asks only for the queues the permissions give', async () => {
    useSessionStore().me = { permissions: ['credit:review'] } as unknown as Me
    get.mockImplementation(async (path: string) =>
      path.endsWith('/counts') ? { total: 1, due_soon: 0, overdue: 1, by_status: [] } : { items: [credit(1, 'overdue')], next: null },
    )
    const wb = useWorkbench()
    await wb.loadWork()
    expect(get.mock.calls.map((c) => c[0]).sort()).toEqual(['/credit/applications', '/credit/applications/counts'])
    expect(wb.cards.value[0]).toMatchObject({ count: 1, overdue: 1 })
    expect(wb.cards.value.map((c) => c.key)).toEqual(['credit'])
    expect(wb.due.value).toHaveLength(1)
    expect(wb.canStats.value).toBe(false)
  })

  it('asks the statistics grouped by org, month and type: three requests', async () => {
    useSessionStore().me = { permissions: ['appeal:stats'] } as unknown as Me
    const total = { received: 0, finished: 0, overdue: 0 }
    get.mockImplementation(async (_path: string, query: { group_by?: string }) => ({
      total,
      by_org: [],
      by_month: query.group_by === 'month' ? [{ ...total, month: '2026-12', received: 2 }] : undefined,
      by_type: query.group_by === 'type' ? [{ ...total, type: 'consult', label: '咨询', received: 2 }] : undefined,
    }))
    const wb = useWorkbench()
    await wb.loadStats()
    expect(get).toHaveBeenCalledTimes(3)
    expect(get.mock.calls.map((c) => (c[1] as { group_by?: string }).group_by)).toEqual([undefined, 'month', 'type'])
    expect(wb.statsError.value).toBeNull()
    const pie = wb.typeChart.value as { series: { data: { name: string; value: number }[] }[] }
    expect(pie.series[0].data).toEqual([{ name: '咨询', value: 2 }])
  })

  it('shows an error for a queue that failed and keeps the others', async () => {
    useSessionStore().me = { permissions: ['credit:accept', 'appeal:handle'] } as unknown as Me
    get.mockImplementation(async (path: string) => {
      if (path.startsWith('/appeals')) throw new Error('down')
      if (path.endsWith('/counts')) return { total: 0, due_soon: 0, overdue: 0, by_status: [] }
      return { items: [], next: null }
    })
    const wb = useWorkbench()
    await wb.loadWork()
    expect(wb.cards.value.map((c) => c.key)).toEqual(['credit'])
    expect(wb.error.value).toBe('诉求待办加载失败')
  })
})
