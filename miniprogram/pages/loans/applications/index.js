// 我的申请: this business's loan applications and their status.
const loans = require('../../../services/loans')
const { chinaDate } = require('../../../utils/datetime')

const TONES = { submitted: 'blue', contacted: 'blue', approved: 'green', granted: 'green', rejected: 'red', withdrawn: 'grey' }

function row(a) {
  return Object.assign({}, a, { tone: TONES[a.status] || 'grey', dateText: chinaDate(a.submitted_at) })
}

Page({
  data: { loading: true, error: '', items: [], next: null, loadingMore: false },

  onShow() {
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  onReachBottom() {
    if (!this.data.next || this.data.loadingMore) return Promise.resolve()
    this.setData({ loadingMore: true })
    return loans
      .listApplications({ limit: 20, cursor: this.data.next })
      .then(data => this.setData({ loadingMore: false, items: this.data.items.concat((data.items || []).map(row)), next: data.next || null }))
      .catch(() => this.setData({ loadingMore: false }))
  },

  load() {
    this.setData({ loading: !this.data.items.length, error: '' })
    return loans
      .listApplications({ limit: 20 }, { showError: false })
      .then(data => this.setData({ loading: false, items: (data.items || []).map(row), next: data.next || null }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  openItem(e) {
    wx.navigateTo({ url: '/pages/loans/application/index?id=' + e.currentTarget.dataset.id })
  },

  goProducts() {
    wx.navigateBack({ fail: () => wx.redirectTo({ url: '/pages/loans/index' }) })
  },
})
