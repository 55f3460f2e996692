jest.mock('../../services/recognition')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap, input, trigger, attr } = require('../helpers/page')
const recognition = require('../../services/recognition')
const { ApiError } = require('../../utils/request')

let wx
beforeEach(() => {
  wx = installWx()
})

const texts = (page, selector) => page.querySelectorAll(selector).map(n => n.dom.textContent.trim())
const STEP_KEYS = ['read_notice', 'promise', 'category', 'info', 'declaration', 'materials']
const STEP_LABELS = ['阅读须知', '承诺', '选择分类', '完善信息', '申报信息', '认定材料']

const CATEGORIES = [
  { code: 'ming', label: '名', name: '“名”（知名）', requirements: '连续经营5年以上' },
  { code: 'te', label: '特', name: '“特”（特色）', requirements: '地方特色产品' },
]

function notice(overrides = {}) {
  return Object.assign(
    {
      id: 1,
      title: '2026年度“名特优新”分类认定公告',
      categories: CATEGORIES,
      starts_at: '2026-11-30T00:00:00+00:00',
      ends_at: '2027-01-30T00:00:00+00:00',
      period_state: 'open',
      period_state_label: '申报中',
      is_open: true,
      org_name: '湖北省市场监督管理局',
      org: { id: 1, name: '湖北省市场监督管理局' },
      content: '一、申报对象：经营满一年的个体工商户。',
      promise: '本人郑重承诺：所填报的信息真实。',
      my_application: null,
    },
    overrides
  )
}

function options() {
  return {
    subject_types: [{ value: 'product', label: '产品' }, { value: 'service', label: '服务' }],
    material_types: [{ value: 'license', label: '营业执照' }, { value: 'honor', label: '荣誉证书/获奖证明' }],
    introduction_length: [20, 2000],
    max_qualification_images: 9,
    max_materials: 20,
  }
}

/** An application whose first `done` steps are saved. */
function app(done = 0, overrides = {}) {
  const data = { read_notice: { acknowledged: done > 0 }, promise: { accepted: done > 1 }, category: null, info: null, declaration: null, materials: null }
  if (done > 2) data.category = Object.assign({}, CATEGORIES[1])
  if (done > 3) data.info = { employees: 3, social_insured: 2, revenue: '120000.00', net_profit: '-500.50', introduction: '本店经营黄石特色小吃二十余年，口碑良好。' }
  if (done > 4) data.declaration = { subject_type: 'product', subject_type_label: '产品', subject_name: '港饼', highlights: '传统工艺', qualification_images: [{ id: 5, name: 'p.png', content_type: 'image/png' }] }
  if (done > 5) data.materials = [{ type: 'license', type_label: '营业执照', file: { id: 6, name: 'l.png', content_type: 'image/png' } }]
  return Object.assign(
    {
      id: 2,
      status: 'draft',
      status_label: '填写中',
      step: done >= 6 ? null : STEP_KEYS[done],
      steps: STEP_KEYS.map((key, i) => ({ key, label: STEP_LABELS[i], done: i < done })),
      data,
      reason: null,
      allowed_actions: ['save', 'submit', 'cancel'],
    },
    overrides
  )
}

