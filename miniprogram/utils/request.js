// The one place that talks HTTP to the Getitong API.
//
// - adds `Authorization: Bearer <access_token>`;
// - unwraps the `{code, message, data}` envelope: resolves `data`, rejects an ApiError that carries
//   the stable code and the Chinese message (shown once with wx.showToast unless `showError: false`);
// - on 401 TOKEN_EXPIRED refreshes the tokens once, shared by every request that is waiting, then
//   retries; when the refresh is refused the session is cleared and the app goes back to login.
const config = require('../config')
const session = require('./session')

const LOGIN_PAGE = '/pages/auth/login/index'
const SESSION_OVER_MESSAGE = '登录已过期，请重新登录'
const NETWORK_MESSAGE = '网络异常，请检查网络后重试'

class ApiError extends Error {
  constructor({ code, message, status = 0, data = null }) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    this.data = data
  }
}

function fullUrl(path) {
  if (/^https?:\/\//.test(path)) return path
  return config.apiBase + config.apiPrefix + path
}

function statusMessage(status) {
  if (status >= 500) return '服务暂不可用，请稍后再试'
  if (status === 404) return '资源不存在'
  if (status === 401) return '请先登录'
  if (status === 403) return '无权限'
  return '请求失败（' + status + '）'
}

/** Turn one HTTP reply into `{ok, data}` or `{ok: false, error}`. */
function unwrap(statusCode, body) {
  if (typeof body === 'string') {
    // wx.uploadFile always hands back text; wx.request does when the reply was not JSON.
    try {
      body = JSON.parse(body)
    } catch (err) {
      // keep the text: it is not an envelope
    }
  }
  const ok = statusCode >= 200 && statusCode < 300
  if (body && typeof body === 'object' && typeof body.code === 'string') {
    if (ok && body.code === 'OK') return { ok: true, data: body.data === undefined ? null : body.data }
    return {
      ok: false,
      error: new ApiError({
        code: body.code,
        message: body.message || statusMessage(statusCode),
        status: statusCode,
        data: body.data === undefined ? null : body.data,
      }),
    }
  }
  if (ok) return { ok: true, data: body === undefined ? null : body }
  return {
    ok: false,
    error: new ApiError({ code: 'HTTP_' + statusCode, message: statusMessage(statusCode), status: statusCode }),
  }
}

function networkError(err) {
  const timeout = err && /timeout/i.test(err.errMsg || '')
  return new ApiError({
    code: timeout ? 'NETWORK_TIMEOUT' : 'NETWORK_ERROR',
    message: timeout ? '请求超时，请稍后重试' : NETWORK_MESSAGE,
    data: err && err.errMsg ? { errMsg: err.errMsg } : null,
  })
}

// One toast per message even when several requests fail together (e.g. a dead session).
let lastToast = { message: '', at: 0 }
function toast(err) {
  if (!err || err.toasted) return
  err.toasted = true
  const now = Date.now()
  if (lastToast.message === err.message && now - lastToast.at < 2000) return
  lastToast = { message: err.message, at: now }
  wx.showToast({ title: err.message, icon: 'none', duration: 2500 })
}

let relaunching = false
function goLogin() {
  if (relaunching) return
  relaunching = true
  wx.reLaunch({
    url: LOGIN_PAGE,
    complete() {
      relaunching = false
    },
  })
}

/** The session is over: forget the tokens, go to login, and return the error callers see. */
function endSession(cause) {
  session.clear()
  goLogin()
  return new ApiError({
    code: (cause && cause.code) || 'UNAUTHENTICATED',
    message: SESSION_OVER_MESSAGE,
    status: 401,
    data: null,
  })
}

function wxRequestTransport({ url, method = 'GET', data }) {
  return header =>
    new Promise((resolve, reject) => {
      wx.request({
        url: fullUrl(url),
        method,
        data,
        header: Object.assign({ 'content-type': 'application/json' }, header),
        timeout: config.timeout,
        success: res => resolve({ statusCode: res.statusCode, data: res.data }),
        fail: err => reject(networkError(err)),
      })
    })
}

let refreshing = null

/**
 * Get fresh tokens. Every caller that arrives while a refresh is running waits on the same promise;
 * a caller whose stale token was already replaced just retries.
 */
function refreshSession(staleAccessToken) {
  const current = session.getAccessToken()
  if (current && current !== staleAccessToken) return Promise.resolve()
  if (refreshing) return refreshing

  const refreshToken = session.getRefreshToken()
  if (!refreshToken) return Promise.reject(endSession(null))

  const send = wxRequestTransport({ url: '/auth/refresh', method: 'POST', data: { refresh_token: refreshToken } })
  refreshing = send({})
    .then(res => {
      const out = unwrap(res.statusCode, res.data)
      if (!out.ok) throw out.error
      session.setToken(out.data.token)
    })
    .catch(err => {
      // A refused refresh ends the session; a network failure does not (the tokens may still be good).
      if (err.status >= 400 && err.status < 500) throw endSession(err)
      throw err
    })
    .then(
      () => {
        refreshing = null
      },
      err => {
        refreshing = null
        throw err
      }
    )
  return refreshing
}

/**
 * Run one call through the auth/envelope pipeline.
 * `transport(header)` sends it and resolves `{statusCode, data}` (or rejects a network ApiError).
 * options: auth (default true), showError (default true), loading (a title shows wx.showLoading).
 */
function perform(transport, options = {}) {
  const auth = options.auth !== false
  const showError = options.showError !== false

  const attempt = isRetry => {
    const header = {}
    const accessToken = auth ? session.getAccessToken() : ''
    if (accessToken) header.Authorization = 'Bearer ' + accessToken
    return transport(header).then(res => {
      const out = unwrap(res.statusCode, res.data)
      if (out.ok) return out.data
      const err = out.error
      if (auth && accessToken && err.status === 401) {
        if (err.code === 'TOKEN_EXPIRED' && !isRetry) {
          return refreshSession(accessToken).then(() => attempt(true))
        }
        // TOKEN_INVALID / UNAUTHENTICATED with a token we sent: the session was revoked.
        throw endSession(err)
      }
      throw err
    })
  }

  if (options.loading) wx.showLoading({ title: options.loading, mask: true })
  return attempt(false).then(
    data => {
      if (options.loading) wx.hideLoading()
      return data
    },
    err => {
      if (options.loading) wx.hideLoading()
      if (showError) toast(err)
      throw err
    }
  )
}

/** `request({url, method, data, auth, showError, loading})` → Promise of the envelope's data. */
function request(options) {
  return perform(wxRequestTransport(options), options)
}

function get(url, data, options) {
  return request(Object.assign({}, options, { url, method: 'GET', data }))
}

function post(url, data, options) {
  return request(Object.assign({}, options, { url, method: 'POST', data: data || {} }))
}

/** Test hook: forget shared state between cases. */
function _reset() {
  refreshing = null
  relaunching = false
  lastToast = { message: '', at: 0 }
}

module.exports = {
  ApiError,
  LOGIN_PAGE,
  request,
  get,
  post,
  perform,
  unwrap,
  fullUrl,
  networkError,
  toast,
  _reset,
}
