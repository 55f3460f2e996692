import { describe, expect, it } from 'vitest'
import type { OrgNode } from '@/api/types'
import { inspectorLabel, orgNames, quotaRows, seedProblem, toTargetFilters } from './usePlanDetail'

describe('抽查方案办理', () => {
  it('shows the per-authority quotas with org names, largest first', () => {
    const names = orgNames([{ id: 19, name: '下陆区局', children: [{ id: 20, name: '城区所', children: [] }, { id: 21, name: '开发区所', children: [] }] } as unknown as OrgNode])
    expect(names.get(21)).toBe('开发区所')
    expect(quotaRows({ '20': [160, 5], '21': [149, 4], '99': [1, 0] }, names)).toEqual([
      { org_id: 20, org_name: '城区所', candidates: 160, quota: 5 },
      { org_id: 21, org_name: '开发区所', candidates: 149, quota: 4 },
      { org_id: 99, org_name: '机构 99', candidates: 1, quota: 0 },
    ])
    expect(quotaRows(undefined, names)).toEqual([])
  })

  it('accepts an empty seed or a non-negative integer below 2^62', () => {
    expect(seedProblem('')).toBeNull()
    expect(seedProblem(' 12345 ')).toBeNull()
    expect(seedProblem('4611686018427387903')).toBeNull()
    expect(seedProblem('4611686018427387904')).toBe('随机种子须小于 2^62')
    expect(seedProblem('-1')).toBe('随机种子须为非负整数')
    expect(seedProblem('1.5')).toBe('随机种子须为非负整数')
  })

  it('sends only the target filters that are set', () => {
    expect(toTargetFilters({ confirm: '', result_status: '', name: ' ' })).toEqual({})
    expect(toTargetFilters({ confirm: 'pending', result_status: 'entered', name: ' 小吃 ' })).toEqual({ confirm: 'pending', result_status: 'entered', name: '小吃' })
    expect(inspectorLabel({ name: '张三', org_name: null })).toBe('张三（—）')
  })
})
