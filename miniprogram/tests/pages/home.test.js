jest.mock('../../services/home')
jest.mock('../../services/me')
jest.mock('../../services/auth')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap } = require('../helpers/page')
const { routeNavigation } = require('../helpers/app-routes')
const f = require('../helpers/fixtures')
const home = require('../../services/home')
const me = require('../../services/me')
const auth = require('../../services/auth')
const session = require('../../utils/session')
const { ApiError } = require('../../utils/request')

const ROUTE = 'pages/home/index/index'

let wx
beforeEach(() => {
  wx = installWx()
  routeNavigation(wx)
  auth.logout.mockResolvedValue(null)
})

function signIn(reply = f.homeReply()) {
  session.save({ token: f.token(1), profile: f.profile() })
  home.getHome.mockResolvedValue(reply)
}

const idOf = node => ((node.toJSON().attrs || []).find(a => a.name === 'id') || {}).value
const appCodes = page => page.querySelectorAll('#app-grid .home__app').map(idOf)
const texts = (page, selector) => page.querySelectorAll(selector).map(n => n.dom.textContent.trim())
const badgeOf = (page, code) => textOf(page, '#app-' + code + ' .home__badge')

test('未登录: shows the login entry and opens the login page on tap', async () => {
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#login-entry')).toContain('未登录')
  expect(home.getHome).not.toHaveBeenCalled()
  await tap(page, '#login-entry')
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/auth/login/index' }))
})

test('one GET /home fills the business card: name, credit code and kind', async () => {
  signIn()
  const page = loadPage(ROUTE)
  await flush()
  expect(home.getHome).toHaveBeenCalledTimes(1)
  expect(me.getMe).not.toHaveBeenCalled()
  expect(textOf(page, '#business-name')).toBe('下陆区张三便利店')
  expect(textOf(page, '#business-uscc')).toBe(f.uscc())
  expect(textOf(page, '#business-kind')).toBe('个体工商户')
  expect(exists(page, '#login-entry')).toBe(false)
})

test('the app grid follows the order of `apps`, with a red badge only where badge_count > 0', async () => {
  signIn(
    f.homeReply({
      apps: [
        f.app('appeals', { badge_count: 3 }),
        f.app('policies', { badge_count: 0 }),
        f.app('benefits', { badge_count: 120 }),
        f.app('annual_report', { badge_count: 1 }),
      ],
    })
  )
  const page = loadPage(ROUTE)
  await flush()
  expect(appCodes(page)).toEqual(['app-appeals', 'app-policies', 'app-benefits', 'app-annual_report', 'more-apps'])
  expect(textOf(page, '#app-appeals .home__app-name')).toBe('诉求反馈')
  expect(textOf(page, '#app-policies .home__icon')).toBe('政')
  expect(badgeOf(page, 'appeals')).toBe('3')
  expect(badgeOf(page, 'policies')).toBeNull()
  expect(badgeOf(page, 'benefits')).toBe('99+')
  expect(badgeOf(page, 'annual_report')).toBe('1')
})

test('tapping an app opens its page (政策查询 is built too)', async () => {
  signIn()
  const page = loadPage(ROUTE)
  await flush()

  await tap(page, '#app-annual_report')
  expect(wx.navigateTo).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/pages/annual/index' }))
  expect(wx.showToast).not.toHaveBeenCalled()

  await tap(page, '#app-policies')
  expect(wx.navigateTo).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/pages/policies/index' }))
  expect(wx.showToast).not.toHaveBeenCalled()
})

test('the annual-report reminder shows while the report is due and opens the annual page', async () => {
  signIn()
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#annual-reminder')).toContain('2025年度报告尚未报送')
  expect(textOf(page, '#annual-reminder')).toContain('2026-06-30')
  expect(textOf(page, '#annual-reminder')).toContain('剩余42天')
  await tap(page, '#annual-reminder')
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/annual/index' }))
})

test('no reminder once the report is in', async () => {
  signIn(f.homeReply({ annual_report: f.annualStatus({ status: 'reported', status_label: '已报送', reminder: false }) }))
  const page = loadPage(ROUTE)
  await flush()
  expect(exists(page, '#annual-reminder')).toBe(false)
})

