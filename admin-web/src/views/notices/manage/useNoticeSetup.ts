// 双告知 set-up for managers: departments (with their liaisons) and the scope → item rules.
import { reactive, ref } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { confirmed } from '@/composables/confirm'
import {
  addDepartmentMember,
  createDepartment,
  createNoticeRule,
  deleteNoticeRule,
  listDepartments,
  listNoticeRules,
  type NoticeDepartment,
  type NoticeRule,
} from '@/api/notices'

export const departmentRules: FormRules = {
  name: [
    { required: true, whitespace: true, message: '请填写部门名称', trigger: 'blur' },
    { min: 2, max: 128, message: '部门名称为2至128个字', trigger: 'blur' },
  ],
  org_id: [{ required: true, message: '请选择所在层级的机构', trigger: 'change' }],
}

export const memberRules: FormRules = {
  username: [{ required: true, whitespace: true, message: '请填写联络员的登录账号', trigger: 'blur' }],
}

export const ruleRules: FormRules = {
  keyword: [
    { required: true, whitespace: true, message: '请填写经营范围用语', trigger: 'blur' },
    { min: 2, max: 64, message: '经营范围用语为2至64个字', trigger: 'blur' },
  ],
  item: [
    { required: true, whitespace: true, message: '请填写后置审批事项', trigger: 'blur' },
    { min: 2, max: 128, message: '后置审批事项为2至128个字', trigger: 'blur' },
  ],
  department_id: [{ required: true, message: '请选择告知部门', trigger: 'change' }],
}

export function useNoticeDepartments() {
  const departments = ref<NoticeDepartment[]>([])
  const loading = ref(false)
  const saving = ref(false)
  /** Liaisons linked in this session (the list endpoint does not return members). */
  const members = reactive<Record<number, string[]>>({})

  async function load(): Promise<void> {
    loading.value = true
    try {
      departments.value = (await listDepartments()).items
    } catch {
      // shown by the request client
    } finally {
      loading.value = false
    }
  }

  async function create(body: { name: string; org_id: number }): Promise<boolean> {
    saving.value = true
    try {
      const created = await createDepartment({ name: body.name.trim(), org_id: body.org_id })
      departments.value = [...departments.value, created]
      ElMessage.success('已新增部门')
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }

  async function addMember(department: NoticeDepartment, username: string): Promise<boolean> {
    saving.value = true
    try {
      const updated = await addDepartmentMember(department.id, username.trim())
      members[department.id] = (updated.members ?? []).map((m) => `${m.name}（${m.username}）`)
      ElMessage.success('已添加联络员')
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }

  return { departments, loading, saving, members, load, create, addMember }
}

export function useNoticeRules() {
  const rules = ref<NoticeRule[]>([])
  const loading = ref(false)
  const saving = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      rules.value = (await listNoticeRules()).items
    } catch {
      // shown by the request client
    } finally {
      loading.value = false
    }
  }

  async function create(body: { keyword: string; item: string; department_id: number }): Promise<boolean> {
    saving.value = true
    try {
      const created = await createNoticeRule({ keyword: body.keyword.trim(), item: body.item.trim(), department_id: body.department_id })
      rules.value = [created, ...rules.value]
      ElMessage.success('已新增规则')
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }

  /** Delete after a confirmation; true when deleted. */
  async function remove(rule: NoticeRule): Promise<boolean> {
    if (!(await confirmed(`确定删除规则「${rule.keyword} → ${rule.item}（${rule.department.name}）」吗？删除后不再据此告知。`, '删除规则'))) return false
    try {
      await deleteNoticeRule(rule.id)
      rules.value = rules.value.filter((r) => r.id !== rule.id)
      ElMessage.success('已删除')
      return true
    } catch {
      return false
    }
  }

  return { rules, loading, saving, load, create, remove }
}
