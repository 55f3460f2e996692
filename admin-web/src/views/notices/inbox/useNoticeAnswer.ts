// 告知反馈: the answer form (已发证 needs the certificate number, name and date).
import { reactive, ref } from 'vue'
import { ElMessage, ElMessageBox, type FormRules } from 'element-plus'
import { answerNotice, type AnswerBody, type FeedbackResult, type Notice } from '@/api/notices'

export const FEEDBACK_RESULTS: { value: FeedbackResult; label: string }[] = [
  { value: 'issued', label: '已发证' },
  { value: 'refused', label: '不予发证' },
  { value: 'other_level', label: '非本级发证' },
  { value: 'not_applied', label: '未申请许可' },
]

export interface AnswerForm {
  result: FeedbackResult | ''
  cert_no: string
  cert_name: string
  issuing_authority: string
  issued_on: string
  valid_from: string
  valid_to: string
  long_term: boolean
  permit_content: string
  remark: string
}

export const blankAnswer = (): AnswerForm => ({
  result: '',
  cert_no: '',
  cert_name: '',
  issuing_authority: '',
  issued_on: '',
  valid_from: '',
  valid_to: '',
  long_term: false,
  permit_content: '',
  remark: '',
})

type Cb = (e?: Error) => void
const whenIssued = (form: AnswerForm, message: string) => ({
  validator: (_r: unknown, v: string, cb: Cb) => (form.result === 'issued' && !String(v ?? '').trim() ? cb(new Error(message)) : cb()),
  trigger: ['blur', 'change'],
})

export function answerRules(form: AnswerForm): FormRules {
  return {
    result: [{ required: true, message: '请选择反馈结果', trigger: 'change' }],
    cert_no: [whenIssued(form, '已发证须填写证件编号'), { max: 64, message: '证件编号不超过64字', trigger: 'blur' }],
    cert_name: [whenIssued(form, '已发证须填写证件名称'), { max: 128, message: '证件名称不超过128字', trigger: 'blur' }],
    issued_on: [whenIssued(form, '已发证须选择发证日期')],
    valid_to: [
      {
        validator: (_r: unknown, v: string, cb: Cb) => {
          if (form.result === 'issued' && !form.long_term && !v) cb(new Error('请选择有效期至，或勾选长期有效'))
          else if (v && form.valid_from && v < form.valid_from) cb(new Error('有效期至不能早于有效期起'))
          else cb()
        },
        trigger: 'change',
      },
    ],
    permit_content: [{ max: 2000, message: '许可内容不超过2000字', trigger: 'blur' }],
    remark: [{ max: 500, message: '备注不超过500字', trigger: 'blur' }],
  }
}

/** The API body: certificate fields only for 已发证; 长期有效 is an empty `valid_to`. */
export function toAnswerBody(form: AnswerForm): AnswerBody {
  const issued = form.result === 'issued'
  const text = (v: string) => (issued ? v.trim() : '')
  const day = (v: string) => (issued && v ? v : null)
  return {
    result: form.result as FeedbackResult,
    cert_no: text(form.cert_no),
    cert_name: text(form.cert_name),
    issuing_authority: text(form.issuing_authority),
    issued_on: day(form.issued_on),
    valid_from: day(form.valid_from),
    valid_to: form.long_term ? null : day(form.valid_to),
    permit_content: text(form.permit_content),
    remark: form.remark.trim(),
  }
}

export function useNoticeAnswer(onDone: (n: Notice) => void) {
  const target = ref<Notice | null>(null)
  const form = reactive<AnswerForm>(blankAnswer())
  const rules = answerRules(form)
  const saving = ref(false)

  function open(notice: Notice): void {
    Object.assign(form, blankAnswer(), { issuing_authority: notice.department.name })
    target.value = notice
  }

  async function submit(): Promise<boolean> {
    const notice = target.value
    if (!notice) return false
    const label = FEEDBACK_RESULTS.find((r) => r.value === form.result)?.label ?? ''
    try {
      await ElMessageBox.confirm(`确定反馈「${notice.business.name} · ${notice.item}」为「${label}」吗？反馈后不能修改。`, '告知反馈', {
        type: 'info',
        confirmButtonText: '确定',
        cancelButtonText: '取消',
      })
    } catch {
      return false
    }
    saving.value = true
    try {
      const answered = await answerNotice(notice.id, toAnswerBody(form))
      ElMessage.success('已反馈')
      target.value = null
      onDone(answered)
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }

  return { target, form, rules, saving, open, submit }
}
