import { nextTick, ref } from 'vue'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Lifecycle, LifecycleEvent } from '@/api/lifecycle'

const get = vi.fn()
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: (path: string, query?: unknown) => get(path, query), post: vi.fn(), patch: vi.fn(), delete: vi.fn() },
}))

const { advancedCount, blankEntitySearch, toEntityFilters, useEntitySearch } = await import('./useEntitySearch')
const { eventsOfKind, groupByYear, kindTagType, useLifecycle } = await import('./useLifecycle')

const ev = (date: string, kind: LifecycleEvent['kind'], title = kind): LifecycleEvent => ({
  date,
  year: Number(date.slice(0, 4)),
  kind,
  kind_label: kind,
  title,
  detail: '',
  ref: null,
})

describe('企业搜索 filters', () => {
  it('sends nothing for a blank form', () => {
    expect(toEntityFilters(blankEntitySearch())).toEqual({})
    expect(advancedCount(blankEntitySearch())).toBe(0)
  })

  it('sends the advanced filters trimmed, the statuses comma separated, the date range as two days', () => {
    const form = {
      ...blankEntitySearch(),
      q: ' 小吃 ',
      uscc: '92420204ma4fxxxx0x',
      status: ['active', 'revoked'],
      kind: 'individual',
      reg_no: ' 420204600123456 ',
      operator: '张秀英',
      industry: '餐饮',
      address: '  ',
      org_id: 7,
      this_level_only: true,
      established: ['2024-01-01', '2024-12-31'] as [string, string],
    }
    expect(toEntityFilters(form)).toEqual({
      q: '小吃',
      uscc: '92420204MA4FXXXX0X',
      status: 'active,revoked',
      kind: 'individual',
      reg_no: '420204600123456',
      operator: '张秀英',
      industry: '餐饮',
      org_id: 7,
      this_level_only: true,
      established_from: '2024-01-01',
      established_to: '2024-12-31',
    })
    expect(advancedCount(form)).toBe(5)
  })

  it('sends the capital range (either end open) and the scope wording', () => {
    const form = { ...blankEntitySearch(), capital_min: 0, capital_max: null, business_scope: ' 预包装食品 ' }
    expect(toEntityFilters(form)).toEqual({ capital_min: 0, business_scope: '预包装食品' })
    expect(advancedCount(form)).toBe(2)
    expect(toEntityFilters({ ...blankEntitySearch(), capital_max: 50 })).toEqual({ capital_max: 50 })
  })

  it('sends 仅本级 only with an authority', () => {
    expect(toEntityFilters({ ...blankEntitySearch(), this_level_only: true })).toEqual({})
  })

  it('searches with the form as submitted: 加载更多 keeps it, 重置 clears it', async () => {
    get.mockReset()
    get.mockResolvedValue({ items: [], next: 'c1' })
    const s = useEntitySearch()
    s.filters.operator = '张秀英'
    s.filters.status = ['active']
    await s.search()
    expect(get).toHaveBeenLastCalledWith('/entities', { operator: '张秀英', status: 'active', cursor: null, limit: 20 })
    s.filters.operator = '李四'
    await s.loadMore()
    expect(get).toHaveBeenLastCalledWith('/entities', { operator: '张秀英', status: 'active', cursor: 'c1', limit: 20 })
    await s.reset()
    expect(get).toHaveBeenLastCalledWith('/entities', { cursor: null, limit: 20 })
    expect(s.filters).toEqual(blankEntitySearch())
  })
})

describe('全生命周期', () => {
  const events = [ev('2026-03-01', 'permit'), ev('2026-01-05', 'notice'), ev('2024-07-01', 'penalty'), ev('2023-05-08', 'registration')]

  it('groups the events by year, newest first, keeping their order', () => {
    const groups = groupByYear(events)
    expect(groups.map((g) => g.year)).toEqual([2026, 2024, 2023])
    expect(groups[0].events.map((e) => e.kind)).toEqual(['permit', 'notice'])
    expect(groupByYear(events, 2024)).toEqual([{ year: 2024, events: [events[2]] }])
    expect(groupByYear(events, 2020)).toEqual([])
  })

  it('filters one tab and colours the kinds', () => {
    expect(eventsOfKind(events, 'penalty')).toEqual([events[2]])
    expect(kindTagType('penalty')).toBe('danger')
    expect(kindTagType('unknown')).toBe('info')
  })

  describe('useLifecycle', () => {
    beforeEach(() => get.mockReset())

    it('loads the business once, filters by the picked year, and drops a stale reply', async () => {
      const reply = (id: number): Lifecycle => ({
        business: { id, name: `店${id}`, uscc: '', kind: 'individual', operator_name: '', status: 'active', established_on: null },
        years: [2026, 2024, 2023],
        tabs: [{ kind: 'penalty', label: '处罚', count: 1 }],
        events,
      })
      let release: (v: Lifecycle) => void = () => undefined
      get.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
      get.mockImplementationOnce(async () => reply(2))
      const id = ref<number | null>(1)
      const life = useLifecycle(id)
      id.value = 2
      await nextTick()
      await vi.waitFor(() => expect(life.data.value?.business.id).toBe(2))
      release(reply(1))
      await new Promise((r) => setTimeout(r, 0))
      expect(life.data.value?.business.id).toBe(2)
      expect(get).toHaveBeenCalledWith('/lifecycle/2', {})
      expect(life.countOf('penalty')).toBe(1)
      expect(life.countOf('permit')).toBe(0)
      expect(life.timeline.value.map((g) => g.year)).toEqual([2026, 2024, 2023])
      life.year.value = 2026
      expect(life.timeline.value).toHaveLength(1)
      id.value = null
      await nextTick()
      expect(life.data.value).toBeNull()
      expect(life.year.value).toBeNull()
    })
  })
})
