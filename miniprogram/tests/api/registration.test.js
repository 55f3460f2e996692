/**
 * services/registration.js (个体户自助登记, 智能审批) against a REAL Getitong API with its demo data. Run with:
 *   GETITONG_API=http://127.0.0.1:8000 npx jest tests/api/registration.test.js
 * One shop-owner login for the whole file (the API limits them per IP and minute). The journey: a draft of a
 * 小餐饮, a forbidden name refused with its rule, a taken name, a good name, the operator, the basic information,
 * the documents as PDF, confirm, real-name confirmation, the signature through the signing link (no login) with
 * a PNG, submit → approved at once with a licence; then the licence QR is decoded and registers a new account.
 *
 * @jest-environment node
 */
const { whenApi, ownerSession, tinyPng, decodeQrPng } = require('../helpers/real-api')

whenApi('个体户登记', defineApiTests)

// GB 11643 check digit.
function idNumber(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]
  return first17 + '10X98765432'[sum % 11]
}

// A 字号 no earlier run has taken (Chinese characters only: letters and digits are a forbidden class).
function freshTradeName() {
  const chars = '春夏秋冬梅兰竹菊松柏桃李杏枫荷莲云霞晨露'
  let n = Date.now() + Math.floor(Math.random() * 1e6)
  let out = '穆'
  for (let i = 0; i < 4; i++) {
    out += chars[n % chars.length]
    n = Math.floor(n / chars.length)
  }
  return out
}

