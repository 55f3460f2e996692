// The pages app.json registers, and a wx.navigateTo that fails for any other page the way the
// runtime does ("navigateTo:fail page … is not found") and refuses tab pages.
const fs = require('fs')
const path = require('path')
const { ROOT } = require('./page')

function appJson() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'app.json'), 'utf8'))
}

/** Main pages and every subpackage page, as routes ('pages/appeals/index'). */
function allPages(app = appJson()) {
  const pages = app.pages.slice()
  ;(app.subPackages || app.subpackages || []).forEach(sub => {
    sub.pages.forEach(page => pages.push(sub.root.replace(/\/+$/, '') + '/' + page))
  })
  return pages
}

const route = url => String(url).split('?')[0].replace(/^\/+/, '')

/** Make wx.navigateTo behave like the runtime for this app.json. */
function routeNavigation(wx) {
  const app = appJson()
  const tabs = app.tabBar.list.map(item => item.pagePath)
  wx.__failures.navigateTo = options => {
    const page = route(options.url)
    if (tabs.includes(page)) return { errMsg: 'navigateTo:fail can not navigateTo a tabbar page' }
    if (!allPages(app).includes(page)) return { errMsg: 'navigateTo:fail page "' + page + '" is not found' }
    return null
  }
}

module.exports = { appJson, allPages, routeNavigation }
