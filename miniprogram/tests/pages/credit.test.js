jest.mock('../../services/credit')
jest.mock('../../utils/session')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap, input, attr } = require('../helpers/page')
const credit = require('../../services/credit')
const session = require('../../utils/session')
const { ApiError } = require('../../utils/request')

let wx
beforeEach(() => {
  wx = installWx()
  session.getAccessToken.mockReturnValue('tok')
})

const texts = (page, selector) => page.querySelectorAll(selector).map(n => n.dom.textContent.trim())

const OPTIONS = {
  kinds: [
    { value: 'serious_violation', label: '严重违法失信名单', title: '严重违法失信名单信用修复（提前移出）', guide: '适用对象：…', accept_days: 2, decide_days: 15, remove_days: 3 },
    { value: 'enterprise_abnormal', label: '企业经营异常名录', title: '企业经营异常名录信用修复（移出）', guide: '…', accept_days: 2, decide_days: 5, remove_days: 3 },
    { value: 'individual_abnormal', label: '个体工商户经营异常状态', title: '个体工商户经营异常状态信用修复（恢复正常记载状态）', guide: '办理时限：收到申请之日起2个工作日内决定是否受理', accept_days: 2, decide_days: 5, remove_days: 3 },
    { value: 'cooperative_abnormal', label: '农民专业合作社经营异常名录', title: '农民专业合作社经营异常名录信用修复（移出）', guide: '…', accept_days: 2, decide_days: 5, remove_days: 3 },
  ],
  material_types: [
    { value: 'application', label: '信用修复申请书', required: true },
    { value: 'commitment', label: '守信承诺书', required: true },
    { value: 'other', label: '其他材料', required: false },
  ],
  statuses: [],
}

const BUSINESSES = {
  items: [
    { id: 1, uscc: '92420204MA6WPDQNQH', name: '下陆区张记小吃店', operator_name: '张秀英', operator_id_masked: '4202**********5454' },
    { id: 2, uscc: '92420204MA7LTPFBD2', name: '下陆区秀英便利店', operator_name: '张秀英', operator_id_masked: '4202**********7454' },
  ],
}

function listing(id, overrides = {}) {
  return Object.assign(
    { id, kind: 'individual_abnormal', kind_label: '个体工商户经营异常状态', status: 'listed', doc_no: '黄下市监异〔2025〕10' + id + '号', list_reason: '通过登记的经营场所无法联系',
      listed_on: '2025-03-10', list_org_name: '黄石市下陆区市场监督管理局', open_application: null, can_apply: true },
    overrides
  )
}

function application(overrides = {}) {
  return Object.assign(
    {
      id: 5, number: 'XF20261201000005', kind: 'individual_abnormal', kind_label: '个体工商户经营异常状态', status: 'submitted', status_label: '待受理', step: '受理',
      business_name: '下陆区张记小吃店', business_uscc: '92420204MA6WPDQNQH', submitted_at: '2026-12-01T00:40:00+00:00', decided_at: null, decision_no: null,
      has_decision_letter: false, last_reason: null,
      limits: { accept_due_on: '2026-12-03', decide_due_on: null, remove_due_on: null, current_due_on: '2026-12-03', working_days_left: 2, due_state: 'normal', due_state_label: '办理中' },
      listings: [listing(1)],
      materials: [{ id: 1, type: 'application', type_label: '信用修复申请书', file_id: 31, name: 'a.jpg', content_type: 'image/jpeg', size: 10 }],
      events: [{ id: 1, action: 'submit', action_label: '提交申请', to_status_label: '待受理', comment: '已整改', org_name: '', at: '2026-12-01T00:40:00+00:00' }],
      actions: [],
    },
    overrides
  )
}

describe('信用修复 home', () => {
  test('shows the four kinds; a kind opens the application; 进度查询 opens the progress', async () => {
    credit.getOptions.mockResolvedValue(OPTIONS)
    const page = loadPage('pages/credit/index')
    await flush()
    expect(texts(page, '.credit__kind-name')).toEqual(['严重违法失信名单', '企业经营异常名录', '个体工商户经营异常状态', '农民专业合作社经营异常名录'])
    await tap(page, '#kind-individual_abnormal')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/credit/apply/index?kind=individual_abnormal' })
    await tap(page, '#go-progress')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/credit/progress/index' })
  })

  test('an error shows its message', async () => {
    credit.getOptions.mockRejectedValue(new ApiError({ code: 'NETWORK_ERROR', message: '网络异常，请检查网络后重试' }))
    const page = loadPage('pages/credit/index')
    await flush()
    expect(textOf(page, '#error')).toContain('网络异常')
  })
})

