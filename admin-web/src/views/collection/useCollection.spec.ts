import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import type { CollectionJob, CollectionRecord, FieldDef } from '@/api/collection'
import { ApiError } from '@/api/request'

const api = {
  deleteCollectionRecord: vi.fn(),
  updateCollectionRecord: vi.fn(),
  getCollectionRecord: vi.fn(),
  listCollectionRecords: vi.fn(async () => ({ items: [], next: null })),
  createCollectionRecord: vi.fn(),
  startCollectionImport: vi.fn(),
  getCollectionImport: vi.fn(),
  listCollectionImports: vi.fn(async () => ({ items: [], next: null })),
}
vi.mock('@/api/collection', async (importOriginal) => ({ ...(await importOriginal<typeof import('@/api/collection')>()), ...api }))
vi.mock('@/api/entities', () => ({ listEntities: vi.fn(async () => ({ items: [], next: null })) }))
const confirm = vi.fn(async () => 'confirm')
const messages: string[] = []
vi.mock('element-plus', async (importOriginal) => ({
  ...(await importOriginal<typeof import('element-plus')>()),
  ElMessageBox: { confirm: () => confirm() },
  ElMessage: {
    success: (m: string) => messages.push(`success:${m}`),
    error: (m: string) => messages.push(`error:${m}`),
    warning: (m: string) => messages.push(`warning:${m}`),
    info: (m: string) => messages.push(`info:${m}`),
  },
}))

const { confirmDelete, editPatch, subjectOf, useCollectionRecords } = await import('./useCollectionRecords')
const { importFileError, useCollectionImport } = await import('./useCollectionImport')
const { toEntityFilters, useCollectionEntry } = await import('./useCollectionEntry')
const { compareFileError } = await import('./useCollectionCompare')

const FIELDS: FieldDef[] = [
  { name: 'record_no', label: '许可文件编号', type: 'text', required: true },
  { name: 'content', label: '许可内容', type: 'textarea', required: true, max_length: 1000 },
  { name: 'is_public', label: '是否公示', type: 'bool', required: true },
]
const fieldsOf = () => FIELDS

const record = (over: Partial<CollectionRecord> = {}): CollectionRecord => ({
  id: 5,
  kind: 'license',
  kind_label: '行政许可',
  subject_code: '91420200MA0000000X',
  subject_name: '不存在的店',
  business_id: null,
  record_no: '许1',
  name: '食品经营许可',
  authority: '市监局',
  match_state: 'unmatched',
  match_state_label: '记名不成功',
  match_note: '未找到代码为91420200MA0000000X的主体',
  channel: 'excel',
  channel_label: '批量导入',
  source_org_name: '夏路区市场监督管理局',
  updated_at: '2026-03-01T00:00:00Z',
  fields: { record_no: '许1', content: '准予' },
  is_public: true,
  business: null,
  changes: [],
  ...over,
})

const job = (over: Partial<CollectionJob>): CollectionJob => ({
  id: 9,
  kind: 'license',
  kind_label: '行政许可',
  file_name: 'a.xlsx',
  channel: 'excel',
  status: 'pending',
  status_label: '排队中',
  total: 3,
  done: 0,
  matched: 0,
  unmatched: 0,
  failed: 0,
  created_at: '2026-03-01T00:00:00Z',
  finished_at: null,
  org_name: '夏路区市场监督管理局',
  ...over,
})

beforeEach(() => {
  messages.length = 0
  vi.clearAllMocks()
})

