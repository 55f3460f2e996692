// 抽查方案 wizard (方案 / 检查范围 / 检查事项 / 办理意见): the form <-> API body mapping, what each step
// still misses, the catalog as a checkable tree, and save-as-draft / submit.
import { computed, reactive, ref, shallowRef } from 'vue'
import {
  createPlan,
  getCatalog,
  getPlan,
  setSample,
  submitPlan,
  updatePlan,
  type CheckItem,
  type InspectionPlanDetail,
  type PlanBody,
  type ScopeFilters,
} from '@/api/inspections'
import { ApiError, notifyError } from '@/api/request'

export const PLAN_STEPS = ['方案', '检查范围', '检查事项', '办理意见'] as const

export const BUSINESS_KINDS = [
  { value: 'individual', label: '个体工商户' },
  { value: 'enterprise', label: '企业' },
  { value: 'cooperative', label: '农民专业合作社' },
]

export interface PlanForm {
  name: string
  period: [string, string] | null
  basis: string
  lead_department: string
  partner_departments: string[]
  requirements: string
  ratio: number | null
  group_size: number | null
  team_size: number
  scope_mode: 'filter' | 'sample'
  org_ids: number[]
  kinds: string[]
  region_prefix: string
  name_contains: string
  established: [string, string] | null
  skip_twice: boolean
  /** 样本导入: one USCC / 注册号 per line. */
  sample_codes: string
  content_ids: number[]
  opinion: string
}

export function emptyPlanForm(): PlanForm {
  return {
    name: '',
    period: null,
    basis: '',
    lead_department: '',
    partner_departments: [],
    requirements: '',
    ratio: null,
    group_size: 5,
    team_size: 2,
    scope_mode: 'filter',
    org_ids: [],
    kinds: [],
    region_prefix: '',
    name_contains: '',
    established: null,
    skip_twice: true,
    sample_codes: '',
    content_ids: [],
    opinion: '',
  }
}

export function planToForm(plan: InspectionPlanDetail): PlanForm {
  const f = (plan.filters ?? {}) as Partial<ScopeFilters>
  return {
    ...emptyPlanForm(),
    name: plan.name,
    period: plan.start_on && plan.end_on ? [plan.start_on, plan.end_on] : null,
    basis: plan.basis,
    lead_department: plan.lead_department,
    partner_departments: [...plan.partner_departments],
    requirements: plan.requirements,
    ratio: plan.ratio === null ? null : Number(plan.ratio),
    group_size: plan.group_size,
    team_size: plan.team_size,
    scope_mode: plan.scope_mode,
    org_ids: [...(f.org_ids ?? [])],
    kinds: [...(f.kinds ?? [])],
    region_prefix: f.region_prefix ?? '',
    name_contains: f.name_contains ?? '',
    established: f.established_from && f.established_to ? [f.established_from, f.established_to] : null,
    skip_twice: plan.skip_twice,
    content_ids: [...plan.content_ids],
    opinion: plan.opinion,
  }
}

/** Codes typed or pasted one per line (commas and spaces also split), upper-cased, without repeats. */
export function parseCodes(text: string): string[] {
  const seen = new Set<string>()
  for (const raw of text.split(/[\s,，;；、]+/)) {
    const code = raw.trim().toUpperCase()
    if (code) seen.add(code)
  }
  return [...seen]
}

export function formToBody(form: PlanForm): PlanBody & { name: string } {
  const body: PlanBody & { name: string } = {
    name: form.name.trim(),
    start_on: form.period?.[0] ?? null,
    end_on: form.period?.[1] ?? null,
    basis: form.basis.trim(),
    lead_department: form.lead_department.trim(),
    partner_departments: form.partner_departments.map((d) => d.trim()).filter(Boolean),
    requirements: form.requirements.trim(),
    grouping: 'registration_org',
    ratio: form.ratio === null || form.ratio === undefined ? null : String(form.ratio),
    team_size: form.team_size,
    scope_mode: form.scope_mode,
    filters: {
      org_ids: form.org_ids,
      kinds: form.kinds,
      statuses: ['active'],
      region_prefix: form.region_prefix.trim(),
      name_contains: form.name_contains.trim(),
      established_from: form.established?.[0] ?? null,
      established_to: form.established?.[1] ?? null,
    },
    skip_twice: form.skip_twice,
    content_ids: form.content_ids,
    opinion: form.opinion.trim(),
  }
  // The API cannot clear a group size once set (not a clearable field): send it only when given.
  if (form.group_size) body.group_size = form.group_size
  return body
}