test('the latest news are listed with their dates', async () => {
  signIn()
  const page = loadPage(ROUTE)
  await flush()
  expect(texts(page, '.home__news-title')).toEqual(['关于开展个体工商户年报工作的通知', '市场监管局发布惠企政策'])
  expect(texts(page, '.home__news-item .hint')).toEqual(['2026-05-02', '2026-05-01'])
  expect(exists(page, '#news-empty')).toBe(false)
})

test('empty apps and news have their own states; 编辑 and 更多 open the editor', async () => {
  signIn(f.homeReply({ apps: [], news: [] }))
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#apps-empty')).toContain('首页暂无应用')
  expect(textOf(page, '#news-empty')).toBe('暂无资讯')
  await tap(page, '#edit-apps')
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/home/edit/index' })
})

test('更多 at the end of the grid opens the editor too', async () => {
  signIn()
  const page = loadPage(ROUTE)
  await flush()
  await tap(page, '#more-apps')
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/home/edit/index' })
})

test('a failed first load shows the API message in Chinese with a retry', async () => {
  session.setToken(f.token(1))
  home.getHome.mockRejectedValueOnce(
    new ApiError({ code: 'BUSINESS_NOT_LINKED', message: '您未关联该经营主体', status: 403 })
  )
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#error')).toContain('您未关联该经营主体')
  expect(exists(page, '#app-grid')).toBe(false)

  home.getHome.mockResolvedValueOnce(f.homeReply())
  await tap(page, '#error .state__action')
  expect(textOf(page, '#business-name')).toBe('下陆区张三便利店')
  expect(exists(page, '#error')).toBe(false)
})

test('a failed refresh keeps the screen and says why', async () => {
  signIn()
  const page = loadPage(ROUTE)
  await flush()
  home.getHome.mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR', message: '网络异常，请检查网络后重试' }))
  await page.instance.onPullDownRefresh()
  await flush()
  expect(textOf(page, '#business-name')).toBe('下陆区张三便利店')
  expect(textOf(page, '#error')).toContain('网络异常，请检查网络后重试')
  expect(wx.stopPullDownRefresh).toHaveBeenCalled()
})

test('showing the tab again (back from the editor) reloads the home screen', async () => {
  signIn()
  const page = loadPage(ROUTE)
  await flush()
  home.getHome.mockResolvedValueOnce(f.homeReply({ apps: [f.app('laws', { badge_count: 0 })] }))
  await page.instance.onShow()
  await flush()
  expect(home.getHome).toHaveBeenCalledTimes(2)
  expect(appCodes(page)).toEqual(['app-laws', 'more-apps'])
})

test('切换 lists the other businesses, switches, and reloads the home screen for the new one', async () => {
  signIn()
  const other = f.profile().businesses[1]
  me.switchBusiness.mockResolvedValue({ token: f.token(2), profile: f.profile({ current_business: other }) })
  wx.__responses.showActionSheet = { tapIndex: 0 }
  const page = loadPage(ROUTE)
  await flush()

  home.getHome.mockResolvedValueOnce(
    f.homeReply({ current_business: other, other_businesses: [f.profile().businesses[0]] })
  )
  await tap(page, '#switch-business')
  await flush()
  expect(wx.showActionSheet).toHaveBeenCalledWith(expect.objectContaining({ itemList: ['下陆区张三小吃店'] }))
  expect(me.switchBusiness).toHaveBeenCalledWith(11, expect.any(Object))
  expect(home.getHome).toHaveBeenCalledTimes(2)
  expect(textOf(page, '#business-name')).toBe('下陆区张三小吃店')
  expect(session.getAccessToken()).toBe('access-2')
})

test('cancelling the action sheet changes nothing', async () => {
  signIn()
  wx.__failures.showActionSheet = { errMsg: 'showActionSheet:fail cancel' }
  const page = loadPage(ROUTE)
  await flush()
  await tap(page, '#switch-business')
  expect(me.switchBusiness).not.toHaveBeenCalled()
  expect(home.getHome).toHaveBeenCalledTimes(1)
  expect(textOf(page, '#business-name')).toBe('下陆区张三便利店')
})

test('with a single business 切换 says there is nothing to switch to', async () => {
  signIn(f.homeReply({ other_businesses: [] }))
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

test('a person with no business is invited to add one', async () => {
  signIn(f.homeReply({ current_business: null, other_businesses: [], annual_report: null }))
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#no-business')).toContain('尚未关联经营主体')
  expect(exists(page, '#annual-reminder')).toBe(false)
})
