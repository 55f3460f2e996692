// 党员活动: 可报名 (open), 我的报名 (upcoming, signed up and not ended), 往期 (past).
const party = require('../../../services/party')
const { activityView } = require('../../../utils/party-view')
const { scanToCheckin } = require('../../../utils/party-checkin')

const TABS = [
  { when: 'open', label: '可报名' },
  { when: 'upcoming', label: '我的报名' },
  { when: 'past', label: '往期活动' },
]

Page({
  data: { tabs: TABS, active: 0, loading: true, error: '', items: [] },

  onShow() {
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  switchTab(e) {
    this.setData({ active: Number(e.currentTarget.dataset.index), items: [] })
    return this.load()
  },

  load() {
    this.setData({ loading: !this.data.items.length, error: '' })
    return party
      .listActivities({ when: TABS[this.data.active].when, limit: 50 }, { showError: false })
      .then(data => this.setData({ loading: false, items: (data.items || []).map(activityView) }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  open(e) {
    wx.navigateTo({ url: '/pages/party/activity/index?id=' + e.currentTarget.dataset.id })
  },

  scan() {
    return scanToCheckin()
  },
})
