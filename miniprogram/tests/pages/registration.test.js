jest.mock('../../services/registration')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap, input, trigger, attr } = require('../helpers/page')
const registration = require('../../services/registration')
const { ApiError } = require('../../utils/request')

const actual = jest.requireActual('../../services/registration')

let wx
beforeEach(() => {
  wx = installWx()
  wx.setStorageSync('getitong.token', { access_token: 'tok-1', refresh_token: 'ref-1' })
  registration.documentUrl.mockImplementation(actual.documentUrl)
  registration.signerQrUrl.mockImplementation(actual.signerQrUrl)
  registration.signingDocumentUrl.mockImplementation(actual.signingDocumentUrl)
  registration.signTokenFrom.mockImplementation(actual.signTokenFrom)
})

const texts = (page, selector) => page.querySelectorAll(selector).map(n => n.dom.textContent.trim())
const apiError = (code, message, status = 400, data = null) => new ApiError({ code, message, status, data })
const wait = ms => new Promise(resolve => setTimeout(resolve, ms))

// ---- fixtures shaped like docs/registration.md (taken from the real API)
const SCOPE = [
  { text: '小餐饮', kind: 'licensed', kind_label: '许可项目', main: true, given: true, standard: true },
  { text: '餐饮服务', kind: 'licensed', kind_label: '许可项目', main: false, given: true, standard: true },
  { text: '外卖递送服务', kind: 'general', kind_label: '一般项目', main: false, given: true, standard: true },
]

function catalog() {
  return {
    business_types: [
      { code: 'small_restaurant', label: '小餐饮', industry: '餐饮业', industry_words: ['餐饮', '小吃', '饺子'], main_item: '小餐饮', scope: SCOPE },
      {
        code: 'fruit_shop',
        label: '水果店',
        industry: '零售业',
        industry_words: ['水果', '鲜果'],
        main_item: '新鲜水果零售',
        scope: [{ text: '新鲜水果零售', kind: 'general', kind_label: '一般项目', main: true, given: true, standard: true }],
      },
    ],
    scope_catalog: [
      { text: '餐饮服务', kind: 'licensed', kind_label: '许可项目', main: false, given: false, standard: true },
      { text: '日用百货销售', kind: 'general', kind_label: '一般项目', main: false, given: false, standard: true },
    ],
    regions: [
      { code: '420202', name: '黄石市黄石港区', authority: { id: 13, name: '黄石市黄石港区市场监督管理局' } },
      { code: '420204', name: '黄石市下陆区', authority: { id: 19, name: '黄石市下陆区市场监督管理局' } },
    ],
    org_forms: ['店', '馆', '铺'],
    name_rules: [{ code: 'foreign_or_international', label: '不得含有外国国家（地区）名称、国际组织名称' }],
    ethnicities: ['汉族', '回族'],
    id_types: [{ value: 'resident_id', label: '中华人民共和国居民身份证' }],
    genders: [{ value: 'male', label: '男' }, { value: 'female', label: '女' }],
    political_statuses: ['中共党员', '群众'],
    educations: ['大学本科', '高中'],
    employment_statuses: ['返乡创业人员', '其他'],
    property_types: [{ value: 'owned', label: '自有' }, { value: 'leased', label: '租赁' }],
    property_uses: [{ value: 'commercial', label: '商业用房' }, { value: 'residential', label: '住宅' }],
    statuses: [],
    rules: [],
    sign_days: 6,
    auto_capital_max: '100',
  }
}

const DOCS = [
  { code: 'application', title: '个体工商户登记申请书' },
  { code: 'name_commitment', title: '企业名称自主申报承诺书' },
  { code: 'residence', title: '住所（经营场所）信息申报承诺书' },
]
const NAME_STEP = { named: true, region_code: '420204', trade_name: '穆静', industry_word: '饺子', org_form: '馆', name: '黄石市下陆区穆静饺子馆', commitment_accepted: true, place: '湖北省黄石市下陆区杭州东路9号', capital: '5.00' }
const OPERATOR = {
  name: '张秀英', gender: 'female', ethnicity: '汉族', id_type: 'resident_id', id_valid_from: '2020-01-01', id_valid_until: null, id_long_term: true,
  email: 'a@b.cn', address: '湖北省黄石市下陆区老下陆街道12号', postcode: '435000', political_status: '群众', education: '高中',
  employment_status: '其他', birth_date: '1974-07-11', gender_label: '女', id_number_masked: '4202**********9705', phone_masked: '139****0001', id_photo_file_id: 5,
}
const SYSTEM = {
  name: '黄石市下陆区穆静饺子馆', place: '湖北省黄石市下陆区杭州东路9号', phone_masked: '139****0001', capital: '5.00', industry: '餐饮业', term: '长期',
  authority: { id: 19, name: '黄石市下陆区市场监督管理局' }, scope_text: '许可项目：小餐饮；餐饮服务。',
}

/** A draft whose first `done` of the four steps are saved. */
function draft(done = 1, overrides = {}) {
  const keys = ['business_type', 'name', 'operator', 'basic']
  const steps = {}
  keys.forEach((k, i) => (steps[k] = i < done))
  return Object.assign(
    {
      id: 7,
      number: 'DJ20261201A90F366DD6',
      status: 'draft',
      status_label: '填写中',
      business_type: 'small_restaurant',
      business_type_label: '小餐饮',
      steps,
      name_step: done > 1 ? Object.assign({}, NAME_STEP) : null,
      operator: done > 2 ? Object.assign({}, OPERATOR) : null,
      basic: done > 3 ? { store_name: '穆静饺子馆', urban: true, postcode: '435000', staff_count: 2, paper_license: true } : null,
      scope: done > 3 ? SCOPE.slice(0, 2) : null,
      residence: done > 3 ? { street: '团城山街道', house_no: '9号', property_type: 'leased', property_use: 'commercial', owner_name: '某公司', area_sqm: '30' } : null,
      system: done > 1 ? Object.assign({}, SYSTEM) : { name: null, industry: '餐饮业', term: '长期', authority: null },
      signers: [],
      sign_due_on: null,
      ready_to_submit: false,
      documents: done > 3 ? DOCS : [],
      rule_results: [],
      failed_rules: [],
      refuse_reason: null,
      uscc: null,
      license_available: false,
      pickup: null,
      actions: ['confirm', 'withdraw'],
    },
    overrides
  )
}

