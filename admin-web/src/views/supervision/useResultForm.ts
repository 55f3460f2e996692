// 抽查结果录入 and 复核: the checklist form generated from the plan's 检查内容 by result type
// (选择型 → one of the options, 数值型 → a number with its unit, 填写型 → text, 是非型 → 是/否).
import { reactive, ref, shallowRef, watch } from 'vue'
import { ElMessage } from 'element-plus'
import { enterResult, getTarget, reviewResult, type AnswerValue, type CheckContent, type ResultBody, type TargetDetail } from '@/api/inspections'
import { ApiError, notifyError } from '@/api/request'

export const CHECK_METHODS = [
  { value: 'on_site', label: '实地检查' },
  { value: 'documents', label: '书面检查' },
] as const
export const OUTCOMES = [
  { value: 'normal', label: '正常' },
  { value: 'problem', label: '发现问题' },
] as const

export interface ResultForm {
  method: 'on_site' | 'documents'
  outcome: 'normal' | 'problem'
  problems: string
  handling: string
  note: string
  checked_on: string
  /** content id → the answer while editing (undefined = not answered yet). */
  answers: Record<number, AnswerValue | undefined>
}

export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

/** A fresh form for the contents, or the entered result (returned for correction) to edit. */
export function resultToForm(target: Pick<TargetDetail, 'contents' | 'result'>, today = todayIso()): ResultForm {
  const r = target.result
  const answers: Record<number, AnswerValue | undefined> = {}
  for (const c of target.contents) answers[c.id] = undefined
  for (const a of r?.answers ?? []) if (a.content_id in answers) answers[a.content_id] = a.value
  return {
    method: r?.method ?? 'on_site',
    outcome: r?.outcome ?? 'normal',
    problems: r?.problems ?? '',
    handling: r?.handling ?? '',
    note: r?.note ?? '',
    checked_on: r?.checked_on ?? today,
    answers,
  }
}

/** The problems that keep the form from being sent, per content id ('' key for the general fields). */
export function answerProblems(contents: CheckContent[], form: ResultForm): Record<string, string> {
  const out: Record<string, string> = {}
  for (const c of contents) {
    const v = form.answers[c.id]
    if (v === undefined || v === null || v === '') out[c.id] = '请填写检查结果'
    else if (c.result_type === 'numeric' && (typeof v !== 'number' || Number.isNaN(v))) out[c.id] = '应为数值'
    else if (c.result_type === 'choice' && !c.options.includes(String(v))) out[c.id] = '请选择给定选项'
    else if (c.result_type === 'boolean' && typeof v !== 'boolean') out[c.id] = '请选择是或否'
    else if (c.result_type === 'text' && !String(v).trim()) out[c.id] = '请填写检查结果'
  }
  if (!form.handling.trim()) out.handling = '请填写处理情况'
  if (form.outcome === 'problem' && !form.problems.trim()) out.problems = '请填写发现的问题'
  if (!form.checked_on) out.checked_on = '请选择检查日期'
  else if (form.checked_on > todayIso()) out.checked_on = '检查日期不能晚于今天'
  return out
}

export function formToResult(contents: CheckContent[], form: ResultForm): ResultBody {
  return {
    method: form.method,
    outcome: form.outcome,
    problems: form.outcome === 'problem' ? form.problems.trim() : '',
    handling: form.handling.trim(),
    note: form.note.trim(),
    checked_on: form.checked_on,
    answers: contents.map((c) => {
      const v = form.answers[c.id] as AnswerValue
      return { content_id: c.id, value: c.result_type === 'text' ? String(v).trim() : v }
    }),
  }
}

/** How an answer reads in the result view. */
export function answerText(a: { result_type: string; value: AnswerValue; unit?: string }): string {
  if (a.result_type === 'boolean') return a.value ? '是' : '否'
  if (a.result_type === 'numeric') return `${a.value}${a.unit ? ` ${a.unit}` : ''}`
  return String(a.value)
}

export function useResultForm(targetId: () => number) {
  const target = shallowRef<TargetDetail | null>(null)
  const form = reactive<ResultForm>(resultToForm({ contents: [], result: null }))
  const loading = ref(false)
  const saving = ref(false)
  const problems = ref<Record<string, string>>({})
  // After a refused attempt the messages follow the form as it is corrected.
  let tried = false
  watch(
    form,
    () => {
      if (tried && target.value) problems.value = answerProblems(target.value.contents, form)
    },
    { deep: true },
  )

  async function load(): Promise<void> {
    loading.value = true
    try {
      target.value = await getTarget(targetId())
      tried = false
      Object.assign(form, resultToForm(target.value))
      problems.value = {}
    } finally {
      loading.value = false
    }
  }

  async function enter(): Promise<boolean> {
    if (!target.value) return false
    tried = true
    problems.value = answerProblems(target.value.contents, form)
    if (Object.keys(problems.value).length) {
      ElMessage.warning('请完整填写检查结果')
      return false
    }
    saving.value = true
    try {
      target.value = await enterResult(targetId(), formToResult(target.value.contents, form))
      tried = false
      Object.assign(form, resultToForm(target.value))
      problems.value = {}
      return true
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INSPECTION_ANSWERS_INVALID') {
        const list = (error.data as { problems?: { content_id: number; message: string }[] } | null)?.problems ?? []
        problems.value = Object.fromEntries(list.map((p) => [String(p.content_id), p.message]))
      }
      notifyError(error)
      return false
    } finally {
      saving.value = false
    }
  }

  async function review(decision: 'publish' | 'return', comment = ''): Promise<boolean> {
    saving.value = true
    try {
      target.value = await reviewResult(targetId(), decision, comment)
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }

  return { target, form, loading, saving, problems, load, enter, review }
}
