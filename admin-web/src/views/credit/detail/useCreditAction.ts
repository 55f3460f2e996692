// The dialog of a staff action on an application (受理, 转办, 审核, 审批, 退回, 不予修复):
// its form, Chinese validation, the confirmation and the call.
import { computed, reactive, ref, watch, type Ref, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import { actOnCreditApplication, getCreditTransferTargets } from '@/api/credit'
import type { CreditAction, CreditActionBody, CreditApplication, CreditApplicationDetail, CreditTransferTarget } from '@/api/types'
import { actionLabel } from '../creditShared'

export interface CreditActionForm {
  opinion: string
  target_org_id: number | null
  decision_no: string
}

export const blankCreditActionForm = (): CreditActionForm => ({ opinion: '', target_org_id: null, decision_no: '' })

/** Transfer, return and refuse need a reason (CREDIT_REASON_REQUIRED); the others take an optional opinion. */
export const REASON_ACTIONS = new Set(['transfer', 'return', 'refuse'])

export function opinionLabel(action: string): string {
  if (action === 'transfer') return '转办原因'
  if (action === 'return') return '退回原因'
  if (action === 'refuse') return '不予修复理由'
  if (action === 'accept') return '经办意见'
  if (action === 'review') return '审核意见'
  if (action === 'approve') return '审批意见'
  return '意见'
}

export function creditActionRules(action: string): FormRules {
  const rules: FormRules = {
    opinion: [{ max: 1000, message: '意见不超过1000字', trigger: 'blur' }],
  }
  if (REASON_ACTIONS.has(action)) {
    rules.opinion = [{ required: true, whitespace: true, message: `请填写${opinionLabel(action)}`, trigger: 'blur' }, ...(rules.opinion as [])]
  }
  if (action === 'transfer') rules.target_org_id = [{ required: true, message: '请选择转办单位', trigger: 'change' }]
  if (action === 'approve') rules.decision_no = [{ max: 64, message: '决定书文号不超过64个字', trigger: 'blur' }]
  return rules
}

export function toCreditActionBody(action: CreditAction, form: CreditActionForm): CreditActionBody {
  const body: CreditActionBody = { action, opinion: form.opinion.trim() }
  if (action === 'transfer') body.target_org_id = form.target_org_id
  if (action === 'approve' && form.decision_no.trim()) body.decision_no = form.decision_no.trim()
  return body
}

export function confirmText(action: string, status: string): string {
  switch (action) {
    case 'accept':
      return '确定受理该信用修复申请吗？受理后进入审核。'
    case 'transfer':
      return '确定转办吗？转办后本单位不再办理该申请。'
    case 'review':
      return '确定审核通过并提交审批吗？'
    case 'approve':
      return '确定审批通过吗？通过后将立即移出名单（恢复正常记载状态）并生成信用修复决定书，不可撤回。'
    case 'refuse':
      return '确定不予修复吗？决定后申请即办结，不可撤回。'
    case 'return':
      return `确定${actionLabel('return', status)}吗？`
    default:
      return '确定提交吗？'
  }
}

export function useCreditAction(
  action: Ref<string | null>,
  app: Ref<CreditApplication | null>,
  onDone: (result: CreditApplicationDetail | { transferred: true }) => void,
) {
  const formRef = useTemplateRef<FormInstance>('formRef')
  const form = reactive<CreditActionForm>(blankCreditActionForm())
  const submitting = ref(false)
  const targets = ref<CreditTransferTarget[]>([])
  const targetsLoading = ref(false)
  const title = computed(() => (action.value ? actionLabel(action.value, app.value?.status) : ''))
  const rules = computed(() => creditActionRules(action.value ?? ''))

  watch(action, async (open) => {
    if (!open) return
    Object.assign(form, blankCreditActionForm())
    formRef.value?.clearValidate()
    if (open === 'transfer' && app.value) {
      targetsLoading.value = true
      try {
        targets.value = await getCreditTransferTargets(app.value.id)
      } catch {
        targets.value = []
      } finally {
        targetsLoading.value = false
      }
    }
  })

  async function submit(): Promise<void> {
    const current = app.value
    const name = action.value as CreditAction | null
    if (!current || !name) return
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    try {
      await ElMessageBox.confirm(confirmText(name, current.status), title.value, { type: 'warning', confirmButtonText: '确定', cancelButtonText: '取消' })
    } catch {
      return
    }
    submitting.value = true
    try {
      const result = await actOnCreditApplication(current.id, toCreditActionBody(name, form))
      ElMessage.success(name === 'transfer' ? '已转办' : `${title.value}成功`)
      action.value = null
      onDone(result)
    } catch {
      // shown by the request client
    } finally {
      submitting.value = false
    }
  }

  return { form, rules, submitting, title, targets, targetsLoading, submit }
}