function signer(overrides = {}) {
  return Object.assign(
    {
      id: 3, role: 'operator', role_label: '经营者', name: '张秀英', id_type_label: '中华人民共和国居民身份证', id_number_masked: '4202**********9705',
      realname_status: 'pending', realname_status_label: '未认证', realname_at: null, realname_until: null, signed: false, sign_status_label: '未签名', signed_at: null,
      sign_url: 'https://gtt.example.gov.cn/h5/registration-sign?token=TOKEN3', sign_token: 'TOKEN3',
    },
    overrides
  )
}

const VERIFIED = { realname_status: 'verified', realname_status_label: '认证成功', realname_until: '2099-12-09' }
const SIGNED = { signed: true, sign_status_label: '已签名', signed_at: '2026-12-01T10:44:00+08:00', sign_url: undefined, sign_token: undefined }

function signing(signerOverrides = {}, overrides = {}) {
  return draft(4, Object.assign({ status: 'signing', status_label: '待实名认证与签名', actions: ['confirm', 'reopen', 'withdraw', 'submit'], signers: [signer(signerOverrides)], sign_due_on: signerOverrides.realname_until || null }, overrides))
}

function approved(overrides = {}) {
  return draft(
    4,
    Object.assign(
      {
        status: 'approved', status_label: '已核准', uscc: '92420204MAQKJR5E6X', decided_by: 'auto', license_available: true, actions: [],
        pickup: '请携带本人身份证件到黄石市下陆区市场监督管理局政务服务大厅登记窗口领取纸质营业执照',
        documents: DOCS.concat([{ code: 'review_sheet', title: '设立登记审核表' }, { code: 'license', title: '营业执照' }]),
        signers: [signer(Object.assign({}, VERIFIED, SIGNED))], decided_at: '2026-12-01T10:44:01+08:00', submitted_at: '2026-12-01T10:44:01+08:00',
        events: [
          { action: 'create', action_label: '创建申请', at: '2026-12-01T10:43:33+08:00', comment: '' },
          { action: 'auto_approve', action_label: '智能审批通过', at: '2026-12-01T10:44:01+08:00', comment: '全部规则校验通过，系统自动核准' },
        ],
      },
      overrides
    )
  )
}

async function openWizard(app) {
  registration.getCatalog.mockResolvedValue(catalog())
  if (app) registration.getRegistration.mockResolvedValue(app)
  const page = loadPage('pages/registration/apply/index', { query: app ? { id: String(app.id) } : {} })
  await flush()
  return page
}

// ------------------------------------------------------------------ index
describe('个体户登记 index', () => {
  test('my applications: status, USCC, the failed rules of one in review; a draft opens the wizard, the others the outcome', async () => {
    registration.list.mockResolvedValue({
      items: [
        { id: 9, number: 'DJ9', status: 'draft', status_label: '填写中', business_type: 'fruit_shop', business_type_label: '水果店', name: null, created_at: '2026-12-01T10:00:00+08:00', failed_rules: [] },
        { id: 2, number: 'DJ2', status: 'reviewing', status_label: '登记审核中', business_type_label: '水果店', name: '黄石市下陆区楚鲜水果店', created_at: '2026-12-01T10:00:00+08:00',
          failed_rules: [{ code: 'capital_within_limit', label: '资金数额在智能审批上限内', reason: '资金数额超过智能审批上限（100万元）' }] },
        { id: 1, number: 'DJ1', status: 'approved', status_label: '已核准', business_type_label: '小餐饮', name: '黄石市下陆区秀英饺子馆', uscc: '92420204MACDXQFD3G', created_at: '2026-12-01T10:00:00+08:00', failed_rules: [] },
      ],
      next: null,
    })
    const page = loadPage('pages/registration/index')
    await flush()
    expect(texts(page, '.reg__item-title')).toEqual(['水果店（未申报名称）', '黄石市下陆区楚鲜水果店', '黄石市下陆区秀英饺子馆'])
    expect(texts(page, '.reg__status')).toEqual(['填写中', '登记审核中', '已核准'])
    expect(textOf(page, '#app-2 .reg__failed')).toBe('需人工审核：资金数额在智能审批上限内')
    expect(textOf(page, '#app-1 .reg__uscc')).toBe('统一社会信用代码：92420204MACDXQFD3G')
    expect(textOf(page, '#app-9 .reg__go')).toBe('继续办理 ›')

    await tap(page, '#app-9')
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/registration/apply/index?id=9' })
    await tap(page, '#app-1')
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/registration/result/index?id=1' })
    await tap(page, '#start')
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/registration/apply/index' })
  })

  test('empty list; an error shows its message and retries', async () => {
    registration.list.mockResolvedValueOnce({ items: [], next: null })
    const page = loadPage('pages/registration/index')
    await flush()
    expect(textOf(page, '#empty')).toContain('暂无登记申请')

    registration.list.mockRejectedValueOnce(apiError('UNAUTHENTICATED', '请先登录', 401))
    const failed = loadPage('pages/registration/index')
    await flush()
    expect(textOf(failed, '#error')).toContain('请先登录')
    registration.list.mockResolvedValueOnce({ items: [], next: null })
    await tap(failed, '#error .state__action')
    expect(exists(failed, '#empty')).toBe(true)
  })
})

