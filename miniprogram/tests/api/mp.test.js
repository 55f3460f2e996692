/**
 * The services/ layer against a REAL Getitong API.
 * Run with:  GETITONG_API=http://127.0.0.1:8000 npx jest tests/api
 *
 * @jest-environment node
 */
const fs = require('fs')
const os = require('os')
const path = require('path')
const { createNodeWx } = require('../helpers/node-wx')

const API = (process.env.GETITONG_API || '').replace(/\/+$/, '')
const DEMO_PHONE = '13900000001'
const DEMO_PASSWORD = 'Shop@2026'

const SKIP_MESSAGE =
  'GETITONG_API is not set: the real-API tests in tests/api are skipped (run e.g. GETITONG_API=http://127.0.0.1:8000 npm test)'

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
  const license = require('../../services/license')
  const me = require('../../services/me')
  const { tamperedUscc } = require('../helpers/fixtures')
  const { fieldErrors } = require('../../utils/form-errors')

  const quiet = { showError: false }

  beforeEach(() => {
    global.wx = createNodeWx()
    request._reset()
  })

  async function loginDemo() {
    const result = await auth.login({ phone: DEMO_PHONE, password: DEMO_PASSWORD }, quiet)
    session.save(result)
    return result
  }

  describe('public endpoints', () => {
    test('GET /regions is a 省 → 市 → 区县 tree', async () => {
      const tree = await license.getRegions(quiet)
      expect(Array.isArray(tree)).toBe(true)
      expect(tree.length).toBeGreaterThan(0)
      expect(tree[0]).toEqual(expect.objectContaining({ code: expect.any(String), name: expect.any(String) }))
      expect(Array.isArray(tree[0].children)).toBe(true)
    })

    test('GET /privacy-policy has a version, a title and the text', async () => {
      const policy = await auth.getPrivacyPolicy(quiet)
      expect(policy).toEqual(expect.objectContaining({ version: expect.any(String), title: expect.any(String), content: expect.any(String) }))
      expect(policy.content.length).toBeGreaterThan(10)
    })

    test('a wrong password is a 400 LOGIN_FAILED with a Chinese message, not a 401', async () => {
      const err = await auth.login({ phone: DEMO_PHONE, password: 'Wrong@2026x' }, quiet).catch(e => e)
      expect(err).toMatchObject({ code: 'LOGIN_FAILED', status: 400 })
      expect(err.message).toMatch(/[\u4e00-\u9fa5]/)
      expect(global.wx.__ui.reLaunches).toEqual([])
    })
  })

  describe('the demo shop owner', () => {
    test('login → /me → switch business → refresh → logout', async () => {
      const login = await loginDemo()
      expect(login.token).toEqual(expect.objectContaining({ access_token: expect.any(String), refresh_token: expect.any(String) }))
      expect(login.profile.businesses.length).toBeGreaterThanOrEqual(2)

      const profile = await me.getMe(quiet)
      expect(profile.person.phone_masked).not.toContain(DEMO_PHONE)
      expect(profile.person.phone_masked).toMatch(/^139/)
      expect(profile.current_business).toBeTruthy()
      const original = profile.current_business.id
      const other = profile.businesses.find(b => b.id !== original)

      const switched = await me.switchBusiness(other.id, quiet)
      expect(switched.profile.current_business.id).toBe(other.id)
      expect(switched.token.access_token).not.toBe(login.token.access_token)
      session.save(switched)
      const afterSwitch = await me.getMe(quiet)
      expect(afterSwitch.current_business.id).toBe(other.id)
      expect(afterSwitch.current_business.uscc).toBe(other.uscc)

      const oldRefresh = session.getRefreshToken()
      const refreshed = await auth.refresh(oldRefresh, quiet)
      expect(refreshed.token.refresh_token).not.toBe(oldRefresh)
      session.setToken(refreshed.token)
      // the refreshed tokens still carry the chosen business
      expect((await me.getMe(quiet)).current_business.id).toBe(other.id)

      // leave the demo account as we found it
      session.save(await me.switchBusiness(original, quiet))
      expect((await me.getMe(quiet)).current_business.id).toBe(original)

      const lastRefresh = session.getRefreshToken()
      await expect(auth.logout(lastRefresh, quiet)).resolves.toBeNull()
      const afterLogout = await auth.refresh(lastRefresh, quiet).catch(e => e)
      expect(afterLogout).toBeInstanceOf(request.ApiError)
      expect(afterLogout.status).toBe(401)
    })

    test('switching to a business the person is not linked to is refused', async () => {
      await loginDemo()
      await expect(me.switchBusiness(987654321, quiet)).rejects.toMatchObject({ code: 'BUSINESS_NOT_LINKED', status: 403 })
      await auth.logout(session.getRefreshToken(), quiet)
    })

    test('linking a business that is already linked is BUSINESS_ALREADY_LINKED', async () => {
      const { profile } = await loginDemo()
      const linked = profile.businesses[0]
      await expect(me.addBusiness({ region_code: linked.region_code, uscc: linked.uscc }, quiet)).rejects.toMatchObject({
        code: 'BUSINESS_ALREADY_LINKED',
        status: 409,
      })
      await auth.logout(session.getRefreshToken(), quiet)
    })

    test('a rotated-away refresh token is refused', async () => {
      const { token } = await loginDemo()
      const next = await auth.refresh(token.refresh_token, quiet)
      await expect(auth.refresh(token.refresh_token, quiet)).rejects.toMatchObject({ status: 401 })
      // re-using an old token revokes the whole chain, so the newer one is dead too
      await expect(auth.refresh(next.token.refresh_token, quiet)).rejects.toMatchObject({ status: 401 })
    })

    test('a broken access token ends the session and sends the app to login', async () => {
      await loginDemo()
      const refreshToken = session.getRefreshToken()
      session.setToken({ access_token: 'not-a-jwt', refresh_token: refreshToken })
      const err = await me.getMe(quiet).catch(e => e)
      expect(err).toMatchObject({ status: 401, message: '登录已过期，请重新登录' })
      expect(session.isLoggedIn()).toBe(false)
      expect(global.wx.__ui.reLaunches).toEqual(['/pages/auth/login/index'])
      await auth.logout(refreshToken, quiet).catch(() => null)
    })

    test('/me without a token is 401 UNAUTHENTICATED', async () => {
      await expect(me.getMe(quiet)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401 })
    })
  })

  describe('licence look-up and registration', () => {
    let demoBusiness

    beforeAll(async () => {
      global.wx = createNodeWx()
      const { token, profile } = await auth.login({ phone: DEMO_PHONE, password: DEMO_PASSWORD }, quiet)
      demoBusiness = profile.businesses[profile.businesses.length - 1]
      await auth.logout(token.refresh_token, { auth: false, showError: false }).catch(() => null)
    })

    /** Staff-side call, used only to get the licence QR image the register would print. */
    async function admin(method, url, body, accessToken) {
      const headers = { 'content-type': 'application/json' }
      if (accessToken) headers.Authorization = 'Bearer ' + accessToken
      const response = await fetch(API + '/api/v1/admin' + url, { method, headers, body: body ? JSON.stringify(body) : undefined })
      const envelope = await response.json()
      if (envelope.code !== 'OK') throw new Error(method + ' ' + url + ' → ' + envelope.code + ' ' + envelope.message)
      return envelope.data
    }

    test('a USCC is looked up in its region and gives the name and the 负责人', async () => {
      const info = await license.lookup({ region_code: demoBusiness.region_code, uscc: demoBusiness.uscc }, quiet)
      expect(info).toEqual(
        expect.objectContaining({ uscc: demoBusiness.uscc, name: demoBusiness.name, operator_name: demoBusiness.operator_name })
      )
    })

    test('the text of a licence QR is accepted in place of the USCC', async () => {
      const qrText = 'https://www.gsxt.gov.cn/detail?uniscid=' + demoBusiness.uscc
      const info = await license.lookup({ region_code: demoBusiness.region_code, qr_text: qrText }, quiet)
      expect(info.uscc).toBe(demoBusiness.uscc)
    })

    test('a tampered USCC is USCC_CHECK_FAILED', async () => {
      const err = await license
        .lookup({ region_code: demoBusiness.region_code, uscc: tamperedUscc(demoBusiness.uscc) }, quiet)
        .catch(e => e)
      expect(err).toMatchObject({ code: 'USCC_CHECK_FAILED', status: 400 })
      expect(err.message).toMatch(/[\u4e00-\u9fa5]/)
    })

    test('a file that is not an image is refused by /license/scan', async () => {
      const file = path.join(os.tmpdir(), 'getitong-not-an-image-' + process.pid + '.jpg')
      fs.writeFileSync(file, 'this is text, not a picture')
      try {
        const err = await license.scan({ filePath: file, region_code: demoBusiness.region_code }, quiet).catch(e => e)
        expect(err).toBeInstanceOf(request.ApiError)
        expect(['FILE_NOT_IMAGE', 'FILE_TYPE_NOT_ALLOWED']).toContain(err.code)
        expect(err.status).toBe(415)
      } finally {
        fs.unlinkSync(file)
      }
    })

    test('a photo of the licence QR is decoded by /license/scan', async () => {
      const { token } = await admin('POST', '/auth/login', { username: 'admin', password: 'Admin@2026' })
      const page = await admin('GET', '/entities?uscc=' + demoBusiness.uscc, null, token.access_token)
      const entity = page.items.find(e => e.uscc === demoBusiness.uscc)
      const qr = await admin('GET', '/entities/' + entity.id + '/license-qr', null, token.access_token)
      const file = path.join(os.tmpdir(), 'getitong-license-qr-' + process.pid + '.png')
      fs.writeFileSync(file, Buffer.from(qr.image.split(',')[1], 'base64'))
      try {
        const info = await license.scan({ filePath: file, region_code: demoBusiness.region_code }, quiet)
        expect(info).toEqual(expect.objectContaining({ uscc: demoBusiness.uscc, operator_name: demoBusiness.operator_name }))
      } finally {
        fs.unlinkSync(file)
        await admin('POST', '/auth/logout', { refresh_token: token.refresh_token }, token.access_token).catch(() => null)
      }
    })

    test('VALIDATION_ERROR details land on the register form fields', async () => {
      const err = await auth.register({ region_code: demoBusiness.region_code }, quiet).catch(e => e)
      expect(err).toMatchObject({ code: 'VALIDATION_ERROR', status: 422 })
      const fields = fieldErrors(err, ['uscc', 'phone', 'name', 'password'])
      expect(Object.keys(fields).sort()).toEqual(['name', 'password', 'phone', 'uscc'])
      Object.values(fields).forEach(message => expect(message).toMatch(/[\u4e00-\u9fa5]/))
    })

    test('a new shop owner registers for a business in the register and is signed in', async () => {
      const policy = await auth.getPrivacyPolicy(quiet)
      const phone = '137' + String(Date.now()).slice(-8)
      const form = {
        region_code: demoBusiness.region_code,
        uscc: demoBusiness.uscc,
        phone,
        name: demoBusiness.operator_name,
        password: 'Test' + String(Date.now()).slice(-6) + 'a',
        privacy_version: policy.version,
        privacy_agreed: true,
      }

      await expect(auth.register(Object.assign({}, form, { privacy_agreed: false }), quiet)).rejects.toMatchObject({
        code: 'PRIVACY_NOT_AGREED',
      })
      await expect(auth.register(Object.assign({}, form, { name: form.name + '某' }), quiet)).rejects.toMatchObject({
        code: 'OPERATOR_NAME_MISMATCH',
      })
      await expect(auth.register(Object.assign({}, form, { password: 'abcdefgh' }), quiet)).rejects.toMatchObject({
        code: 'WEAK_PASSWORD',
      })

      const result = await auth.register(form, quiet)
      expect(result.token.access_token).toEqual(expect.any(String))
      expect(result.profile.person.name).toBe(demoBusiness.operator_name)
      expect(result.profile.current_business.uscc).toBe(demoBusiness.uscc)

      await expect(auth.register(form, quiet)).rejects.toMatchObject({ code: 'PHONE_ALREADY_REGISTERED', status: 409 })

      const again = await auth.login({ phone, password: form.password }, quiet)
      expect(again.profile.current_business.uscc).toBe(demoBusiness.uscc)
      await auth.logout(again.token.refresh_token, quiet)
      await auth.logout(result.token.refresh_token, quiet)
    })
  })
}
