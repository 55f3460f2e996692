// 贷款申请: the institution's applications (the API scopes bank staff to their own institution),
// a detail drawer with the timeline, and the actions the API allows (联系, 审批, 放款, 不通过).
import { computed, reactive, ref, shallowRef, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import { approveLoan, contactLoan, getLoanApplication, grantLoan, listLoanApplications, rejectLoan } from '@/api/loans'
import type { LoanApplication, LoanApplicationDetail, LoanApplicationFilters } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import { LOAN_ACTION_LABELS, MONEY, RATE } from '../loanShared'

export interface LoanSearch {
  q: string
  status: string
  /** Supervisors only: one institution of their scope. */
  institution_id: number | null
}

export function toLoanFilters(form: LoanSearch): LoanApplicationFilters {
  const filters: LoanApplicationFilters = {}
  if (form.q.trim()) filters.q = form.q.trim()
  if (form.status) filters.status = form.status
  if (form.institution_id) filters.institution_id = form.institution_id
  return filters
}

export interface LoanActionForm {
  note: string
  amount: string
  rate: string
  term_months: number | null
  granted_on: string
}

export const blankLoanActionForm = (): LoanActionForm => ({ note: '', amount: '', rate: '', term_months: null, granted_on: '' })

const money = (label: string) => [
  { required: true, message: `请填写${label}`, trigger: 'blur' },
  { pattern: MONEY, message: `${label}应为金额（元），最多两位小数`, trigger: 'blur' },
]

export function loanActionRules(action: string): FormRules {
  switch (action) {
    case 'approve':
      return {
        amount: money('审批金额'),
        rate: [
          { required: true, message: '请填写年利率', trigger: 'blur' },
          { pattern: RATE, message: '年利率应为百分数，如 3.85', trigger: 'blur' },
        ],
        term_months: [{ required: true, message: '请填写期限（月）', trigger: 'blur' }],
      }
    case 'grant':
      return { amount: money('放款金额'), granted_on: [{ required: true, message: '请选择放款日期', trigger: 'change' }] }
    case 'reject':
      return { note: [{ required: true, whitespace: true, message: '请填写不通过原因', trigger: 'blur' }] }
    default:
      return {}
  }
}

export function performLoanAction(action: string, id: number, form: LoanActionForm): Promise<LoanApplicationDetail> {
  const note = form.note.trim()
  switch (action) {
    case 'contact':
      return contactLoan(id, note ? { note } : {})
    case 'approve':
      return approveLoan(id, { amount: form.amount, rate: form.rate, term_months: form.term_months!, ...(note ? { note } : {}) })
    case 'reject':
      return rejectLoan(id, { note })
    case 'grant':
      return grantLoan(id, { amount: form.amount, granted_on: form.granted_on, ...(note ? { note } : {}) })
    default:
      return Promise.reject(new Error(`unknown action ${action}`))
  }
}

export const LOAN_CONFIRM: Record<string, string> = {
  contact: '确定已与申请人联系吗？',
  approve: '确定审批通过吗？申请人将看到审批金额、利率和期限。',
  reject: '确定审批不通过吗？该申请将办结，不可撤回。',
  grant: '确定已放款吗？提交后不可撤回。',
}

export function useLoanApplications() {
  const form = reactive<LoanSearch>({ q: '', status: '', institution_id: null })
  let applied: LoanApplicationFilters = {}
  const list = useCursorList<LoanApplication>((page) => listLoanApplications({ ...applied, ...page }))
  function search(): Promise<void> {
    applied = toLoanFilters(form)
    return list.reload()
  }
  function reset(): Promise<void> {
    Object.assign(form, { q: '', status: '', institution_id: null })
    return search()
  }

  const detail = shallowRef<LoanApplicationDetail | null>(null)
  const detailLoading = ref(false)
  const drawer = ref(false)
  async function open(row: LoanApplication): Promise<void> {
    drawer.value = true
    detailLoading.value = true
    detail.value = null
    try {
      detail.value = await getLoanApplication(row.id)
    } catch {
      drawer.value = false
    } finally {
      detailLoading.value = false
    }
  }

  const action = ref<string | null>(null)
  const actionForm = reactive<LoanActionForm>(blankLoanActionForm())
  const formRef = useTemplateRef<FormInstance>('formRef')
  const rules = computed(() => loanActionRules(action.value ?? ''))
  const submitting = ref(false)
  const actionTitle = computed(() => (action.value ? LOAN_ACTION_LABELS[action.value] ?? action.value : ''))

  function startAction(name: string): void {
    Object.assign(actionForm, blankLoanActionForm())
    if (name === 'grant' && detail.value?.approved) actionForm.amount = detail.value.approved.amount
    if (name === 'approve' && detail.value) actionForm.amount = detail.value.amount
    action.value = name
    formRef.value?.clearValidate()
  }

  async function submitAction(): Promise<void> {
    const current = detail.value
    const name = action.value
    if (!current || !name) return
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    try {
      await ElMessageBox.confirm(LOAN_CONFIRM[name] ?? '确定提交吗？', actionTitle.value, { type: 'warning', confirmButtonText: '确定', cancelButtonText: '取消' })
    } catch {
      return
    }
    submitting.value = true
    try {
      const updated = await performLoanAction(name, current.id, actionForm)
      ElMessage.success(`${actionTitle.value}成功`)
      detail.value = updated
      list.replace((r) => r.id === updated.id, updated)
      action.value = null
    } catch {
      // shown by the request client
    } finally {
      submitting.value = false
    }
  }

  return { form, ...list, search, reset, detail, detailLoading, drawer, open, action, actionForm, rules, submitting, actionTitle, startAction, submitAction }
}