// ------------------------------------------------------------------ the wizard
describe('wizard: opening and resuming', () => {
  test('a new application starts at step 1 with the catalog: fixed scope, industry and main item; a type must be chosen', async () => {
    const page = await openWizard(null)
    expect(registration.getRegistration).not.toHaveBeenCalled()
    expect(exists(page, '#step-type')).toBe(true)
    expect(textOf(page, '#type-small_restaurant .wizard__option-name')).toBe('小餐饮')
    expect(textOf(page, '#type-small_restaurant .hint')).toBe('行业：餐饮业 · 主营项目：小餐饮')
    expect(texts(page, '#type-small_restaurant .tag')).toEqual(['小餐饮', '餐饮服务', '外卖递送服务'])

    await tap(page, '#next')
    expect(textOf(page, '#business_type-error')).toBe('请选择个体户类型')
    expect(registration.create).not.toHaveBeenCalled()

    registration.create.mockResolvedValueOnce(draft(1))
    await tap(page, '#type-small_restaurant')
    expect(attr(page, '#type-small_restaurant', 'aria-checked')).toBe(true)
    await tap(page, '#next')
    expect(registration.create).toHaveBeenCalledWith('small_restaurant', expect.objectContaining({ showError: false }))
    expect(exists(page, '#step-name')).toBe(true)
    expect(textOf(page, '#head')).toBe('申请号 DJ20261201A90F366DD6 · 填写中')
  })

  test('a draft resumes at its first unfinished step; signing ones at real-name, signature or submit', async () => {
    let page = await openWizard(draft(3))
    expect(exists(page, '#step-basic')).toBe(true)
    expect(attr(page, '#bar-2', 'aria-label')).toBe('第3步经营者，已完成')

    page = await openWizard(draft(4))
    expect(exists(page, '#step-preview')).toBe(true)

    page = await openWizard(signing())
    expect(exists(page, '#step-realname')).toBe(true)

    page = await openWizard(signing(VERIFIED))
    expect(exists(page, '#step-sign')).toBe(true)

    page = await openWizard(signing(Object.assign({}, VERIFIED, SIGNED), { ready_to_submit: true }))
    expect(exists(page, '#step-submit')).toBe(true)
  })

  test('a decided application opens the outcome; a load error shows its message', async () => {
    await openWizard(approved())
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/registration/result/index?id=7' })

    registration.getCatalog.mockResolvedValue(catalog())
    registration.getRegistration.mockRejectedValueOnce(apiError('REGISTRATION_NOT_FOUND', '登记申请不存在', 404))
    const page = loadPage('pages/registration/apply/index', { query: { id: '99' } })
    await flush()
    expect(textOf(page, '#error')).toContain('登记申请不存在')
  })

  test('changing the type of a draft with a saved name asks first, then resets the scope', async () => {
    const page = await openWizard(draft(4))
    await tap(page, '#bar-0')
    expect(exists(page, '#step-type')).toBe(true)
    await tap(page, '#type-fruit_shop')
    wx.__responses.showModal = { confirm: false }
    await tap(page, '#next')
    expect(registration.setBusinessType).not.toHaveBeenCalled()

    wx.__responses.showModal = { confirm: true }
    registration.setBusinessType.mockResolvedValueOnce(draft(1, { business_type: 'fruit_shop', business_type_label: '水果店', steps: { business_type: true, name: false, operator: true, basic: false }, operator: OPERATOR }))
    await tap(page, '#next')
    expect(wx.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: expect.stringContaining('经营范围和基本信息将重置') }))
    expect(registration.setBusinessType).toHaveBeenCalledWith(7, 'fruit_shop', expect.anything())
    expect(exists(page, '#step-name')).toBe(true)
    expect(page.instance.data.scope.map(s => s.text)).toEqual(['新鲜水果零售'])
  })
})

describe('step 2 核名', () => {
  async function atName(app = draft(1)) {
    const page = await openWizard(app)
    expect(exists(page, '#step-name')).toBe(true)
    return page
  }

  async function fillName(page, trade = '穆静') {
    await trigger(page, '#region', 'change', { value: 1 })
    await input(page, '#trade_name', trade)
    await trigger(page, '#industry_word', 'change', { value: 2 })
    await trigger(page, '#org_form', 'change', { value: 1 })
  }

  test('the name is checked live once its four parts are there: available with the authority', async () => {
    const page = await atName()
    registration.checkName.mockResolvedValue({ name: '黄石市下陆区穆静饺子馆', available: true, authority: { id: 19, name: '黄石市下陆区市场监督管理局' } })
    await fillName(page)
    expect(textOf(page, '#authority')).toBe('登记机关：黄石市下陆区市场监督管理局')
    expect(exists(page, '#name-checking')).toBe(true)
    await wait(600)
    await flush()
    expect(registration.checkName).toHaveBeenCalledTimes(1) // debounced: one call for the whole typing
    expect(registration.checkName).toHaveBeenCalledWith(
      { region_code: '420204', business_type: 'small_restaurant', trade_name: '穆静', industry_word: '饺子', org_form: '馆' },
      expect.objectContaining({ showError: false })
    )
    expect(textOf(page, '#name-ok .wizard__name')).toBe('黄石市下陆区穆静饺子馆')
    expect(textOf(page, '#name-ok .hint')).toBe('该名称可以使用（登记机关：黄石市下陆区市场监督管理局）')
  })

  test('a refused name shows the rule it breaks; a taken one says so; saving is blocked until it changes', async () => {
    const page = await atName()
    registration.checkName.mockRejectedValueOnce(
      apiError('REGISTRATION_NAME_FORBIDDEN', '名称不得含有外国国家（地区）名称、国际组织名称（“美国”）', 400, { rule: 'foreign_or_international', rule_label: '含有外国国家（地区）名称、国际组织名称', text: '美国' })
    )
    await fillName(page, '美国')
    await tap(page, '#check-name')
    expect(textOf(page, '#name-rule')).toBe('违反规则：含有外国国家（地区）名称、国际组织名称')
    expect(textOf(page, '#name-message')).toBe('名称不得含有外国国家（地区）名称、国际组织名称（“美国”）')

    await tap(page, '#commitment')
    await input(page, '#place', '湖北省黄石市下陆区杭州东路9号')
    await input(page, '#capital', '5')
    await tap(page, '#next')
    expect(registration.saveName).not.toHaveBeenCalled()
    expect(textOf(page, '#trade_name-error')).toContain('“美国”')

    registration.checkName.mockRejectedValueOnce(apiError('REGISTRATION_NAME_TAKEN', '该名称已被使用：同一登记机关辖区内同行业已有相同字号的个体工商户或在办申请', 409))
    await input(page, '#trade_name', '秀英')
    await tap(page, '#check-name')
    expect(textOf(page, '#name-rule')).toBe('违反规则：名称在同一辖区同行业内不重复')
    expect(textOf(page, '#name-message')).toContain('该名称已被使用')
    clearTimeout(page.instance.nameTimer)
  })

  test('validation: the parts, the commitment, the place and the capital; then the step is saved and step 3 shows', async () => {
    const page = await atName()
    await tap(page, '#next')
    expect(textOf(page, '#region_code-error')).toBe('请选择行政区划（区/县）')
    expect(textOf(page, '#trade_name-error')).toBe('请输入字号')
    expect(textOf(page, '#commitment-error')).toBe('请阅读并同意《企业名称自主申报承诺书》')
    expect(textOf(page, '#capital-error')).toContain('资金数额')

    registration.checkName.mockResolvedValue({ name: '黄石市下陆区穆静饺子馆', available: true, authority: { id: 19, name: '黄石市下陆区市场监督管理局' } })
    await fillName(page)
    await input(page, '#trade_name', 'AB')
    await input(page, '#capital', '5.123')
    await tap(page, '#next')
    expect(textOf(page, '#trade_name-error')).toBe('字号应为2–10个汉字')
    expect(textOf(page, '#capital-error')).toContain('最多两位小数')

    await input(page, '#trade_name', '穆静')
    await tap(page, '#commitment')
    await input(page, '#place', '湖北省黄石市下陆区杭州东路9号')
    await input(page, '#capital', '5')
    registration.saveName.mockResolvedValueOnce(draft(2))
    await tap(page, '#next')
    expect(registration.saveName).toHaveBeenCalledWith(
      7,
      { named: true, region_code: '420204', trade_name: '穆静', industry_word: '饺子', org_form: '馆', commitment_accepted: true, place: '湖北省黄石市下陆区杭州东路9号', capital: '5' },
      expect.objectContaining({ showError: false })
    )
    expect(exists(page, '#step-operator')).toBe(true)
    clearTimeout(page.instance.nameTimer)
  })

  test('"我不需要" sends only the district, place and capital; an API error is shown at its field', async () => {
    const page = await atName()
    await tap(page, '#named-no')
    expect(exists(page, '#trade_name')).toBe(false)
    expect(textOf(page, '#no-name')).toContain('不申报名称')
    await trigger(page, '#region', 'change', { value: 0 })
    await input(page, '#place', '湖北省黄石市黄石港区某路1号')
    await input(page, '#capital', '3.5')
    registration.saveName.mockRejectedValueOnce(apiError('REGISTRATION_REGION_INVALID', '所选行政区划不可办理个体户自助登记，请选择区（县）'))
    await tap(page, '#next')
    expect(registration.saveName).toHaveBeenCalledWith(7, { named: false, region_code: '420202', place: '湖北省黄石市黄石港区某路1号', capital: '3.5' }, expect.anything())
    expect(textOf(page, '#region_code-error')).toBe('所选行政区划不可办理个体户自助登记，请选择区（县）')
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '所选行政区划不可办理个体户自助登记，请选择区（县）' }))
    expect(exists(page, '#step-name')).toBe(true)
  })

  test('a saved name resumes filled in and goes on without saving again', async () => {
    const page = await openWizard(draft(2))
    await tap(page, '#bar-1')
    expect(textOf(page, '#region-value')).toBe('黄石市下陆区')
    expect(textOf(page, '#name-ok .wizard__name')).toBe('黄石市下陆区穆静饺子馆')
    expect(attr(page, '#commitment', 'aria-checked')).toBe(true)
    await tap(page, '#next')
    expect(registration.saveName).not.toHaveBeenCalled()
    expect(exists(page, '#step-operator')).toBe(true)
  })
})

