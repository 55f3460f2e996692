// 名特优新 申请向导 (seed 000 §1.1.8): 阅读须知 → 承诺 → 选择分类 → 完善信息 → 申报信息(资质图片) →
// 认定材料 → 确认提交. Each 下一步 saves that step on the server, so the draft resumes where it was
// left — also on another day or phone. 取消申请 discards the draft.
const recognition = require('../../../services/recognition')
const wxa = require('../../../utils/wx-async')
const { fieldErrors } = require('../../../utils/form-errors')

const STEPS = ['read_notice', 'promise', 'category', 'info', 'declaration', 'materials']
const REVIEW = STEPS.length
const INFO_FIELDS = ['employees', 'social_insured', 'revenue', 'net_profit', 'introduction']
const DECLARATION_FIELDS = ['subject_type', 'subject_name', 'highlights', 'qualification_images']
const MONEY = /^-?\d{1,12}(\.\d{1,2})?$/
const COUNT = /^\d{1,6}$/

function fileItem(file, path) {
  return { id: file.id, name: file.name || '', path: path || '', isImage: !!path || /^image\//.test(file.content_type || '') }
}

/** The forms filled from what the server saved (resume). */
function formsFrom(app, options) {
  const d = (app && app.data) || {}
  const info = d.info || {}
  const decl = d.declaration || {}
  const subjectTypes = options.subject_types || []
  return {
    acknowledged: !!(d.read_notice && d.read_notice.acknowledged),
    accepted: !!(d.promise && d.promise.accepted),
    category: d.category ? d.category.code : '',
    info: {
      employees: info.employees === undefined || info.employees === null ? '' : String(info.employees),
      social_insured: info.social_insured === undefined || info.social_insured === null ? '' : String(info.social_insured),
      revenue: info.revenue || '',
      net_profit: info.net_profit || '',
      introduction: info.introduction || '',
    },
    subjectTypeIndex: subjectTypes.findIndex(t => t.value === decl.subject_type),
    subjectName: decl.subject_name || '',
    highlights: decl.highlights || '',
    images: (decl.qualification_images || []).map(f => fileItem(f)),
    materials: (d.materials || []).map(m => Object.assign(fileItem(m.file || {}), { type: m.type, typeLabel: m.type_label })),
  }
}

function stepIndex(app) {
  if (!app || !app.step) return REVIEW
  const i = STEPS.indexOf(app.step)
  return i < 0 ? REVIEW : i
}

Page({
  data: {
    loading: true,
    error: '',
    notice: null,
    options: {},
    app: null,
    steps: [],
    current: 0,
    furthest: 0,
    canCancel: false,
    subjectTypeLabel: '',
    materialTypeIndex: 0,
    errors: {},
    saving: false,
    acknowledged: false,
    accepted: false,
    category: '',
    info: { employees: '', social_insured: '', revenue: '', net_profit: '', introduction: '' },
    subjectTypeIndex: -1,
    subjectName: '',
    highlights: '',
    images: [],
    materials: [],
  },

  onLoad(query) {
    this.noticeId = query && query.notice
    return this.load()
  },

  load() {
    this.setData({ loading: true, error: '' })
    return Promise.all([
      recognition.getNotice(this.noticeId, { showError: false }),
      recognition.getOptions({ showError: false }),
      recognition.startApplication(this.noticeId, { showError: false }),
    ])
      .then(([notice, options, app]) => {
        const forms = formsFrom(app, options)
        const current = stepIndex(app)
        this.setData(
          Object.assign(forms, {
            loading: false,
            notice,
            options,
            subjectTypeLabel: forms.subjectTypeIndex >= 0 ? options.subject_types[forms.subjectTypeIndex].label : '',
            current,
            furthest: current,
          })
        )
        this.showApp(app)
      })
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  showApp(app) {
    const actions = app.allowed_actions || []
    this.setData({
      app,
      steps: app.steps || [],
      canCancel: actions.indexOf('cancel') >= 0,
      furthest: Math.max(this.data.furthest, stepIndex(app)),
    })
  },

  // ---- inputs
  toggleAcknowledged() {
    this.setData({ acknowledged: !this.data.acknowledged, 'errors.step': '' })
  },
  toggleAccepted() {
    this.setData({ accepted: !this.data.accepted, 'errors.step': '' })
  },
  chooseCategory(e) {
    this.setData({ category: e.currentTarget.dataset.code, 'errors.category': '' })
  },
  onInfoInput(e) {
    const field = e.currentTarget.dataset.field
    this.setData({ ['info.' + field]: e.detail.value, ['errors.' + field]: '' })
  },
  onSubjectTypeChange(e) {
    const index = Number(e.detail.value)
    const type = (this.data.options.subject_types || [])[index]
    this.setData({ subjectTypeIndex: type ? index : -1, subjectTypeLabel: type ? type.label : '', 'errors.subject_type': '' })
  },
  onSubjectNameInput(e) {
    this.setData({ subjectName: e.detail.value, 'errors.subject_name': '' })
  },
  onHighlightsInput(e) {
    this.setData({ highlights: e.detail.value, 'errors.highlights': '' })
  },
  onMaterialTypeChange(e) {
    this.setData({ materialTypeIndex: Number(e.detail.value) })
  },

  // ---- files
  pickImages(count) {
    return wxa
      .call('chooseMedia', { count, mediaType: ['image'], sourceType: ['album', 'camera'], sizeType: ['compressed'] })
      .then(res => (res.tempFiles || []).map(f => f.tempFilePath).slice(0, count))
      .catch(err => {
        if (!wxa.isCancel(err)) wx.showToast({ title: '无法选择图片', icon: 'none' })
        return []
      })
  },

  uploadAll(paths) {
    const out = []
    return paths
      .reduce(
        (chain, path) =>
          chain.then(() => recognition.uploadFile(path, { loading: '上传中' }).then(file => out.push(fileItem(file, path)))),
        Promise.resolve()
      )
      .catch(() => null) // the request util showed the message; what was uploaded stays
      .then(() => out)
  },

  addImages() {
    const max = this.data.options.max_qualification_images || 9
    const room = max - this.data.images.length
    if (room <= 0) {
      wx.showToast({ title: '最多上传' + max + '张', icon: 'none' })
      return Promise.resolve()
    }
    return this.pickImages(room)
      .then(paths => this.uploadAll(paths))
      .then(files => {
        if (files.length) this.setData({ images: this.data.images.concat(files), 'errors.qualification_images': '' })
      })
  },

  removeImage(e) {
    const images = this.data.images.slice()
    images.splice(Number(e.currentTarget.dataset.index), 1)
    this.setData({ images })
  },

  addMaterial() {
    const max = this.data.options.max_materials || 20
    if (this.data.materials.length >= max) {
      wx.showToast({ title: '最多上传' + max + '份材料', icon: 'none' })
      return Promise.resolve()
    }
    const type = (this.data.options.material_types || [])[this.data.materialTypeIndex]
    if (!type) return Promise.resolve()
    return this.pickImages(1)
      .then(paths => this.uploadAll(paths))
      .then(files => {
        if (!files.length) return
        const added = files.map(f => Object.assign(f, { type: type.value, typeLabel: type.label }))
        this.setData({ materials: this.data.materials.concat(added), 'errors.materials': '' })
      })
  },

  removeMaterial(e) {
    const materials = this.data.materials.slice()
    materials.splice(Number(e.currentTarget.dataset.index), 1)
    this.setData({ materials })
  },

  // ---- steps
  /** {payload} for the step on screen, or {errors}. */
  payloadOf(step) {
    const d = this.data
    if (step === 'read_notice') return d.acknowledged ? { payload: { acknowledged: true } } : { errors: { step: '请先阅读并勾选“我已阅读须知”' } }
    if (step === 'promise') return d.accepted ? { payload: { accepted: true } } : { errors: { step: '请勾选同意承诺后继续' } }
    if (step === 'category') return d.category ? { payload: { category: d.category } } : { errors: { category: '请选择认定分类' } }
    if (step === 'info') {
      const info = d.info
      const errors = {}
      const [minIntro, maxIntro] = d.options.introduction_length || [20, 2000]
      if (!COUNT.test(String(info.employees).trim())) errors.employees = '请输入吸纳就业人数（整数）'
      if (!COUNT.test(String(info.social_insured).trim())) errors.social_insured = '请输入缴纳社保人数（整数）'
      if (!errors.employees && !errors.social_insured && Number(info.social_insured) > Number(info.employees)) {
        errors.social_insured = '缴纳社保人数不能多于吸纳就业人数'
      }
      const revenue = String(info.revenue).trim()
      if (!MONEY.test(revenue) || Number(revenue) < 0) errors.revenue = '请输入上年度营业收入（元，最多两位小数）'
      if (!MONEY.test(String(info.net_profit).trim())) errors.net_profit = '请输入上年度净利润（元，可为负数）'
      const intro = String(info.introduction).trim()
      if (intro.length < minIntro || intro.length > maxIntro) errors.introduction = '经营简介应为' + minIntro + '–' + maxIntro + '字'
      if (Object.keys(errors).length) return { errors }
      return {
        payload: {
          employees: Number(info.employees),
          social_insured: Number(info.social_insured),
          revenue,
          net_profit: String(info.net_profit).trim(),
          introduction: intro,
        },
      }
    }
    if (step === 'declaration') {
      const errors = {}
      const type = (d.options.subject_types || [])[d.subjectTypeIndex]
      if (!type) errors.subject_type = '请选择申报类型'
      if (!d.subjectName.trim()) errors.subject_name = '请输入申报名称'
      if (!d.highlights.trim()) errors.highlights = '请输入特色亮点'
      if (!d.images.length) errors.qualification_images = '请上传至少1张资质材料图片'
      if (Object.keys(errors).length) return { errors }
      return {
        payload: {
          subject_type: type.value,
          subject_name: d.subjectName.trim(),
          highlights: d.highlights.trim(),
          qualification_images: d.images.map(f => f.id),
        },
      }
    }
    if (!d.materials.length) return { errors: { materials: '请上传至少1份认定材料' } }
    return { payload: { materials: d.materials.map(m => ({ type: m.type, file_id: m.id })) } }
  },

  /** Save the step on screen, then show the next one. */
  next() {
    if (this.data.saving) return Promise.resolve()
    const step = STEPS[this.data.current]
    const { payload, errors } = this.payloadOf(step)
    if (errors) {
      this.setData({ errors })
      return Promise.resolve()
    }
    this.setData({ saving: true, errors: {} })
    return recognition
      .saveStep(this.noticeId, step, payload, { loading: '保存中', showError: false })
      .then(app => {
        this.showApp(app)
        const current = this.data.current + 1
        this.setData({ saving: false, current, furthest: Math.max(this.data.furthest, current) })
        if (wx.pageScrollTo) wx.pageScrollTo({ scrollTop: 0, duration: 0 })
      })
      .catch(err => {
        const fields = step === 'info' ? INFO_FIELDS : step === 'declaration' ? DECLARATION_FIELDS : ['category', 'materials']
        const errs = fieldErrors(err, fields)
        if (err && err.code === 'RECOGNITION_CATEGORY_INVALID') errs.category = err.message
        if (err && err.code === 'RECOGNITION_STEP_ORDER' && err.data && err.data.next_step) {
          this.setData({ current: Math.max(0, STEPS.indexOf(err.data.next_step)) })
        }
        this.setData({ saving: false, errors: errs })
        if (!Object.keys(errs).length) wx.showToast({ title: (err && err.message) || '保存失败', icon: 'none' })
      })
  },

  prev() {
    if (this.data.current > 0) this.setData({ current: this.data.current - 1, errors: {} })
  },

  /** Jump to a step already reached (from the step bar). */
  goStep(e) {
    const index = Number(e.currentTarget.dataset.index)
    if (index <= this.data.furthest) this.setData({ current: index, errors: {} })
  },

  submit() {
    if (this.data.saving) return Promise.resolve()
    const returned = this.data.app && this.data.app.status === 'returned'
    return wxa.confirm(returned ? '确认补正完毕并重新提交吗？' : '提交后将不能修改，确认提交申请吗？', '提交申请').then(ok => {
      if (!ok) return null
      this.setData({ saving: true })
      return recognition
        .submitApplication(this.noticeId, { loading: '提交中' })
        .then(() => {
          this.setData({ saving: false })
          wx.showToast({ title: '申请已提交', icon: 'success' })
          wx.navigateBack({ fail: () => wx.redirectTo({ url: '/pages/recognition/index' }) })
        })
        .catch(err => {
          this.setData({ saving: false })
          // an incomplete step: take the person there
          const missing = err && err.data && err.data.missing
          const first = Array.isArray(missing) ? STEPS.indexOf(missing[0]) : -1
          if (first >= 0) this.setData({ current: first })
        })
    })
  },

  cancel() {
    return wxa.confirm('取消后已填写的内容和上传的材料将全部删除，确定取消申请吗？', '取消申请').then(ok => {
      if (!ok) return null
      return recognition.cancelApplication(this.noticeId, { loading: '取消中' }).then(() => {
        wx.showToast({ title: '已取消申请', icon: 'none' })
        wx.navigateBack({ fail: () => wx.redirectTo({ url: '/pages/recognition/index' }) })
      }, () => null)
    })
  },
})
