// 我要申请: amount (entered in 万元, sent in 元, inside the product's range), purpose, and a contact
// that defaults to the person's own (left blank, the API fills it in).
const loans = require('../../../services/loans')
const { checkPhone } = require('../../../utils/validate')
const { fieldErrors } = require('../../../utils/form-errors')
const { wanToYuan } = require('../../../utils/money')

const FIELDS = ['amount', 'purpose', 'contact_name', 'contact_phone']

Page({
  data: {
    loading: true,
    error: '',
    product: null,
    amount: '',
    purpose: '',
    contactName: '',
    contactPhone: '',
    errors: {},
    submitting: false,
  },

  onLoad(query) {
    this.id = query && query.id
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return loans
      .getProduct(this.id, { showError: false })
      .then(product => this.setData({ loading: false, product }))
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  onAmountInput(e) {
    this.setData({ amount: e.detail.value, 'errors.amount': '' })
  },
  onPurposeInput(e) {
    this.setData({ purpose: e.detail.value })
  },
  onNameInput(e) {
    this.setData({ contactName: e.detail.value })
  },
  onPhoneInput(e) {
    this.setData({ contactPhone: e.detail.value, 'errors.contact_phone': '' })
  },

  validate() {
    const errors = {}
    const p = this.data.product
    const yuan = wanToYuan(this.data.amount)
    if (!String(this.data.amount).trim()) errors.amount = '请输入申请金额'
    else if (!yuan) errors.amount = '请输入正确的金额'
    else if (Number(yuan) < Number(p.amount_min) || Number(yuan) > Number(p.amount_max)) {
      errors.amount = '申请金额应在' + p.amount_label + '之间'
    }
    const phone = this.data.contactPhone.trim()
    if (phone) {
      const msg = checkPhone(phone)
      if (msg) errors.contact_phone = msg
    }
    return { errors, yuan }
  },

  submit() {
    if (this.data.submitting) return Promise.resolve()
    const { errors, yuan } = this.validate()
    if (Object.keys(errors).length) {
      this.setData({ errors })
      return Promise.resolve()
    }
    const data = { amount: yuan }
    if (this.data.purpose.trim()) data.purpose = this.data.purpose.trim()
    if (this.data.contactName.trim()) data.contact_name = this.data.contactName.trim()
    if (this.data.contactPhone.trim()) data.contact_phone = this.data.contactPhone.trim()
    this.setData({ submitting: true, errors: {} })
    return loans
      .apply(this.data.product.id, data, { loading: '提交中', showError: false })
      .then(application => {
        this.setData({ submitting: false })
        wx.showToast({ title: '申请已提交', icon: 'success' })
        wx.redirectTo({ url: '/pages/loans/application/index?id=' + application.id })
      })
      .catch(err => {
        const errs = fieldErrors(err, FIELDS)
        if (err && err.code === 'LOAN_AMOUNT_OUT_OF_RANGE') errs.amount = err.message
        this.setData({ submitting: false, errors: errs })
        if (!Object.keys(errs).length) wx.showToast({ title: (err && err.message) || '提交失败', icon: 'none' })
      })
  },
})
