// 个体通 mini-program entry. Session state lives in utils/session.js (wx storage), so pages need
// nothing from globalData; the home and mine tabs refresh the profile each time they show.
// 适老化 mode (utils/a11y.js) is read once here and applied to every page through a Page() hook.
const a11y = require('./utils/a11y')

// The usual page-hook pattern: every Page({...}) after this line goes through a11y.withA11y.
// eslint-disable-next-line no-global-assign
Page = a11y.hookPage(Page)

App({
  globalData: {
    elderMode: wx.getStorageSync(a11y.STORAGE_KEY) === true,
  },
})
