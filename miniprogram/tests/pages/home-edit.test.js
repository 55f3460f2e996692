jest.mock('../../services/home')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, attr, tap } = require('../helpers/page')
const f = require('../helpers/fixtures')
const home = require('../../services/home')
const { ApiError } = require('../../utils/request')

const ROUTE = 'pages/home/edit/index'

let wx
beforeEach(() => {
  wx = installWx()
})

const layout = (mine, available) => ({ apps: mine.map(c => f.app(c)), available: available.map(c => f.app(c)) })

function open(reply = layout(['policies', 'benefits', 'annual_report'], ['appeals', 'laws'])) {
  home.getMyApps.mockResolvedValue(reply)
  const page = loadPage(ROUTE)
  return flush().then(() => page)
}

const idOf = node => ((node.toJSON().attrs || []).find(a => a.name === 'id') || {}).value
const mineCodes = page => page.querySelectorAll('.edit__mine').map(n => idOf(n).replace('mine-', ''))
const availableCodes = page => page.querySelectorAll('.edit__available').map(n => idOf(n).replace('available-', ''))
const saveDisabled = page => attr(page, '#save', 'disabled') === true

test('lists 我的应用 in order and 更多应用, with 保存 disabled until something changes', async () => {
  const page = await open()
  expect(home.getMyApps).toHaveBeenCalledTimes(1)
  expect(mineCodes(page)).toEqual(['policies', 'benefits', 'annual_report'])
  expect(availableCodes(page)).toEqual(['appeals', 'laws'])
  expect(textOf(page, '#mine-benefits .edit__name')).toBe('免申即享')
  expect(textOf(page, '#available-laws .edit__name')).toContain('法律法规')
  expect(saveDisabled(page)).toBe(true)

  await tap(page, '#save')
  expect(home.saveApps).not.toHaveBeenCalled()
})

test('remove, add and reorder, then 保存 sends the codes in the new order and goes back', async () => {
  const page = await open()
  home.saveApps.mockImplementation(codes =>
    Promise.resolve(layout(codes, ['policies', 'appeals', 'laws'].filter(c => !codes.includes(c))))
  )

  await tap(page, '#remove-policies')
  expect(mineCodes(page)).toEqual(['benefits', 'annual_report'])
  expect(availableCodes(page)).toEqual(['appeals', 'laws', 'policies'])

  await tap(page, '#add-laws')
  expect(mineCodes(page)).toEqual(['benefits', 'annual_report', 'laws'])
  expect(availableCodes(page)).toEqual(['appeals', 'policies'])

  await tap(page, '#up-laws')
  await tap(page, '#up-laws')
  expect(mineCodes(page)).toEqual(['laws', 'benefits', 'annual_report'])
  await tap(page, '#down-benefits')
  expect(mineCodes(page)).toEqual(['laws', 'annual_report', 'benefits'])
  // the ends do not move further
  await tap(page, '#up-laws')
  await tap(page, '#down-benefits')
  expect(mineCodes(page)).toEqual(['laws', 'annual_report', 'benefits'])
  expect(saveDisabled(page)).toBe(false)

  await tap(page, '#save')
  await flush()
  expect(home.saveApps).toHaveBeenCalledTimes(1)
  expect(home.saveApps).toHaveBeenCalledWith(['laws', 'annual_report', 'benefits'], expect.any(Object))
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '保存成功' }))
  expect(wx.navigateBack).toHaveBeenCalled()
})

test('undoing the edits disables 保存 again', async () => {
  const page = await open()
  await tap(page, '#down-policies')
  expect(saveDisabled(page)).toBe(false)
  await tap(page, '#up-policies')
  expect(mineCodes(page)).toEqual(['policies', 'benefits', 'annual_report'])
  expect(saveDisabled(page)).toBe(true)
})

test('a refused save stays on the page with the lists as edited', async () => {
  const page = await open()
  home.saveApps.mockRejectedValue(new ApiError({ code: 'HOME_APP_UNKNOWN', message: '应用不存在或已停用', status: 400 }))
  await tap(page, '#remove-benefits')
  await tap(page, '#save')
  await flush()
  expect(home.saveApps).toHaveBeenCalledWith(['policies', 'annual_report'], expect.any(Object))
  expect(wx.navigateBack).not.toHaveBeenCalled()
  expect(mineCodes(page)).toEqual(['policies', 'annual_report'])
  expect(page.instance.data.saving).toBe(false)
})

test('恢复默认 asks first, then resets and shows the default layout', async () => {
  const page = await open(layout(['laws'], ['policies', 'benefits', 'annual_report', 'appeals']))
  home.resetApps.mockResolvedValue(layout(['policies', 'benefits', 'annual_report', 'appeals'], ['laws']))

  wx.__responses.showModal = { confirm: false, cancel: true }
  await tap(page, '#reset')
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '恢复默认' }))
  expect(home.resetApps).not.toHaveBeenCalled()

  wx.__responses.showModal = { confirm: true }
  await tap(page, '#reset')
  await flush()
  expect(home.resetApps).toHaveBeenCalledTimes(1)
  expect(mineCodes(page)).toEqual(['policies', 'benefits', 'annual_report', 'appeals'])
  expect(availableCodes(page)).toEqual(['laws'])
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已恢复默认' }))
  expect(saveDisabled(page)).toBe(true)
})

test('empty lists have their own states', async () => {
  const page = await open(layout([], []))
  expect(textOf(page, '#mine-empty')).toContain('首页暂无应用')
  expect(textOf(page, '#available-empty')).toBe('全部应用都已在首页')
})

test('a failed load shows the Chinese message and retries', async () => {
  home.getMyApps.mockRejectedValueOnce(new ApiError({ code: 'NETWORK_ERROR', message: '网络异常，请检查网络后重试' }))
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#error')).toContain('网络异常，请检查网络后重试')
  home.getMyApps.mockResolvedValueOnce(layout(['policies'], ['laws']))
  await tap(page, '#error .state__action')
  expect(exists(page, '#error')).toBe(false)
  expect(mineCodes(page)).toEqual(['policies'])
})
