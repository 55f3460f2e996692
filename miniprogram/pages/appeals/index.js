// 诉求反馈: my appeals (current business), with the ways in to 诉求登记 and 诉求查询.
const appeals = require('../../services/appeals')
const { chinaDate } = require('../../utils/datetime')

const CREATE_PAGE = '/pages/appeals/create/index'
const QUERY_PAGE = '/pages/appeals/query/index'
const DETAIL_PAGE = '/pages/appeals/detail/index'

function row(a) {
  return Object.assign({}, a, {
    dateText: chinaDate(a.submitted_at),
    canRate: (a.allowed_actions || []).indexOf('rate') >= 0,
  })
}

Page({
  data: {
    loading: true,
    error: '',
    items: [],
    next: null,
    loadingMore: false,
  },

  onShow() {
    // also after 诉求登记 or a rating, so the list shows the new state
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  onReachBottom() {
    return this.loadMore()
  },

  load() {
    this.setData({ loading: !this.data.items.length, error: '' })
    return appeals
      .listMine({ limit: 20 }, { showError: false })
      .then(data => this.setData({ loading: false, items: (data.items || []).map(row), next: data.next || null }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  loadMore() {
    if (!this.data.next || this.data.loadingMore) return Promise.resolve()
    this.setData({ loadingMore: true })
    return appeals
      .listMine({ limit: 20, cursor: this.data.next })
      .then(data =>
        this.setData({
          loadingMore: false,
          items: this.data.items.concat((data.items || []).map(row)),
          next: data.next || null,
        })
      )
      .catch(() => this.setData({ loadingMore: false }))
  },

  goCreate() {
    wx.navigateTo({ url: CREATE_PAGE })
  },

  goQuery() {
    wx.navigateTo({ url: QUERY_PAGE })
  },

  openItem(e) {
    wx.navigateTo({ url: DETAIL_PAGE + '?id=' + e.currentTarget.dataset.id })
  },
})
