// The one HTTP client of the admin app: adds the bearer token, unwraps the
// {code, message, data} envelope, shows each error once, and refreshes an
// expired access token with a single in-flight refresh shared by every caller.
import { ElMessage } from 'element-plus'
import type { Envelope, Token } from './types'

export const API_BASE = '/api/v1/admin'

export class ApiError extends Error {
  readonly code: string
  readonly status: number
  readonly data: unknown
  /** Already reported to the user (e.g. the same expired session seen by several requests). */
  quiet = false

  constructor(code: string, message: string, status: number, data: unknown = null) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.data = data
  }
}

/** How the client reaches the session without importing the store (keeps it testable). */
export interface AuthBridge {
  getAccessToken(): string | null
  getRefreshToken(): string | null
  saveToken(token: Token): void
  /** The session is over: clear it and send the user to the login page. */
  expire(): void
}

export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  query?: Query
  /** JSON-encoded unless it is FormData. */
  body?: unknown
  /** Send the bearer token and handle 401s (default true). */
  auth?: boolean
  /** The caller shows its own message; the client stays quiet. */
  silent?: boolean
}

const ACCESS_KEY = 'getitong.admin.access_token'
const REFRESH_KEY = 'getitong.admin.refresh_token'

/** Fallback used before the app installs its own bridge (and by the session store). */
export const tokenStorage = {
  access: (): string | null => localStorage.getItem(ACCESS_KEY),
  refresh: (): string | null => localStorage.getItem(REFRESH_KEY),
  save(token: Token): void {
    localStorage.setItem(ACCESS_KEY, token.access_token)
    localStorage.setItem(REFRESH_KEY, token.refresh_token)
  },
  clear(): void {
    localStorage.removeItem(ACCESS_KEY)
    localStorage.removeItem(REFRESH_KEY)
  },
}

let bridge: AuthBridge = {
  getAccessToken: tokenStorage.access,
  getRefreshToken: tokenStorage.refresh,
  saveToken: tokenStorage.save,
  expire() {
    tokenStorage.clear()
    window.location.assign(`${import.meta.env.BASE_URL}login`)
  },
}

export function installAuthBridge(next: AuthBridge): void {
  bridge = next
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const qs = params.toString()
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`
}

async function parse<T>(res: Response): Promise<Envelope<T>> {
  const text = await res.text()
  try {
    const body = JSON.parse(text) as Envelope<T>
    if (body && typeof body === 'object' && typeof body.code === 'string') return body
  } catch {
    // fall through: not our envelope (proxy error page, empty body …)
  }
  throw new ApiError('HTTP_ERROR', `服务暂不可用（HTTP ${res.status}），请稍后再试`, res.status)
}

async function transmit(method: string, url: string, opts: RequestOptions, token: string | null) {
  const headers: Record<string, string> = { Accept: 'application/json' }
  let body: BodyInit | undefined
  if (opts.body instanceof FormData) {
    body = opts.body
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  if (token) headers.Authorization = `Bearer ${token}`
  try {
    return await fetch(url, { method, headers, body })
  } catch {
    throw new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0)
  }
}

// The token whose end was last reported: concurrent requests failing with the same
// dead session produce one message, not one per request.
let lastExpiredToken: string | null | undefined

// One refresh at a time: concurrent 401s all wait for the same promise, because a
// refresh token rotates on use and presenting the old one again revokes the chain.
let refreshing: Promise<boolean> | null = null

async function doRefresh(): Promise<boolean> {
  const refreshToken = bridge.getRefreshToken()
  if (!refreshToken) return false
  try {
    const res = await transmit('POST', buildUrl('/auth/refresh'), { body: { refresh_token: refreshToken } }, null)
    const env = await parse<{ token: Token }>(res)
    if (!res.ok || env.code !== 'OK' || !env.data?.token) return false
    bridge.saveToken(env.data.token)
    return true
  } catch {
    return false
  }
}

function refreshOnce(tokenUsed: string | null): Promise<boolean> {
  if (refreshing) return refreshing
  // Another caller already refreshed after this request left: just retry with the new token.
  const current = bridge.getAccessToken()
  if (current && current !== tokenUsed) return Promise.resolve(true)
  refreshing = doRefresh().finally(() => {
    refreshing = null
  })
  return refreshing
}

/** A file answered by the API (Excel exports, attachments). */
export interface DownloadedFile {
  blob: Blob
  filename: string | null
}

/** File name from `Content-Disposition` (RFC 5987 `filename*` first). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      // fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header)
  return plain ? plain[1].trim() : null
}

async function send<T>(method: string, path: string, opts: RequestOptions, mayRefresh: boolean, asFile = false): Promise<T> {
  const useAuth = opts.auth !== false
  const token = useAuth ? bridge.getAccessToken() : null
  const res = await transmit(method, buildUrl(path, opts.query), opts, token)
  const type = res.headers.get('Content-Type') ?? ''
  if (asFile && res.ok && !type.includes('application/json')) {
    const file: DownloadedFile = { blob: await res.blob(), filename: filenameFromDisposition(res.headers.get('Content-Disposition')) }
    return file as T
  }
  const env = await parse<T>(res)
  if (res.ok && env.code === 'OK') return env.data

  const error = new ApiError(env.code, env.message || '请求失败', res.status, env.data)
  if (res.status === 401 && useAuth) {
    if (env.code === 'TOKEN_EXPIRED' && mayRefresh && (await refreshOnce(token))) {
      return send<T>(method, path, opts, false, asFile)
    }
    error.quiet = lastExpiredToken === token
    lastExpiredToken = token
    bridge.expire()
  }
  throw error
}

export function notifyError(error: unknown): void {
  if (error instanceof ApiError && error.quiet) return
  const message = error instanceof ApiError ? error.message : '操作失败，请稍后再试'
  // grouping merges identical messages, e.g. several requests failing with one 401.
  ElMessage({ type: 'error', message, grouping: true })
}

export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(method, path, opts, true)
  } catch (error) {
    if (!opts.silent) notifyError(error)
    throw error
  }
}

type Opts = Omit<RequestOptions, 'query' | 'body'>

export const http = {
  get: <T>(path: string, query?: Query, opts?: Opts) => request<T>('GET', path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts?: Opts) => request<T>('POST', path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: Opts) => request<T>('PATCH', path, { ...opts, body }),
  delete: <T>(path: string, opts?: Opts) => request<T>('DELETE', path, opts),
}

/** GET a file with the bearer token (errors still come back as the JSON envelope). */
export async function fetchFile(path: string, query?: Query, opts: Opts = {}): Promise<DownloadedFile> {
  try {
    return await send<DownloadedFile>('GET', path, { ...opts, query }, true, true)
  } catch (error) {
    if (!opts.silent) notifyError(error)
    throw error
  }
}

/** Hand a blob to the browser as a download. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Download an API file; `path` may be a full `/api/v1/admin/...` URL as the API returns it. */
export async function downloadFile(path: string, fallbackName: string, query?: Query): Promise<void> {
  const relative = path.startsWith(API_BASE) ? path.slice(API_BASE.length) : path
  const file = await fetchFile(relative, query)
  saveBlob(file.blob, file.filename || fallbackName)
}
