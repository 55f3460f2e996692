/**
 * services/appeals.js, risk.js, content.js (and the domains after them) against a REAL Getitong API
 * with its demo data. Run with:  GETITONG_API=http://127.0.0.1:8000 npx jest tests/api
 * The API limits shop-owner logins per IP and minute, so this file signs in once.
 *
 * @jest-environment node
 */
const { whenApi, ownerSession, staff, tinyPng, decodeQrPng } = require('../helpers/real-api')

whenApi('domain', defineApiTests)

function defineApiTests() {
  const session = require('../../utils/session')
  const appeals = require('../../services/appeals')
  const risk = require('../../services/risk')
  const content = require('../../services/content')
  const loans = require('../../services/loans')
  const recognition = require('../../services/recognition')
  const party = require('../../services/party')
  const { checkIdNumber } = require('../../utils/validate')
  const { wanToYuan } = require('../../utils/money')

  const quiet = { showError: false }
  ownerSession()

  describe('诉求', () => {
    test('options: the five types, the departments, the three ratings, 9 photos at most (no login needed)', async () => {
      session.clear()
      const opts = await appeals.getOptions(quiet)
      expect(opts.types.map(t => t.label)).toEqual(['咨询', '投诉', '建议', '求助', '其他'])
      expect(opts.departments.length).toBeGreaterThan(0)
      expect(opts.ratings.map(r => r.label)).toEqual(['满意', '基本满意', '不满意'])
      expect(opts.max_photos).toBe(9)
    })

    test('submit with an uploaded photo → code and password once → in my list → detail → query by code + password', async () => {
      const opts = await appeals.getOptions(quiet)
      const photo = await appeals.uploadPhoto(tinyPng(), quiet)
      expect(photo.id).toEqual(expect.any(Number))

      const title = '小程序测试诉求' + Date.now()
      const created = await appeals.submitAppeal(
        { title, type: 'complaint', department: opts.departments[0], content: '门前道路长期被占用', photos: [photo.id] },
        quiet
      )
      expect(created.query_code).toEqual(expect.any(String))
      expect(created.query_password).toEqual(expect.any(String))
      expect(created.status_label).toBe('待受理')

      const mine = await appeals.listMine({ limit: 50 }, quiet)
      const row = mine.items.find(i => i.id === created.id)
      expect(row).toEqual(expect.objectContaining({ title, status: 'submitted', type_label: '投诉' }))

      const detail = await appeals.getAppeal(created.id, quiet)
      expect(detail.title).toBe(title)
      expect(detail.photos.map(p => p.id)).toEqual([photo.id])
      expect(detail.timeline[0]).toEqual(expect.objectContaining({ action: 'submit', action_label: expect.any(String) }))
      expect(detail).not.toHaveProperty('query_password')
      // nothing to rate yet
      expect(detail.allowed_actions).not.toContain('rate')

      session.clear()
      const found = await appeals.queryAppeal(created.query_code, created.query_password, quiet)
      expect(found.title).toBe(title)
      await expect(appeals.queryAppeal(created.query_code, 'wrong-password', quiet)).rejects.toMatchObject({
        code: 'APPEAL_QUERY_FAILED',
        message: '查询码或查询密码错误',
      })
    })

    test('an empty title or an unknown department is refused with a Chinese message', async () => {
      await expect(
        appeals.submitAppeal({ title: '标题', type: 'complaint', department: '不存在的部门', content: '内容', photos: [] }, quiet)
      ).rejects.toMatchObject({ code: 'APPEAL_DEPARTMENT_INVALID', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
      await expect(
        appeals.submitAppeal({ title: ' ', type: 'complaint', department: '其他', content: '内容', photos: [] }, quiet)
      ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' })
    })

    test('rating an appeal nobody has answered yet is refused, and says why', async () => {
      const mine = await appeals.listMine({ limit: 50 }, quiet)
      const open = mine.items.find(i => i.status === 'submitted')
      expect(open).toBeTruthy()
      await expect(appeals.rateAppeal(open.id, 'satisfied', '', quiet)).rejects.toMatchObject({
        code: 'APPEAL_ACTION_NOT_ALLOWED',
        message: expect.stringMatching(/[\u4e00-\u9fa5]/),
      })
    })

    test('another appeal id is 诉求不存在', async () => {
      await expect(appeals.getAppeal(987654321, quiet)).rejects.toMatchObject({ code: 'APPEAL_NOT_FOUND', message: '诉求不存在' })
    })
  })

  describe('风险预警', () => {
    test('each of the three tabs lists the current business’s records', async () => {
      for (const { kind } of risk.KINDS) {
        const page = await risk.listRecords(kind, { limit: 20 }, quiet)
        expect(Array.isArray(page.items)).toBe(true)
        expect(page).toHaveProperty('next')
      }
    })
  })

  describe('新闻资讯 and 法律法规', () => {
    test('lists (with a search) answer without login; an unknown id is not found', async () => {
      session.clear()
      for (const res of ['news', 'laws']) {
        const page = await content.listArticles(res, { limit: 5 }, quiet)
        expect(Array.isArray(page.items)).toBe(true)
        const searched = await content.listArticles(res, { q: '个体', limit: 5 }, quiet)
        expect(Array.isArray(searched.items)).toBe(true)
        if (page.items.length) {
          const item = await content.getArticle(res, page.items[0].id, quiet)
          expect(item).toEqual(expect.objectContaining({ id: page.items[0].id, title: page.items[0].title, body_html: expect.any(String) }))
        }
        await expect(content.getArticle(res, 987654321, quiet)).rejects.toMatchObject({ status: 404 })
      }
    })
  })

  describe('金融支持', () => {
    test('products → detail → an amount out of range is refused → apply → my applications → timeline → withdraw', async () => {
      const opts = await loans.getOptions(quiet)
      expect(opts.guarantee_types.length).toBeGreaterThan(0)
      const list = await loans.listProducts({ limit: 20 }, quiet)
      expect(list.items.length).toBeGreaterThan(0)
      list.items.forEach(p => expect(p).toEqual(expect.objectContaining({ amount_label: expect.any(String), rate_label: expect.any(String) })))

      let product = null
      for (const item of list.items) {
        const detail = await loans.getProduct(item.id, quiet)
        if (detail.can_apply) {
          product = detail
          break
        }
      }
      expect(product).toBeTruthy()
      expect(product.institution.name).toEqual(expect.any(String))

      const tooMuch = (Number(product.amount_max) + 10000).toFixed(2)
      await expect(loans.apply(product.id, { amount: tooMuch }, quiet)).rejects.toMatchObject({
        code: 'LOAN_AMOUNT_OUT_OF_RANGE',
        message: expect.stringContaining(product.amount_label),
      })

      const amount = wanToYuan(String(Number(product.amount_min) / 10000))
      const created = await loans.apply(product.id, { amount, purpose: '小程序测试：进货' }, quiet)
      expect(created).toEqual(expect.objectContaining({ status: 'submitted', status_label: '已提交', amount }))
      expect(created.allowed_actions).toContain('withdraw')

      const again = await loans.getProduct(product.id, quiet)
      expect(again.my_application).toEqual(expect.objectContaining({ id: created.id, status: 'submitted' }))
      expect(again.can_apply).toBe(false)

      const mine = await loans.listApplications({ limit: 50 }, quiet)
      expect(mine.items.map(a => a.id)).toContain(created.id)

      const detail = await loans.getApplication(created.id, quiet)
      expect(detail.timeline[0]).toEqual(expect.objectContaining({ action: 'submit', action_label: '提交申请' }))

      const withdrawn = await loans.withdraw(created.id, '', quiet)
      expect(withdrawn.status).toBe('withdrawn')
      await expect(loans.withdraw(created.id, '', quiet)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
    })
  })

  describe('名特优新', () => {
    test('the open notice → a draft saved step by step (order enforced) → resumes where it was left → cancel', async () => {
      const opts = await recognition.getOptions(quiet)
      expect(opts.steps.map(st => st.value)).toEqual(['read_notice', 'promise', 'category', 'info', 'declaration', 'materials'])
      const notices = await recognition.listNotices({ limit: 20 }, quiet)
      const open = notices.items.find(n => n.is_open && !n.my_application)
      expect(open).toBeTruthy()
      const notice = await recognition.getNotice(open.id, quiet)
      expect(notice.content).toEqual(expect.any(String))
      expect(notice.promise).toEqual(expect.any(String))

      const draft = await recognition.startApplication(open.id, quiet)
      try {
        expect(draft).toEqual(expect.objectContaining({ status: 'draft', step: 'read_notice' }))
        await expect(recognition.saveStep(open.id, 'category', { category: notice.categories[0].code }, quiet)).rejects.toMatchObject({
          code: 'RECOGNITION_STEP_ORDER',
          message: expect.stringMatching(/[\u4e00-\u9fa5]/),
        })
        await recognition.saveStep(open.id, 'read_notice', { acknowledged: true }, quiet)
        await recognition.saveStep(open.id, 'promise', { accepted: true }, quiet)
        await recognition.saveStep(open.id, 'category', { category: notice.categories[0].code }, quiet)
        await expect(
          recognition.saveStep(open.id, 'info', { employees: 1, social_insured: 2, revenue: '100.00', net_profit: '0', introduction: '本店经营二十余年，口碑良好，带动就业。' }, quiet)
        ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' })
        await recognition.saveStep(
          open.id,
          'info',
          { employees: 3, social_insured: 2, revenue: '120000.00', net_profit: '-500.50', introduction: '本店经营黄石特色小吃二十余年，口碑良好，带动就业。' },
          quiet
        )
        const image = await recognition.uploadFile(tinyPng(), quiet)
        await recognition.saveStep(
          open.id,
          'declaration',
          { subject_type: opts.subject_types[0].value, subject_name: '港饼', highlights: '传统工艺', qualification_images: [image.id] },
          quiet
        )

        // later (another session, another day): the draft resumes at 认定材料 with everything saved
        const resumed = await recognition.startApplication(open.id, quiet)
        expect(resumed.id).toBe(draft.id)
        expect(resumed.step).toBe('materials')
        expect(resumed.data.info.employees).toBe(3)
        expect(resumed.data.declaration.qualification_images.map(f => f.id)).toEqual([image.id])

        const done = await recognition.saveStep(open.id, 'materials', { materials: [{ type: opts.material_types[0].value, file_id: image.id }] }, quiet)
        expect(done.step).toBeNull()
        expect(done.allowed_actions).toEqual(expect.arrayContaining(['submit', 'cancel']))
        const mine = await recognition.listApplications({ limit: 50 }, quiet)
        expect(mine.items.map(a => a.id)).toContain(draft.id)
      } finally {
        // leave the demo business free to apply again on the next run
        await recognition.cancelApplication(open.id, quiet)
      }
      await expect(recognition.getApplicationOf(open.id, quiet)).rejects.toMatchObject({ status: 404 })
    })
  })

  /** A valid GB 11643 ID number, different on every run (one number once per business). */
  function freshIdNumber() {
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    const seq = String(Date.now() % 1000).padStart(3, '0')
    const first17 = '42020419900101' + seq
    let sum = 0
    for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]
    const id = first17 + '10X98765432'[sum % 11]
    expect(checkIdNumber(id)).toBe('')
    return id
  }

  describe('小个专党建', () => {
    test('register a member (masked back) → sign up for an open activity → withdraw → volunteer record → clean up', async () => {
      const created = await party.createMember(
        { name: '测试党员', gender: 'male', id_number: freshIdNumber(), phone: '13912345678', org_relation: '下陆区个体私营企业党委', position: '店员' },
        quiet
      )
      try {
        expect(created.id_number_masked).toMatch(/^\d{4}\*+\d{3}[\dX]$/)
        expect(created.phone_masked).toBe('139****5678')
        const members = await party.listMembers({ limit: 100 }, quiet)
        expect(members.items.map(m => m.id)).toContain(created.id)

        const open = await party.listActivities({ when: 'open', limit: 50 }, quiet)
        const target = open.items.find(a => a.can_sign_up)
        expect(target).toBeTruthy()
        const signed = await party.signUp(target.id, [created.id], quiet)
        expect(signed.my_signups.map(s => s.member_id)).toContain(created.id)
        await expect(party.signUp(target.id, [created.id], quiet)).rejects.toMatchObject({ code: 'PARTY_ALREADY_SIGNED_UP' })
        const upcoming = await party.listActivities({ when: 'upcoming', limit: 50 }, quiet)
        expect(upcoming.items.map(a => a.id)).toContain(target.id)
        const withdrawn = await party.cancelSignup(target.id, created.id, quiet)
        expect(withdrawn.my_signups.map(s => s.member_id)).not.toContain(created.id)

        const photo = await party.uploadPhoto(tinyPng(), quiet)
        const record = await party.createVolunteerRecord(
          { service_date: '2026-11-20', place: '长乐社区', content: '义务理发', participants: [{ member_id: created.id }, { name: '王五' }], hours: 2.5, photos: [photo.id] },
          quiet
        )
        expect(record.participant_count).toBe(2)
        await expect(
          party.createVolunteerRecord({ service_date: '2026-11-20', place: '社区', content: '义诊', participants: [{ name: '王五' }], hours: 0, photos: [] }, quiet)
        ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' })
        const records = await party.listVolunteerRecords({ limit: 100 }, quiet)
        expect(records.items.map(r => r.id)).toContain(record.id)
        await party.deleteVolunteerRecord(record.id, quiet)
      } finally {
        await party.deleteMember(created.id, quiet)
      }
    })

    test('staff publish an activity starting soon; the owner signs a member up, scans the printed QR (decoded from the PNG) and checks in once', async () => {
      const officer = staff('admin', 'Admin@2026')
      await officer.login()
      const member = await party.createMember(
        { name: '签到党员', gender: 'female', id_number: freshIdNumber(), phone: '13912345679', org_relation: '下陆区个体私营企业党委', position: '店长' },
        quiet
      )
      let activityId = null
      try {
        // Starts in 20 minutes: sign-up is still open and the check-in window (30 minutes before) already is.
        const starts = new Date(Date.now() + 20 * 60 * 1000)
        const ends = new Date(starts.getTime() + 60 * 60 * 1000)
        const activity = await officer.call('POST', '/party/activities', {
          title: '小程序测试：主题党日', place: '下陆区个私协会活动室', capacity: 20, description: '签到测试',
          starts_at: starts.toISOString(), ends_at: ends.toISOString(),
        })
        activityId = activity.id
        await officer.call('POST', '/party/activities/' + activityId + '/publish')
        await party.signUp(activityId, [member.id], quiet)

        const qr = await officer.fetch('/party/activities/' + activityId + '/qr')
        expect(qr.status).toBe(200)
        expect(qr.headers.get('content-type')).toBe('image/png')
        const text = decodeQrPng(Buffer.from(await qr.arrayBuffer()))

        const scanned = await party.scanCheckin(text, quiet)
        expect(scanned.id).toBe(activityId)
        expect(JSON.stringify(scanned)).toContain('签到党员')
        await party.checkIn(text, [member.id], quiet)
        await expect(party.checkIn(text, [member.id], quiet)).rejects.toMatchObject({ code: 'PARTY_ALREADY_CHECKED_IN', message: '签到党员已签到，请勿重复签到' })
        const signups = await officer.call('GET', '/party/activities/' + activityId + '/signups')
        const row = signups.items.find(x => x.member_id === member.id || (x.member && x.member.id === member.id))
        expect(row).toBeTruthy()
        expect(JSON.stringify(row)).toMatch(/checked_in_at":"\d{4}-/)
      } finally {
        if (activityId) await officer.call('POST', '/party/activities/' + activityId + '/cancel', { reason: '小程序测试结束' }).catch(() => null)
        await party.deleteMember(member.id, quiet).catch(() => null)
        await officer.logout()
      }
    })

    test('a forged check-in QR is refused with its Chinese message', async () => {
      await expect(party.scanCheckin('gtt-party:1.1796000000.forgedsignature0000', quiet)).rejects.toMatchObject({
        code: 'PARTY_QR_INVALID',
        message: '签到二维码无效，请扫描活动现场的签到二维码',
      })
    })

    test('先进事迹 are public', async () => {
      session.clear()
      const stories = await party.listStories({ limit: 10 }, quiet)
      expect(stories.items.length).toBeGreaterThan(0)
      const story = await party.getStory(stories.items[0].id, quiet)
      expect(story.body_html).toEqual(expect.any(String))
    })
  })
}
