import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Matter, PunishmentSubject, ReceivedListing } from '@/api/punishment'

const get = vi.fn()
const post = vi.fn()
const del = vi.fn()
const patch = vi.fn()
const confirm = vi.fn(async () => 'confirm')
const messages: string[] = []
vi.mock('@/api/request', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/request')>()),
  http: {
    get: (path: string, query?: unknown) => get(path, query),
    post: (path: string, body?: unknown) => post(path, body),
    patch: (path: string, body?: unknown) => patch(path, body),
    delete: (path: string) => del(path),
  },
}))
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElMessageBox: { confirm: () => confirm() },
  ElMessage: Object.assign((o: { message: string }) => messages.push(o.message), {
    success: (m: string) => messages.push(m),
    info: (m: string) => messages.push(m),
    warning: (m: string) => messages.push(m),
  }),
}))

const state = await import('./punishmentState')
const { filterCatalog, useCatalog } = await import('./useCatalog')
const { useMatterList, usePublish, useStats } = await import('./useMatters')
const { toListFilters, usePunishmentInbox, useReceivedLists } = await import('./useInbox')

const subject = (id: number): PunishmentSubject => ({ id, name: `店${id}`, uscc: `U${id}`, operator_name: '', established_on: null, address: null })
const entry = (id: number, dept: number, name = `目录${id}`) => ({
  id,
  name,
  proposing_org: '黄石市市场监督管理局',
  basis: '依据',
  measures: `措施${id}`,
  department: { id: dept, name: `部门${dept}` },
})
const matter = (over: Partial<Matter> = {}): Matter => ({
  id: 9,
  category: 'debtor',
  category_label: '失信被执行人名单',
  decision_no: '（2026）鄂02执58号',
  decision_org: '黄石市中级人民法院',
  decision_date: '2026-11-10',
  expected_on: null,
  requirements: '',
  published_at: '2026-11-11T08:00:00+08:00',
  published_by: '刘建国',
  subjects: [
    { business_id: 1, name: '店1', uscc: 'U1', operator_name: '' },
    { business_id: 2, name: '店2', uscc: 'U2', operator_name: '' },
  ],
  entries: [entry(5, 1, '限制部分高消费行为')],
  feedback: [],
  ...over,
})

function errorsOf(rules: Record<string, unknown>, form: Record<string, unknown>): string[] {
  const errors: string[] = []
  for (const [field, list] of Object.entries(rules) as [string, { required?: boolean; whitespace?: boolean; message?: string; min?: number; validator?: (r: unknown, v: unknown, cb: (e?: Error) => void) => void }[]][]) {
    for (const rule of list) {
      const value = form[field]
      if (rule.required && (value === null || value === '' || (rule.whitespace && String(value).trim() === ''))) errors.push(rule.message!)
      rule.validator?.(rule, value, (e) => e && errors.push(e.message))
    }
  }
  return errors
}

beforeEach(() => {
  get.mockReset()
  post.mockReset()
  del.mockReset()
  patch.mockReset()
  confirm.mockReset()
  confirm.mockImplementation(async () => 'confirm')
  messages.length = 0
})

describe('惩戒目录', () => {
  it('asks for every field in Chinese and trims the body', () => {
    expect(errorsOf(state.entryRules as Record<string, unknown>, { ...state.blankEntry() })).toEqual([
      '请填写项目名称',
      '请填写提请机关',
      '请选择惩戒机关',
      '请填写惩戒依据',
      '请填写惩戒措施',
    ])
    expect(state.toEntryBody({ name: ' 限制出境 ', proposing_org: '市局', department_id: 3, basis: ' 依据 ', measures: '措施 ' })).toEqual({
      name: '限制出境',
      proposing_org: '市局',
      department_id: 3,
      basis: '依据',
      measures: '措施',
    })
  })

  it('filters the catalog on any column', () => {
    const rows = [entry(1, 1, '限制部分高消费行为'), entry(2, 2, '限制取得政府供应土地')]
    expect(filterCatalog(rows, '土地').map((r) => r.id)).toEqual([2])
    expect(filterCatalog(rows, '部门1').map((r) => r.id)).toEqual([1])
    expect(filterCatalog(rows, ' ')).toHaveLength(2)
  })

  it('adds an entry, and deletes one only after confirmation', async () => {
    get.mockResolvedValueOnce({ items: [entry(1, 1)] })
    post.mockResolvedValueOnce(entry(2, 2))
    const c = useCatalog()
    await c.load()
    expect(get).toHaveBeenCalledWith('/punishment/catalog', undefined)
    expect(await c.create({ name: '新目录', proposing_org: '市局', department_id: 2, basis: '依据', measures: '措施' })).toBe(true)
    expect(post).toHaveBeenCalledWith('/punishment/catalog', { name: '新目录', proposing_org: '市局', department_id: 2, basis: '依据', measures: '措施' })
    expect(c.entries.value.map((e) => e.id)).toEqual([1, 2])
    confirm.mockRejectedValueOnce('cancel')
    expect(await c.remove(c.entries.value[0])).toBe(false)
    expect(del).not.toHaveBeenCalled()
    del.mockResolvedValueOnce(null)
    expect(await c.remove(c.entries.value[0])).toBe(true)
    expect(del).toHaveBeenCalledWith('/punishment/catalog/1')
    expect(c.entries.value.map((e) => e.id)).toEqual([2])
  })
})

