// services/home.js and services/annual.js: the right method, path and body through utils/request.js.
const { installWx } = require('../helpers/wx-mock')
const config = require('../../config')
const request = require('../../utils/request')
const session = require('../../utils/session')
const home = require('../../services/home')
const annual = require('../../services/annual')
const f = require('../helpers/fixtures')

const BASE = config.apiBase + config.apiPrefix

let wx
let calls
let reply

beforeEach(() => {
  wx = installWx()
  request._reset()
  calls = []
  reply = { statusCode: 200, data: { code: 'OK', message: '成功', data: null } }
  wx.request.mockImplementation(options => {
    calls.push(options)
    setTimeout(() => options.success(reply), 0)
  })
  session.setToken(f.token(1))
})

const ok = data => {
  reply = { statusCode: 200, data: { code: 'OK', message: '成功', data } }
}

test('getHome → GET /home with the token, resolving the reply', async () => {
  ok(f.homeReply())
  const data = await home.getHome()
  expect(calls[0]).toEqual(expect.objectContaining({ url: BASE + '/home', method: 'GET' }))
  expect(calls[0].header.Authorization).toBe('Bearer access-1')
  expect(data.apps.map(a => a.code)).toEqual(['policies', 'benefits', 'annual_report', 'appeals'])
})

test('getMyApps → GET /home/apps', async () => {
  ok({ apps: [f.app('policies')], available: [f.app('laws')] })
  const data = await home.getMyApps()
  expect(calls[0]).toEqual(expect.objectContaining({ url: BASE + '/home/apps', method: 'GET' }))
  expect(data.available[0].code).toBe('laws')
})

test('saveApps → PUT /home/apps {apps: codes in order}', async () => {
  ok({ apps: [f.app('laws'), f.app('policies')], available: [] })
  await home.saveApps(['laws', 'policies'])
  expect(calls[0]).toEqual(expect.objectContaining({ url: BASE + '/home/apps', method: 'PUT', data: { apps: ['laws', 'policies'] } }))
})

test('resetApps → DELETE /home/apps', async () => {
  ok({ apps: [], available: [] })
  await home.resetApps()
  expect(calls[0]).toEqual(expect.objectContaining({ url: BASE + '/home/apps', method: 'DELETE' }))
})

test('a refused save rejects with the code and the Chinese message, shown once as a toast', async () => {
  reply = { statusCode: 400, data: { code: 'HOME_APP_DUPLICATE', message: '首页应用不能重复', data: { codes: ['laws'] } } }
  const err = await home.saveApps(['laws', 'laws']).catch(e => e)
  expect(err).toMatchObject({ code: 'HOME_APP_DUPLICATE', status: 400, message: '首页应用不能重复' })
  expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '首页应用不能重复' }))
})

test('showError: false keeps the toast for the page to decide', async () => {
  reply = { statusCode: 500, data: 'oops' }
  await expect(home.getHome({ showError: false })).rejects.toMatchObject({ message: '服务暂不可用，请稍后再试' })
  expect(wx.showToast).not.toHaveBeenCalled()
})

test('getAnnualReport → GET /annual-report', async () => {
  ok(f.annualReport())
  const data = await annual.getAnnualReport()
  expect(calls[0]).toEqual(expect.objectContaining({ url: BASE + '/annual-report', method: 'GET' }))
  expect(data.year).toBe(2025)
  expect(data.history).toHaveLength(2)
})
