jest.mock('../../services/risk', () => {
  const actual = jest.requireActual('../../services/risk')
  return { KINDS: actual.KINDS, listRecords: jest.fn() }
})

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, tap, attr } = require('../helpers/page')
const risk = require('../../services/risk')
const { ApiError } = require('../../utils/request')

const ROUTE = 'pages/risk/index'

let wx
beforeEach(() => {
  wx = installWx()
})

const texts = (page, selector) => page.querySelectorAll(selector).map(n => n.dom.textContent.trim())

function listing(id, overrides = {}) {
  return Object.assign(
    {
      id,
      record_type: 'listing',
      kind: 'serious_violation',
      kind_label: '严重违法失信名单',
      status: 'listed',
      status_label: '列入中',
      doc_no: '黄下市监严列〔2026〕' + id + '号',
      list_reason: '被列入经营异常名录届满3年仍未履行相关义务',
      listed_on: '2026-03-01',
      list_org_name: '黄石市下陆区市场监督管理局',
      remove_reason: null,
      removed_on: null,
      remove_org_name: null,
    },
    overrides
  )
}

function penalty(id) {
  return {
    id,
    record_type: 'penalty',
    doc_no: '黄下市监罚〔2026〕' + id + '号',
    penalty_name: '销售过期食品案',
    penalty_type: '罚款',
    basis: '《食品安全法》第一百二十四条',
    violation_type: '食品安全',
    content: '罚款人民币伍仟元',
    fine_amount: '0.50',
    confiscated_amount: null,
    amount_unit: '万元',
    decided_on: '2026-04-10',
    published_on: '2026-04-12',
    decision_org_name: '黄石市下陆区市场监督管理局',
  }
}

test('three tabs; the first (严重违法) loads at once and shows each listing', async () => {
  risk.listRecords.mockResolvedValue({ items: [listing(1)], next: null })
  const page = loadPage(ROUTE)
  await flush()
  expect(texts(page, '.risk__tab')).toEqual(['严重违法', '列入异常', '行政处罚'])
  expect(attr(page, '#tab-serious', 'class')).toContain('risk__tab--on')
  expect(risk.listRecords).toHaveBeenCalledWith('serious', { limit: 20 }, expect.anything())
  expect(textOf(page, '.risk__title')).toBe('严重违法失信名单')
  expect(textOf(page, '.risk__status')).toBe('列入中')
  expect(textOf(page, '.risk__text')).toContain('届满3年')
})

test('switching tabs loads each kind once; a removed listing shows its removal', async () => {
  risk.listRecords.mockResolvedValueOnce({ items: [], next: null })
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#empty')).toContain('暂无严重违法记录')

  risk.listRecords.mockResolvedValueOnce({
    items: [listing(2, { kind: 'individual_abnormal', kind_label: '个体工商户经营异常状态', status: 'removed', status_label: '已移出', removed_on: '2026-05-01', remove_reason: '已补报年报' })],
    next: null,
  })
  await tap(page, '#tab-abnormal')
  expect(risk.listRecords).toHaveBeenLastCalledWith('abnormal', { limit: 20 }, expect.anything())
  expect(textOf(page, '.risk__status')).toBe('已移出')
  expect(textOf(page, '.risk__removed')).toContain('已补报年报')

  risk.listRecords.mockResolvedValueOnce({ items: [penalty(3)], next: null })
  await tap(page, '#tab-penalty')
  expect(textOf(page, '.risk__title')).toBe('销售过期食品案')
  expect(textOf(page, '.risk__money')).toBe('0.50万元')

  await tap(page, '#tab-serious')
  expect(risk.listRecords).toHaveBeenCalledTimes(3)
  expect(textOf(page, '#empty')).toContain('暂无严重违法记录')
})

test('an API error shows its Chinese message in the tab, and retries', async () => {
  risk.listRecords.mockRejectedValueOnce(new ApiError({ code: 'NO_CURRENT_BUSINESS', message: '请先选择当前经营主体', status: 400 }))
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#error')).toContain('请先选择当前经营主体')
  risk.listRecords.mockResolvedValueOnce({ items: [listing(1)], next: null })
  await tap(page, '#error .state__action')
  expect(exists(page, '#error')).toBe(false)
  expect(textOf(page, '.risk__title')).toBe('严重违法失信名单')
})

test('reaching the bottom loads the next page of the open tab', async () => {
  risk.listRecords.mockResolvedValueOnce({ items: [listing(1)], next: 'c1' })
  const page = loadPage(ROUTE)
  await flush()
  risk.listRecords.mockResolvedValueOnce({ items: [listing(2)], next: null })
  await page.instance.onReachBottom()
  await flush()
  expect(risk.listRecords).toHaveBeenLastCalledWith('serious', { limit: 20, cursor: 'c1' })
  expect(page.querySelectorAll('.risk__item').length).toBe(2)
})
