import { reactive, ref, useTemplateRef } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { FormInstance, FormRules } from 'element-plus'
import { getCaptcha } from '@/api/auth'
import { ApiError } from '@/api/request'
import type { Captcha } from '@/api/types'
import { useSessionStore } from '@/stores/session'

/** Only same-app paths are followed after login (no open redirects). */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/'
}

function retryText(data: unknown): string {
  const seconds = Number((data as { retry_after?: number } | null)?.retry_after)
  if (!Number.isFinite(seconds) || seconds <= 0) return ''
  return seconds >= 60 ? `，请 ${Math.ceil(seconds / 60)} 分钟后再试` : `，请 ${Math.ceil(seconds)} 秒后再试`
}

export function useLogin() {
  const session = useSessionStore()
  const route = useRoute()
  const router = useRouter()

  const formRef = useTemplateRef<FormInstance>('formRef')
  const form = reactive({ username: '', password: '', captcha_code: '' })
  const loading = ref(false)
  const error = ref('')
  const captchaRequired = ref(false)
  const captcha = ref<Captcha | null>(null)

  const rules: FormRules = {
    username: [{ required: true, message: '请输入用户名', trigger: 'blur' }],
    password: [{ required: true, message: '请输入密码', trigger: 'blur' }],
    captcha_code: [
      { validator: (_r, v: string, cb) => (!captchaRequired.value || v ? cb() : cb(new Error('请输入验证码'))), trigger: 'blur' },
    ],
  }

  async function refreshCaptcha(): Promise<void> {
    form.captcha_code = ''
    try {
      captcha.value = await getCaptcha()
    } catch {
      captcha.value = null
    }
  }

  async function requireCaptcha(): Promise<void> {
    captchaRequired.value = true
    await refreshCaptcha()
  }

  async function submit(): Promise<void> {
    if (loading.value) return
    if (!(await formRef.value?.validate().catch(() => false))) return
    loading.value = true
    error.value = ''
    try {
      await session.login({
        username: form.username.trim(),
        password: form.password,
        ...(captchaRequired.value && captcha.value
          ? { captcha_id: captcha.value.captcha_id, captcha_code: form.captcha_code.trim() }
          : {}),
      })
      await router.replace(safeRedirect(route.query.redirect))
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('UNKNOWN', '登录失败，请稍后再试', 0)
      error.value = err.message
      switch (err.code) {
        case 'CAPTCHA_REQUIRED':
        case 'CAPTCHA_INVALID':
          await requireCaptcha()
          break
        case 'TOO_MANY_ATTEMPTS':
          error.value = `${err.message}${retryText(err.data)}`
          if (captchaRequired.value) await refreshCaptcha()
          break
        default:
          // A captcha is single-use: every failed try needs a new one. The API may also
          // announce in advance that the next try needs one.
          if ((err.data as { captcha_required?: boolean } | null)?.captcha_required) await requireCaptcha()
          else if (captchaRequired.value) await refreshCaptcha()
      }
    } finally {
      loading.value = false
    }
  }

  return { form, rules, loading, error, captchaRequired, captcha, refreshCaptcha, submit }
}
