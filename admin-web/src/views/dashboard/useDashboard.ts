import { computed } from 'vue'
import { useSessionStore } from '@/stores/session'
import { buildMenu } from '@/router/menu'
import { appChildren } from '@/router/routes'

function greeting(hour: number): string {
  if (hour < 6) return '凌晨好'
  if (hour < 12) return '上午好'
  if (hour < 14) return '中午好'
  if (hour < 18) return '下午好'
  return '晚上好'
}

export function useDashboard() {
  const session = useSessionStore()
  const me = computed(() => session.me)
  const hello = computed(() => greeting(new Date().getHours()))
  const today = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'full' }).format(new Date())
  // Shortcuts: every page the user may open, except the dashboard itself.
  const shortcuts = computed(() =>
    buildMenu(appChildren, (code) => session.hasPerm(code))
      .flatMap((item) => item.children ?? [item])
      .filter((item) => item.key !== 'dashboard'),
  )
  return { me, hello, today, shortcuts }
}
