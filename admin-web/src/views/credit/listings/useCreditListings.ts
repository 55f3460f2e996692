// 列严 / 列异: listings in force made by offices in the user's scope, with 办理 (a staff-side application).
import { computed, reactive, ref, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import { applyForListing, listCreditListings } from '@/api/credit'
import type { CreditApplicationDetail, CreditApplyBody, CreditListing, CreditListingFilters } from '@/api/types'
import type { PickedFile } from '@/components/FileUploader.vue'
import { useCursorList } from '@/composables/useCursorList'

export type ListingGroup = 'serious' | 'abnormal'

export const SERIOUS_KINDS = [{ value: 'serious_violation', label: '严重违法失信名单' }]
export const ABNORMAL_KINDS = [
  { value: 'individual_abnormal', label: '个体工商户经营异常状态' },
  { value: 'enterprise_abnormal', label: '企业经营异常名录' },
  { value: 'cooperative_abnormal', label: '农民专业合作社经营异常名录' },
]

export interface ListingSearch {
  kind: string
  name: string
  uscc: string
  reason: string
  dates: [string, string] | null
}

export function toListingFilters(form: ListingSearch): CreditListingFilters {
  const filters: CreditListingFilters = { kind: form.kind }
  if (form.name.trim()) filters.name = form.name.trim()
  if (form.uscc.trim()) filters.uscc = form.uscc.trim().toUpperCase()
  if (form.reason.trim()) filters.reason = form.reason.trim()
  if (form.dates) [filters.date_from, filters.date_to] = form.dates
  return filters
}

export function useCreditListings(group: ListingGroup) {
  const kinds = group === 'serious' ? SERIOUS_KINDS : ABNORMAL_KINDS
  const blank = (): ListingSearch => ({ kind: kinds[0].value, name: '', uscc: '', reason: '', dates: null })
  const form = reactive<ListingSearch>(blank())
  let applied = toListingFilters(form)
  const list = useCursorList<CreditListing>((page) => listCreditListings({ ...applied, ...page }))

  function search(): Promise<void> {
    applied = toListingFilters(form)
    return list.reload()
  }
  function reset(): Promise<void> {
    Object.assign(form, blank())
    return search()
  }

  const applying = ref<CreditListing | null>(null)
  return { kinds, form, ...list, search, reset, applying }
}

export interface ApplyForm {
  applicant_name: string
  phone: string
  reason: string
  /** material type → files picked for it */
  materials: Record<string, PickedFile[]>
}

export const blankApplyForm = (): ApplyForm => ({ applicant_name: '', phone: '', reason: '', materials: {} })

export const applyRules: FormRules = {
  applicant_name: [{ max: 64, message: '申请人姓名不超过64个字', trigger: 'blur' }],
  phone: [{ pattern: /^1[3-9]\d{9}$/, message: '请输入11位手机号', trigger: 'blur' }],
  reason: [
    { required: true, whitespace: true, message: '请填写申请事由', trigger: 'blur' },
    { max: 2000, message: '申请事由不超过2000字', trigger: 'blur' },
  ],
}

export function toApplyBody(form: ApplyForm): CreditApplyBody {
  const body: CreditApplyBody = { reason: form.reason.trim() }
  if (form.applicant_name.trim()) body.applicant_name = form.applicant_name.trim()
  if (form.phone.trim()) body.phone = form.phone.trim()
  const materials = Object.entries(form.materials).flatMap(([type, files]) => files.map((f) => ({ type, file_id: f.id })))
  if (materials.length) body.materials = materials
  return body
}

/** The 办理 dialog: applicant, reason, materials; confirmation; then the new application. */
export function useCreditApply(listing: () => CreditListing | null, onDone: (app: CreditApplicationDetail) => void) {
  const formRef = useTemplateRef<FormInstance>('formRef')
  const form = reactive<ApplyForm>(blankApplyForm())
  const submitting = ref(false)
  const subject = computed(() => listing())

  function reset(): void {
    const current = listing()
    Object.assign(form, blankApplyForm())
    if (current) form.reason = ''
    formRef.value?.clearValidate()
  }

  async function submit(): Promise<void> {
    const current = listing()
    if (!current) return
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    try {
      await ElMessageBox.confirm(`确定为「${current.business.name}」办理信用修复吗？申请将由本单位直接受理。`, '办理信用修复', {
        type: 'warning',
        confirmButtonText: '确定',
        cancelButtonText: '取消',
      })
    } catch {
      return
    }
    submitting.value = true
    try {
      const app = await applyForListing(current.id, toApplyBody(form))
      ElMessage.success(`已登记信用修复申请 ${app.number}`)
      onDone(app)
    } catch {
      // shown by the request client
    } finally {
      submitting.value = false
    }
  }

  return { form, rules: applyRules, submitting, subject, reset, submit }
}
