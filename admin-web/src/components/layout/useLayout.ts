import { computed, ref, watchEffect } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { ElMessageBox } from 'element-plus'
import { useSessionStore } from '@/stores/session'
import { buildMenu } from '@/router/menu'
import { appChildren, MENU_GROUP_ICONS } from '@/router/routes'

export function useLayout() {
  const session = useSessionStore()
  const route = useRoute()
  const router = useRouter()

  const me = computed(() => session.me)
  const menu = computed(() => buildMenu(appChildren, (code) => session.hasPerm(code), MENU_GROUP_ICONS))
  // A page reached from several menus (告知详情 from 告知查询 / 告知接收 / 告知反馈) names its menu in ?from=.
  const activeMenu = computed(() => {
    const from = route.query.from
    return route.meta.activeMenu ?? (typeof from === 'string' && from.startsWith('/') ? from : route.path)
  })
  const breadcrumbs = computed(() =>
    route.matched.filter((r) => r.meta.title && r.name !== 'dashboard').map((r) => ({ title: r.meta.title!, group: r.meta.group })),
  )
  const collapsed = ref(false)
  const passwordVisible = ref(false)
  const passwordForced = computed(() => !!session.me?.must_change_password)

  // An initial password must be changed before anything else.
  watchEffect(() => {
    if (passwordForced.value) passwordVisible.value = true
  })

  async function logout(): Promise<void> {
    try {
      await ElMessageBox.confirm('确定要退出登录吗？', '提示', { type: 'warning', confirmButtonText: '退出', cancelButtonText: '取消' })
    } catch {
      return
    }
    await session.logout()
    await router.replace({ name: 'login' })
  }

  function onCommand(command: string): void {
    if (command === 'password') passwordVisible.value = true
    else if (command === 'logout') void logout()
  }

  return { me, menu, activeMenu, breadcrumbs, collapsed, passwordVisible, passwordForced, onCommand }
}
