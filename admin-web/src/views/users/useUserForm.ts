import { computed, reactive, ref, watch, type Ref, useTemplateRef } from 'vue'
import { ElMessage, type FormInstance, type FormRules } from 'element-plus'
import { createUser, updateUser } from '@/api/users'
import type { User, UserCreate, UserUpdate } from '@/api/types'
import { passwordRules } from '@/composables/passwordRules'

const PHONE = /^1\d{10}$/
const USERNAME = /^[A-Za-z0-9_.-]{3,32}$/

export interface UserForm {
  username: string
  name: string
  phone: string
  org_id: number | null
  roles: string[]
  institution_id: number | null
  password: string
}

const blank = (): UserForm => ({ username: '', name: '', phone: '', org_id: null, roles: [], institution_id: null, password: '' })

export function useUserForm(visible: Ref<boolean>, editing: Ref<User | null>, onSaved: (user: User | null, created: boolean) => void) {
  const formRef = useTemplateRef<FormInstance>('formRef')
  const form = reactive<UserForm>(blank())
  const saving = ref(false)
  const isEdit = computed(() => editing.value != null)

  watch(visible, (open) => {
    if (!open) return
    const user = editing.value
    Object.assign(
      form,
      blank(),
      user ? { username: user.username, name: user.name, org_id: user.org.id, roles: user.roles.map((r) => r.code) } : {},
    )
    formRef.value?.clearValidate()
  })

  const rules = computed<FormRules>(() => ({
    username: [
      { required: true, message: '请输入用户名', trigger: 'blur' },
      { pattern: USERNAME, message: '用户名为3-32位字母、数字、下划线、点或短横线', trigger: 'blur' },
    ],
    name: [{ required: true, message: '请输入姓名', trigger: 'blur' }],
    phone: [{ pattern: PHONE, message: '请输入11位手机号', trigger: 'blur' }],
    org_id: [{ required: true, message: '请选择所属机构', trigger: 'change' }],
    roles: [{ type: 'array', required: true, min: 1, message: '请至少选择一个角色', trigger: 'change' }],
    password: isEdit.value ? [] : passwordRules,
  }))

  async function submit(): Promise<void> {
    if (!(await formRef.value?.validate().catch(() => false))) return
    saving.value = true
    try {
      let saved: User | null
      if (editing.value) {
        const body: UserUpdate = { name: form.name.trim(), org_id: form.org_id!, roles: form.roles }
        // The list only has the masked phone: an empty box means "unchanged".
        if (form.phone) body.phone = form.phone
        saved = await updateUser(editing.value.id, body)
      } else {
        const body: UserCreate = {
          username: form.username.trim(),
          name: form.name.trim(),
          org_id: form.org_id!,
          roles: form.roles,
          password: form.password,
        }
        if (form.phone) body.phone = form.phone
        if (form.institution_id != null) body.institution_id = form.institution_id
        saved = await createUser(body)
      }
      ElMessage.success(editing.value ? '已保存' : '用户已创建')
      onSaved(saved, !editing.value)
      visible.value = false
    } catch {
      // shown by the request client
    } finally {
      saving.value = false
    }
  }

  return { form, rules, saving, isEdit, submit }
}
