// Browser checks of 登记注册: the reviewer (xialu) opens the demo application waiting in the
// 登记审核 queue (楚鲜水果店, capital over the automatic limit), sees the failed rule and a
// document, approves it, then opens its licence (QR + PDF to print) and its electronic archive.
import { isMain, runStandalone } from './standalone.mjs'

const REVIEWER = { username: 'xialu', password: 'Staff@2026' }
const WAITING = '楚鲜水果店'

export async function runRegistrationChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const menu = page.locator('[data-testid="side-menu"]')
  const table = page.locator('[data-testid="registration-table"]')

  try {
    await check(`${REVIEWER.username} opens 登记审核 and sees the waiting application with its failed rule`, async () => {
      await page.goto(`${baseUrl}/admin/login`)
      const reply = await fillLogin(page, REVIEWER.username, REVIEWER.password)
      const body = await reply.json()
      assert(body.code !== 'CAPTCHA_REQUIRED', `${REVIEWER.username} needs a captcha: run against a fresh server`)
      assert(reply.status() === 200, `login answered HTTP ${reply.status()} ${body.code}`)
      await page.waitForURL(/\/admin\/dashboard/)
      await menu.getByText('登记注册').click()
      await menu.getByText('登记审核').click()
      await page.waitForURL(/\/admin\/registrations$/)
      const row = table.locator('.el-table__body-wrapper tbody tr').filter({ hasText: WAITING })
      await row.waitFor()
      const failed = await row.locator('[data-testid="failed-rules"]').innerText()
      assert(failed.includes('资金数额在智能审批上限内'), `failed rules read "${failed}"`)
      await menu.getByText('证照登记及打印').waitFor()
      await menu.getByText('电子档案').waitFor()
      await page.waitForTimeout(400) // sub-menu animation
      await shot(page, '20-registration-queue')
    })

    await check('the detail shows every step, the failed rule with its reason, the documents and the history', async () => {
      await table.getByText(WAITING).first().click()
      await page.waitForURL(/\/admin\/registrations\/\d+$/)
      await page.locator('[data-testid="registration-title"]').getByText(WAITING).waitFor()
      const failed = page.locator('[data-testid="rule-failed"]')
      assert((await failed.count()) === 1, `${await failed.count()} failed rules shown`)
      assert((await failed.innerText()).includes('超过智能审批上限'), 'the reason of the failed rule is missing')
      await page.locator('[data-testid="registration-timeline"]').getByText('转人工审核').waitFor()
      await page.getByRole('tab', { name: '经营者信息' }).click()
      await page.getByText('张秀英').first().waitFor()
      await page.getByRole('tab', { name: '名称与登记信息' }).click()
      const docs = page.locator('[data-testid="registration-document"]')
      assert((await docs.count()) >= 3, `${await docs.count()} documents listed`)
      const pdf = page.waitForResponse((r) => /\/registrations\/\d+\/documents\/application$/.test(r.url()))
      await docs.filter({ hasText: '个体工商户登记申请书' }).getByRole('button', { name: '个体工商户登记申请书' }).click()
      const res = await pdf
      assert(res.ok() && (res.headers()['content-type'] || '').includes('pdf'), `document answered HTTP ${res.status()}`)
      await page.locator('[data-testid="file-preview-pdf"]').waitFor()
      await page.waitForTimeout(500)
      await shot(page, '21-registration-document')
      await page.locator('[data-testid="file-preview"]').getByRole('button', { name: '关闭', exact: true }).click()
      await page.locator('[data-testid="file-preview"]').waitFor({ state: 'hidden' })
      await shot(page, '22-registration-detail')
    })

    await check('不予登记 requires a reason; 核准 with a confirmation approves it and gives it a USCC', async () => {
      const actions = page.locator('[data-testid="registration-actions"]')
      const dialog = page.locator('[data-testid="decision-dialog"]')
      await actions.getByRole('button', { name: '不予登记' }).click()
      await dialog.locator('[data-testid="decision-submit"]').click()
      await dialog.getByText('请填写不予登记的理由').waitFor()
      await dialog.getByRole('button', { name: '取消' }).click()
      await dialog.waitFor({ state: 'hidden' })

      await actions.getByRole('button', { name: '核准' }).click()
      await dialog.locator('[data-testid="decision-submit"]').click()
      const approved = page.waitForResponse((r) => /\/registrations\/\d+\/approve$/.test(r.url()))
      await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
      const res = await approved
      assert(res.status() === 200, `approve failed: ${await res.text()}`)
      await page.locator('[data-testid="registration-status"]').getByText('已核准').waitFor()
      await page.locator('[data-testid="registration-timeline"]').getByText('核准登记').waitFor()
      const text = await page.locator('.el-descriptions').first().innerText()
      assert(/92\d{4}/.test(text), 'no USCC shown after approval')
    })

    await check('its licence shows the fields and the QR image, and the PDF to print opens', async () => {
      await page.locator('[data-testid="registration-actions"]').getByRole('button', { name: '证照登记及打印' }).click()
      await page.waitForURL(/\/admin\/registrations\/\d+\/license$/)
      const preview = page.locator('[data-testid="license-preview"]')
      await preview.getByText(WAITING).first().waitFor()
      const src = await page.locator('[data-testid="license-qr-image"]').getAttribute('src')
      assert(src?.startsWith('data:image/png'), 'the QR is not a PNG data URL')
      await shot(page, '23-registration-license')
      const pdf = page.waitForResponse((r) => /\/registrations\/\d+\/license\.pdf$/.test(r.url()))
      await page.locator('[data-testid="license-print"]').click()
      const res = await pdf
      assert(res.ok() && (res.headers()['content-type'] || '').includes('pdf'), `licence PDF answered HTTP ${res.status()}`)
      await page.locator('[data-testid="file-preview-pdf"]').waitFor()
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="file-preview-download"]').click()])
      assert(download.suggestedFilename().endsWith('.pdf'), `downloaded "${download.suggestedFilename()}"`)
      await page.locator('[data-testid="file-preview"]').getByRole('button', { name: '关闭', exact: true }).click()
    })

    await check('its electronic archive lists the bundled documents, saves an edit and downloads as a zip', async () => {
      await menu.getByText('电子档案').click()
      await page.waitForURL(/\/admin\/registrations\/archives$/)
      const archives = page.locator('[data-testid="archive-table"]')
      await archives.getByText(WAITING).first().click()
      await page.waitForURL(/\/admin\/registrations\/\d+\/archive$/)
      await page.locator('[data-testid="archive-title"]').getByText(WAITING).waitFor()
      const docs = await page.locator('[data-testid="archive-documents"]').innerText()
      assert(docs.includes('营业执照') && docs.includes('设立登记归档记录表'), `archive documents: ${docs}`)
      await page.getByRole('button', { name: '编辑归档信息' }).click()
      const edit = page.locator('[data-testid="archive-edit"]')
      const location = edit.locator('.el-form-item').filter({ hasText: '归档地点' }).locator('input')
      await location.fill('下陆区局档案室 E2E')
      const saved = page.waitForResponse((r) => /\/registrations\/\d+\/archive$/.test(r.url()) && r.request().method() === 'PATCH')
      await edit.getByRole('button', { name: '保存' }).click()
      assert((await saved).ok(), 'the archive edit failed')
      await page.locator('[data-testid="archive-info"]').getByText('下陆区局档案室 E2E').waitFor()
      const [zip] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="archive-zip"]').click()])
      assert(zip.suggestedFilename().endsWith('.zip'), `downloaded "${zip.suggestedFilename()}"`)
      await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => undefined)
      await shot(page, '24-registration-archive')
    })
  } finally {
    await context.close()
  }
}

if (isMain(import.meta.url)) await runStandalone(runRegistrationChecks)
