// Every WXML and WXSS file goes through WeChat's own compilers (wcc / wcsc, shipped in the
// miniprogram-compiler package), so a template the simulator would tolerate but the real
// runtime would reject fails here.
const path = require('path')
const fs = require('fs')
const compiler = require('miniprogram-compiler')

const ROOT = path.resolve(__dirname, '../..')

test('all WXML compiles with the official compiler', () => {
  expect(() => compiler.wxmlToJs(ROOT)).not.toThrow()
})

test('all WXSS compiles with the official compiler', () => {
  expect(() => compiler.wxssToJs(ROOT)).not.toThrow()
})

test('app.json lists pages that exist, with the tab bar on 首页 and 我的', () => {
  const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
  app.pages.forEach(page => {
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
