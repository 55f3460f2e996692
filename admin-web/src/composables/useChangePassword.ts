import { reactive, ref, useTemplateRef } from 'vue'
import { ElMessage, type FormInstance, type FormRules } from 'element-plus'
import { changePassword } from '@/api/auth'
import { useSessionStore } from '@/stores/session'
import { passwordRules } from './passwordRules'

export function useChangePassword(onDone: () => void) {
  const session = useSessionStore()
  const formRef = useTemplateRef<FormInstance>('formRef')
  const saving = ref(false)
  const form = reactive({ old_password: '', new_password: '', confirm: '' })

  const rules: FormRules = {
    old_password: [{ required: true, message: '请输入原密码', trigger: 'blur' }],
    new_password: [
      ...passwordRules,
      {
        trigger: 'blur',
        validator: (_r, value: string, cb) => (value && value === form.old_password ? cb(new Error('新密码不能与原密码相同')) : cb()),
      },
    ],
    confirm: [
      { required: true, message: '请再次输入新密码', trigger: 'blur' },
      { trigger: 'blur', validator: (_r, value: string, cb) => (value === form.new_password ? cb() : cb(new Error('两次输入的密码不一致'))) },
    ],
  }

  function reset(): void {
    formRef.value?.resetFields()
    Object.assign(form, { old_password: '', new_password: '', confirm: '' })
  }

  async function submit(): Promise<void> {
    if (!(await formRef.value?.validate().catch(() => false))) return
    saving.value = true
    try {
      await changePassword({ old_password: form.old_password, new_password: form.new_password })
      if (session.me) session.me.must_change_password = false
      ElMessage.success('密码已修改')
      reset()
      onDone()
    } catch {
      // shown by the request client
    } finally {
      saving.value = false
    }
  }

  return { form, rules, saving, submit, reset }
}
