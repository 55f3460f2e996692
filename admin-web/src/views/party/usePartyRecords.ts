// 志愿服务记录 (query, Excel export, detail) and 先进事迹 (rich-text editor, 发布 / 撤回 / 删除 with confirmation).
import { reactive, ref, shallowRef, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import {
  createStory,
  deleteStory,
  exportVolunteerRecords,
  getStory,
  listStories,
  listVolunteerRecords,
  publishStory,
  updateStory,
  withdrawStory,
} from '@/api/party'
import type { PartyStory, PartyStoryBody, VolunteerRecord } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import { isBlankHtml } from '../content/contentShared'

export function useVolunteerRecords() {
  const dates = ref<[string, string] | null>(null)
  const query = () => (dates.value ? { date_from: dates.value[0], date_to: dates.value[1] } : {})
  const list = useCursorList<VolunteerRecord>((page) => listVolunteerRecords({ ...query(), ...page }))
  const exporting = ref(false)
  async function exportExcel(): Promise<void> {
    exporting.value = true
    try {
      await exportVolunteerRecords(query())
    } catch {
      /* shown */
    } finally {
      exporting.value = false
    }
  }
  const current = shallowRef<VolunteerRecord | null>(null)
  return { dates, ...list, search: list.reload, exporting, exportExcel, current }
}

export interface StoryForm extends PartyStoryBody {}
export const blankStoryForm = (): StoryForm => ({ title: '', summary: '', subject: '', body_html: '' })
export const storyRules: FormRules = {
  title: [{ required: true, whitespace: true, message: '请填写标题', trigger: 'blur' }],
  subject: [{ required: true, whitespace: true, message: '请填写事迹主人公', trigger: 'blur' }],
  body_html: [{ validator: (_r, v: string, cb) => (isBlankHtml(v ?? '') ? cb(new Error('请填写事迹正文')) : cb()), trigger: 'change' }],
}
export const toStoryBody = (f: StoryForm): PartyStoryBody => ({ title: f.title.trim(), summary: f.summary.trim(), subject: f.subject.trim(), body_html: f.body_html })

export function useStories() {
  const filters = reactive({ q: '', status: '' })
  let applied: { q?: string; status?: string } = {}
  const list = useCursorList<PartyStory>((page) => listStories({ ...applied, ...page }))
  const search = () => {
    applied = { q: filters.q.trim() || undefined, status: filters.status || undefined }
    return list.reload()
  }
  const formRef = useTemplateRef<FormInstance>('formRef')
  const visible = ref(false)
  const editingId = ref<number | null>(null)
  const form = reactive<StoryForm>(blankStoryForm())
  const saving = ref(false)
  function openCreate(): void {
    editingId.value = null
    Object.assign(form, blankStoryForm())
    visible.value = true
  }
  async function openEdit(s: PartyStory): Promise<void> {
    try {
      const full = await getStory(s.id)
      editingId.value = s.id
      Object.assign(form, { title: full.title, summary: full.summary ?? '', subject: full.subject ?? '', body_html: full.body_html ?? '' })
      visible.value = true
    } catch {
      /* shown */
    }
  }
  async function save(): Promise<void> {
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    saving.value = true
    try {
      if (editingId.value) {
        const saved = await updateStory(editingId.value, toStoryBody(form))
        list.replace((r) => r.id === saved.id, saved)
      } else list.prepend(await createStory(toStoryBody(form)))
      ElMessage.success('已保存')
      visible.value = false
    } catch {
      /* shown */
    } finally {
      saving.value = false
    }
  }
  async function act(s: PartyStory, action: 'publish' | 'withdraw' | 'delete'): Promise<void> {
    const [verb, text] = {
      publish: ['发布', '发布后经营者即可在小程序中阅读，发布期间不能修改。'],
      withdraw: ['撤回', '撤回后经营者将看不到该事迹。'],
      delete: ['删除', '删除后不能恢复。'],
    }[action]
    try {
      await ElMessageBox.confirm(`确定${verb}「${s.title}」吗？${text}`, `${verb}先进事迹`, { type: 'warning', confirmButtonText: verb, cancelButtonText: '取消' })
    } catch {
      return
    }
    try {
      if (action === 'delete') {
        await deleteStory(s.id)
        list.items.value = list.items.value.filter((r) => r.id !== s.id)
      } else {
        const saved = await (action === 'publish' ? publishStory(s.id) : withdrawStory(s.id))
        list.replace((r) => r.id === saved.id, saved)
      }
      ElMessage.success(`已${verb}`)
    } catch {
      /* shown */
    }
  }
  return { filters, ...list, search, visible, editingId, form, rules: storyRules, saving, openCreate, openEdit, save, act }
}
