// 注册: 归属地 → 统一社会信用代码 (typed, scanned from the licence QR, or a photo of it) → confirm the
// business and its 负责人 → 手机号, 姓名, 密码 → POST /accounts/register.
const auth = require('../../../services/auth')
const license = require('../../../services/license')
const account = require('../../../utils/account')
const validate = require('../../../utils/validate')
const wxAsync = require('../../../utils/wx-async')
const { fieldErrors } = require('../../../utils/form-errors')
const { toast } = require('../../../utils/request')

const FIELDS = ['region', 'uscc', 'phone', 'name', 'password', 'confirm', 'privacy']
const PRIVACY_REQUIRED = '请阅读并同意《隐私服务政策》'

Page({
  data: {
    regionCode: '',
    regionName: '',
    uscc: '',
    license: null, // LicenseInfo once the business was found
    looking: false,
    phone: '',
    name: '',
    password: '',
    confirm: '',
    agreed: false,
    privacyVersion: '',
    errors: {},
    submitting: false,
  },

  onLoad() {
    this.loadPrivacyVersion()
  },

  loadPrivacyVersion() {
    return auth
      .getPrivacyPolicy({ showError: false })
      .then(policy => {
        this.setData({ privacyVersion: policy.version })
        return policy.version
      })
      .catch(() => '')
  },

  onRegionChange(e) {
    const { code, name } = e.detail
    const changed = code !== this.data.regionCode
    this.setData({
      regionCode: code,
      regionName: name,
      'errors.region': '',
      // A business found under another 归属地 must be looked up again.
      license: changed ? null : this.data.license,
    })
  },

  onInput(e) {
    const field = e.currentTarget.dataset.field
    this.setData({ [field]: e.detail.value, ['errors.' + field]: '' })
  },

  onUsccInput(e) {
    const uscc = validate.normalizeUscc(e.detail.value)
    const patch = { uscc, 'errors.uscc': '' }
    if (this.data.license && this.data.license.uscc !== uscc) patch.license = null
    this.setData(patch)
  },

  toggleAgree() {
    this.setData({ agreed: !this.data.agreed, 'errors.privacy': '' })
  },

  openPrivacy() {
    wx.navigateTo({ url: '/pages/auth/privacy/index' })
  },

  goLogin() {
    wx.redirectTo({ url: account.LOGIN_PAGE })
  },

  requireRegion() {
    if (this.data.regionCode) return true
    this.setData({ 'errors.region': '请先选择归属地' })
    return false
  },

  /** Run one license look-up and show its result or its error next to the USCC field. */
  findLicense(promiseFactory) {
    if (this.data.looking) return Promise.resolve()
    this.setData({ looking: true, 'errors.uscc': '', license: null })
    return promiseFactory()
      .then(info => {
        this.setData({ looking: false, license: info, uscc: info.uscc })
      })
      .catch(err => {
        this.setData({ looking: false })
        if (!err || wxAsync.isCancel(err)) return
        if (!err.code) {
          wx.showToast({ title: '操作失败，请重试', icon: 'none' })
          return
        }
        this.showApiError(err)
      })
  },

  lookupUscc() {
    if (!this.requireRegion()) return Promise.resolve()
    const problem = validate.checkUscc(this.data.uscc)
    if (problem) {
      this.setData({ 'errors.uscc': problem })
      return Promise.resolve()
    }
    const uscc = validate.normalizeUscc(this.data.uscc)
    return this.findLicense(() =>
      license.lookup({ region_code: this.data.regionCode, uscc }, { showError: false, loading: '查询中' })
    )
  },

  scanLicense() {
    if (!this.requireRegion()) return Promise.resolve()
    return this.findLicense(() =>
      wxAsync
        .scanQrCode()
        .then(text =>
          license.lookup({ region_code: this.data.regionCode, qr_text: text }, { showError: false, loading: '识别中' })
        )
    )
  },

  photoLicense() {
    if (!this.requireRegion()) return Promise.resolve()
    return this.findLicense(() =>
      wxAsync
        .chooseImage()
        .then(filePath =>
          license.scan({ filePath, region_code: this.data.regionCode }, { showError: false, loading: '识别中' })
        )
    )
  },

  resetLicense() {
    this.setData({ license: null, uscc: '', 'errors.uscc': '' })
  },

  showApiError(err) {
    const errors = fieldErrors(err, FIELDS)
    if (Object.keys(errors).length) {
      const patch = {}
      Object.keys(errors).forEach(field => {
        patch['errors.' + field] = errors[field]
      })
      this.setData(patch)
    } else {
      toast(err)
    }
  },

  validateForm() {
    const d = this.data
    const errors = {}
    if (!d.regionCode) errors.region = '请先选择归属地'
    if (!d.license) errors.uscc = d.uscc ? '请先查询并确认个体工商户信息' : '请输入统一社会信用代码或扫描营业执照二维码'
    errors.phone = validate.checkPhone((d.phone || '').trim())
    errors.name = validate.checkName(d.name)
    errors.password = validate.checkPassword(d.password)
    if (!d.confirm) errors.confirm = '请再次输入密码'
    else if (d.confirm !== d.password) errors.confirm = '两次输入的密码不一致'
    if (!d.agreed) errors.privacy = PRIVACY_REQUIRED
    Object.keys(errors).forEach(key => {
      if (!errors[key]) delete errors[key]
    })
    return errors
  },

  submit() {
    if (this.data.submitting) return Promise.resolve()
    const errors = this.validateForm()
    this.setData({ errors })
    if (Object.keys(errors).length) return Promise.resolve()

    this.setData({ submitting: true })
    const versionReady = this.data.privacyVersion ? Promise.resolve(this.data.privacyVersion) : this.loadPrivacyVersion()
    return versionReady
      .then(version =>
        auth.register(
          {
            region_code: this.data.regionCode,
            uscc: this.data.license.uscc,
            phone: this.data.phone.trim(),
            name: this.data.name.trim(),
            password: this.data.password,
            privacy_version: version,
            privacy_agreed: true,
          },
          { showError: false, loading: '提交中' }
        )
      )
      .then(result => {
        this.setData({ submitting: false })
        wx.showToast({ title: '注册成功', icon: 'success' })
        account.enter(result)
      })
      .catch(err => {
        this.setData({ submitting: false })
        this.showApiError(err)
      })
  },
})
