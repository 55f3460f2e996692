import { createRouter, createWebHistory, type Router } from 'vue-router'
import { ApiError } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import { routes } from './routes'

export const APP_TITLE = '个体通 · 市场监管工作平台'

/** Signed out → login; no `me` yet → load it; missing permission → 403. */
export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    if (to.meta.public) return true
    const session = useSessionStore()
    if (!session.isLoggedIn) return { name: 'login', query: { redirect: to.fullPath } }
    if (!session.me) {
      try {
        await session.loadMe()
      } catch (error) {
        // A 401 already ended the session through the request client; anything else
        // (network down) leaves the tokens alone so a retry can succeed.
        if (error instanceof ApiError && error.status === 401) session.clear()
        return { name: 'login', query: { redirect: to.fullPath } }
      }
    }
    if (!session.hasPerm(to.meta.perm)) {
      return { name: 'forbidden', query: { from: to.fullPath } }
    }
    return true
  })
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} - ${APP_TITLE}` : APP_TITLE
  })
}

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  })
  installGuards(router)
  return router
}
