jest.mock('../../services/loans')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap, input } = require('../helpers/page')
const loans = require('../../services/loans')
const { wanToYuan } = require('../../utils/money')
const { ApiError } = require('../../utils/request')

let wx
beforeEach(() => {
  wx = installWx()
})

const texts = (page, selector) => page.querySelectorAll(selector).map(n => n.dom.textContent.trim())

function product(id, overrides = {}) {
  return Object.assign(
    {
      id,
      name: '个体工商户经营贷' + id,
      institution: { id: 1, name: '湖北银行黄石分行', contact_phone: '0714-6351234', address: '黄石市下陆区杭州东路158号', intro: '' },
      amount_min: '50000.00',
      amount_max: '1000000.00',
      rate_min: '3.65',
      rate_max: '5.80',
      guarantee_type: 'mortgage',
      guarantee_label: '抵押',
      eligibility: '登记注册满1年',
      description: '用于日常经营周转',
      amount_label: '5万元–100万元',
      rate_label: '年利率 3.65%–5.8%',
      term_label: '6–36个月',
      my_application: null,
      can_apply: true,
    },
    overrides
  )
}

function application(overrides = {}) {
  return Object.assign(
    {
      id: 3,
      product: { id: 1, name: '个体工商户经营贷1', institution_name: '湖北银行黄石分行', amount_label: '5万元–100万元' },
      amount: '100000.00',
      amount_label: '10万元',
      purpose: '进货',
      contact_name: '张秀英',
      contact_phone: '139****0001',
      status: 'submitted',
      status_label: '已提交',
      approved: null,
      granted: null,
      last_note: '',
      submitted_at: '2026-12-01T00:09:40+00:00',
      allowed_actions: ['withdraw'],
      timeline: [{ action: 'submit', action_label: '提交申请', to_status_label: '已提交', note: '进货', details: {}, at: '2026-12-01T00:09:40+00:00' }],
    },
    overrides
  )
}

describe('金融支持 products', () => {
  test('lists products with their figures; a guarantee filter and a search reload the list', async () => {
    loans.getOptions.mockResolvedValue({ guarantee_types: [{ value: 'credit', label: '信用' }, { value: 'mortgage', label: '抵押' }] })
    loans.listProducts.mockResolvedValue({ items: [product(1), product(2)], next: null })
    const page = loadPage('pages/loans/index')
    await flush()
    expect(texts(page, '.loans__name')).toEqual(['个体工商户经营贷1', '个体工商户经营贷2'])
    expect(textOf(page, '.loans__amount')).toBe('5万元–100万元')
    expect(texts(page, '.loans__chip')).toEqual(['全部', '信用', '抵押'])

    await tap(page, '#g-credit')
    expect(loans.listProducts).toHaveBeenLastCalledWith({ limit: 20, guarantee_type: 'credit' }, expect.anything())
    await input(page, '#search', '经营')
    await tap(page, '#search-btn')
    expect(loans.listProducts).toHaveBeenLastCalledWith({ limit: 20, guarantee_type: 'credit', q: '经营' }, expect.anything())

    await tap(page, '#product-2')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/loans/detail/index?id=2' })
    await tap(page, '#go-applications')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/loans/applications/index' })
  })

  test('empty and error states', async () => {
    loans.getOptions.mockResolvedValue({ guarantee_types: [] })
    loans.listProducts.mockResolvedValueOnce({ items: [], next: null })
    const page = loadPage('pages/loans/index')
    await flush()
    expect(textOf(page, '#empty')).toBe('暂无符合条件的贷款产品')
    loans.listProducts.mockRejectedValueOnce(new ApiError({ code: 'NO_CURRENT_BUSINESS', message: '请先选择当前经营主体', status: 400 }))
    await tap(page, '#search-btn')
    expect(textOf(page, '#error')).toContain('请先选择当前经营主体')
  })
})

describe('产品详情', () => {
  test('shows figures and contacts; 我要申请 opens the form; the phone can be called', async () => {
    loans.getProduct.mockResolvedValue(product(1))
    wx.makePhoneCall = jest.fn()
    const page = loadPage('pages/loans/detail/index', { query: { id: '1' } })
    await flush()
    expect(textOf(page, '#name')).toBe('个体工商户经营贷1')
    expect(textOf(page, '#eligibility')).toBe('登记注册满1年')
    await tap(page, '#apply')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/loans/apply/index?id=1' })
    await tap(page, '#call')
    expect(wx.makePhoneCall).toHaveBeenCalledWith(expect.objectContaining({ phoneNumber: '0714-6351234' }))
  })

  test('an open application replaces 我要申请 with its status', async () => {
    loans.getProduct.mockResolvedValue(product(1, { can_apply: false, my_application: { id: 3, status: 'contacted', status_label: '已联系' } }))
    const page = loadPage('pages/loans/detail/index', { query: { id: '1' } })
    await flush()
    expect(exists(page, '#apply')).toBe(false)
    expect(textOf(page, '#my-status')).toBe('已联系')
    await tap(page, '#my-application')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/loans/application/index?id=3' })
  })
})

