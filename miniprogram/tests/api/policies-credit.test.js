/**
 * services/policies.js (政策, 免申即享) and services/credit.js (信用修复) against a REAL Getitong API
 * with its demo data. Run with:  GETITONG_API=http://127.0.0.1:8000 npx jest tests/api
 * One shop-owner login for the whole file (the API limits them per IP and minute). Staff accounts
 * (admin; the credit officer xfjb) publish a policy for the owner to find and withdraw it afterwards,
 * and return the credit-repair application made here (the owner then resubmits and withdraws it), so the demo listing of
 * 下陆区张记小吃店 is free again for the next run.
 *
 * @jest-environment node
 */
const { whenApi, ownerSession, staff, tinyPng } = require('../helpers/real-api')

whenApi('政策/信用修复', defineApiTests)

function defineApiTests() {
  const session = require('../../utils/session')
  const policies = require('../../services/policies')
  const credit = require('../../services/credit')

  const quiet = { showError: false }
  ownerSession()

  describe('政策', () => {
    test('a published policy for every business is in the owner’s matched list (search) and detail; once withdrawn it is 政策事项不存在', async () => {
      const admin = staff('admin', 'Admin@2026')
      await admin.login()
      const title = '小程序测试政策' + Date.now()
      let created = null
      try {
        created = await admin.call('POST', '/policies', { title, summary: '测试摘要', body: '第一条\n<b>纯文本</b>', department: '测试部门' })
        await admin.call('POST', '/policies/' + created.id + '/publish')

        const list = await policies.listPolicies({ q: title, limit: 20 }, quiet)
        expect(list.items.map(p => p.title)).toEqual([title])
        const newest = await policies.listPolicies({ limit: 1 }, quiet)
        expect(newest.items[0].id).toBe(created.id) // newest publication first

        const detail = await policies.getPolicy(created.id, quiet)
        expect(detail).toEqual(expect.objectContaining({ title, department: '测试部门', body: '第一条\n<b>纯文本</b>' }))

        await admin.call('POST', '/policies/' + created.id + '/withdraw')
        created = null
        const after = await policies.listPolicies({ q: title, limit: 20 }, quiet)
        expect(after.items).toEqual([])
        await expect(policies.getPolicy(detail.id, quiet)).rejects.toMatchObject({ code: 'POLICY_NOT_FOUND', message: '政策事项不存在' })
      } finally {
        if (created) await admin.call('POST', '/policies/' + created.id + '/withdraw').catch(() => null)
        await admin.logout()
      }
    })

    test('an unknown policy is 政策事项不存在', async () => {
      await expect(policies.getPolicy(999999, quiet)).rejects.toMatchObject({ code: 'POLICY_NOT_FOUND', message: '政策事项不存在', status: 404 })
    })
  })

  describe('免申即享', () => {
    test('the current business’s items list (each with a status label); someone else’s or an unknown item cannot be confirmed', async () => {
      const list = await policies.listBenefits({ limit: 20 }, quiet)
      expect(Array.isArray(list.items)).toBe(true)
      list.items.forEach(e => expect(e).toEqual(expect.objectContaining({ status_label: expect.any(String), benefit: expect.any(Object) })))
      const pushed = await policies.listBenefits({ status: 'pushed', limit: 20 }, quiet)
      pushed.items.forEach(e => expect(e.status).toBe('pushed'))
      await expect(policies.confirmBenefit(999999, quiet)).rejects.toMatchObject({ status: 404, message: '免申即享记录不存在' })
      await expect(policies.getBenefit(999999, quiet)).rejects.toMatchObject({ status: 404, message: '免申即享记录不存在' })
    })
  })

  describe('信用修复', () => {
    test('options list the four kinds with their guides and the required materials (no login needed)', async () => {
      const opts = await credit.getOptions(quiet)
      expect(opts.kinds.map(k => k.value)).toEqual(['serious_violation', 'enterprise_abnormal', 'individual_abnormal', 'cooperative_abnormal'])
      opts.kinds.forEach(k => expect(k.guide).toMatch(/办理时限/))
      expect(opts.material_types.filter(t => t.required).map(t => t.value)).toEqual(['application', 'commitment'])
    })

    test('a busy listing is not applicable; a wrong ID number for another business is refused with a Chinese message', async () => {
      const mine = await credit.listBusinesses(quiet)
      const shop = mine.items.find(b => b.name === '下陆区秀英便利店')
      const verified = await credit.verify({ kind: 'individual_abnormal', business_id: shop.id }, quiet)
      expect(verified.listings[0]).toEqual(expect.objectContaining({ can_apply: false, open_application: expect.stringMatching(/^XF\d{14}$/) }))

      await expect(
        credit.verify({ kind: 'individual_abnormal', uscc: shop.uscc, operator_name: shop.operator_name, id_number: '11010519491231002X' }, quiet)
      ).rejects.toMatchObject({ code: 'CREDIT_IDENTITY_MISMATCH', message: expect.stringMatching(/[\u4e00-\u9fa5]/) })
    })

    test('guide → my business → free listing → typed materials → submit (number) → progress → detail → returned → resubmit → withdrawn (listing free again)', async () => {
      const officer = staff('xfjb', 'Staff@2026')
      await officer.login()
      let appId = null
      try {
        const mine = await credit.listBusinesses(quiet)
        const shop = mine.items.find(b => b.name === '下陆区张记小吃店')
        expect(shop).toBeTruthy()
        const verified = await credit.verify({ kind: 'individual_abnormal', business_id: shop.id }, quiet)
        const listing = verified.listings.find(l => l.can_apply)
        expect(listing).toBeTruthy()

        const png = tinyPng()
        const letter = await credit.uploadMaterial(png, quiet)
        const promise = await credit.uploadMaterial(png, quiet)
        const base = { kind: 'individual_abnormal', business_id: shop.id, listing_ids: [listing.id], reason: '小程序测试：已整改' }

        await expect(credit.submit(Object.assign({}, base, { guide_acknowledged: false, materials: [{ type: 'application', file_id: letter.id }, { type: 'commitment', file_id: promise.id }] }), quiet)).rejects.toMatchObject({
          code: 'CREDIT_GUIDE_NOT_ACKNOWLEDGED',
          message: expect.stringMatching(/[\u4e00-\u9fa5]/),
        })
        await expect(credit.submit(Object.assign({}, base, { guide_acknowledged: true, materials: [{ type: 'application', file_id: letter.id }] }), quiet)).rejects.toMatchObject({
          code: 'CREDIT_MATERIAL_MISSING',
        })

        const created = await credit.submit(
          Object.assign({}, base, { guide_acknowledged: true, materials: [{ type: 'application', file_id: letter.id }, { type: 'commitment', file_id: promise.id }] }),
          quiet
        )
        appId = created.id
        expect(created.number).toMatch(/^XF\d{14}$/)
        expect(created.status).toBe('submitted')

        const progress = await credit.progress({}, quiet)
        expect(progress.phone).toBe('139****0001')
        expect(progress.items.map(a => a.number)).toContain(created.number)

        const detail = await credit.getApplication(created.id, quiet)
        expect(detail.materials.map(m => m.type).sort()).toEqual(['application', 'commitment'])
        expect(detail.events[0]).toEqual(expect.objectContaining({ action: 'submit' }))
        expect(detail.limits.accept_due_on).toMatch(/^\d{4}-\d{2}-\d{2}$/)
        expect(detail.has_decision_letter).toBe(false)

        // the decision letter is not there before approval
        const res = await fetch(credit.decisionLetterUrl(created.id), { headers: { Authorization: 'Bearer ' + session.getAccessToken() } })
        expect(res.status).toBe(409)
        expect((await res.json()).code).toBe('CREDIT_DECISION_NOT_READY')

        await officer.call('POST', '/credit/applications/' + created.id + '/actions', { action: 'return', opinion: '小程序测试：请补充材料' })
        const returned = await credit.getApplication(created.id, quiet)
        expect(returned.status).toBe('returned')
        expect(returned.last_reason).toBe('小程序测试：请补充材料')
        expect(returned.actions).toContain('resubmit')

        const extra = await credit.uploadMaterial(png, quiet)
        await credit.resubmit(created.id, { comment: '小程序测试：已补充', materials: [{ type: 'other', file_id: extra.id }] }, quiet)
        const again = await credit.getApplication(created.id, quiet)
        expect(again.status).toBe('submitted')
        expect(again.materials).toHaveLength(3)
        await expect(credit.resubmit(created.id, { comment: '再次' }, quiet)).rejects.toMatchObject({ code: 'CREDIT_ACTION_NOT_ALLOWED', status: 409 })
        // Not yet accepted again: the owner may withdraw it (撤回), which closes it and frees the listing.
        expect(again.actions).toEqual(['withdraw'])
        const withdrawn = await credit.withdraw(created.id, { comment: '小程序测试结束' }, quiet)
        expect(withdrawn.status).toBe('withdrawn')
        expect(withdrawn.status_label).toBe('已撤回')
        await expect(credit.withdraw(created.id, {}, quiet)).rejects.toMatchObject({ code: 'CREDIT_ACTION_NOT_ALLOWED', status: 409 })
      } finally {
        // Whatever failed above, leave the demo listing free for the next run.
        if (appId) await officer.call('POST', '/credit/applications/' + appId + '/actions', { action: 'refuse', opinion: '小程序测试结束' }).catch(() => null)
        await officer.logout()
      }
      const closed = await credit.getApplication(appId, quiet)
      expect(closed.status).toBe('withdrawn')
      expect(closed.events[closed.events.length - 1].action_label).toBe('撤回申请')
      const mine = await credit.listBusinesses(quiet)
      const shop = mine.items.find(b => b.name === '下陆区张记小吃店')
      const free = await credit.verify({ kind: 'individual_abnormal', business_id: shop.id }, quiet)
      expect(free.listings.some(l => l.can_apply)).toBe(true)
    })
  })
}
