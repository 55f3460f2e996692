// 批量对比: download the template, upload it filled in, save the result workbook.
import { ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { compareEntities, downloadCompareTemplate } from '@/api/collection'
import { saveBlob } from '@/api/request'
import { compareSummary } from './compareSummary'

export function compareFileError(file: File | null): string | null {
  if (!file) return '请选择填写好的批量对比模板'
  if (!/\.xlsx$/i.test(file.name)) return '请选择按模板填写的 Excel 文件（.xlsx）'
  if (!file.size) return '文件是空的，请重新选择'
  return null
}

export function useCollectionCompare() {
  const file = shallowRef<File | null>(null)
  const fileError = ref<string | null>(null)
  const comparing = ref(false)
  const lastResult = ref<string | null>(null)
  /** "共比对 N 行：一致 a 行，…" read from the result workbook (null if it could not be read). */
  const summary = ref<string | null>(null)

  function pick(picked: File | null): void {
    file.value = picked
    fileError.value = picked ? compareFileError(picked) : null
    lastResult.value = null
    summary.value = null
  }

  async function compare(): Promise<void> {
    fileError.value = compareFileError(file.value)
    if (fileError.value || !file.value) return
    comparing.value = true
    try {
      const result = await compareEntities(file.value)
      const name = result.filename || `批量对比结果-${file.value.name}`
      saveBlob(result.blob, name)
      lastResult.value = name
      summary.value = compareSummary(result.counts)
      ElMessage.success(summary.value ? `对比完成，${summary.value}` : `对比完成，结果文件「${name}」已下载`)
    } catch {
      // shown by the API module
    } finally {
      comparing.value = false
    }
  }

  const template = () => downloadCompareTemplate().catch(() => undefined)

  return { file, fileError, comparing, lastResult, summary, pick, compare, template }
}