function defineApiTests() {
  const fs = require('fs')
  const session = require('../../utils/session')
  const request = require('../../utils/request')
  const registration = require('../../services/registration')
  const auth = require('../../services/auth')
  const license = require('../../services/license')

  const quiet = { showError: false }
  ownerSession()

  // the demo operator 张秀英 (her ID number is the one the demo registration was approved with)
  const OPERATOR_ID = idNumber('42020419740711970')
  const REGION = '420204' // 黄石市下陆区
  const tradeName = freshTradeName()
  const state = {}

  const fetchWithToken = url => fetch(url, { headers: { Authorization: 'Bearer ' + session.getAccessToken() } })

  function operator(photoId, overrides = {}) {
    return Object.assign(
      {
        name: '张秀英',
        gender: 'female',
        ethnicity: '汉族',
        id_type: 'resident_id',
        id_number: OPERATOR_ID,
        id_valid_from: '2020-01-01',
        id_long_term: true,
        phone: '13900000001',
        email: 'zhangxiuying@example.com',
        address: '湖北省黄石市下陆区老下陆街道12号',
        postcode: '435000',
        political_status: '群众',
        education: '高中',
        employment_status: '返乡创业人员',
        id_photo_file_id: photoId,
      },
      overrides
    )
  }

  function basic(overrides = {}) {
    return Object.assign(
      {
        store_name: tradeName + '饺子馆',
        urban: true,
        postcode: '435000',
        staff_count: 2,
        paper_license: true,
        scope: ['小餐饮', '餐饮服务', '日用百货销售'],
        residence: { street: '团城山街道', house_no: '杭州东路99号', property_type: 'leased', property_use: 'commercial', owner_name: '黄石市某物业公司', area_sqm: '35' },
      },
      overrides
    )
  }

  describe('catalog', () => {
    test('without login: 小餐饮 with its industry, main item and fixed scope; districts with their authority; the name rules', async () => {
      session.clear()
      const catalog = await registration.getCatalog(quiet)
      const type = catalog.business_types.find(t => t.code === 'small_restaurant')
      expect(type).toEqual(expect.objectContaining({ label: '小餐饮', industry: '餐饮业', main_item: '小餐饮' }))
      expect(type.scope.find(s => s.main).text).toBe('小餐饮')
      expect(type.industry_words).toContain('饺子')
      const xialu = catalog.regions.find(r => r.code === REGION)
      expect(xialu).toEqual(expect.objectContaining({ name: '黄石市下陆区', authority: expect.objectContaining({ name: '黄石市下陆区市场监督管理局' }) }))
      expect(catalog.org_forms).toContain('馆')
      expect(catalog.name_rules.map(r => r.code)).toEqual(expect.arrayContaining(['foreign_or_international', 'letters_digits', 'party_state_army']))
      expect(catalog.sign_days).toBe(6)
    })
  })

  describe('the whole journey: a 小餐饮 approved automatically', () => {
    test('a new draft of the type 小餐饮 resumes at step 2', async () => {
      const app = await registration.create('small_restaurant', quiet)
      expect(app).toEqual(expect.objectContaining({ status: 'draft', status_label: '填写中', business_type: 'small_restaurant', business_type_label: '小餐饮' }))
      expect(app.steps).toEqual({ business_type: true, name: false, operator: false, basic: false })
      expect(app.actions).toEqual(expect.arrayContaining(['withdraw']))
      state.id = app.id
      const mine = await registration.list({ limit: 50 }, quiet)
      expect(mine.items.find(a => a.id === app.id)).toEqual(expect.objectContaining({ status: 'draft', number: app.number }))
    })

    test('a name with a forbidden word is refused with the rule it breaks (name check and saving)', async () => {
      const body = { region_code: REGION, business_type: 'small_restaurant', trade_name: '美国', industry_word: '饺子', org_form: '馆' }
      const err = await registration.checkName(body, quiet).catch(e => e)
      expect(err).toMatchObject({ code: 'REGISTRATION_NAME_FORBIDDEN', status: 400 })
      expect(err.data).toEqual(expect.objectContaining({ rule: 'foreign_or_international', text: '美国' }))
      expect(err.data.rule_label).toMatch(/外国国家/)
      expect(err.message).toMatch(/^名称不得.*“美国”/)

      const letters = await registration.checkName(Object.assign({}, body, { trade_name: '好味A' }), quiet).catch(e => e)
      expect(letters).toMatchObject({ code: 'REGISTRATION_NAME_FORBIDDEN', data: expect.objectContaining({ rule: 'letters_digits' }) })

      const saved = await registration
        .saveName(state.id, { named: true, region_code: REGION, trade_name: '美国', industry_word: '饺子', org_form: '馆', commitment_accepted: true, place: '湖北省黄石市下陆区杭州东路99号', capital: '5' }, quiet)
        .catch(e => e)
      expect(saved).toMatchObject({ code: 'REGISTRATION_NAME_FORBIDDEN', data: expect.objectContaining({ rule: 'foreign_or_international' }) })
    })

    test('the demo’s name is taken; a city is not a district', async () => {
      const taken = await registration
        .checkName({ region_code: REGION, business_type: 'small_restaurant', trade_name: '秀英', industry_word: '饺子', org_form: '馆' }, quiet)
        .catch(e => e)
      expect(taken).toMatchObject({ code: 'REGISTRATION_NAME_TAKEN', status: 409 })
      const city = await registration
        .checkName({ region_code: '420200', business_type: 'small_restaurant', trade_name: tradeName, industry_word: '饺子', org_form: '馆' }, quiet)
        .catch(e => e)
      expect(city).toMatchObject({ code: 'REGISTRATION_REGION_INVALID', status: 400 })
    })

    test('a good name is available and saved with the commitment, place and capital', async () => {
      const check = await registration.checkName({ region_code: REGION, business_type: 'small_restaurant', trade_name: tradeName, industry_word: '饺子', org_form: '馆' }, quiet)
      expect(check).toEqual(expect.objectContaining({ name: '黄石市下陆区' + tradeName + '饺子馆', available: true }))
      expect(check.authority.name).toBe('黄石市下陆区市场监督管理局')

      const noCommitment = await registration
        .saveName(state.id, { named: true, region_code: REGION, trade_name: tradeName, industry_word: '饺子', org_form: '馆', commitment_accepted: false, place: '湖北省黄石市下陆区杭州东路99号', capital: '5' }, quiet)
        .catch(e => e)
      expect(noCommitment).toMatchObject({ code: 'REGISTRATION_COMMITMENT_REQUIRED', status: 400 })

      const app = await registration.saveName(
        state.id,
        { named: true, region_code: REGION, trade_name: tradeName, industry_word: '饺子', org_form: '馆', commitment_accepted: true, place: '湖北省黄石市下陆区团城山街道杭州东路99号', capital: '5' },
        quiet
      )
      expect(app.steps.name).toBe(true)
      expect(app.name_step).toEqual(expect.objectContaining({ named: true, name: '黄石市下陆区' + tradeName + '饺子馆', capital: '5.00' }))
      expect(app.system.authority.name).toBe('黄石市下陆区市场监督管理局')
    })

    test('the operator: a wrong check digit is refused, then saved with the uploaded ID photo (ID number and phone masked)', async () => {
      const photo = await registration.uploadIdPhoto(tinyPng('reg-id-photo'), quiet)
      expect(photo.id).toBeGreaterThan(0)
      state.photoId = photo.id
      const wrong = OPERATOR_ID.slice(0, 17) + (OPERATOR_ID[17] === '0' ? '1' : '0')
      const err = await registration.saveOperator(state.id, operator(photo.id, { id_number: wrong }), quiet).catch(e => e)
      expect(err).toMatchObject({ code: 'REGISTRATION_ID_INVALID', status: 400 })
      expect(err.message).toMatch(/校验位/)

      const app = await registration.saveOperator(state.id, operator(photo.id), quiet)
      expect(app.steps.operator).toBe(true)
      expect(app.operator).toEqual(expect.objectContaining({ name: '张秀英', gender_label: '女', birth_date: '1974-07-11', id_photo_file_id: photo.id }))
      expect(app.operator.id_number_masked).toBe(OPERATOR_ID.slice(0, 4) + '**********' + OPERATOR_ID.slice(14))
      expect(app.operator.phone_masked).toBe('139****0001')
      expect(JSON.stringify(app)).not.toContain(OPERATOR_ID)
    })

    test('basic information: the main item cannot be removed; an added standard item joins the scope', async () => {
      const err = await registration.saveBasic(state.id, basic({ scope: ['餐饮服务'] }), quiet).catch(e => e)
      expect(err).toMatchObject({ code: 'REGISTRATION_SCOPE_INVALID', status: 400 })
      expect(err.message).toContain('小餐饮')

      const app = await registration.saveBasic(state.id, basic(), quiet)
      expect(app.steps).toEqual({ business_type: true, name: true, operator: true, basic: true })
      expect(app.scope.map(s => [s.text, s.main, s.given])).toEqual([
        ['小餐饮', true, true],
        ['餐饮服务', false, true],
        ['日用百货销售', false, false],
      ])
      expect(app.system.scope_text).toContain('日用百货销售')
      expect(app.documents.map(d => d.code)).toEqual(['application', 'name_commitment', 'residence'])
      state.documents = app.documents
    })

    test('every generated document downloads as a PDF with the token (and not without it)', async () => {
      for (const doc of state.documents) {
        const response = await fetchWithToken(registration.documentUrl(state.id, doc.code))
        expect([doc.code, response.status, response.headers.get('content-type')]).toEqual([doc.code, 200, 'application/pdf'])
        const bytes = Buffer.from(await response.arrayBuffer())
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      }
      const anonymous = await fetch(registration.documentUrl(state.id, 'application'))
      expect(anonymous.status).toBe(401)
    })

    test('confirm locks the content: signing, a signer with a link; steps can no longer be saved; submit needs signatures', async () => {
      const app = await registration.confirm(state.id, quiet)
      expect(app.status).toBe('signing')
      expect(app.actions).toEqual(expect.arrayContaining(['submit', 'reopen', 'withdraw']))
      expect(app.signers).toHaveLength(1)
      const signer = app.signers[0]
      expect(signer).toEqual(expect.objectContaining({ role: 'operator', name: '张秀英', realname_status: 'pending', signed: false }))
      expect(signer.sign_token).toBeTruthy()
      expect(signer.sign_url).toContain('token=' + signer.sign_token)
      state.signer = signer

      const locked = await registration.saveBasic(state.id, basic(), quiet).catch(e => e)
      expect(locked).toMatchObject({ code: 'REGISTRATION_LOCKED', status: 409 })
      const early = await registration.submit(state.id, quiet).catch(e => e)
      expect(early).toMatchObject({ code: 'REGISTRATION_NOT_SIGNED', status: 409 })
    })

    test('real-name confirmation: a different ID number is refused; the right one is valid until the signing deadline', async () => {
      const wrong = await registration
        .realname(state.id, state.signer.id, { name: '张秀英', id_number: idNumber('11010519900101123') }, quiet)
        .catch(e => e)
      expect(wrong).toMatchObject({ code: 'REGISTRATION_REALNAME_MISMATCH', status: 400 })

      const app = await registration.realname(state.id, state.signer.id, { name: '张秀英', id_number: OPERATOR_ID }, quiet)
      const signer = app.signers[0]
      expect(signer.realname_status).toBe('verified')
      expect(signer.realname_until).toBe(app.sign_due_on)
      expect(app.sign_due_on >= new Date().toISOString().slice(0, 10)).toBe(true)
    })

    test('the signer’s QR (PNG) holds the signing link', async () => {
      const response = await fetchWithToken(registration.signerQrUrl(state.id, state.signer.id))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('image/png')
      const text = decodeQrPng(Buffer.from(await response.arrayBuffer()))
      expect(text).toBe(state.signer.sign_url)
      expect(registration.signTokenFrom({ q: encodeURIComponent(text) })).toBe(state.signer.sign_token)
    })

    test('the signing page without login: what is signed, its documents, then the PNG signature', async () => {
      session.clear()
      const token = registration.signTokenFrom({ q: encodeURIComponent(state.signer.sign_url) })
      const info = await registration.getSigning(token, quiet)
      expect(info.registration).toEqual(expect.objectContaining({ name: '黄石市下陆区' + tradeName + '饺子馆', operator_name: '张秀英', business_type_label: '小餐饮' }))
      expect(info.signer).toEqual(expect.objectContaining({ name: '张秀英', signed: false }))
      expect(info.documents.map(d => d.code)).toEqual(['application', 'name_commitment', 'residence'])
      const pdf = await fetch(registration.signingDocumentUrl(token, 'application'))
      expect(pdf.status).toBe(200)
      expect(pdf.headers.get('content-type')).toBe('application/pdf')

      const bad = await registration.getSigning('not-a-real-token', quiet).catch(e => e)
      expect(bad).toMatchObject({ code: 'REGISTRATION_SIGN_TOKEN_INVALID', status: 404 })

      const notImage = require('path').join(require('os').tmpdir(), 'getitong-signature-' + process.pid + '.png')
      fs.writeFileSync(notImage, 'not a picture')
      const refused = await registration.sign(token, notImage, quiet).catch(e => e)
      expect(refused).toBeInstanceOf(request.ApiError)
      expect(refused.status).toBe(415)
      fs.unlinkSync(notImage)

      const signed = await registration.sign(token, tinyPng('signature', [10, 10, 10]), quiet)
      expect(signed).toEqual(expect.objectContaining({ signed: true }))
      expect(signed.signed_at).toBeTruthy()
      const again = await registration.sign(token, tinyPng('signature', [10, 10, 10]), quiet).catch(e => e)
      expect(again).toMatchObject({ code: 'REGISTRATION_ALREADY_SIGNED', status: 409 })
    })

    test('after signing the link is gone from the detail and the application is ready to submit', async () => {
      const app = await registration.getRegistration(state.id, quiet)
      expect(app.signers[0]).toEqual(expect.objectContaining({ signed: true, sign_status_label: '已签名' }))
      expect(app.signers[0].sign_token).toBeUndefined()
      expect(app.ready_to_submit).toBe(true)
    })

    test('submit → approved at once: USCC, licence with QR, the pickup of the paper licence', async () => {
      const app = await registration.submit(state.id, quiet)
      expect(app).toEqual(expect.objectContaining({ status: 'approved', outcome: 'approved', decided_by: 'auto', license_available: true }))
      expect(app.outcome_label).toMatch(/[\u4e00-\u9fa5]/)
      expect(app.uscc).toMatch(/^92420204[0-9A-HJ-NPQRTUWXY]{10}$/)
      expect(app.failed_rules).toEqual([])
      expect(app.rule_results.every(r => r.passed)).toBe(true)
      expect(app.pickup).toContain('黄石市下陆区市场监督管理局')
      expect(app.license).toEqual(expect.objectContaining({ uscc: app.uscc, name: '黄石市下陆区' + tradeName + '饺子馆', operator_name: '张秀英', term: '长期' }))
      state.uscc = app.uscc

      const lic = await registration.getLicense(state.id, quiet)
      expect(lic).toEqual(expect.objectContaining({ uscc: app.uscc, kind_label: '个体工商户', authority: '黄石市下陆区市场监督管理局', paper_license: true }))
      expect(lic.qr_image).toMatch(/^data:image\/png;base64,/)
      state.license = lic

      const detail = await registration.getRegistration(state.id, quiet)
      expect(detail.documents.map(d => d.code)).toEqual(expect.arrayContaining(['review_sheet', 'license']))
      expect(detail.events.map(e => e.action)).toEqual(expect.arrayContaining(['create', 'confirm', 'auto_approve']))
      expect(detail.actions).toEqual([])

      const mine = await registration.list({ limit: 50 }, quiet)
      expect(mine.items.find(a => a.id === state.id)).toEqual(expect.objectContaining({ status: 'approved', uscc: app.uscc }))
    })

    test('the licence PDF downloads; an approved application can no longer be withdrawn', async () => {
      const response = await fetchWithToken(registration.documentUrl(state.id, 'license'))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/pdf')
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
      const err = await registration.withdraw(state.id, quiet).catch(e => e)
      expect(err).toMatchObject({ code: 'REGISTRATION_ACTION_NOT_ALLOWED', status: 409 })
    })

    test('the licence QR finds the new business in 注册, and its operator registers an account with it', async () => {
      expect(state.license).toBeTruthy()
      const text = decodeQrPng(Buffer.from(state.license.qr_image.split(',')[1], 'base64'))
      expect(text).toBe(state.license.qr_text)
      session.clear()
      const info = await license.lookup({ region_code: REGION, qr_text: text }, quiet)
      expect(info).toEqual(expect.objectContaining({ uscc: state.uscc, operator_name: '张秀英' }))

      const policy = await auth.getPrivacyPolicy(quiet)
      const phone = '137' + String(Date.now()).slice(-8)
      const account = await auth.register(
        { region_code: REGION, uscc: info.uscc, phone, name: info.operator_name, password: 'Regist2026x', privacy_version: policy.version, privacy_agreed: true },
        quiet
      )
      expect(account.profile.businesses.map(b => b.uscc)).toContain(state.uscc)
      state.other = account

      // that account is another person: the demo owner's application is not theirs
      session.save(account)
      const hidden = await registration.getRegistration(state.id, quiet).catch(e => e)
      expect(hidden).toMatchObject({ code: 'REGISTRATION_NOT_FOUND', status: 404 })
      await auth.logout(account.token.refresh_token, quiet).catch(() => null)
    })
  })

  describe('withdraw and guards', () => {
    test('a draft is withdrawn (its name released); steps need the earlier ones; an unknown type is refused', async () => {
      const unknown = await registration.create('no_such_type', quiet).catch(e => e)
      expect(unknown).toMatchObject({ code: 'REGISTRATION_TYPE_UNKNOWN', status: 400 })

      const draft = await registration.create('fruit_shop', quiet)
      const early = await registration.saveBasic(draft.id, basic({ scope: ['新鲜水果零售'] }), quiet).catch(e => e)
      expect(early).toMatchObject({ code: 'REGISTRATION_STEP_INCOMPLETE', status: 400 })
      const notYet = await registration.getLicense(draft.id, quiet).catch(e => e)
      expect(notYet).toMatchObject({ code: 'REGISTRATION_NOT_APPROVED', status: 409 })

      const gone = await registration.withdraw(draft.id, quiet)
      expect(gone).toEqual(expect.objectContaining({ status: 'withdrawn', status_label: '已撤回', actions: [] }))
      const again = await registration.withdraw(draft.id, quiet).catch(e => e)
      expect(again).toMatchObject({ code: 'REGISTRATION_ACTION_NOT_ALLOWED', status: 409 })
    })

    test('without a login the wizard is refused', async () => {
      session.clear()
      const err = await registration.list({}, quiet).catch(e => e)
      expect(err).toMatchObject({ status: 401 })
    })
  })
}
