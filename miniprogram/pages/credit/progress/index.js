// 进度查询: applications made with a phone number (the login phone by default).
const credit = require('../../../services/credit')
const validate = require('../../../utils/validate')
const { chinaDateTime } = require('../../../utils/datetime')

function view(a) {
  return Object.assign({}, a, { submittedText: chinaDateTime(a.submitted_at) })
}

Page({
  data: { phone: '', shownPhone: '', phoneError: '', loading: true, error: '', items: [], next: null, loadingMore: false },

  onLoad() {
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
    if (this.queryPhone) out.phone = this.queryPhone
    if (cursor) out.cursor = cursor
    return out
  },

  load() {
    this.setData({ loading: true, error: '' })
    return credit
      .progress(this.params(), { showError: false })
      .then(data => this.setData({ loading: false, shownPhone: data.phone || '', items: (data.items || []).map(view), next: data.next || null }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  loadMore() {
    if (!this.data.next || this.data.loadingMore) return Promise.resolve()
    this.setData({ loadingMore: true })
    return credit
      .progress(this.params(this.data.next))
      .then(data => this.setData({ loadingMore: false, items: this.data.items.concat((data.items || []).map(view)), next: data.next || null }))
      .catch(() => this.setData({ loadingMore: false }))
  },

  onPhoneInput(e) {
    this.setData({ phone: String(e.detail.value || '').trim(), phoneError: '' })
  },

  search() {
    const phone = this.data.phone
    const problem = phone ? validate.checkPhone(phone) : ''
    if (problem) {
      this.setData({ phoneError: problem })
      return Promise.resolve()
    }
    this.queryPhone = phone
    return this.load()
  },

  openItem(e) {
    wx.navigateTo({ url: '/pages/credit/detail/index?id=' + e.currentTarget.dataset.id })
  },
})
