jest.mock('../../services/me')
jest.mock('../../services/auth')
jest.mock('../../services/license')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap, input, trigger, attr } = require('../helpers/page')
const f = require('../helpers/fixtures')
const me = require('../../services/me')
const auth = require('../../services/auth')
const license = require('../../services/license')
const session = require('../../utils/session')
const { ApiError } = require('../../utils/request')

const ROUTE = 'pages/mine/index/index'

let wx
beforeEach(() => {
  wx = installWx()
  require('../../utils/regions').resetRegionCache()
  license.getRegions.mockResolvedValue(f.REGIONS)
  auth.logout.mockResolvedValue(null)
  const profile = f.profile()
  session.save({ token: f.token(1), profile })
  me.getMe.mockResolvedValue(profile)
})

async function openAddForm(page) {
  await tap(page, '#add-business')
  await flush()
  const picker = page.querySelector('#add-region').querySelector('.region-picker__picker')
  picker.dispatchEvent('change', { detail: { value: [0, 0, 0] } })
  await flush()
}

test('shows the person and every linked business, marking the current one', async () => {
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#person-name')).toBe('张三')
  const rows = page.querySelectorAll('.mine__business')
  expect(rows).toHaveLength(2)
  expect(rows[0].dom.textContent).toContain('当前')
  expect(rows[1].dom.textContent).not.toContain('当前')
})

test('tapping another business switches to it after confirmation', async () => {
  const profile = f.profile()
  me.switchBusiness.mockResolvedValue({ token: f.token(2), profile: f.profile({ current_business: profile.businesses[1] }) })
  wx.__responses.showModal = { confirm: true, cancel: false }
  const page = loadPage(ROUTE)
  await flush()
  page.querySelectorAll('.mine__business')[1].dispatchEvent('tap')
  await flush()
  expect(me.switchBusiness).toHaveBeenCalledWith(11, expect.any(Object))
  expect(session.getAccessToken()).toBe('access-2')
  expect(page.querySelectorAll('.mine__business')[1].dom.textContent).toContain('当前')
})

test('添加经营主体 checks the USCC before sending it', async () => {
  const page = loadPage(ROUTE)
  await flush()
  await openAddForm(page)
  await input(page, '#add-uscc', '92420204MA4F0000')
  await tap(page, '#add-submit')
  expect(textOf(page, '#add-uscc-error')).toBe('统一社会信用代码格式不正确')
  expect(me.addBusiness).not.toHaveBeenCalled()
})

test('添加经营主体 links the business and shows the new list', async () => {
  const third = f.business({ id: 12, uscc: f.uscc('92420204MA4F00003'), name: '下陆区张三早餐店' })
  const base = f.profile()
  me.addBusiness.mockResolvedValue(f.profile({ businesses: base.businesses.concat([third]) }))
  const page = loadPage(ROUTE)
  await flush()
  await openAddForm(page)
  await input(page, '#add-uscc', third.uscc)
  await tap(page, '#add-submit')
  expect(me.addBusiness).toHaveBeenCalledWith({ region_code: '420204', uscc: third.uscc }, expect.any(Object))
  expect(page.querySelectorAll('.mine__business')).toHaveLength(3)
  expect(exists(page, '#add-form')).toBe(false)
  expect(session.getProfile().businesses).toHaveLength(3)
})

test('an already linked business is reported under the USCC field', async () => {
  me.addBusiness.mockRejectedValue(new ApiError({ code: 'BUSINESS_ALREADY_LINKED', message: '已关联该经营主体', status: 409 }))
  const page = loadPage(ROUTE)
  await flush()
  await openAddForm(page)
  await input(page, '#add-uscc', f.uscc())
  await tap(page, '#add-submit')
  expect(textOf(page, '#add-uscc-error')).toBe('已关联该经营主体')
  expect(wx.showToast).not.toHaveBeenCalled()
})

test('退出登录 asks, revokes the refresh token and returns to login', async () => {
  wx.__responses.showModal = { confirm: true, cancel: false }
  const page = loadPage(ROUTE)
  await flush()
  await tap(page, '#logout')
  expect(auth.logout).toHaveBeenCalledWith('refresh-1', expect.any(Object))
  expect(session.isLoggedIn()).toBe(false)
  expect(wx.reLaunch).toHaveBeenCalledWith({ url: '/pages/auth/login/index' })
})

test('declining the logout question keeps the session', async () => {
  wx.__responses.showModal = { confirm: false, cancel: true }
  const page = loadPage(ROUTE)
  await flush()
  await tap(page, '#logout')
  expect(auth.logout).not.toHaveBeenCalled()
  expect(session.isLoggedIn()).toBe(true)
})

test('隐私服务政策 opens the policy page', async () => {
  const page = loadPage(ROUTE)
  await flush()
  await tap(page, '#privacy')
  expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/auth/privacy/index' })
})

describe('适老化模式', () => {
  const a11y = require('../../utils/a11y')
  const rootClass = page => page.querySelector('.mine').dom.className

  test('the switch is remembered in storage and makes the page large-type at once; it is on when the page shows again', async () => {
    let page = loadPage(ROUTE)
    await flush()
    expect(rootClass(page)).not.toContain('elder')
    await trigger(page, '#elder-switch', 'change', { value: true })
    expect(wx.setStorageSync).toHaveBeenCalledWith(a11y.STORAGE_KEY, true)
    expect(rootClass(page)).toContain('elder')
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已开启适老化模式' }))

    page = loadPage(ROUTE)
    await flush()
    expect(rootClass(page)).toContain('elder')
    expect(attr(page, '#elder-switch', 'checked')).toBe(true)

    await trigger(page, '#elder-switch', 'change', { value: false })
    expect(wx.getStorageSync(a11y.STORAGE_KEY)).toBe(false)
    expect(rootClass(page)).not.toContain('elder')
  })

  test('every control of 我的 has an aria-label', async () => {
    const page = loadPage(ROUTE)
    await flush()
    ;['#elder-switch', '#add-business', '#privacy', '#logout', '.mine__business'].forEach(sel => expect(attr(page, sel, 'aria-label')).toBeTruthy())
  })
})
