// 志愿服务: the business's volunteer records (date, place, who, hours), add and edit.
const party = require('../../../services/party')

function row(r) {
  return Object.assign({}, r, { names: (r.participants || []).map(p => p.name).join('、') })
}

Page({
  data: { loading: true, error: '', items: [], totalHours: 0 },

  onShow() {
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    this.setData({ loading: !this.data.items.length, error: '' })
    return party
      .listVolunteerRecords({ limit: 100 }, { showError: false })
      .then(data => {
        const items = (data.items || []).map(row)
        const total = items.reduce((sum, r) => sum + Number(r.hours || 0) * (r.participant_count || 1), 0)
        this.setData({ loading: false, items, totalHours: Math.round(total * 10) / 10 })
      })
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  add() {
    wx.navigateTo({ url: '/pages/party/volunteer-edit/index' })
  },

  edit(e) {
    wx.navigateTo({ url: '/pages/party/volunteer-edit/index?id=' + e.currentTarget.dataset.id })
  },
})
