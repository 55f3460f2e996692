jest.mock('../../services/auth')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, attr, trigger, tap, input } = require('../helpers/page')
const auth = require('../../services/auth')
const session = require('../../utils/session')
const { ApiError } = require('../../utils/request')

const ROUTE = 'pages/auth/login/index'
const HOME = { url: '/pages/home/index/index' }
const PROFILE = {
  person: { id: 1, name: '张三', phone_masked: '139****0001', wechat_bound: false },
  current_business: { id: 10, name: '下陆区张三便利店', uscc: '92420204MA4F000001' },
  businesses: [],
}
const RESULT = {
  token: { access_token: 'a1', refresh_token: 'r1', token_type: 'Bearer', expires_in: 900 },
  profile: PROFILE,
}

let wx
beforeEach(() => {
  wx = installWx()
})

async function fillCredentials(page) {
  await input(page, '#phone', '13900000001')
  await input(page, '#password', 'Shop@2026')
}

test('renders phone, password, the privacy consent, WeChat login and a link to register', () => {
  const page = loadPage(ROUTE)
  expect(exists(page, '#phone')).toBe(true)
  expect(exists(page, '#password')).toBe(true)
  expect(textOf(page, '#agree')).toContain('我已知晓并同意《隐私服务政策》')
  expect(textOf(page, '#wechat')).toBe('微信一键登录')
  expect(textOf(page, '#register-link')).toBe('立即注册')
})

test('refuses to log in until the privacy policy is ticked', async () => {
  const page = loadPage(ROUTE)
  await fillCredentials(page)
  await tap(page, '#submit')
  expect(textOf(page, '#privacy-error')).toBe('请阅读并同意《隐私服务政策》')
  expect(auth.login).not.toHaveBeenCalled()

  await tap(page, '#agree')
  expect(exists(page, '#privacy-error')).toBe(false)
})

test('checks the phone number and the password before calling the API', async () => {
  const page = loadPage(ROUTE)
  await tap(page, '#agree')
  await input(page, '#phone', '1390000')
  await tap(page, '#submit')
  expect(textOf(page, '#phone-error')).toBe('请输入正确的11位手机号')
  expect(textOf(page, '#password-error')).toBe('请输入密码')
  expect(auth.login).not.toHaveBeenCalled()

  await input(page, '#phone', '13900000001')
  expect(exists(page, '#phone-error')).toBe(false)
})

test('logs in with phone and password, keeps the session and opens the home tab', async () => {
  auth.login.mockResolvedValue(RESULT)
  const page = loadPage(ROUTE)
  await fillCredentials(page)
  await tap(page, '#agree')
  await tap(page, '#submit')
  expect(auth.login).toHaveBeenCalledTimes(1)
  expect(auth.login).toHaveBeenCalledWith(
    { phone: '13900000001', password: 'Shop@2026' },
    expect.objectContaining({ showError: false })
  )
  expect(session.getAccessToken()).toBe('a1')
  expect(session.getRefreshToken()).toBe('r1')
  expect(session.getProfile().person.name).toBe('张三')
  expect(wx.reLaunch).toHaveBeenCalledWith(HOME)
})

test('shows LOGIN_FAILED under the form and stays on the page', async () => {
  auth.login.mockRejectedValue(new ApiError({ code: 'LOGIN_FAILED', message: '手机号或密码错误', status: 400 }))
  const page = loadPage(ROUTE)
  await fillCredentials(page)
  await tap(page, '#agree')
  await tap(page, '#submit')
  expect(textOf(page, '#form-error')).toBe('手机号或密码错误')
  expect(session.isLoggedIn()).toBe(false)
  expect(wx.reLaunch).not.toHaveBeenCalled()
})

test('TOO_MANY_ATTEMPTS says when to try again', async () => {
  auth.login.mockRejectedValue(
    new ApiError({ code: 'TOO_MANY_ATTEMPTS', message: '尝试次数过多，请稍后再试', status: 429, data: { retry_after: 600 } })
  )
  const page = loadPage(ROUTE)
  await fillCredentials(page)
  await tap(page, '#agree')
  await tap(page, '#submit')
  expect(textOf(page, '#form-error')).toBe('尝试次数过多，请稍后再试（约10分钟后可重试）')
})

