// 党员活动: list, editor, 发布 / 取消 (reason) / 删除 with confirmation; one activity's check-in QR and sign-ups.
import { onBeforeUnmount, reactive, ref, shallowRef, useTemplateRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormRules } from 'element-plus'
import {
  cancelActivity,
  createActivity,
  deleteActivity,
  exportSignups,
  fetchActivityQr,
  getActivity,
  listActivities,
  listSignups,
  publishActivity,
  updateActivity,
} from '@/api/party'
import { ApiError } from '@/api/request'
import type { PartyActivity, PartyActivityBody, PartySignup } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'

export interface ActivityForm {
  title: string
  place: string
  description: string
  period: [string, string] | null
  capacity: number | null
}
export const blankActivityForm = (): ActivityForm => ({ title: '', place: '', description: '', period: null, capacity: 30 })

export const activityRules: FormRules = {
  title: [{ required: true, whitespace: true, message: '请填写活动名称', trigger: 'blur' }],
  place: [{ required: true, whitespace: true, message: '请填写活动地点', trigger: 'blur' }],
  capacity: [{ required: true, message: '请填写人数上限', trigger: 'blur' }],
  period: [
    { required: true, message: '请选择活动时间', trigger: 'change' },
    {
      trigger: 'change',
      validator: (_r, v: [string, string] | null, cb) =>
        v && new Date(v[0]).getTime() <= Date.now() ? cb(new Error('开始时间应晚于当前时间')) : v && v[1] <= v[0] ? cb(new Error('结束时间应晚于开始时间')) : cb(),
    },
  ],
}

/** Local "YYYY-MM-DDTHH:mm:ss" from the picker → ISO with the browser's offset (the API wants a time zone). */
export function withOffset(local: string, date = new Date(local)): string {
  const off = -date.getTimezoneOffset()
  const sign = off >= 0 ? '+' : '-'
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0')
  return `${local.slice(0, 19)}${sign}${pad(off / 60)}:${pad(off % 60)}`
}

export function toActivityBody(form: ActivityForm): PartyActivityBody {
  return {
    title: form.title.trim(),
    place: form.place.trim(),
    description: form.description.trim(),
    starts_at: withOffset(form.period![0]),
    ends_at: withOffset(form.period![1]),
    capacity: form.capacity!,
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0')
/** ISO from the API → the picker's local "YYYY-MM-DDTHH:mm:ss". */
export function toLocalInput(iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}T${pad2(d.getHours())}:${pad2(d.getMinutes())}:00`
}

export function useActivities() {
  const filters = reactive({ q: '', status: '' })
  let applied: { q?: string; status?: string } = {}
  const list = useCursorList<PartyActivity>((page) => listActivities({ ...applied, ...page }))
  function search(): Promise<void> {
    applied = { q: filters.q.trim() || undefined, status: filters.status || undefined }
    return list.reload()
  }

  const formRef = useTemplateRef<FormInstance>('formRef')
  const visible = ref(false)
  const editing = ref<PartyActivity | null>(null)
  const form = reactive<ActivityForm>(blankActivityForm())
  const saving = ref(false)
  function openCreate(): void {
    editing.value = null
    Object.assign(form, blankActivityForm())
    visible.value = true
  }
  async function openEdit(a: PartyActivity): Promise<void> {
    try {
      const full = await getActivity(a.id)
      editing.value = full
      Object.assign(form, {
        title: full.title,
        place: full.place,
        description: full.description ?? '',
        period: [toLocalInput(full.starts_at), toLocalInput(full.ends_at)],
        capacity: full.capacity,
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
      const body = toActivityBody(form)
      if (editing.value) {
        const saved = await updateActivity(editing.value.id, body)
        list.replace((r) => r.id === saved.id, saved)
      } else list.prepend(await createActivity(body))
      ElMessage.success('已保存')
      visible.value = false
    } catch {
      /* shown */
    } finally {
      saving.value = false
    }
  }

  async function publish(a: PartyActivity): Promise<void> {
    try {
      await ElMessageBox.confirm(`确定发布「${a.title}」吗？发布后辖区经营主体的党员即可报名。`, '发布活动', { type: 'warning', confirmButtonText: '发布', cancelButtonText: '取消' })
    } catch {
      return
    }
    try {
      const saved = await publishActivity(a.id)
      list.replace((r) => r.id === saved.id, saved)
      ElMessage.success('已发布')
    } catch {
      /* shown */
    }
  }
  async function cancel(a: PartyActivity): Promise<void> {
    let reason: string
    try {
      const reply = await ElMessageBox.prompt(`取消后已报名的经营主体会收到通知，不可恢复。请填写取消原因：`, `取消活动「${a.title}」`, {
        inputType: 'textarea',
        inputValidator: (v: string) => (v && v.trim() ? true : '请填写取消原因'),
        confirmButtonText: '取消活动',
        cancelButtonText: '返回',
        type: 'warning',
      })
      reason = (reply as { value: string }).value.trim()
    } catch {
      return
    }
    try {
      const saved = await cancelActivity(a.id, reason)
      list.replace((r) => r.id === saved.id, saved)
      ElMessage.success('活动已取消')
    } catch {
      /* shown */
    }
  }
  async function remove(a: PartyActivity): Promise<void> {
    try {
      await ElMessageBox.confirm(`确定删除草稿「${a.title}」吗？删除后不能恢复。`, '删除活动', { type: 'warning', confirmButtonText: '删除', cancelButtonText: '取消' })
    } catch {
      return
    }
    try {
      await deleteActivity(a.id)
      list.items.value = list.items.value.filter((r) => r.id !== a.id)
      ElMessage.success('已删除')
    } catch {
      /* shown */
    }
  }

  return { filters, ...list, search, visible, editing, form, rules: activityRules, saving, openCreate, openEdit, save, publish, cancel, remove }
}

export function useActivityDetail(id: () => number) {
  const activity = shallowRef<PartyActivity | null>(null)
  const loadError = ref<string | null>(null)
  const qr = ref<string | null>(null)
  const qrError = ref<string | null>(null)
  const summary = ref<{ signed_up: number; checked_in: number; capacity: number } | null>(null)
  const checkedIn = ref<'' | 'true' | 'false'>('')
  const list = useCursorList<PartySignup>(async (page) => {
    const reply = await listSignups(id(), { checked_in: checkedIn.value === '' ? undefined : checkedIn.value === 'true', ...page })
    summary.value = reply.summary
    return reply
  }, 50)

  async function loadQr(): Promise<void> {
    qrError.value = null
    try {
      const file = await fetchActivityQr(id())
      if (qr.value) URL.revokeObjectURL(qr.value)
      qr.value = URL.createObjectURL(file.blob)
    } catch (failure) {
      qrError.value = failure instanceof ApiError ? failure.message : '二维码加载失败'
    }
  }

  async function load(): Promise<void> {
    try {
      activity.value = await getActivity(id())
      loadError.value = null
    } catch (failure) {
      loadError.value = failure instanceof ApiError ? failure.message : '加载失败'
      return
    }
    const tasks: Promise<unknown>[] = [list.reload()]
    // The QR exists for a published activity that has not ended.
    if (activity.value.status === 'published' && activity.value.phase !== 'ended') tasks.push(loadQr())
    await Promise.all(tasks)
  }
  onBeforeUnmount(() => qr.value && URL.revokeObjectURL(qr.value))

  const print = () => window.print()
  const exportExcel = () => (activity.value ? exportSignups(activity.value).catch(() => undefined) : undefined)
  return { activity, loadError, qr, qrError, summary, checkedIn, ...list, load, print, exportExcel }
}
