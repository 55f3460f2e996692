// 执法人员名录库: filters, add / edit, withdraw / restore, Excel import with its row-by-row report, export.
import { reactive, ref, shallowRef } from 'vue'
import {
  addRecusal,
  createInspector,
  deleteRecusal,
  getInspector,
  downloadInspectorTemplate,
  exportInspectors,
  importInspectors,
  listInspectors,
  restoreInspector,
  updateInspector,
  withdrawInspector,
  type ImportReport,
  type Inspector,
  type InspectorFields,
  type InspectorFilters,
  type InspectorType,
  type Recusal,
} from '@/api/inspections'
import { useCursorList } from '@/composables/useCursorList'

export const INSPECTOR_TYPES: { value: InspectorType; label: string }[] = [
  { value: 'general', label: '综合管理' },
  { value: 'technical', label: '专业技术' },
  { value: 'enforcement', label: '行政执法' },
  { value: 'other', label: '其他' },
]
export const ENFORCEMENT_CATEGORIES = ['质量技术监督', '工商行政管理', '食品药品监督', '价格检查', '市场监管', '其他']

export interface InspectorSearch {
  name: string
  status: 'active' | 'withdrawn' | 'all'
  type: InspectorType | ''
  category: string
  on_duty: '' | 'true' | 'false'
}

export function toInspectorFilters(form: InspectorSearch): InspectorFilters {
  const out: InspectorFilters = { status: form.status }
  if (form.name.trim()) out.name = form.name.trim()
  if (form.type) out.type = form.type
  if (form.category) out.category = form.category
  if (form.on_duty) out.on_duty = form.on_duty === 'true'
  return out
}

export interface InspectorForm {
  staff_id: number | null
  gender: '' | '男' | '女'
  education: string
  types: InspectorType[]
  categories: string[]
  region: string
  cert_no: string
  cert_valid: [string, string] | null
  cert_issuer: string
  skills: string[]
  on_duty: boolean
  note: string
}

export const emptyInspectorForm = (): InspectorForm => ({
  staff_id: null,
  gender: '',
  education: '',
  types: ['enforcement'],
  categories: ['市场监管'],
  region: '',
  cert_no: '',
  cert_valid: null,
  cert_issuer: '',
  skills: [],
  on_duty: true,
  note: '',
})

export function inspectorToForm(i: Inspector): InspectorForm {
  return {
    staff_id: i.staff_id,
    gender: i.gender,
    education: i.education,
    types: [...i.types],
    categories: [...i.categories],
    region: i.region,
    cert_no: i.cert_no,
    cert_valid: i.cert_valid_from && i.cert_valid_to ? [i.cert_valid_from, i.cert_valid_to] : null,
    cert_issuer: i.cert_issuer,
    skills: [...i.skills],
    on_duty: i.on_duty,
    note: i.note,
  }
}

export function formToInspector(form: InspectorForm): InspectorFields {
  return {
    gender: form.gender,
    education: form.education.trim(),
    types: form.types,
    categories: form.categories.map((c) => c.trim()).filter(Boolean),
    region: form.region.trim(),
    cert_no: form.cert_no.trim(),
    cert_valid_from: form.cert_valid?.[0] ?? null,
    cert_valid_to: form.cert_valid?.[1] ?? null,
    cert_issuer: form.cert_issuer.trim(),
    skills: form.skills.map((s) => s.trim()).filter(Boolean),
    on_duty: form.on_duty,
    note: form.note.trim(),
  }
}

export function inspectorProblem(form: InspectorForm, adding: boolean): string | null {
  if (adding && !form.staff_id) return '请选择工作人员'
  if (!form.types.length) return '请选择人员类型'
  if (!form.categories.length) return '请选择监督检查（执法）种类'
  return null
}

const emptySearch = (): InspectorSearch => ({ name: '', status: 'active', type: '', category: '', on_duty: '' })

export function useInspectors() {
  const search = reactive<InspectorSearch>(emptySearch())
  let applied: InspectorFilters = toInspectorFilters(search)
  const list = useCursorList<Inspector>((page) => listInspectors({ ...applied, ...page }))
  const form = reactive<InspectorForm>(emptyInspectorForm())
  const editing = shallowRef<Inspector | null>(null)
  const visible = ref(false)
  const saving = ref(false)
  const exporting = ref(false)
  const importing = ref(false)
  const report = shallowRef<ImportReport | null>(null)
  /** 回避名单 of the inspector being edited. */
  const recusals = shallowRef<Recusal[]>([])

  function find(): Promise<void> {
    applied = toInspectorFilters(search)
    return list.reload()
  }
  function reset(): Promise<void> {
    Object.assign(search, emptySearch())
    return find()
  }
  function openAdd(): void {
    editing.value = null
    Object.assign(form, emptyInspectorForm())
    visible.value = true
  }
  function openEdit(i: Inspector): void {
    editing.value = i
    Object.assign(form, inspectorToForm(i))
    recusals.value = []
    visible.value = true
    getInspector(i.id)
      .then((detail) => {
        if (editing.value?.id === i.id) recusals.value = detail.recusals
      })
      .catch(() => undefined)
  }
  /** Adds a business (USCC or 注册号) the inspector must never be sent to. */
  async function addRecusalCode(code: string, reason: string): Promise<boolean> {
    if (!editing.value || !code.trim()) return false
    try {
      const added = await addRecusal(editing.value.id, { code: code.trim().toUpperCase(), reason: reason.trim() })
      recusals.value = [...recusals.value, added]
      return true
    } catch {
      return false
    }
  }
  async function removeRecusal(r: Recusal): Promise<void> {
    if (!editing.value) return
    try {
      await deleteRecusal(editing.value.id, r.id)
      recusals.value = recusals.value.filter((x) => x.id !== r.id)
    } catch {
      // shown by the request client
    }
  }
  async function save(): Promise<boolean> {
    saving.value = true
    try {
      const body = formToInspector(form)
      if (editing.value) {
        const saved = await updateInspector(editing.value.id, body)
        list.replace((i) => i.id === saved.id, saved)
      } else {
        list.prepend(await createInspector({ ...body, staff_id: form.staff_id as number }))
      }
      visible.value = false
      return true
    } catch {
      return false
    } finally {
      saving.value = false
    }
  }
  async function setWithdrawn(i: Inspector, withdrawn: boolean, reason = ''): Promise<boolean> {
    try {
      const saved = withdrawn ? await withdrawInspector(i.id, reason) : await restoreInspector(i.id, reason)
      list.replace((x) => x.id === saved.id, saved)
      return true
    } catch {
      return false
    }
  }
  async function runImport(file: File): Promise<boolean> {
    importing.value = true
    report.value = null
    try {
      report.value = await importInspectors(file)
      await find()
      return true
    } catch {
      return false
    } finally {
      importing.value = false
    }
  }
  async function exportExcel(): Promise<void> {
    exporting.value = true
    try {
      await exportInspectors(applied)
    } catch {
      // shown by the request client
    } finally {
      exporting.value = false
    }
  }
  const template = () => downloadInspectorTemplate().catch(() => undefined)

  return { search, ...list, find, reset, form, editing, visible, saving, openAdd, openEdit, save, recusals, addRecusalCode, removeRecusal, setWithdrawn, importing, report, runImport, exporting, exportExcel, template }
}
