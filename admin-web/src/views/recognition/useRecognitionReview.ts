// 名特优新 申请审核: the queue (server filters, keyset) and one application with the business's
// two-year penalty record beside it; 受理 / 退回补正 / 认定 / 不予认定 with confirmation.
import { computed, reactive, ref, shallowRef, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import { getRecognitionApplication, getRecognitionOptions, listRecognitionApplications, reviewRecognition } from '@/api/recognition'
import { ApiError } from '@/api/request'
import type { RecognitionApplication, RecognitionApplicationDetail, RecognitionOptions } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'

export const REVIEW_LABELS: Record<string, string> = { accept: '受理', return: '退回补正', recognise: '认定', refuse: '不予认定' }
/** Return and refuse need a reason the owner will read; accept and recognise take an optional comment. */
export const NEEDS_REASON = new Set(['return', 'refuse'])

export function reviewRules(action: string): FormRules {
  return NEEDS_REASON.has(action)
    ? { text: [{ required: true, whitespace: true, message: action === 'return' ? '请填写退回原因' : '请填写不予认定的理由', trigger: 'blur' }] }
    : {}
}

export function reviewBody(action: string, text: string): { comment?: string; reason?: string } {
  const t = text.trim()
  if (NEEDS_REASON.has(action)) return { reason: t }
  return t ? { comment: t } : {}
}

export const REVIEW_CONFIRM: Record<string, string> = {
  accept: '确定受理该申请吗？',
  return: '确定退回申请人补正吗？',
  recognise: '确定认定吗？认定后将进入公告的认定名单并向社会公开，不可撤回。',
  refuse: '确定不予认定吗？决定后不可撤回。',
}

/** A short warning for the reviewer from the risk record. */
export function riskSummary(risk: RecognitionApplicationDetail['risk'] | undefined): { type: 'success' | 'warning' | 'error'; text: string } {
  if (!risk) return { type: 'success', text: '' }
  if (risk.serious_violation) return { type: 'error', text: '该主体目前在严重违法失信名单中' }
  if (risk.penalty_count || risk.listed_now) {
    return { type: 'warning', text: `近两年行政处罚 ${risk.penalty_count} 条，目前在列名单 ${risk.listed_now} 条` }
  }
  return { type: 'success', text: `${risk.since} 以来无行政处罚、无在列名单` }
}

export function useRecognitionQueue(initialNotice?: number) {
  const options = ref<RecognitionOptions | null>(null)
  const filters = reactive<{ q: string; status: string; category: string; notice_id: number | undefined }>({
    q: '',
    status: '',
    category: '',
    notice_id: initialNotice,
  })
  let applied: Record<string, string | number | undefined> = {}
  const list = useCursorList<RecognitionApplication>((page) => listRecognitionApplications({ ...applied, ...page }))
  function search(): Promise<void> {
    applied = { q: filters.q.trim() || undefined, status: filters.status || undefined, category: filters.category || undefined, notice_id: filters.notice_id }
    return list.reload()
  }
  async function init(): Promise<void> {
    await Promise.all([getRecognitionOptions().then((o) => (options.value = o)).catch(() => undefined), search()])
  }
  return { options, filters, ...list, search, init }
}

export function useRecognitionDetail(id: () => number) {
  const app = shallowRef<RecognitionApplicationDetail | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  async function load(): Promise<void> {
    loading.value = true
    try {
      app.value = await getRecognitionApplication(id())
      error.value = null
    } catch (failure) {
      error.value = failure instanceof ApiError ? failure.message : '加载失败'
    } finally {
      loading.value = false
    }
  }
  const risk = computed(() => riskSummary(app.value?.risk))

  const formRef = useTemplateRef<FormInstance>('formRef')
  const action = ref<string | null>(null)
  const form = reactive({ text: '' })
  const rules = computed(() => reviewRules(action.value ?? ''))
  const submitting = ref(false)
  function start(name: string): void {
    form.text = ''
    action.value = name
    formRef.value?.clearValidate()
  }
  async function submit(): Promise<void> {
    const name = action.value
    if (!name || !app.value) return
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    try {
      await ElMessageBox.confirm(REVIEW_CONFIRM[name], REVIEW_LABELS[name], { type: 'warning', confirmButtonText: '确定', cancelButtonText: '取消' })
    } catch {
      return
    }
    submitting.value = true
    try {
      app.value = await reviewRecognition(app.value.id, name, reviewBody(name, form.text))
      ElMessage.success(`${REVIEW_LABELS[name]}成功`)
      action.value = null
    } catch {
      /* shown */
    } finally {
      submitting.value = false
    }
  }
  return { app, loading, error, load, risk, action, form, rules, submitting, start, submit }
}