describe('step 3 经营者', () => {
  const GOOD_ID = '420204197407119705' // female, born 1974, valid check digit

  async function fillOperator(page, id = GOOD_ID) {
    await input(page, '#op-name', '张秀英')
    await tap(page, '#gender-female')
    await trigger(page, '#ethnicity', 'change', { value: 0 })
    await input(page, '#id_number', id)
    await trigger(page, '#id_valid_from', 'change', { value: '2020-01-01' })
    await tap(page, '#long-term')
    await input(page, '#phone', '13900000001')
    await input(page, '#email', 'a@b.cn')
    await input(page, '#address', '湖北省黄石市下陆区老下陆街道12号')
    await input(page, '#op-postcode', '435000')
    await trigger(page, '#political_status', 'change', { value: 1 })
    await trigger(page, '#education', 'change', { value: 1 })
    await trigger(page, '#employment_status', 'change', { value: 0 })
  }

  test('every field is checked; the ID number by its GB 11643 check digit and against the gender, before any call', async () => {
    const page = await openWizard(draft(2))
    await tap(page, '#next')
    expect(textOf(page, '#name-error')).toBe('请输入经营者姓名')
    expect(textOf(page, '#id_number-error')).toBe('请输入身份证号码')
    expect(textOf(page, '#phone-error')).toBe('请输入手机号')
    expect(textOf(page, '#id_photo-error')).toBe('请上传经营者身份证件照片')
    expect(textOf(page, '#id_valid_until-error')).toBe('请选择证件有效期至，或选择长期有效')

    await fillOperator(page, '420204197407119706')
    await tap(page, '#next')
    expect(textOf(page, '#id_number-error')).toBe('身份证号码校验位错误')
    await tap(page, '#gender-male')
    await input(page, '#id_number', GOOD_ID)
    await tap(page, '#next')
    expect(textOf(page, '#id_number-error')).toBe('性别与身份证号码不一致')
    expect(registration.saveOperator).not.toHaveBeenCalled()
  })

  test('the ID photo is uploaded, then the operator saved (long-term ID); an API refusal shows at the ID number', async () => {
    const page = await openWizard(draft(2))
    await fillOperator(page)
    wx.__responses.chooseMedia = { tempFiles: [{ tempFilePath: '/tmp/id.jpg' }] }
    registration.uploadIdPhoto.mockResolvedValueOnce({ id: 41, content_type: 'image/jpeg' })
    await tap(page, '#choose-photo')
    expect(registration.uploadIdPhoto).toHaveBeenCalledWith('/tmp/id.jpg', expect.anything())
    expect(attr(page, '.wizard__img', 'src')).toBe('/tmp/id.jpg')

    registration.saveOperator.mockRejectedValueOnce(apiError('REGISTRATION_OPERATOR_UNDERAGE', '经营者须年满18周岁'))
    await tap(page, '#next')
    expect(textOf(page, '#id_number-error')).toBe('经营者须年满18周岁')

    registration.saveOperator.mockResolvedValueOnce(draft(3))
    await tap(page, '#next')
    expect(registration.saveOperator).toHaveBeenLastCalledWith(
      7,
      {
        name: '张秀英', gender: 'female', ethnicity: '汉族', id_type: 'resident_id', id_number: GOOD_ID, id_valid_from: '2020-01-01', id_long_term: true,
        phone: '13900000001', email: 'a@b.cn', address: '湖北省黄石市下陆区老下陆街道12号', postcode: '435000', political_status: '群众', education: '高中',
        employment_status: '返乡创业人员', id_photo_file_id: 41,
      },
      expect.anything()
    )
    expect(exists(page, '#step-basic')).toBe(true)
  })

  test('a saved operator shows the masked ID; editing it needs the ID number and phone again', async () => {
    const page = await openWizard(draft(3))
    await tap(page, '#bar-2')
    expect(attr(page, '#id_number', 'placeholder')).toBe('已保存 4202**********9705，修改时需重新输入')
    expect(exists(page, '#photo-saved')).toBe(true)
    await input(page, '#email', 'new@b.cn')
    await tap(page, '#next')
    expect(textOf(page, '#id_number-error')).toBe('修改经营者信息需重新输入身份证号码')
    expect(textOf(page, '#phone-error')).toBe('修改经营者信息需重新输入手机号')
    expect(registration.saveOperator).not.toHaveBeenCalled()
  })
})

