import { reactive, ref, watch, type Ref, useTemplateRef } from 'vue'
import { ElMessage, type FormInstance, type FormRules } from 'element-plus'
import { resetUserPassword } from '@/api/users'
import type { User } from '@/api/types'
import { passwordRules } from '@/composables/passwordRules'

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz'
const DIGITS = '23456789'

/** A readable random password that passes the API rule (letters and digits, 10 long). */
export function generatePassword(random: (n: number) => number = (n) => crypto.getRandomValues(new Uint32Array(1))[0]! % n): string {
  const pick = (set: string) => set[random(set.length)]
  const chars = [pick(LETTERS), pick(DIGITS)]
  while (chars.length < 10) chars.push(pick(LETTERS + DIGITS))
  return chars.join('')
}

export function useResetPassword(target: Ref<User | null>) {
  const formRef = useTemplateRef<FormInstance>('formRef')
  const form = reactive({ password: '' })
  const saving = ref(false)
  const rules: FormRules = { password: passwordRules }

  watch(target, (user) => {
    if (user) form.password = ''
  })

  async function submit(): Promise<void> {
    const user = target.value
    if (!user || !(await formRef.value?.validate().catch(() => false))) return
    saving.value = true
    try {
      await resetUserPassword(user.id, form.password)
      ElMessage.success(`已重置「${user.name}」的密码`)
      target.value = null
    } catch {
      // shown by the request client
    } finally {
      saving.value = false
    }
  }

  const generate = () => (form.password = generatePassword())

  return { form, rules, saving, submit, generate }
}
