import { describe, expect, it } from 'vitest'
import { planPeriod, planTagType, toPlanFilters } from './usePlanList'

describe('抽查方案 list', () => {
  it('sends the filters that are set, the made-on range as two dates', () => {
    expect(toPlanFilters({ name: '', status: '', dates: null })).toEqual({})
    expect(toPlanFilters({ name: ' 食品 ', status: 'approved', dates: ['2026-01-01', '2026-12-31'] })).toEqual({
      name: '食品',
      status: 'approved',
      made_from: '2026-01-01',
      made_to: '2026-12-31',
    })
  })

  it('shows the period only when both ends are set and colours a running plan green', () => {
    expect(planPeriod({ start_on: '2026-12-10', end_on: '2026-12-31' })).toBe('2026-12-10 至 2026-12-31')
    expect(planPeriod({ start_on: '2026-12-10', end_on: null })).toBe('—')
    expect(planTagType('assigned')).toBe('success')
    expect(planTagType('submitted')).toBe('warning')
    expect(planTagType('unknown')).toBe('info')
  })
})