describe('惩戒事项发布', () => {
  it('requires subjects, entries and the decision', () => {
    const form = state.blankMatter()
    expect(errorsOf(state.matterRules(form) as Record<string, unknown>, form as unknown as Record<string, unknown>)).toEqual([
      '请选择惩戒类别',
      '请选择或导入惩戒主体',
      '请选择至少一项惩戒目录',
      '请填写做出惩戒决定文号',
      '请填写做出惩戒决定机关',
      '请选择做出惩戒决定日期',
    ])
    const late = { ...state.blankMatter('debtor'), decision_date: '2026-11-10', expected_on: '2026-11-01' }
    expect(errorsOf(state.matterRules(late) as Record<string, unknown>, late as unknown as Record<string, unknown>)).toContain('期望执行时间不能早于决定日期')
  })

  it('keeps each subject once and names the departments the entries reach', () => {
    const chosen = [subject(1)]
    expect(state.addSubjects(chosen, [subject(1), subject(2), subject(2)])).toBe(1)
    expect(chosen.map((s) => s.id)).toEqual([1, 2])
    expect(state.departmentsOf([entry(1, 1), entry(2, 1), entry(3, 2)], [3, 1, 2])).toEqual(['部门1', '部门2'])
  })

  it('imports subjects from Excel, reports the rows not found, and publishes after confirmation', async () => {
    const done = vi.fn()
    const p = usePublish(done)
    p.pick(subject(1))
    post.mockResolvedValueOnce({ items: [subject(1), subject(3)], failed: [{ row: 3, value: 'X', reason: '统一社会信用代码格式或校验位错误' }] })
    await p.importExcel(new File(['x'], 'a.xlsx'))
    expect(post.mock.calls[0][0]).toBe('/punishment/subjects/parse')
    expect(post.mock.calls[0][1]).toBeInstanceOf(FormData)
    expect(p.form.subjects.map((s) => s.id)).toEqual([1, 3])
    expect(p.failed.value).toHaveLength(1)
    expect(messages).toContain('导入 1 个主体，1 行未匹配')

    Object.assign(p.form, { category: 'debtor', entry_ids: [5], decision_no: ' 文号1 ', decision_org: '黄石市中级人民法院', decision_date: '2026-11-10' })
    confirm.mockRejectedValueOnce('cancel')
    expect(await p.submit()).toBe(false)
    expect(post).toHaveBeenCalledTimes(1)
    post.mockResolvedValueOnce(matter())
    expect(await p.submit()).toBe(true)
    expect(post).toHaveBeenLastCalledWith('/punishment/matters', {
      category: 'debtor',
      business_ids: [1, 3],
      entry_ids: [5],
      decision_no: '文号1',
      decision_org: '黄石市中级人民法院',
      decision_date: '2026-11-10',
      expected_on: null,
      requirements: '',
    })
    expect(done).toHaveBeenCalledOnce()
    expect(p.form.subjects).toEqual([])
  })

  it('searches the register by name, or by code for 18 characters', async () => {
    const p = usePublish(vi.fn())
    get.mockResolvedValue({ items: [], next: null })
    await p.searchRegister('小吃')
    expect(get).toHaveBeenLastCalledWith('/entities', { q: '小吃', limit: 20 })
    await p.searchRegister('92420204ma4fxxxx0x')
    expect(get).toHaveBeenLastCalledWith('/entities', { uscc: '92420204MA4FXXXX0X', limit: 20 })
  })

  it('loads the statistics of the picked year', async () => {
    get.mockResolvedValueOnce({ year: 2026, total: 1, by_category: [], by_entry: [] })
    const s = useStats(2026)
    await s.load()
    expect(get).toHaveBeenCalledWith('/punishment/stats', { year: 2026 })
    expect(s.stats.value?.total).toBe(1)
    expect(state.statYears(new Date(2026, 11, 1))).toEqual([2026, 2025, 2024, 2023, 2022])
  })
})

