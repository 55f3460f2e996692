// Browser check of 风险信息: admin imports an Excel file with one bad row, follows the
// job's progress, downloads the failure file, and finds the imported penalty in the list.
import { makeXlsx } from './xlsx.mjs'

const HEADERS = ['*统一社会信用代码/注册号', '主体名称', '*处罚决定书文号', '处罚名称', '*处罚种类', '*处罚依据', '*违法行为类型', '*处罚内容', '罚款金额（万元）', '没收金额（万元）', '*处罚决定书日期', '*公示日期', '行政处罚决定机关名称']
// A demo 个体工商户 (its registration org is in the admin's scope).
const DEMO_USCC = '92420204MA6WPDQNQH'

export async function runRiskChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const docNo = `下市监罚〔E2E〕${Date.now().toString(36)}号`
  const file = makeXlsx(
    [
      HEADERS,
      [DEMO_USCC, '', docNo, '', '罚款', '《中华人民共和国食品安全法》第一百二十六条', '未按规定公示', '罚款人民币伍仟元', '0.5', '', '2025-03-01', '2025-03-05', ''],
      ['91420200MA00000000', '', `${docNo}-坏`, '', '罚款', '依据', '类型', '内容', '-1', '', '2025-03-01', '2025-03-05', ''],
    ],
    '行政处罚信息',
  )

  await check('admin opens 风险信息 and imports an Excel file with one bad row, following its progress', async () => {
    await page.goto(`${baseUrl}/admin/login`)
    const reply = await fillLogin(page, admin.username, admin.password)
    assert(reply.status() === 200, `login answered HTTP ${reply.status()}`)
    await page.waitForURL(/\/admin\/dashboard/)
    await page.locator('[data-testid="side-menu"]').getByText('风险信息').click()
    await page.waitForURL(/\/admin\/risk/)
    await page.locator('[data-testid="risk-table"]').waitFor()
    await page.getByRole('button', { name: 'Excel 导入' }).click()
    const dialog = page.locator('[data-testid="import-dialog"]')
    await dialog.getByText('导入记录', { exact: true }).waitFor()
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'e2e-行政处罚.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    })
    await dialog.getByText('e2e-行政处罚.xlsx').waitFor()
    const started = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/risk-records/imports') && r.request().method() === 'POST')
    await dialog.locator('[data-testid="import-start"]').click()
    assert((await started).status() === 202, 'the import was not accepted')
    const job = dialog.locator('[data-testid="import-job"]')
    await job.waitFor()
    await dialog.locator('[data-testid="import-report"]').waitFor({ timeout: timeout * 2 })
    const counts = await job.innerText()
    assert(/成功\s*1/.test(counts) && /失败\s*1/.test(counts), `job counts: ${counts}`)
    await shot(page, '13-risk-import')
  })

  await check('the failure file downloads as an .xlsx', async () => {
    const dialog = page.locator('[data-testid="import-dialog"]')
    const [saved] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-testid="import-report"]').click()])
    assert(saved.suggestedFilename().endsWith('.xlsx'), `downloaded "${saved.suggestedFilename()}"`)
    const path = await saved.path()
    assert(path, 'the download has no file')
  })

  await check('the imported penalty shows in the list after the import', async () => {
    await page.keyboard.press('Escape')
    await page.locator('[data-testid="import-dialog"]').waitFor({ state: 'hidden' })
    await page.locator('[data-testid="risk-table"]').getByText(docNo).waitFor()
    await shot(page, '14-risk-list')
  })

  await check('admin edits the imported penalty; a bad amount is refused in Chinese', async () => {
    const row = page.locator('[data-testid="risk-table"] .el-table__body-wrapper tbody tr').filter({ hasText: docNo })
    // the fixed 操作 column is rendered in its own table: click the first 编辑 of the matching row index
    const index = await page
      .locator('[data-testid="risk-table"] .el-table__body-wrapper tbody tr')
      .evaluateAll((trs, no) => trs.findIndex((tr) => tr.textContent.includes(no)), docNo)
    assert(index >= 0 && (await row.count()) >= 1, 'imported row not found')
    await page.locator('[data-testid="risk-table"] .el-table__body-wrapper tbody tr').nth(index).getByRole('button', { name: '编辑' }).click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '编辑行政处罚' })
    await dialog.getByText('处罚内容').waitFor()
    const fine = dialog.locator('.el-form-item').filter({ hasText: '罚款金额（万元）' }).locator('input')
    await fine.fill('-3')
    await dialog.getByRole('button', { name: '保存' }).click()
    await dialog.getByText('请输入不为负数的金额').waitFor()
    await fine.fill('0.8')
    const saved = page.waitForResponse((r) => /\/risk-records\/penalties\/\d+$/.test(r.url()) && r.request().method() === 'PATCH')
    await dialog.getByRole('button', { name: '保存' }).click()
    assert((await saved).status() === 200, 'the edit was refused')
    await dialog.waitFor({ state: 'hidden' })
    const text = await page.locator('[data-testid="risk-table"] .el-table__body-wrapper tbody tr').nth(index).innerText()
    assert(text.includes('0.8'), `row after edit: ${text}`)
  })

  await context.close()
}
