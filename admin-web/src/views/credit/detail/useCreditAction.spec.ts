import { describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'

const post = vi.fn(async (_path: string, _body?: unknown) => ({ id: 7, status: 'reviewing' }))
const get = vi.fn(async (_path: string) => ({ items: [{ id: 20, name: '城区市场监管所', level: 'station' }] }))
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: (path: string) => get(path), post: (path: string, body?: unknown) => post(path, body), patch: vi.fn(), delete: vi.fn() },
}))
const confirm = vi.fn(async () => 'confirm')
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElMessageBox: { confirm: () => confirm() },
  ElMessage: { success: vi.fn(), error: vi.fn() },
}))

const { blankCreditActionForm, creditActionRules, toCreditActionBody, useCreditAction } = await import('./useCreditAction')

type Rule = { required?: boolean; message?: string; max?: number }

function errors(action: string, values: Record<string, unknown>): string[] {
  const out: string[] = []
  for (const [field, list] of Object.entries(creditActionRules(action) as Record<string, Rule[]>)) {
    for (const rule of list) {
      const v = values[field]
      if (rule.required && (v == null || String(v).trim() === '')) out.push(rule.message!)
    }
  }
  return out
}

describe('credit action rules', () => {
  it('requires a reason for transfer, return and refuse, in Chinese', () => {
    expect(errors('transfer', {})).toEqual(['请填写转办原因', '请选择转办单位'])
    expect(errors('return', { opinion: '  ' })).toEqual(['请填写退回原因'])
    expect(errors('refuse', {})).toEqual(['请填写不予修复理由'])
    expect(errors('accept', {})).toEqual([])
    expect(errors('approve', {})).toEqual([])
  })

  it('sends the target only for a transfer and the decision number only for an approval', () => {
    const form = { ...blankCreditActionForm(), opinion: ' 同意 ', target_org_id: 20, decision_no: ' 黄下市监修〔2026〕1号 ' }
    expect(toCreditActionBody('accept', form)).toEqual({ action: 'accept', opinion: '同意' })
    expect(toCreditActionBody('transfer', form)).toEqual({ action: 'transfer', opinion: '同意', target_org_id: 20 })
    expect(toCreditActionBody('approve', form)).toEqual({ action: 'approve', opinion: '同意', decision_no: '黄下市监修〔2026〕1号' })
    expect(toCreditActionBody('approve', { ...form, decision_no: '' })).toEqual({ action: 'approve', opinion: '同意' })
  })
})

describe('useCreditAction', () => {
  it('loads the transfer targets, confirms, posts the action and closes', async () => {
    const action = ref<string | null>(null)
    const app = ref({ id: 7, number: 'XF1', status: 'submitted' } as never)
    const done = vi.fn()
    const { form, targets, submit } = useCreditAction(action, app, done)
    action.value = 'transfer'
    await nextTick()
    await vi.waitFor(() => expect(targets.value).toHaveLength(1))
    expect(get).toHaveBeenCalledWith('/credit/applications/7/transfer-targets')
    form.opinion = '经营场所属城区所辖区'
    form.target_org_id = 20
    await submit()
    expect(confirm).toHaveBeenCalled()
    expect(post).toHaveBeenCalledWith('/credit/applications/7/actions', { action: 'transfer', opinion: '经营场所属城区所辖区', target_org_id: 20 })
    expect(done).toHaveBeenCalledWith({ id: 7, status: 'reviewing' })
    expect(action.value).toBeNull()
  })

  it('does nothing when the confirmation is cancelled', async () => {
    confirm.mockRejectedValueOnce('cancel')
    post.mockClear()
    const action = ref<string | null>('accept')
    const { submit } = useCreditAction(action, ref({ id: 7, status: 'submitted' } as never), vi.fn())
    await submit()
    expect(post).not.toHaveBeenCalled()
    expect(action.value).toBe('accept')
  })
})
