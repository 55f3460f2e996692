// 个体户登记向导 (seed 002, docs/registration.md): 1 个体户类型 → 2 核名、经营场所、资金数额 → 3 经营者 → 4 基本信息与经营范围 →
// 5 预览文书（确认）→ 6 实名认证 → 7 电子签名 → 8 提交. Steps 1–4 are saved on the server one by one (a draft that
// resumes at its first unfinished step, also on another phone); confirming locks them (status signing) until
// 返回修改 (reopen). Submitting runs the rule engine: approved at once, or 登记审核中 with the failed rules.
const registration = require('../../../services/registration')
const wxa = require('../../../utils/wx-async')
const { toast } = require('../../../utils/request')
const { openPdf, download } = require('../../../utils/download')
const { checkIdNumber, checkPhone } = require('../../../utils/validate')

const STEP_LABELS = ['类型', '核名', '经营者', '基本信息', '预览', '实名认证', '电子签名', '提交']
const PREVIEW = 4
const REALNAME = 5
const SIGN = 6
const SUBMIT = 7
const CAPITAL = /^\d{1,8}(\.\d{1,2})?$/
const POSTCODE = /^\d{6}$/
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/
const CHINESE = /^[\u4e00-\u9fa5]+$/
const NAME_FIELDS = ['region_code', 'trade_name', 'industry_word', 'org_form', 'commitment_accepted', 'place', 'capital']
const OPERATOR_FIELDS = ['name', 'gender', 'ethnicity', 'id_number', 'id_valid_from', 'id_valid_until', 'phone', 'email', 'address', 'postcode',
  'political_status', 'education', 'employment_status', 'id_photo']
const BASIC_FIELDS = ['store_name', 'urban', 'postcode', 'staff_count', 'paper_license', 'scope', 'street', 'house_no', 'property_type',
  'property_use', 'owner_name', 'area_sqm']
const FIELD_BY_CODE = {
  REGISTRATION_REGION_INVALID: 'region_code',
  REGISTRATION_NAME_FORBIDDEN: 'trade_name',
  REGISTRATION_NAME_TAKEN: 'trade_name',
  REGISTRATION_COMMITMENT_REQUIRED: 'commitment_accepted',
  REGISTRATION_ID_INVALID: 'id_number',
  REGISTRATION_OPERATOR_UNDERAGE: 'id_number',
  REGISTRATION_ID_EXPIRED: 'id_valid_until',
  REGISTRATION_PHOTO_INVALID: 'id_photo',
  REGISTRATION_SCOPE_INVALID: 'scope',
}
const STEP_OF_KEY = { business_type: 0, name: 1, operator: 2, basic: 3 }

const blank = v => (v === undefined || v === null ? '' : String(v))
const indexIn = (list, value) => (list || []).findIndex(x => (x && typeof x === 'object' ? x.value : x) === value)

function today() {
  const d = new Date()
  const pad = n => (n < 10 ? '0' : '') + n
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate())
}

/** The step a saved application resumes at: the first unfinished one. */
function resumeStep(app) {
  if (!app) return 0
  if (app.status === 'signing') {
    const signers = app.signers || []
    if (!signers.length || signers.some(s => s.realname_status !== 'verified')) return REALNAME
    if (signers.some(s => !s.signed)) return SIGN
    return SUBMIT
  }
  const steps = app.steps || {}
  const keys = ['business_type', 'name', 'operator', 'basic']
  const open = keys.find(k => !steps[k])
  return open ? STEP_OF_KEY[open] : PREVIEW
}

function typeOf(catalog, code) {
  return ((catalog && catalog.business_types) || []).find(t => t.code === code) || null
}

function scopeRows(items) {
  return (items || []).map(s => ({ text: s.text, main: !!s.main, given: !!s.given, standard: s.standard !== false, kind_label: s.kind_label || '' }))
}

