const { installWx } = require('../helpers/wx-mock')
const config = require('../../config')
const request = require('../../utils/request')
const { upload } = require('../../utils/upload')
const session = require('../../utils/session')

const BASE = config.apiBase + config.apiPrefix
const ok = data => ({ statusCode: 200, data: { code: 'OK', message: '成功', data } })
const fail = (statusCode, code, message, data = null) => ({ statusCode, data: { code, message, data } })
const tick = () => new Promise(resolve => setTimeout(resolve, 5))

let wx
let calls

/** Route wx.request / wx.uploadFile to `handler(options)` asynchronously, like the real network. */
function serve(handler) {
  const respond = options => {
    calls.push({ url: options.url, method: options.method, data: options.data, header: options.header || {} })
    Promise.resolve()
      .then(tick)
      .then(() => handler(options))
      .then(res => {
        if (res instanceof Error) options.fail({ errMsg: res.message })
        else options.success(res)
      })
  }
  wx.request.mockImplementation(respond)
  wx.uploadFile.mockImplementation(respond)
}

function signIn(n = 1) {
  session.setToken({ access_token: 'access-' + n, refresh_token: 'refresh-' + n, token_type: 'Bearer', expires_in: 900 })
}

const bearer = call => call.header.Authorization
const refreshCalls = () => calls.filter(c => c.url === BASE + '/auth/refresh')

beforeEach(() => {
  wx = installWx()
  calls = []
  request._reset()
})

describe('envelope', () => {
  test('resolves the data of an OK envelope and sends the bearer token to the mp prefix', async () => {
    signIn()
    serve(() => ok({ person: { name: '张三' } }))
    await expect(request.get('/me')).resolves.toEqual({ person: { name: '张三' } })
    expect(calls[0].url).toBe('http://127.0.0.1:8000/api/v1/mp/me')
    expect(calls[0].method).toBe('GET')
    expect(bearer(calls[0])).toBe('Bearer access-1')
  })

  test('a call with auth: false sends no token', async () => {
    signIn()
    serve(() => ok(null))
    await request.post('/auth/login', { phone: '13900000001', password: 'x' }, { auth: false })
    expect(bearer(calls[0])).toBeUndefined()
    expect(calls[0].data).toEqual({ phone: '13900000001', password: 'x' })
  })

  test('an error envelope rejects with its code, Chinese message, status and data, shown once as a toast', async () => {
    serve(() => fail(429, 'TOO_MANY_ATTEMPTS', '尝试次数过多，请稍后再试', { retry_after: 60 }))
    const err = await request.post('/auth/login', {}, { auth: false }).catch(e => e)
    expect(err).toBeInstanceOf(request.ApiError)
    expect(err).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: '尝试次数过多，请稍后再试', status: 429, data: { retry_after: 60 } })
    expect(wx.showToast).toHaveBeenCalledTimes(1)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '尝试次数过多，请稍后再试', icon: 'none' }))
  })

  test('showError: false leaves the message to the caller', async () => {
    serve(() => fail(400, 'LOGIN_FAILED', '账号或密码错误'))
    await expect(request.post('/auth/login', {}, { auth: false, showError: false })).rejects.toMatchObject({ code: 'LOGIN_FAILED' })
    expect(wx.showToast).not.toHaveBeenCalled()
  })

  test('a reply that is not an envelope still gives a Chinese message', async () => {
    serve(() => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }))
    await expect(request.get('/me', undefined, { auth: false })).rejects.toMatchObject({
      code: 'HTTP_502',
      message: '服务暂不可用，请稍后再试',
      status: 502,
    })
  })

  test('a network failure rejects with NETWORK_ERROR', async () => {
    serve(() => new Error('request:fail net::ERR_CONNECTION_REFUSED'))
    await expect(request.get('/regions', undefined, { auth: false })).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
      message: '网络异常，请检查网络后重试',
    })
    expect(wx.showToast).toHaveBeenCalledTimes(1)
  })

  test('loading shows and hides wx.showLoading', async () => {
    serve(() => ok(1))
    await request.get('/regions', undefined, { auth: false, loading: '加载中' })
    expect(wx.showLoading).toHaveBeenCalledWith({ title: '加载中', mask: true })
    expect(wx.hideLoading).toHaveBeenCalledTimes(1)
  })
})

