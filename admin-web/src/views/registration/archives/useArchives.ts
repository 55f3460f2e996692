// 电子档案: list, one archive with its bundled documents, the 归档信息 edit, the zip.
import { computed, reactive, ref, shallowRef } from 'vue'
import { useRouter } from 'vue-router'
import { ElMessage, type FormRules } from 'element-plus'
import { ApiError } from '@/api/request'
import {
  downloadArchiveZip,
  exportArchives,
  fetchArchiveFile,
  getArchive,
  listArchives,
  updateArchive,
  type ArchiveDetail,
  type ArchiveFilters,
  type ArchiveInfo,
  type ArchiveItem,
  type ArchiveUpdate,
  type DocumentRef,
} from '@/api/registrations'
import { useCursorList } from '@/composables/useCursorList'
import { useFilePreview } from '@/composables/useFilePreview'

export interface ArchiveSearch {
  name: string
  uscc: string
  archive_no: string
}

export function toArchiveFilters(form: ArchiveSearch): ArchiveFilters {
  const filters: ArchiveFilters = {}
  if (form.name.trim()) filters.name = form.name.trim()
  if (form.uscc.trim()) filters.uscc = form.uscc.trim().toUpperCase()
  if (form.archive_no.trim()) filters.archive_no = form.archive_no.trim().toUpperCase()
  return filters
}

export function useArchiveList() {
  const router = useRouter()
  const form = reactive<ArchiveSearch>({ name: '', uscc: '', archive_no: '' })
  let applied: ArchiveFilters = {}
  const list = useCursorList<ArchiveItem>((page) => listArchives({ ...applied, ...page }))
  const exporting = ref(false)

  function search(): Promise<void> {
    applied = toArchiveFilters(form)
    return list.reload()
  }
  function reset(): Promise<void> {
    Object.assign(form, { name: '', uscc: '', archive_no: '' })
    return search()
  }
  async function exportExcel(): Promise<void> {
    exporting.value = true
    try {
      await exportArchives(applied)
    } catch {
      // shown by the request client
    } finally {
      exporting.value = false
    }
  }
  const openDetail = (row: ArchiveItem) => router.push({ name: 'registration-archive', params: { id: row.id } })
  return { form, ...list, search, reset, exporting, exportExcel, openDetail }
}

export type ArchiveForm = { [K in keyof ArchiveInfo]: string }

export const ARCHIVE_FIELDS: { key: keyof ArchiveInfo; label: string; required: boolean; max: number }[] = [
  { key: 'title', label: '案卷名称', required: true, max: 128 },
  { key: 'reason', label: '归档原因', required: true, max: 128 },
  { key: 'archive_org', label: '归档机构', required: true, max: 128 },
  { key: 'archivist', label: '归档人', required: false, max: 64 },
  { key: 'location', label: '归档地点', required: false, max: 128 },
  { key: 'archived_on', label: '归档日期', required: true, max: 10 },
]

export const archiveFormOf = (info: ArchiveInfo): ArchiveForm => ({
  title: info.title ?? '',
  reason: info.reason ?? '',
  archive_org: info.archive_org ?? '',
  archivist: info.archivist ?? '',
  location: info.location ?? '',
  archived_on: info.archived_on ?? '',
})

/** Only what changed; an emptied 归档人 / 归档地点 is sent as null (the API clears those two only). */
export function archiveChanges(before: ArchiveInfo, form: ArchiveForm): ArchiveUpdate {
  const changes: Record<string, string | null> = {}
  for (const { key, required } of ARCHIVE_FIELDS) {
    const after = form[key].trim()
    if (after === (before[key] ?? '')) continue
    if (!after && required) continue
    changes[key] = after || null
  }
  return changes as ArchiveUpdate
}

export function archiveRules(): FormRules {
  const rules: FormRules = {}
  for (const f of ARCHIVE_FIELDS) {
    rules[f.key] = [
      ...(f.required ? [{ required: true, whitespace: true, message: `请填写${f.label}`, trigger: f.key === 'archived_on' ? 'change' : 'blur' }] : []),
      { max: f.max, message: `${f.label}不超过${f.max}字`, trigger: 'blur' },
    ]
  }
  return rules
}

export function useArchiveDetail(id: () => number) {
  const archive = shallowRef<ArchiveDetail | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const zipping = ref(false)
  const editing = ref(false)
  const saving = ref(false)
  const form = reactive<ArchiveForm>(archiveFormOf({ title: '', reason: '', archive_org: '', archivist: null, location: null, archived_on: '' }))
  const preview = useFilePreview()

  async function load(): Promise<void> {
    loading.value = true
    try {
      archive.value = await getArchive(id())
      error.value = null
    } catch (failure) {
      error.value = failure instanceof ApiError ? failure.message : '加载失败'
    } finally {
      loading.value = false
    }
  }

  const info = computed(() => archive.value?.archive ?? null)

  function startEdit(): void {
    if (!archive.value) return
    Object.assign(form, archiveFormOf(archive.value.archive))
    editing.value = true
  }

  /** Save the 归档信息; true when done (or nothing changed). */
  async function save(): Promise<boolean> {
    if (!archive.value) return false
    const changes = archiveChanges(archive.value.archive, form)
    if (!Object.keys(changes).length) {
      ElMessage.info('没有修改')
      editing.value = false
      return true
    }
    saving.value = true
    try {
      archive.value = await updateArchive(id(), changes)
      ElMessage.success('归档信息已保存')
      editing.value = false
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }

  async function downloadZip(): Promise<void> {
    if (!archive.value) return
    zipping.value = true
    try {
      await downloadArchiveZip(id(), archive.value.archive_no)
    } catch {
      // shown by the request client
    } finally {
      zipping.value = false
    }
  }

  const openFile = (doc: DocumentRef) => preview.open(doc.title, () => fetchArchiveFile(id(), doc.code))
  const downloadOne = (doc: DocumentRef) => preview.download(doc.title, () => fetchArchiveFile(id(), doc.code))

  return { archive, info, loading, error, load, editing, saving, form, startEdit, save, zipping, downloadZip, preview, openFile, downloadOne }
}
