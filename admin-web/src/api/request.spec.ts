import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AuthBridge } from './request'

const elMessage = vi.fn()
vi.mock('element-plus', () => ({ ElMessage: (...args: unknown[]) => elMessage(...args) }))

type RequestModule = typeof import('./request')

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}
const ok = (data: unknown) => json(200, { code: 'OK', message: '成功', data })
const expired = () => json(401, { code: 'TOKEN_EXPIRED', message: '登录已过期', data: null })

function fakeBridge(access = 'A1', refresh = 'R1') {
  const state = { access: access as string | null, refresh: refresh as string | null }
  const bridge: AuthBridge & { state: typeof state; expire: ReturnType<typeof vi.fn> } = {
    state,
    getAccessToken: () => state.access,
    getRefreshToken: () => state.refresh,
    saveToken: vi.fn((t) => {
      state.access = t.access_token
      state.refresh = t.refresh_token
    }),
    expire: vi.fn(() => {
      state.access = null
      state.refresh = null
    }),
  }
  return bridge
}

const authOf = (init?: RequestInit) => (init?.headers as Record<string, string> | undefined)?.Authorization

let mod: RequestModule
let fetchMock: ReturnType<typeof vi.fn>

beforeEach(async () => {
  vi.resetModules() // fresh in-flight refresh state for every test
  elMessage.mockReset()
  fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
  mod = await import('./request')
})

describe('envelope', () => {
  it('returns data, sends the bearer token and drops empty query values', async () => {
    mod.installAuthBridge(fakeBridge('tok'))
    fetchMock.mockResolvedValueOnce(ok({ items: [{ id: 1 }], next: null }))

    const page = await mod.http.get('/entities', { q: '饭店', uscc: '', status: undefined, limit: 20 })

    expect(page).toEqual({ items: [{ id: 1 }], next: null })
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/v1/admin/entities?q=%E9%A5%AD%E5%BA%97&limit=20')
    expect(authOf(init)).toBe('Bearer tok')
    expect(elMessage).not.toHaveBeenCalled()
  })

  it('sends JSON bodies and no token for auth: false', async () => {
    mod.installAuthBridge(fakeBridge('tok'))
    fetchMock.mockResolvedValueOnce(ok(null))
    await mod.http.post('/auth/logout', { refresh_token: 'R' }, { auth: false })
    const [, init] = fetchMock.mock.calls[0]!
    expect(init.method).toBe('POST')
    expect(init.body).toBe('{"refresh_token":"R"}')
    expect(authOf(init)).toBeUndefined()
  })

  it('throws ApiError with code, message, status and data, and shows the message once', async () => {
    mod.installAuthBridge(fakeBridge())
    fetchMock.mockResolvedValueOnce(json(409, { code: 'USERNAME_TAKEN', message: '用户名已存在', data: { field: 'username' } }))

    const error = await mod.http.post('/users', { username: 'x' }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(mod.ApiError)
    expect(error).toMatchObject({ code: 'USERNAME_TAKEN', message: '用户名已存在', status: 409, data: { field: 'username' } })
    expect(elMessage).toHaveBeenCalledTimes(1)
    expect(elMessage.mock.calls[0]![0]).toMatchObject({ type: 'error', message: '用户名已存在' })
  })

  it('stays quiet when the caller asks for silent', async () => {
    mod.installAuthBridge(fakeBridge())
    fetchMock.mockResolvedValueOnce(json(400, { code: 'LOGIN_FAILED', message: '账号或密码错误', data: null }))
    await expect(mod.http.post('/auth/login', {}, { auth: false, silent: true })).rejects.toMatchObject({ code: 'LOGIN_FAILED' })
    expect(elMessage).not.toHaveBeenCalled()
  })

  it('turns a non-envelope reply and a network failure into Chinese errors', async () => {
    mod.installAuthBridge(fakeBridge())
    fetchMock.mockResolvedValueOnce(new Response('<html>Bad Gateway</html>', { status: 502 }))
    await expect(mod.http.get('/me')).rejects.toMatchObject({ code: 'HTTP_ERROR', status: 502 })
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'))
    await expect(mod.http.get('/me')).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' })
  })
})

describe('token refresh', () => {
  it('refreshes once for concurrent 401 TOKEN_EXPIRED and retries every request with the new token', async () => {
    const bridge = fakeBridge('A1', 'R1')
    mod.installAuthBridge(bridge)
    let releaseRefresh!: () => void
    const refreshGate = new Promise<void>((resolve) => (releaseRefresh = resolve))
    fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
      if (url.endsWith('/auth/refresh')) {
        expect(JSON.parse(String(init.body))).toEqual({ refresh_token: 'R1' })
        await refreshGate // hold the refresh so all three 401s arrive while it is in flight
        return ok({ token: { access_token: 'A2', refresh_token: 'R2', token_type: 'Bearer', expires_in: 900 } })
      }
      return authOf(init) === 'Bearer A2' ? ok({ url }) : expired()
    })

    const calls = Promise.all([mod.http.get('/me'), mod.http.get('/orgs'), mod.http.get('/roles')])
    await vi.waitFor(() => expect(fetchMock.mock.calls.filter(([u]) => u.endsWith('/auth/refresh'))).toHaveLength(1))
    releaseRefresh()
    const results = await calls

    expect(results).toEqual([{ url: '/api/v1/admin/me' }, { url: '/api/v1/admin/orgs' }, { url: '/api/v1/admin/roles' }])
    expect(fetchMock.mock.calls.filter(([u]) => u.endsWith('/auth/refresh'))).toHaveLength(1)
    expect(bridge.saveToken).toHaveBeenCalledTimes(1)
    expect(bridge.state).toEqual({ access: 'A2', refresh: 'R2' })
    expect(bridge.expire).not.toHaveBeenCalled()
    expect(elMessage).not.toHaveBeenCalled()
  })

  it('does not refresh again for a late 401 from a request sent with the old token', async () => {
    const bridge = fakeBridge('A1', 'R1')
    mod.installAuthBridge(bridge)
    let releaseSlow!: () => void
    const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve))
    fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
      if (url.endsWith('/auth/refresh')) return ok({ token: { access_token: 'A2', refresh_token: 'R2', token_type: 'Bearer', expires_in: 900 } })
      if (authOf(init) === 'Bearer A2') return ok('fresh')
      if (url.endsWith('/slow')) await slowGate
      return expired()
    })

    const slow = mod.http.get('/slow')
    await mod.http.get('/fast') // refreshes and succeeds while /slow is still out with A1
    releaseSlow()
    await expect(slow).resolves.toBe('fresh')
    expect(fetchMock.mock.calls.filter(([u]) => u.endsWith('/auth/refresh'))).toHaveLength(1)
  })

  it('ends the session once when the refresh is refused, and reports it once', async () => {
    const bridge = fakeBridge('A1', 'R1')
    mod.installAuthBridge(bridge)
    fetchMock.mockImplementation(async (url: string) =>
      url.endsWith('/auth/refresh') ? json(401, { code: 'TOKEN_INVALID', message: '登录凭证无效', data: null }) : expired(),
    )

    const results = await Promise.allSettled([mod.http.get('/me'), mod.http.get('/orgs')])

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(fetchMock.mock.calls.filter(([u]) => u.endsWith('/auth/refresh'))).toHaveLength(1)
    expect(bridge.expire).toHaveBeenCalled()
    expect(bridge.state.access).toBeNull()
    expect(elMessage).toHaveBeenCalledTimes(1)
  })

  it('retries only once: a second TOKEN_EXPIRED after refreshing ends the session', async () => {
    const bridge = fakeBridge('A1', 'R1')
    mod.installAuthBridge(bridge)
    fetchMock.mockImplementation(async (url: string) =>
      url.endsWith('/auth/refresh') ? ok({ token: { access_token: 'A2', refresh_token: 'R2', token_type: 'Bearer', expires_in: 900 } }) : expired(),
    )
    await expect(mod.http.get('/me')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' })
    expect(fetchMock).toHaveBeenCalledTimes(3) // request, refresh, retry
    expect(bridge.expire).toHaveBeenCalledTimes(1)
  })

  it('does not refresh on other 401 codes', async () => {
    const bridge = fakeBridge('A1', 'R1')
    mod.installAuthBridge(bridge)
    fetchMock.mockResolvedValueOnce(json(401, { code: 'TOKEN_INVALID', message: '登录凭证无效', data: null }))
    await expect(mod.http.get('/me')).rejects.toMatchObject({ code: 'TOKEN_INVALID' })
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(bridge.expire).toHaveBeenCalledTimes(1)
  })
})

