import { describe, expect, it } from 'vitest'
import type { FieldDef } from '@/api/collection'
import { blankValues, changesOf, displayValue, remaining, rulesFor, toPayload, valuesOf, withPublicField } from './recordForm'

const LICENSE: FieldDef[] = [
  { name: 'record_no', label: '许可文件编号', type: 'text', required: true, max_length: 64 },
  { name: 'category', label: '审批类别', type: 'select', required: true, options: [{ value: '普通', label: '普通' }, { value: '特许', label: '特许' }] },
  { name: 'valid_from', label: '有效期自', type: 'date', required: false },
  { name: 'valid_to', label: '有效期至', type: 'date', required: false },
  { name: 'content', label: '许可内容', type: 'textarea', required: true, max_length: 1000 },
  { name: 'fine_amount', label: '罚款金额（万元）', type: 'money', required: false },
  { name: 'is_public', label: '是否公示', type: 'bool', required: true },
]

type Rule = { required?: boolean; message?: string; max?: number; pattern?: RegExp; validator?: (r: unknown, v: string, cb: (e?: Error) => void) => void }

describe('the generated form', () => {
  it('starts blank with 是否公示 = 是, and adds 是否公示 when the options leave it out', () => {
    expect(blankValues(LICENSE)).toEqual({ record_no: '', category: '', valid_from: '', valid_to: '', content: '', fine_amount: '', is_public: true })
    expect(withPublicField(LICENSE.slice(0, 1)).map((f) => f.name)).toEqual(['record_no', 'is_public'])
    expect(withPublicField(LICENSE)).toHaveLength(LICENSE.length)
  })

  it('marks required fields in Chinese, limits lengths and refuses a negative amount', () => {
    const rules = rulesFor(LICENSE, blankValues(LICENSE)) as Record<string, Rule[]>
    expect(rules.record_no[0]).toMatchObject({ required: true, message: '请填写许可文件编号' })
    expect(rules.category[0].message).toBe('请选择审批类别')
    expect(rules.content[1]).toMatchObject({ max: 1000, message: '许可内容最多1000个字' })
    expect(rules.valid_from).toEqual([])
    const money = rules.fine_amount[0]
    expect(money.pattern!.test('-1')).toBe(false)
    expect(money.pattern!.test('12.5')).toBe(true)
    expect(money.pattern!.test('1.1234567')).toBe(false)
    expect(rules.is_public).toBeUndefined()
  })

  it('refuses 有效期至 before 有效期自', () => {
    const values = { ...blankValues(LICENSE), valid_from: '2026-05-01' }
    const rules = rulesFor(LICENSE, values) as Record<string, Rule[]>
    const errors: string[] = []
    for (const rule of rules.valid_to) rule.validator?.(rule, '2026-04-30', (e) => e && errors.push(e.message))
    for (const rule of rules.valid_to) rule.validator?.(rule, '2026-05-01', (e) => e && errors.push(e.message))
    expect(errors).toEqual(['有效期至不能早于有效期自'])
  })

  it('counts the characters left in a textarea', () => {
    expect(remaining(LICENSE[4], '一二三')).toBe(997)
    expect(remaining(LICENSE[0], undefined)).toBe(64)
    expect(remaining({ name: 'x', label: 'x', type: 'text', required: false }, 'abc')).toBeNull()
  })

  it('sends trimmed values, empty optional inputs as null and 是否公示 apart', () => {
    const values = { ...blankValues(LICENSE), record_no: ' 湘许〔2026〕1号 ', category: '普通', content: '准予许可', is_public: false }
    expect(toPayload(LICENSE, values)).toEqual({
      fields: { record_no: '湘许〔2026〕1号', category: '普通', valid_from: null, valid_to: null, content: '准予许可', fine_amount: null },
      is_public: false,
    })
  })

  it('loads a stored record and patches only what changed', () => {
    const record = { fields: { record_no: 'A1', category: '普通', valid_from: '2026-01-01', valid_to: null, content: '准予', fine_amount: 1.5 }, is_public: true }
    const values = valuesOf(LICENSE, record)
    expect(values).toMatchObject({ record_no: 'A1', valid_from: '2026-01-01', valid_to: '', fine_amount: '1.5', is_public: true })
    expect(changesOf(LICENSE, record, values)).toEqual({})
    expect(changesOf(LICENSE, record, { ...values, content: '准予许可', valid_from: '', is_public: false })).toEqual({
      fields: { content: '准予许可', valid_from: null },
      is_public: false,
    })
  })

  it('shows 该数据未提供 for a missing value and option labels for selects', () => {
    expect(displayValue(LICENSE[0], null)).toBe('该数据未提供')
    expect(displayValue(LICENSE[0], '')).toBe('该数据未提供')
    expect(displayValue(LICENSE[6], false)).toBe('否')
    expect(displayValue(LICENSE[1], '特许')).toBe('特许')
    expect(displayValue(LICENSE[5], 0)).toBe('0')
  })
})
