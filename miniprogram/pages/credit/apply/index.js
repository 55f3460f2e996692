// 信用修复申请, step by step: 办事指南 (must be acknowledged) → 选择主体 (mine, or another business
// verified by USCC + legal representative + ID number) → 选择记录 (active listings; one with an open
// application is shown as not applicable) → 上传材料 (typed; 申请书 and 承诺书 required) → 核对 → 提交,
// which shows the application number.
const credit = require('../../../services/credit')
const validate = require('../../../utils/validate')
const wxa = require('../../../utils/wx-async')
const { toast } = require('../../../utils/request')

const STEPS = ['guide', 'business', 'listings', 'materials', 'check', 'done']
const STEP_TITLES = ['办事指南', '选择主体', '选择记录', '上传材料', '核对提交', '提交成功']
const MAX_FILES_PER_TYPE = 5
const OTHER = 'other'

Page({
  data: {
    loading: true,
    error: '',
    step: 'guide',
    stepIndex: 0,
    stepTitles: STEP_TITLES.slice(0, 5),
    kind: null, // {value, label, title, guide, ...}
    acknowledged: false,
    businesses: [],
    businessChoice: '', // a business id (string) or 'other'
    other: { uscc: '', operator_name: '', id_number: '' },
    otherErrors: {},
    verifying: false,
    verified: null, // {business, listings}
    listings: [], // listings with `checked`
    materialTypes: [], // [{value, label, required, files: [{file_id, name}]}]
    uploading: '',
    phone: '',
    reason: '',
    chosenListings: [],
    materialSummary: [],
    checkError: '',
    submitting: false,
    result: null,
  },

  onLoad(query) {
    this.kindValue = query && query.kind
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return Promise.all([credit.getOptions({ showError: false }), credit.listBusinesses({ showError: false })])
      .then(([opts, mine]) => {
        const kind = (opts.kinds || []).find(k => k.value === this.kindValue)
        if (!kind) throw new Error('未知的修复类型')
        const businesses = mine.items || []
        this.setData({
          loading: false,
          kind,
          businesses,
          businessChoice: businesses.length ? String(businesses[0].id) : OTHER,
          materialTypes: (opts.material_types || []).map(t => Object.assign({}, t, { files: [] })),
        })
        wx.setNavigationBarTitle({ title: kind.label + '修复' })
      })
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  go(step) {
    this.setData({ step, stepIndex: STEPS.indexOf(step) })
    if (wx.pageScrollTo) wx.pageScrollTo({ scrollTop: 0, duration: 0 })
  },

  back() {
    const i = STEPS.indexOf(this.data.step)
    if (i > 0) this.go(STEPS[i - 1])
  },

  // 1 办事指南
  toggleAck() {
    this.setData({ acknowledged: !this.data.acknowledged })
  },

  fromGuide() {
    if (!this.data.acknowledged) {
      wx.showToast({ title: '请先阅读并确认办事指南', icon: 'none' })
      return
    }
    this.go('business')
  },

  // 2 选择主体
  chooseBusiness(e) {
    this.setData({ businessChoice: String(e.currentTarget.dataset.id), otherErrors: {} })
  },

  onOtherInput(e) {
    const field = e.currentTarget.dataset.field
    let value = e.detail.value
    if (field === 'uscc') value = validate.normalizeUscc(value)
    if (field === 'id_number') value = String(value || '').trim().toUpperCase()
    this.setData({ ['other.' + field]: value, ['otherErrors.' + field]: '' })
  },

  businessRef() {
    if (this.data.businessChoice !== OTHER) return { business_id: Number(this.data.businessChoice) }
    const o = this.data.other
    return { uscc: o.uscc, operator_name: o.operator_name.trim(), id_number: o.id_number }
  },

  checkOther() {
    const o = this.data.other
    const errors = {}
    const usccProblem = validate.checkUscc(o.uscc)
    if (usccProblem) errors.uscc = usccProblem
    if (!o.operator_name.trim()) errors.operator_name = '请输入法定代表人（经营者）姓名'
    const idProblem = validate.checkIdNumber(o.id_number)
    if (idProblem) errors.id_number = idProblem
    this.setData({ otherErrors: errors })
    return !Object.keys(errors).length
  },

  fromBusiness() {
    if (this.data.verifying) return Promise.resolve()
    if (this.data.businessChoice === OTHER && !this.checkOther()) return Promise.resolve()
    this.setData({ verifying: true })
    return credit
      .verify(Object.assign({ kind: this.data.kind.value }, this.businessRef()), { loading: '核验中' })
      .then(data => {
        const listings = (data.listings || []).map(l => Object.assign({}, l, { checked: false }))
        this.setData({ verifying: false, verified: data, listings })
        this.go('listings')
      })
      .catch(() => this.setData({ verifying: false }))
  },

  // 3 选择记录
  toggleListing(e) {
    const id = e.currentTarget.dataset.id
    const listings = this.data.listings.map(l => (l.id === id && l.can_apply ? Object.assign({}, l, { checked: !l.checked }) : l))
    this.setData({ listings })
  },

  fromListings() {
    if (!this.data.listings.some(l => l.checked)) {
      wx.showToast({ title: '请选择要修复的记录', icon: 'none' })
      return
    }
    this.go('materials')
  },

  // 4 上传材料
  addFile(e) {
    const type = e.currentTarget.dataset.type
    if (this.data.uploading) return Promise.resolve()
    const i = this.data.materialTypes.findIndex(t => t.value === type)
    if (this.data.materialTypes[i].files.length >= MAX_FILES_PER_TYPE) {
      wx.showToast({ title: '每类材料最多' + MAX_FILES_PER_TYPE + '个文件', icon: 'none' })
      return Promise.resolve()
    }
    return wxa
      .actionSheet(['拍照或从相册选择图片', '从聊天记录选择 PDF 文件'])
      .then(index => {
        if (index < 0) return null
        return index === 1 ? wxa.choosePdf() : wxa.chooseImage().then(path => ({ path, name: '' }))
      })
      .then(chosen => {
        if (!chosen) return null
        this.setData({ uploading: type })
        return credit.uploadMaterial(chosen.path, { loading: '上传中' }).then(file => {
          const name = file.name || chosen.name || '材料' + (this.data.materialTypes[i].files.length + 1)
          const files = this.data.materialTypes[i].files.concat({ file_id: file.id, name })
          this.setData({ uploading: '', ['materialTypes[' + i + '].files']: files })
        })
      })
      .catch(err => {
        this.setData({ uploading: '' })
        if (err && !wxa.isCancel(err) && !err.code) wx.showToast({ title: '未能选择文件', icon: 'none' })
      })
  },

  removeFile(e) {
    const { type, index } = e.currentTarget.dataset
    const i = this.data.materialTypes.findIndex(t => t.value === type)
    const files = this.data.materialTypes[i].files.filter((f, k) => k !== Number(index))
    this.setData({ ['materialTypes[' + i + '].files']: files })
  },

  onPhoneInput(e) {
    this.setData({ phone: String(e.detail.value || '').trim() })
  },

  onReasonInput(e) {
    this.setData({ reason: e.detail.value })
  },

  fromMaterials() {
    const missing = this.data.materialTypes.filter(t => t.required && !t.files.length).map(t => t.label)
    if (missing.length) {
      wx.showToast({ title: '请上传' + missing.join('、'), icon: 'none' })
      return
    }
    if (this.data.phone && validate.checkPhone(this.data.phone)) {
      wx.showToast({ title: validate.checkPhone(this.data.phone), icon: 'none' })
      return
    }
    this.setData({
      checkError: '',
      chosenListings: this.data.listings.filter(l => l.checked),
      materialSummary: this.data.materialTypes.filter(t => t.files.length).map(t => t.label + ' ' + t.files.length + '份'),
    })
    this.go('check')
  },

  // 5 核对 → 提交
  submit() {
    if (this.data.submitting) return Promise.resolve()
    const materials = []
    this.data.materialTypes.forEach(t => t.files.forEach(f => materials.push({ type: t.value, file_id: f.file_id })))
    const body = Object.assign(
      {
        kind: this.data.kind.value,
        guide_acknowledged: this.data.acknowledged,
        listing_ids: this.data.listings.filter(l => l.checked).map(l => l.id),
        materials,
        reason: this.data.reason.trim(),
      },
      this.businessRef()
    )
    if (this.data.phone) body.phone = this.data.phone
    this.setData({ submitting: true, checkError: '' })
    return credit
      .submit(body, { showError: false, loading: '提交中' })
      .then(result => {
        this.setData({ submitting: false, result })
        this.go('done')
      })
      .catch(err => {
        this.setData({ submitting: false, checkError: (err && err.message) || '提交失败' })
        toast(err)
      })
  },

  copyNumber() {
    wx.setClipboardData({ data: this.data.result.number })
  },

  openResult() {
    wx.redirectTo({ url: '/pages/credit/detail/index?id=' + this.data.result.id })
  },
})
