// 政策查询: published policies matched to the current business, newest first, with a text search.
const policies = require('../../services/policies')
const { chinaDate } = require('../../utils/datetime')

function view(p) {
  return Object.assign({}, p, { publishedText: chinaDate(p.published_at), validText: p.valid_to ? '有效期至' + p.valid_to : '长期有效' })
}

Page({
  data: { q: '', loading: true, error: '', items: [], next: null, loadingMore: false },

  onLoad() {
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  onReachBottom() {
    return this.loadMore()
  },

  params(cursor) {
    const out = { limit: 20 }
    const q = this.data.q.trim()
    if (q) out.q = q
    if (cursor) out.cursor = cursor
    return out
  },

  load() {
    this.setData({ loading: true, error: '' })
    return policies
      .listPolicies(this.params(), { showError: false })
      .then(data => this.setData({ loading: false, items: (data.items || []).map(view), next: data.next || null }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  loadMore() {
    if (!this.data.next || this.data.loadingMore) return Promise.resolve()
    this.setData({ loadingMore: true })
    return policies
      .listPolicies(this.params(this.data.next))
      .then(data => this.setData({ loadingMore: false, items: this.data.items.concat((data.items || []).map(view)), next: data.next || null }))
      .catch(() => this.setData({ loadingMore: false }))
  },

  onSearchInput(e) {
    this.setData({ q: e.detail.value })
  },

  search() {
    return this.load()
  },

  openPolicy(e) {
    wx.navigateTo({ url: '/pages/policies/detail/index?id=' + e.currentTarget.dataset.id })
  },

  goBenefits() {
    wx.navigateTo({ url: '/pages/benefits/index' })
  },
})
