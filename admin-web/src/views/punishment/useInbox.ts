// The punishing department's side: 惩戒反馈 (matters naming its entries) and the received lists with 下载状态.
import { reactive, ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import {
  downloadReceived,
  exportPunishmentInbox,
  listPunishmentInbox,
  listReceived,
  sendPunishmentFeedback,
  type ListFilters,
  type Matter,
  type ReceivedListKind,
  type ReceivedListing,
} from '@/api/punishment'
import { useCursorList } from '@/composables/useCursorList'
import { blankFeedback, firstPending, toFeedbackBody, toMatterFilters, type FeedbackForm } from './punishmentState'

export function usePunishmentInbox() {
  const search = reactive({ category: '', q: '' })
  let applied = toMatterFilters(search)
  const list = useCursorList<Matter>((page) => listPunishmentInbox({ ...applied, ...page }))
  const exporting = ref(false)

  function run(): Promise<void> {
    applied = toMatterFilters(search)
    return list.reload()
  }

  // 批量下载 xml / excel: the matters of the applied query.
  async function exportAs(format: 'xml' | 'xlsx'): Promise<void> {
    exporting.value = true
    try {
      await exportPunishmentInbox(format, applied)
    } catch {
      // shown by the request client
    } finally {
      exporting.value = false
    }
  }

  // 惩戒实施反馈
  const target = ref<Matter | null>(null)
  const form = reactive<FeedbackForm>(blankFeedback())
  const saving = ref(false)

  function open(m: Matter): void {
    Object.assign(form, blankFeedback())
    const pending = firstPending(m)
    if (pending) {
      form.business_id = pending.business_id
      form.entry_id = pending.entry_id
      // The entry's measures as the starting text of 落实措施.
      form.measure = m.entries.find((e) => e.id === pending.entry_id)?.measures ?? ''
    }
    target.value = m
  }

  async function submit(): Promise<boolean> {
    const m = target.value
    if (!m) return false
    try {
      await ElMessageBox.confirm('反馈提交后不可修改，确定提交惩戒实施反馈吗？', '惩戒实施反馈', {
        type: 'warning',
        confirmButtonText: '提交',
        cancelButtonText: '取消',
      })
    } catch {
      return false
    }
    saving.value = true
    try {
      const updated = await sendPunishmentFeedback(m.id, toFeedbackBody(form))
      list.replace((x) => x.id === updated.id, updated)
      target.value = null
      ElMessage.success('反馈已提交')
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }

  const exportXml = () => exportAs('xml')
  return { search, ...list, run, exporting, exportAs, exportXml, target, form, saving, open, submit }
}

export function useReceivedLists(kind: ReceivedListKind) {
  const search = reactive<{ q: string; downloaded: '' | 'yes' | 'no' }>({ q: '', downloaded: '' })
  let applied: ListFilters = { kind }
  const list = useCursorList<ReceivedListing>((page) => listReceived({ ...applied, ...page }))
  const selected = ref<ReceivedListing[]>([])
  const downloading = ref(false)

  function run(): Promise<void> {
    applied = toListFilters(kind, search)
    selected.value = []
    return list.reload()
  }

  async function download(): Promise<void> {
    if (!selected.value.length) {
      ElMessage.warning('请先勾选要下载的记录')
      return
    }
    downloading.value = true
    try {
      const ids = selected.value.map((x) => x.id)
      await downloadReceived(kind, ids)
      // The API marks them 已下载: show it without a reload (which could drop rows under a filter).
      for (const id of ids) {
        list.replace((x) => x.id === id, { ...list.items.value.find((x) => x.id === id)!, downloaded: true, download_label: '已下载' })
      }
      ElMessage.success(`已下载 ${ids.length} 条`)
    } catch {
      // shown by the API module
    } finally {
      downloading.value = false
    }
  }

  return { search, ...list, run, selected, downloading, download }
}

export function toListFilters(kind: ReceivedListKind, search: { q: string; downloaded: '' | 'yes' | 'no' }): ListFilters {
  const out: ListFilters = { kind }
  if (search.q.trim()) out.q = search.q.trim()
  if (search.downloaded) out.downloaded = search.downloaded === 'yes'
  return out
}
