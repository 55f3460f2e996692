import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Me } from '@/api/types'

vi.mock('@/api/auth', () => ({
  login: vi.fn(),
  logout: vi.fn(),
  getMe: vi.fn(),
}))

import * as authApi from '@/api/auth'
import { useSessionStore } from './session'

const me = (permissions: string[]): Me => ({
  id: 1,
  username: 'xialu',
  name: '夏露',
  phone_masked: '139****0001',
  org: { id: 7, name: '黄石市下陆区市场监督管理局', level: 'county', level_label: '县(区)局', region_code: '420204' },
  institution: null,
  roles: [{ code: 'appeal_desk', name: '诉求主管' }],
  permissions,
  must_change_password: false,
})

const token = { access_token: 'A', refresh_token: 'R', token_type: 'Bearer' as const, expires_in: 900 }

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

describe('hasPerm', () => {
  it('is false for everything but open pages before /me is known', () => {
    const session = useSessionStore()
    expect(session.hasPerm('entity:read')).toBe(false)
    expect(session.hasPerm(undefined)).toBe(true)
    expect(session.hasPerm([])).toBe(true)
  })

  it('checks a single code and any-of a list', () => {
    const session = useSessionStore()
    session.me = me(['entity:read', 'user:read'])
    expect(session.hasPerm('entity:read')).toBe(true)
    expect(session.hasPerm('user:write')).toBe(false)
    expect(session.hasPerm(['user:write', 'user:read'])).toBe(true)
    expect(session.hasPerm(['user:write', 'audit:read'])).toBe(false)
  })

  it('follows a change of `me`', () => {
    const session = useSessionStore()
    session.me = me([])
    expect(session.hasPerm('user:write')).toBe(false)
    session.me = me(['user:write'])
    expect(session.hasPerm('user:write')).toBe(true)
  })
})

describe('tokens', () => {
  it('login keeps the tokens in localStorage and sets me; a new store reads them back', async () => {
    vi.mocked(authApi.login).mockResolvedValueOnce({ token, me: me(['entity:read']) })
    const session = useSessionStore()
    await session.login({ username: 'xialu', password: 'Staff@2026' })

    expect(session.isLoggedIn).toBe(true)
    expect(session.me?.name).toBe('夏露')
    expect(localStorage.getItem('getitong.admin.access_token')).toBe('A')

    setActivePinia(createPinia())
    const reloaded = useSessionStore()
    expect(reloaded.accessToken).toBe('A')
    expect(reloaded.refreshToken).toBe('R')
  })

  it('logout clears everything and revokes the refresh token', async () => {
    vi.mocked(authApi.logout).mockResolvedValueOnce(null)
    const session = useSessionStore()
    session.setToken(token)
    session.me = me(['entity:read'])
    await session.logout()

    expect(authApi.logout).toHaveBeenCalledWith('R')
    expect(session.isLoggedIn).toBe(false)
    expect(session.me).toBeNull()
    expect(localStorage.getItem('getitong.admin.refresh_token')).toBeNull()
  })
})