/** Every form of the wizard filled from what the server saved. */
function formsFrom(app, catalog) {
  const c = catalog || {}
  const type = typeOf(c, app && app.business_type)
  const ns = (app && app.name_step) || null
  const op = (app && app.operator) || {}
  const basic = (app && app.basic) || {}
  const res = (app && app.residence) || {}
  const words = (type && type.industry_words) || []
  return {
    typeCode: (app && app.business_type) || '',
    named: ns ? ns.named !== false : true,
    regionIndex: ns ? indexIn((c.regions || []).map(r => r.code), ns.region_code) : -1,
    tradeName: (ns && ns.trade_name) || '',
    industryIndex: ns && ns.industry_word ? words.indexOf(ns.industry_word) : -1,
    orgFormIndex: ns && ns.org_form ? (c.org_forms || []).indexOf(ns.org_form) : -1,
    commitment: !!(ns && ns.commitment_accepted),
    place: (ns && ns.place) || '',
    capital: ns ? blank(ns.capital) : '',
    nameCheck: ns && ns.named && ns.name ? { state: 'ok', name: ns.name, message: '', ruleLabel: '', authority: '' } : { state: '' },
    op: {
      name: op.name || '',
      gender: op.gender || '',
      ethnicityIndex: indexIn(c.ethnicities, op.ethnicity),
      id_number: '',
      id_number_masked: op.id_number_masked || '',
      id_valid_from: op.id_valid_from || '',
      id_valid_until: op.id_valid_until || '',
      id_long_term: !!op.id_long_term,
      phone: '',
      phone_masked: op.phone_masked || '',
      email: op.email || '',
      address: op.address || '',
      postcode: op.postcode || '',
      politicalIndex: indexIn(c.political_statuses, op.political_status),
      educationIndex: indexIn(c.educations, op.education),
      employmentIndex: indexIn(c.employment_statuses, op.employment_status),
    },
    photo: op.id_photo_file_id ? { id: op.id_photo_file_id, path: '' } : null,
    basic: {
      store_name: basic.store_name || '',
      urban: basic.urban === undefined ? true : !!basic.urban,
      postcode: basic.postcode || '',
      staff_count: blank(basic.staff_count),
      paper_license: !!basic.paper_license,
    },
    scope: scopeRows(app && app.scope && app.scope.length ? app.scope : type ? type.scope : []),
    residence: {
      street: res.street || '',
      house_no: res.house_no || '',
      propertyTypeIndex: indexIn(c.property_types, res.property_type),
      propertyUseIndex: indexIn(c.property_uses, res.property_use),
      owner_name: res.owner_name || '',
      area_sqm: blank(res.area_sqm),
    },
    dirty: { name: false, operator: false, basic: false },
  }
}

/** {field: message} of an API error for the given fields; the rest is for a toast. */
function apiFieldErrors(err, fields) {
  const out = {}
  if (!err) return out
  if (err.code === 'VALIDATION_ERROR' && err.data && Array.isArray(err.data.errors)) {
    err.data.errors.forEach(item => {
      const field = String((item && item.field) || '').split('.').pop()
      if (fields.indexOf(field) >= 0 && !out[field]) out[field] = /[\u4e00-\u9fa5]/.test(item.message || '') ? item.message : '格式不正确'
    })
    return out
  }
  const field = FIELD_BY_CODE[err.code]
  if (field && fields.indexOf(field) >= 0) out[field] = err.message
  return out
}