describe('本部门问题数据处理', () => {
  it('修改 sends the corrected code and the changed fields only', () => {
    const patch = editPatch(FIELDS, record(), { subject_code: ' 92420204ma6wpdqnqh ', subject_name: '不存在的店' }, { record_no: '许1', content: '准予许可', is_public: true })
    expect(patch).toEqual({ subject_code: '92420204MA6WPDQNQH', fields: { content: '准予许可' } })
  })

  it('shows the matched business when the record has no code of its own, and patches nothing unchanged', () => {
    const matched = record({ subject_code: null, subject_name: null, business: { id: 3, name: '黄石小吃店', uscc: '92420204MA6WPDQNQH', reg_no: null, status: 'active' } })
    const subject = subjectOf(matched)
    expect(subject).toEqual({ subject_code: '92420204MA6WPDQNQH', subject_name: '黄石小吃店' })
    expect(editPatch(FIELDS, matched, subject, { record_no: '许1', content: '准予', is_public: true })).toEqual({})
  })

  it('saving re-matches and shows the new state in the list', async () => {
    const scope = effectScope()
    const state = scope.run(() => useCollectionRecords(fieldsOf))!
    api.listCollectionRecords.mockResolvedValueOnce({ items: [record()], next: null } as never)
    await state.search()
    expect(api.listCollectionRecords).toHaveBeenCalledWith({ kind: 'license', match_state: 'unmatched', cursor: null, limit: 20 })
    api.getCollectionRecord.mockResolvedValueOnce(record())
    await state.openEdit(state.items.value[0])
    expect(state.subject.subject_code).toBe('91420200MA0000000X')
    state.subject.subject_code = '92420204MA6WPDQNQH'
    api.updateCollectionRecord.mockResolvedValueOnce(record({ subject_code: '92420204MA6WPDQNQH', match_state: 'matched', match_state_label: '记名成功', match_note: null, business_id: 3 }))
    const saved = await state.saveEdit(async () => true)
    expect(api.updateCollectionRecord).toHaveBeenCalledWith(5, { subject_code: '92420204MA6WPDQNQH' })
    expect(saved?.match_state).toBe('matched')
    expect(state.items.value[0].match_state_label).toBe('记名成功')
    expect(state.editing.value).toBeNull()
    expect(messages).toEqual(['success:已保存，记名状态：记名成功'])
    scope.stop()
  })

  it('查看明细 pins the list to one import job until unpinned', async () => {
    const state = useCollectionRecords(fieldsOf, { match_state: '' }, 12)
    await state.search()
    expect(api.listCollectionRecords).toHaveBeenLastCalledWith({ kind: 'license', import_id: 12, cursor: null, limit: 20 })
    await state.unpinImport()
    expect(api.listCollectionRecords).toHaveBeenLastCalledWith({ kind: 'license', cursor: null, limit: 20 })
  })

  it('refuses to save with both the code and the name emptied', async () => {
    const state = useCollectionRecords(fieldsOf)
    api.getCollectionRecord.mockResolvedValueOnce(record())
    await state.openEdit(record())
    Object.assign(state.subject, { subject_code: ' ', subject_name: '' })
    expect(await state.saveEdit(async () => true)).toBeNull()
    expect(api.updateCollectionRecord).not.toHaveBeenCalled()
    expect(messages).toEqual(['warning:主体代码和主体名称不能同时为空'])
  })

  it('删除 shows the 409 message of a matched record', async () => {
    api.deleteCollectionRecord.mockRejectedValueOnce(new ApiError('COLLECTION_RECORD_MATCHED', '已记名成功的信息不能删除', 409))
    expect(await confirmDelete(record())).toBe(false)
    expect(messages).toEqual(['error:已记名成功的信息不能删除'])
    api.deleteCollectionRecord.mockResolvedValueOnce(null)
    expect(await confirmDelete(record())).toBe(true)
    confirm.mockRejectedValueOnce(new Error('cancel'))
    expect(await confirmDelete(record())).toBe(false)
    expect(api.deleteCollectionRecord).toHaveBeenCalledTimes(2)
  })
})