describe('step 4 基本信息', () => {
  async function fillBasic(page) {
    await input(page, '#store_name', '穆静饺子馆')
    await input(page, '#basic-postcode', '435000')
    await input(page, '#staff_count', '2')
    await trigger(page, '#paper_license', 'change', { value: true })
    await input(page, '#street', '团城山街道')
    await input(page, '#house_no', '9号')
    await trigger(page, '#property_type', 'change', { value: 1 })
    await trigger(page, '#property_use', 'change', { value: 0 })
    await input(page, '#owner_name', '某物业公司')
    await input(page, '#area_sqm', '30')
  }

  test('the scope starts as the type’s: the main item cannot be removed, given items can, standard and other items can be added', async () => {
    const page = await openWizard(draft(3))
    expect(texts(page, '.wizard__scope-text')).toEqual(['小餐饮', '餐饮服务', '外卖递送服务'])
    expect(textOf(page, '#scope-0 .wizard__main')).toBe('主营')
    expect(exists(page, '#remove-scope-0')).toBe(false)

    await tap(page, '#remove-scope-2')
    expect(texts(page, '.wizard__scope-text')).toEqual(['小餐饮', '餐饮服务'])
    // the picker offers the standard items not yet chosen
    expect(page.instance.data.scopeChoices.map(s => s.text)).toEqual(['日用百货销售'])
    await trigger(page, '#add-scope', 'change', { value: 0 })
    await input(page, '#custom-scope', '手工艺品制作')
    await tap(page, '#add-custom-scope')
    expect(texts(page, '.wizard__scope-text')).toEqual(['小餐饮', '餐饮服务', '日用百货销售', '手工艺品制作'])
    expect(textOf(page, '#scope-3 .wizard__nonstd')).toBe('非规范表述，转人工审核')

    await fillBasic(page)
    registration.saveBasic.mockResolvedValueOnce(draft(4))
    await tap(page, '#next')
    expect(registration.saveBasic).toHaveBeenCalledWith(
      7,
      {
        store_name: '穆静饺子馆', urban: true, postcode: '435000', staff_count: 2, paper_license: true,
        scope: ['小餐饮', '餐饮服务', '日用百货销售', '手工艺品制作'],
        residence: { street: '团城山街道', house_no: '9号', property_type: 'leased', property_use: 'commercial', owner_name: '某物业公司', area_sqm: '30' },
      },
      expect.anything()
    )
    expect(exists(page, '#step-preview')).toBe(true)
  })

  test('validation and the API’s scope refusal; a residence used as home warns it goes to a person', async () => {
    const page = await openWizard(draft(3))
    await tap(page, '#next')
    expect(textOf(page, '#store_name-error')).toBe('请输入店铺名称')
    expect(textOf(page, '#staff_count-error')).toBe('从业人数应为1–1000人')
    expect(textOf(page, '#property_type-error')).toBe('请选择产权类型')

    await tap(page, '#remove-scope-1')
    await tap(page, '#remove-scope-1')
    expect(texts(page, '.wizard__scope-text')).toEqual(['小餐饮'])
    await fillBasic(page)
    await trigger(page, '#property_use', 'change', { value: 1 })
    expect(textOf(page, '#residential-hint')).toContain('转人工审核')
    registration.saveBasic.mockRejectedValueOnce(apiError('REGISTRATION_SCOPE_INVALID', '主营项目「小餐饮」不可删除', 400, { main_item: '小餐饮' }))
    await tap(page, '#next')
    expect(textOf(page, '#scope-error')).toBe('主营项目「小餐饮」不可删除')
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '主营项目「小餐饮」不可删除' }))
  })
})

describe('step 5 预览 and confirm', () => {
  test('the system fields and each PDF (downloaded with the token, opened); confirm asks, locks and goes to real-name', async () => {
    const page = await openWizard(draft(4))
    expect(textOf(page, '#preview-name')).toBe('黄石市下陆区穆静饺子馆')
    expect(textOf(page, '#preview-authority')).toBe('黄石市下陆区市场监督管理局')
    expect(texts(page, '.wizard__doc')).toEqual(['📄 个体工商户登记申请书查看 ›', '📄 企业名称自主申报承诺书查看 ›', '📄 住所（经营场所）信息申报承诺书查看 ›'])

    wx.__responses.downloadFile = { statusCode: 200, tempFilePath: '/tmp/application.pdf' }
    await tap(page, '#doc-application')
    expect(wx.downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'http://127.0.0.1:8000/api/v1/mp/registrations/7/documents/application', header: { Authorization: 'Bearer tok-1' } })
    )
    expect(wx.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: '/tmp/application.pdf', fileType: 'pdf' }))

    wx.__responses.downloadFile = { statusCode: 404 }
    await tap(page, '#doc-residence')
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '住所（经营场所）信息申报承诺书不存在或已失效' }))

    wx.__responses.showModal = { confirm: true }
    registration.confirm.mockResolvedValueOnce(signing())
    await tap(page, '#confirm')
    expect(registration.confirm).toHaveBeenCalledWith(7, expect.anything())
    expect(exists(page, '#step-realname')).toBe(true)
    expect(textOf(page, '#head')).toBe('申请号 DJ20261201A90F366DD6 · 待实名认证与签名')
    // locked: the steps before the preview cannot be opened, 返回修改 can reopen
    await tap(page, '#bar-1')
    expect(exists(page, '#step-realname')).toBe(true)
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: expect.stringContaining('返回修改') }))
    expect(exists(page, '#reopen')).toBe(true)
  })

  test('返回修改 voids the signatures after confirmation and opens step 1 again', async () => {
    const page = await openWizard(signing(VERIFIED))
    wx.__responses.showModal = { confirm: true }
    registration.reopen.mockResolvedValueOnce(draft(4))
    await tap(page, '#reopen')
    expect(wx.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: expect.stringContaining('作废') }))
    expect(registration.reopen).toHaveBeenCalledWith(7, expect.anything())
    expect(exists(page, '#step-type')).toBe(true)
    expect(exists(page, '#reopen')).toBe(false)
  })
})

