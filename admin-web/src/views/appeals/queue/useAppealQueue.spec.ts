import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'

const listAppeals = vi.fn(async (_q: Record<string, unknown>) => ({ items: [{ id: 1, title: '招牌' }], next: 'c2' }))
const countAppeals = vi.fn(async (_q: Record<string, unknown>) => ({ total: 4, by_status: [{ status: 'submitted', label: '待受理', count: 3 }] }))
vi.mock('@/api/appeals', () => ({
  listAppeals: (q: Record<string, unknown>) => listAppeals(q),
  countAppeals: (q: Record<string, unknown>) => countAppeals(q),
  exportAppeals: vi.fn(),
  getAppealOptions: vi.fn(async () => ({ types: [], departments: [], statuses: [], ratings: [], max_photos: 9 })),
}))
const push = vi.fn()
vi.mock('vue-router', () => ({ useRouter: () => ({ push }) }))

const { toAppealFilters, useAppealQueue } = await import('./useAppealQueue')

describe('toAppealFilters', () => {
  it('turns the due filter into the API flags and leaves empty fields out', () => {
    expect(toAppealFilters({ status: '', type: '', due: '', q: '  ', dates: null })).toEqual({})
    expect(toAppealFilters({ status: 'accepted', type: 'complaint', due: 'overdue', q: ' 招牌 ', dates: ['2026-01-01', '2026-01-31'] })).toEqual({
      status: 'accepted',
      type: 'complaint',
      overdue: true,
      q: '招牌',
      date_from: '2026-01-01',
      date_to: '2026-01-31',
    })
    expect(toAppealFilters({ status: '', type: '', due: 'due_soon', q: '', dates: null })).toEqual({ due_soon: true })
  })
})

describe('useAppealQueue', () => {
  it('searches the server with the filters, counts every status and opens a detail', async () => {
    let queue!: ReturnType<typeof useAppealQueue>
    mount(defineComponent({ setup: () => ((queue = useAppealQueue()), () => h('div')) }))
    queue.filters.due = 'due_soon'
    await queue.selectStatus('submitted')
    await flushPromises()
    expect(listAppeals).toHaveBeenLastCalledWith({ status: 'submitted', due_soon: true, cursor: null, limit: 20 })
    // counts ignore the status so each tab keeps its number
    expect(countAppeals).toHaveBeenLastCalledWith({ due_soon: true })
    expect(queue.countOf('')).toBe(4)
    expect(queue.countOf('submitted')).toBe(3)
    expect(queue.countOf('closed')).toBe(0)
    await queue.loadMore()
    expect(listAppeals).toHaveBeenLastCalledWith({ status: 'submitted', due_soon: true, cursor: 'c2', limit: 20 })
    queue.openDetail(queue.items.value[0])
    expect(push).toHaveBeenCalledWith({ name: 'appeal-detail', params: { id: 1 } })
  })
})
