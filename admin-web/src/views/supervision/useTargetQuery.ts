// 检查对象查询 (inspected businesses over every plan, with export) and an inspector's 抽查任务.
import { reactive, ref, shallowRef } from 'vue'
import { exportInspected, listInspected, listPlans, listTasks, type InspectedFilters, type InspectedTarget, type InspectionPlan, type ResultStatus, type TaskTarget } from '@/api/inspections'
import { useCursorList } from '@/composables/useCursorList'

export const RESULT_STATUSES: { value: ResultStatus; label: string }[] = [
  { value: 'pending', label: '待录入' },
  { value: 'entered', label: '待复核' },
  { value: 'returned', label: '待修改' },
  { value: 'published', label: '已公示' },
]

const RESULT_TAGS: Record<ResultStatus, 'info' | 'warning' | 'danger' | 'success'> = {
  pending: 'info',
  entered: 'warning',
  returned: 'danger',
  published: 'success',
}
export const resultTagType = (status: string) => RESULT_TAGS[status as ResultStatus] ?? 'info'

export interface InspectedSearch {
  plan_id: number | null
  name: string
  uscc: string
  result_status: ResultStatus | ''
  outcome: 'normal' | 'problem' | ''
}

export function toInspectedFilters(form: InspectedSearch): InspectedFilters {
  const out: InspectedFilters = {}
  if (form.plan_id) out.plan_id = form.plan_id
  if (form.name.trim()) out.name = form.name.trim()
  if (form.uscc.trim()) out.uscc = form.uscc.trim().toUpperCase()
  if (form.result_status) out.result_status = form.result_status
  if (form.outcome) out.outcome = form.outcome
  return out
}

const emptySearch = (): InspectedSearch => ({ plan_id: null, name: '', uscc: '', result_status: '', outcome: '' })

export function useInspectedQuery(initial: Partial<InspectedSearch> = {}) {
  const form = reactive<InspectedSearch>({ ...emptySearch(), ...initial })
  let applied: InspectedFilters = {}
  const list = useCursorList<InspectedTarget>((page) => listInspected({ ...applied, ...page }))
  const exporting = ref(false)
  const plans = shallowRef<InspectionPlan[]>([])
  /** Plans to filter by (newest first, or matching the typed name). */
  async function findPlans(name = ''): Promise<void> {
    try {
      plans.value = (await listPlans({ name: name.trim() || undefined, limit: 50 })).items
    } catch {
      plans.value = []
    }
  }
  function search(): Promise<void> {
    applied = toInspectedFilters(form)
    return list.reload()
  }
  function reset(): Promise<void> {
    Object.assign(form, emptySearch())
    return search()
  }
  async function exportExcel(): Promise<void> {
    exporting.value = true
    try {
      await exportInspected(applied)
    } catch {
      // shown by the request client
    } finally {
      exporting.value = false
    }
  }
  return { form, ...list, search, reset, exporting, exportExcel, plans, findPlans }
}

export function useTaskList() {
  const status = ref<ResultStatus | ''>('')
  const list = useCursorList<TaskTarget>((page) => listTasks({ result_status: status.value || undefined, ...page }))
  return { status, ...list, search: list.reload }
}