describe('信用修复申请', () => {
  async function open() {
    credit.getOptions.mockResolvedValue(OPTIONS)
    credit.listBusinesses.mockResolvedValue(BUSINESSES)
    const page = loadPage('pages/credit/apply/index', { query: { kind: 'individual_abnormal' } })
    await flush()
    return page
  }

  test('guide must be acknowledged → my business → listings (busy one not applicable) → typed materials → check → submit shows the number', async () => {
    const page = await open()
    expect(textOf(page, '#guide')).toContain('办理时限')
    expect(attr(page, '#guide-next', 'disabled')).toBe(true)
    page.instance.fromGuide()
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '请先阅读并确认办事指南' }))
    await tap(page, '#ack')
    await tap(page, '#guide-next')
    expect(page.data.step).toBe('business')

    credit.verify.mockResolvedValue({
      business: BUSINESSES.items[0],
      kind: 'individual_abnormal',
      listings: [listing(1), listing(2, { can_apply: false, open_application: 'XF20261201000001' })],
    })
    await tap(page, '#business-next')
    expect(credit.verify).toHaveBeenCalledWith({ kind: 'individual_abnormal', business_id: 1 }, { loading: '核验中' })
    expect(textOf(page, '#verified-name')).toBe('下陆区张记小吃店')
    expect(textOf(page, '#listing-2')).toContain('不可申请')
    expect(textOf(page, '#listing-2')).toContain('XF20261201000001')

    await tap(page, '#listings-next')
    expect(page.data.step).toBe('listings') // nothing chosen yet
    await tap(page, '#listing-2') // busy: cannot be chosen
    expect(page.data.listings[1].checked).toBe(false)
    await tap(page, '#listing-1')
    await tap(page, '#listings-next')
    expect(page.data.step).toBe('materials')

    await tap(page, '#materials-next')
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '请上传信用修复申请书、守信承诺书' }))
    wx.__responses.chooseMedia = { tempFiles: [{ tempFilePath: '/tmp/a.jpg' }] }
    wx.__responses.showActionSheet = { tapIndex: 0 }
    credit.uploadMaterial.mockResolvedValueOnce({ id: 31, name: '申请书.jpg' }).mockResolvedValueOnce({ id: 32 }).mockResolvedValueOnce({ id: 33 })
    await tap(page, '#add-application')
    wx.__responses.showActionSheet = { tapIndex: 1 }
    wx.chooseMessageFile = jest.fn(o => o.success({ tempFiles: [{ path: '/tmp/c.pdf', name: '承诺书.pdf' }] }))
    await tap(page, '#add-commitment')
    expect(wx.chooseMessageFile).toHaveBeenCalledWith(expect.objectContaining({ type: 'file', extension: ['pdf'] }))
    expect(credit.uploadMaterial).toHaveBeenLastCalledWith('/tmp/c.pdf', { loading: '上传中' })
    wx.__responses.showActionSheet = { tapIndex: 0 }
    await tap(page, '#add-other')
    expect(credit.uploadMaterial).toHaveBeenCalledWith('/tmp/a.jpg', { loading: '上传中' })
    expect(texts(page, '#mat-application .credit-apply__file-name')).toEqual(['申请书.jpg'])
    expect(texts(page, '#mat-commitment .credit-apply__file-name')).toEqual(['承诺书.pdf'])
    await tap(page, '#remove-other-0')
    expect(page.data.materialTypes[2].files).toEqual([])
    await input(page, '#phone', '123')
    await tap(page, '#materials-next')
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '请输入正确的11位手机号' }))
    await input(page, '#phone', '')
    await input(page, '#reason', '已补报年报')
    await tap(page, '#materials-next')
    expect(textOf(page, '#check-business')).toBe('下陆区张记小吃店')
    expect(textOf(page, '#check')).toContain('黄下市监异〔2025〕101号')
    expect(textOf(page, '#check')).toContain('信用修复申请书 1份')

    credit.submit.mockResolvedValue(application())
    await tap(page, '#submit')
    expect(credit.submit).toHaveBeenCalledWith(
      {
        kind: 'individual_abnormal',
        guide_acknowledged: true,
        business_id: 1,
        listing_ids: [1],
        materials: [{ type: 'application', file_id: 31 }, { type: 'commitment', file_id: 32 }],
        reason: '已补报年报',
      },
      { showError: false, loading: '提交中' }
    )
    expect(textOf(page, '#number')).toBe('XF20261201000005')
    await tap(page, '#copy')
    expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: 'XF20261201000005' }))
    await tap(page, '#open-result')
    expect(wx.redirectTo).toHaveBeenCalledWith({ url: '/pages/credit/detail/index?id=5' })
  })

  test('another business is checked locally, then verified by USCC + legal representative + ID number; a mismatch shows the API message', async () => {
    const page = await open()
    await tap(page, '#ack')
    await tap(page, '#guide-next')
    await tap(page, '#biz-other')
    await tap(page, '#business-next')
    expect(credit.verify).not.toHaveBeenCalled()
    expect(textOf(page, '#other-uscc-error')).toBeTruthy()
    expect(textOf(page, '#other-name-error')).toBe('请输入法定代表人（经营者）姓名')
    expect(textOf(page, '#other-id-error')).toBe('请输入身份证号码')

    await input(page, '#other-uscc', '92420204ma6wpdqnqh')
    await input(page, '#other-name', '王五')
    await input(page, '#other-id', '11010519491231002x')
    credit.verify.mockRejectedValue(new ApiError({ code: 'CREDIT_IDENTITY_MISMATCH', message: '经营主体信息与登记信息不一致', status: 400 }))
    await tap(page, '#business-next')
    expect(credit.verify).toHaveBeenCalledWith(
      { kind: 'individual_abnormal', uscc: '92420204MA6WPDQNQH', operator_name: '王五', id_number: '11010519491231002X' },
      { loading: '核验中' }
    )
    expect(page.data.step).toBe('business')
  })

  test('a refused submission keeps the check page and shows the Chinese message', async () => {
    const page = await open()
    credit.verify.mockResolvedValue({ business: BUSINESSES.items[0], listings: [listing(1)] })
    credit.uploadMaterial.mockResolvedValue({ id: 40 })
    wx.__responses.showActionSheet = { tapIndex: 0 }
    wx.__responses.chooseMedia = { tempFiles: [{ tempFilePath: '/tmp/a.jpg' }] }
    await tap(page, '#ack')
    await tap(page, '#guide-next')
    await tap(page, '#business-next')
    await tap(page, '#listing-1')
    await tap(page, '#listings-next')
    await tap(page, '#add-application')
    await tap(page, '#add-commitment')
    await tap(page, '#materials-next')
    credit.submit.mockRejectedValue(new ApiError({ code: 'CREDIT_LISTING_BUSY', message: '该记录已有办理中的信用修复申请', status: 409 }))
    await tap(page, '#submit')
    expect(textOf(page, '#check-error')).toBe('该记录已有办理中的信用修复申请')
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '该记录已有办理中的信用修复申请' }))
  })
})

