// 政策事项: list, editor (plain-text body + targeting), 发布 / 撤回 / 删除草稿 with confirmation.
import { reactive, ref, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import { createPolicy, deletePolicy, listPolicies, publishPolicy, updatePolicy, withdrawPolicy } from '@/api/policies'
import type { Policy, PolicyBody, Targeting, ValueLabel } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'

export const SCALE_TYPES: ValueLabel[] = [
  { value: 'survival', label: '生存型' },
  { value: 'growth', label: '成长型' },
  { value: 'development', label: '发展型' },
]
export const TAGS = ['名', '特', '优', '新']
/** Region codes are GB/T 2260: six digits. */
export const REGION_CODE = /^\d{6}$/

export interface PolicyForm extends Targeting {
  title: string
  summary: string
  body: string
  department: string
  valid: [string, string] | null
}

export const blankPolicyForm = (): PolicyForm => ({
  title: '',
  summary: '',
  body: '',
  department: '',
  valid: null,
  scale_types: [],
  tags: [],
  industries: [],
  region_codes: [],
})

export const policyRules: FormRules = {
  title: [
    { required: true, whitespace: true, message: '请填写政策标题', trigger: 'blur' },
    { max: 200, message: '标题不超过200字', trigger: 'blur' },
  ],
  department: [{ required: true, whitespace: true, message: '请填写发布部门', trigger: 'blur' }],
  body: [{ required: true, whitespace: true, message: '请填写政策内容', trigger: 'blur' }],
  region_codes: [
    {
      trigger: 'change',
      validator: (_r, v: string[], cb) => ((v ?? []).every((c) => REGION_CODE.test(c)) ? cb() : cb(new Error('地区代码应为6位数字（如 420204）'))),
    },
  ],
}

export function toPolicyBody(form: PolicyForm): PolicyBody {
  return {
    title: form.title.trim(),
    summary: form.summary.trim(),
    body: form.body,
    department: form.department.trim(),
    valid_from: form.valid?.[0] ?? null,
    valid_to: form.valid?.[1] ?? null,
    scale_types: [...form.scale_types],
    tags: [...form.tags],
    industries: form.industries.map((s) => s.trim()).filter(Boolean),
    region_codes: [...form.region_codes],
  }
}

export function policyToForm(p: Policy): PolicyForm {
  return {
    title: p.title,
    summary: p.summary ?? '',
    body: p.body ?? '',
    department: p.department ?? '',
    valid: p.valid_from && p.valid_to ? [p.valid_from, p.valid_to] : null,
    scale_types: [...p.targeting.scale_types],
    tags: [...p.targeting.tags],
    industries: [...p.targeting.industries],
    region_codes: p.region_codes.length ? [...p.region_codes] : [],
  }
}

async function confirm(message: string, title: string, button: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, { type: 'warning', confirmButtonText: button, cancelButtonText: '取消' })
    return true
  } catch {
    return false
  }
}

export function usePolicies() {
  const filters = reactive({ q: '', status: '' })
  let applied: { q?: string; status?: string } = {}
  const list = useCursorList<Policy>((page) => listPolicies({ ...applied, ...page }))
  function search(): Promise<void> {
    applied = { q: filters.q.trim() || undefined, status: filters.status || undefined }
    return list.reload()
  }

  const formRef = useTemplateRef<FormInstance>('formRef')
  const visible = ref(false)
  const editing = ref<Policy | null>(null)
  const form = reactive<PolicyForm>(blankPolicyForm())
  const saving = ref(false)

  function openCreate(): void {
    editing.value = null
    Object.assign(form, blankPolicyForm())
    visible.value = true
    formRef.value?.clearValidate()
  }
  function openEdit(p: Policy): void {
    editing.value = p
    Object.assign(form, policyToForm(p))
    visible.value = true
    formRef.value?.clearValidate()
  }

  async function save(): Promise<void> {
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    saving.value = true
    try {
      const body = toPolicyBody(form)
      if (editing.value) {
        const saved = await updatePolicy(editing.value.id, body)
        list.replace((r) => r.id === saved.id, saved)
      } else {
        list.prepend(await createPolicy(body))
      }
      ElMessage.success(editing.value ? '已保存' : '已保存为草稿')
      visible.value = false
    } catch {
      // shown by the request client
    } finally {
      saving.value = false
    }
  }

  async function publish(p: Policy): Promise<void> {
    if (!(await confirm(`确定发布「${p.title}」吗？符合条件的经营主体将在小程序中看到该政策。`, '发布政策', '发布'))) return
    try {
      const saved = await publishPolicy(p.id)
      list.replace((r) => r.id === saved.id, saved)
      ElMessage.success('已发布')
    } catch {
      /* shown */
    }
  }
  async function withdraw(p: Policy): Promise<void> {
    if (!(await confirm(`确定撤回「${p.title}」吗？撤回后经营主体将看不到该政策。`, '撤回政策', '撤回'))) return
    try {
      const saved = await withdrawPolicy(p.id)
      list.replace((r) => r.id === saved.id, saved)
      ElMessage.success('已撤回')
    } catch {
      /* shown */
    }
  }
  async function remove(p: Policy): Promise<void> {
    if (!(await confirm(`确定删除草稿「${p.title}」吗？删除后不能恢复。`, '删除草稿', '删除'))) return
    try {
      await deletePolicy(p.id)
      list.items.value = list.items.value.filter((r) => r.id !== p.id)
      ElMessage.success('已删除')
    } catch {
      /* shown */
    }
  }

  return { filters, ...list, search, visible, editing, form, rules: policyRules, saving, openCreate, openEdit, save, publish, withdraw, remove }
}
