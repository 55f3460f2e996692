/**
 * services/home.js and services/annual.js against a REAL Getitong API (docs/home.md).
 * Run with:  GETITONG_API=http://127.0.0.1:8000 npx jest tests/api
 * Leaves the demo owner's home layout at the default (resetApps) so reruns start the same way.
 *
 * @jest-environment node
 */
const { createNodeWx } = require('../helpers/node-wx')

const API = (process.env.GETITONG_API || '').replace(/\/+$/, '')
const DEMO_PHONE = '13900000001'
const DEMO_PASSWORD = 'Shop@2026'

const SKIP_MESSAGE =
  'GETITONG_API is not set: the real-API home tests in tests/api are skipped (run e.g. GETITONG_API=http://127.0.0.1:8000 npm test)'

if (!API) {
  // eslint-disable-next-line no-console
  console.warn(SKIP_MESSAGE)
  test.skip(SKIP_MESSAGE, () => {})
} else {
  jest.setTimeout(30000)
  defineApiTests()
}

function defineApiTests() {
  global.wx = createNodeWx()
  const config = require('../../config')
  config.apiBase = API
  const request = require('../../utils/request')
  const session = require('../../utils/session')
  const auth = require('../../services/auth')
  const home = require('../../services/home')
  const annual = require('../../services/annual')

  const quiet = { showError: false }
  const codes = list => list.map(a => a.code)

  // The API limits logins per IP and minute (shared with tests/api/mp.test.js), so this file signs in
  // once for all its tests, plus once more to check that a new session sees a saved layout.
  let demo = null

  async function login() {
    return auth.login({ phone: DEMO_PHONE, password: DEMO_PASSWORD }, quiet)
  }

  beforeAll(async () => {
    global.wx = createNodeWx()
    demo = await login()
  })

  beforeEach(() => {
    global.wx = createNodeWx()
    request._reset()
    if (demo) session.save(demo)
  })

  afterAll(async () => {
    // Whatever happened above, the demo owner goes back to the default layout.
    if (!demo) return
    global.wx = createNodeWx()
    request._reset()
    session.save(demo)
    await home.resetApps(quiet)
    await auth.logout(demo.token.refresh_token, quiet).catch(() => null)
  })

  test('GET /home: the current business, the others to switch to, the apps with badges, annual status, news', async () => {
    const { profile } = demo
    await home.resetApps(quiet)
    const data = await home.getHome(quiet)

    expect(data.person.phone_masked).toMatch(/^139\*+/)
    expect(data.current_business).toEqual(expect.objectContaining({ id: profile.current_business.id, uscc: expect.any(String) }))
    expect(data.current_business.kind_label).toEqual(expect.any(String))
    expect(data.other_businesses.map(b => b.id)).not.toContain(data.current_business.id)
    expect(data.other_businesses.length).toBe(profile.businesses.length - 1)

    expect(data.apps.length).toBeGreaterThan(0)
    data.apps.forEach(app => {
      expect(app).toEqual(
        expect.objectContaining({ code: expect.any(String), name: expect.any(String), page: expect.stringMatching(/^\/pages\//) })
      )
      expect(app.badge_count).toBeGreaterThanOrEqual(0)
    })
    // the default layout includes 年度报告, and its page is the one this build registers
    const report = data.apps.find(a => a.code === 'annual_report')
    expect(report.page).toBe('/pages/annual/index')

    expect(data.annual_report).toEqual(expect.objectContaining({ year: expect.any(Number), url: expect.stringMatching(/^https?:\/\//) }))
    expect(typeof data.annual_report.reminder).toBe('boolean')
    expect(Array.isArray(data.news)).toBe(true)
    expect(data.news.length).toBeLessThanOrEqual(5)
  })

  test('the home apps of GET /home and GET /home/apps agree; available holds the rest', async () => {
    await home.resetApps(quiet)
    const [screen, mine] = await Promise.all([home.getHome(quiet), home.getMyApps(quiet)])
    expect(codes(mine.apps)).toEqual(codes(screen.apps))
    codes(mine.available).forEach(code => expect(codes(mine.apps)).not.toContain(code))
    expect(mine.available.length).toBeGreaterThan(0)
  })

  test('saveApps removes, adds and reorders in one save; a NEW login sees the same order; resetApps restores it', async () => {
    const defaults = await home.resetApps(quiet)
    const defaultCodes = codes(defaults.apps)
    expect(defaultCodes.length).toBeGreaterThanOrEqual(3)

    // drop the first default, add one from 更多应用 at the front, reverse the rest
    const added = defaults.available[0].code
    const wanted = [added].concat(defaultCodes.slice(1).reverse())
    const saved = await home.saveApps(wanted, quiet)
    expect(codes(saved.apps)).toEqual(wanted)
    expect(codes(saved.available)).toContain(defaultCodes[0])
    expect(codes((await home.getHome(quiet)).apps)).toEqual(wanted)

    // another session of the same person (e.g. another phone) sees the saved layout
    const second = await login()
    session.save(second)
    try {
      expect(codes((await home.getHome(quiet)).apps)).toEqual(wanted)
      expect(codes((await home.getMyApps(quiet)).apps)).toEqual(wanted)

      const reset = await home.resetApps(quiet)
      expect(codes(reset.apps)).toEqual(defaultCodes)
      expect(codes((await home.getHome(quiet)).apps)).toEqual(defaultCodes)
    } finally {
      await auth.logout(second.token.refresh_token, quiet).catch(() => null)
    }
    // and the first session sees the reset
    session.save(demo)
    expect(codes((await home.getHome(quiet)).apps)).toEqual(defaultCodes)
  })

  test('saving a duplicate or an unknown app is refused with a Chinese message and changes nothing', async () => {
    const defaults = await home.resetApps(quiet)
    const first = defaults.apps[0].code

    const dup = await home.saveApps([first, first], quiet).catch(e => e)
    expect(dup).toMatchObject({ code: 'HOME_APP_DUPLICATE', status: 400 })
    expect(dup.message).toMatch(/[\u4e00-\u9fa5]/)

    const unknown = await home.saveApps([first, 'no_such_app'], quiet).catch(e => e)
    expect(unknown).toMatchObject({ code: 'HOME_APP_UNKNOWN', status: 400 })

    expect(codes((await home.getMyApps(quiet)).apps)).toEqual(codes(defaults.apps))
  })

  test('an empty home is allowed and shows on GET /home', async () => {
    await home.saveApps([], quiet)
    expect((await home.getHome(quiet)).apps).toEqual([])
    await home.resetApps(quiet)
  })

  test('getAnnualReport: year, window, status label, url and history of the current business', async () => {
    const data = await annual.getAnnualReport(quiet)
    expect(data.year).toEqual(expect.any(Number))
    expect(data.window).toEqual(
      expect.objectContaining({ start: expect.any(String), end: expect.any(String), open: expect.any(Boolean) })
    )
    expect(data.window.days_left).toBeGreaterThanOrEqual(0)
    expect(['已报送', '逾期补报', '未报送', '无需报送']).toContain(data.status_label)
    expect(data.url).toMatch(/^https?:\/\//)
    expect(Array.isArray(data.history)).toBe(true)
    data.history.forEach(h => expect(h).toEqual(expect.objectContaining({ year: expect.any(Number), status_label: expect.any(String) })))
    // the years come newest first
    const years = data.history.map(h => h.year)
    expect(years).toEqual(years.slice().sort((a, b) => b - a))
    // the home screen carries the same status
    const screen = await home.getHome(quiet)
    expect(screen.annual_report).toEqual(expect.objectContaining({ year: data.year, status_label: data.status_label, url: data.url }))
  })

  test('without a token the home endpoints are 401', async () => {
    session.clear()
    await expect(home.getHome(quiet)).rejects.toMatchObject({ status: 401 })
    await expect(annual.getAnnualReport(quiet)).rejects.toMatchObject({ status: 401 })
  })
}
