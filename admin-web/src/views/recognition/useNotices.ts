// 名特优新 认定公告: list, draft editor (categories with requirements, period), 发布 / 结束 / 撤回 / 删除 with confirmation.
import { reactive, ref, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import { createNotice, deleteNotice, getNotice, getRecognitionOptions, listNotices, noticeAction, updateNotice } from '@/api/recognition'
import type { RecognitionNotice, RecognitionNoticeBody, RecognitionOptions } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'

export interface NoticeForm {
  title: string
  content: string
  promise: string
  /** category code → requirements; a category is open when it has an entry. */
  categories: string[]
  requirements: Record<string, string>
  period: [string, string] | null
}

export const blankNoticeForm = (): NoticeForm => ({ title: '', content: '', promise: '', categories: [], requirements: {}, period: null })

export function noticeRules(form: NoticeForm): FormRules {
  return {
    title: [{ required: true, whitespace: true, message: '请填写公告标题', trigger: 'blur' }],
    content: [{ required: true, whitespace: true, message: '请填写申报须知', trigger: 'blur' }],
    promise: [{ required: true, whitespace: true, message: '请填写承诺书', trigger: 'blur' }],
    categories: [
      { type: 'array', required: true, message: '请至少选择一个认定分类', trigger: 'change' },
      {
        trigger: 'blur',
        validator: (_r, v: string[], cb) => ((v ?? []).every((c) => (form.requirements[c] ?? '').trim()) ? cb() : cb(new Error('请填写每个分类的认定条件'))),
      },
    ],
    period: [
      { required: true, message: '请选择申报期', trigger: 'change' },
      {
        trigger: 'change',
        validator: (_r, v: [string, string] | null, cb) => (v && new Date(v[1]).getTime() <= Date.now() ? cb(new Error('申报截止时间应晚于当前时间')) : cb()),
      },
    ],
  }
}

export function toNoticeBody(form: NoticeForm): RecognitionNoticeBody {
  return {
    title: form.title.trim(),
    content: form.content.trim(),
    promise: form.promise.trim(),
    categories: form.categories.map((code) => ({ code, requirements: (form.requirements[code] ?? '').trim() })),
    starts_at: form.period![0],
    ends_at: form.period![1],
  }
}

const CONFIRM: Record<string, [string, string]> = {
  publish: ['发布', '发布后辖区经营主体即可申报，公告不能再修改。确定发布吗？'],
  close: ['结束', '结束后不再接受新的申报（已提交的继续审核）。确定结束吗？'],
  withdraw: ['撤回', '撤回后经营主体将看不到该公告，且不能再审核其申请。确定撤回吗？'],
}

export function useNotices() {
  const options = ref<RecognitionOptions | null>(null)
  const filters = reactive({ q: '', status: '' })
  let applied: { q?: string; status?: string } = {}
  const list = useCursorList<RecognitionNotice>((page) => listNotices({ ...applied, ...page }))
  function search(): Promise<void> {
    applied = { q: filters.q.trim() || undefined, status: filters.status || undefined }
    return list.reload()
  }
  async function init(): Promise<void> {
    await Promise.all([getRecognitionOptions().then((o) => (options.value = o)).catch(() => undefined), search()])
  }

  const formRef = useTemplateRef<FormInstance>('formRef')
  const visible = ref(false)
  const editingId = ref<number | null>(null)
  const form = reactive<NoticeForm>(blankNoticeForm())
  const rules = noticeRules(form)
  const saving = ref(false)

  function openCreate(): void {
    editingId.value = null
    Object.assign(form, blankNoticeForm())
    visible.value = true
  }
  async function openEdit(n: RecognitionNotice): Promise<void> {
    try {
      const full = await getNotice(n.id)
      editingId.value = n.id
      Object.assign(form, {
        title: full.title,
        content: full.content ?? '',
        promise: full.promise ?? '',
        categories: full.categories.map((c) => c.code),
        requirements: Object.fromEntries(full.categories.map((c) => [c.code, c.requirements ?? ''])),
        period: [full.starts_at, full.ends_at],
      })
      visible.value = true
    } catch {
      /* shown */
    }
  }
  async function save(): Promise<void> {
    if (formRef.value && !(await formRef.value.validate().catch(() => false))) return
    saving.value = true
    try {
      const body = toNoticeBody(form)
      if (editingId.value) {
        const saved = await updateNotice(editingId.value, body)
        list.replace((r) => r.id === saved.id, saved)
      } else list.prepend(await createNotice(body))
      ElMessage.success('已保存')
      visible.value = false
    } catch {
      /* shown */
    } finally {
      saving.value = false
    }
  }

  async function act(n: RecognitionNotice, action: 'publish' | 'close' | 'withdraw' | 'delete'): Promise<void> {
    const [verb, text] = action === 'delete' ? ['删除', '删除后不能恢复。确定删除该草稿吗？'] : CONFIRM[action]
    try {
      await ElMessageBox.confirm(`「${n.title}」${text}`, `${verb}公告`, { type: 'warning', confirmButtonText: verb, cancelButtonText: '取消' })
    } catch {
      return
    }
    try {
      if (action === 'delete') {
        await deleteNotice(n.id)
        list.items.value = list.items.value.filter((r) => r.id !== n.id)
      } else {
        const saved = await noticeAction(n.id, action)
        list.replace((r) => r.id === saved.id, saved)
      }
      ElMessage.success(`已${verb}`)
    } catch {
      /* shown */
    }
  }

  return { options, filters, ...list, search, init, visible, editingId, form, rules, saving, openCreate, openEdit, save, act }
}
