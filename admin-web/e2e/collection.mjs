// Browser checks of 信息归集 as the demo data clerk (xlgj, 下陆区): online entry of a licence for a
// found business (记名成功); an Excel import with one good, one bad and one unmatched row (counts,
// failure file); the unmatched record corrected with a real code (记名成功); a problem record deleted;
// the statistics; 批量对比. A staff account without data:import is refused the screens.
import { makeXlsx } from './xlsx.mjs'
import { isMain, runStandalone } from './standalone.mjs'

const CLERK = { username: 'xlgj', password: 'Staff@2026' }
const OTHER = { username: 'xialu', password: 'Staff@2026' }
// A demo 个体工商户 of 下陆区.
const DEMO_USCC = '92420204MA6WPDQNQH'
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const LICENSE_HEADERS = ['统一社会信用代码/注册号', '主体名称', '*许可文件编号', '*许可文件名称', '*许可机关', '*审批类别', '有效期自', '有效期至', '*许可内容', '*当前状态']

async function signIn(browser, { baseUrl, timeout, fillLogin, pageErrors }, user) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${baseUrl}/admin/login`)
  const reply = await fillLogin(page, user.username, user.password)
  return { context, page, reply }
}

const rowsOf = (page, testid) => page.locator(`[data-testid="${testid}"] .el-table__body-wrapper tbody tr`)

/** Pick an option of the el-select inside a form item marked data-field. */
async function choose(page, scope, field, label) {
  await scope.locator(`[data-field="${field}"] .el-select`).click()
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: label }).first().click()
}

export async function runCollectionChecks(env) {
  const { browser, baseUrl, check, assert, shot, admin } = env
  const stamp = Date.now().toString(36).toUpperCase()
  const entryNo = `JY-E2E-${stamp}-1`
  const goodNo = `JY-E2E-${stamp}-2`
  const badNo = `JY-E2E-${stamp}-3`
  const lostNo = `JY-E2E-${stamp}-4`
  let clerk = null
  try {
    await check(`the data clerk (${CLERK.username}) signs in and sees the 信息归集 menu`, async () => {
      clerk = await signIn(browser, env, CLERK)
      if (clerk.reply.status() !== 200) {
        // The backend helper's demo clerk is missing: fall back to admin.
        await clerk.context.close()
        clerk = await signIn(browser, env, admin)
      }
      assert(clerk.reply.status() === 200, `login answered HTTP ${clerk.reply.status()}`)
      const { page } = clerk
      await page.waitForURL(/\/admin\/dashboard/)
      const menu = page.locator('[data-testid="side-menu"]')
      await menu.getByText('信息归集').click()
      for (const item of ['在线录入', '批量导入', '本部门问题数据处理', '查询统计', '批量对比']) await menu.getByText(item, { exact: true }).waitFor()
    })

    await check('在线录入: find the 个体 by its code, enter a licence → 记名成功', async () => {
      const { page } = clerk
      await page.locator('[data-testid="side-menu"]').getByText('在线录入', { exact: true }).click()
      await page.waitForURL(/\/admin\/collection\/entry/)
      await page.getByText('请先查询到主体信息再录入').waitFor()
      await page.locator('label').filter({ hasText: '个体' }).click()
      await page.locator('input[name="subject-code"]').fill(DEMO_USCC)
      await page.getByRole('button', { name: '查询' }).click()
      const row = rowsOf(page, 'entry-table').filter({ hasText: DEMO_USCC })
      await row.waitFor()
      await row.getByRole('button', { name: '录入行政许可信息' }).click()
      const dialog = page.locator('[data-testid="entry-dialog"]')
      await dialog.locator('[data-field="content"]').waitFor()
      // an empty form is refused in Chinese
      await dialog.locator('[data-testid="entry-save"]').click()
      await dialog.getByText('请填写许可文件编号').waitFor()
      await dialog.locator('[data-field="record_no"] input').fill(entryNo)
      await dialog.locator('[data-field="name"] input').fill('食品经营许可证')
      await dialog.locator('[data-field="authority"] input').fill('黄石市下陆区市场监督管理局')
      await choose(page, dialog, 'category', '普通')
      const content = '预包装食品销售（E2E）'
      await dialog.locator('[data-field="content"] textarea').fill(content)
      await dialog.getByText(`还可以输入${1000 - content.length}字符`).waitFor()
      await choose(page, dialog, 'status', '有效')
      await dialog.getByText('请选择当前状态').waitFor({ state: 'hidden' })
      await page.waitForTimeout(300) // dropdown fade-out
      await shot(page, 'collection-entry-form')
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/collection/records') && r.request().method() === 'POST')
      await dialog.locator('[data-testid="entry-save"]').click()
      const res = await saved
      assert(res.status() === 201, `entry answered HTTP ${res.status()}: ${await res.text()}`)
      const detail = page.locator('[data-testid="record-detail"]')
      await detail.locator('[data-testid="detail-state"]').getByText('记名成功').waitFor()
      await detail.getByText(entryNo).waitFor()
      await page.waitForTimeout(400) // drawer slide-in
      await shot(page, 'collection-entry')
      await detail.getByRole('button', { name: '返回' }).click()
      await detail.waitFor({ state: 'hidden' })
      // 查看已有信息 lists what the department provided for this business
      await row.getByRole('button', { name: '查看已有信息' }).click()
      await page.waitForURL(/\/admin\/collection\/records\?/)
      const mine = rowsOf(page, 'records-table').filter({ hasText: entryNo })
      await mine.locator('.el-tag').filter({ hasText: '记名成功' }).waitFor()
    })

    await check('批量导入: one good, one bad and one unmatched row → the counts, and the failure file downloads', async () => {
      const { page } = clerk
      await page.locator('[data-testid="side-menu"]').getByText('批量导入', { exact: true }).click()
      await page.waitForURL(/\/admin\/collection\/imports/)
      await page.locator('[data-testid="jobs-table"]').waitFor()
      const file = makeXlsx(
        [
          LICENSE_HEADERS,
          [DEMO_USCC, '', goodNo, '食品经营许可证', '黄石市下陆区市场监督管理局', '普通', '2026-01-01', '2030-12-31', '预包装食品销售', '有效'],
          [DEMO_USCC, '', badNo, '食品经营许可证', '黄石市下陆区市场监督管理局', '不存在的类别', '2026-01-01', '2030-12-31', '预包装食品销售', '有效'],
          ['92420204MA4E2E000X', '下陆区E2E查无此店', lostNo, '食品经营许可证', '黄石市下陆区市场监督管理局', '普通', '', '', '热食类食品制售', '有效'],
        ],
        '行政许可信息',
      )
      await page.locator('[data-testid="import-open"]').click()
      const dialog = page.locator('[data-testid="import-dialog"]')
      await dialog.getByText('下载 Excel 导入模板（.xlsx）').waitFor()
      const [template] = await Promise.all([page.waitForEvent('download'), dialog.getByText('下载 Excel 导入模板（.xlsx）').click()])
      assert(template.suggestedFilename().endsWith('.xlsx'), `template "${template.suggestedFilename()}"`)
      const [sample] = await Promise.all([page.waitForEvent('download'), dialog.getByText('下载数据接口 XML 样例').click()])
      assert(sample.suggestedFilename().endsWith('.xml'), `xml sample "${sample.suggestedFilename()}"`)
      await dialog.locator('input[type="file"]').setInputFiles({ name: 'e2e-行政许可.xlsx', mimeType: XLSX_TYPE, buffer: file })
      await dialog.getByText('e2e-行政许可.xlsx').waitFor()
      const started = page.waitForResponse((r) => r.url().endsWith('/api/v1/admin/collection/imports') && r.request().method() === 'POST')
      await dialog.locator('[data-testid="import-start"]').click()
      const res = await started
      assert(res.status() === 202, `the import was not accepted: ${await res.text()}`)
      const job = dialog.locator('[data-testid="import-job"]')
      await dialog.locator('[data-testid="import-report"]').waitFor({ timeout: env.timeout * 2 })
      const counts = await job.innerText()
      assert(/共\s*3\s*行/.test(counts) && /记名成功\s*1/.test(counts) && /记名不成功\s*1/.test(counts) && /失败\s*1/.test(counts), `job counts: ${counts}`)
      await shot(page, 'collection-import-dialog')
      const [report] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-testid="import-report"]').click()])
      assert(report.suggestedFilename().endsWith('.xlsx'), `report "${report.suggestedFilename()}"`)
      assert(await report.path(), 'the report has no file')
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'hidden' })
      const row = rowsOf(page, 'jobs-table').filter({ hasText: 'e2e-行政许可.xlsx' }).first()
      const text = (await row.innerText()).replace(/\s+/g, ' ')
      assert(/e2e-行政许可\.xlsx 3 1 1 1/.test(text), `job row: ${text}`)
      await row.getByText('下载失败明细').waitFor()
      await shot(page, 'collection-imports')
      // 查看明细: the job's stored records, 记名成功 and 记名不成功 alike
      await row.getByRole('button', { name: '查看明细' }).click()
      await page.waitForURL(/\/admin\/collection\/records\?.*import_id=/)
      await page.locator('[data-testid="pinned-import"]').waitFor()
      await rowsOf(page, 'records-table').filter({ hasText: goodNo }).locator('.el-tag').filter({ hasText: '记名成功' }).waitFor()
      await rowsOf(page, 'records-table').filter({ hasText: lostNo }).locator('.el-tag').filter({ hasText: '记名不成功' }).waitFor()
      assert((await rowsOf(page, 'records-table').filter({ hasText: badNo }).count()) === 0, 'the refused row was stored')
    })

    await check('本部门问题数据处理: the unmatched record is corrected with a real code → 记名成功', async () => {
      const { page } = clerk
      await page.locator('[data-testid="side-menu"]').getByText('本部门问题数据处理', { exact: true }).click()
      await page.waitForURL(/\/admin\/collection\/records$/)
      await page.locator('[data-testid="pinned-import"]').waitFor({ state: 'detached' })
      const row = rowsOf(page, 'records-table').filter({ hasText: lostNo })
      await row.waitFor()
      const tag = row.locator('.el-tag').filter({ hasText: '记名不成功' })
      assert((await tag.getAttribute('class')).includes('el-tag--danger'), '记名不成功 is not red')
      await shot(page, 'collection-records')
      await row.getByRole('button', { name: '查看' }).click()
      const detail = page.locator('[data-testid="record-detail"]')
      await detail.getByText('未找到').first().waitFor()
      await page.keyboard.press('Escape')
      await detail.waitFor({ state: 'hidden' })
      await row.getByRole('button', { name: '修改' }).click()
      const dialog = page.locator('[data-testid="edit-dialog"]')
      await dialog.locator('input[name="subject_code"]').fill(DEMO_USCC)
      await dialog.locator('input[name="subject_name"]').fill('')
      const saved = page.waitForResponse((r) => /\/collection\/records\/\d+$/.test(r.url()) && r.request().method() === 'PATCH')
      await dialog.locator('[data-testid="edit-save"]').click()
      const res = await saved
      assert(res.status() === 200, `correction answered HTTP ${res.status()}: ${await res.text()}`)
      await dialog.waitFor({ state: 'hidden' })
      const matched = row.locator('.el-tag').filter({ hasText: '记名成功' })
      await matched.waitFor()
      assert((await matched.getAttribute('class')).includes('el-tag--success'), '记名成功 is not green')
      // the correction is in the 变更信息 tab
      await row.getByRole('button', { name: '查看' }).click()
      await detail.getByRole('tab', { name: /变更信息/ }).click()
      await detail.locator('[data-testid="detail-changes"] tbody tr').first().waitFor()
      await page.waitForTimeout(400)
      await shot(page, 'collection-record-changes')
      await page.keyboard.press('Escape')
      await detail.waitFor({ state: 'hidden' })
      // a matched record cannot be deleted: no 删除 button
      assert((await row.getByRole('button', { name: '删除' }).count()) === 0, 'a matched record offers 删除')
    })

    await check('本部门问题数据处理: a problem penalty of the demo data is deleted after a confirmation', async () => {
      const { page } = clerk
      await page.getByRole('tab', { name: '行政处罚信息' }).click()
      const row = rowsOf(page, 'records-table').filter({ hasText: '查无此店五金行' })
      await row.waitFor()
      await row.getByRole('button', { name: '删除' }).click()
      const deleted = page.waitForResponse((r) => /\/collection\/records\/\d+$/.test(r.url()) && r.request().method() === 'DELETE')
      await page.locator('.el-message-box').getByRole('button', { name: '删除' }).click()
      assert((await deleted).status() === 200, 'the problem record was not deleted')
      await row.waitFor({ state: 'detached' })
    })

    await check('查询统计 shows the department’s numbers by kind and city', async () => {
      const { page } = clerk
      await page.locator('[data-testid="side-menu"]').getByText('查询统计', { exact: true }).click()
      await page.waitForURL(/\/admin\/collection\/stats/)
      const table = page.locator('[data-testid="stats-table"]')
      await table.getByText('总计提供条数').waitFor()
      await table.getByText('行政许可信息').first().waitFor()
      const first = (await rowsOf(page, 'stats-table').first().innerText()).split(/\s+/).filter(Boolean)
      // 总计提供条数 合计 <本年度> <累计> …: the entry and the import above count this year.
      assert(Number(first[2]) >= 3 && Number(first[3]) >= Number(first[2]), `总计 line: ${first.join(' ')}`)
      await page.locator('[data-testid="stats-table"] .el-loading-mask').waitFor({ state: 'detached' }).catch(() => undefined)
      await page.waitForTimeout(300)
      await shot(page, 'collection-stats')
    })

    await check('批量对比: the template downloads, the filled template comes back as the result workbook', async () => {
      const { page } = clerk
      await page.locator('[data-testid="side-menu"]').getByText('批量对比', { exact: true }).click()
      await page.waitForURL(/\/admin\/collection\/compare/)
      const card = page.locator('[data-testid="compare-card"]')
      const [template] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: '下载模板' }).click()])
      assert(template.suggestedFilename().endsWith('.xlsx'), `template "${template.suggestedFilename()}"`)
      const file = makeXlsx([['注册号', '统一社会信用代码', '主体名称'], ['', DEMO_USCC, '随便写的名称'], ['', '92420204MA4E2E000X', '查无此店']], '批量对比')
      await card.locator('input[type="file"]').setInputFiles({ name: 'e2e-对比.xlsx', mimeType: XLSX_TYPE, buffer: file })
      const [result] = await Promise.all([page.waitForEvent('download'), card.locator('[data-testid="compare-start"]').click()])
      assert(result.suggestedFilename().endsWith('.xlsx'), `result "${result.suggestedFilename()}"`)
      const summary = await card.locator('[data-testid="compare-result"]').innerText()
      assert(/共比对 2 行/.test(summary) && /名称不一致 1 行/.test(summary) && /未找到 1 行/.test(summary), `summary: ${summary}`)
      await shot(page, 'collection-compare')
    })
  } finally {
    await clerk?.context.close()
  }

  await check(`staff without data:import (${OTHER.username}) has no 信息归集 menu and is refused the page`, async () => {
    const other = await signIn(browser, env, OTHER)
    try {
      assert(other.reply.status() === 200, `login of ${OTHER.username} answered HTTP ${other.reply.status()}`)
      const { page } = other
      await page.waitForURL(/\/admin\/dashboard/)
      assert((await page.locator('[data-testid="side-menu"]').getByText('信息归集').count()) === 0, `${OTHER.username} sees 信息归集`)
      await page.goto(`${baseUrl}/admin/collection/records`)
      await page.waitForURL(/\/admin\/403/)
    } finally {
      await other.context.close()
    }
  })
}

if (isMain(import.meta.url)) await runStandalone(runCollectionChecks)