Page({
  data: {
    loading: true,
    error: '',
    catalog: null,
    app: null,
    bar: STEP_LABELS.map(label => ({ label, done: false })),
    current: 0,
    furthest: 0,
    saving: false,
    errors: {},
    locked: false,
    canWithdraw: false,
    canReopen: false,
    canRenew: false,
    type: null,
    industryWords: [],
    regionName: '',
    authorityName: '',
    typeCode: '',
    named: true,
    regionIndex: -1,
    tradeName: '',
    industryIndex: -1,
    orgFormIndex: -1,
    commitment: false,
    place: '',
    capital: '',
    nameCheck: { state: '' },
    op: {},
    photo: null,
    basic: {},
    scope: [],
    scopeChoices: [],
    addIndex: -1,
    customScope: '',
    residence: {},
    dirty: { name: false, operator: false, basic: false },
    rn: {},
    rnErrors: {},
    qr: {},
    qrFailed: {},
    showPrev: false,
    signers: [],
    expired: false,
    allVerified: false,
    allSigned: false,
  },

  onLoad(query) {
    this.id = query && query.id ? query.id : ''
    return this.load()
  },

  onShow() {
    // back from the signing page (or another phone signed): refresh the signatures
    if (this.shown && this.data.app && this.data.app.status === 'signing') this.refresh()
    this.shown = true
  },

  onUnload() {
    clearTimeout(this.nameTimer)
  },

  load() {
    this.setData({ loading: true, error: '' })
    return Promise.all([
      registration.getCatalog({ showError: false }),
      this.id ? registration.getRegistration(this.id, { showError: false }) : Promise.resolve(null),
    ])
      .then(([catalog, app]) => {
        if (app && ['draft', 'signing'].indexOf(app.status) < 0) {
          wx.redirectTo({ url: '/pages/registration/result/index?id=' + app.id })
          return
        }
        const current = resumeStep(app)
        this.setData(Object.assign(formsFrom(app, catalog), { loading: false, catalog, current, furthest: current }))
        this.showApp(app)
        this.enterStep(current)
      })
      .catch(err => this.setData({ loading: false, error: (err && err.message) || '加载失败' }))
  },

  /** Reload the application (signatures made elsewhere) without touching the forms. */
  refresh() {
    return registration
      .getRegistration(this.id, { showError: false })
      .then(app => {
        if (['draft', 'signing'].indexOf(app.status) < 0) {
          wx.redirectTo({ url: '/pages/registration/result/index?id=' + app.id })
          return
        }
        this.showApp(app)
        const resume = resumeStep(app)
        if (app.status === 'signing' && resume > this.data.current) this.goTo(resume)
      })
      .catch(err => toast(err))
  },

  showApp(app) {
    const catalog = this.data.catalog || {}
    const actions = (app && app.actions) || []
    const type = typeOf(catalog, app ? app.business_type : this.data.typeCode)
    const signers = ((app && app.signers) || []).map(s => Object.assign({}, s, { verified: s.realname_status === 'verified' }))
    const expired = signers.some(s => s.realname_status === 'expired') || (!!app && !!app.sign_due_on && app.sign_due_on < today() && signers.some(s => !s.signed))
    const patch = {
      app,
      locked: !!app && app.status !== 'draft',
      canWithdraw: actions.indexOf('withdraw') >= 0,
      canReopen: actions.indexOf('reopen') >= 0,
      canRenew: actions.indexOf('confirm') >= 0 && !!app && app.status === 'signing',
      type,
      industryWords: (type && type.industry_words) || [],
      signers,
      expired,
      allVerified: signers.length > 0 && signers.every(s => s.verified),
      allSigned: signers.length > 0 && signers.every(s => s.signed),
      furthest: resumeStep(app),
    }
    const rn = Object.assign({}, this.data.rn)
    signers.forEach(s => {
      if (!rn[s.id]) rn[s.id] = { name: s.name || '', id_number: '' }
    })
    patch.rn = rn
    patch.showPrev = this.data.current > (patch.locked ? PREVIEW : 0)
    this.setData(patch)
    this.setBar()
    this.updateScopeChoices()
    this.updateRegion()
  },

  /** The step bar: a step before the furthest one reached is done. */
  setBar() {
    this.setData({ bar: STEP_LABELS.map((label, i) => ({ label, done: i < this.data.furthest })) })
  },

  updateRegion() {
    const region = ((this.data.catalog && this.data.catalog.regions) || [])[this.data.regionIndex]
    this.setData({ regionName: region ? region.name : '', authorityName: region && region.authority ? region.authority.name : '' })
  },

  updateScopeChoices() {
    const have = this.data.scope.map(s => s.text)
    const choices = ((this.data.catalog && this.data.catalog.scope_catalog) || []).filter(s => have.indexOf(s.text) < 0)
    this.setData({ scopeChoices: choices, addIndex: -1 })
  },

  // ---- navigation between steps
  goTo(index) {
    this.setData({ current: index, errors: {}, furthest: Math.max(this.data.furthest, index), showPrev: index > (this.data.locked ? PREVIEW : 0) })
    this.setBar()
    if (wx.pageScrollTo) wx.pageScrollTo({ scrollTop: 0, duration: 0 })
    this.enterStep(index)
  },

  enterStep(index) {
    if (index === SIGN) this.loadQrs()
  },

  /** Jump to a step already reached (the step bar). Locked content (signing) shows only the steps from the preview on. */
  goStep(e) {
    const index = Number(e.currentTarget.dataset.index)
    if (index > this.data.furthest) return
    if (this.data.locked && index < PREVIEW) {
      wx.showToast({ title: '申请已确认，如需修改请点击“返回修改”', icon: 'none' })
      return
    }
    if (!this.data.locked && index > PREVIEW) return
    this.goTo(index)
  },

  prev() {
    const floor = this.data.locked ? PREVIEW : 0
    if (this.data.current > floor) this.goTo(this.data.current - 1)
  },

  // ---- step 1 个体户类型
  chooseType(e) {
    this.setData({ typeCode: e.currentTarget.dataset.code, 'errors.business_type': '' })
  },

  saveType() {
    const code = this.data.typeCode
    if (!code) {
      this.setData({ errors: { business_type: '请选择个体户类型' } })
      return Promise.resolve()
    }
    const app = this.data.app
    if (app && app.business_type === code) {
      this.goTo(1)
      return Promise.resolve()
    }
    const laterSaved = app && app.steps && (app.steps.name || app.steps.basic)
    const ask = laterSaved ? wxa.confirm('更换个体户类型后，经营范围和基本信息将重置，名称需重新核名保存。确定更换吗？', '更换类型') : Promise.resolve(true)
    return ask.then(ok => {
      if (!ok) return null
      this.setData({ saving: true })
      const call = app ? registration.setBusinessType(app.id, code, { showError: false, loading: '保存中' }) : registration.create(code, { showError: false, loading: '创建中' })
      return call
        .then(saved => {
          this.id = saved.id
          const forms = formsFrom(saved, this.data.catalog)
          // keep what was typed for the name (the server released it: it must be saved again)
          const keep = app
            ? { named: this.data.named, regionIndex: this.data.regionIndex, tradeName: this.data.tradeName, orgFormIndex: this.data.orgFormIndex,
                commitment: this.data.commitment, place: this.data.place, capital: this.data.capital, op: this.data.op, photo: this.data.photo,
                dirty: { name: true, operator: this.data.dirty.operator, basic: true }, nameCheck: { state: '' } }
            : {}
          this.setData(Object.assign(forms, keep, { saving: false }))
          this.showApp(saved)
          this.goTo(1)
        })
        .catch(err => {
          this.setData({ saving: false })
          toast(err)
        })
    })
  },

  // ---- step 2 核名
  setNamed(e) {
    const named = e.currentTarget.dataset.named === 'yes'
    this.setData({ named, 'dirty.name': true, errors: {} })
    if (named) this.scheduleNameCheck()
  },

  onRegionChange(e) {
    this.setData({ regionIndex: Number(e.detail.value), 'dirty.name': true, 'errors.region_code': '' })
    this.updateRegion()
    this.scheduleNameCheck()
  },

  onTradeNameInput(e) {
    this.setData({ tradeName: e.detail.value, 'dirty.name': true, 'errors.trade_name': '' })
    this.scheduleNameCheck()
  },

  onIndustryChange(e) {
    this.setData({ industryIndex: Number(e.detail.value), 'dirty.name': true, 'errors.industry_word': '' })
    this.scheduleNameCheck()
  },

  onOrgFormChange(e) {
    this.setData({ orgFormIndex: Number(e.detail.value), 'dirty.name': true, 'errors.org_form': '' })
    this.scheduleNameCheck()
  },

  toggleCommitment() {
    this.setData({ commitment: !this.data.commitment, 'dirty.name': true, 'errors.commitment_accepted': '' })
  },

  onPlaceInput(e) {
    this.setData({ place: e.detail.value, 'dirty.name': true, 'errors.place': '' })
  },

  onCapitalInput(e) {
    this.setData({ capital: e.detail.value, 'dirty.name': true, 'errors.capital': '' })
  },

  /** The name parts for /name-check, or null while some are missing. */
  nameParts() {
    const d = this.data
    const c = d.catalog || {}
    const region = (c.regions || [])[d.regionIndex]
    const word = d.industryWords[d.industryIndex]
    const form = (c.org_forms || [])[d.orgFormIndex]
    const trade = d.tradeName.trim()
    if (!region || !word || !form || trade.length < 2) return null
    return { region_code: region.code, business_type: d.typeCode, trade_name: trade, industry_word: word, org_form: form }
  },

  scheduleNameCheck() {
    clearTimeout(this.nameTimer)
    if (!this.data.named || !this.nameParts()) {
      this.setData({ nameCheck: { state: '' } })
      return
    }
    this.setData({ nameCheck: { state: 'waiting' } })
    this.nameTimer = setTimeout(() => this.checkName(), 500)
  },

  /** Live 核名: the composed name is free, or the rule it breaks / that it is taken. */
  checkName() {
    clearTimeout(this.nameTimer)
    const parts = this.nameParts()
    if (!parts) {
      this.setData({ nameCheck: { state: '' }, 'errors.trade_name': this.data.named ? '请完整选择行政区划、字号（至少2个汉字）、行业和组织形式' : '' })
      return Promise.resolve()
    }
    const seq = (this.nameSeq = (this.nameSeq || 0) + 1)
    this.setData({ nameCheck: { state: 'checking' } })
    return registration
      .checkName(parts, { showError: false })
      .then(res => {
        if (seq !== this.nameSeq) return
        this.setData({ nameCheck: { state: 'ok', name: res.name, authority: (res.authority && res.authority.name) || '' }, 'errors.trade_name': '' })
      })
      .catch(err => {
        if (seq !== this.nameSeq) return
        if (err && (err.code === 'REGISTRATION_NAME_FORBIDDEN' || err.code === 'REGISTRATION_NAME_TAKEN')) {
          const data = err.data || {}
          this.setData({
            nameCheck: { state: 'refused', message: err.message, ruleLabel: data.rule_label || (err.code === 'REGISTRATION_NAME_TAKEN' ? '名称在同一辖区同行业内不重复' : ''), text: data.text || '' },
          })
          return
        }
        this.setData({ nameCheck: { state: 'failed', message: (err && err.message) || '核名失败' } })
        toast(err)
      })
  },

  payloadName() {
    const d = this.data
    const c = d.catalog || {}
    const errors = {}
    const region = (c.regions || [])[d.regionIndex]
    if (!region) errors.region_code = '请选择行政区划（区/县）'
    const body = { named: d.named, region_code: region ? region.code : '' }
    if (d.named) {
      const trade = d.tradeName.trim()
      if (!trade) errors.trade_name = '请输入字号'
      else if (!CHINESE.test(trade) || trade.length < 2 || trade.length > 10) errors.trade_name = '字号应为2–10个汉字'
      const word = d.industryWords[d.industryIndex]
      if (!word) errors.industry_word = '请选择行业表述'
      const form = (c.org_forms || [])[d.orgFormIndex]
      if (!form) errors.org_form = '请选择组织形式'
      if (!d.commitment) errors.commitment_accepted = '请阅读并同意《企业名称自主申报承诺书》'
      if (!errors.trade_name && d.nameCheck.state === 'refused') errors.trade_name = d.nameCheck.message
      Object.assign(body, { trade_name: trade, industry_word: word, org_form: form, commitment_accepted: d.commitment })
    }
    const place = d.place.trim()
    if (place.length < 4) errors.place = '请填写经营场所（详细地址）'
    const capital = String(d.capital).trim()
    if (!CAPITAL.test(capital) || Number(capital) <= 0) errors.capital = '请填写资金数额（万元，大于0，最多两位小数）'
    body.place = place
    body.capital = capital
    return Object.keys(errors).length ? { errors } : { payload: body }
  },

  // ---- step 3 经营者
  onOpInput(e) {
    const field = e.currentTarget.dataset.field
    this.setData({ ['op.' + field]: e.detail.value, 'dirty.operator': true, ['errors.' + field]: '' })
  },

  onOpPicker(e) {
    const field = e.currentTarget.dataset.field
    const value = e.currentTarget.dataset.kind === 'date' ? e.detail.value : Number(e.detail.value)
    this.setData({ ['op.' + field]: value, 'dirty.operator': true, ['errors.' + (e.currentTarget.dataset.error || field)]: '' })
  },

  setGender(e) {
    this.setData({ 'op.gender': e.currentTarget.dataset.value, 'dirty.operator': true, 'errors.gender': '' })
  },

  toggleLongTerm() {
    this.setData({ 'op.id_long_term': !this.data.op.id_long_term, 'op.id_valid_until': '', 'dirty.operator': true, 'errors.id_valid_until': '' })
  },

  choosePhoto() {
    return wxa
      .chooseImage()
      .then(path =>
        registration.uploadIdPhoto(path, { loading: '上传中', showError: false }).then(file => {
          this.setData({ photo: { id: file.id, path }, 'dirty.operator': true, 'errors.id_photo': '' })
        })
      )
      .catch(err => {
        if (err && err.code) this.setData({ 'errors.id_photo': err.message })
        else if (!wxa.isCancel(err)) wx.showToast({ title: '无法选择图片', icon: 'none' })
      })
  },

  payloadOperator() {
    const d = this.data
    const c = d.catalog || {}
    const op = d.op
    const errors = {}
    const saved = !!(d.app && d.app.steps && d.app.steps.operator)
    if (String(op.name || '').trim().length < 2) errors.name = '请输入经营者姓名'
    if (!op.gender) errors.gender = '请选择性别'
    const ethnicity = (c.ethnicities || [])[op.ethnicityIndex]
    if (!ethnicity) errors.ethnicity = '请选择民族'
    const id = String(op.id_number || '').trim().toUpperCase()
    const idError = !id && saved ? '修改经营者信息需重新输入身份证号码' : checkIdNumber(id)
    if (idError) errors.id_number = idError
    else {
      const male = Number(id[16]) % 2 === 1
      if (op.gender && (op.gender === 'male') !== male) errors.id_number = '性别与身份证号码不一致'
      const birth = id.slice(6, 10) + '-' + id.slice(10, 12) + '-' + id.slice(12, 14)
      const now = today()
      const adult = String(Number(now.slice(0, 4)) - 18) + now.slice(4)
      if (!errors.id_number && birth > adult) errors.id_number = '经营者须年满18周岁'
    }
    if (!op.id_valid_from) errors.id_valid_from = '请选择证件有效期起'
    if (!op.id_long_term) {
      if (!op.id_valid_until) errors.id_valid_until = '请选择证件有效期至，或选择长期有效'
      else if (op.id_valid_from && op.id_valid_until <= op.id_valid_from) errors.id_valid_until = '证件有效期至应晚于有效期起'
      else if (op.id_valid_until < today()) errors.id_valid_until = '身份证件已过有效期'
    }
    const phone = String(op.phone || '').trim()
    const phoneError = !phone && saved ? '修改经营者信息需重新输入手机号' : checkPhone(phone)
    if (phoneError) errors.phone = phoneError
    if (!EMAIL.test(String(op.email || '').trim())) errors.email = '请输入正确的电子邮箱'
    if (String(op.address || '').trim().length < 4) errors.address = '请输入经营者住所'
    if (!POSTCODE.test(String(op.postcode || '').trim())) errors.postcode = '请输入6位邮政编码'
    const political = (c.political_statuses || [])[op.politicalIndex]
    if (!political) errors.political_status = '请选择政治面貌'
    const education = (c.educations || [])[op.educationIndex]
    if (!education) errors.education = '请选择文化程度'
    const employment = (c.employment_statuses || [])[op.employmentIndex]
    if (!employment) errors.employment_status = '请选择申办的就业状态'
    if (!d.photo) errors.id_photo = '请上传经营者身份证件照片'
    if (Object.keys(errors).length) return { errors }
    const body = {
      name: op.name.trim(),
      gender: op.gender,
      ethnicity,
      id_type: 'resident_id',
      id_number: id,
      id_valid_from: op.id_valid_from,
      phone,
      email: op.email.trim(),
      address: op.address.trim(),
      postcode: op.postcode.trim(),
      political_status: political,
      education,
      employment_status: employment,
      id_photo_file_id: d.photo.id,
    }
    if (op.id_long_term) body.id_long_term = true
    else body.id_valid_until = op.id_valid_until
    return { payload: body }
  },

  // ---- step 4 基本信息
  onBasicInput(e) {
    const field = e.currentTarget.dataset.field
    this.setData({ ['basic.' + field]: e.detail.value, 'dirty.basic': true, ['errors.' + field]: '' })
  },

  onBasicSwitch(e) {
    const field = e.currentTarget.dataset.field
    this.setData({ ['basic.' + field]: !!e.detail.value, 'dirty.basic': true })
  },

  setUrban(e) {
    this.setData({ 'basic.urban': e.currentTarget.dataset.value === 'yes', 'dirty.basic': true })
  },

  onResidenceInput(e) {
    const field = e.currentTarget.dataset.field
    this.setData({ ['residence.' + field]: e.detail.value, 'dirty.basic': true, ['errors.' + field]: '' })
  },

  onResidencePicker(e) {
    const field = e.currentTarget.dataset.field
    this.setData({ ['residence.' + field]: Number(e.detail.value), 'dirty.basic': true, ['errors.' + e.currentTarget.dataset.error]: '' })
  },

  removeScope(e) {
    const index = Number(e.currentTarget.dataset.index)
    const item = this.data.scope[index]
    if (!item) return
    if (item.main) {
      this.setData({ 'errors.scope': '主营项目「' + item.text + '」不可删除' })
      return
    }
    if (this.data.scope.length <= 1) {
      this.setData({ 'errors.scope': '经营范围至少保留一项' })
      return
    }
    this.setData({ scope: this.data.scope.filter((x, i) => i !== index), 'dirty.basic': true, 'errors.scope': '' })
    this.updateScopeChoices()
  },

  onAddScopeChange(e) {
    const choice = this.data.scopeChoices[Number(e.detail.value)]
    if (!choice) return
    this.setData({ scope: this.data.scope.concat(scopeRows([Object.assign({}, choice, { main: false, given: false })])), 'dirty.basic': true, 'errors.scope': '' })
    this.updateScopeChoices()
  },

  onCustomScopeInput(e) {
    this.setData({ customScope: e.detail.value })
  },

  addCustomScope() {
    const text = this.data.customScope.trim()
    if (text.length < 2) {
      this.setData({ 'errors.scope': '请输入经营项目（至少2个字）' })
      return
    }
    if (this.data.scope.some(s => s.text === text)) {
      this.setData({ 'errors.scope': '该经营项目已在列表中' })
      return
    }
    const standard = ((this.data.catalog && this.data.catalog.scope_catalog) || []).find(s => s.text === text)
    const row = standard ? scopeRows([Object.assign({}, standard, { main: false, given: false })])[0] : { text, main: false, given: false, standard: false, kind_label: '' }
    this.setData({ scope: this.data.scope.concat(row), customScope: '', 'dirty.basic': true, 'errors.scope': '' })
    this.updateScopeChoices()
  },

  payloadBasic() {
    const d = this.data
    const c = d.catalog || {}
    const b = d.basic
    const r = d.residence
    const errors = {}
    if (!String(b.store_name || '').trim()) errors.store_name = '请输入店铺名称'
    if (!POSTCODE.test(String(b.postcode || '').trim())) errors.postcode = '请输入6位邮政编码'
    const staff = String(b.staff_count || '').trim()
    if (!/^\d{1,4}$/.test(staff) || Number(staff) < 1 || Number(staff) > 1000) errors.staff_count = '从业人数应为1–1000人'
    if (!d.scope.length) errors.scope = '经营范围至少保留一项'
    else if (d.type && !d.scope.some(s => s.text === d.type.main_item)) errors.scope = '主营项目「' + d.type.main_item + '」不可删除'
    if (String(r.street || '').trim().length < 2) errors.street = '请输入街道（乡镇）'
    if (!String(r.house_no || '').trim()) errors.house_no = '请输入门牌号/房号'
    const ptype = (c.property_types || [])[r.propertyTypeIndex]
    if (!ptype) errors.property_type = '请选择产权类型'
    const puse = (c.property_uses || [])[r.propertyUseIndex]
    if (!puse) errors.property_use = '请选择房屋用途'
    if (String(r.owner_name || '').trim().length < 2) errors.owner_name = '请输入产权人'
    const area = String(r.area_sqm || '').trim()
    if (!/^\d{1,6}(\.\d{1,2})?$/.test(area) || Number(area) <= 0) errors.area_sqm = '请输入面积（平方米，大于0）'
    if (Object.keys(errors).length) return { errors }
    return {
      payload: {
        store_name: b.store_name.trim(),
        urban: !!b.urban,
        postcode: b.postcode.trim(),
        staff_count: Number(staff),
        paper_license: !!b.paper_license,
        scope: d.scope.map(s => s.text),
        residence: { street: r.street.trim(), house_no: r.house_no.trim(), property_type: ptype.value, property_use: puse.value, owner_name: r.owner_name.trim(), area_sqm: area },
      },
    }
  },

  // ---- saving steps 2–4
  next() {
    if (this.data.saving) return Promise.resolve()
    const current = this.data.current
    if (current === 0) return this.saveType()
    const plan = {
      1: { key: 'name', build: () => this.payloadName(), save: registration.saveName, fields: NAME_FIELDS },
      2: { key: 'operator', build: () => this.payloadOperator(), save: registration.saveOperator, fields: OPERATOR_FIELDS },
      3: { key: 'basic', build: () => this.payloadBasic(), save: registration.saveBasic, fields: BASIC_FIELDS },
    }[current]
    if (!plan) return Promise.resolve()
    const app = this.data.app
    // a saved step that was not touched needs no second save (the ID number and phone are never sent back)
    if (app && app.steps && app.steps[plan.key] && !this.data.dirty[plan.key]) {
      this.goTo(current + 1)
      return Promise.resolve()
    }
    const { payload, errors } = plan.build()
    if (errors) {
      this.setData({ errors })
      wx.showToast({ title: '请按提示修改后再继续', icon: 'none' })
      return Promise.resolve()
    }
    this.setData({ saving: true, errors: {} })
    return plan
      .save(app.id, payload, { showError: false, loading: '保存中' })
      .then(saved => {
        this.setData({ saving: false, ['dirty.' + plan.key]: false })
        if (plan.key === 'operator') this.setData({ 'op.id_number_masked': (saved.operator && saved.operator.id_number_masked) || '', 'op.phone_masked': (saved.operator && saved.operator.phone_masked) || '' })
        if (plan.key === 'name' && saved.name_step && saved.name_step.name) this.setData({ nameCheck: { state: 'ok', name: saved.name_step.name } })
        this.showApp(saved)
        this.goTo(current + 1)
      })
      .catch(err => this.saveFailed(err, plan.fields))
  },

  saveFailed(err, fields) {
    const errors = apiFieldErrors(err, fields)
    this.setData({ saving: false, errors })
    if (err && err.code === 'REGISTRATION_NAME_FORBIDDEN') {
      this.setData({ nameCheck: { state: 'refused', message: err.message, ruleLabel: (err.data && err.data.rule_label) || '' } })
    }
    if (err && err.code === 'REGISTRATION_STEP_INCOMPLETE' && err.data && Array.isArray(err.data.missing)) {
      const first = STEP_OF_KEY[err.data.missing[0]]
      if (first !== undefined) this.goTo(first)
    }
    if (err && (err.code === 'REGISTRATION_LOCKED' || err.code === 'REGISTRATION_ACTION_NOT_ALLOWED')) this.refresh()
    toast(err)
  },

  // ---- step 5 预览 + confirm
  openDocument(e) {
    const code = e.currentTarget.dataset.code
    const doc = ((this.data.app && this.data.app.documents) || []).find(x => x.code === code)
    return openPdf(registration.documentUrl(this.data.app.id, code), { what: doc ? doc.title : '文书' })
  },

  confirmDocuments() {
    if (this.data.saving) return Promise.resolve()
    return wxa.confirm('确认后申请内容将锁定，进入实名认证与电子签名（' + ((this.data.catalog && this.data.catalog.sign_days) || 6) + '个工作日内完成）。确认文书内容无误吗？', '确认文书').then(ok => {
      if (!ok) return null
      return this.callConfirm()
    })
  },

  callConfirm() {
    this.setData({ saving: true })
    return registration
      .confirm(this.data.app.id, { showError: false, loading: '确认中' })
      .then(app => {
        this.setData({ saving: false, qr: {} })
        this.showApp(app)
        this.goTo(resumeStep(app))
      })
      .catch(err => {
        this.setData({ saving: false })
        if (err && err.code === 'REGISTRATION_STEP_INCOMPLETE' && err.data && Array.isArray(err.data.missing)) {
          const first = STEP_OF_KEY[err.data.missing[0]]
          if (first !== undefined) this.goTo(first)
        }
        toast(err)
      })
  },

  /** 重新认证: after the time limit, confirm again for new links, then redo the real-name step. */
  renew() {
    return wxa.confirm('将重新生成签名链接，所有签字人需重新实名认证并签名。确定继续吗？', '重新认证').then(ok => (ok ? this.callConfirm() : null))
  },

  reopen() {
    return wxa.confirm('返回修改后，已完成的实名认证和电子签名将作废，修改后需重新确认、认证和签名。确定返回修改吗？', '返回修改').then(ok => {
      if (!ok) return null
      this.setData({ saving: true })
      return registration
        .reopen(this.data.app.id, { showError: false, loading: '处理中' })
        .then(app => {
          this.setData({ saving: false, qr: {} })
          this.showApp(app)
          this.goTo(0)
        })
        .catch(err => {
          this.setData({ saving: false })
          toast(err)
        })
    })
  },

  // ---- step 6 实名认证
  onRnInput(e) {
    const { id, field } = e.currentTarget.dataset
    this.setData({ ['rn.' + id + '.' + field]: e.detail.value, ['rnErrors.' + id]: '' })
  },

  verify(e) {
    const id = e.currentTarget.dataset.id
    const form = this.data.rn[id] || {}
    const name = String(form.name || '').trim()
    const number = String(form.id_number || '').trim().toUpperCase()
    const problem = name.length < 2 ? '请输入签字人姓名' : checkIdNumber(number)
    if (problem) {
      this.setData({ ['rnErrors.' + id]: problem })
      return Promise.resolve()
    }
    this.setData({ saving: true })
    return registration
      .realname(this.data.app.id, id, { name, id_number: number }, { showError: false, loading: '认证中' })
      .then(app => {
        this.setData({ saving: false, ['rn.' + id + '.id_number']: '' })
        wx.showToast({ title: '实名认证成功', icon: 'success' })
        this.showApp(app)
      })
      .catch(err => {
        this.setData({ saving: false, ['rnErrors.' + id]: (err && err.message) || '实名认证失败' })
        if (err && err.code === 'REGISTRATION_SIGN_EXPIRED') this.setData({ expired: true })
        toast(err)
      })
  },

  // ---- step 7 电子签名
  loadQrs() {
    const app = this.data.app
    if (!app) return Promise.resolve()
    const todo = this.data.signers.filter(s => !s.signed && s.verified && !this.data.qr[s.id])
    return Promise.all(
      todo.map(s => {
        this.setData({ ['qrFailed.' + s.id]: false })
        return download(registration.signerQrUrl(app.id, s.id), { what: '签名二维码', quiet: true }).then(path => {
          if (path) this.setData({ ['qr.' + s.id]: path })
          else this.setData({ ['qrFailed.' + s.id]: true })
        })
      })
    )
  },

  previewQr(e) {
    const path = this.data.qr[e.currentTarget.dataset.id]
    if (path) wx.previewImage({ urls: [path], current: path })
  },

  signHere(e) {
    const signer = this.data.signers.find(s => String(s.id) === String(e.currentTarget.dataset.id))
    if (!signer || !signer.sign_token) return
    wx.navigateTo({ url: '/pages/registration/sign/index?token=' + encodeURIComponent(signer.sign_token) })
  },

  copyLink(e) {
    const signer = this.data.signers.find(s => String(s.id) === String(e.currentTarget.dataset.id))
    if (signer && signer.sign_url) wx.setClipboardData({ data: signer.sign_url })
  },

  refreshSigning() {
    return this.refresh()
  },

  toSubmit() {
    if (!this.data.allSigned) {
      wx.showToast({ title: '尚有签字人未完成电子签名', icon: 'none' })
      return
    }
    this.goTo(SUBMIT)
  },

  toRealname() {
    this.goTo(REALNAME)
  },

  toSign() {
    if (!this.data.allVerified) {
      wx.showToast({ title: '请先完成全部签字人的实名认证', icon: 'none' })
      return
    }
    this.goTo(SIGN)
  },

  // ---- step 8 提交
  submit() {
    if (this.data.saving) return Promise.resolve()
    return wxa.confirm('提交后系统将进行智能审批，符合条件的即时核准发照。确认提交吗？', '提交申请').then(ok => {
      if (!ok) return null
      this.setData({ saving: true })
      return registration
        .submit(this.data.app.id, { showError: false, loading: '提交中' })
        .then(app => {
          this.setData({ saving: false })
          wx.showToast({ title: app.outcome_label || app.status_label || '已提交', icon: 'none' })
          wx.redirectTo({ url: '/pages/registration/result/index?id=' + app.id + '&submitted=1' })
        })
        .catch(err => {
          this.setData({ saving: false })
          if (err && err.code === 'REGISTRATION_SIGN_EXPIRED') this.setData({ expired: true })
          if (err && (err.code === 'REGISTRATION_NOT_SIGNED' || err.code === 'REGISTRATION_REALNAME_REQUIRED')) this.refresh()
          toast(err)
        })
    })
  },

  withdraw() {
    return wxa.confirm('撤回后本次登记申请结束，已申报的名称将被释放。确定撤回吗？', '撤回申请').then(ok => {
      if (!ok) return null
      return registration
        .withdraw(this.data.app.id, { showError: false, loading: '撤回中' })
        .then(() => {
          wx.showToast({ title: '已撤回', icon: 'none' })
          wx.navigateBack({ fail: () => wx.redirectTo({ url: '/pages/registration/index' }) })
        })
        .catch(err => toast(err))
    })
  },
})
