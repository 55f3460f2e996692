// Client-side copy of the API's password rule (WEAK_PASSWORD: 至少8位，需包含字母和数字),
// so the form says so before the request is sent. The API remains the judge.
import type { FormItemRule } from 'element-plus'

export const PASSWORD_HINT = '密码至少8位，需包含字母和数字'

export function isStrongPassword(value: string): boolean {
  return value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value)
}

export const passwordRules: FormItemRule[] = [
  { required: true, message: '请输入密码', trigger: 'blur' },
  {
    trigger: 'blur',
    validator: (_rule, value: string, callback) =>
      isStrongPassword(value ?? '') ? callback() : callback(new Error(PASSWORD_HINT)),
  },
]
