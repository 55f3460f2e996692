import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Notice } from '@/api/notices'

const post = vi.fn(async (_path: string, body?: { ids?: number[] }) => ({ received: body?.ids?.length ?? 0, ids: body?.ids ?? [] }))
const del = vi.fn(async (_path: string) => null)
const confirm = vi.fn(async () => 'confirm')
const warning = vi.fn()
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: vi.fn(), post: (path: string, body?: { ids?: number[] }) => post(path, body), patch: vi.fn(), delete: (path: string) => del(path) },
}))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElMessageBox: { confirm: () => confirm() },
  ElMessage: { success: vi.fn(), info: vi.fn(), warning: (m: string) => warning(m) },
}))

const { noticeTagType, toNoticeFilters, blankNoticeSearch } = await import('./noticeState')
const { answerRules, blankAnswer, toAnswerBody } = await import('./inbox/useNoticeAnswer')
const { confirmReceive } = await import('./inbox/useNoticeInbox')
const { useNoticeRules } = await import('./manage/useNoticeSetup')

const notice = (id: number): Notice => ({ id, business: { name: `店${id}` }, item: '食品经营许可' }) as Notice

function errorsOf(form: ReturnType<typeof blankAnswer>): string[] {
  const rules = answerRules(form) as Record<string, { validator?: (r: unknown, v: unknown, cb: (e?: Error) => void) => void; required?: boolean; message?: string }[]>
  const errors: string[] = []
  for (const [field, list] of Object.entries(rules)) {
    for (const rule of list) {
      const value = (form as unknown as Record<string, unknown>)[field]
      if (rule.required && !value) errors.push(rule.message!)
      rule.validator?.(rule, value, (e) => e && errors.push(e.message))
    }
  }
  return errors
}

describe('notice state', () => {
  it('shows 未接收 red, 已接收 yellow, 已反馈 green', () => {
    expect((['red', 'yellow', 'green'] as const).map((color) => noticeTagType({ color }))).toEqual(['danger', 'warning', 'success'])
  })

  it('sends only the filters that are set', () => {
    expect(toNoticeFilters(blankNoticeSearch())).toEqual({})
    expect(toNoticeFilters({ status: 'unreceived', q: ' 小吃 ', item: '', department_id: 2, overdue: true })).toEqual({
      status: 'unreceived',
      q: '小吃',
      department_id: 2,
      overdue: true,
    })
  })
})

describe('告知反馈 form', () => {
  it('requires the certificate number, name, date and a validity for 已发证', () => {
    expect(errorsOf({ ...blankAnswer(), result: 'issued' })).toEqual([
      '已发证须填写证件编号',
      '已发证须填写证件名称',
      '已发证须选择发证日期',
      '请选择有效期至，或勾选长期有效',
    ])
    expect(errorsOf({ ...blankAnswer(), result: 'issued', cert_no: 'JY1', cert_name: '食品经营许可证', issued_on: '2026-12-01', long_term: true })).toEqual([])
  })

  it('asks nothing more for the other results, but a result', () => {
    expect(errorsOf(blankAnswer())).toEqual(['请选择反馈结果'])
    expect(errorsOf({ ...blankAnswer(), result: 'not_applied' })).toEqual([])
  })

  it('sends 长期有效 as an empty valid_to and drops certificate fields of other results', () => {
    const body = toAnswerBody({ ...blankAnswer(), result: 'issued', cert_no: ' JY1 ', cert_name: '食品经营许可证', issued_on: '2026-12-01', valid_to: '2030-01-01', long_term: true })
    expect(body).toMatchObject({ result: 'issued', cert_no: 'JY1', issued_on: '2026-12-01', valid_from: null, valid_to: null })
    expect(toAnswerBody({ ...blankAnswer(), result: 'refused', cert_no: 'X', issued_on: '2026-12-01', remark: ' 不符合条件 ' })).toEqual({
      result: 'refused',
      cert_no: '',
      cert_name: '',
      issuing_authority: '',
      issued_on: null,
      valid_from: null,
      valid_to: null,
      permit_content: '',
      remark: '不符合条件',
    })
  })
})

describe('告知接收', () => {
  beforeEach(() => {
    post.mockClear()
    confirm.mockReset()
  })

  it('receives the selected notices in one request after a confirmation', async () => {
    confirm.mockResolvedValueOnce('confirm')
    expect(await confirmReceive([notice(1), notice(6)])).toEqual([1, 6])
    expect(post).toHaveBeenCalledWith('/notices/inbox/receive', { ids: [1, 6] })
  })

  it('sends nothing without a selection or when cancelled', async () => {
    expect(await confirmReceive([])).toBeNull()
    expect(warning).toHaveBeenCalledWith('请先勾选要接收的告知')
    confirm.mockRejectedValueOnce('cancel')
    expect(await confirmReceive([notice(1)])).toBeNull()
    expect(post).not.toHaveBeenCalled()
  })
})

describe('告知规则', () => {
  it('deletes a rule only after the confirmation and drops it from the list', async () => {
    const { rules, remove } = useNoticeRules()
    rules.value = [
      { id: 1, keyword: '小餐饮', item: '食品经营许可', department: { id: 1, name: '窗口' } },
      { id: 2, keyword: '游泳', item: '公共场所卫生许可', department: { id: 2, name: '卫健局' } },
    ]
    confirm.mockRejectedValueOnce('cancel')
    expect(await remove(rules.value[0])).toBe(false)
    expect(del).not.toHaveBeenCalled()
    confirm.mockResolvedValueOnce('confirm')
    expect(await remove(rules.value[0])).toBe(true)
    expect(del).toHaveBeenCalledWith('/notices/rules/1')
    expect(rules.value.map((r) => r.id)).toEqual([2])
  })
})
