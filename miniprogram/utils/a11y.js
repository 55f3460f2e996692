// 适老化 mode: larger type, higher contrast, bigger touch targets. The choice is remembered in wx
// storage and mirrored in app.globalData; every page gets it as the `a11yClass` data field ('elder'
// or ''), which its root view carries, so app.wxss can restyle the shared classes under `.elder`.
const STORAGE_KEY = 'getitong.elderMode'
const CLASS_NAME = 'elder'

function appData() {
  try {
    const app = typeof getApp === 'function' ? getApp() : null
    return app && app.globalData ? app.globalData : null
  } catch (err) {
    return null
  }
}

/** True when 适老化 mode is on (globalData first, then storage). */
function isOn() {
  const g = appData()
  if (g && typeof g.elderMode === 'boolean') return g.elderMode
  return wx.getStorageSync(STORAGE_KEY) === true
}

/** Switch the mode and remember it. */
function set(on) {
  const value = !!on
  wx.setStorageSync(STORAGE_KEY, value)
  const g = appData()
  if (g) g.elderMode = value
  return value
}

/** The class for a page's root view. */
function className() {
  return isOn() ? CLASS_NAME : ''
}

/** Keep `a11yClass` of a page instance in step with the mode (called on load and each show). */
function sync(page) {
  const cls = className()
  if (page.data && page.data.a11yClass !== cls) page.setData({ a11yClass: cls })
}

/** Wrap a Page definition so onLoad/onShow first apply the mode. */
function withA11y(def) {
  const out = Object.assign({}, def)
  out.data = Object.assign({ a11yClass: '' }, def.data)
  ;['onLoad', 'onShow'].forEach(hook => {
    const original = def[hook]
    out[hook] = function (...args) {
      sync(this)
      return original ? original.apply(this, args) : undefined
    }
  })
  return out
}

/** A Page() that applies withA11y first (app.js replaces the global Page with it, before any page loads). */
function hookPage(original) {
  if (typeof original !== 'function' || original.__a11y) return original
  const wrapped = def => original(withA11y(def))
  wrapped.__a11y = true
  return wrapped
}

module.exports = { STORAGE_KEY, CLASS_NAME, isOn, set, className, sync, withA11y, hookPage }
