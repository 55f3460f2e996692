import { reactive, ref } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { disableUser, enableUser, listUsers } from '@/api/users'
import type { User, UserFilters } from '@/api/types'
import { useCursorList } from '@/composables/useCursorList'
import { useOrgOptions } from '@/composables/useOrgOptions'
import { useSessionStore } from '@/stores/session'

export function useUserList() {
  const session = useSessionStore()
  const filters = reactive<{ q: string; org_id: number | null }>({ q: '', org_id: null })
  let applied: UserFilters = {}
  const list = useCursorList<User>((page) => listUsers({ ...applied, ...page }))
  const options = useOrgOptions()

  function search(): Promise<void> {
    applied = { q: filters.q.trim() || undefined, org_id: filters.org_id ?? undefined }
    return list.reload()
  }

  function reset(): Promise<void> {
    Object.assign(filters, { q: '', org_id: null })
    return search()
  }

  const isSelf = (user: User) => user.id === session.me?.id

  async function toggleActive(user: User): Promise<void> {
    const action = user.is_active ? '停用' : '启用'
    try {
      await ElMessageBox.confirm(
        user.is_active ? `停用后「${user.name}」将无法登录，确定停用吗？` : `确定启用「${user.name}」吗？`,
        `${action}账号`,
        { type: 'warning', confirmButtonText: action, cancelButtonText: '取消' },
      )
    } catch {
      return
    }
    try {
      const updated = await (user.is_active ? disableUser(user.id) : enableUser(user.id))
      list.replace((u) => u.id === user.id, updated ?? { ...user, is_active: !user.is_active })
      ElMessage.success(`已${action}`)
    } catch {
      // shown by the request client
    }
  }

  // Dialog state: `editing` is null for "新增用户".
  const formVisible = ref(false)
  const editing = ref<User | null>(null)
  const openCreate = () => {
    editing.value = null
    formVisible.value = true
  }
  const openEdit = (user: User) => {
    editing.value = user
    formVisible.value = true
  }
  function onSaved(user: User | null, created: boolean): void {
    if (!user) void search()
    else if (created) list.prepend(user)
    else list.replace((u) => u.id === user.id, user)
  }

  const resetTarget = ref<User | null>(null)
  const openResetPassword = (user: User) => (resetTarget.value = user)

  return {
    filters,
    ...list,
    ...options,
    loadOptions: options.load,
    search,
    reset,
    isSelf,
    toggleActive,
    formVisible,
    editing,
    openCreate,
    openEdit,
    onSaved,
    resetTarget,
    openResetPassword,
  }
}
