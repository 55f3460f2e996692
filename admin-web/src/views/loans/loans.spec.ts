import { describe, expect, it, vi } from 'vitest'

const post = vi.fn(async (_path: string, _body?: unknown) => ({ id: 1 }))
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: vi.fn(), post: (path: string, body?: unknown) => post(path, body), patch: vi.fn(), delete: vi.fn() },
}))

const { blankLoanActionForm, loanActionRules, performLoanAction, toLoanFilters } = await import('./applications/useLoanApplications')
const { blankProductForm, productRules, toProductBody } = await import('./products/useLoanProducts')
const { blankInstitutionForm, toInstitutionBody } = await import('./institutions/useLoanInstitutions')

type Rule = { required?: boolean; message?: string; pattern?: RegExp; validator?: (...a: unknown[]) => void }
function errors(rules: Record<string, unknown>, values: Record<string, unknown>): string[] {
  const out: string[] = []
  for (const [field, list] of Object.entries(rules as Record<string, Rule[]>)) {
    for (const rule of list) {
      const v = values[field]
      if (rule.required && (v == null || String(v).trim() === '')) out.push(rule.message!)
      else if (rule.pattern && v != null && v !== '' && !rule.pattern.test(String(v))) out.push(rule.message!)
      else if (rule.validator) rule.validator(rule, v, (e?: Error) => e && out.push(e.message))
    }
  }
  return out
}

describe('loan application actions', () => {
  it('requires the three approval figures and a reason for a refusal, in Chinese', () => {
    expect(errors(loanActionRules('approve'), {})).toEqual(['请填写审批金额', '请填写年利率', '请填写期限（月）'])
    expect(errors(loanActionRules('approve'), { amount: '5万', rate: 'abc', term_months: 12 })).toEqual([
      '审批金额应为金额（元），最多两位小数',
      '年利率应为百分数，如 3.85',
    ])
    expect(errors(loanActionRules('reject'), { note: ' ' })).toEqual(['请填写不通过原因'])
    expect(errors(loanActionRules('contact'), {})).toEqual([])
  })

  it('posts each action with its own body', async () => {
    const form = { ...blankLoanActionForm(), amount: '50000', rate: '3.85', term_months: 12, note: ' 已核实 ', granted_on: '2026-12-01' }
    await performLoanAction('approve', 7, form)
    expect(post).toHaveBeenLastCalledWith('/loans/applications/7/approve', { amount: '50000', rate: '3.85', term_months: 12, note: '已核实' })
    await performLoanAction('contact', 7, { ...blankLoanActionForm() })
    expect(post).toHaveBeenLastCalledWith('/loans/applications/7/contact', {})
    await performLoanAction('grant', 7, form)
    expect(post).toHaveBeenLastCalledWith('/loans/applications/7/grant', { amount: '50000', granted_on: '2026-12-01', note: '已核实' })
    expect(toLoanFilters({ q: ' 张记 ', status: '', institution_id: null })).toEqual({ q: '张记' })
    expect(toLoanFilters({ q: '', status: 'submitted', institution_id: 2 })).toEqual({ status: 'submitted', institution_id: 2 })
  })
})

describe('loan products', () => {
  it('refuses a minimum above the maximum and asks for the institution only of supervisors', () => {
    const form = { ...blankProductForm(), name: '经营贷', amount_min: '500000', amount_max: '100000', rate_min: '3', rate_max: '5', term_months_max: 12, guarantee_type: 'credit' }
    expect(errors(productRules(form, false), form)).toEqual(['最低额度不能高于最高额度'])
    const fixed = { ...form, amount_min: '1' }
    expect(errors(productRules(fixed, true), fixed)).toEqual(['请选择所属金融机构'])
  })

  it('sends the institution only when chosen', () => {
    const form = { ...blankProductForm(), name: ' 快贷 ', amount_min: '10000', amount_max: '300000', rate_min: '3.85', rate_max: '6.5', term_months_max: 12, guarantee_type: 'credit' }
    expect(toProductBody(form)).not.toHaveProperty('institution_id')
    expect(toProductBody(form)).not.toHaveProperty('term_months_min')
    expect(toProductBody({ ...form, institution_id: 2 })).toMatchObject({ institution_id: 2, name: '快贷' })
  })
})

describe('loan institutions', () => {
  it('lets bank staff send only the profile fields', () => {
    const form = { ...blankInstitutionForm(), name: '湖北银行', contact_name: ' 王敏 ', webhook_url: 'https://x' }
    expect(toInstitutionBody(form, false, false)).toEqual({ short_name: null, contact_name: '王敏', contact_phone: null, address: null, intro: null })
    expect(toInstitutionBody(form, true, false)).toMatchObject({ name: '湖北银行', webhook_url: 'https://x', is_active: true })
    expect(toInstitutionBody(form, true, true)).not.toHaveProperty('is_active')
  })
})
