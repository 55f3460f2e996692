import { describe, expect, it } from 'vitest'
import type { Listing, Penalty } from '@/api/types'
import { riskChanges, riskRules, type RiskEditForm } from './useRiskEdit'
import { toRiskFilters } from './useRiskList'

const penalty = {
  id: 1,
  record_type: 'penalty',
  doc_no: '下市监罚〔2025〕1号',
  penalty_name: null,
  penalty_type: '罚款',
  basis: '《食品安全法》',
  violation_type: '无证经营',
  content: '罚款五千元',
  fine_amount: '0.5',
  confiscated_amount: null,
  decided_on: '2025-03-01',
  published_on: '2025-03-05',
} as Penalty

const formOf = (over: Partial<RiskEditForm>): RiskEditForm => ({
  doc_no: penalty.doc_no,
  penalty_name: '',
  penalty_type: '罚款',
  basis: penalty.basis,
  violation_type: penalty.violation_type,
  content: penalty.content,
  fine_amount: '0.5',
  confiscated_amount: '',
  decided_on: '2025-03-01',
  published_on: '2025-03-05',
  list_reason: '',
  listed_on: '',
  ...over,
})

describe('toRiskFilters', () => {
  it('sends the kind always, the status only for listings, the code upper-cased', () => {
    expect(toRiskFilters({ kind: 'penalty', name: '', uscc: '', status: 'listed', dates: null })).toEqual({ kind: 'penalty' })
    expect(toRiskFilters({ kind: 'abnormal', name: ' 小吃 ', uscc: '92420204ma6wpdqnqh', status: 'removed', dates: ['2025-01-01', '2025-12-31'] })).toEqual({
      kind: 'abnormal',
      name: '小吃',
      uscc: '92420204MA6WPDQNQH',
      status: 'removed',
      date_from: '2025-01-01',
      date_to: '2025-12-31',
    })
  })
})

describe('riskChanges', () => {
  it('sends only what changed and clears an emptied amount', () => {
    expect(riskChanges(penalty, formOf({}))).toEqual({})
    expect(riskChanges(penalty, formOf({ fine_amount: '', content: '罚款五千元整' }))).toEqual({ fine_amount: null, content: '罚款五千元整' })
  })

  it('edits the three listing fields only', () => {
    const listing = { id: 2, record_type: 'listing', doc_no: 'A1', list_reason: '未年报', listed_on: '2025-06-30' } as Listing
    expect(riskChanges(listing, formOf({ doc_no: 'A2', list_reason: '未年报', listed_on: '2025-06-30' }))).toEqual({ doc_no: 'A2' })
  })
})

describe('riskRules', () => {
  it('refuses a publication date before the decision date, in Chinese', () => {
    const form = formOf({ published_on: '2025-02-01' })
    const rules = riskRules('penalty', form).published_on as { validator?: (r: unknown, v: string, cb: (e?: Error) => void) => void }[]
    const errors: string[] = []
    for (const rule of rules) rule.validator?.(rule, form.published_on, (e) => e && errors.push(e.message))
    expect(errors).toEqual(['公示日期不能早于处罚决定书日期'])
  })

  it('refuses a negative amount', () => {
    const [rule] = riskRules('penalty', formOf({})).fine_amount as { pattern: RegExp; message: string }[]
    expect(rule.pattern.test('-1')).toBe(false)
    expect(rule.pattern.test('12.345678')).toBe(true)
    expect(rule.message).toContain('不为负数')
  })
})
