// 免申即享: benefit list and editor; a benefit's eligibilities (marked one by one, by rule or by Excel),
// their forwarding status to the benefit platform, and 重新提交 for an item whose forwarding gave up.
import { reactive, ref, shallowRef, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import {
  createBenefit,
  getBenefit,
  getBenefitRun,
  getEligibility,
  listBenefits,
  listEligibilities,
  listPolicies,
  markByExcel,
  markByRule,
  markOne,
  retryEligibility,
  updateBenefit,
} from '@/api/policies'
import { ApiError } from '@/api/request'
import type { Benefit, BenefitBody, BenefitRun, Eligibility, EligibilityDetail, Policy, Targeting, ValueLabel } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import { MONEY } from '../loans/loanShared'

export const ELIGIBILITY_STATUSES: ValueLabel[] = [
  { value: 'pushed', label: '待确认' },
  { value: 'confirmed', label: '已确认' },
  { value: 'forwarded', label: '已提交平台' },
  { value: 'accepted', label: '平台已受理' },
  { value: 'rejected', label: '平台未通过' },
  { value: 'paid', label: '已兑现' },
]

/** USCC: 18 characters of digits and capital letters (without I, O, S, V, Z). */
export const USCC = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/

export interface BenefitForm {
  code: string
  name: string
  policy_id: number | null
  amount: string
  description: string
}
export const blankBenefitForm = (): BenefitForm => ({ code: '', name: '', policy_id: null, amount: '', description: '' })

export const benefitRules: FormRules = {
  code: [{ required: true, whitespace: true, message: '请填写事项编码（免申即享平台的编码）', trigger: 'blur' }],
  name: [{ required: true, whitespace: true, message: '请填写事项名称', trigger: 'blur' }],
  amount: [{ pattern: MONEY, message: '金额应为数字（元），最多两位小数', trigger: 'blur' }],
}

export function toBenefitBody(form: BenefitForm): BenefitBody {
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    policy_id: form.policy_id,
    amount: form.amount.trim() || null,
    description: form.description.trim(),
  }
}

/** "已提交平台" is the goal of forwarding; describe where an item stands. */
export function forwardingText(e: Eligibility): string {
  if (e.forward_gave_up) return `提交失败（已重试${e.forward_attempts}次）：${e.last_error || '未知错误'}`
  if (e.status === 'confirmed' && e.forward_attempts > 0) return `提交中，已尝试${e.forward_attempts}次${e.last_error ? `：${e.last_error}` : ''}`
  if (e.status === 'confirmed') return '待提交平台'
  if (e.platform_ref) return `平台编号 ${e.platform_ref}`
  return '—'
}

export function useBenefitList() {
  const list = useCursorList<Benefit>((page) => listBenefits(page))
  const formRef = useTemplateRef<FormInstance>('formRef')
  const visible = ref(false)
  const editing = ref<Benefit | null>(null)
  const form = reactive<BenefitForm>(blankBenefitForm())
  const saving = ref(false)
  // Policies to link a benefit to (the latest 100 of the user's scope; the select filters them).
  const policies = ref<Policy[]>([])
  async function loadPolicies(): Promise<void> {
    policies.value = (await listPolicies({ limit: 100 }).catch(() => ({ items: [] as Policy[] }))).items
  }
  function openCreate(): void {
    editing.value = null
    Object.assign(form, blankBenefitForm())
    visible.value = true
  }
  function openEdit(b: Benefit): void {
    editing.value = b
    Object.assign(form, { code: b.code, name: b.name, policy_id: b.policy_id, amount: b.amount ?? '', description: b.description ?? '' })
    visible.value = true
  }
  async function save(): Promise<void> {
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    saving.value = true
    try {
      const body = toBenefitBody(form)
      if (editing.value) {
        const saved = await updateBenefit(editing.value.id, body)
        list.replace((r) => r.id === saved.id, saved)
      } else list.prepend(await createBenefit(body))
      ElMessage.success('已保存')
      visible.value = false
    } catch {
      /* shown */
    } finally {
      saving.value = false
    }
  }
  return { ...list, visible, editing, form, rules: benefitRules, saving, policies, loadPolicies, openCreate, openEdit, save }
}

