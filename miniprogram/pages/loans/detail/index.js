// 贷款产品详情: figures, who may apply, the bank's contacts; 我要申请 when the API says so
// (can_apply), otherwise the open application's status.
const loans = require('../../../services/loans')

Page({
  data: { loading: true, error: '', product: null },

  onLoad(query) {
    this.id = query && query.id
    return this.load()
  },

  onShow() {
    // back from 我要申请: the open application now shows
    if (this.data.product) return this.load()
    return undefined
  },

  load() {
    this.setData({ loading: !this.data.product, error: '' })
    return loans
      .getProduct(this.id, { showError: false })
      .then(product => this.setData({ loading: false, product }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  apply() {
    wx.navigateTo({ url: '/pages/loans/apply/index?id=' + this.data.product.id })
  },

  openApplication() {
    wx.navigateTo({ url: '/pages/loans/application/index?id=' + this.data.product.my_application.id })
  },

  call() {
    const phone = this.data.product.institution && this.data.product.institution.contact_phone
    if (phone) wx.makePhoneCall({ phoneNumber: phone, fail: () => null })
  },
})
