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

  it('filters on the server by actor and target type', async () => {
    get.mockResolvedValue({ items: [], next: null })
    const logs = useAuditLogs()
    logs.filters.actor_id = 6
    logs.filters.target_type = 'credit_application'
    await logs.search()
    expect(get).toHaveBeenLastCalledWith('/audit-logs', { actor_id: 6, target_type: 'credit_application', cursor: null, limit: 30 })
    await logs.reset()
    expect(get).toHaveBeenLastCalledWith('/audit-logs', { cursor: null, limit: 30 })
  })
})
