jest.mock('../../services/me')
jest.mock('../../services/auth')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap } = require('../helpers/page')
const f = require('../helpers/fixtures')
const me = require('../../services/me')
const auth = require('../../services/auth')
const session = require('../../utils/session')
const { ApiError } = require('../../utils/request')

const ROUTE = 'pages/home/index/index'

let wx
beforeEach(() => {
  wx = installWx()
  auth.logout.mockResolvedValue(null)
})

function signIn(profile = f.profile()) {
  session.save({ token: f.token(1), profile })
  me.getMe.mockResolvedValue(profile)
}

test('未登录: shows the login entry and opens the login page on tap', async () => {
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#login-entry')).toContain('未登录')
  expect(me.getMe).not.toHaveBeenCalled()
  await tap(page, '#login-entry')
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/auth/login/index' })
})

test('signed in: shows the current business with its name and credit code, refreshed from /me', async () => {
  signIn()
  const page = loadPage(ROUTE)
  await flush()
  expect(me.getMe).toHaveBeenCalledTimes(1)
  expect(textOf(page, '#business-name')).toBe('下陆区张三便利店')
  expect(textOf(page, '#business-uscc')).toBe(f.uscc())
  expect(exists(page, '#login-entry')).toBe(false)
})

test('切换 lists the other businesses and switches to the chosen one', async () => {
  const before = f.profile()
  signIn(before)
  const after = f.profile({ current_business: before.businesses[1] })
  me.switchBusiness.mockResolvedValue({ token: f.token(2), profile: after })
  wx.__responses.showActionSheet = { tapIndex: 0 }
  const page = loadPage(ROUTE)
  await flush()

  await tap(page, '#switch-business')
  expect(wx.showActionSheet).toHaveBeenCalledWith(expect.objectContaining({ itemList: ['下陆区张三小吃店'] }))
  expect(me.switchBusiness).toHaveBeenCalledWith(11, expect.any(Object))
  expect(textOf(page, '#business-name')).toBe('下陆区张三小吃店')
  expect(session.getAccessToken()).toBe('access-2')
  expect(session.getProfile().current_business.id).toBe(11)
})

test('cancelling the action sheet changes nothing', async () => {
  signIn()
  wx.__failures.showActionSheet = { errMsg: 'showActionSheet:fail cancel' }
  const page = loadPage(ROUTE)
  await flush()
  await tap(page, '#switch-business')
  expect(me.switchBusiness).not.toHaveBeenCalled()
  expect(textOf(page, '#business-name')).toBe('下陆区张三便利店')
})

test('with a single business 切换 says there is nothing to switch to', async () => {
  const only = f.business()
  signIn(f.profile({ businesses: [only], current_business: only }))
  const page = loadPage(ROUTE)
  await flush()
  await tap(page, '#switch-business')
  expect(wx.showActionSheet).not.toHaveBeenCalled()
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '暂无其他经营主体，可在“我的”中添加' }))
})

test('切换账号 signs out and goes straight to the login page', async () => {
  signIn()
  const page = loadPage(ROUTE)
  await flush()
  await tap(page, '#switch-account')
  expect(auth.logout).toHaveBeenCalledWith('refresh-1', expect.any(Object))
  expect(session.isLoggedIn()).toBe(false)
  expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/auth/login/index' })
})

test('a failed first load shows an error with a retry', async () => {
  session.setToken(f.token(1))
  me.getMe.mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR', message: '网络异常，请检查网络后重试' }))
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#error')).toContain('网络异常，请检查网络后重试')

  me.getMe.mockResolvedValueOnce(f.profile())
  await tap(page, '#error .state__action')
  expect(textOf(page, '#business-name')).toBe('下陆区张三便利店')
})

test('a person with no business is invited to add one', async () => {
  signIn(f.profile({ businesses: [], current_business: null }))
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#no-business')).toContain('尚未关联经营主体')
})