describe('token refresh', () => {
  // The API: access-N is valid only for the newest N; refresh-N rotates to N+1.
  function apiWithRotation({ refreshReply } = {}) {
    let current = 2
    serve(options => {
      if (options.url.endsWith('/auth/refresh')) {
        if (refreshReply) return refreshReply(options)
        return ok({
          token: { access_token: 'access-' + current, refresh_token: 'refresh-' + current, token_type: 'Bearer', expires_in: 900 },
        })
      }
      if (options.header.Authorization !== 'Bearer access-' + current) return fail(401, 'TOKEN_EXPIRED', '登录已过期')
      return ok({ url: options.url })
    })
    return { bump: () => current++ }
  }

  test('concurrent 401 TOKEN_EXPIRED replies share one refresh, then every call is retried', async () => {
    signIn(1)
    apiWithRotation()
    const results = await Promise.all([request.get('/me'), request.get('/me/a'), request.post('/me/b', {})])
    expect(results.map(r => r.url)).toEqual([BASE + '/me', BASE + '/me/a', BASE + '/me/b'])
    expect(refreshCalls()).toHaveLength(1)
    expect(refreshCalls()[0].data).toEqual({ refresh_token: 'refresh-1' })
    expect(bearer(refreshCalls()[0])).toBeUndefined()
    expect(session.getAccessToken()).toBe('access-2')
    expect(session.getRefreshToken()).toBe('refresh-2')
    const retries = calls.filter(c => c.url !== BASE + '/auth/refresh' && bearer(c) === 'Bearer access-2')
    expect(retries).toHaveLength(3)
    expect(wx.showToast).not.toHaveBeenCalled()
    expect(wx.reLaunch).not.toHaveBeenCalled()
  })

  test('a 401 that arrives after the refresh finished retries with the new token instead of refreshing again', async () => {
    signIn(1)
    const delay = (ms, value) => new Promise(resolve => setTimeout(() => resolve(value), ms))
    serve(options => {
      if (options.url.endsWith('/auth/refresh')) {
        return ok({ token: { access_token: 'access-2', refresh_token: 'refresh-2' } })
      }
      if (options.header.Authorization === 'Bearer access-2') return ok({ url: options.url })
      // the slow call's 401 comes back only after the other call has refreshed and retried
      return delay(options.url.endsWith('/slow') ? 80 : 0, fail(401, 'TOKEN_EXPIRED', '登录已过期'))
    })
    const slow = request.get('/me/slow')
    await request.get('/me')
    expect(refreshCalls()).toHaveLength(1)
    await expect(slow).resolves.toEqual({ url: BASE + '/me/slow' })
    expect(refreshCalls()).toHaveLength(1)
  })

  test('when the refresh is refused the session is cleared and the app goes to login once', async () => {
    signIn(1)
    apiWithRotation({ refreshReply: () => fail(401, 'TOKEN_INVALID', '登录凭证无效') })
    const errors = await Promise.all([request.get('/me').catch(e => e), request.get('/me/a').catch(e => e)])
    errors.forEach(err => expect(err).toMatchObject({ code: 'TOKEN_INVALID', message: '登录已过期，请重新登录', status: 401 }))
    expect(refreshCalls()).toHaveLength(1)
    expect(session.isLoggedIn()).toBe(false)
    expect(session.getAccessToken()).toBe('')
    expect(wx.reLaunch).toHaveBeenCalledTimes(1)
    expect(wx.reLaunch).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/auth/login/index' }))
    expect(wx.showToast).toHaveBeenCalledTimes(1)
  })

  test('a retry that is refused again does not loop', async () => {
    signIn(1)
    serve(options => {
      if (options.url.endsWith('/auth/refresh')) return ok({ token: { access_token: 'access-2', refresh_token: 'refresh-2' } })
      return fail(401, 'TOKEN_EXPIRED', '登录已过期')
    })
    await expect(request.get('/me')).rejects.toMatchObject({ code: 'TOKEN_EXPIRED', status: 401 })
    expect(refreshCalls()).toHaveLength(1)
    expect(calls.filter(c => c.url === BASE + '/me')).toHaveLength(2)
    expect(session.isLoggedIn()).toBe(false)
    expect(wx.reLaunch).toHaveBeenCalledTimes(1)
  })

  test('a revoked token (401 TOKEN_INVALID) ends the session without trying to refresh', async () => {
    signIn(1)
    serve(() => fail(401, 'TOKEN_INVALID', '登录凭证无效'))
    await expect(request.get('/me')).rejects.toMatchObject({ code: 'TOKEN_INVALID' })
    expect(refreshCalls()).toHaveLength(0)
    expect(session.isLoggedIn()).toBe(false)
    expect(wx.reLaunch).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/auth/login/index' }))
  })

  test('a network failure during the refresh keeps the tokens', async () => {
    signIn(1)
    apiWithRotation({ refreshReply: () => new Error('request:fail timeout') })
    await expect(request.get('/me')).rejects.toMatchObject({ code: 'NETWORK_TIMEOUT' })
    expect(session.getRefreshToken()).toBe('refresh-1')
    expect(wx.reLaunch).not.toHaveBeenCalled()
  })

  test('a 401 on a call made without a token is an ordinary error', async () => {
    serve(() => fail(401, 'UNAUTHENTICATED', '请先登录'))
    await expect(request.get('/me')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(refreshCalls()).toHaveLength(0)
    expect(wx.reLaunch).not.toHaveBeenCalled()
  })
})

describe('upload', () => {
  test('sends the file with its form fields and unwraps the text reply', async () => {
    signIn(1)
    serve(() => ({ statusCode: 200, data: JSON.stringify({ code: 'OK', message: '成功', data: { uscc: 'X' } }) }))
    await expect(
      upload('/license/scan', { filePath: 'wxfile://tmp/a.jpg', name: 'image', formData: { region_code: '420204' } })
    ).resolves.toEqual({ uscc: 'X' })
    const sent = wx.uploadFile.mock.calls[0][0]
    expect(sent).toMatchObject({
      url: BASE + '/license/scan',
      filePath: 'wxfile://tmp/a.jpg',
      name: 'image',
      formData: { region_code: '420204' },
    })
    expect(sent.header.Authorization).toBe('Bearer access-1')
  })

  test('error envelopes and token refresh work the same as for requests', async () => {
    signIn(1)
    let uploads = 0
    serve(options => {
      if (options.url.endsWith('/auth/refresh')) return ok({ token: { access_token: 'access-2', refresh_token: 'refresh-2' } })
      uploads++
      if (options.header.Authorization === 'Bearer access-1') return { statusCode: 401, data: JSON.stringify({ code: 'TOKEN_EXPIRED', message: '登录已过期', data: null }) }
      return { statusCode: 413, data: JSON.stringify({ code: 'FILE_TOO_LARGE', message: '文件过大', data: null }) }
    })
    await expect(upload('/uploads', { filePath: 'wxfile://tmp/big.jpg' })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 })
    expect(uploads).toBe(2)
    expect(refreshCalls()).toHaveLength(1)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '文件过大' }))
  })
})
