// 金融机构: supervisors create and edit institutions (webhook too); bank staff edit their own contact fields.
import { reactive, ref, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import { createLoanInstitution, listLoanInstitutions, rotateWebhookSecret, updateLoanInstitution } from '@/api/loans'
import type { LoanInstitution, LoanInstitutionBody } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'

export interface InstitutionForm {
  name: string
  short_name: string
  contact_name: string
  contact_phone: string
  address: string
  intro: string
  webhook_url: string
  is_active: boolean
}

export const blankInstitutionForm = (): InstitutionForm => ({
  name: '',
  short_name: '',
  contact_name: '',
  contact_phone: '',
  address: '',
  intro: '',
  webhook_url: '',
  is_active: true,
})

export const institutionRules: FormRules = {
  name: [
    { required: true, whitespace: true, message: '请填写机构名称', trigger: 'blur' },
    { min: 2, max: 128, message: '机构名称为2–128个字', trigger: 'blur' },
  ],
  contact_phone: [{ pattern: /^[0-9+\-() ]{5,32}$/, message: '联系电话格式不正确', trigger: 'blur' }],
  webhook_url: [{ pattern: /^https?:\/\/\S+$/, message: '接收地址应以 http:// 或 https:// 开头', trigger: 'blur' }],
}

/** Bank staff may send only the profile fields; a supervisor sends everything. */
export function toInstitutionBody(form: InstitutionForm, supervisor: boolean, creating: boolean): LoanInstitutionBody {
  const body: LoanInstitutionBody = {
    short_name: form.short_name.trim() || null,
    contact_name: form.contact_name.trim() || null,
    contact_phone: form.contact_phone.trim() || null,
    address: form.address.trim() || null,
    intro: form.intro.trim() || null,
  }
  if (supervisor) {
    body.name = form.name.trim()
    body.webhook_url = form.webhook_url.trim()
    if (!creating) body.is_active = form.is_active
  }
  return body
}

function showSecret(secret: string | undefined): void {
  if (!secret) return
  void ElMessageBox.alert(`签名密钥（仅显示这一次，请复制后妥善保存）：\n${secret}`, 'Webhook 签名密钥', { confirmButtonText: '我已保存' })
}

export function useLoanInstitutions(supervisor: () => boolean) {
  const list = useCursorList<LoanInstitution>(() => listLoanInstitutions())
  const formRef = useTemplateRef<FormInstance>('formRef')
  const editing = ref<LoanInstitution | null>(null)
  const visible = ref(false)
  const form = reactive<InstitutionForm>(blankInstitutionForm())
  const saving = ref(false)

  function openCreate(): void {
    editing.value = null
    Object.assign(form, blankInstitutionForm())
    visible.value = true
  }
  function openEdit(row: LoanInstitution): void {
    editing.value = row
    Object.assign(form, {
      name: row.name,
      short_name: row.short_name ?? '',
      contact_name: row.contact_name ?? '',
      contact_phone: row.contact_phone ?? '',
      address: row.address ?? '',
      intro: row.intro ?? '',
      webhook_url: row.webhook_url ?? '',
      is_active: row.is_active,
    })
    visible.value = true
  }

  async function save(): Promise<void> {
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    saving.value = true
    try {
      const creating = !editing.value
      const body = toInstitutionBody(form, supervisor(), creating)
      const saved = creating ? await createLoanInstitution(body) : await updateLoanInstitution(editing.value!.id, body)
      if (creating) list.prepend(saved)
      else list.replace((r) => r.id === saved.id, saved)
      visible.value = false
      ElMessage.success('已保存')
      showSecret(saved.webhook_secret)
    } catch {
      // shown by the request client
    } finally {
      saving.value = false
    }
  }

  async function rotate(row: LoanInstitution): Promise<void> {
    try {
      await ElMessageBox.confirm(`确定为「${row.name}」生成新的签名密钥吗？旧密钥立即失效，机构需同步更新。`, '重置签名密钥', {
        type: 'warning',
        confirmButtonText: '重置',
        cancelButtonText: '取消',
      })
    } catch {
      return
    }
    try {
      const saved = await rotateWebhookSecret(row.id)
      list.replace((r) => r.id === saved.id, { ...row, ...saved, webhook_secret: undefined })
      showSecret(saved.webhook_secret)
    } catch {
      // shown by the request client
    }
  }

  return { ...list, editing, visible, form, rules: institutionRules, saving, openCreate, openEdit, save, rotate }
}
