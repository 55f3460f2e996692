jest.mock('../../services/policies')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap, input } = require('../helpers/page')
const policies = require('../../services/policies')
const { ApiError } = require('../../utils/request')

let wx
beforeEach(() => {
  wx = installWx()
})

const texts = (page, selector) => page.querySelectorAll(selector).map(n => n.dom.textContent.trim())

function policy(id, overrides = {}) {
  return Object.assign(
    {
      id,
      title: '个体工商户房租补贴政策' + id,
      summary: '对符合条件的个体工商户给予房租补贴',
      body: '一、补贴对象\n<b>不是HTML</b>',
      department: '黄石市市场监督管理局',
      org: { id: 2, name: '黄石市市场监督管理局' },
      valid_from: '2026-01-01',
      valid_to: '2026-12-31',
      published_at: '2026-11-30T02:00:00+00:00',
      targeting: { scale_types: [{ value: 'survival', label: '生存型' }], tags: [], industries: ['餐饮业'], regions: [{ code: '420200', name: '黄石市' }] },
    },
    overrides
  )
}

function eligibility(overrides = {}) {
  return Object.assign(
    {
      id: 7,
      status: 'pushed',
      status_label: '待确认',
      benefit: { id: 1, code: 'HS-RENT-2026', name: '房租补贴', amount: '3000.00', description: '按月发放', policy_id: 1 },
      pushed_at: '2026-11-30T02:00:00+00:00',
      confirmed_at: null,
      forwarded_at: null,
      actions: ['confirm'],
      timeline: [{ id: 1, from_status: null, to_status: 'pushed', to_label: '待确认', actor_type: 'staff', actor_name: '黄石市市场监督管理局', note: '', at: '2026-11-30T02:00:00+00:00' }],
    },
    overrides
  )
}

describe('政策查询', () => {
  test('lists the matched policies; a search reloads; tapping opens the detail', async () => {
    policies.listPolicies.mockResolvedValue({ items: [policy(2), policy(1)], next: null })
    const page = loadPage('pages/policies/index')
    await flush()
    expect(policies.listPolicies).toHaveBeenCalledWith({ limit: 20 }, { showError: false })
    expect(texts(page, '.policies__title')).toEqual(['个体工商户房租补贴政策2', '个体工商户房租补贴政策1'])
    expect(textOf(page, '.policies__item .hint')).toContain('有效期至2026-12-31')

    await input(page, '#search', ' 房租 ')
    await tap(page, '#search-btn')
    expect(policies.listPolicies).toHaveBeenLastCalledWith({ limit: 20, q: '房租' }, { showError: false })
    await tap(page, '#policy-2')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/policies/detail/index?id=2' })
    await tap(page, '#go-benefits')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/benefits/index' })
  })

  test('the next page is appended on reaching the bottom', async () => {
    policies.listPolicies.mockResolvedValueOnce({ items: [policy(3)], next: 'c1' }).mockResolvedValueOnce({ items: [policy(2)], next: null })
    const page = loadPage('pages/policies/index')
    await flush()
    await page.instance.onReachBottom()
    await flush()
    expect(policies.listPolicies).toHaveBeenLastCalledWith({ limit: 20, cursor: 'c1' })
    expect(texts(page, '.policies__title')).toHaveLength(2)
    expect(textOf(page, '.policies__end')).toBe('没有更多了')
  })

  test('empty and error states show the API’s Chinese message', async () => {
    policies.listPolicies.mockResolvedValueOnce({ items: [], next: null })
    const page = loadPage('pages/policies/index')
    await flush()
    expect(textOf(page, '#empty')).toBe('暂无与本店匹配的政策')
    policies.listPolicies.mockRejectedValueOnce(new ApiError({ code: 'NO_CURRENT_BUSINESS', message: '请先选择当前经营主体', status: 400 }))
    await tap(page, '#search-btn')
    expect(textOf(page, '#error')).toContain('请先选择当前经营主体')
  })

  test('detail renders the body as text, with validity and targeting', async () => {
    policies.getPolicy.mockResolvedValue(policy(1))
    const page = loadPage('pages/policies/detail/index', { query: { id: '1' } })
    await flush()
    expect(policies.getPolicy).toHaveBeenCalledWith('1', { showError: false })
    expect(textOf(page, '#title')).toBe('个体工商户房租补贴政策1')
    expect(textOf(page, '#body')).toContain('<b>不是HTML</b>')
    expect(textOf(page, '#valid')).toBe('2026-01-01 至 2026-12-31')
    expect(textOf(page, '#regions')).toBe('黄石市')
  })

  test('a policy that no longer matches shows 政策事项不存在', async () => {
    policies.getPolicy.mockRejectedValue(new ApiError({ code: 'POLICY_NOT_FOUND', message: '政策事项不存在', status: 404 }))
    const page = loadPage('pages/policies/detail/index', { query: { id: '9' } })
    await flush()
    expect(textOf(page, '#error')).toContain('政策事项不存在')
  })
})