describe('我要申请', () => {
  async function open() {
    loans.getProduct.mockResolvedValue(product(1))
    const page = loadPage('pages/loans/apply/index', { query: { id: '1' } })
    await flush()
    return page
  }

  test('万元 become 元', () => {
    expect(wanToYuan('10')).toBe('100000.00')
    expect(wanToYuan('12.5')).toBe('125000.00')
    expect(wanToYuan('0')).toBe('')
    expect(wanToYuan('abc')).toBe('')
  })

  test('the amount is required and must be inside the product range; a bad phone is caught', async () => {
    const page = await open()
    await tap(page, '#submit')
    expect(textOf(page, '#amount-error')).toBe('请输入申请金额')
    await input(page, '#amount', '200')
    await tap(page, '#submit')
    expect(textOf(page, '#amount-error')).toBe('申请金额应在5万元–100万元之间')
    await input(page, '#amount', '10')
    await input(page, '#contact-phone', '123')
    await tap(page, '#submit')
    expect(textOf(page, '#phone-error')).toBe('请输入正确的11位手机号')
    expect(loans.apply).not.toHaveBeenCalled()
  })

  test('a valid form is sent in 元 and opens the new application', async () => {
    const page = await open()
    await input(page, '#amount', '10')
    await input(page, '#purpose', '进货')
    loans.apply.mockResolvedValue(application())
    await tap(page, '#submit')
    expect(loans.apply).toHaveBeenCalledWith(1, { amount: '100000.00', purpose: '进货' }, expect.anything())
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/loans/application/index?id=3' })
  })

  test('a refusal shows its Chinese message (duplicate application as a toast)', async () => {
    const page = await open()
    await input(page, '#amount', '10')
    loans.apply.mockRejectedValue(new ApiError({ code: 'LOAN_DUPLICATE_APPLICATION', message: '您已申请该产品，请等待办理结果', status: 409 }))
    await tap(page, '#submit')
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您已申请该产品，请等待办理结果' }))
  })
})

describe('我的申请', () => {
  test('lists applications with status and opens one; empty state offers the products', async () => {
    loans.listApplications.mockResolvedValueOnce({ items: [application(), application({ id: 4, status: 'granted', status_label: '已放款' })], next: null })
    const page = loadPage('pages/loans/applications/index')
    await flush()
    expect(texts(page, '.loan-apps__tag')).toEqual(['已提交', '已放款'])
    await tap(page, '#application-4')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/loans/application/index?id=4' })

    loans.listApplications.mockResolvedValueOnce({ items: [], next: null })
    const empty = loadPage('pages/loans/applications/index')
    await flush()
    expect(textOf(empty, '#empty')).toContain('暂无贷款申请')
  })

  test('the detail shows the timeline with the bank’s figures; 撤回 asks first', async () => {
    loans.getApplication.mockResolvedValue(
      application({
        status: 'approved',
        status_label: '已审批通过',
        approved: { amount: '80000.00', amount_label: '8万元', rate: '3.85', term_months: 12 },
        allowed_actions: [],
        timeline: [
          { action: 'submit', action_label: '提交申请', to_status_label: '已提交', note: '', details: {}, at: '2026-12-01T00:09:40+00:00' },
          { action: 'approve', action_label: '审批通过', to_status_label: '已审批通过', note: '请携带材料到网点', details: { amount: '80000.00', rate: '3.85', term_months: 12 }, at: '2026-12-02T00:09:40+00:00' },
        ],
      })
    )
    const page = loadPage('pages/loans/application/index', { query: { id: '3' } })
    await flush()
    expect(textOf(page, '#approved')).toBe('审批结果：8万元，年利率3.85%，期限12个月')
    expect(textOf(page, '.loan-app__step-title')).toContain('审批通过')
    expect(texts(page, '.loan-app__step .hint')).toContain('金额8万元，年利率3.85%，期限12个月')
    expect(exists(page, '#withdraw')).toBe(false)
  })

  test('撤回 while 已提交: confirmed, sent, and the new status shown', async () => {
    loans.getApplication.mockResolvedValue(application())
    const page = loadPage('pages/loans/application/index', { query: { id: '3' } })
    await flush()
    wx.__responses.showModal = { confirm: false }
    await tap(page, '#withdraw')
    expect(loans.withdraw).not.toHaveBeenCalled()
    wx.__responses.showModal = { confirm: true }
    loans.withdraw.mockResolvedValue(application({ status: 'withdrawn', status_label: '已撤回', allowed_actions: [] }))
    await tap(page, '#withdraw')
    expect(loans.withdraw).toHaveBeenCalledWith(3, '', expect.anything())
    expect(textOf(page, '#status')).toBe('已撤回')
    expect(exists(page, '#withdraw')).toBe(false)
  })
})
