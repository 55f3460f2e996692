// 适老化 mode: remembered in storage, mirrored in app.globalData, applied to every page by the Page() hook.
const { installWx } = require('../helpers/wx-mock')
const a11y = require('../../utils/a11y')

let wx
beforeEach(() => {
  wx = installWx()
  delete global.getApp
})

test('off by default; set() remembers the choice in storage and in app.globalData', () => {
  const app = { globalData: {} }
  global.getApp = () => app
  expect(a11y.isOn()).toBe(false)
  expect(a11y.className()).toBe('')
  a11y.set(true)
  expect(wx.setStorageSync).toHaveBeenCalledWith('getitong.elderMode', true)
  expect(app.globalData.elderMode).toBe(true)
  expect(a11y.className()).toBe('elder')
  delete global.getApp
  expect(a11y.isOn()).toBe(true) // from storage alone, e.g. before App() ran
})

test('the Page() hook gives every page a11yClass on load and on each show, then runs its own hooks', () => {
  const defined = []
  const scope = { Page: def => defined.push(def) }
  scope.Page = a11y.hookPage(scope.Page)
  expect(a11y.hookPage(scope.Page)).toBe(scope.Page) // only once
  const onShow = jest.fn()
  scope.Page({ data: { x: 1 }, onShow })
  const def = defined[0]
  expect(def.data).toEqual({ a11yClass: '', x: 1 })

  const page = { data: Object.assign({}, def.data), setData: jest.fn(d => Object.assign(page.data, d)) }
  def.onLoad.call(page, {})
  expect(page.setData).not.toHaveBeenCalled()
  wx.setStorageSync('getitong.elderMode', true)
  def.onShow.call(page)
  expect(page.data.a11yClass).toBe('elder')
  expect(onShow).toHaveBeenCalledTimes(1)
})

test('every page root carries the a11yClass, and every control (inputs, buttons, tappable views) has an aria-label', () => {
  const fs = require('fs')
  const path = require('path')
  const { allPages } = require('../helpers/app-routes')
  const ROOT = path.resolve(__dirname, '../..')
  allPages()
    .filter(p => p !== 'pages/annual/webview/index')
    .forEach(p => expect(fs.readFileSync(path.join(ROOT, p + '.wxml'), 'utf8')).toContain('{{a11yClass}}'))
  const components = fs.readdirSync(path.join(ROOT, 'components')).map(c => 'components/' + c + '/index')
  allPages()
    .concat(components)
    .forEach(p => {
      const wxml = fs.readFileSync(path.join(ROOT, p + '.wxml'), 'utf8')
      const controls = (wxml.match(/<(button|input|textarea|switch|picker|checkbox|radio|slider)\b[^>]*>/g) || []).concat(
        wxml.match(/<(view|text|image)\b[^>]*(bind|catch)tap[^>]*>/g) || []
      )
      controls.forEach(tag => expect([p, tag, /aria-label=/.test(tag)]).toEqual([p, tag, true]))
    })
})
