// 告知接收 / 告知反馈: the liaison's department inbox for one state, selection and batch 接收.
import { computed, ref, shallowRef } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { exportInbox, listInbox, receiveNotices, type InboxPage, type Notice, type NoticeStatus } from '@/api/notices'
import { useCursorList } from '@/composables/useCursorList'

/** Receive after a confirmation; the received ids, or null when cancelled or refused (all or none). */
export async function confirmReceive(rows: readonly Notice[]): Promise<number[] | null> {
  if (!rows.length) {
    ElMessage.warning('请先勾选要接收的告知')
    return null
  }
  const what = rows.length === 1 ? `「${rows[0].business.name} · ${rows[0].item}」` : `选中的 ${rows.length} 条告知`
  try {
    await ElMessageBox.confirm(`确定接收${what}吗？接收后请及时办理并反馈。`, '接收告知', {
      type: 'info',
      confirmButtonText: '接收',
      cancelButtonText: '取消',
    })
  } catch {
    return null
  }
  try {
    const done = await receiveNotices(rows.map((r) => r.id))
    ElMessage.success(`已接收 ${done.received} 条告知`)
    return done.ids
  } catch {
    return null
  }
}

export function useNoticeInbox(status: NoticeStatus) {
  const q = ref('')
  const counts = shallowRef<InboxPage['counts'] | null>(null)
  let applied = ''
  const list = useCursorList<Notice>(async (page) => {
    const reply = await listInbox({ status, q: applied || undefined, ...page })
    counts.value = reply.counts ?? null
    return reply
  })
  const selected = shallowRef<Notice[]>([])
  const receiving = ref(false)
  const exporting = ref<'' | 'xlsx' | 'xml'>('')

  function search(): Promise<void> {
    applied = q.value.trim()
    selected.value = []
    return list.reload()
  }

  const onSelect = (rows: Notice[]) => (selected.value = rows)
  const countOf = (s: NoticeStatus) => counts.value?.[s] ?? 0

  async function receive(rows: readonly Notice[] = selected.value): Promise<void> {
    receiving.value = true
    try {
      const ids = await confirmReceive(rows)
      if (ids) {
        list.items.value = list.items.value.filter((n) => !ids.includes(n.id))
        selected.value = []
        if (counts.value) counts.value = { ...counts.value, unreceived: Math.max(0, counts.value.unreceived - ids.length), received: counts.value.received + ids.length }
      }
    } finally {
      receiving.value = false
    }
  }

  async function download(format: 'xlsx' | 'xml'): Promise<void> {
    exporting.value = format
    try {
      await exportInbox(format, 'received')
    } catch {
      // shown by the request client
    } finally {
      exporting.value = ''
    }
  }

  const hasSelection = computed(() => selected.value.length > 0)

  return { q, ...list, counts, countOf, selected, hasSelection, onSelect, search, receive, receiving, exporting, download }
}