describe('step 6 实名认证', () => {
  test('name and a valid ID number per signer; a mismatch shows the API’s message; success shows the validity', async () => {
    const page = await openWizard(signing())
    expect(textOf(page, '#signer-3 .wizard__signer-name')).toBe('经营者：张秀英')
    expect(textOf(page, '#signer-3 .wizard__rn-status')).toBe('未认证')
    expect(attr(page, '#to-sign', 'disabled')).toBe(true)

    await input(page, '#rn-id-3', '420204197407119706')
    await tap(page, '#verify-3')
    expect(textOf(page, '#rn-error-3')).toBe('身份证号码校验位错误')
    expect(registration.realname).not.toHaveBeenCalled()

    await input(page, '#rn-id-3', '110105199001011232')
    registration.realname.mockRejectedValueOnce(apiError('REGISTRATION_REALNAME_MISMATCH', '姓名或证件号码与签字人信息不一致，实名认证未通过'))
    await tap(page, '#verify-3')
    expect(registration.realname).toHaveBeenCalledWith(7, 3, { name: '张秀英', id_number: '110105199001011232' }, expect.anything())
    expect(textOf(page, '#rn-error-3')).toBe('姓名或证件号码与签字人信息不一致，实名认证未通过')

    await input(page, '#rn-id-3', '420204197407119705')
    registration.realname.mockResolvedValueOnce(signing(VERIFIED, { sign_due_on: '2099-12-09' }))
    await tap(page, '#verify-3')
    expect(textOf(page, '#signer-3 .wizard__rn-status')).toBe('认证成功')
    expect(textOf(page, '#signer-3 .wizard__rn-until')).toBe('认证有效期至 2099-12-09')
    expect(attr(page, '#to-sign', 'disabled')).toBe(false)
  })

  test('an expired real-name confirmation offers 重新认证 (confirm again)', async () => {
    const page = await openWizard(signing({ realname_status: 'expired', realname_status_label: '已过期' }))
    expect(textOf(page, '#expired')).toContain('实名认证已过期')
    wx.__responses.showModal = { confirm: true }
    registration.confirm.mockResolvedValueOnce(signing())
    await tap(page, '#renew')
    expect(registration.confirm).toHaveBeenCalledWith(7, expect.anything())
    expect(exists(page, '#expired')).toBe(false)
  })
})

describe('step 7 电子签名', () => {
  test('the signer’s QR from the API (with the token); signing here opens the signing page; a refresh picks up the signature', async () => {
    wx.__responses.downloadFile = { statusCode: 200, tempFilePath: '/tmp/qr3.png' }
    const page = await openWizard(signing(VERIFIED, { sign_due_on: '2099-12-09' }))
    expect(exists(page, '#step-sign')).toBe(true)
    expect(wx.downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'http://127.0.0.1:8000/api/v1/mp/registrations/7/signers/3/qr.png', header: { Authorization: 'Bearer tok-1' } })
    )
    await flush()
    expect(attr(page, '#qr-3', 'src')).toBe('/tmp/qr3.png')
    await tap(page, '#qr-3')
    expect(wx.previewImage).toHaveBeenCalledWith({ urls: ['/tmp/qr3.png'], current: '/tmp/qr3.png' })

    await tap(page, '#sign-here-3')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/registration/sign/index?token=TOKEN3' })
    await tap(page, '#copy-link-3')
    expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: 'https://gtt.example.gov.cn/h5/registration-sign?token=TOKEN3' }))

    registration.getRegistration.mockResolvedValueOnce(signing(Object.assign({}, VERIFIED, SIGNED), { ready_to_submit: true }))
    page.instance.onShow() // back from the signing page
    await flush()
    expect(exists(page, '#step-submit')).toBe(true)
    expect(textOf(page, '#submit-signed')).toBe('全部签字人已签名')
  })

  test('a QR that fails to load can be loaded again', async () => {
    wx.__responses.downloadFile = { statusCode: 500 }
    const page = await openWizard(signing(VERIFIED, { sign_due_on: '2099-12-09' }))
    await flush()
    expect(textOf(page, '#qr-retry-3')).toBe('签名二维码加载失败，点击重试')
    wx.__responses.downloadFile = { statusCode: 200, tempFilePath: '/tmp/qr3.png' }
    await tap(page, '#qr-retry-3')
    expect(attr(page, '#qr-3', 'src')).toBe('/tmp/qr3.png')
  })
})

