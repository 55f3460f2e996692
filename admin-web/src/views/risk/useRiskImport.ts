import { ref, shallowRef } from 'vue'
import { downloadImportReport, downloadImportTemplate, getImport, listImports, startImport } from '@/api/risk'
import type { ImportJob, ImportKind } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import { isFinished, useImportJob } from './useImportJob'

const XLSX = /\.xlsx$/i

/** The 导入 dialog: pick the kind and an .xlsx, upload, follow the job, fetch the failure file. */
export function useRiskImport(onFinished: () => void) {
  const kind = ref<ImportKind>('penalties')
  const file = shallowRef<File | null>(null)
  const fileError = ref<string | null>(null)
  const starting = ref(false)
  const tracker = useImportJob(getImport)
  const history = useCursorList<ImportJob>((page) => listImports(page), 10)
  let reported: number | null = null

  function pick(picked: File | null): void {
    file.value = picked
    fileError.value = picked && !XLSX.test(picked.name) ? '请选择按模板填写的 Excel 文件（.xlsx）' : null
  }

  async function start(): Promise<void> {
    if (!file.value) {
      fileError.value = '请选择要导入的 Excel 文件'
      return
    }
    if (fileError.value) return
    starting.value = true
    try {
      const job = await startImport(kind.value, file.value)
      tracker.track(job)
      file.value = null
      void history.reload()
    } catch {
      // the client shows the Chinese message (bad headers, not an xlsx …)
    } finally {
      starting.value = false
    }
  }

  // Reload the lists once when the tracked job ends.
  function onProgress(job: ImportJob | null): void {
    if (job && isFinished(job) && reported !== job.id) {
      reported = job.id
      onFinished()
      void history.reload()
    }
  }

  const template = () => downloadImportTemplate(kind.value).catch(() => undefined)
  const report = (job: ImportJob) => downloadImportReport(job).catch(() => undefined)

  return { kind, file, fileError, pick, starting, start, job: tracker.job, pollError: tracker.error, clear: tracker.clear, onProgress, history, template, report }
}
