// 登记审核 queue (and the approved list of 证照登记及打印): filters → API query, keyset list.
import { reactive, ref } from 'vue'
import { useRouter } from 'vue-router'
import { exportRegistrations, listRegistrations, type RegistrationFilters, type RegistrationStatus, type RegistrationSummary } from '@/api/registrations'
import { useCursorList } from '@/composables/useCursorList'

/** '' = every status visible to staff. */
export type QueueStatus = RegistrationStatus | ''

export interface RegistrationQueueForm {
  status: QueueStatus
  name: string
  number: string
  uscc: string
}

export const QUEUE_STATUSES: { value: QueueStatus; label: string }[] = [
  { value: 'reviewing', label: '待审核' },
  { value: 'approved', label: '已核准' },
  { value: 'refused', label: '不予登记' },
  { value: '', label: '全部' },
]

export function statusTagType(status: string): 'warning' | 'success' | 'danger' | 'info' {
  if (status === 'reviewing') return 'warning'
  if (status === 'approved') return 'success'
  if (status === 'refused') return 'danger'
  return 'info'
}

/** The form as API query parameters: no status means `all=true` (the API's default is 待审核). */
export function toRegistrationFilters(form: RegistrationQueueForm): RegistrationFilters {
  const filters: RegistrationFilters = form.status ? { status: form.status } : { all: true }
  if (form.name.trim()) filters.name = form.name.trim()
  if (form.number.trim()) filters.number = form.number.trim()
  if (form.uscc.trim()) filters.uscc = form.uscc.trim().toUpperCase()
  return filters
}

export function useRegistrationQueue(initialStatus: QueueStatus = 'reviewing') {
  const router = useRouter()
  const blank = (): RegistrationQueueForm => ({ status: initialStatus, name: '', number: '', uscc: '' })
  const form = reactive<RegistrationQueueForm>(blank())
  let applied: RegistrationFilters = toRegistrationFilters(form)
  const list = useCursorList<RegistrationSummary>((page) => listRegistrations({ ...applied, ...page }))
  const exporting = ref(false)

  function search(): Promise<void> {
    applied = toRegistrationFilters(form)
    return list.reload()
  }

  function selectStatus(status: QueueStatus): Promise<void> {
    form.status = status
    return search()
  }

  function reset(): Promise<void> {
    Object.assign(form, blank())
    return search()
  }

  async function exportExcel(): Promise<void> {
    exporting.value = true
    try {
      await exportRegistrations(applied)
    } catch {
      // shown by the request client
    } finally {
      exporting.value = false
    }
  }

  const openDetail = (row: RegistrationSummary) => router.push({ name: 'registration-detail', params: { id: row.id } })
  const openLicense = (row: RegistrationSummary) => router.push({ name: 'registration-license', params: { id: row.id } })

  return { form, ...list, search, selectStatus, reset, exporting, exportExcel, openDetail, openLicense }
}