describe('名特优新 index', () => {
  test('open notices and my applications; a draft continues, a returned one shows its reason', async () => {
    recognition.listNotices.mockResolvedValue({ items: [notice({ my_application: { id: 2, status: 'draft', status_label: '填写中' } })], next: null })
    recognition.listApplications.mockResolvedValue({
      items: [
        { id: 2, notice: { id: 1, title: '公告一' }, category: null, status: 'draft', status_label: '填写中', reason: null },
        { id: 3, notice: { id: 4, title: '公告二' }, category: CATEGORIES[0], status: 'returned', status_label: '退回补正', reason: '营业执照不清晰' },
      ],
      next: null,
    })
    const page = loadPage('pages/recognition/index')
    await flush()
    expect(textOf(page, '.recog__title')).toBe('2026年度“名特优新”分类认定公告')
    expect(textOf(page, '.recog__period')).toBe('申报中')
    expect(textOf(page, '.recog__mine')).toBe('我的申请：填写中')
    expect(textOf(page, '#application-3 .recog__reason')).toBe('退回原因：营业执照不清晰')
    await tap(page, '#notice-1')
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/recognition/notice/index?id=1' })
    await tap(page, '#application-3 .recog__continue')
    expect(wx.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/recognition/apply/index?notice=4' })
  })

  test('nothing open: empty states; an error: its message', async () => {
    recognition.listNotices.mockResolvedValueOnce({ items: [], next: null })
    recognition.listApplications.mockResolvedValueOnce({ items: [], next: null })
    const page = loadPage('pages/recognition/index')
    await flush()
    expect(textOf(page, '#notices-empty')).toBe('暂无可申报的认定公告')
    expect(textOf(page, '#applications-empty')).toBe('暂无申请')

    recognition.listNotices.mockRejectedValueOnce(new ApiError({ code: 'NO_CURRENT_BUSINESS', message: '请先选择当前经营主体', status: 400 }))
    recognition.listApplications.mockResolvedValueOnce({ items: [], next: null })
    const failed = loadPage('pages/recognition/index')
    await flush()
    expect(textOf(failed, '#error')).toContain('请先选择当前经营主体')
  })
})

describe('认定公告', () => {
  test('shows 须知 and categories; 在线申请 opens the wizard; a submitted application hides it', async () => {
    recognition.getNotice.mockResolvedValueOnce(notice())
    const page = loadPage('pages/recognition/notice/index', { query: { id: '1' } })
    await flush()
    expect(textOf(page, '#content')).toContain('申报对象')
    expect(texts(page, '.recog-notice__cat-name')).toEqual(['“名”（知名）', '“特”（特色）'])
    expect(textOf(page, '#apply')).toBe('在线申请')
    await tap(page, '#apply')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/recognition/apply/index?notice=1' })

    recognition.getNotice.mockResolvedValueOnce(notice({ my_application: { id: 2, status: 'submitted', status_label: '待受理' } }))
    const done = loadPage('pages/recognition/notice/index', { query: { id: '1' } })
    await flush()
    expect(exists(done, '#apply')).toBe(false)
    expect(textOf(done, '#mine')).toBe('待受理')
  })
})

describe('申请向导', () => {
  const ROUTE = 'pages/recognition/apply/index'

  async function open(application) {
    recognition.getNotice.mockResolvedValue(notice())
    recognition.getOptions.mockResolvedValue(options())
    recognition.startApplication.mockResolvedValue(application)
    const page = loadPage(ROUTE, { query: { notice: '1' } })
    await flush()
    return page
  }

  test('a new draft starts at 阅读须知; each step needs its answer before it is saved', async () => {
    const page = await open(app(0))
    expect(recognition.startApplication).toHaveBeenCalledWith('1', expect.anything())
    expect(exists(page, '#step-read_notice')).toBe(true)
    expect(attr(page, '#bar-read_notice', 'class')).toContain('wizard__dot-wrap--on')

    await tap(page, '#next')
    expect(textOf(page, '#step-error')).toBe('请先阅读并勾选“我已阅读须知”')
    expect(recognition.saveStep).not.toHaveBeenCalled()

    await tap(page, '#acknowledge')
    recognition.saveStep.mockResolvedValueOnce(app(1))
    await tap(page, '#next')
    expect(recognition.saveStep).toHaveBeenLastCalledWith('1', 'read_notice', { acknowledged: true }, expect.anything())
    expect(exists(page, '#step-promise')).toBe(true)
    expect(textOf(page, '#next')).toBe('同意承诺继续申请')

    await tap(page, '#accept')
    recognition.saveStep.mockResolvedValueOnce(app(2))
    await tap(page, '#next')
    expect(recognition.saveStep).toHaveBeenLastCalledWith('1', 'promise', { accepted: true }, expect.anything())

    await tap(page, '#next')
    expect(textOf(page, '#category-error')).toBe('请选择认定分类')
    await tap(page, '#cat-te')
    recognition.saveStep.mockResolvedValueOnce(app(3))
    await tap(page, '#next')
    expect(recognition.saveStep).toHaveBeenLastCalledWith('1', 'category', { category: 'te' }, expect.anything())
    expect(exists(page, '#step-info')).toBe(true)
  })

  test('完善信息: numbers, 社保 ≤ 就业, a negative profit is fine, the introduction length', async () => {
    const page = await open(app(3))
    expect(exists(page, '#step-info')).toBe(true)
    await input(page, '#employees', '2')
    await input(page, '#social_insured', '3')
    await input(page, '#revenue', 'abc')
    await input(page, '#net_profit', '-500.5')
    await input(page, '#introduction', '太短')
    await tap(page, '#next')
    expect(textOf(page, '#social_insured-error')).toBe('缴纳社保人数不能多于吸纳就业人数')
    expect(textOf(page, '#revenue-error')).toContain('上年度营业收入')
    expect(exists(page, '#net_profit-error')).toBe(false)
    expect(textOf(page, '#introduction-error')).toBe('经营简介应为20–2000字')
    expect(recognition.saveStep).not.toHaveBeenCalled()

    await input(page, '#social_insured', '1')
    await input(page, '#revenue', '120000')
    await input(page, '#introduction', '本店经营黄石特色小吃二十余年，口碑良好，带动就业。')
    recognition.saveStep.mockResolvedValueOnce(app(4))
    await tap(page, '#next')
    expect(recognition.saveStep).toHaveBeenLastCalledWith(
      '1',
      'info',
      { employees: 2, social_insured: 1, revenue: '120000', net_profit: '-500.5', introduction: '本店经营黄石特色小吃二十余年，口碑良好，带动就业。' },
      expect.anything()
    )
    expect(exists(page, '#step-declaration')).toBe(true)
  })

  test('a field error from the API lands next to its field', async () => {
    const page = await open(app(3, {}))
    await input(page, '#employees', '2')
    await input(page, '#social_insured', '1')
    await input(page, '#revenue', '1')
    await input(page, '#net_profit', '1')
    await input(page, '#introduction', '本店经营黄石特色小吃二十余年，口碑良好，带动就业。')
    recognition.saveStep.mockRejectedValueOnce(
      new ApiError({ code: 'VALIDATION_ERROR', message: '参数错误', status: 422, data: { errors: [{ field: 'revenue', message: '上年度营业收入不能为负数' }] } })
    )
    await tap(page, '#next')
    expect(textOf(page, '#revenue-error')).toBe('上年度营业收入不能为负数')
    expect(exists(page, '#step-info')).toBe(true)
  })

  test('申报信息: type, name, highlights and at least one uploaded image', async () => {
    const page = await open(app(4))
    await tap(page, '#next')
    expect(textOf(page, '#subject_type-error')).toBe('请选择申报类型')
    expect(textOf(page, '#images-error')).toBe('请上传至少1张资质材料图片')

    wx.__responses.chooseMedia = { tempFiles: [{ tempFilePath: '/tmp/q1.jpg' }, { tempFilePath: '/tmp/q2.jpg' }] }
    let id = 20
    recognition.uploadFile.mockImplementation(() => Promise.resolve({ id: id++, name: 'q.jpg', content_type: 'image/jpeg' }))
    await tap(page, '#add-image')
    await flush()
    expect(textOf(page, '#image-count')).toBe('已上传2张')
    await tap(page, '.wizard__remove')
    expect(textOf(page, '#image-count')).toBe('已上传1张')

    await trigger(page, '#subject_type', 'change', { value: 0 })
    await input(page, '#subject_name', '港饼')
    await input(page, '#highlights', '传统工艺')
    recognition.saveStep.mockResolvedValueOnce(app(5))
    await tap(page, '#next')
    expect(recognition.saveStep).toHaveBeenLastCalledWith(
      '1',
      'declaration',
      { subject_type: 'product', subject_name: '港饼', highlights: '传统工艺', qualification_images: [21] },
      expect.anything()
    )
    expect(exists(page, '#step-materials')).toBe(true)
  })

  test('认定材料 are typed uploads; then the review, and 提交 after confirming', async () => {
    const page = await open(app(5))
    await tap(page, '#next')
    expect(textOf(page, '#materials-error')).toBe('请上传至少1份认定材料')

    wx.__responses.chooseMedia = { tempFiles: [{ tempFilePath: '/tmp/honor.jpg' }] }
    recognition.uploadFile.mockResolvedValue({ id: 30, name: 'honor.jpg', content_type: 'image/jpeg' })
    await trigger(page, '#material_type', 'change', { value: 1 })
    await tap(page, '#add-material')
    await flush()
    expect(texts(page, '.wizard__material .tag')).toEqual(['荣誉证书/获奖证明'])

    recognition.saveStep.mockResolvedValueOnce(app(6))
    await tap(page, '#next')
    expect(recognition.saveStep).toHaveBeenLastCalledWith('1', 'materials', { materials: [{ type: 'honor', file_id: 30 }] }, expect.anything())
    expect(textOf(page, '#review-category')).toBe('“特”（特色）')

    wx.__responses.showModal = { confirm: true }
    recognition.submitApplication.mockResolvedValue(app(6, { status: 'submitted' }))
    await tap(page, '#submit')
    expect(recognition.submitApplication).toHaveBeenCalledWith('1', expect.anything())
    expect(wx.navigateBack).toHaveBeenCalled()
  })

  test('a saved draft resumes at its first unfinished step with what was filled in; earlier steps can be revisited', async () => {
    const page = await open(app(4))
    expect(exists(page, '#step-declaration')).toBe(true)
    await tap(page, '#bar-info')
    expect(exists(page, '#step-info')).toBe(true)
    expect(page.instance.data.info.revenue).toBe('120000.00')
    await tap(page, '#bar-materials') // not reached yet
    expect(exists(page, '#step-info')).toBe(true)
    await tap(page, '#prev')
    expect(exists(page, '#step-category')).toBe(true)
    expect(attr(page, '#cat-te', 'class')).toContain('wizard__option--on')
  })

  test('a returned application shows the reason and resubmits', async () => {
    const page = await open(app(6, { status: 'returned', status_label: '退回补正', reason: '营业执照不清晰', allowed_actions: ['save', 'resubmit'] }))
    expect(textOf(page, '#returned')).toBe('退回补正：营业执照不清晰')
    expect(textOf(page, '#submit')).toBe('重新提交')
    expect(exists(page, '#cancel')).toBe(false)
  })

  test('取消申请 asks first, then discards the draft', async () => {
    const page = await open(app(2))
    wx.__responses.showModal = { confirm: false }
    await tap(page, '#cancel')
    expect(recognition.cancelApplication).not.toHaveBeenCalled()
    wx.__responses.showModal = { confirm: true }
    recognition.cancelApplication.mockResolvedValue({ id: 2, status: 'discarded' })
    await tap(page, '#cancel')
    expect(recognition.cancelApplication).toHaveBeenCalledWith('1', expect.anything())
    expect(wx.navigateBack).toHaveBeenCalled()
  })

  test('already applied: the API message is shown instead of the wizard', async () => {
    recognition.getNotice.mockResolvedValue(notice())
    recognition.getOptions.mockResolvedValue(options())
    recognition.startApplication.mockRejectedValue(
      new ApiError({ code: 'RECOGNITION_ALREADY_APPLIED', message: '本经营主体已对该公告提交过申请，每个公告只能申请一次', status: 409 })
    )
    const page = loadPage(ROUTE, { query: { notice: '1' } })
    await flush()
    expect(textOf(page, '#error')).toContain('每个公告只能申请一次')
    expect(exists(page, '#next')).toBe(false)
  })
})
