// 贷款申请详情: status, figures the bank approved or granted, the timeline; 撤回 while 已提交.
const loans = require('../../../services/loans')
const wxa = require('../../../utils/wx-async')
const { chinaDateTime } = require('../../../utils/datetime')

// A timeline step's figures (approve / grant), worded as the bank's letter would.
const DETAIL_FORMATS = {
  amount: v => '金额' + Number(v) / 10000 + '万元',
  rate: v => '年利率' + Number(v) + '%',
  term_months: v => '期限' + v + '个月',
  granted_on: v => '放款日期' + v,
}

function detailText(details) {
  return Object.keys(details || {})
    .filter(k => DETAIL_FORMATS[k] && details[k] !== null && details[k] !== '')
    .map(k => DETAIL_FORMATS[k](details[k]))
    .join('，')
}

function view(a) {
  return Object.assign({}, a, {
    submittedText: chinaDateTime(a.submitted_at),
    canWithdraw: (a.allowed_actions || []).indexOf('withdraw') >= 0,
    timeline: (a.timeline || [])
      .slice()
      .reverse()
      .map(t =>
        Object.assign({}, t, {
          atText: chinaDateTime(t.at),
          detailText: detailText(t.details),
        })
      ),
  })
}

Page({
  data: { loading: true, error: '', app: null, sending: false },

  onLoad(query) {
    this.id = query && query.id
    return this.load()
  },

  load() {
    this.setData({ loading: !this.data.app, error: '' })
    return loans
      .getApplication(this.id, { showError: false })
      .then(app => this.setData({ loading: false, app: view(app) }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  withdraw() {
    if (this.data.sending) return Promise.resolve()
    return wxa.confirm('撤回后如需贷款需重新申请，确定撤回吗？', '撤回申请').then(ok => {
      if (!ok) return null
      this.setData({ sending: true })
      return loans
        .withdraw(this.data.app.id, '', { loading: '撤回中' })
        .then(app => {
          this.setData({ sending: false })
          wx.showToast({ title: '已撤回', icon: 'none' })
          return app && app.timeline ? this.setData({ app: view(app) }) : this.load()
        })
        .catch(() => this.setData({ sending: false }))
    })
  },
})
