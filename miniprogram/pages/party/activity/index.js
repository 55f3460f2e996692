// 活动详情: sign members of this business up (choose from 党员管理), withdraw a sign-up before the
// start, and 扫码签到 on the day.
const party = require('../../../services/party')
const wxa = require('../../../utils/wx-async')
const { activityView } = require('../../../utils/party-view')
const { scanToCheckin } = require('../../../utils/party-checkin')

Page({
  data: { loading: true, error: '', activity: null, members: [], picking: false, chosen: {}, chosenCount: 0, sending: false },

  onLoad(query) {
    this.id = query && query.id
  },

  onShow() {
    return this.load()
  },

  load() {
    this.setData({ loading: !this.data.activity, error: '' })
    return party
      .getActivity(this.id, { showError: false })
      .then(a => this.setData({ loading: false, activity: activityView(a) }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  /** Show the members not signed up yet, to choose from. */
  startSignup() {
    return party.listMembers({ limit: 100 }).then(data => {
      const signed = (this.data.activity.my_signups || []).map(s => s.member_id)
      const members = (data.items || []).filter(m => signed.indexOf(m.id) < 0)
      if (!members.length) {
        wx.showModal({
          title: '没有可报名的党员',
          content: (data.items || []).length ? '本店党员均已报名该活动' : '请先在“党员管理”中登记本店党员',
          showCancel: false,
        })
        return
      }
      this.setData({ members, picking: true, chosen: {}, chosenCount: 0 })
    }, () => null)
  },

  toggleMember(e) {
    const id = e.currentTarget.dataset.id
    const chosen = Object.assign({}, this.data.chosen)
    if (chosen[id]) delete chosen[id]
    else chosen[id] = true
    this.setData({ chosen, chosenCount: Object.keys(chosen).length })
  },

  closePicker() {
    this.setData({ picking: false })
  },

  confirmSignup() {
    const ids = Object.keys(this.data.chosen).map(Number)
    if (!ids.length) {
      wx.showToast({ title: '请选择报名的党员', icon: 'none' })
      return Promise.resolve()
    }
    if (this.data.sending) return Promise.resolve()
    this.setData({ sending: true })
    return party
      .signUp(this.data.activity.id, ids, { loading: '报名中' })
      .then(a => {
        wx.showToast({ title: '报名成功', icon: 'success' })
        this.setData({ sending: false, picking: false, activity: activityView(a) })
      })
      .catch(() => this.setData({ sending: false }))
  },

  cancelSignup(e) {
    const memberId = e.currentTarget.dataset.id
    const name = e.currentTarget.dataset.name
    return wxa.confirm('确定取消' + name + '的报名吗？', '取消报名').then(ok => {
      if (!ok) return null
      return party.cancelSignup(this.data.activity.id, memberId, { loading: '取消中' }).then(
        a => this.setData({ activity: activityView(a) }),
        () => null
      )
    })
  },

  scan() {
    return scanToCheckin()
  },
})
