// 首页: the current business (切换 among the person's others), the person's home apps with their
// badges, the annual-report reminder and the latest news — all from one GET /home. 切换账号 signs out.
const home = require('../../../services/home')
const session = require('../../../utils/session')
const account = require('../../../utils/account')
const wxAsync = require('../../../utils/wx-async')
const nav = require('../../../utils/nav')
const { decorate } = require('../../../utils/app-icons')
const { chinaDate } = require('../../../utils/datetime')

// wx.showActionSheet shows at most 6 items; longer lists are chosen on the 我的 tab.
const ACTION_SHEET_MAX = 6
const MINE_TAB = '/pages/mine/index/index'
const EDIT_PAGE = '/pages/home/edit/index'
const ANNUAL_PAGE = '/pages/annual/index'
const NEWS_DETAIL_PAGE = '/pages/news/detail/index'

/** The reply as the template shows it. */
function view(data) {
  const annual = data.annual_report || null
  return {
    person: data.person || null,
    business: data.current_business || null,
    others: data.other_businesses || [],
    apps: (data.apps || []).map(decorate),
    annual,
    news: (data.news || []).map(n => Object.assign({}, n, { day: chinaDate(n.published_at) })),
  }
}

Page({
  data: {
    loggedIn: false,
    loading: false,
    error: '',
    home: null,
    switching: false,
  },

  onShow() {
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    if (!session.isLoggedIn()) {
      this.setData({ loggedIn: false, home: null, loading: false, error: '' })
      return Promise.resolve()
    }
    // Only the newest load may write: onShow and pull-down refresh can overlap.
    const seq = (this._loadSeq = (this._loadSeq || 0) + 1)
    this.setData({ loggedIn: true, loading: !this.data.home, error: '' })
    return home
      .getHome({ showError: false })
      .then(data => {
        if (seq !== this._loadSeq) return
        this.setData({ home: view(data), loading: false, error: '' })
      })
      .catch(err => {
        if (seq !== this._loadSeq) return
        if (!session.isLoggedIn()) {
          // The session ended (request.js is already on its way to the login page).
          this.setData({ loggedIn: false, home: null, loading: false })
          return
        }
        // Keep showing what we had; say the refresh failed.
        this.setData({ loading: false, error: (err && err.message) || '加载失败' })
      })
  },

  goLogin() {
    wx.navigateTo({ url: account.LOGIN_PAGE })
  },

  goMine() {
    wx.switchTab({ url: MINE_TAB })
  },

  goEdit() {
    wx.navigateTo({ url: EDIT_PAGE })
  },

  goAnnual() {
    return nav.open(ANNUAL_PAGE)
  },

  openApp(e) {
    const code = e.currentTarget.dataset.code
    const app = ((this.data.home && this.data.home.apps) || []).find(a => a.code === code)
    return nav.open(app ? app.page : '')
  },

  openNews(e) {
    return nav.open(NEWS_DETAIL_PAGE + '?id=' + e.currentTarget.dataset.id)
  },

  switchBusiness() {
    if (this.data.switching || !this.data.home) return Promise.resolve()
    const others = this.data.home.others
    if (!others.length) {
      wx.showToast({ title: '暂无其他经营主体，可在“我的”中添加', icon: 'none' })
      return Promise.resolve()
    }
    if (others.length > ACTION_SHEET_MAX) {
      this.goMine()
      return Promise.resolve()
    }
    return wxAsync
      .actionSheet(others.map(b => b.name))
      .then(index => {
        if (index < 0) return null
        this.setData({ switching: true })
        // The new tokens carry the chosen business; the home reply is per business, so reload it.
        return account.switchBusiness(others[index].id).then(() => {
          this.setData({ switching: false })
          wx.showToast({ title: '已切换经营主体', icon: 'success' })
          return this.load()
        })
      })
      .catch(() => {
        // request.js has shown the API's message already.
        this.setData({ switching: false })
      })
  },

  // 切换账号: the seed says it goes straight to the login page.
  switchAccount() {
    account.signOut()
    wx.reLaunch({ url: account.LOGIN_PAGE })
  },
})
