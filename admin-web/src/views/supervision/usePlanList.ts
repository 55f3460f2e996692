// 双随机 抽查方案 list (read-only): filters, keyset list, one plan's detail in a drawer.
import { reactive, ref, shallowRef } from 'vue'
import { exportPlans, getPlan, listPlans, type InspectionPlan, type InspectionPlanDetail, type PlanFilters, type PlanStatus } from '@/api/inspections'
import { useCursorList } from '@/composables/useCursorList'

export const PLAN_STATUSES: { value: PlanStatus; label: string }[] = [
  { value: 'draft', label: '暂存' },
  { value: 'submitted', label: '待核准' },
  { value: 'approved', label: '已生效（未抽取）' },
  { value: 'drawn', label: '已抽取（待确认名单）' },
  { value: 'confirmed', label: '名单已确认（待人员选派）' },
  { value: 'assigned', label: '已选派（检查中）' },
]

const TAGS: Record<PlanStatus, 'info' | 'warning' | 'primary' | 'success' | 'danger'> = {
  draft: 'info',
  submitted: 'warning',
  approved: 'primary',
  drawn: 'primary',
  confirmed: 'primary',
  assigned: 'success',
}
export const planTagType = (status: string) => TAGS[status as PlanStatus] ?? 'info'

export const PLAN_EVENT_LABELS: Record<string, string> = {
  edit: '编辑方案',
  sample: '导入样本',
  submit: '提交核准',
  approve: '核准',
  reject: '退回',
  must_check: '必查名单',
  draw: '随机抽取',
  confirm: '名单确认',
  finish_confirm: '完成名单确认',
  assign: '人员选派',
  adjust: '人员调整',
}

export interface PlanSearch {
  name: string
  status: PlanStatus | ''
  dates: [string, string] | null
}

export function toPlanFilters(form: PlanSearch): PlanFilters {
  const filters: PlanFilters = {}
  if (form.name.trim()) filters.name = form.name.trim()
  if (form.status) filters.status = form.status
  if (form.dates) [filters.made_from, filters.made_to] = form.dates
  return filters
}

/** "2026-12-10 至 2026-12-31", or a dash while either end is unset. */
export const planPeriod = (plan: Pick<InspectionPlan, 'start_on' | 'end_on'>) =>
  plan.start_on && plan.end_on ? `${plan.start_on} 至 ${plan.end_on}` : '—'

export function usePlanList() {
  const form = reactive<PlanSearch>({ name: '', status: '', dates: null })
  let applied: PlanFilters = {}
  const list = useCursorList<InspectionPlan>((page) => listPlans({ ...applied, ...page }))
  const exporting = ref(false)
  const detail = shallowRef<InspectionPlanDetail | null>(null)
  const detailVisible = ref(false)
  const detailLoading = ref(false)

  function search(): Promise<void> {
    applied = toPlanFilters(form)
    return list.reload()
  }
  function reset(): Promise<void> {
    Object.assign(form, { name: '', status: '', dates: null })
    return search()
  }
  async function exportExcel(): Promise<void> {
    exporting.value = true
    try {
      await exportPlans(applied)
    } catch {
      // shown by the request client
    } finally {
      exporting.value = false
    }
  }
  async function openDetail(plan: InspectionPlan): Promise<void> {
    detail.value = null
    detailVisible.value = true
    detailLoading.value = true
    try {
      detail.value = await getPlan(plan.id)
    } catch {
      detailVisible.value = false
    } finally {
      detailLoading.value = false
    }
  }

  return { form, ...list, search, reset, exporting, exportExcel, detail, detailVisible, detailLoading, openDetail }
}
