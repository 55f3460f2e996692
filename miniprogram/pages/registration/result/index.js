// 登记结果: approved (统一社会信用代码, 电子营业执照, 营业执照 PDF, where to collect the paper licence), 登记审核中 with the
// rules that sent it to a person, 不予登记 with the reason, or 已撤回; the documents and the history.
const registration = require('../../../services/registration')
const { openPdf } = require('../../../utils/download')
const { chinaDateTime } = require('../../../utils/datetime')

const TITLES = {
  approved: '登记已核准',
  reviewing: '登记审核中',
  refused: '不予登记',
  withdrawn: '申请已撤回',
}

function view(a) {
  return Object.assign({}, a, {
    title: TITLES[a.status] || a.status_label,
    byRules: a.decided_by === 'auto',
    failed: (a.failed_rules || []).map(r => Object.assign({}, r, { reason: r.reason || '' })),
    decidedText: a.decided_at ? chinaDateTime(a.decided_at) : '',
    submittedText: a.submitted_at ? chinaDateTime(a.submitted_at) : '',
    showPickup: a.status === 'approved' && !!a.pickup && !!(a.basic && a.basic.paper_license),
    hasLicensePdf: (a.documents || []).some(d => d.code === 'license'),
    events: (a.events || [])
      .slice()
      .reverse()
      .map(ev => Object.assign({}, ev, { atText: chinaDateTime(ev.at) })),
  })
}

Page({
  data: { loading: true, error: '', app: null, submitted: false },

  onLoad(query) {
    this.id = query && query.id
    this.setData({ submitted: !!(query && query.submitted) })
    return this.load()
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    this.setData({ loading: !this.data.app, error: '' })
    return registration
      .getRegistration(this.id, { showError: false })
      .then(a => {
        if (a.status === 'draft' || a.status === 'signing') {
          wx.redirectTo({ url: '/pages/registration/apply/index?id=' + a.id })
          return
        }
        this.setData({ loading: false, app: view(a) })
      })
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  openLicense() {
    wx.navigateTo({ url: '/pages/registration/license/index?id=' + this.data.app.id })
  },

  downloadLicense() {
    return openPdf(registration.documentUrl(this.data.app.id, 'license'), { what: '营业执照' })
  },

  openDocument(e) {
    const code = e.currentTarget.dataset.code
    const doc = (this.data.app.documents || []).find(d => d.code === code)
    return openPdf(registration.documentUrl(this.data.app.id, code), { what: doc ? doc.title : '文书' })
  },

  copyUscc() {
    wx.setClipboardData({ data: this.data.app.uscc })
  },

  backToList() {
    wx.navigateBack({ fail: () => wx.redirectTo({ url: '/pages/registration/index' }) })
  },
})
