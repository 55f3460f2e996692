// Opening a page named by the API (a home app's `page`, a news item): apps in the catalogue may point
// at pages this build does not have yet; those say "该功能即将上线" instead of failing.
const SOON_MESSAGE = '该功能即将上线'

/** '/pages/x/index?id=1' → 'pages/x/index'. */
function routeOf(url) {
  return String(url || '')
    .split('?')[0]
    .replace(/^\/+/, '')
}

// The runtime's copy of app.json (WeChat exposes it as __wxConfig); absent in tests and some tools,
// in which case the navigation itself tells us (fail: "page … is not found").
function runtimeConfig() {
  // eslint-disable-next-line no-undef
  return typeof __wxConfig !== 'undefined' && __wxConfig ? __wxConfig : null
}

/** Every page of an app.json-shaped config: main pages plus each subpackage's root + page. */
function allPages(cfg) {
  const pages = (cfg.pages || []).slice()
  const subs = cfg.subPackages || cfg.subpackages || []
  subs.forEach(sub => {
    const root = String(sub.root || '').replace(/\/+$/, '')
    ;(sub.pages || []).forEach(page => pages.push(root + '/' + page))
  })
  return pages
}

/** true / false when the runtime lists its pages, null when it cannot tell. */
function isRegistered(url) {
  const cfg = runtimeConfig()
  if (!cfg || !Array.isArray(cfg.pages)) return null
  return allPages(cfg).indexOf(routeOf(url)) >= 0
}

function isTabPage(url) {
  const cfg = runtimeConfig()
  const list = cfg && cfg.tabBar && Array.isArray(cfg.tabBar.list) ? cfg.tabBar.list : []
  return list.some(item => routeOf(item.pagePath) === routeOf(url))
}

function soon() {
  wx.showToast({ title: SOON_MESSAGE, icon: 'none' })
}

/**
 * Open `url` (absolute '/pages/…'). Resolves true when the page opened, false when it is not in this
 * build (a toast says so). Tab pages are opened with switchTab.
 */
function open(url) {
  if (!url) {
    soon()
    return Promise.resolve(false)
  }
  const path = '/' + routeOf(url)
  if (isRegistered(url) === false) {
    soon()
    return Promise.resolve(false)
  }
  const go = (api, target) =>
    new Promise(resolve => {
      wx[api]({
        url: target,
        success: () => resolve({ ok: true }),
        fail: err => resolve({ ok: false, err }),
      })
    })
  const first = isTabPage(url) ? go('switchTab', path) : go('navigateTo', url.charAt(0) === '/' ? url : '/' + url)
  return first.then(res => {
    if (res.ok) return true
    const msg = (res.err && res.err.errMsg) || ''
    // navigateTo refuses tab pages: open it as a tab instead.
    if (/tab ?bar/i.test(msg)) return go('switchTab', path).then(r => r.ok || (soon(), false))
    soon()
    return false
  })
}

module.exports = { SOON_MESSAGE, routeOf, allPages, isRegistered, isTabPage, open }