describe('file downloads', () => {
  it('reads the file name from Content-Disposition (UTF-8 name first)', () => {
    expect(mod.filenameFromDisposition(`attachment; filename="x.xlsx"; filename*=UTF-8''%E8%AF%89%E6%B1%82.xlsx`)).toBe('诉求.xlsx')
    expect(mod.filenameFromDisposition('attachment; filename="report.xlsx"')).toBe('report.xlsx')
    expect(mod.filenameFromDisposition(null)).toBeNull()
  })

  it('returns the blob of a file with the bearer token, and refreshes an expired token first', async () => {
    const bridge = fakeBridge()
    mod.installAuthBridge(bridge)
    const xlsx = new Response('PK', {
      status: 200,
      headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': 'attachment; filename="s.xlsx"' },
    })
    fetchMock
      .mockResolvedValueOnce(expired())
      .mockResolvedValueOnce(ok({ token: { access_token: 'A2', refresh_token: 'R2', token_type: 'Bearer', expires_in: 900 } }))
      .mockResolvedValueOnce(xlsx)
    const file = await mod.fetchFile('/appeals/stats/export', { org_id: 3 })
    expect(file.filename).toBe('s.xlsx')
    expect(await file.blob.text()).toBe('PK')
    const [url, init] = fetchMock.mock.calls[2]
    expect(url).toBe('/api/v1/admin/appeals/stats/export?org_id=3')
    expect(authOf(init)).toBe('Bearer A2')
  })

  it('shows the Chinese message of an error answered instead of the file', async () => {
    mod.installAuthBridge(fakeBridge())
    fetchMock.mockResolvedValueOnce(json(404, { code: 'RISK_IMPORT_REPORT_MISSING', message: '该导入任务没有失败记录，或尚未完成', data: null }))
    await expect(mod.fetchFile('/risk-records/imports/1/report')).rejects.toMatchObject({ code: 'RISK_IMPORT_REPORT_MISSING' })
    expect(elMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'error', message: '该导入任务没有失败记录，或尚未完成' }))
  })
})
