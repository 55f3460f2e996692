// 我的: profile, 我的经营主体 (tap to switch), 添加经营主体, 绑定微信, 适老化模式, 隐私政策, 退出登录.
const me = require('../../../services/me')
const session = require('../../../utils/session')
const account = require('../../../utils/account')
const validate = require('../../../utils/validate')
const wxAsync = require('../../../utils/wx-async')
const { fieldErrors } = require('../../../utils/form-errors')
const { toast } = require('../../../utils/request')
const a11y = require('../../../utils/a11y')

Page({
  data: {
    loggedIn: false,
    loading: false,
    error: '',
    profile: null,
    adding: false,
    addRegionCode: '',
    addUscc: '',
    addErrors: {},
    addSubmitting: false,
    elderMode: false,
    a11yClass: '',
  },

  onShow() {
    a11y.sync(this)
    this.setData({ elderMode: a11y.isOn() })
    return this.load()
  },

  /** 适老化模式 switch: remembered in storage, applied to this page now and to every page on show. */
  toggleElder(e) {
    const on = a11y.set(e.detail.value)
    this.setData({ elderMode: on, a11yClass: a11y.className() })
    wx.showToast({ title: on ? '已开启适老化模式' : '已关闭适老化模式', icon: 'none' })
  },

  onPullDownRefresh() {
    return this.load().then(() => wx.stopPullDownRefresh())
  },

  load() {
    if (!session.isLoggedIn()) {
      this.setData({ loggedIn: false, profile: null, loading: false, error: '' })
      return Promise.resolve()
    }
    const cached = session.getProfile()
    this.setData({ loggedIn: true, profile: cached, loading: !cached, error: '' })
    return account
      .refreshProfile({ showError: false })
      .then(profile => this.setData({ profile, loading: false }))
      .catch(err => {
        if (!session.isLoggedIn()) {
          this.setData({ loggedIn: false, profile: null, loading: false })
          return
        }
        this.setData({ loading: false, error: (err && err.message) || '加载失败' })
      })
  },

  goLogin() {
    wx.navigateTo({ url: account.LOGIN_PAGE })
  },

  openPrivacy() {
    wx.navigateTo({ url: '/pages/auth/privacy/index' })
  },

  tapBusiness(e) {
    const id = e.currentTarget.dataset.id
    const profile = this.data.profile
    if (!profile || (profile.current_business && profile.current_business.id === id)) return Promise.resolve()
    const target = profile.businesses.find(b => b.id === id)
    if (!target) return Promise.resolve()
    return wxAsync
      .confirm('切换当前经营主体为“' + target.name + '”？', '切换经营主体')
      .then(ok => {
        if (!ok) return null
        return account.switchBusiness(id).then(next => {
          this.setData({ profile: next })
          wx.showToast({ title: '已切换经营主体', icon: 'success' })
        })
      })
      .catch(() => {})
  },

  toggleAdd() {
    this.setData({ adding: !this.data.adding, addErrors: {}, addUscc: '' })
  },

  onAddRegionChange(e) {
    this.setData({ addRegionCode: e.detail.code, 'addErrors.region': '' })
  },

  onAddUsccInput(e) {
    this.setData({ addUscc: validate.normalizeUscc(e.detail.value), 'addErrors.uscc': '' })
  },

  submitAdd() {
    if (this.data.addSubmitting) return Promise.resolve()
    const addErrors = {}
    if (!this.data.addRegionCode) addErrors.region = '请选择归属地'
    const usccProblem = validate.checkUscc(this.data.addUscc)
    if (usccProblem) addErrors.uscc = usccProblem
    this.setData({ addErrors })
    if (Object.keys(addErrors).length) return Promise.resolve()

    this.setData({ addSubmitting: true })
    return me
      .addBusiness(
        { region_code: this.data.addRegionCode, uscc: validate.normalizeUscc(this.data.addUscc) },
        { showError: false, loading: '提交中' }
      )
      .then(profile => {
        session.setProfile(profile)
        this.setData({ profile, addSubmitting: false, adding: false, addUscc: '' })
        wx.showToast({ title: '添加成功', icon: 'success' })
      })
      .catch(err => {
        this.setData({ addSubmitting: false })
        const errors = fieldErrors(err, ['region', 'uscc'])
        // Here the name check is about the business: its registered operator is someone else.
        if (err.code === 'OPERATOR_NAME_MISMATCH') errors.uscc = '该主体登记的经营者不是您本人，无法关联'
        if (Object.keys(errors).length) this.setData({ addErrors: errors })
        else toast(err)
      })
  },

  bindWechat() {
    return wxAsync
      .login()
      .then(code => me.bindWechat(code, { loading: '绑定中' }))
      .then(result => {
        wx.showToast({ title: '绑定成功', icon: 'success' })
        if (result && result.person) {
          session.setProfile(result)
          this.setData({ profile: result })
          return null
        }
        return this.load()
      })
      .catch(() => {})
  },

  logout() {
    return wxAsync.confirm('确定退出登录吗？', '退出登录').then(ok => {
      if (!ok) return null
      return account.signOut().then(() => wx.reLaunch({ url: account.LOGIN_PAGE }))
    })
  },
})
