import { describe, expect, it, vi } from 'vitest'

const get = vi.fn(async (_path: string, _query?: unknown) => ({ items: [], next: null }))
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: { get: (path: string, query?: unknown) => get(path, query), post: vi.fn(), patch: vi.fn(), delete: vi.fn() },
}))

const { blankCreditSearch, toCreditFilters, useCreditList } = await import('./useCreditList')
const { blankApplyForm, toApplyBody, toListingFilters, useCreditListings } = await import('../listings/useCreditListings')

describe('credit application list', () => {
  it('asks for todo=true on 我的待办 and applies the status filter only on 全部', () => {
    const form = { ...blankCreditSearch(), number: ' xf2026 ', status: 'approved', kind: 'individual_abnormal' }
    expect(toCreditFilters('todo', form)).toEqual({ todo: true, number: 'XF2026', kind: 'individual_abnormal' })
    expect(toCreditFilters('all', form)).toEqual({ number: 'XF2026', kind: 'individual_abnormal', status: 'approved' })
  })

  it('queries the server with the filters and the cursor, and clears the status on 我的待办', async () => {
    const list = useCreditList('all')
    list.form.status = 'refused'
    await list.search()
    expect(get).toHaveBeenLastCalledWith('/credit/applications', { status: 'refused', cursor: null, limit: 20, todo: undefined })
    await list.switchTab('todo')
    expect(list.form.status).toBe('')
    expect(get).toHaveBeenLastCalledWith('/credit/applications', { todo: 'true', cursor: null, limit: 20 })
  })
})

describe('列严 / 列异 listings', () => {
  it('starts on the first kind of its group and maps the filters', async () => {
    const abnormal = useCreditListings('abnormal')
    expect(abnormal.form.kind).toBe('individual_abnormal')
    expect(useCreditListings('serious').form.kind).toBe('serious_violation')
    abnormal.form.uscc = ' 92420204ma7ltpfbd2 '
    abnormal.form.dates = ['2025-01-01', '2025-12-31']
    await abnormal.search()
    expect(get).toHaveBeenLastCalledWith('/credit/listings', {
      kind: 'individual_abnormal',
      uscc: '92420204MA7LTPFBD2',
      date_from: '2025-01-01',
      date_to: '2025-12-31',
      cursor: null,
      limit: 20,
    })
    expect(toListingFilters({ kind: 'serious_violation', name: '', uscc: '', reason: ' 年报 ', dates: null })).toEqual({
      kind: 'serious_violation',
      reason: '年报',
    })
  })

  it('builds the 办理 body with optional fields left out and materials by type', () => {
    expect(toApplyBody({ ...blankApplyForm(), reason: ' 已补报年报 ' })).toEqual({ reason: '已补报年报' })
    expect(
      toApplyBody({
        applicant_name: '张三',
        phone: '13900000001',
        reason: '已整改',
        materials: { application: [{ id: 3, name: 'a.pdf' }], commitment: [{ id: 4, name: 'b.pdf' }], other: [] },
      }),
    ).toEqual({
      applicant_name: '张三',
      phone: '13900000001',
      reason: '已整改',
      materials: [
        { type: 'application', file_id: 3 },
        { type: 'commitment', file_id: 4 },
      ],
    })
  })
})
