// utils/nav.js (opening pages the API names), utils/app-icons.js, utils/datetime.js.
const { installWx } = require('../helpers/wx-mock')
const { routeNavigation, appJson } = require('../helpers/app-routes')
const nav = require('../../utils/nav')
const icons = require('../../utils/app-icons')
const { chinaDate } = require('../../utils/datetime')

let wx
beforeEach(() => {
  wx = installWx()
  routeNavigation(wx)
})
afterEach(() => {
  delete global.__wxConfig
})

describe('nav.open', () => {
  test('a registered page opens with navigateTo', async () => {
    await expect(nav.open('/pages/annual/index')).resolves.toBe(true)
    expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/annual/index' }))
    expect(wx.showToast).not.toHaveBeenCalled()
  })

  test('a page this build lacks says 该功能即将上线', async () => {
    await expect(nav.open('/pages/not-built-yet/index')).resolves.toBe(false)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该功能即将上线', icon: 'none' }))
  })

  test('a tab page refused by navigateTo is opened with switchTab', async () => {
    await expect(nav.open('/pages/mine/index/index')).resolves.toBe(true)
    expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/mine/index/index' }))
  })

  test('with the runtime config the check is made before navigating', async () => {
    const app = appJson()
    global.__wxConfig = { pages: app.pages, subPackages: app.subPackages, tabBar: app.tabBar }
    await expect(nav.open('/pages/not-built-yet/index')).resolves.toBe(false)
    expect(wx.navigateTo).not.toHaveBeenCalled()
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该功能即将上线' }))

    await nav.open('/pages/mine/index/index')
    expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/mine/index/index' }))
    expect(wx.navigateTo).not.toHaveBeenCalled()

    await nav.open('/pages/annual/index?from=home')
    expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/annual/index?from=home' }))
  })

  test('a page of a subpackage counts as registered', async () => {
    const app = appJson()
    global.__wxConfig = { pages: app.pages, subPackages: app.subPackages, tabBar: app.tabBar }
    await expect(nav.open('/pages/appeals/index')).resolves.toBe(true)
    expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/appeals/index' }))
  })

  test('no page at all is 即将上线 too', async () => {
    await expect(nav.open('')).resolves.toBe(false)
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该功能即将上线' }))
  })
})

describe('app icons', () => {
  test('known keys get their glyph, unknown ones the first character of the name, images stay images', () => {
    expect(icons.iconFor({ code: 'policies', name: '政策查询', icon: 'policy' })).toEqual(
      expect.objectContaining({ glyph: '政', image: '' })
    )
    expect(icons.iconFor({ code: 'x', name: '新应用', icon: 'rocket' }).glyph).toBe('新')
    expect(icons.iconFor({ code: 'x', name: '新应用', icon: 'https://cdn.example.com/a.png' })).toEqual(
      expect.objectContaining({ image: 'https://cdn.example.com/a.png', glyph: '' })
    )
  })

  test('badge text: none at 0, the count, 99+ above 99', () => {
    expect(icons.decorate({ code: 'a', name: 'A', icon: 'policy', badge_count: 0 }).badgeText).toBe('')
    expect(icons.decorate({ code: 'a', name: 'A', icon: 'policy', badge_count: 7 }).badgeText).toBe('7')
    expect(icons.decorate({ code: 'a', name: 'A', icon: 'policy', badge_count: 100 }).badgeText).toBe('99+')
    expect(icons.decorate({ code: 'a', name: 'A', icon: 'policy' }).badgeText).toBe('')
  })
})

test('chinaDate reads timestamps in China time', () => {
  expect(chinaDate('2026-05-01T20:00:00+00:00')).toBe('2026-05-02')
  expect(chinaDate('2026-05-01T09:00:00+08:00')).toBe('2026-05-01')
  expect(chinaDate('2026-05-01')).toBe('2026-05-01')
  expect(chinaDate('2026-05-01T23:30:00')).toBe('2026-05-01')
  expect(chinaDate(null)).toBe('')
})