describe('免申即享', () => {
  test('lists pushed items with status; a status tab filters; tapping opens the detail', async () => {
    policies.listBenefits.mockResolvedValue({ items: [eligibility()], next: null })
    const page = loadPage('pages/benefits/index')
    await flush()
    expect(textOf(page, '.benefits__name')).toBe('房租补贴')
    expect(textOf(page, '.benefits__amount')).toBe('3000.00元')
    await tap(page, '#s-pushed')
    expect(policies.listBenefits).toHaveBeenLastCalledWith({ limit: 20, status: 'pushed' }, { showError: false })
    await tap(page, '#benefit-7')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/benefits/detail/index?id=7' })
  })

  test('empty state', async () => {
    policies.listBenefits.mockResolvedValue({ items: [], next: null })
    const page = loadPage('pages/benefits/index')
    await flush()
    expect(textOf(page, '#empty')).toBe('暂无推送给本店的免申即享事项')
  })

  test('detail: confirm after the dialog, then the flow and timeline move on', async () => {
    policies.getBenefit
      .mockResolvedValueOnce(eligibility())
      .mockResolvedValueOnce(
        eligibility({
          status: 'confirmed',
          status_label: '已确认',
          actions: [],
          timeline: eligibility().timeline.concat({ id: 2, from_status: 'pushed', to_status: 'confirmed', to_label: '已确认', actor_name: '张秀英', note: '', at: '2026-12-01T01:00:00+00:00' }),
        })
      )
    policies.confirmBenefit.mockResolvedValue({ id: 7, status: 'confirmed' })
    const page = loadPage('pages/benefits/detail/index', { query: { id: '7' } })
    await flush()
    expect(textOf(page, '#status')).toBe('待确认')
    expect(page.querySelectorAll('.benefit__flow-step--done')).toHaveLength(1)
    await tap(page, '#open-policy')
    expect(wx.navigateTo).toHaveBeenCalledWith({ url: '/pages/policies/detail/index?id=1' })

    wx.__responses.showModal = { confirm: false }
    await tap(page, '#confirm')
    expect(policies.confirmBenefit).not.toHaveBeenCalled()

    wx.__responses.showModal = { confirm: true }
    await tap(page, '#confirm')
    await flush()
    expect(policies.confirmBenefit).toHaveBeenCalledWith(7, { loading: '提交中' })
    expect(textOf(page, '#status')).toBe('已确认')
    expect(exists(page, '#confirm')).toBe(false)
    expect(page.querySelectorAll('.benefit__flow-step--done')).toHaveLength(2)
    expect(textOf(page, '.benefit__step-title')).toContain('已确认')
  })

  test('a rejected item shows 平台未通过 in the flow', async () => {
    policies.getBenefit.mockResolvedValue(eligibility({ status: 'rejected', status_label: '平台未通过', actions: [] }))
    const page = loadPage('pages/benefits/detail/index', { query: { id: '7' } })
    await flush()
    expect(texts(page, '.benefit__flow-label')).toEqual(['待确认', '已确认', '已提交平台', '平台未通过'])
  })
})
