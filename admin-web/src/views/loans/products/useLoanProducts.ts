// 贷款产品: list, create / edit as a draft, 发布 / 下架 with a confirmation.
import { reactive, ref, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import { createLoanProduct, listLoanInstitutions, listLoanProducts, publishLoanProduct, unpublishLoanProduct, updateLoanProduct } from '@/api/loans'
import type { LoanInstitution, LoanProduct, LoanProductBody, LoanProductFilters } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import { MONEY, RATE } from '../loanShared'

export interface ProductForm {
  institution_id: number | null
  name: string
  amount_min: string
  amount_max: string
  rate_min: string
  rate_max: string
  term_months_min: number | null
  term_months_max: number | null
  guarantee_type: string
  eligibility: string
  description: string
}

export const blankProductForm = (): ProductForm => ({
  institution_id: null,
  name: '',
  amount_min: '',
  amount_max: '',
  rate_min: '',
  rate_max: '',
  term_months_min: null,
  term_months_max: null,
  guarantee_type: '',
  eligibility: '',
  description: '',
})

export function productToForm(p: LoanProduct): ProductForm {
  return {
    institution_id: p.institution.id,
    name: p.name,
    amount_min: p.amount_min,
    amount_max: p.amount_max,
    rate_min: p.rate_min,
    rate_max: p.rate_max,
    term_months_min: p.term_months_min,
    term_months_max: p.term_months_max,
    guarantee_type: p.guarantee_type,
    eligibility: p.eligibility ?? '',
    description: p.description ?? '',
  }
}

export function productRules(form: ProductForm, needInstitution: boolean): FormRules {
  const pair = (low: keyof ProductForm, message: string) => ({
    trigger: 'blur',
    validator: (_r: unknown, value: string, cb: (e?: Error) => void) =>
      value && form[low] && Number(form[low]) > Number(value) ? cb(new Error(message)) : cb(),
  })
  return {
    institution_id: needInstitution ? [{ required: true, message: '请选择所属金融机构', trigger: 'change' }] : [],
    name: [{ required: true, whitespace: true, message: '请填写产品名称', trigger: 'blur' }],
    amount_min: [
      { required: true, message: '请填写最低额度', trigger: 'blur' },
      { pattern: MONEY, message: '额度应为金额（元）', trigger: 'blur' },
    ],
    amount_max: [
      { required: true, message: '请填写最高额度', trigger: 'blur' },
      { pattern: MONEY, message: '额度应为金额（元）', trigger: 'blur' },
      pair('amount_min', '最低额度不能高于最高额度'),
    ],
    rate_min: [
      { required: true, message: '请填写最低年利率', trigger: 'blur' },
      { pattern: RATE, message: '年利率应为百分数，如 3.85', trigger: 'blur' },
    ],
    rate_max: [
      { required: true, message: '请填写最高年利率', trigger: 'blur' },
      { pattern: RATE, message: '年利率应为百分数，如 3.85', trigger: 'blur' },
      pair('rate_min', '最低年利率不能高于最高年利率'),
    ],
    term_months_max: [{ required: true, message: '请填写最长期限', trigger: 'blur' }],
    guarantee_type: [{ required: true, message: '请选择担保方式', trigger: 'change' }],
  }
}

export function toProductBody(form: ProductForm): LoanProductBody {
  const body: LoanProductBody = {
    name: form.name.trim(),
    amount_min: form.amount_min,
    amount_max: form.amount_max,
    rate_min: form.rate_min,
    rate_max: form.rate_max,
    term_months_max: form.term_months_max!,
    guarantee_type: form.guarantee_type,
    eligibility: form.eligibility.trim(),
    description: form.description.trim(),
  }
  // The API takes no null here: leave the minimum out when it is not set.
  if (form.term_months_min) body.term_months_min = form.term_months_min
  if (form.institution_id) body.institution_id = form.institution_id
  return body
}

export function useLoanProducts(needInstitution: () => boolean) {
  const filters = reactive<{ q: string; status: string; guarantee_type: string }>({ q: '', status: '', guarantee_type: '' })
  let applied: LoanProductFilters = {}
  const list = useCursorList<LoanProduct>((page) => listLoanProducts({ ...applied, ...page }))
  function search(): Promise<void> {
    applied = {
      q: filters.q.trim() || undefined,
      status: filters.status || undefined,
      guarantee_type: filters.guarantee_type || undefined,
    }
    return list.reload()
  }

  const institutions = ref<LoanInstitution[]>([])
  async function loadInstitutions(): Promise<void> {
    institutions.value = (await listLoanInstitutions().catch(() => ({ items: [] as LoanInstitution[] }))).items
  }

  const formRef = useTemplateRef<FormInstance>('formRef')
  const editing = ref<LoanProduct | null>(null)
  const visible = ref(false)
  const form = reactive<ProductForm>(blankProductForm())
  const rules = productRules(form, needInstitution())
  const saving = ref(false)

  function openCreate(): void {
    editing.value = null
    Object.assign(form, blankProductForm())
    visible.value = true
    formRef.value?.clearValidate()
  }
  function openEdit(p: LoanProduct): void {
    editing.value = p
    Object.assign(form, productToForm(p))
    visible.value = true
    formRef.value?.clearValidate()
  }

  async function save(): Promise<void> {
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    saving.value = true
    try {
      const body = toProductBody(form)
      if (editing.value) {
        const { institution_id: _ignored, ...patch } = body
        const saved = await updateLoanProduct(editing.value.id, patch)
        list.replace((r) => r.id === saved.id, saved)
        ElMessage.success('已保存')
      } else {
        list.prepend(await createLoanProduct(body))
        ElMessage.success('已创建草稿，发布后申请人可见')
      }
      visible.value = false
    } catch {
      // shown by the request client
    } finally {
      saving.value = false
    }
  }

  async function toggle(p: LoanProduct, publish: boolean): Promise<void> {
    const verb = publish ? '发布' : '下架'
    try {
      await ElMessageBox.confirm(
        publish ? `确定发布「${p.name}」吗？发布后经营者可在小程序中看到并申请。` : `确定下架「${p.name}」吗？下架后经营者不能再申请，已有申请不受影响。`,
        `${verb}产品`,
        { type: 'warning', confirmButtonText: verb, cancelButtonText: '取消' },
      )
    } catch {
      return
    }
    try {
      const saved = await (publish ? publishLoanProduct(p.id) : unpublishLoanProduct(p.id))
      list.replace((r) => r.id === saved.id, saved)
      ElMessage.success(`已${verb}`)
    } catch {
      // shown by the request client
    }
  }

  return { filters, ...list, search, institutions, loadInstitutions, editing, visible, form, rules, saving, openCreate, openEdit, save, toggle }
}
