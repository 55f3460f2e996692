// 先进事迹: published stories, searchable.
const party = require('../../../services/party')
const config = require('../../../config')
const { chinaDate } = require('../../../utils/datetime')

function row(s) {
  const cover = s.cover_url ? (/^https?:\/\//.test(s.cover_url) ? s.cover_url : config.apiBase + s.cover_url) : ''
  return Object.assign({}, s, { cover, dateText: chinaDate(s.published_at) })
}

Page({
  data: { q: '', loading: true, error: '', items: [] },

  onLoad() {
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
    this.setData({ loading: true, error: '' })
    return party
      .listStories(Object.assign({ limit: 50 }, q ? { q } : {}), { showError: false })
      .then(data => this.setData({ loading: false, items: (data.items || []).map(row) }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  open(e) {
    wx.navigateTo({ url: '/pages/party/story/index?id=' + e.currentTarget.dataset.id })
  },
})