describe('惩戒实施反馈', () => {
  it('counts the (subject × entry) pairs with a feedback and preselects the first without', () => {
    const fb = { id: 1, business_id: 1, entry_id: 5, entry: '限制部分高消费行为', department_id: 1, department: '部门1', implemented_on: '2026-11-20', measure: 'x', note: '', by: '周法官' }
    expect(state.feedbackProgress(matter())).toEqual({ done: 0, total: 2 })
    expect(state.feedbackProgress(matter({ feedback: [fb, { ...fb, id: 2 }] }))).toEqual({ done: 1, total: 2 })
    expect(state.firstPending(matter({ feedback: [fb] }))).toEqual({ business_id: 2, entry_id: 5 })
    expect(state.firstPending(matter({ feedback: [fb, { ...fb, business_id: 2 }] }))).toBeNull()
  })

  it('requires the pair, the date and the measure', () => {
    expect(errorsOf(state.feedbackRules as Record<string, unknown>, state.blankFeedback() as unknown as Record<string, unknown>)).toEqual([
      '请选择惩戒主体',
      '请选择惩戒目录',
      '请选择实施日期',
      '请填写落实的惩戒措施',
    ])
  })

  it('sends the feedback and shows the updated matter in place', async () => {
    get.mockResolvedValueOnce({ items: [matter()], next: null })
    const inbox = usePunishmentInbox()
    await inbox.run()
    expect(get).toHaveBeenCalledWith('/punishment/inbox', { limit: 20, cursor: null })
    inbox.open(inbox.items.value[0])
    expect([inbox.form.business_id, inbox.form.entry_id, inbox.form.measure]).toEqual([1, 5, '措施5'])
    Object.assign(inbox.form, { implemented_on: '2026-11-20', measure: ' 已发出限制消费令 ' })
    const updated = matter({ feedback: [{ id: 1, business_id: 1, entry_id: 5, entry: '限制部分高消费行为', department_id: 1, department: '部门1', implemented_on: '2026-11-20', measure: '已发出限制消费令', note: '', by: '周法官' }] })
    post.mockResolvedValueOnce(updated)
    expect(await inbox.submit()).toBe(true)
    expect(post).toHaveBeenCalledWith('/punishment/inbox/9/feedback', { business_id: 1, entry_id: 5, implemented_on: '2026-11-20', measure: '已发出限制消费令', note: '' })
    expect(inbox.items.value[0].feedback).toHaveLength(1)
    expect(inbox.target.value).toBeNull()
  })
})

describe('名单接收', () => {
  it('sends the kind, the search and the download state', () => {
    expect(toListFilters('abnormal', { q: '', downloaded: '' })).toEqual({ kind: 'abnormal' })
    expect(toListFilters('serious_violation', { q: ' 店 ', downloaded: 'no' })).toEqual({ kind: 'serious_violation', q: '店', downloaded: false })
  })

  it('asks to select rows before downloading', async () => {
    const lists = useReceivedLists('abnormal')
    get.mockResolvedValueOnce({ items: [{ id: 1, downloaded: false, download_label: '未下载' } as ReceivedListing], next: null })
    await lists.run()
    await lists.download()
    expect(messages).toContain('请先勾选要下载的记录')
  })
  it('downloads the selected rows and marks them 已下载; a refusal leaves them as they were', async () => {
    const lists = useReceivedLists('serious_violation')
    get.mockResolvedValue({ items: [{ id: 1, downloaded: false, download_label: '未下载' } as ReceivedListing, { id: 2, downloaded: false, download_label: '未下载' } as ReceivedListing], next: null })
    await lists.run()
    const fetchMock = vi.fn(async () => new Response('xlsx', { status: 200, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }))
    vi.stubGlobal('fetch', fetchMock)
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    lists.selected.value = [lists.items.value[0]]
    await lists.download()
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/v1/admin/punishment/lists/download')
    expect(JSON.parse(String(init.body))).toEqual({ kind: 'serious_violation', ids: [1] })
    expect(lists.items.value.map((x) => x.download_label)).toEqual(['已下载', '未下载'])

    fetchMock.mockImplementationOnce(async () =>
      new Response(JSON.stringify({ code: 'PUNISHMENT_NOT_ADDRESSED', message: '所选记录不在本部门接收范围内', data: null }), {
        status: 403,
        headers: { 'Content-Type': 'application/json' },
      }),
    )
    lists.selected.value = [lists.items.value[1]]
    await lists.download()
    expect(lists.items.value[1].downloaded).toBe(false)
    expect(messages).toContain('所选记录不在本部门接收范围内')
    vi.unstubAllGlobals()
  })
})

