// 活动签到: after scanning the activity's QR, show the activity and this business's sign-ups; the
// person ticks who is here and confirms. The API checks the QR, the window and every member.
const party = require('../../../services/party')
const { activityView } = require('../../../utils/party-view')
const { scanToCheckin } = require('../../../utils/party-checkin')

Page({
  data: { loading: true, error: '', activity: null, pending: [], chosen: {}, chosenCount: 0, sending: false, result: null },

  onLoad(query) {
    this.token = query && query.token ? decodeURIComponent(query.token) : ''
    return this.load()
  },

  load() {
    if (!this.token) {
      this.setData({ loading: false, error: '未识别到签到二维码' })
      return Promise.resolve()
    }
    this.setData({ loading: true, error: '' })
    return party
      .scanCheckin(this.token, { showError: false })
      .then(a => {
        const pending = (a.my_signups || []).filter(s => !s.checked_in)
        const chosen = {}
        pending.forEach(s => {
          chosen[s.member_id] = true
        })
        this.setData({ loading: false, activity: activityView(a), pending, chosen, chosenCount: pending.length })
      })
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '签到二维码无效' }))
  },

  toggle(e) {
    if (e.currentTarget.dataset.done) return // already checked in
    const id = e.currentTarget.dataset.id
    const chosen = Object.assign({}, this.data.chosen)
    if (chosen[id]) delete chosen[id]
    else chosen[id] = true
    this.setData({ chosen, chosenCount: Object.keys(chosen).length })
  },

  confirm() {
    const ids = Object.keys(this.data.chosen).map(Number)
    if (!ids.length) {
      wx.showToast({ title: '请选择签到的党员', icon: 'none' })
      return Promise.resolve()
    }
    if (this.data.sending) return Promise.resolve()
    this.setData({ sending: true })
    return party
      .checkIn(this.token, ids, { loading: '签到中' })
      .then(result => this.setData({ sending: false, result }))
      .catch(() => this.setData({ sending: false }))
  },

  rescan() {
    return scanToCheckin()
  },

  back() {
    wx.navigateBack()
  },
})
