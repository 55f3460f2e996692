// 本部门问题数据处理: filter the department's records, 查看 / 修改 / 删除.
import { reactive, ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { confirmed } from '@/composables/confirm'
import {
  deleteCollectionRecord,
  getCollectionRecord,
  listCollectionRecords,
  updateCollectionRecord,
  type CollectionKind,
  type CollectionRecord,
  type CollectionRecordFilters,
  type CollectionRecordSummary,
  type CollectionRecordUpdate,
  type FieldDef,
} from '@/api/collection'
import { ApiError } from '@/api/request'
import { useCursorList } from '@/composables/useCursorList'
import { blankSearch, toRecordFilters, type RecordSearch } from './collectionState'
import { changesOf, serverFieldErrors, valuesOf, type FormValues } from './recordForm'

export interface SubjectValues {
  subject_code: string
  subject_name: string
}

/** The subject as 修改 shows it: the record's code / name, else the matched business's. */
export function subjectOf(record: CollectionRecord): SubjectValues {
  return {
    subject_code: record.subject_code || record.business?.uscc || record.business?.reg_no || '',
    subject_name: record.subject_name || record.business?.name || '',
  }
}

/** The PATCH body of 修改: the changed subject code / name and fields only. */
export function editPatch(fields: FieldDef[], record: CollectionRecord, subject: SubjectValues, values: FormValues): CollectionRecordUpdate {
  const patch: CollectionRecordUpdate = { ...changesOf(fields, record, values) }
  const before = subjectOf(record)
  const code = subject.subject_code.trim().toUpperCase()
  const name = subject.subject_name.trim()
  if (code !== before.subject_code) patch.subject_code = code
  if (name !== before.subject_name) patch.subject_name = name
  return patch
}

/** A summary row from a stored record (to swap it in the list after 修改). */
export function summaryOf(record: CollectionRecord): CollectionRecordSummary {
  const { fields: _f, is_public: _p, business: _b, changes: _c, ...summary } = record
  return summary
}

export const canDelete = (row: CollectionRecordSummary) => row.match_state !== 'matched'

/** 删除 after a confirmation; a matched record answers 409 and its message is shown. */
export async function confirmDelete(row: CollectionRecordSummary): Promise<boolean> {
  const what = `「${row.subject_name ?? row.subject_code ?? ''}」的这条${row.kind_label}信息`
  if (!(await confirmed(`确定删除${what}吗？删除后不能恢复。`, '删除确认'))) return false
  try {
    await deleteCollectionRecord(row.id)
    ElMessage.success('已删除')
    return true
  } catch (error) {
    ElMessage.error(error instanceof ApiError ? error.message : '删除失败，请稍后再试')
    return false
  }
}

export function useCollectionRecords(fieldsOf: (kind: CollectionKind) => FieldDef[], initial: Partial<RecordSearch> = {}, importId: number | null = null) {
  const form = reactive<RecordSearch>({ ...blankSearch(), ...initial })
  // 批量导入 › 查看明细 pins the list to one job until the tag is closed.
  const pinnedImport = ref<number | null>(importId)
  let applied: CollectionRecordFilters = toRecordFilters(form)
  const list = useCursorList<CollectionRecordSummary>((page) => listCollectionRecords({ ...applied, ...page }))

  function search(): Promise<void> {
    applied = toRecordFilters(form)
    if (pinnedImport.value) applied.import_id = pinnedImport.value
    return list.reload()
  }

  /** Start over from what a link asked for (the same screen reached again with another query). */
  function applyQuery(initial: Partial<RecordSearch>, importId: number | null): Promise<void> {
    Object.assign(form, blankSearch(), initial)
    pinnedImport.value = importId
    return search()
  }

  function unpinImport(): Promise<void> {
    pinnedImport.value = null
    return search()
  }

  function switchKind(kind: CollectionKind): Promise<void> {
    form.kind = kind
    return search()
  }

  function reset(): Promise<void> {
    Object.assign(form, blankSearch(form.kind))
    return search()
  }

  const detailId = ref<number | null>(null)

  // 修改
  const editing = shallowRef<CollectionRecord | null>(null)
  const subject = reactive<SubjectValues>({ subject_code: '', subject_name: '' })
  const values = ref<FormValues>({})
  const saving = ref(false)
  const fieldErrors = ref<Record<string, string>>({})

  async function openEdit(row: CollectionRecordSummary): Promise<void> {
    try {
      const record = await getCollectionRecord(row.id)
      Object.assign(subject, subjectOf(record))
      fieldErrors.value = {}
      values.value = valuesOf(fieldsOf(record.kind), record)
      editing.value = record
    } catch {
      // shown by the client
    }
  }

  async function saveEdit(validate: () => Promise<boolean>): Promise<CollectionRecord | null> {
    const record = editing.value
    if (!record || saving.value) return null
    if (!subject.subject_code.trim() && !subject.subject_name.trim()) {
      ElMessage.warning('主体代码和主体名称不能同时为空')
      return null
    }
    fieldErrors.value = {}
    if (!(await validate())) return null
    const patch = editPatch(fieldsOf(record.kind), record, subject, values.value)
    if (!Object.keys(patch).length) {
      ElMessage.info('没有修改')
      editing.value = null
      return null
    }
    saving.value = true
    try {
      const saved = await updateCollectionRecord(record.id, patch)
      const show = saved.match_state === 'matched' ? ElMessage.success : ElMessage.warning
      show(`已保存，记名状态：${saved.match_state_label}${saved.match_note && saved.match_state !== 'matched' ? `（${saved.match_note}）` : ''}`)
      list.replace((r) => r.id === saved.id, summaryOf(saved))
      editing.value = null
      return saved
    } catch (error) {
      fieldErrors.value = serverFieldErrors(error)
      return null
    } finally {
      saving.value = false
    }
  }

  async function remove(row: CollectionRecordSummary): Promise<void> {
    if (await confirmDelete(row)) list.items.value = list.items.value.filter((r) => r.id !== row.id)
  }

  return { form, ...list, search, switchKind, reset, pinnedImport, unpinImport, applyQuery, detailId, editing, subject, values, saving, fieldErrors, openEdit, saveEdit, remove }
}
