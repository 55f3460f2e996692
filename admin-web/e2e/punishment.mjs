// Browser checks of 联合惩戒 and 企业搜索: the city manager (huangshi, 数据归集 with punishment:manage) keeps the
// catalog, publishes a 失信被执行人 matter naming a business picked from the register (an Excel import reports its
// bad row), and sees the statistics; the court's liaison (hsfy) is refused the manager's pages, feeds back on the
// matter and downloads the matters (XML and Excel) and the received lists; the manager then sees the 实施记录,
// exports the matter as Excel, modifies its requirements, is refused deleting it (it has feedback) and deletes a
// fresh one, finds the business with 高级查询 and reads its 全生命周期 timeline.
import { readFile } from 'node:fs/promises'

import { isMain, runStandalone } from './standalone.mjs'
import { makeXlsx } from './xlsx.mjs'

const MANAGER = { username: 'huangshi', password: 'Staff@2026' }
const LIAISON = { username: 'hsfy', password: 'Staff@2026' }
const STAMP = Date.now().toString().slice(-6)
const DECISION_NO = `（2026）鄂02执E2E${STAMP}号`
const ENTRY_NAME = `限制担任法定代表人E2E${STAMP}`
const COURT_ENTRY = '限制部分高消费行为'

async function signIn(browser, { baseUrl, timeout, assert, fillLogin, pageErrors }, user) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${baseUrl}/admin/login`)
  const reply = await fillLogin(page, user.username, user.password)
  const body = await reply.json()
  assert(body.code !== 'CAPTCHA_REQUIRED', `${user.username} needs a captcha: run against a fresh server`)
  assert(reply.status() === 200, `login of ${user.username} answered HTTP ${reply.status()} ${body.code}`)
  await page.waitForURL(/\/admin\/dashboard/)
  return { context, page }
}

const rows = (page, testid) => page.locator(`[data-testid="${testid}"] .el-table__body-wrapper tbody tr`)
const field = (scope, page, label) =>
  scope.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: new RegExp(`^${label}$`) }) })
const settle = (page) => page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => undefined)

export async function runPunishmentChecks(env) {
  const { browser, check, assert, shot } = env
  /** The business named by the matter: { name, uscc, operator }. */
  let subject = null
  let manager = null
  try {
    await check(`the manager (${MANAGER.username}) is refused the departments’ inbox, adds a catalog entry for the court and deletes it`, async () => {
      manager = await signIn(browser, env, MANAGER)
      const { page } = manager
      const menu = page.locator('[data-testid="side-menu"]')
      await menu.getByText('联合惩戒').click()
      assert((await menu.getByText('惩戒反馈').count()) === 0, 'the manager sees the departments’ 惩戒反馈')
      await page.goto(`${env.baseUrl}/admin/punishment/inbox`)
      await page.getByText('403 无访问权限').waitFor()
      const inbox = await page.evaluate(async () => {
        const token = localStorage.getItem('getitong.admin.access_token')
        const r = await fetch('/api/v1/admin/punishment/inbox', { headers: { Authorization: `Bearer ${token}` } })
        return r.status
      })
      assert(inbox === 403, `GET /punishment/inbox answered ${inbox} to the manager`)
      await page.goto(`${env.baseUrl}/admin/dashboard`)
      await menu.getByText('联合惩戒').click()
      await menu.getByText('惩戒目录').click()
      await page.waitForURL(/\/admin\/punishment\/catalog$/)
      await rows(page, 'catalog-table').filter({ hasText: COURT_ENTRY }).waitFor()
      await page.locator('[data-testid="catalog-add"]').click()
      const dialog = page.locator('[data-testid="catalog-dialog"]')
      await dialog.locator('[data-testid="catalog-save"]').click()
      await dialog.getByText('请填写项目名称').waitFor()
      await dialog.getByText('请选择惩戒机关').waitFor()
      await field(dialog, page, '项目名称').locator('input').fill(ENTRY_NAME)
      await dialog.locator('[data-testid="catalog-department"]').click()
      await page.locator('.el-select-dropdown__item:visible').filter({ hasText: '黄石市中级人民法院' }).first().click()
      await field(dialog, page, '惩戒依据').locator('textarea').fill('《关于对失信被执行人实施联合惩戒的合作备忘录》')
      await field(dialog, page, '惩戒措施').locator('textarea').fill('限制失信被执行人担任企业法定代表人（浏览器测试）')
      const created = page.waitForResponse((r) => r.url().endsWith('/punishment/catalog') && r.request().method() === 'POST')
      await dialog.locator('[data-testid="catalog-save"]').click()
      assert((await created).status() === 201, 'the catalog entry was not created')
      const row = rows(page, 'catalog-table').filter({ hasText: ENTRY_NAME })
      await row.waitFor()
      await settle(page)
      await shot(page, 'punishment-catalog')
      await row.getByRole('button', { name: '删除' }).click()
      const deleted = page.waitForResponse((r) => /\/punishment\/catalog\/\d+$/.test(r.url()) && r.request().method() === 'DELETE')
      await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
      assert((await deleted).ok(), 'the catalog entry was not deleted')
      await row.waitFor({ state: 'detached' })
    })

    await check('发布惩戒事项 asks for what is missing in Chinese, reports a bad Excel row, and publishes a matter', async () => {
      const { page } = manager
      await page.locator('[data-testid="side-menu"]').getByText('惩戒事项').click()
      await page.waitForURL(/\/admin\/punishment\/matters$/)
      await rows(page, 'matter-table').first().waitFor()
      await page.locator('[data-testid="matter-publish"]').click()
      await page.waitForURL(/\/admin\/punishment\/matters\/new$/)
      const form = page.locator('[data-testid="publish-form"]')
      await page.locator('[data-testid="publish-submit"]').click()
      await form.getByText('请选择或导入惩戒主体').waitFor()
      await form.getByText('请选择至少一项惩戒目录').waitFor()
      await form.getByText('请填写做出惩戒决定文号').waitFor()

      await page.locator('[data-testid="subject-import"] input[type="file"]').setInputFiles({
        name: 'e2e-惩戒主体.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: makeXlsx([['统一社会信用代码'], ['91420200000000000X']]),
      })
      await page.locator('[data-testid="subject-failed"]').getByText('统一社会信用代码格式或校验位错误').waitFor()

      const search = page.locator('[data-testid="subject-search"]')
      await search.click()
      const found = page.waitForResponse((r) => r.url().includes('/api/v1/admin/entities?') && r.url().includes('q='))
      await search.locator('input').pressSequentially('下陆')
      assert((await found).ok(), 'the register search failed')
      const option = page.locator('.el-select-dropdown__item:visible').first()
      await option.waitFor()
      await option.click()
      const picked = rows(page, 'subject-table').first()
      await picked.waitFor()
      const cells = await picked.locator('td').allInnerTexts()
      subject = { name: cells[1].trim(), uscc: cells[2].trim(), operator: cells[3].trim() }
      assert(subject.name && subject.uscc, `picked subject ${JSON.stringify(subject)}`)
      await form.getByText('请选择或导入惩戒主体').waitFor({ state: 'hidden' })

      await page.locator('[data-testid="publish-category"]').getByText('失信被执行人名单').click()
      await rows(page, 'publish-entries').filter({ hasText: COURT_ENTRY }).locator('.el-checkbox').click()
      await page.locator('[data-testid="publish-departments"]').getByText('黄石市中级人民法院').waitFor()
      await field(form, page, '做出惩戒决定文号').locator('input').fill(DECISION_NO)
      await field(form, page, '做出惩戒决定机关').locator('input').fill('黄石市中级人民法院')
      await field(form, page, '做出惩戒决定日期').locator('input').fill('2026-11-20')
      await field(form, page, '做出惩戒决定日期').locator('input').press('Enter')
      await field(form, page, '补充要求').locator('textarea').fill('请于期限内落实并反馈（浏览器测试）')
      await settle(page)
      await shot(page, 'punishment-publish')
      await page.locator('[data-testid="publish-submit"]').click()
      const published = page.waitForResponse((r) => r.url().endsWith('/punishment/matters') && r.request().method() === 'POST')
      await page.locator('.el-message-box').getByRole('button', { name: '发布' }).click()
      const res = await published
      assert(res.status() === 201, `publish answered ${res.status()}: ${await res.text()}`)
      const body = (await res.json()).data
      assert(body.subjects.length === 1 && body.subjects[0].uscc === subject.uscc, `published ${JSON.stringify(body.subjects)}`)
      await page.waitForURL(/\/admin\/punishment\/matters$/)
      await rows(page, 'matter-table').filter({ hasText: DECISION_NO }).waitFor()
    })

    await check('惩戒统计 shows the year per category', async () => {
      const { page } = manager
      await page.locator('[data-testid="side-menu"]').getByText('惩戒统计').click()
      await page.waitForURL(/\/admin\/punishment\/stats$/)
      const cards = page.locator('[data-testid="stats-cards"]')
      await cards.getByText('失信被执行人名单').waitFor()
      await cards.getByText('合计').waitFor()
      await shot(page, 'punishment-stats')
    })
  } finally {
    await manager?.context.close()
    manager = null
  }

  let liaison = null
  try {
    await check(`the court's liaison (${LIAISON.username}) is refused the manager's pages and feeds back on the matter`, async () => {
      liaison = await signIn(browser, env, LIAISON)
      const { page } = liaison
      const menu = page.locator('[data-testid="side-menu"]')
      await menu.getByText('联合惩戒').click()
      assert((await menu.getByText('惩戒目录').count()) === 0, 'a liaison sees 惩戒目录')
      await page.goto(`${env.baseUrl}/admin/punishment/catalog`)
      await page.getByText('403 无访问权限').waitFor()
      const token = await page.evaluate(() => localStorage.getItem('getitong.admin.access_token'))
      const refused = await page.evaluate(async (t) => {
        const r = await fetch('/api/v1/admin/punishment/catalog', { headers: { Authorization: `Bearer ${t}` } })
        return r.status
      }, token)
      assert(refused === 403, `GET /punishment/catalog answered ${refused} to a liaison`)

      await page.goto(`${env.baseUrl}/admin/punishment/inbox`)
      const row = rows(page, 'inbox-table').filter({ hasText: DECISION_NO })
      await row.waitFor()
      await row.getByRole('button', { name: '反馈' }).click()
      const dialog = page.locator('[data-testid="feedback-dialog"]')
      await dialog.getByText(DECISION_NO).waitFor()
      const measure = field(dialog, page, '落实惩戒措施').locator('textarea')
      assert((await measure.inputValue()).includes('限制其高消费行为'), 'the entry’s measures are not offered as the starting text')
      await measure.fill('')
      await dialog.locator('[data-testid="feedback-submit"]').click()
      await dialog.getByText('请选择实施日期').waitFor()
      await dialog.getByText('请填写落实的惩戒措施').waitFor()
      await field(dialog, page, '实施日期').locator('input').fill('2026-11-25')
      await field(dialog, page, '实施日期').locator('input').press('Enter')
      await measure.fill('已发出限制消费令（浏览器测试）')
      await measure.blur()
      await dialog.getByText('请选择实施日期').waitFor({ state: 'hidden' })
      await dialog.getByText('请填写落实的惩戒措施').waitFor({ state: 'hidden' })
      await settle(page)
      await shot(page, 'punishment-feedback')
      await dialog.locator('[data-testid="feedback-submit"]').click()
      const sent = page.waitForResponse((r) => /\/punishment\/inbox\/\d+\/feedback$/.test(r.url()))
      await page.locator('.el-message-box').getByRole('button', { name: '提交' }).click()
      const res = await sent
      assert(res.status() === 201, `feedback answered ${res.status()}: ${await res.text()}`)
      await dialog.waitFor({ state: 'hidden' })
      await row.getByText('1/1').waitFor()
    })

    await check('the liaison downloads the matters as XML and the received lists with their 下载状态', async () => {
      const { page } = liaison
      const [xml] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="inbox-export"]').click()])
      assert(xml.suggestedFilename().endsWith('.xml'), `downloaded "${xml.suggestedFilename()}"`)
      const [excel] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="inbox-export-excel"]').click()])
      assert(excel.suggestedFilename().endsWith('.xlsx'), `downloaded "${excel.suggestedFilename()}"`)
      assert(await isXlsx(excel), 'the inbox Excel is not an .xlsx workbook')
      for (const [menuText, path] of [['严重违法失信企业名单', 'serious'], ['经营异常名录', 'abnormal']]) {
        await page.locator('[data-testid="side-menu"]').getByText(menuText).click()
        await page.waitForURL(new RegExp(`/admin/punishment/lists/${path}$`))
        await page.locator('[data-testid="lists-table"]').waitFor()
        await page.waitForResponse((r) => r.url().includes('/punishment/lists?')).catch(() => undefined)
        const first = rows(page, 'lists-table').first()
        if (!(await first.isVisible().catch(() => false))) continue
        const state = first.locator('[data-testid="download-state"]')
        const before = (await state.innerText()).trim()
        await first.locator('.el-checkbox').click()
        const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="lists-download"]').click()])
        assert(file.suggestedFilename().endsWith('.xlsx'), `downloaded "${file.suggestedFilename()}"`)
        await state.getByText('已下载').waitFor()
        assert(['未下载', '已下载'].includes(before), `download state was "${before}"`)
        await settle(page)
        await shot(page, `punishment-lists-${path}`)
      }
    })
  } finally {
    await liaison?.context.close()
  }

  try {
    await check('the manager sees the liaison’s 实施记录 in the matter’s detail tabs', async () => {
      manager = await signIn(browser, env, MANAGER)
      const { page } = manager
      await page.goto(`${env.baseUrl}/admin/punishment/matters`)
      const row = rows(page, 'matter-table').filter({ hasText: DECISION_NO })
      await row.waitFor()
      await row.getByRole('button', { name: '查看' }).click()
      const drawer = page.locator('[data-testid="matter-drawer"]')
      await drawer.getByText(subject.name).first().waitFor()
      await drawer.getByRole('tab', { name: '法律法规依据' }).click()
      await drawer.getByText('《最高人民法院关于限制被执行人高消费的若干规定》', { exact: false }).first().waitFor()
      await drawer.getByRole('tab', { name: /惩戒实施记录/ }).click()
      await drawer.getByText('已发出限制消费令（浏览器测试）').waitFor()
      await page.waitForTimeout(400) // drawer slide-in
      await shot(page, 'punishment-matter')
      await page.keyboard.press('Escape')
    })

    await check('惩戒事项管理 exports the selected matter as Excel, modifies its requirements, refuses deleting it and deletes a fresh one', async () => {
      const { page } = manager
      await page.goto(`${env.baseUrl}/admin/punishment/matters`)
      const row = rows(page, 'matter-table').filter({ hasText: DECISION_NO })
      await row.waitFor()
      await row.locator('.el-checkbox').click()
      await page.locator('[data-testid="matter-export"]').getByText('导出选中（1）').waitFor()
      const exported = page.waitForResponse((r) => r.url().includes('/punishment/matters/export?ids='))
      const [file] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="matter-export"]').click()])
      assert((await exported).ok(), 'the export failed')
      assert(file.suggestedFilename().endsWith('.xlsx'), `downloaded "${file.suggestedFilename()}"`)
      assert(await isXlsx(file), 'the export is not an .xlsx workbook')

      // 修改: the form opens filled (subject and entry chosen), the new requirements are saved and shown.
      const loaded = page.waitForResponse((r) => /\/punishment\/matters\/\d+$/.test(r.url()) && r.request().method() === 'GET')
      await row.locator('[data-testid="matter-edit"]').click()
      await page.waitForURL(/\/admin\/punishment\/matters\/\d+\/edit$/)
      assert((await loaded).ok(), 'the matter to modify did not load')
      const form = page.locator('[data-testid="publish-form"][data-mode="edit"]')
      await rows(page, 'subject-table').filter({ hasText: subject.uscc }).waitFor()
      await rows(page, 'publish-entries').filter({ hasText: COURT_ENTRY }).locator('.el-checkbox.is-checked').waitFor()
      const requirements = field(form, page, '补充要求').locator('textarea')
      assert((await requirements.inputValue()).includes('浏览器测试'), 'the form is not filled with the matter')
      const changed = `请于十二月底前落实并反馈（浏览器测试修改${STAMP}）`
      await requirements.fill(changed)
      await settle(page)
      await shot(page, 'punishment-modify')
      const saved = page.waitForResponse((r) => /\/punishment\/matters\/\d+$/.test(r.url()) && r.request().method() === 'PATCH')
      await page.locator('[data-testid="publish-submit"]').click()
      const res = await saved
      assert(res.status() === 200, `modify answered ${res.status()}: ${await res.text()}`)
      await page.waitForURL(/\/admin\/punishment\/matters$/)
      const again = rows(page, 'matter-table').filter({ hasText: DECISION_NO })
      await again.getByRole('button', { name: '查看' }).click()
      const drawer = page.locator('[data-testid="matter-drawer"]')
      await drawer.getByText(changed).waitFor()
      await page.keyboard.press('Escape')
      await drawer.waitFor({ state: 'hidden' })

      // 删除 is refused for the matter with feedback (the API's message is shown) …
      await settle(page)
      await again.locator('[data-testid="matter-delete"]').click()
      const refused = page.waitForResponse((r) => /\/punishment\/matters\/\d+$/.test(r.url()) && r.request().method() === 'DELETE')
      await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
      assert((await refused).status() === 409, 'deleting a matter with feedback was not refused')
      await page.locator('.el-message').getByText('该惩戒事项已有惩戒实施反馈，不能删除').waitFor()
      await again.waitFor()

      // … and allowed for a fresh matter (published through the API with the same subject and entry).
      const fresh = `（2026）鄂02执E2E删${STAMP}号`
      const status = await page.evaluate(async ([no, decision]) => {
        const token = localStorage.getItem('getitong.admin.access_token')
        const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
        const list = await (await fetch(`/api/v1/admin/punishment/matters?q=${encodeURIComponent(decision)}`, { headers })).json()
        const m = list.data.items[0]
        const r = await fetch('/api/v1/admin/punishment/matters', {
          method: 'POST',
          headers,
          body: JSON.stringify({
            category: 'debtor',
            business_ids: m.subjects.map((x) => x.business_id),
            entry_ids: m.entries.map((x) => x.id),
            decision_no: no,
            decision_org: '黄石市中级人民法院',
            decision_date: '2026-11-21',
          }),
        })
        return r.status
      }, [fresh, DECISION_NO])
      assert(status === 201, `publishing the fresh matter answered ${status}`)
      await settle(page)
      await page.reload()
      const doomed = rows(page, 'matter-table').filter({ hasText: fresh })
      await doomed.waitFor()
      await doomed.locator('[data-testid="matter-delete"]').click()
      const deleted = page.waitForResponse((r) => /\/punishment\/matters\/\d+$/.test(r.url()) && r.request().method() === 'DELETE')
      await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
      assert((await deleted).ok(), 'the fresh matter was not deleted')
      await doomed.waitFor({ state: 'detached' })
      await page.locator('.el-message').getByText('惩戒事项已删除').waitFor()
    })

    await check('企业搜索 finds the business with 高级查询 and shows its tabs and 全生命周期 timeline by year', async () => {
      const { page } = manager
      await page.locator('[data-testid="side-menu"]').getByText('主体库').click()
      await page.waitForURL(/\/admin\/entities/)
      await rows(page, 'entity-table').first().waitFor()
      await page.locator('[data-testid="entity-advanced-toggle"]').click()
      const panel = page.locator('[data-testid="entity-advanced"]')
      await panel.getByText('高级查询').waitFor()
      assert(subject.operator, 'the published subject has no operator name')
      await panel.locator('input[name="operator"]').fill(subject.operator)
      await page.locator('input[name="q"]').fill(subject.name)
      const reply = page.waitForResponse((r) => r.url().includes('/api/v1/admin/entities?') && r.url().includes('operator='))
      await page.getByRole('button', { name: '查询', exact: true }).click()
      assert((await reply).ok(), 'the advanced search failed')
      const hit = rows(page, 'entity-table').filter({ hasText: subject.uscc })
      await hit.waitFor()
      assert((await rows(page, 'entity-table').count()) >= 1, 'no rows')
      await page.locator('[data-testid="entity-advanced-toggle"]').getByText('已设 1 项').waitFor()
      await page.locator('.filter-actions .el-button.is-loading').waitFor({ state: 'detached' })
      await shot(page, 'entity-search-advanced')
      const life = page.waitForResponse((r) => /\/api\/v1\/admin\/lifecycle\/\d+/.test(r.url()))
      await hit.getByRole('button', { name: '详情' }).click()
      const lifecycle = await (await life).json()
      assert(lifecycle.code === 'OK' && lifecycle.data.events.length >= 1, `lifecycle answered ${JSON.stringify(lifecycle).slice(0, 200)}`)
      const drawer = page.locator('[data-testid="entity-drawer"]')
      await drawer.locator('[data-testid="license-qr"]').waitFor()
      const registration = lifecycle.data.tabs.find((t) => t.kind === 'registration')
      await drawer.locator('[data-testid="entity-tab-registration"]').getByText(String(registration.count)).waitFor()
      await drawer.locator('[data-testid="entity-tab-punishment"]').click()
      await drawer.locator('[data-testid="entity-punishment-matters"]').getByText(DECISION_NO).waitFor()
      const punished = lifecycle.data.tabs.find((t) => t.kind === 'punishment')
      if (punished) {
        assert(punished.count >= 2, `the lifecycle counts ${punished.count} 联合惩戒 events (matter + feedback expected)`)
        await drawer.locator('[data-testid="entity-tab-punishment"]').getByText(String(punished.count)).waitFor()
        await drawer.locator('[data-testid="entity-punishment-events"]').getByText('已发出限制消费令（浏览器测试）', { exact: false }).waitFor()
      }
      await drawer.locator('[data-testid="entity-tab-lifecycle"]').click()
      const timeline = drawer.locator('[data-testid="entity-lifecycle"]')
      const newest = lifecycle.data.years[0]
      await timeline.locator(`[data-testid="lifecycle-year-${newest}"]`).waitFor()
      const shown = await timeline.locator('[data-testid="lifecycle-event"]').count()
      assert(shown === lifecycle.data.events.length, `timeline shows ${shown} of ${lifecycle.data.events.length} events`)
      const oldest = lifecycle.data.years[lifecycle.data.years.length - 1]
      await timeline.locator('[data-testid="lifecycle-years"]').getByText(String(oldest), { exact: true }).click()
      const inYear = lifecycle.data.events.filter((e) => e.year === oldest).length
      await page.waitForFunction(
        ([n]) => document.querySelectorAll('[data-testid="entity-lifecycle"] [data-testid="lifecycle-event"]').length === n,
        [inYear],
      )
      await timeline.locator('[data-testid="lifecycle-years"]').getByText('全部', { exact: true }).click()
      await page.waitForTimeout(400) // drawer slide-in
      await shot(page, 'entity-lifecycle')
      await page.keyboard.press('Escape')
    })
  } finally {
    await manager?.context.close()
  }
}

/** A downloaded workbook: a non-empty zip archive holding xl/workbook.xml. */
async function isXlsx(download) {
  const data = await readFile(await download.path())
  return data.length > 100 && data.subarray(0, 2).toString('latin1') === 'PK' && data.includes(Buffer.from('xl/workbook.xml'))
}

if (isMain(import.meta.url)) await runStandalone(runPunishmentChecks)
