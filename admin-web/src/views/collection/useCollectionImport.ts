// 批量导入: the job list with its filters, and the dialog that uploads an .xlsx / .xml file
// and follows the job until it ends.
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import {
  downloadCollectionReport,
  downloadCollectionTemplate,
  downloadCollectionXmlSample,
  getCollectionImport,
  listCollectionImports,
  startCollectionImport,
  type Choice,
  type CollectionJob,
  type CollectionJobFilters,
  type CollectionKind,
} from '@/api/collection'
import { useJobPoller } from '@/components/useJobPoller'
import { useCursorList } from '@/composables/useCursorList'
import { jobFinished, jobsOnDays } from './collectionState'

const IMPORT_FILE = /\.(xlsx|xml)$/i

export const JOB_STATUS_OPTIONS: Choice[] = [
  { value: 'pending', label: '排队中' },
  { value: 'running', label: '处理中' },
  { value: 'done', label: '已完成' },
  { value: 'failed', label: '失败' },
]

/** Why a picked file cannot be imported, or null. */
export function importFileError(file: File | null): string | null {
  if (!file) return '请选择要导入的文件'
  if (!IMPORT_FILE.test(file.name)) return '请选择按模板填写的 Excel 文件（.xlsx）或数据接口 XML 文件（.xml）'
  if (!file.size) return '文件是空的，请重新选择'
  return null
}

export function useCollectionImport() {
  // The list and its filters (导入日期 filters the loaded rows; kind and status go to the API).
  const filters = reactive<{ days: [string, string] | null; kind: string; status: string }>({ days: null, kind: '', status: '' })
  let applied: CollectionJobFilters = {}
  const list = useCursorList<CollectionJob>((page) => listCollectionImports({ ...applied, ...page }))
  const rows = computed(() => jobsOnDays(list.items.value, filters.days))
  const statusOptions = computed(() => {
    const known = new Map(JOB_STATUS_OPTIONS.map((o) => [o.value, o]))
    for (const j of list.items.value) if (!known.has(j.status)) known.set(j.status, { value: j.status, label: j.status_label })
    return [...known.values()]
  })

  function search(): Promise<void> {
    applied = { kind: filters.kind || undefined, status: filters.status || undefined }
    return list.reload()
  }

  function reset(): Promise<void> {
    Object.assign(filters, { days: null, kind: '', status: '' })
    return search()
  }

  // The 批量导入 dialog.
  const visible = ref(false)
  const kind = ref<CollectionKind>('license')
  const file = shallowRef<File | null>(null)
  const fileError = ref<string | null>(null)
  const starting = ref(false)
  const tracker = useJobPoller<CollectionJob>(getCollectionImport, jobFinished)

  function pick(picked: File | null): void {
    file.value = picked
    fileError.value = picked ? importFileError(picked) : null
  }

  async function start(): Promise<void> {
    fileError.value = importFileError(file.value)
    if (fileError.value || !file.value) return
    starting.value = true
    try {
      const job = await startCollectionImport(kind.value, file.value)
      tracker.track(job)
      list.prepend(job)
      file.value = null
    } catch {
      // the client shows the Chinese message (bad headers, not an xlsx …)
    } finally {
      starting.value = false
    }
  }

  // The tracked job's progress shows in its list row too.
  watch(tracker.job, (job) => {
    if (job) list.replace((r) => r.id === job.id, job)
  })

  function open(): void {
    tracker.clear()
    pick(null)
    visible.value = true
  }

  const template = () => downloadCollectionTemplate(kind.value).catch(() => undefined)
  const xmlSample = () => downloadCollectionXmlSample(kind.value).catch(() => undefined)
  const report = (job: CollectionJob) => downloadCollectionReport(job).catch(() => undefined)

  return {
    filters,
    ...list,
    rows,
    statusOptions,
    search,
    reset,
    visible,
    open,
    kind,
    file,
    fileError,
    pick,
    starting,
    start,
    job: tracker.job,
    pollError: tracker.error,
    template,
    xmlSample,
    report,
  }
}