describe('step 8 提交 and withdraw', () => {
  test('submit asks, then opens the outcome', async () => {
    const page = await openWizard(signing(Object.assign({}, VERIFIED, SIGNED), { ready_to_submit: true }))
    expect(textOf(page, '#submit-name')).toBe('黄石市下陆区穆静饺子馆')
    wx.__responses.showModal = { confirm: false }
    await tap(page, '#submit')
    expect(registration.submit).not.toHaveBeenCalled()

    wx.__responses.showModal = { confirm: true }
    registration.submit.mockResolvedValueOnce(approved({ outcome: 'approved', outcome_label: '智能审批通过，营业执照已核发' }))
    await tap(page, '#submit')
    expect(registration.submit).toHaveBeenCalledWith(7, expect.anything())
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '智能审批通过，营业执照已核发' }))
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/registration/result/index?id=7&submitted=1' })
  })

  test('a signing deadline that passed: the message, and 重新认证 is offered', async () => {
    const page = await openWizard(signing(Object.assign({}, VERIFIED, SIGNED), { ready_to_submit: true }))
    wx.__responses.showModal = { confirm: true }
    registration.submit.mockRejectedValueOnce(apiError('REGISTRATION_SIGN_EXPIRED', '未在6个工作日内完成电子签名，请重新进行实名认证', 409))
    await tap(page, '#submit')
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '未在6个工作日内完成电子签名，请重新进行实名认证' }))
    expect(wx.redirectTo).not.toHaveBeenCalled()
    await tap(page, '#bar-6')
    expect(exists(page, '#sign-expired')).toBe(true)
  })

  test('withdraw asks for confirmation, then goes back', async () => {
    const page = await openWizard(draft(2))
    wx.__responses.showModal = { confirm: false }
    await tap(page, '#withdraw')
    expect(registration.withdraw).not.toHaveBeenCalled()
    wx.__responses.showModal = { confirm: true }
    registration.withdraw.mockResolvedValueOnce(draft(2, { status: 'withdrawn', status_label: '已撤回', actions: [] }))
    await tap(page, '#withdraw')
    expect(wx.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '撤回申请', content: expect.stringContaining('名称将被释放') }))
    expect(registration.withdraw).toHaveBeenCalledWith(7, expect.anything())
    expect(wx.navigateBack).toHaveBeenCalled()

    registration.withdraw.mockRejectedValueOnce(apiError('REGISTRATION_ACTION_NOT_ALLOWED', '申请当前为「已核准」，不能撤回申请', 409))
    await tap(page, '#withdraw')
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '申请当前为「已核准」，不能撤回申请' }))
  })
})

// ------------------------------------------------------------------ outcome
describe('登记结果', () => {
  test('approved: USCC, 电子营业执照, the licence PDF, where to collect the paper licence, the history', async () => {
    registration.getRegistration.mockResolvedValueOnce(approved())
    const page = loadPage('pages/registration/result/index', { query: { id: '7', submitted: '1' } })
    await flush()
    expect(textOf(page, '#outcome-title')).toBe('登记已核准')
    expect(textOf(page, '#outcome-sub')).toBe('智能审批通过，营业执照已核发')
    expect(textOf(page, '#uscc')).toBe('92420204MAQKJR5E6X')
    expect(textOf(page, '#pickup')).toContain('政务服务大厅登记窗口领取纸质营业执照')
    expect(texts(page, '.regres__event-label')).toEqual(['智能审批通过', '创建申请'])

    await tap(page, '#open-license')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/registration/license/index?id=7' })
    wx.__responses.downloadFile = { statusCode: 200, tempFilePath: '/tmp/license.pdf' }
    await tap(page, '#download-license')
    expect(wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://127.0.0.1:8000/api/v1/mp/registrations/7/documents/license' }))
    expect(wx.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: '/tmp/license.pdf' }))
  })

  test('登记审核中 lists the failed rules; 不予登记 shows the reason; a draft goes back to the wizard', async () => {
    registration.getRegistration.mockResolvedValueOnce(
      draft(4, {
        status: 'reviewing', status_label: '登记审核中', actions: [],
        failed_rules: [
          { code: 'capital_within_limit', label: '资金数额在智能审批上限内', reason: '资金数额超过智能审批上限（100万元）' },
          { code: 'scope_standard', label: '经营范围均为规范表述', reason: '“手工艺品制作”不是规范表述' },
        ],
      })
    )
    const page = loadPage('pages/registration/result/index', { query: { id: '7' } })
    await flush()
    expect(textOf(page, '#outcome-title')).toBe('登记审核中')
    expect(texts(page, '.regres__rule-label')).toEqual(['✕ 资金数额在智能审批上限内', '✕ 经营范围均为规范表述'])
    expect(textOf(page, '#rule-capital_within_limit .hint')).toBe('资金数额超过智能审批上限（100万元）')
    expect(exists(page, '#uscc')).toBe(false)

    registration.getRegistration.mockResolvedValueOnce(draft(4, { status: 'refused', status_label: '不予登记', refuse_reason: '经营场所为住宅，不符合登记条件', actions: [] }))
    const refused = loadPage('pages/registration/result/index', { query: { id: '7' } })
    await flush()
    expect(textOf(refused, '#outcome-title')).toBe('不予登记')
    expect(textOf(refused, '#refuse-reason')).toBe('经营场所为住宅，不符合登记条件')

    registration.getRegistration.mockResolvedValueOnce(draft(2))
    loadPage('pages/registration/result/index', { query: { id: '7' } })
    await flush()
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/registration/apply/index?id=7' })
  })
})

describe('电子营业执照', () => {
  test('the licence fields, its QR code and the PDF; before approval the API’s message', async () => {
    registration.getLicense.mockResolvedValueOnce({
      uscc: '92420204MAQKJR5E6X', name: '黄石市下陆区穆静饺子馆', store_name: '穆静饺子馆', kind_label: '个体工商户', operator_name: '张秀英', place: '湖北省黄石市下陆区杭州东路9号',
      capital: '5.00', form: '个人经营', scope_text: '许可项目：小餐饮。', established_on: '2026-12-01', approved_on: '2026-12-01', term: '长期',
      authority: '黄石市下陆区市场监督管理局', qr_text: 'https://www.gsxt.gov.cn/index.html?uniscid=92420204MAQKJR5E6X', qr_image: 'data:image/png;base64,iVBORw0KGgo=',
      paper_license: true, pickup: '请携带本人身份证件到黄石市下陆区市场监督管理局政务服务大厅登记窗口领取纸质营业执照',
    })
    const page = loadPage('pages/registration/license/index', { query: { id: '7' } })
    await flush()
    expect(textOf(page, '#lic-uscc')).toBe('92420204MAQKJR5E6X')
    expect(textOf(page, '#lic-name')).toBe('黄石市下陆区穆静饺子馆')
    expect(textOf(page, '#lic-operator')).toBe('张秀英')
    expect(attr(page, '#lic-qr', 'src')).toBe('data:image/png;base64,iVBORw0KGgo=')
    expect(textOf(page, '#lic-pickup')).toContain('领取纸质营业执照')
    wx.__responses.downloadFile = { statusCode: 200, tempFilePath: '/tmp/license.pdf' }
    await tap(page, '#lic-download')
    expect(wx.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: '/tmp/license.pdf', fileType: 'pdf' }))

    registration.getLicense.mockRejectedValueOnce(apiError('REGISTRATION_NOT_APPROVED', '申请尚未核准，暂无营业执照和电子档案', 409))
    const early = loadPage('pages/registration/license/index', { query: { id: '8' } })
    await flush()
    expect(textOf(early, '#error')).toContain('申请尚未核准')
  })
})

