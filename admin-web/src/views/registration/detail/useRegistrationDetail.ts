// 登记审核 detail: the application, its documents, rule results and history; 核准 / 不予登记.
import { computed, ref, shallowRef } from 'vue'
import { ElMessage, ElMessageBox, type FormRules } from 'element-plus'
import { ApiError } from '@/api/request'
import {
  approveRegistration,
  fetchRegistrationDocument,
  getRegistration,
  refuseRegistration,
  type DocumentRef,
  type RegistrationDetail,
  type RuleResult,
} from '@/api/registrations'
import { useFilePreview } from '@/composables/useFilePreview'

export type Decision = 'approve' | 'refuse'

export const DECISION_LABELS: Record<Decision, string> = { approve: '核准', refuse: '不予登记' }

/** Failed rules first (the reason a person has to look), then the passed ones, each in the API's order. */
export function splitRules(results: readonly RuleResult[]): { failed: RuleResult[]; passed: RuleResult[] } {
  return { failed: results.filter((r) => r.passed === false), passed: results.filter((r) => r.passed !== false) }
}

/** Decisions the API offers now, in a fixed order. */
export function offeredDecisions(actions: readonly string[]): Decision[] {
  return (['approve', 'refuse'] as const).filter((a) => actions.includes(a))
}

/** The operator's ID photo is listed as a document only after approval; staff may see it while reviewing. */
export function documentsOf(detail: RegistrationDetail | null): DocumentRef[] {
  if (!detail) return []
  const docs = [...detail.documents]
  if (detail.operator?.id_photo_file_id && !docs.some((d) => d.code === 'id_photo')) docs.push({ code: 'id_photo', title: '经营者证件照片' })
  return docs
}

export const decisionRules = (decision: Decision): FormRules =>
  decision === 'refuse'
    ? { text: [{ required: true, whitespace: true, message: '请填写不予登记的理由', trigger: 'blur' }, { max: 1000, message: '不超过1000字', trigger: 'blur' }] }
    : { text: [{ max: 1000, message: '不超过1000字', trigger: 'blur' }] }

/** Ask, then send one decision; the updated application, or null when cancelled or refused by the API. */
export async function performDecision(detail: RegistrationDetail, decision: Decision, text: string): Promise<RegistrationDetail | null> {
  const name = detail.name_step?.name || detail.system?.name || detail.number
  const message =
    decision === 'approve'
      ? `确定核准「${name}」的设立登记吗？核准后将赋予统一社会信用代码并生成营业执照。`
      : `确定对「${name}」作出不予登记决定吗？理由将告知申请人。`
  try {
    await ElMessageBox.confirm(message, DECISION_LABELS[decision], {
      type: decision === 'approve' ? 'info' : 'warning',
      confirmButtonText: '确定',
      cancelButtonText: '取消',
    })
  } catch {
    return null
  }
  try {
    const updated = decision === 'approve' ? await approveRegistration(detail.id, text.trim()) : await refuseRegistration(detail.id, text.trim())
    ElMessage.success(decision === 'approve' ? '已核准登记' : '已作出不予登记决定')
    return updated
  } catch {
    return null
  }
}

export function useRegistrationDetail(id: () => number) {
  const detail = shallowRef<RegistrationDetail | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const deciding = ref<Decision | null>(null)
  const preview = useFilePreview()

  async function load(): Promise<void> {
    loading.value = true
    try {
      detail.value = await getRegistration(id())
      error.value = null
    } catch (failure) {
      error.value = failure instanceof ApiError ? failure.message : '加载失败'
    } finally {
      loading.value = false
    }
  }

  const rules = computed(() => splitRules(detail.value?.rule_results ?? []))
  const decisions = computed(() => offeredDecisions(detail.value?.actions ?? []))
  const documents = computed(() => documentsOf(detail.value))

  const openDocument = (doc: DocumentRef) => preview.open(doc.title, () => fetchRegistrationDocument(id(), doc.code))
  const downloadDocument = (doc: DocumentRef) => preview.download(`${doc.title}.pdf`, () => fetchRegistrationDocument(id(), doc.code))
  const onDecided = (updated: RegistrationDetail) => {
    detail.value = updated
    deciding.value = null
  }

  return { detail, loading, error, load, rules, decisions, documents, deciding, onDecided, preview, openDocument, downloadDocument }
}