describe('批量导入', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('accepts .xlsx and .xml files only', () => {
    expect(importFileError(null)).toBe('请选择要导入的文件')
    expect(importFileError(new File(['x'], 'a.xls'))).toContain('.xlsx')
    expect(importFileError(new File([''], 'a.xlsx'))).toBe('文件是空的，请重新选择')
    expect(importFileError(new File(['x'], 'a.XML'))).toBeNull()
  })

  it('uploads, shows the job in the list and follows it until it ends', async () => {
    const scope = effectScope()
    const state = scope.run(() => useCollectionImport())!
    await state.search()
    state.kind.value = 'penalty'
    state.pick(new File(['x'], '处罚.xlsx'))
    api.startCollectionImport.mockResolvedValueOnce(job({ kind: 'penalty' }))
    api.getCollectionImport
      .mockResolvedValueOnce(job({ status: 'running', done: 2 }))
      .mockResolvedValueOnce(job({ status: 'done', done: 3, matched: 1, unmatched: 1, failed: 1, status_label: '导入完成' }))
    await state.start()
    expect(api.startCollectionImport).toHaveBeenCalledWith('penalty', expect.any(File))
    expect(state.items.value.map((j) => j.id)).toEqual([9])
    await vi.advanceTimersByTimeAsync(1000)
    expect(state.items.value[0].done).toBe(2)
    await vi.advanceTimersByTimeAsync(1000)
    expect(state.job.value?.status).toBe('done')
    expect(state.items.value[0]).toMatchObject({ matched: 1, unmatched: 1, failed: 1 })
    await vi.advanceTimersByTimeAsync(5000)
    expect(api.getCollectionImport).toHaveBeenCalledTimes(2)
    scope.stop()
  })

  it('sends the kind and status filters', async () => {
    const state = useCollectionImport()
    Object.assign(state.filters, { kind: 'support', status: 'done' })
    await state.search()
    expect(api.listCollectionImports).toHaveBeenLastCalledWith({ kind: 'support', status: 'done', cursor: null, limit: 20 })
  })
})

describe('在线录入', () => {
  it('searches 企业 or 个体 by name and code', () => {
    expect(toEntityFilters({ subject: 'individual', name: ' 小吃 ', code: '' })).toEqual({ kind: 'individual', q: '小吃' })
    expect(toEntityFilters({ subject: 'enterprise', name: '', code: '92420204ma6wpdqnqh' })).toEqual({ kind: 'enterprise', uscc: '92420204MA6WPDQNQH' })
  })

  it('asks for a name or a code before searching the register', async () => {
    const state = useCollectionEntry(fieldsOf)
    await state.search()
    expect(state.needInput.value).toBe(true)
    expect(state.searched.value).toBe(false)
  })

  it('saves the entry for the found business', async () => {
    const state = useCollectionEntry(fieldsOf)
    state.openEntry('license', { id: 3, name: '黄石小吃店' } as never)
    state.values.value = { record_no: ' 许2 ', content: '准予', is_public: true }
    api.createCollectionRecord.mockResolvedValueOnce(record({ id: 6, match_state: 'matched', match_state_label: '记名成功' }))
    const saved = await state.save(async () => true)
    expect(api.createCollectionRecord).toHaveBeenCalledWith({ kind: 'license', business_id: 3, fields: { record_no: '许2', content: '准予' }, is_public: true })
    expect(saved?.id).toBe(6)
    expect(state.entering.value).toBeNull()
    expect(messages).toEqual(['success:保存成功，记名状态：记名成功'])
  })

  it('shows the reasons of the API under the refused fields', async () => {
    const state = useCollectionEntry(fieldsOf)
    state.openEntry('license', { id: 3, name: '店' } as never)
    state.values.value = { record_no: '许3', content: '准予', is_public: true }
    api.createCollectionRecord.mockRejectedValueOnce(
      new ApiError('COLLECTION_FIELDS_INVALID', '审批类别应为以下之一：普通、特许', 422, { errors: [{ field: 'category', label: '审批类别', message: '审批类别应为以下之一：普通、特许' }] }),
    )
    expect(await state.save(async () => true)).toBeNull()
    expect(state.fieldErrors.value).toEqual({ category: '审批类别应为以下之一：普通、特许' })
    expect(state.entering.value).not.toBeNull()
  })

  it('does not save an invalid form', async () => {
    const state = useCollectionEntry(fieldsOf)
    state.openEntry('license', { id: 3, name: '店' } as never)
    expect(await state.save(async () => false)).toBeNull()
    expect(api.createCollectionRecord).not.toHaveBeenCalled()
  })
})

describe('批量对比', () => {
  it('takes a filled .xlsx template', () => {
    expect(compareFileError(null)).toBe('请选择填写好的批量对比模板')
    expect(compareFileError(new File(['x'], 'a.csv'))).toContain('.xlsx')
    expect(compareFileError(new File(['x'], 'a.xlsx'))).toBeNull()
  })
})
