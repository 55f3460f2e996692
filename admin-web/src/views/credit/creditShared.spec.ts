import { describe, expect, it } from 'vitest'
import type { CreditLimits } from '@/api/types'
import { actionLabel, creditDueBadge, creditProgress } from './creditShared'

const limits = (over: Partial<CreditLimits>): CreditLimits => ({
  accept_due_on: '2026-12-03',
  decide_due_on: null,
  remove_due_on: null,
  current_due_on: '2026-12-03',
  working_days_left: 2,
  due_state: 'normal',
  due_state_label: '办理中',
  ...over,
})

describe('credit due badge', () => {
  it('shows working days left, due soon and overdue from the API flags', () => {
    expect(creditDueBadge(limits({}))).toEqual({ text: '剩2个工作日', type: 'success' })
    expect(creditDueBadge(limits({ due_state: 'due_soon', working_days_left: 1 }))).toEqual({ text: '即将到期，剩1个工作日', type: 'warning' })
    expect(creditDueBadge(limits({ due_state: 'overdue', working_days_left: -1 }))).toEqual({ text: '已超期（2026-12-03）', type: 'danger' })
    expect(creditDueBadge(limits({ due_state: 'none', current_due_on: null })).text).toBe('—')
  })
})

describe('credit progress', () => {
  it('places each status on 提交 → 受理 → 审核 → 审批 → 办结', () => {
    expect(creditProgress({ status: 'submitted', last_reason: null }).active).toBe(1)
    expect(creditProgress({ status: 'reviewing', last_reason: null }).active).toBe(2)
    expect(creditProgress({ status: 'approving', last_reason: null }).active).toBe(3)
    expect(creditProgress({ status: 'approved', last_reason: null })).toMatchObject({ active: 5, status: 'finish' })
    expect(creditProgress({ status: 'returned', last_reason: '缺少承诺书' })).toMatchObject({ status: 'wait', hint: '已退回申请人补正：缺少承诺书' })
  })

  it('marks a refusal at the step that refused it', () => {
    const events = [{ action: 'refuse', from_status: 'approving' }] as never
    expect(creditProgress({ status: 'refused', last_reason: '材料不实', events })).toMatchObject({ active: 3, status: 'error', hint: '不予修复：材料不实' })
  })
})

describe('credit action labels', () => {
  it('names 退回 after the step it goes back to', () => {
    expect(actionLabel('return', 'submitted')).toBe('退回补正')
    expect(actionLabel('return', 'reviewing')).toBe('退回经办')
    expect(actionLabel('return', 'approving')).toBe('退回审核')
    expect(actionLabel('approve')).toBe('审批通过')
  })
})
