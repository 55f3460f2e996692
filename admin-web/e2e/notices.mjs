// Browser checks of 双告知: the liaison of the 食品经营许可窗口 (xlsp) receives the demo notice of
// 下陆区张记小吃店 (食品经营许可) in 告知接收, downloads what was received, and answers it 已发证 in
// 告知反馈; the city manager (huangshi) sets up a department, a liaison and a rule, and sees the
// notice green in 告知查询 with its answer.
import { isMain, runStandalone } from './standalone.mjs'

const LIAISON = { username: 'xlsp', password: 'Staff@2026' }
const MANAGER = { username: 'huangshi', password: 'Staff@2026' }
const SHOP = '下陆区张记小吃店'
const ITEM = /^\s*食品经营许可\s*$/
const CERT_NO = `JY142020400${Date.now().toString().slice(-5)}`

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

/** The body row of a notice table for the demo shop's 食品经营许可 (not its 小餐饮登记 notice). */
const shopRow = (page, testid) =>
  page
    .locator(`[data-testid="${testid}"] .el-table__body-wrapper tbody tr`)
    .filter({ hasText: SHOP })
    .filter({ has: page.locator('td', { hasText: ITEM }) })

export async function runNoticeChecks(env) {
  const { browser, check, assert, shot } = env
  let liaison = null
  try {
    await check(`the liaison (${LIAISON.username}) selects the unreceived demo notice and receives it with a confirmation`, async () => {
      liaison = await signIn(browser, env, LIAISON)
      const { page } = liaison
      const menu = page.locator('[data-testid="side-menu"]')
      await menu.getByText('双告知').click()
      assert((await menu.getByText('告知查询').count()) === 0, 'a liaison sees 告知查询')
      await menu.getByText('告知接收').click()
      await page.waitForURL(/\/admin\/notices\/receive$/)
      const row = shopRow(page, 'receive-table')
      await row.waitFor()
      const state = row.locator('[data-testid="notice-state"]')
      assert((await state.innerText()).includes('未接收') && (await state.getAttribute('class')).includes('el-tag--danger'), 'the unreceived notice is not red')
      await row.locator('.el-checkbox').click()
      await page.locator('[data-testid="receive-selected"]').getByText('接收选中（1）').waitFor()
      await shot(page, '30-notice-receive')
      await page.locator('[data-testid="receive-selected"]').click()
      const received = page.waitForResponse((r) => r.url().endsWith('/notices/inbox/receive'))
      await page.locator('.el-message-box').getByRole('button', { name: '接收' }).click()
      const res = await received
      assert(res.ok(), `receive failed: ${await res.text()}`)
      await row.waitFor({ state: 'detached' })
    })

    await check('the received notices download as Excel and as XML', async () => {
      const { page } = liaison
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-xlsx"]').click()])
      assert(xlsx.suggestedFilename().endsWith('.xlsx'), `downloaded "${xlsx.suggestedFilename()}"`)
      const [xml] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-xml"]').click()])
      assert(xml.suggestedFilename().endsWith('.xml'), `downloaded "${xml.suggestedFilename()}"`)
    })

    await check('告知反馈 asks for the certificate of 已发证 in Chinese, then answers it with 长期有效', async () => {
      const { page } = liaison
      await page.locator('[data-testid="side-menu"]').getByText('告知反馈').click()
      await page.waitForURL(/\/admin\/notices\/feedback$/)
      const row = shopRow(page, 'feedback-table')
      await row.waitFor()
      await row.getByRole('button', { name: '反馈' }).click()
      const dialog = page.locator('[data-testid="answer-dialog"]')
      await dialog.locator('[data-testid="answer-submit"]').click()
      await dialog.getByText('请选择反馈结果').waitFor()
      await dialog.getByText('已发证', { exact: true }).click()
      await dialog.locator('[data-testid="answer-submit"]').click()
      await dialog.getByText('已发证须填写证件编号').waitFor()
      await dialog.getByText('已发证须填写证件名称').waitFor()
      await dialog.getByText('已发证须选择发证日期').waitFor()
      await dialog.getByText('请选择有效期至，或勾选长期有效').waitFor()
      const field = (label) => dialog.locator('.el-form-item').filter({ has: page.locator('.el-form-item__label', { hasText: new RegExp(`^${label}$`) }) })
      await field('证件编号').locator('input').fill(CERT_NO)
      await field('证件名称').locator('input').fill('食品经营许可证')
      await field('发证日期').locator('input').fill('2026-12-01')
      await field('发证日期').locator('input').press('Enter')
      await field('有效期起').locator('input').fill('2026-12-01')
      await field('有效期起').locator('input').press('Enter')
      await dialog.locator('[data-testid="answer-long-term"]').click()
      await field('许可内容').locator('textarea').fill('预包装食品销售；热食类食品制售')
      await field('备注').locator('textarea').fill('浏览器测试反馈')
      await dialog.getByText('请选择有效期至，或勾选长期有效').waitFor({ state: 'hidden' })
      await dialog.getByText('已发证须选择发证日期').waitFor({ state: 'hidden' })
      await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => undefined)
      await shot(page, '31-notice-answer')
      await dialog.locator('[data-testid="answer-submit"]').click()
      const answered = page.waitForResponse((r) => /\/notices\/inbox\/\d+\/answer$/.test(r.url()))
      await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
      const res = await answered
      assert(res.ok(), `answer failed: ${await res.text()}`)
      const body = await res.json()
      assert(body.data.status === 'answered' && body.data.feedback.long_term, `answer stored as ${JSON.stringify(body.data.feedback)}`)
      await dialog.waitFor({ state: 'hidden' })
      await row.waitFor({ state: 'detached' })
    })
  } finally {
    await liaison?.context.close()
  }

  let manager = null
  try {
    await check(`the manager (${MANAGER.username}) sees the notice green in 告知查询, the 3-day marker, and its answer`, async () => {
      manager = await signIn(browser, env, MANAGER)
      const { page } = manager
      const menu = page.locator('[data-testid="side-menu"]')
      await menu.getByText('双告知').click()
      await menu.getByText('告知查询').click()
      await page.waitForURL(/\/admin\/notices$/)
      const row = shopRow(page, 'notice-table').filter({ hasText: '食品经营许可窗口' })
      await row.waitFor()
      const state = row.locator('[data-testid="notice-state"]')
      assert((await state.innerText()).includes('已反馈'), `state reads "${await state.innerText()}"`)
      assert((await state.getAttribute('class')).includes('el-tag--success'), 'the answered notice is not green')
      assert((await page.locator('[data-testid="notice-table"] [data-testid="notice-overdue"]').count()) >= 1, 'no 3-day marker on the demo change notices')
      await shot(page, '32-notice-query')
      await row.getByRole('button', { name: SHOP }).click()
      await page.waitForURL(/\/admin\/notices\/\d+(\?from=.*)?$/)
      const feedback = await page.locator('[data-testid="notice-feedback"]').innerText()
      assert(feedback.includes(CERT_NO) && feedback.includes('长期有效'), `feedback reads ${feedback}`)
      await shot(page, '33-notice-detail')
    })

    await check('the manager filters 告知查询 by state (未接收 only)', async () => {
      const { page } = manager
      await page.goBack()
      await page.waitForURL(/\/admin\/notices$/)
      await page.locator('[data-testid="notice-status-filter"]').click()
      await page.locator('.el-select-dropdown__item').getByText('未接收', { exact: true }).click()
      const reply = page.waitForResponse((r) => r.url().includes('/api/v1/admin/notices?') && r.url().includes('status=unreceived'))
      await page.getByRole('button', { name: '查询' }).click()
      assert((await reply).ok(), 'filtered query failed')
      await page.locator('[data-testid="notice-table"] .el-table__body-wrapper tbody tr').first().waitFor()
      const states = await page.locator('[data-testid="notice-table"] [data-testid="notice-state"]').allInnerTexts()
      assert(states.length && states.every((s) => s.includes('未接收')), `states: ${states.join(',')}`)
    })

    await check('the manager creates a department, links a liaison by username, adds a rule and deletes it with a confirmation', async () => {
      const { page } = manager
      const menu = page.locator('[data-testid="side-menu"]')
      const name = `黄石市E2E测试局${Date.now().toString(36)}`
      await menu.getByText('告知部门').click()
      await page.waitForURL(/\/admin\/notices\/departments$/)
      await page.locator('[data-testid="department-table"] .el-table__body-wrapper tbody tr').first().waitFor()
      await page.getByRole('button', { name: '新增部门' }).click()
      const dialog = page.locator('[data-testid="department-dialog"]')
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.getByText('请填写部门名称').waitFor()
      await dialog.locator('input').first().fill(name)
      await dialog.locator('.el-tree-select, .el-select').first().click()
      await page.locator('.el-tree-select__popper, .el-select__popper').getByText('黄石市市场监督管理局', { exact: true }).last().click()
      const created = page.waitForResponse((r) => r.url().endsWith('/notices/departments') && r.request().method() === 'POST')
      await dialog.getByRole('button', { name: '保存' }).click()
      assert((await created).status() === 201, 'department not created')
      const row = page.locator('[data-testid="department-table"] tbody tr').filter({ hasText: name })
      await row.waitFor()
      await row.getByRole('button', { name: '添加联络员' }).click()
      const member = page.locator('[data-testid="member-dialog"]')
      await member.locator('input').fill('xlwj')
      const linked = page.waitForResponse((r) => /\/notices\/departments\/\d+\/members$/.test(r.url()))
      await member.getByRole('button', { name: '添加' }).click()
      assert((await linked).ok(), 'liaison not linked')
      await row.getByText('(xlwj)').or(row.getByText('（xlwj）')).waitFor()
      await shot(page, '34-notice-departments')

      await menu.getByText('告知规则').click()
      await page.waitForURL(/\/admin\/notices\/rules$/)
      await page.getByRole('button', { name: '新增规则' }).click()
      const ruleDialog = page.locator('[data-testid="rule-dialog"]')
      const inputs = ruleDialog.locator('input')
      await inputs.nth(0).fill('电子游艺')
      await inputs.nth(1).fill('娱乐经营许可证（E2E）')
      await ruleDialog.locator('.el-select').click()
      await page.locator('.el-select-dropdown__item').filter({ hasText: name }).click()
      const ruleCreated = page.waitForResponse((r) => r.url().endsWith('/notices/rules') && r.request().method() === 'POST')
      await ruleDialog.getByRole('button', { name: '保存' }).click()
      assert((await ruleCreated).status() === 201, 'rule not created')
      const ruleRow = page.locator('[data-testid="rule-table"] tbody tr').filter({ hasText: '娱乐经营许可证（E2E）' })
      await ruleRow.waitFor()
      await shot(page, '35-notice-rules')
      await ruleRow.getByRole('button', { name: '删除' }).click()
      const deleted = page.waitForResponse((r) => /\/notices\/rules\/\d+$/.test(r.url()) && r.request().method() === 'DELETE')
      await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
      assert((await deleted).ok(), 'rule not deleted')
      await ruleRow.waitFor({ state: 'detached' })
    })
  } finally {
    await manager?.context.close()
  }
}

if (isMain(import.meta.url)) await runStandalone(runNoticeChecks)
