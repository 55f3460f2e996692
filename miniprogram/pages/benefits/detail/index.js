// 免申即享详情: the item, 确认享受 while 待确认 (the API lists the allowed actions), and the status
// flow 待确认 → 已确认 → 已提交平台 → 平台已受理/未通过 → 已兑现 with the timeline of what happened.
const policies = require('../../../services/policies')
const wxa = require('../../../utils/wx-async')
const { chinaDateTime } = require('../../../utils/datetime')

const FLOW = [
  { value: 'pushed', label: '待确认' },
  { value: 'confirmed', label: '已确认' },
  { value: 'forwarded', label: '已提交平台' },
  { value: 'accepted', label: '平台已受理' },
  { value: 'paid', label: '已兑现' },
]

function flowOf(status) {
  const steps = FLOW.map(s => Object.assign({}, s))
  if (status === 'rejected') steps.splice(3, 2, { value: 'rejected', label: '平台未通过' })
  const at = steps.findIndex(s => s.value === status)
  return steps.map((s, i) => Object.assign(s, { done: i <= at, current: i === at }))
}

function view(e) {
  return Object.assign({}, e, {
    canConfirm: (e.actions || []).indexOf('confirm') >= 0,
    amountText: e.benefit && e.benefit.amount ? e.benefit.amount + '元' : '',
    flow: flowOf(e.status),
    timeline: (e.timeline || [])
      .slice()
      .reverse()
      .map(t => Object.assign({}, t, { atText: chinaDateTime(t.at) })),
  })
}

Page({
  data: { loading: true, error: '', elig: null, sending: false },

  onLoad(query) {
    this.id = query && query.id
    return this.load()
  },

  load() {
    this.setData({ loading: !this.data.elig, error: '' })
    return policies
      .getBenefit(this.id, { showError: false })
      .then(e => this.setData({ loading: false, elig: view(e) }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  openPolicy() {
    wx.navigateTo({ url: '/pages/policies/detail/index?id=' + this.data.elig.benefit.policy_id })
  },

  confirm() {
    if (this.data.sending) return Promise.resolve()
    return wxa.confirm('确认享受“' + this.data.elig.benefit.name + '”？确认后将提交至兑现平台办理。', '确认享受').then(ok => {
      if (!ok) return null
      this.setData({ sending: true })
      return policies
        .confirmBenefit(this.data.elig.id, { loading: '提交中' })
        .then(() => {
          this.setData({ sending: false })
          wx.showToast({ title: '已确认', icon: 'success' })
          return this.load()
        })
        .catch(() => this.setData({ sending: false }))
    })
  },
})
