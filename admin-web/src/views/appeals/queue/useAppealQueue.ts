import { reactive, ref } from 'vue'
import { useRouter } from 'vue-router'
import { countAppeals, exportAppeals, listAppeals } from '@/api/appeals'
import type { AppealCounts, AppealFilters, AppealItem } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import { useAppealOptions } from '../useAppealOptions'

export type DueFilter = '' | 'due_soon' | 'overdue'

export interface QueueForm {
  status: string
  type: string
  due: DueFilter
  q: string
  dates: [string, string] | null
}

const blank = (): QueueForm => ({ status: '', type: '', due: '', q: '', dates: null })

/** The form as API query parameters (empty values left out). */
export function toAppealFilters(form: QueueForm): AppealFilters {
  const filters: AppealFilters = {}
  if (form.status) filters.status = form.status
  if (form.type) filters.type = form.type
  if (form.due === 'overdue') filters.overdue = true
  if (form.due === 'due_soon') filters.due_soon = true
  if (form.q.trim()) filters.q = form.q.trim()
  if (form.dates) [filters.date_from, filters.date_to] = form.dates
  return filters
}

export function useAppealQueue() {
  const router = useRouter()
  const filters = reactive<QueueForm>(blank())
  let applied: AppealFilters = {}
  const list = useCursorList<AppealItem>((page) => listAppeals({ ...applied, ...page }))
  const { options, load: loadOptions } = useAppealOptions()
  const counts = ref<AppealCounts | null>(null)
  const exporting = ref(false)

  async function loadCounts(): Promise<void> {
    // Counts ignore the status so every tab shows its own number.
    const { status: _status, ...rest } = applied
    try {
      counts.value = await countAppeals(rest)
    } catch {
      counts.value = null
    }
  }

  function search(): Promise<void> {
    applied = toAppealFilters(filters)
    return Promise.all([list.reload(), loadCounts()]).then(() => undefined)
  }

  function selectStatus(status: string): Promise<void> {
    filters.status = status
    return search()
  }

  function reset(): Promise<void> {
    Object.assign(filters, blank())
    return search()
  }

  async function exportExcel(): Promise<void> {
    exporting.value = true
    try {
      await exportAppeals(applied)
    } catch {
      // shown by the request client
    } finally {
      exporting.value = false
    }
  }

  const countOf = (status: string) =>
    status ? (counts.value?.by_status.find((c) => c.status === status)?.count ?? 0) : (counts.value?.total ?? 0)

  const openDetail = (row: AppealItem) => router.push({ name: 'appeal-detail', params: { id: row.id } })

  return { filters, ...list, options, loadOptions, counts, countOf, search, selectStatus, reset, exporting, exportExcel, openDetail }
}
