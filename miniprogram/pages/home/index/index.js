// 首页: who is signed in and for which business; 切换 (business) and 切换账号 (person).
const session = require('../../../utils/session')
const account = require('../../../utils/account')
const wxAsync = require('../../../utils/wx-async')

// wx.showActionSheet shows at most 6 items; longer lists are chosen on the 我的 tab.
const ACTION_SHEET_MAX = 6
const MINE_TAB = '/pages/mine/index/index'

Page({
  data: {
    loggedIn: false,
    loading: false,
    error: '',
    profile: null,
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
      this.setData({ loggedIn: false, profile: null, loading: false, error: '' })
      return Promise.resolve()
    }
    const cached = session.getProfile()
    this.setData({ loggedIn: true, profile: cached, loading: !cached, error: '' })
    return account
      .refreshProfile({ showError: false })
      .then(profile => {
        this.setData({ profile, loading: false })
      })
      .catch(err => {
        if (!session.isLoggedIn()) {
          // The session ended (request.js is already on its way to the login page).
          this.setData({ loggedIn: false, profile: null, loading: false })
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

  switchBusiness() {
    if (this.data.switching) return Promise.resolve()
    const others = account.otherBusinesses(this.data.profile)
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
        return account.switchBusiness(others[index].id).then(profile => {
          this.setData({ profile, switching: false, error: '' })
          wx.showToast({ title: '已切换经营主体', icon: 'success' })
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