describe('进度查询', () => {
  test('loads with the login phone, a typed phone is checked then queried; an item opens the detail', async () => {
    credit.progress.mockResolvedValue({ phone: '139****0001', items: [application({ status: 'returned', status_label: '已退回补正', last_reason: '申请书未签字' })], next: null })
    const page = loadPage('pages/credit/progress/index')
    await flush()
    expect(credit.progress).toHaveBeenCalledWith({ limit: 20 }, { showError: false })
    expect(textOf(page, '#shown-phone')).toContain('139****0001')
    expect(textOf(page, '.credit-progress__reason')).toBe('原因：申请书未签字')
    await input(page, '#phone', '1390000')
    await tap(page, '#search-btn')
    expect(textOf(page, '#phone-error')).toBe('请输入正确的11位手机号')
    await input(page, '#phone', '13900000002')
    await tap(page, '#search-btn')
    expect(credit.progress).toHaveBeenLastCalledWith({ limit: 20, phone: '13900000002' }, { showError: false })
    await tap(page, '#app-5')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/credit/detail/index?id=5' })
  })

  test('empty state', async () => {
    credit.progress.mockResolvedValue({ phone: '139****0001', items: [], next: null })
    const page = loadPage('pages/credit/progress/index')
    await flush()
    expect(textOf(page, '#empty')).toBe('暂无信用修复申请')
  })
})

