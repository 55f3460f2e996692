jest.mock('../../services/annual')

const { installWx } = require('../helpers/wx-mock')
const { loadPage, flush, textOf, exists, attr, tap } = require('../helpers/page')
const f = require('../helpers/fixtures')
const annual = require('../../services/annual')
const { ApiError } = require('../../utils/request')

const ROUTE = 'pages/annual/index'
const WEBVIEW = 'pages/annual/webview/index'

let wx
beforeEach(() => {
  wx = installWx()
})

async function open(reply = f.annualReport()) {
  annual.getAnnualReport.mockResolvedValue(reply)
  const page = loadPage(ROUTE)
  await flush()
  return page
}

const texts = (page, selector) => page.querySelectorAll(selector).map(n => n.dom.textContent.trim())

test('shows the report year, the window with days left, the status and the reminder', async () => {
  const page = await open()
  expect(annual.getAnnualReport).toHaveBeenCalledTimes(1)
  expect(textOf(page, '#report-year')).toBe('2025年度报告')
  expect(textOf(page, '#window')).toBe('2026-01-01 至 2026-06-30')
  expect(textOf(page, '#window-state')).toBe('填报中，剩余42天')
  expect(textOf(page, '#status')).toBe('未报送')
  expect(attr(page, '#status', 'class')).toContain('annual__tag--red')
  expect(textOf(page, '#reminder')).toContain('2025年度报告尚未报送')
  expect(textOf(page, '#reminder')).toContain('2026-06-30')
})

test('a report already in: 已报送, no reminder', async () => {
  const page = await open(f.annualReport({ status: 'reported', status_label: '已报送', reminder: false }))
  expect(textOf(page, '#status')).toBe('已报送')
  expect(attr(page, '#status', 'class')).toContain('annual__tag--green')
  expect(exists(page, '#reminder')).toBe(false)
})

test('after the window closes it says so', async () => {
  const page = await open(
    f.annualReport({
      window: { start: '2026-01-01', end: '2026-06-30', open: false, days_left: 0 },
      status: 'missing',
      status_label: '未报送',
      reminder: false,
    })
  )
  expect(textOf(page, '#window-state')).toBe('本年度填报期已结束')
  expect(exists(page, '#reminder')).toBe(false)
})

test('a business founded after the report year needs no report', async () => {
  const page = await open(f.annualReport({ required: false, status: null, status_label: '无需报送', reminder: false, history: [] }))
  expect(textOf(page, '#status')).toBe('无需报送')
  expect(exists(page, '#not-required')).toBe(true)
})

test('历年记录 lists every year on record with its label and date', async () => {
  const page = await open()
  expect(texts(page, '.annual__history-year')).toEqual(['2024年度', '2023年度'])
  expect(texts(page, '.annual__history-row .annual__tag')).toEqual(['已报送', '逾期补报'])
  expect(texts(page, '.annual__history-row .hint')).toEqual(['报送日期：2025-03-28', '报送日期：2024-08-02', '补报'])
})

test('no history: an empty state', async () => {
  const page = await open(f.annualReport({ history: [] }))
  expect(textOf(page, '#history-empty')).toBe('暂无历年记录')
})

test('the button opens the national publicity system in the web-view page', async () => {
  const page = await open()
  expect(textOf(page, '#open-report')).toBe('前往国家企业信用信息公示系统填报')
  await tap(page, '#open-report')
  expect(wx.navigateTo).toHaveBeenCalledWith({
    url: '/pages/annual/webview/index?url=' + encodeURIComponent('https://www.gsxt.gov.cn/index.html'),
  })

  await tap(page, '#copy-url')
  expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: 'https://www.gsxt.gov.cn/index.html' }))
})

test('an API error shows its Chinese message and retries', async () => {
  annual.getAnnualReport.mockRejectedValueOnce(
    new ApiError({ code: 'NO_CURRENT_BUSINESS', message: '请先选择当前经营主体', status: 400 })
  )
  const page = loadPage(ROUTE)
  await flush()
  expect(textOf(page, '#error')).toContain('请先选择当前经营主体')
  annual.getAnnualReport.mockResolvedValueOnce(f.annualReport())
  await tap(page, '#error .state__action')
  expect(textOf(page, '#report-year')).toBe('2025年度报告')
})

describe('web-view page', () => {
  test('loads the address it was given', async () => {
    const page = loadPage(WEBVIEW, { query: { url: encodeURIComponent('https://www.gsxt.gov.cn/index.html') } })
    await flush()
    expect(attr(page, '#webview', 'src')).toBe('https://www.gsxt.gov.cn/index.html')
  })

  test('an address that is not a web address is refused', async () => {
    const page = loadPage(WEBVIEW, { query: { url: encodeURIComponent('javascript:alert(1)') } })
    await flush()
    expect(exists(page, '#webview')).toBe(false)
    expect(textOf(page, '#error')).toBe('年报网址无效')
  })

  test('a web-view that cannot load offers to copy the address', async () => {
    const page = loadPage(WEBVIEW, { query: { url: encodeURIComponent('https://www.gsxt.gov.cn/index.html') } })
    await flush()
    page.instance.onError({ detail: { url: 'https://www.gsxt.gov.cn/index.html' } })
    await flush()
    expect(textOf(page, '#error')).toContain('页面无法打开')
    await tap(page, '#copy-url')
    expect(wx.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: 'https://www.gsxt.gov.cn/index.html' }))
  })
})
