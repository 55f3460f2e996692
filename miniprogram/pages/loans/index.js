// 金融支持: published loan products, filtered by guarantee type and searched by name; the way in to
// 我的申请.
const loans = require('../../services/loans')

Page({
  data: {
    guarantees: [], // [{value, label}] with '' = 全部 first
    guarantee: '',
    q: '',
    loading: true,
    error: '',
    items: [],
    next: null,
    loadingMore: false,
  },

  onLoad() {
    loans
      .getOptions({ showError: false })
      .then(opts => this.setData({ guarantees: [{ value: '', label: '全部' }].concat(opts.guarantee_types || []) }))
      .catch(() => null) // the filter is optional; the list still loads
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
    if (this.data.guarantee) out.guarantee_type = this.data.guarantee
    const q = this.data.q.trim()
    if (q) out.q = q
    if (cursor) out.cursor = cursor
    return out
  },

  load() {
    this.setData({ loading: true, error: '' })
    return loans
      .listProducts(this.params(), { showError: false })
      .then(data => this.setData({ loading: false, items: data.items || [], next: data.next || null }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  loadMore() {
    if (!this.data.next || this.data.loadingMore) return Promise.resolve()
    this.setData({ loadingMore: true })
    return loans
      .listProducts(this.params(this.data.next))
      .then(data => this.setData({ loadingMore: false, items: this.data.items.concat(data.items || []), next: data.next || null }))
      .catch(() => this.setData({ loadingMore: false }))
  },

  chooseGuarantee(e) {
    this.setData({ guarantee: e.currentTarget.dataset.value })
    return this.load()
  },

  onSearchInput(e) {
    this.setData({ q: e.detail.value })
  },

  search() {
    return this.load()
  },

  openProduct(e) {
    wx.navigateTo({ url: '/pages/loans/detail/index?id=' + e.currentTarget.dataset.id })
  },

  goApplications() {
    wx.navigateTo({ url: '/pages/loans/applications/index' })
  },
})