test('WeChat login sends the wx.login code to /auth/wechat', async () => {
  wx.__responses.login = { code: 'wx-code-1', errMsg: 'login:ok' }
  auth.wechatLogin.mockResolvedValue(RESULT)
  const page = loadPage(ROUTE)
  await tap(page, '#agree')
  await tap(page, '#wechat')
  expect(auth.wechatLogin).toHaveBeenCalledWith({ code: 'wx-code-1' }, expect.any(Object))
  expect(session.getAccessToken()).toBe('a1')
  expect(wx.reLaunch).toHaveBeenCalledWith(HOME)
})

test('WeChat login also needs the privacy consent', async () => {
  const page = loadPage(ROUTE)
  await tap(page, '#wechat')
  expect(textOf(page, '#privacy-error')).toBe('请阅读并同意《隐私服务政策》')
  expect(wx.login).not.toHaveBeenCalled()
  expect(auth.wechatLogin).not.toHaveBeenCalled()
})

test('an unbound WeChat asks for the phone number and retries with a fresh code and phone_code', async () => {
  let n = 0
  wx.__responses.login = () => ({ code: 'wx-code-' + ++n })
  auth.wechatLogin
    .mockRejectedValueOnce(
      new ApiError({ code: 'WECHAT_NOT_BOUND', message: '该微信尚未绑定账号，请授权手机号完成绑定', status: 404 })
    )
    .mockResolvedValueOnce(RESULT)
  const page = loadPage(ROUTE)
  await tap(page, '#agree')
  await tap(page, '#wechat')

  expect(exists(page, '#wechat')).toBe(false)
  expect(exists(page, '#wechat-phone')).toBe(true)
  expect(attr(page, '#wechat-phone', 'open-type')).toBe('getPhoneNumber')
  expect(textOf(page, '#form-error')).toBe('该微信尚未绑定账号，请授权手机号完成绑定')
  expect(session.isLoggedIn()).toBe(false)

  await trigger(page, '#wechat-phone', 'getphonenumber', { code: 'phone-code-9', errMsg: 'getPhoneNumber:ok' })
  expect(auth.wechatLogin).toHaveBeenCalledTimes(2)
  expect(auth.wechatLogin).toHaveBeenLastCalledWith({ code: 'wx-code-2', phone_code: 'phone-code-9' }, expect.any(Object))
  expect(session.getAccessToken()).toBe('a1')
  expect(wx.reLaunch).toHaveBeenCalledWith(HOME)
})

test('a phone that has no account suggests registering', async () => {
  wx.__responses.login = { code: 'wx-code' }
  auth.wechatLogin.mockRejectedValue(new ApiError({ code: 'ACCOUNT_NOT_FOUND', message: '该手机号未注册，请先注册', status: 404 }))
  const page = loadPage(ROUTE)
  page.setData({ needPhone: true, agreed: true })
  await trigger(page, '#wechat-phone', 'getphonenumber', { code: 'phone-code' })
  expect(textOf(page, '#form-error')).toContain('该手机号未注册，请先注册')
  expect(textOf(page, '#form-error')).toContain('去注册')
})

test('declining to share the phone number does not call the API', async () => {
  const page = loadPage(ROUTE)
  page.setData({ needPhone: true, agreed: true })
  await trigger(page, '#wechat-phone', 'getphonenumber', { errMsg: 'getPhoneNumber:fail user deny' })
  expect(auth.wechatLogin).not.toHaveBeenCalled()
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '需要授权手机号才能完成绑定' }))
})

test('注册 and 《隐私服务政策》 open their pages; the policy link does not tick the box', async () => {
  const page = loadPage(ROUTE)
  await tap(page, '#register-link')
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/auth/register/index' })
  await tap(page, '#privacy-link')
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/auth/privacy/index' })
  await flush()
  expect(page.instance.data.agreed).toBe(false)
})
