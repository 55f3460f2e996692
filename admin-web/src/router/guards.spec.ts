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
    expect(titles(['entity:read', 'user:read'])).toEqual([['工作台'], ['主体库'], ['风险信息'], ['系统管理', '用户管理', '角色权限']])
  })

  it('shows each appeal page only with its permission code', () => {
    expect(titles(['appeal:handle'])).toEqual([['工作台'], ['诉求管理', '诉求办理']])
    expect(titles(['appeal:desk', 'appeal:supervise', 'appeal:stats'])).toEqual([
      ['工作台'],
      ['诉求管理', '诉求办理', '超期督办', '诉求统计'],
    ])
  })
  it('shows the credit-repair pages to any credit role', () => {
    const credit = [['工作台'], ['信用修复', '修复办理', '列严名单', '列异名录']]
    expect(titles(['credit:accept'])).toEqual(credit)
    expect(titles(['credit:approve'])).toEqual(credit)
  })

  it('groups the other areas by their permission codes', () => {
    expect(titles(['loan:handle'])).toEqual([['工作台'], ['金融服务', '贷款申请', '贷款产品', '金融机构']])
    expect(titles(['content:edit'])).toEqual([['工作台'], ['内容管理', '新闻资讯', '法律法规', '政策事项', '免申即享']])
    expect(titles(['recognition:review', 'party:manage'])).toEqual([
      ['工作台'],
      ['名特优新', '认定公告', '申请审核'],
      ['党建', '党员活动', '志愿服务', '先进事迹'],
    ])
    expect(titles(['org:read'])).toEqual([['工作台'], ['系统管理', '机构树']])
    expect(titles(['user:read', 'audit:read', 'org:read'])).toEqual([['工作台'], ['系统管理', '用户管理', '机构树', '角色权限', '审计日志']])
  })
})
