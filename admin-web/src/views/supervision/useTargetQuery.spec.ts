import { describe, expect, it } from 'vitest'
import { resultTagType, toInspectedFilters } from './useTargetQuery'

describe('检查对象查询', () => {
  it('sends the filters that are set, the credit code upper-cased', () => {
    expect(toInspectedFilters({ plan_id: null, name: '', uscc: '', result_status: '', outcome: '' })).toEqual({})
    expect(toInspectedFilters({ plan_id: 3, name: ' 小吃 ', uscc: ' 92420200ma4x ', result_status: 'published', outcome: 'problem' })).toEqual({
      plan_id: 3,
      name: '小吃',
      uscc: '92420200MA4X',
      result_status: 'published',
      outcome: 'problem',
    })
  })
  it('colours published results green and returned ones red', () => {
    expect(resultTagType('published')).toBe('success')
    expect(resultTagType('returned')).toBe('danger')
    expect(resultTagType('nope')).toBe('info')
  })
})