/** What a step still needs before the plan can be submitted (a draft saves with a name only). */
export function stepMissing(form: PlanForm, step: number, sampleCount = 0): string[] {
  const missing: string[] = []
  if (step === 0) {
    if (!form.name.trim()) missing.push('方案名称')
    if (!form.period) missing.push('抽查开始/截止日期')
    if (!form.basis.trim()) missing.push('抽查依据')
    if (!form.lead_department.trim()) missing.push('牵头部门')
  } else if (step === 1) {
    if (!form.ratio || form.ratio <= 0 || form.ratio > 100) missing.push('抽取比例')
    if (form.scope_mode === 'sample' && !parseCodes(form.sample_codes).length && !sampleCount) missing.push('抽查样本')
  } else if (step === 2) {
    if (!form.content_ids.length) missing.push('检查事项')
  }
  return missing
}

export interface CatalogNode {
  key: string
  label: string
  /** Set on 检查内容 leaves only. */
  contentId?: number
  children?: CatalogNode[]
  disabled?: boolean
}

/** The catalog as 检查项目 → 子项 → 检查内容 for an el-tree with checkboxes (leaves carry the content id). */
export function catalogTree(items: CheckItem[]): CatalogNode[] {
  return items
    .map((item) => ({
      key: `i${item.id}`,
      label: item.name,
      children: item.subitems
        .map((sub) => ({
          key: `s${sub.id}`,
          label: sub.name,
          children: sub.contents.map((c) => ({ key: `c${c.id}`, label: `${c.content}（${c.result_type_label}）`, contentId: c.id })),
        }))
        .filter((sub) => sub.children.length),
    }))
    .filter((item) => item.children.length)
}

export const contentKeys = (ids: number[]) => ids.map((id) => `c${id}`)
export const contentIdsOf = (nodes: CatalogNode[]) => nodes.filter((n) => n.contentId !== undefined).map((n) => n.contentId as number)

export function usePlanForm() {
  const form = reactive<PlanForm>(emptyPlanForm())
  const plan = shallowRef<InspectionPlanDetail | null>(null)
  const step = ref(0)
  const catalog = shallowRef<CatalogNode[]>([])
  const loading = ref(false)
  const saving = ref(false)
  /** Fields the API reported missing on submit (INSPECTION_PLAN_INCOMPLETE). */
  const missing = ref<string[]>([])
  const editable = computed(() => !plan.value || plan.value.actions.includes('edit'))

  async function load(id: number | null): Promise<void> {
    loading.value = true
    try {
      const [items, detail] = await Promise.all([getCatalog({ enabled_only: true }), id ? getPlan(id) : Promise.resolve(null)])
      catalog.value = catalogTree(items)
      plan.value = detail
      // A new plan keeps whatever was typed while the catalog loaded.
      if (detail) Object.assign(form, planToForm(detail))
    } finally {
      loading.value = false
    }
  }

  /** 暂存: create or update the draft, then replace the sample list when codes were entered. */
  async function save(): Promise<InspectionPlanDetail | null> {
    if (!form.name.trim()) {
      missing.value = ['方案名称']
      return null
    }
    saving.value = true
    try {
      const body = formToBody(form)
      let saved = plan.value ? await updatePlan(plan.value.id, body) : await createPlan(body)
      const codes = parseCodes(form.sample_codes)
      if (form.scope_mode === 'sample' && codes.length) {
        try {
          await setSample(saved.id, codes)
        } catch (error) {
          plan.value = saved
          if (error instanceof ApiError && error.code === 'INSPECTION_BUSINESSES_NOT_FOUND') {
            const unknown = ((error.data as { codes?: string[] } | null)?.codes ?? []).join('、')
            notifyError(new ApiError(error.code, `${error.message}：${unknown}`, error.status))
          } else notifyError(error)
          return null
        }
        form.sample_codes = ''
      }
      saved = await getPlan(saved.id)
      plan.value = saved
      missing.value = []
      return saved
    } catch {
      return null
    } finally {
      saving.value = false
    }
  }

  /** Save, then 提交核准 with the 办理意见 as the comment. */
  async function submit(): Promise<InspectionPlanDetail | null> {
    const saved = await save()
    if (!saved) return null
    saving.value = true
    try {
      const done = await submitPlan(saved.id, form.opinion.trim())
      plan.value = done
      return done
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INSPECTION_PLAN_INCOMPLETE') {
        missing.value = ((error.data as { missing?: string[] } | null)?.missing ?? []).slice()
      }
      notifyError(error)
      return null
    } finally {
      saving.value = false
    }
  }

  return { form, plan, step, catalog, loading, saving, missing, editable, load, save, submit }
}
