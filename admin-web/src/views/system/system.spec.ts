import { describe, expect, it, vi } from 'vitest'
import type { OrgNode } from '@/api/types'

const get = vi.fn()
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: (p: string, q?: unknown) => get(p, q), post: vi.fn(), patch: vi.fn(), delete: vi.fn() },
}))

const { auditDiff, countOrgs, filterTree, useAuditLogs } = await import('./useSystem')

const node = (id: number, name: string, region_code: string, children: OrgNode[] = []) =>
  ({ id, name, level: 'x', level_label: 'x', region_code, children }) as OrgNode
const tree = [node(1, '湖北省局', '420000', [node(12, '黄石市局', '420200', [node(19, '下陆区局', '420204', [node(20, '城区所', '420204')])]), node(2, '武汉市局', '420100')])]

describe('org tree', () => {
  it('keeps matching nodes with the path down to them', () => {
    const shown = filterTree(tree, '下陆')
    expect(shown[0].name).toBe('湖北省局')
    expect(shown[0].children.map((n) => n.name)).toEqual(['黄石市局'])
    expect(shown[0].children[0].children[0].name).toBe('下陆区局')
    expect(filterTree(tree, '4201')[0].children.map((n) => n.name)).toEqual(['武汉市局'])
    expect(filterTree(tree, '不存在')).toEqual([])
    expect(countOrgs(tree)).toBe(5)
  })
})

describe('audit log', () => {
  it('shows only the fields that changed, and everything for a creation', () => {
    expect(auditDiff({ before: { status: 'draft', title: 'a' }, after: { status: 'published', title: 'a' } })).toEqual([
      { field: 'status', before: 'draft', after: 'published' },
    ])
    expect(auditDiff({ before: null, after: { title: 'a', tags: ['名'] } })).toEqual([
      { field: 'title', before: '—', after: 'a' },
      { field: 'tags', before: '—', after: '["名"]' },
    ])
  })

  it('filters on the server by actor, target type and id, action prefix and Beijing dates', async () => {
    get.mockResolvedValue({ items: [], next: null })
    const logs = useAuditLogs()
    logs.filters.actor_id = 6
    logs.filters.target_type = 'credit_application'
    logs.filters.target_id = ' 7 '
    logs.filters.action = 'credit.'
    logs.filters.dates = ['2026-03-01', '2026-03-31']
    await logs.search()
    expect(get).toHaveBeenLastCalledWith('/audit-logs', {
      actor_id: 6,
      target_type: 'credit_application',
      target_id: '7',
      action: 'credit.',
      date_from: '2026-03-01',
      date_to: '2026-03-31',
      cursor: null,
      limit: 30,
    })
    await logs.reset()
    expect(get).toHaveBeenLastCalledWith('/audit-logs', { cursor: null, limit: 30 })
  })

  it('names object types from the API', async () => {
    get.mockResolvedValueOnce([{ value: 'credit_application', label: '信用修复申请' }])
    const logs = useAuditLogs()
    await logs.loadTargetTypes()
    expect(get.mock.lastCall?.[0]).toBe('/audit-logs/target-types')
    expect(logs.typeLabel('credit_application')).toBe('信用修复申请')
    expect(logs.typeLabel('unknown_type')).toBe('unknown_type')
  })
})