describe('惩戒事项管理：导出、修改、删除', () => {
  const fb = { id: 1, business_id: 1, entry_id: 5, entry: '限制部分高消费行为', department_id: 1, department: '部门1', implemented_on: '2026-11-20', measure: 'x', note: '', by: '周法官' }
  const xlsx = () =>
    new Response('xlsx', { status: 200, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } })

  it('fills the form from a matter and sends the new sets without the category', () => {
    const form = state.matterToForm(matter({ expected_on: null, requirements: '按期反馈' }))
    expect(form.subjects.map((s) => [s.id, s.name])).toEqual([
      [1, '店1'],
      [2, '店2'],
    ])
    expect([form.category, form.entry_ids, form.expected_on, form.requirements]).toEqual(['debtor', [5], '', '按期反馈'])
    form.subjects.pop()
    form.requirements = ' 四月底前反馈 '
    expect(state.toMatterPatch(form)).toEqual({
      business_ids: [1],
      entry_ids: [5],
      decision_no: '（2026）鄂02执58号',
      decision_org: '黄石市中级人民法院',
      decision_date: '2026-11-10',
      expected_on: null,
      requirements: '四月底前反馈',
    })
    const locked = state.lockedByFeedback(matter({ feedback: [fb] }))
    expect([[...locked.businesses], [...locked.entries]]).toEqual([[1], [5]])
    expect(state.lockedByFeedback(null).businesses.size).toBe(0)
  })

  it('loads the matter to edit and saves it with PATCH, without the publish confirmation', async () => {
    const done = vi.fn()
    get.mockResolvedValueOnce(matter({ feedback: [fb] }))
    const p = usePublish(done, 9)
    expect(await p.loadMatter()).toBe(true)
    expect(get).toHaveBeenCalledWith('/punishment/matters/9', undefined)
    expect(p.form.subjects.map((s) => s.id)).toEqual([1, 2])
    p.form.requirements = '请于四月底前反馈'
    patch.mockResolvedValueOnce(matter({ requirements: '请于四月底前反馈' }))
    expect(await p.submit()).toBe(true)
    expect(confirm).not.toHaveBeenCalled()
    expect(patch).toHaveBeenCalledWith('/punishment/matters/9', expect.objectContaining({ requirements: '请于四月底前反馈', business_ids: [1, 2] }))
    expect(done).toHaveBeenCalledOnce()
    expect(messages).toContain('惩戒事项已修改')
    // A refusal (409) keeps the form as it is; the request client shows the message.
    patch.mockRejectedValueOnce(new Error('惩戒主体已有惩戒实施反馈，不能移除'))
    expect(await p.submit()).toBe(false)
    expect(done).toHaveBeenCalledOnce()
    expect(await usePublish(vi.fn()).loadMatter()).toBe(false)
  })

  it('deletes a matter only after confirmation and drops it from the list', async () => {
    get.mockResolvedValueOnce({ items: [matter(), matter({ id: 10 })], next: null })
    const list = useMatterList()
    await list.run()
    list.selected.value = [list.items.value[0]]
    confirm.mockRejectedValueOnce('cancel')
    expect(await list.remove(list.items.value[0])).toBe(false)
    expect(del).not.toHaveBeenCalled()
    del.mockRejectedValueOnce(new Error('该惩戒事项已有惩戒实施反馈，不能删除'))
    expect(await list.remove(list.items.value[0])).toBe(false)
    expect(list.items.value).toHaveLength(2)
    del.mockResolvedValueOnce(null)
    expect(await list.remove(list.items.value[0])).toBe(true)
    expect(del).toHaveBeenLastCalledWith('/punishment/matters/9')
    expect(list.items.value.map((m) => m.id)).toEqual([10])
    expect(list.selected.value).toEqual([])
  })

  it('exports the selected matters, else the applied query; the inbox downloads Excel with its filters', async () => {
    const fetchMock = vi.fn(async () => xlsx())
    vi.stubGlobal('fetch', fetchMock)
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    get.mockResolvedValue({ items: [matter(), matter({ id: 10 })], next: null })
    const list = useMatterList()
    list.search.category = 'debtor'
    list.search.q = ' 店1 '
    await list.run()
    await list.exportExcel()
    const first = new URL(String((fetchMock.mock.calls[0] as unknown as [string])[0]), 'http://x')
    expect(first.pathname).toBe('/api/v1/admin/punishment/matters/export')
    expect(Object.fromEntries(first.searchParams)).toEqual({ category: 'debtor', q: '店1' })
    list.selected.value = [...list.items.value]
    await list.exportExcel()
    const second = new URL(String((fetchMock.mock.calls[1] as unknown as [string])[0]), 'http://x')
    expect(Object.fromEntries(second.searchParams)).toEqual({ ids: '9,10' })

    const inbox = usePunishmentInbox()
    inbox.search.category = 'dishonest'
    await inbox.run()
    await inbox.exportAs('xlsx')
    const third = new URL(String((fetchMock.mock.calls[2] as unknown as [string])[0]), 'http://x')
    expect(third.pathname).toBe('/api/v1/admin/punishment/inbox/export')
    expect(Object.fromEntries(third.searchParams)).toEqual({ format: 'xlsx', category: 'dishonest' })
    expect(list.exporting.value).toBe(false)
    vi.unstubAllGlobals()
  })
})
