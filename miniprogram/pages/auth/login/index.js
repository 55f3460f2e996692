// 登录: 手机号 + 密码, or 微信一键登录 (wx.login → /auth/wechat; an unbound WeChat binds by phone).
const auth = require('../../../services/auth')
const account = require('../../../utils/account')
const validate = require('../../../utils/validate')
const wxAsync = require('../../../utils/wx-async')
const { toast } = require('../../../utils/request')

const PRIVACY_REQUIRED = '请阅读并同意《隐私服务政策》'

Page({
  data: {
    phone: '',
    password: '',
    agreed: false,
    errors: {},
    formError: '',
    submitting: false,
    wechatLoading: false,
    // Set when /auth/wechat says WECHAT_NOT_BOUND: the person must share the phone number to bind.
    needPhone: false,
    showRegisterHint: false,
  },

  onInput(e) {
    const field = e.currentTarget.dataset.field
    this.setData({ [field]: e.detail.value, ['errors.' + field]: '', formError: '' })
  },

  toggleAgree() {
    this.setData({ agreed: !this.data.agreed, 'errors.privacy': '' })
  },

  openPrivacy() {
    wx.navigateTo({ url: '/pages/auth/privacy/index' })
  },

  goRegister() {
    wx.navigateTo({ url: '/pages/auth/register/index' })
  },

  requireConsent() {
    if (this.data.agreed) return true
    this.setData({ 'errors.privacy': PRIVACY_REQUIRED })
    return false
  },

  submit() {
    if (this.data.submitting) return Promise.resolve()
    const phone = (this.data.phone || '').trim()
    const errors = {
      phone: validate.checkPhone(phone),
      password: this.data.password ? '' : '请输入密码',
      privacy: this.data.agreed ? '' : PRIVACY_REQUIRED,
    }
    this.setData({ errors, formError: '', showRegisterHint: false })
    if (errors.phone || errors.password || errors.privacy) return Promise.resolve()

    this.setData({ submitting: true })
    return auth
      .login({ phone, password: this.data.password }, { showError: false, loading: '登录中' })
      .then(result => {
        this.setData({ submitting: false })
        account.enter(result)
      })
      .catch(err => {
        this.setData({ submitting: false })
        this.showError(err)
      })
  },

  showError(err) {
    if (err.code === 'LOGIN_FAILED' || err.code === 'ACCOUNT_DISABLED' || err.code === 'ACCOUNT_NOT_FOUND') {
      this.setData({ formError: err.message, showRegisterHint: err.code === 'ACCOUNT_NOT_FOUND' })
    } else if (err.code === 'TOO_MANY_ATTEMPTS') {
      const wait = err.data && err.data.retry_after
      const minutes = wait ? Math.ceil(wait / 60) : 0
      this.setData({ formError: minutes ? err.message + '（约' + minutes + '分钟后可重试）' : err.message })
    } else if (err.code === 'VALIDATION_ERROR' && err.data && err.data.field === 'phone') {
      this.setData({ 'errors.phone': err.message })
    } else {
      toast(err)
    }
  },

  wechatLogin() {
    if (this.data.wechatLoading || !this.requireConsent()) return Promise.resolve()
    this.setData({ wechatLoading: true, formError: '', showRegisterHint: false })
    return wxAsync
      .login()
      .then(code => auth.wechatLogin({ code }, { showError: false, loading: '登录中' }))
      .then(result => {
        this.setData({ wechatLoading: false })
        account.enter(result)
      })
      .catch(err => {
        this.setData({ wechatLoading: false })
        if (err.code === 'WECHAT_NOT_BOUND') {
          this.setData({ needPhone: true, formError: err.message })
        } else if (err.code) {
          this.showError(err)
        } else {
          wx.showToast({ title: '微信登录失败，请重试', icon: 'none' })
        }
      })
  },

  // <button open-type="getPhoneNumber">: detail.code is the phone_code the API exchanges with WeChat.
  onGetPhoneNumber(e) {
    const phoneCode = e.detail && e.detail.code
    if (!phoneCode) {
      wx.showToast({ title: '需要授权手机号才能完成绑定', icon: 'none' })
      return Promise.resolve()
    }
    if (!this.requireConsent()) return Promise.resolve()
    this.setData({ wechatLoading: true, formError: '' })
    // A wx.login code is single-use, so the bind attempt needs a fresh one.
    return wxAsync
      .login()
      .then(code => auth.wechatLogin({ code, phone_code: phoneCode }, { showError: false, loading: '绑定中' }))
      .then(result => {
        this.setData({ wechatLoading: false, needPhone: false })
        account.enter(result)
      })
      .catch(err => {
        this.setData({ wechatLoading: false })
        if (err.code) this.showError(err)
        else wx.showToast({ title: '微信登录失败，请重试', icon: 'none' })
      })
  },
})
