import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppealItem } from '@/api/types'

const post = vi.fn(async (_path: string, _body?: unknown) => ({ id: 5 }))
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: vi.fn(), post: (path: string, body?: unknown) => post(path, body), patch: vi.fn(), delete: vi.fn() },
}))

const { actionRules, blankActionForm, performAction } = await import('./useAppealAction')

const appeal = { id: 5, type: 'consult', department: '登记注册' } as AppealItem

async function validate(action: string, values: Record<string, unknown>): Promise<string[]> {
  const rules = actionRules(action) as Record<string, { validator?: (...a: unknown[]) => void; required?: boolean; message?: string; pattern?: RegExp }[]>
  const errors: string[] = []
  for (const [field, list] of Object.entries(rules)) {
    for (const rule of list) {
      const value = values[field]
      if (rule.required && (value == null || String(value).trim() === '')) errors.push(rule.message!)
      else if (rule.pattern && value && !rule.pattern.test(String(value))) errors.push(rule.message!)
      else if (rule.validator) rule.validator(rule, value, (e?: Error) => e && errors.push(e.message))
    }
  }
  return errors
}

describe('appeal action rules', () => {
  it('asks for the transfer slip fields in Chinese and refuses a past due date', async () => {
    expect(await validate('transfer', {})).toEqual(['请选择承办单位', '请填写办理要求'])
    expect(await validate('transfer', { unit_org_id: 20, requirements: '核实', due_at: '2000-01-01T00:00:00' })).toEqual([
      '办理期限应晚于当前时间',
    ])
  })

  it('checks the out-of-scope contact fields and the phone format', async () => {
    expect(await validate('reply_out_of_scope', {})).toEqual(['请填写主管部门', '请填写联系人', '请填写联系电话'])
    expect(await validate('reply_out_of_scope', { department_name: '住建局', contact_person: '王', phone: 'abc' })).toEqual([
      '联系电话格式不正确',
    ])
  })

  it('needs a reason to send back and text for a reply', async () => {
    expect(await validate('send_back', { reason: '  ' })).toEqual(['请填写退回原因'])
    expect(await validate('reply', {})).toEqual(['请填写答复内容'])
    expect(await validate('supervise', {})).toEqual(['请填写督办意见'])
  })
})

describe('performAction', () => {
  beforeEach(() => post.mockClear())

  it('accepts with only the classification that changed', async () => {
    await performAction('accept', 5, { ...blankActionForm(), type: 'complaint', department: '登记注册', comment: ' 好 ' }, appeal)
    expect(post).toHaveBeenCalledWith('/appeals/5/accept', { type: 'complaint', comment: '好' })
  })

  it('sends the transfer slip with an ISO due date', async () => {
    await performAction('transfer', 5, { ...blankActionForm(), unit_org_id: 20, requirements: ' 请核实 ', due_at: '2030-01-02T08:00:00' }, appeal)
    const [path, body] = post.mock.calls[0] as [string, { unit_org_id: number; requirements: string; due_at: string }]
    expect(path).toBe('/appeals/5/transfer')
    expect(body.unit_org_id).toBe(20)
    expect(body.requirements).toBe('请核实')
    expect(new Date(body.due_at).getTime()).toBe(new Date('2030-01-02T08:00:00').getTime())
  })

  it('reports the result with the uploaded evidence ids', async () => {
    await performAction('report', 5, { ...blankActionForm(), result: '已核实', files: [{ id: 3, name: 'a.pdf' }, { id: 4, name: 'b.jpg' }] }, appeal)
    expect(post).toHaveBeenCalledWith('/appeals/5/report', { result: '已核实', files: [3, 4] })
  })

  it('posts send-back and out-of-scope replies to their sub-resources', async () => {
    await performAction('send_back', 5, { ...blankActionForm(), reason: '不属于本所辖区' }, appeal)
    await performAction('reply_out_of_scope', 5, { ...blankActionForm(), department_name: '住建局', contact_person: '王', phone: '0714-1234567' }, appeal)
    expect(post.mock.calls.map((c) => c[0])).toEqual(['/appeals/5/send-back', '/appeals/5/reply-out-of-scope'])
  })
})
