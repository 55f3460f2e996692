// 党员管理: the business's party members (ID numbers and phones come masked), search, add, edit.
const party = require('../../../services/party')

Page({
  data: { q: '', loading: true, error: '', items: [] },

  onShow() {
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  onSearchInput(e) {
    this.setData({ q: e.detail.value })
  },

  load() {
    const q = this.data.q.trim()
    this.setData({ loading: !this.data.items.length, error: '' })
    return party
      .listMembers(Object.assign({ limit: 100 }, q ? { q } : {}), { showError: false })
      .then(data => this.setData({ loading: false, items: data.items || [] }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  add() {
    wx.navigateTo({ url: '/pages/party/member/index' })
  },

  edit(e) {
    wx.navigateTo({ url: '/pages/party/member/index?id=' + e.currentTarget.dataset.id })
  },
})
