import { computed, reactive, ref, watch, type Ref, useTemplateRef } from 'vue'
import { ElMessage, type FormInstance, type FormRules } from 'element-plus'
import { updateListing, updatePenalty } from '@/api/risk'
import type { ListingUpdate, PenaltyUpdate, RiskRecord } from '@/api/types'

const AMOUNT = /^\d+(\.\d{1,6})?$/
const today = () => new Date().toISOString().slice(0, 10)

export interface RiskEditForm {
  doc_no: string
  penalty_name: string
  penalty_type: string
  basis: string
  violation_type: string
  content: string
  fine_amount: string
  confiscated_amount: string
  decided_on: string
  published_on: string
  list_reason: string
  listed_on: string
}

const blank = (): RiskEditForm => ({
  doc_no: '',
  penalty_name: '',
  penalty_type: '',
  basis: '',
  violation_type: '',
  content: '',
  fine_amount: '',
  confiscated_amount: '',
  decided_on: '',
  published_on: '',
  list_reason: '',
  listed_on: '',
})

const notFuture = (label: string) => ({
  validator: (_r: unknown, v: string, cb: (e?: Error) => void) => (v && v > today() ? cb(new Error(`${label}不能晚于今天`)) : cb()),
  trigger: 'change',
})

export function riskRules(kind: 'penalty' | 'listing', form: RiskEditForm): FormRules {
  const req = (message: string) => [{ required: true, whitespace: true, message, trigger: 'blur' }]
  if (kind === 'listing') {
    return {
      doc_no: req('请填写列入文号'),
      list_reason: req('请填写列入原因'),
      listed_on: [{ required: true, message: '请选择列入日期', trigger: 'change' }, notFuture('列入日期')],
    }
  }
  const amount = { pattern: AMOUNT, message: '请输入不为负数的金额（万元，最多6位小数）', trigger: 'blur' }
  return {
    doc_no: req('请填写处罚决定书文号'),
    penalty_type: req('请填写处罚种类'),
    basis: req('请填写处罚依据'),
    violation_type: req('请填写违法行为类型'),
    content: req('请填写处罚内容'),
    fine_amount: [amount],
    confiscated_amount: [amount],
    decided_on: [{ required: true, message: '请选择处罚决定书日期', trigger: 'change' }, notFuture('处罚决定书日期')],
    published_on: [
      { required: true, message: '请选择公示日期', trigger: 'change' },
      notFuture('公示日期'),
      {
        validator: (_r: unknown, v: string, cb: (e?: Error) => void) =>
          v && form.decided_on && v < form.decided_on ? cb(new Error('公示日期不能早于处罚决定书日期')) : cb(),
        trigger: 'change',
      },
    ],
  }
}

/** Only the fields that changed, in the API's shape (an emptied amount clears it). */
export function riskChanges(record: RiskRecord, form: RiskEditForm): PenaltyUpdate | ListingUpdate {
  const changes: Record<string, string | null> = {}
  const keys =
    record.record_type === 'penalty'
      ? (['doc_no', 'penalty_name', 'penalty_type', 'basis', 'violation_type', 'content', 'fine_amount', 'confiscated_amount', 'decided_on', 'published_on'] as const)
      : (['doc_no', 'list_reason', 'listed_on'] as const)
  for (const key of keys) {
    const before = ((record as unknown as Record<string, string | null>)[key] ?? '').toString()
    const after = form[key].trim()
    if (after === before) continue
    changes[key] = after === '' && (key === 'fine_amount' || key === 'confiscated_amount' || key === 'penalty_name') ? null : after
  }
  return changes
}

export function useRiskEdit(editing: Ref<RiskRecord | null>, onSaved: (r: RiskRecord) => void) {
  const formRef = useTemplateRef<FormInstance>('formRef')
  const form = reactive<RiskEditForm>(blank())
  const saving = ref(false)
  const kind = computed(() => (editing.value?.record_type === 'listing' ? 'listing' : 'penalty'))
  const rules = computed(() => riskRules(kind.value, form))

  watch(editing, (record) => {
    if (!record) return
    const values = blank()
    for (const key of Object.keys(values) as (keyof RiskEditForm)[]) {
      const v = (record as unknown as Record<string, unknown>)[key]
      if (v != null) values[key] = String(v)
    }
    Object.assign(form, values)
    formRef.value?.clearValidate()
  })

  async function submit(): Promise<void> {
    const record = editing.value
    if (!record) return
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    const changes = riskChanges(record, form)
    if (!Object.keys(changes).length) {
      ElMessage.info('没有修改')
      editing.value = null
      return
    }
    saving.value = true
    try {
      const saved =
        record.record_type === 'penalty' ? await updatePenalty(record.id, changes as PenaltyUpdate) : await updateListing(record.id, changes as ListingUpdate)
      ElMessage.success('已保存')
      onSaved(saved)
      editing.value = null
    } catch {
      // shown by the request client
    } finally {
      saving.value = false
    }
  }

  return { form, rules, saving, kind, submit }
}
