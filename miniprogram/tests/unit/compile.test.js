// Every WXML and WXSS file goes through WeChat's own compilers (wcc / wcsc, shipped in the
// miniprogram-compiler package), so a template the simulator would tolerate but the real
// runtime would reject fails here.
const path = require('path')
const fs = require('fs')
const compiler = require('miniprogram-compiler')
const { allPages } = require('../helpers/app-routes')

const ROOT = path.resolve(__dirname, '../..')

test('all WXML compiles with the official compiler', () => {
  expect(() => compiler.wxmlToJs(ROOT)).not.toThrow()
})

test('all WXSS compiles with the official compiler', () => {
  expect(() => compiler.wxssToJs(ROOT)).not.toThrow()
})

test('app.json lists pages that exist, with the tab bar on 首页 and 我的', () => {
  const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
  allPages(app).forEach(page => {
    ;['js', 'json', 'wxml', 'wxss'].forEach(ext => {
      expect(fs.existsSync(path.join(ROOT, page + '.' + ext))).toBe(true)
    })
  })
  expect(app.tabBar.list.map(item => [item.pagePath, item.text])).toEqual([
    ['pages/home/index/index', '首页'],
    ['pages/mine/index/index', '我的'],
  ])
  app.tabBar.list.forEach(item => {
    expect(fs.existsSync(path.join(ROOT, item.iconPath))).toBe(true)
    expect(fs.existsSync(path.join(ROOT, item.selectedIconPath))).toBe(true)
  })
})

test('every home app of the default catalogue opens a page of this build (or one still to come)', () => {
  // The catalogue is the backend's (read, never edited here); every app it names opens a page path.
  const catalog = fs.readFileSync(path.join(ROOT, '..', 'backend', 'getitong', 'home', 'catalog.py'), 'utf8')
  const pages = allPages()
  const targets = Array.from(catalog.matchAll(/"(\/pages\/[^"]+)"/g)).map(m => m[1].slice(1))
  expect(targets.length).toBeGreaterThan(5)
  const built = ['pages/annual/index', 'pages/appeals/index', 'pages/risk/index', 'pages/news/index', 'pages/laws/index', 'pages/loans/index', 'pages/recognition/index', 'pages/party/index', 'pages/policies/index', 'pages/benefits/index', 'pages/credit/index']
  built.forEach(page => expect(targets).toContain(page))
  built.forEach(page => expect(pages).toContain(page))
})

test('subpackage roots do not overlap the main package or each other', () => {
  const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
  const roots = (app.subPackages || []).map(s => s.root.replace(/\/+$/, '') + '/')
  roots.forEach((root, i) => {
    app.pages.forEach(page => expect(page.startsWith(root)).toBe(false))
    roots.forEach((other, j) => {
      if (i !== j) expect(other.startsWith(root)).toBe(false)
    })
  })
})

test('every usingComponents entry points at a four-file component', () => {
  allPages().forEach(page => {
    const json = JSON.parse(fs.readFileSync(path.join(ROOT, page + '.json'), 'utf8'))
    Object.values(json.usingComponents || {}).forEach(ref => {
      const abs = ref.startsWith('/') ? path.join(ROOT, ref) : path.join(ROOT, path.dirname(page), ref)
      ;['js', 'json', 'wxml', 'wxss'].forEach(ext => expect(fs.existsSync(abs + '.' + ext)).toBe(true))
    })
  })
})
