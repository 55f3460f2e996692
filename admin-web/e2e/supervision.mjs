// Browser check of 双随机 抽查方案 (read-only list): admin writes a plan through the API, then
// finds it in the list by name and opens its detail.
import { isMain, runStandalone } from './standalone.mjs'

export async function runSupervisionChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const name = `E2E 食品销售单位抽查 ${Date.now().toString(36)}`
  try {
    await check('admin sees a new 抽查方案 in the 双随机 list and opens its detail', async () => {
      await page.goto(`${baseUrl}/admin/login`)
      const reply = await fillLogin(page, admin.username, admin.password)
      assert(reply.status() === 200, `login answered HTTP ${reply.status()}`)
      await page.waitForURL(/\/admin\/dashboard/)
      const created = await page.evaluate(async (planName) => {
        const token = localStorage.getItem('getitong.admin.access_token')
        const res = await fetch('/api/v1/admin/inspections/plans', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: planName, basis: '《市场监管总局关于全面推进“双随机、一公开”监管的实施意见》', lead_department: '市场监管局', ratio: '3', start_on: '2026-12-10', end_on: '2026-12-31' }),
        })
        return res.status
      }, name)
      assert(created === 201, `creating the plan answered HTTP ${created}`)
      const menu = page.locator('[data-testid="side-menu"]')
      await menu.getByText('双随机').click()
      await menu.getByText('抽查方案').click()
      await page.waitForURL(/\/admin\/inspections\/plans$/)
      await page.locator('input[name="name"]').fill(name)
      await page.getByRole('button', { name: '查询' }).click()
      const row = page.locator('[data-testid="plan-table"] .el-table__body-wrapper tbody tr').filter({ hasText: name })
      await row.waitFor()
      const text = await row.innerText()
      assert(text.includes('暂存') && text.includes('2026-12-10 至 2026-12-31') && text.includes('3%'), `row reads ${text}`)
      await shot(page, '40-inspection-plans')
      await row.getByRole('button', { name: '查看' }).click()
      const drawer = page.locator('[data-testid="plan-drawer"]')
      await drawer.getByText('编辑方案').waitFor()
      await drawer.getByText('按登记机关').waitFor()
      await page.waitForTimeout(400)
      await shot(page, '41-inspection-plan-detail')
    })
  } finally {
    await context.close()
  }
}

if (isMain(import.meta.url)) await runStandalone(runSupervisionChecks)
