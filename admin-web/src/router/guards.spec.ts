import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Me } from '@/api/types'

vi.mock('@/api/auth', () => ({ getMe: vi.fn(), login: vi.fn(), logout: vi.fn() }))

import * as authApi from '@/api/auth'
import { useSessionStore } from '@/stores/session'
import { installGuards } from './index'
import { buildMenu } from './menu'
import { appChildren } from './routes'

const Page = { template: '<div />' }
const me = (permissions: string[]) => ({ id: 1, name: '张三', permissions }) as unknown as Me

function makeRouter() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', name: 'login', component: Page, meta: { public: true } },
      { path: '/dashboard', name: 'dashboard', component: Page },
      { path: '/entities', name: 'entities', component: Page, meta: { perm: 'entity:read' } },
      { path: '/403', name: 'forbidden', component: Page },
    ],
  })
  installGuards(router)
  return router
}

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('route guards', () => {
  it('sends a signed-out visitor to the login page, keeping the target', async () => {
    const router = makeRouter()
    await router.push('/entities?q=1')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/entities?q=1')
  })

  it('loads /me once signed in, then lets a permitted user through', async () => {
    useSessionStore().setToken({ access_token: 'A', refresh_token: 'R', token_type: 'Bearer', expires_in: 900 })
    vi.mocked(authApi.getMe).mockResolvedValueOnce(me(['entity:read']))
    const router = makeRouter()
    await router.push('/entities')
    expect(router.currentRoute.value.name).toBe('entities')
    expect(authApi.getMe).toHaveBeenCalledTimes(1)
  })

  it('shows the 403 page for a missing permission', async () => {
    const session = useSessionStore()
    session.setToken({ access_token: 'A', refresh_token: 'R', token_type: 'Bearer', expires_in: 900 })
    session.me = me([])
    const router = makeRouter()
    await router.push('/entities')
    expect(router.currentRoute.value.name).toBe('forbidden')
    await router.push('/dashboard')
    expect(router.currentRoute.value.name).toBe('dashboard')
  })
})

describe('menu', () => {
  const titles = (perms: string[]) =>
    buildMenu(appChildren, (code) => !code || [code].flat().some((c) => perms.includes(c))).map((m) => [m.title, ...(m.children ?? []).map((c) => c.title)])

  it('always has 工作台 and adds pages by permission code', () => {
    expect(titles([])).toEqual([['工作台']])
    expect(titles(['entity:read'])).toEqual([['工作台'], ['主体库'], ['风险信息']])
    expect(titles(['entity:read', 'user:read'])).toEqual([['工作台'], ['主体库'], ['风险信息'], ['系统管理', '用户管理']])
  })

  it('shows each appeal page only with its permission code', () => {
    expect(titles(['appeal:handle'])).toEqual([['工作台'], ['诉求管理', '诉求办理']])
    expect(titles(['appeal:desk', 'appeal:supervise', 'appeal:stats'])).toEqual([
      ['工作台'],
      ['诉求管理', '诉求办理', '超期督办', '诉求统计'],
    ])
  })
})
