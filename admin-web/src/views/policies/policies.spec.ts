import { describe, expect, it, vi } from 'vitest'

const get = vi.fn()
const post = vi.fn()
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: (p: string, q?: unknown) => get(p, q), post: (p: string, b?: unknown) => post(p, b), patch: vi.fn(), delete: vi.fn() },
}))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElMessageBox: { confirm: vi.fn(async () => 'confirm') },
  ElMessage: { success: vi.fn(), error: vi.fn() },
}))

const { blankPolicyForm, policyRules, toPolicyBody } = await import('./usePolicies')
const { USCC, forwardingText, toBenefitBody, blankBenefitForm, useBenefitDetail } = await import('./useBenefits')

describe('policy editor', () => {
  it('maps the form to the API body and checks region codes', () => {
    const form = { ...blankPolicyForm(), title: ' 减税 ', department: '税务局', body: '正文', valid: ['2026-01-01', '2026-12-31'] as [string, string], industries: [' 餐饮业 ', ''] }
    expect(toPolicyBody(form)).toMatchObject({ title: '减税', valid_from: '2026-01-01', valid_to: '2026-12-31', industries: ['餐饮业'] })
    const messages: string[] = []
    const rule = (policyRules.region_codes as { validator: (...a: unknown[]) => void }[])[0]
    rule.validator(rule, ['4202'], (e?: Error) => e && messages.push(e.message))
    expect(messages).toEqual(['地区代码应为6位数字（如 420204）'])
  })
})

describe('免申即享', () => {
  it('validates the USCC and describes forwarding', () => {
    expect(USCC.test('92420204MA6WPDQNQH')).toBe(true)
    expect(USCC.test('92420204')).toBe(false)
    const base = { status: 'confirmed', forward_attempts: 0, last_error: '', forward_gave_up: false, platform_ref: '' } as never
    expect(forwardingText(base)).toBe('待提交平台')
    expect(forwardingText({ ...(base as object), forward_gave_up: true, forward_attempts: 8, last_error: 'HTTP 500' } as never)).toBe('提交失败（已重试8次）：HTTP 500')
    expect(forwardingText({ ...(base as object), status: 'forwarded', platform_ref: 'P-1' } as never)).toBe('平台编号 P-1')
    expect(toBenefitBody({ ...blankBenefitForm(), code: ' A1 ', name: '补贴', amount: '' })).toEqual({ code: 'A1', name: '补贴', policy_id: null, amount: null, description: '' })
  })

  it('follows a background rule run until it is done, then reloads', async () => {
    get.mockReset()
    post.mockReset()
    post.mockResolvedValueOnce({ id: 9, status: 'pending', total: 0, created: 0, skipped: 0, failed: 0, failures: [] })
    const runs = [
      { id: 9, status: 'running', total: 10, created: 3, skipped: 0, failed: 0, failures: [] },
      { id: 9, status: 'done', total: 10, created: 8, skipped: 2, failed: 0, failures: [] },
    ]
    get.mockImplementation(async (path: string) => {
      if (path.includes('/runs/')) return runs.shift()
      if (path.endsWith('/eligibilities')) return { items: [], next: null }
      return { id: 1, name: 'x', counts: {} }
    })
    const d = useBenefitDetail(() => 1, 1)
    d.rule.tags = ['名']
    await d.markRule()
    expect(post).toHaveBeenCalledWith('/benefits/1/eligibilities/rule', { scale_types: [], tags: ['名'], industries: [], region_codes: [] })
    expect(d.run.value).toMatchObject({ status: 'done', created: 8, skipped: 2 })
    expect(get.mock.calls.filter((c) => String(c[0]).includes('/runs/9'))).toHaveLength(2)
  })
})
