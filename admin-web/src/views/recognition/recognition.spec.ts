import { describe, expect, it, vi } from 'vitest'

vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: vi.fn(), post: vi.fn(), patch: vi.fn(), delete: vi.fn() },
}))

const { blankNoticeForm, noticeRules, toNoticeBody } = await import('./useNotices')
const { reviewBody, reviewRules, riskSummary } = await import('./useRecognitionReview')

type Rule = { required?: boolean; message?: string; validator?: (...a: unknown[]) => void }
function run(rules: Record<string, unknown>, values: Record<string, unknown>): string[] {
  const out: string[] = []
  for (const [field, list] of Object.entries(rules as Record<string, Rule[]>)) {
    for (const rule of list) {
      const v = values[field]
      const empty = v == null || (Array.isArray(v) ? v.length === 0 : String(v).trim() === '')
      if (rule.required && empty) out.push(rule.message!)
      else if (rule.validator && !empty) rule.validator(rule, v, (e?: Error) => e && out.push(e.message))
    }
  }
  return out
}

describe('recognition notices', () => {
  it('asks for every part of a notice and a requirement for each category', () => {
    const form = blankNoticeForm()
    expect(run(noticeRules(form), { ...form })).toEqual(['请填写公告标题', '请填写申报须知', '请填写承诺书', '请至少选择一个认定分类', '请选择申报期'])
    const filled = { ...blankNoticeForm(), title: 't', content: 'c', promise: 'p', categories: ['ming', 'te'], requirements: { ming: '知名度高' }, period: ['2020-01-01T00:00:00', '2020-02-01T00:00:00'] as [string, string] }
    expect(run(noticeRules(filled), { ...filled })).toEqual(['请填写每个分类的认定条件', '申报截止时间应晚于当前时间'])
    expect(toNoticeBody(filled).categories).toEqual([
      { code: 'ming', requirements: '知名度高' },
      { code: 'te', requirements: '' },
    ])
  })
})

describe('recognition review', () => {
  it('needs a reason to return or refuse and sends it as reason', () => {
    expect(run(reviewRules('return'), { text: ' ' })).toEqual(['请填写退回原因'])
    expect(run(reviewRules('refuse'), {})).toEqual(['请填写不予认定的理由'])
    expect(run(reviewRules('accept'), {})).toEqual([])
    expect(reviewBody('refuse', ' 存在失信记录 ')).toEqual({ reason: '存在失信记录' })
    expect(reviewBody('recognise', '')).toEqual({})
    expect(reviewBody('accept', '材料齐全')).toEqual({ comment: '材料齐全' })
  })

  it('summarises the penalty record for the reviewer', () => {
    const base = { since: '2024-12-01', penalties: [], listings: [], penalty_count: 0, listed_now: 0, serious_violation: false }
    expect(riskSummary(base)).toEqual({ type: 'success', text: '2024-12-01 以来无行政处罚、无在列名单' })
    expect(riskSummary({ ...base, penalty_count: 2, listed_now: 1 }).type).toBe('warning')
    expect(riskSummary({ ...base, listed_now: 1, serious_violation: true })).toEqual({ type: 'error', text: '该主体目前在严重违法失信名单中' })
  })
})