describe('申请详情', () => {
  beforeEach(() => credit.getOptions.mockResolvedValue(OPTIONS))

  test('shows status, step, time limits and events; a material opens with the token', async () => {
    credit.getApplication.mockResolvedValue(application())
    const page = loadPage('pages/credit/detail/index', { query: { id: '5' } })
    await flush()
    expect(textOf(page, '#status')).toBe('待受理')
    expect(textOf(page, '#step')).toBe('受理')
    expect(textOf(page, '#due')).toContain('2026-12-03')
    expect(textOf(page, '#due')).toContain('剩余2个工作日')
    expect(textOf(page, '#events')).toContain('提交申请')
    expect(exists(page, '#letter')).toBe(false)
    expect(exists(page, '#resubmit-open')).toBe(false)
    wx.__responses.downloadFile = { statusCode: 200, tempFilePath: '/tmp/m.jpg' }
    await tap(page, '#material-0')
    expect(wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringMatching(/\/api\/v1\/mp\/credit\/applications\/5\/files\/31$/), header: { Authorization: 'Bearer tok' } }))
    expect(wx.previewImage).toHaveBeenCalled()
  })

  test('returned: the reason shows and 补正后重新提交 sends the comment with extra materials', async () => {
    credit.getApplication.mockResolvedValue(application({ status: 'returned', status_label: '已退回补正', last_reason: '申请书未签字', actions: ['resubmit'] }))
    const page = loadPage('pages/credit/detail/index', { query: { id: '5' } })
    await flush()
    expect(textOf(page, '#reason')).toContain('退回补正原因')
    expect(textOf(page, '#reason')).toContain('申请书未签字')
    await tap(page, '#resubmit-open')
    await tap(page, '#resubmit')
    expect(credit.resubmit).not.toHaveBeenCalled()
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '请填写补正说明' }))

    wx.__responses.showActionSheet = { tapIndex: 0 }
    wx.__responses.chooseMedia = { tempFiles: [{ tempFilePath: '/tmp/b.jpg' }] }
    credit.uploadMaterial.mockResolvedValue({ id: 77 })
    await tap(page, '#add-extra')
    await input(page, '#comment', '已签字')
    credit.resubmit.mockResolvedValue(application({ status: 'submitted', status_label: '待受理', actions: [] }))
    await tap(page, '#resubmit')
    expect(credit.resubmit).toHaveBeenCalledWith(5, { comment: '已签字', materials: [{ type: 'application', file_id: 77 }] }, { showError: false, loading: '提交中' })
    expect(textOf(page, '#status')).toBe('待受理')
  })

  test('refused: the refusal reason; approved: the decision letter is downloaded with the token and opened', async () => {
    credit.getApplication.mockResolvedValueOnce(application({ status: 'refused', status_label: '不予修复', last_reason: '列入事由未消除' }))
    let page = loadPage('pages/credit/detail/index', { query: { id: '5' } })
    await flush()
    expect(textOf(page, '#reason')).toContain('不予修复原因')

    credit.getApplication.mockResolvedValueOnce(application({ status: 'approved', status_label: '已办结（准予修复）', has_decision_letter: true, decision_no: '黄下市监信修〔2026〕1号' }))
    credit.decisionLetterUrl.mockReturnValue('http://127.0.0.1:8000/api/v1/mp/credit/applications/5/decision-letter')
    page = loadPage('pages/credit/detail/index', { query: { id: '5' } })
    await flush()
    wx.__responses.downloadFile = { statusCode: 200, tempFilePath: '/tmp/letter.pdf' }
    await tap(page, '#letter')
    expect(wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'http://127.0.0.1:8000/api/v1/mp/credit/applications/5/decision-letter', header: { Authorization: 'Bearer tok' } }))
    expect(wx.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: '/tmp/letter.pdf', fileType: 'pdf' }))
  })

  test('撤回: offered when the API allows it, asks first, then shows the withdrawn application', async () => {
    credit.getApplication.mockResolvedValue(application({ actions: ['withdraw'] }))
    const page = loadPage('pages/credit/detail/index', { query: { id: '5' } })
    await flush()
    expect(attr(page, '#withdraw', 'aria-label')).toBe('撤回申请')
    wx.__responses.showModal = { confirm: false }
    await tap(page, '#withdraw')
    expect(credit.withdraw).not.toHaveBeenCalled()
    wx.__responses.showModal = { confirm: true }
    credit.withdraw.mockResolvedValue(application({ status: 'withdrawn', status_label: '已撤回', step: '已撤回', actions: [] }))
    await tap(page, '#withdraw')
    expect(credit.withdraw).toHaveBeenCalledWith(5, {}, { showError: false, loading: '撤回中' })
    expect(textOf(page, '#status')).toBe('已撤回')
    expect(exists(page, '#withdraw')).toBe(false)
  })

  test('撤回 refused by the API (already accepted) shows its message', async () => {
    credit.getApplication.mockResolvedValue(application({ actions: ['withdraw'] }))
    const page = loadPage('pages/credit/detail/index', { query: { id: '5' } })
    await flush()
    wx.__responses.showModal = { confirm: true }
    credit.withdraw.mockRejectedValue(new ApiError({ code: 'CREDIT_ACTION_NOT_ALLOWED', message: '申请当前为「待审核」，不能撤回申请', status: 409 }))
    await tap(page, '#withdraw')
    expect(wx.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '申请当前为「待审核」，不能撤回申请' }))
  })

  test('a detail that is not yours shows the API message', async () => {
    credit.getApplication.mockRejectedValue(new ApiError({ code: 'CREDIT_NOT_FOUND', message: '信用修复申请不存在', status: 404 }))
    const page = loadPage('pages/credit/detail/index', { query: { id: '99' } })
    await flush()
    expect(textOf(page, '#error')).toContain('信用修复申请不存在')
  })
})
