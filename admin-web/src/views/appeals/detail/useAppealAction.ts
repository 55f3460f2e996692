// One dialog for every staff action on an appeal: its form, Chinese validation, the
// confirmation, and the call. The API decides which actions are offered (`allowed_actions`).
import { computed, reactive, ref, watch, type Ref, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import {
  acceptAppeal,
  replyAppeal,
  replyOutOfScope,
  reportAppeal,
  sendBackAppeal,
  superviseAppeal,
  transferAppeal,
} from '@/api/appeals'
import type { AppealDetail, AppealItem } from '@/api/types'
import { ACTION_LABELS } from '../dueBadge'

export interface ActionFile {
  /** Stored file id (an upload of this user, or a file already on the appeal). */
  id: number
  name: string
}

export interface ActionForm {
  comment: string
  type: string
  department: string
  unit_org_id: number | null
  requirements: string
  due_at: string | null
  department_name: string
  contact_person: string
  phone: string
  result: string
  reply: string
  reason: string
  content: string
  files: ActionFile[]
}

export const blankActionForm = (): ActionForm => ({
  comment: '',
  type: '',
  department: '',
  unit_org_id: null,
  requirements: '',
  due_at: null,
  department_name: '',
  contact_person: '',
  phone: '',
  result: '',
  reply: '',
  reason: '',
  content: '',
  files: [],
})

const PHONE = /^[0-9+\-() ]{5,32}$/

const required = (message: string, trigger: 'blur' | 'change' = 'blur') => ({ required: true, whitespace: true, message, trigger })

export function actionRules(action: string): FormRules {
  switch (action) {
    case 'transfer':
      return {
        unit_org_id: [{ required: true, message: '请选择承办单位', trigger: 'change' }],
        requirements: [required('请填写办理要求')],
        due_at: [
          {
            validator: (_rule, value: string | null, cb: (e?: Error) => void) =>
              value && new Date(value).getTime() <= Date.now() ? cb(new Error('办理期限应晚于当前时间')) : cb(),
            trigger: 'change',
          },
        ],
      }
    case 'reply_out_of_scope':
      return {
        department_name: [required('请填写主管部门')],
        contact_person: [required('请填写联系人')],
        phone: [required('请填写联系电话'), { pattern: PHONE, message: '联系电话格式不正确', trigger: 'blur' }],
      }
    case 'report':
      return { result: [required('请填写办理结果')] }
    case 'reply':
      return { reply: [required('请填写答复内容')] }
    case 'send_back':
      return { reason: [required('请填写退回原因')] }
    case 'supervise':
      return { content: [required('请填写督办意见')] }
    default:
      return {}
  }
}

const trim = (s: string) => s.trim()

/** The API call of an action with the form as its body. */
export function performAction(action: string, id: number, form: ActionForm, current: AppealItem): Promise<AppealDetail> {
  const files = form.files.map((f) => f.id)
  switch (action) {
    case 'accept': {
      const body: { comment?: string; type?: string; department?: string } = {}
      if (form.comment.trim()) body.comment = trim(form.comment)
      // Only send a classification that changes something.
      if (form.type && form.type !== current.type) body.type = form.type
      if (form.department && form.department !== current.department) body.department = form.department
      return acceptAppeal(id, body)
    }
    case 'transfer':
      return transferAppeal(id, {
        unit_org_id: form.unit_org_id!,
        requirements: trim(form.requirements),
        due_at: form.due_at ? new Date(form.due_at).toISOString() : null,
      })
    case 'reply_out_of_scope':
      return replyOutOfScope(id, {
        department_name: trim(form.department_name),
        contact_person: trim(form.contact_person),
        phone: trim(form.phone),
        comment: trim(form.comment),
      })
    case 'report':
      return reportAppeal(id, { result: trim(form.result), files })
    case 'reply':
      return replyAppeal(id, { reply: trim(form.reply), files })
    case 'send_back':
      return sendBackAppeal(id, { reason: trim(form.reason) })
    case 'supervise':
      return superviseAppeal(id, { content: trim(form.content) })
    default:
      return Promise.reject(new Error(`unknown action ${action}`))
  }
}

export const CONFIRM_TEXT: Record<string, string> = {
  accept: '确定受理该诉求吗？',
  transfer: '确定按转办单转交承办单位办理吗？提交后不可撤回。',
  reply_out_of_scope: '确定以「职责范围外」答复诉求人吗？答复后诉求即办结，不可撤回。',
  report: '确定报送办理结果吗？提交后不可撤回。',
  reply: '确定向诉求人发送答复吗？答复后诉求即办结，不可撤回。',
  send_back: '确定将诉求退回办理机构吗？',
  supervise: '确定发送督办通知吗？',
}

/**
 * `action` is the open dialog (null when closed); `appeal` the appeal being worked;
 * `onDone` receives the updated appeal the API returns.
 */
export function useAppealAction(action: Ref<string | null>, appeal: Ref<AppealItem | null>, onDone: (a: AppealDetail) => void) {
  const formRef = useTemplateRef<FormInstance>('formRef')
  const form = reactive<ActionForm>(blankActionForm())
  const submitting = ref(false)
  const title = computed(() => (action.value ? ACTION_LABELS[action.value] ?? action.value : ''))
  const rules = computed(() => actionRules(action.value ?? ''))

  watch(action, (open) => {
    if (!open) return
    Object.assign(form, blankActionForm())
    if (open === 'accept' && appeal.value) {
      form.type = appeal.value.type
      form.department = appeal.value.department
    }
    formRef.value?.clearValidate()
  })

  async function submit(): Promise<void> {
    const current = appeal.value
    const name = action.value
    if (!current || !name) return
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    try {
      await ElMessageBox.confirm(CONFIRM_TEXT[name] ?? '确定提交吗？', title.value, {
        type: 'warning',
        confirmButtonText: '确定',
        cancelButtonText: '取消',
      })
    } catch {
      return
    }
    submitting.value = true
    try {
      const updated = await performAction(name, current.id, form, current)
      ElMessage.success(`${title.value}成功`)
      action.value = null
      onDone(updated)
    } catch {
      // shown by the request client
    } finally {
      submitting.value = false
    }
  }

  return { form, rules, submitting, title, submit }
}