export function useBenefitDetail(id: () => number, pollMs = 1500) {
  const benefit = shallowRef<Benefit | null>(null)
  const loadError = ref<string | null>(null)
  async function loadBenefit(): Promise<void> {
    try {
      benefit.value = await getBenefit(id())
      loadError.value = null
    } catch (failure) {
      loadError.value = failure instanceof ApiError ? failure.message : '加载失败'
    }
  }

  const status = ref('')
  const list = useCursorList<Eligibility>((page) => listEligibilities(id(), { status: status.value || undefined, ...page }))
  const refresh = () => Promise.all([loadBenefit(), list.reload()]).then(() => undefined)

  // Marking
  const uscc = ref('')
  const marking = ref(false)
  const run = shallowRef<BenefitRun | null>(null)
  async function markUscc(): Promise<void> {
    const code = uscc.value.trim().toUpperCase()
    if (!USCC.test(code)) {
      ElMessage.error('请输入18位统一社会信用代码')
      return
    }
    marking.value = true
    try {
      await markOne(id(), code)
      ElMessage.success('已推送')
      uscc.value = ''
      await refresh()
    } catch {
      /* shown */
    } finally {
      marking.value = false
    }
  }

  const rule = reactive<Targeting>({ scale_types: [], tags: [], industries: [], region_codes: [] })
  async function waitRun(started: BenefitRun): Promise<BenefitRun> {
    let current = started
    while (current.status === 'pending' || current.status === 'running') {
      await new Promise((r) => setTimeout(r, pollMs))
      current = await getBenefitRun(id(), current.id)
      run.value = current
    }
    return current
  }
  async function markRule(): Promise<void> {
    const everyone = !rule.scale_types.length && !rule.tags.length && !rule.industries.length && !rule.region_codes.length
    try {
      await ElMessageBox.confirm(
        everyone ? '未设置任何条件：将推送给本单位辖区内全部存续经营主体。确定继续吗？' : '确定按所选条件批量推送吗？已推送过的经营主体会跳过。',
        '按规则推送',
        { type: 'warning', confirmButtonText: '推送', cancelButtonText: '取消' },
      )
    } catch {
      return
    }
    marking.value = true
    try {
      run.value = await markByRule(id(), { ...rule, industries: rule.industries.map((s) => s.trim()).filter(Boolean) })
      run.value = await waitRun(run.value)
      await refresh()
    } catch {
      /* shown */
    } finally {
      marking.value = false
    }
  }
  async function markExcel(file: File): Promise<void> {
    marking.value = true
    try {
      run.value = await markByExcel(id(), file)
      await refresh()
    } catch {
      /* shown */
    } finally {
      marking.value = false
    }
  }

  // One eligibility
  const detail = shallowRef<EligibilityDetail | null>(null)
  const drawer = ref(false)
  async function open(e: Eligibility): Promise<void> {
    drawer.value = true
    detail.value = null
    try {
      detail.value = await getEligibility(id(), e.id)
    } catch {
      drawer.value = false
    }
  }
  async function retry(e: Eligibility): Promise<void> {
    try {
      await ElMessageBox.confirm(`确定重新向免申即享平台提交「${e.business.name}」的确认信息吗？`, '重新提交', {
        type: 'warning',
        confirmButtonText: '重新提交',
        cancelButtonText: '取消',
      })
    } catch {
      return
    }
    try {
      const updated = await retryEligibility(id(), e.id)
      list.replace((r) => r.id === updated.id, updated)
      if (detail.value?.id === updated.id) detail.value = updated
      ElMessage.success('已重新排队提交')
    } catch {
      /* shown */
    }
  }

  return { benefit, loadError, loadBenefit, status, ...list, refresh, uscc, marking, run, markUscc, rule, markRule, markExcel, detail, drawer, open, retry }
}