// ------------------------------------------------------------------ the signing page
describe('电子签名页', () => {
  const INFO = {
    registration: { number: 'DJ20261201A90F366DD6', name: '黄石市下陆区穆静饺子馆', operator_name: '张秀英', business_type_label: '小餐饮', scope_text: '许可项目：小餐饮。' },
    signer: signer(VERIFIED),
    documents: DOCS,
    sign_due_on: '2099-12-09',
  }

  function fakeCanvas() {
    const calls = []
    const ctx = new Proxy({}, { get: (t, name) => (name in t ? t[name] : (...args) => calls.push([name].concat(args))), set: (t, k, v) => ((t[k] = v), true) })
    const canvas = { getContext: () => ctx }
    wx.createSelectorQuery = jest.fn(() => ({
      select: () => ({ fields: () => ({ exec: cb => cb([{ node: canvas, width: 300, height: 150 }]) }) }),
    }))
    wx.canvasToTempFilePath = jest.fn(options => options.success({ tempFilePath: '/tmp/signature.png' }))
    return { canvas, calls }
  }

  test('opened from a scanned link (q): what is signed and its documents (no token needed); an empty pad is not sent', async () => {
    registration.getSigning.mockResolvedValueOnce(INFO)
    const link = encodeURIComponent('https://gtt.example.gov.cn/h5/registration-sign?token=TOKEN3')
    const page = loadPage('pages/registration/sign/index', { query: { q: link } })
    await flush()
    expect(registration.getSigning).toHaveBeenCalledWith('TOKEN3', expect.anything())
    expect(textOf(page, '#sign-name')).toBe('黄石市下陆区穆静饺子馆')
    expect(textOf(page, '#signer')).toBe('经营者 张秀英（4202**********9705）')
    expect(textOf(page, '#due')).toBe('请于 2099-12-09 前完成签名')

    wx.__responses.downloadFile = { statusCode: 200, tempFilePath: '/tmp/app.pdf' }
    await tap(page, '#doc-application')
    expect(wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://127.0.0.1:8000/api/v1/mp/registrations/signing/TOKEN3/documents/application', header: {} }))
    expect(wx.openDocument).toHaveBeenCalled()

    await tap(page, '#submit-sign')
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '请先在签名区内手写签名' }))
    expect(registration.sign).not.toHaveBeenCalled()
  })

  test('the signature drawn on the canvas is uploaded as a PNG with the link’s token', async () => {
    const { calls } = fakeCanvas()
    registration.getSigning.mockResolvedValueOnce(INFO)
    const page = loadPage('pages/registration/sign/index', { query: { token: 'TOKEN3' } })
    await flush()
    await page.instance.onTouchStart({ touches: [{ x: 10, y: 20 }] })
    page.instance.onTouchMove({ touches: [{ x: 60, y: 40 }] })
    page.instance.onTouchEnd()
    await flush()
    expect(calls.map(c => c[0])).toEqual(expect.arrayContaining(['fillRect', 'beginPath', 'moveTo', 'lineTo', 'stroke']))

    wx.__responses.showModal = { confirm: true }
    registration.sign.mockResolvedValueOnce({ signed: true, signed_at: '2026-12-01T10:44:00+08:00', number: 'DJ20261201A90F366DD6' })
    await tap(page, '#submit-sign')
    expect(wx.canvasToTempFilePath).toHaveBeenCalledWith(expect.objectContaining({ fileType: 'png' }))
    expect(registration.sign).toHaveBeenCalledWith('TOKEN3', '/tmp/signature.png', expect.anything())
    expect(textOf(page, '#done .signpg__done-title')).toBe('✓ 已完成签名')
    expect(exists(page, '#pad')).toBe(false)
  })

  test('清除 empties the pad; an expired link shows the API’s message; no token at all is an invalid link', async () => {
    fakeCanvas()
    registration.getSigning.mockResolvedValueOnce(INFO)
    const page = loadPage('pages/registration/sign/index', { query: { token: 'TOKEN3' } })
    await flush()
    await page.instance.onTouchStart({ touches: [{ x: 10, y: 20 }] })
    page.instance.onTouchMove({ touches: [{ x: 60, y: 40 }] })
    await tap(page, '#clear')
    expect(page.instance.data.drawn).toBe(false)

    await page.instance.onTouchStart({ touches: [{ x: 1, y: 2 }] })
    page.instance.onTouchMove({ touches: [{ x: 5, y: 5 }] })
    wx.__responses.showModal = { confirm: true }
    registration.sign.mockRejectedValueOnce(apiError('REGISTRATION_SIGN_EXPIRED', '未在6个工作日内完成电子签名，请重新进行实名认证', 409))
    await tap(page, '#submit-sign')
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '未在6个工作日内完成电子签名，请重新进行实名认证' }))
    expect(exists(page, '#done')).toBe(false)

    registration.getSigning.mockRejectedValueOnce(apiError('REGISTRATION_SIGN_TOKEN_INVALID', '签名链接无效或已失效', 404))
    const bad = loadPage('pages/registration/sign/index', { query: { token: 'OLD' } })
    await flush()
    expect(textOf(bad, '#error')).toContain('签名链接无效或已失效')

    const none = loadPage('pages/registration/sign/index', { query: {} })
    await flush()
    expect(textOf(none, '#error')).toBe('签名链接无效或已失效')
    expect(registration.getSigning).toHaveBeenCalledTimes(2)
  })

  test('a link already used shows that it is signed', async () => {
    registration.getSigning.mockResolvedValueOnce(Object.assign({}, INFO, { signer: signer(Object.assign({}, VERIFIED, SIGNED)) }))
    const page = loadPage('pages/registration/sign/index', { query: { token: 'TOKEN3' } })
    await flush()
    expect(exists(page, '#done')).toBe(true)
    expect(exists(page, '#submit-sign')).toBe(false)
  })
})
