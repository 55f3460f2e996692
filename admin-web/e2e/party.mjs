// Browser checks of 党建: admin opens a published activity and sees its check-in QR large (printable) with the
// sign-up list; creates an activity (empty form refused in Chinese) and publishes it; opens 志愿服务 and 先进事迹.

export async function runPartyChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))

  await check('a published activity shows its check-in QR large, printable, with the sign-ups', async () => {
    await page.goto(`${baseUrl}/admin/login`)
    const body = await (await fillLogin(page, admin.username, admin.password)).json()
    assert(body.code === 'OK', `login ${body.code}`)
    await page.waitForURL(/\/admin\/dashboard/)
    await page.goto(`${baseUrl}/admin/party/activities`)
    const rows = page.locator('[data-testid="activity-table"] .el-table__body-wrapper tbody tr')
    await rows.first().waitFor()
    const open = rows.filter({ hasText: '未开始' }).first()
    await open.getByRole('button', { name: '签到码 / 报名' }).click()
    await page.waitForURL(/\/admin\/party\/activities\/\d+$/)
    const qr = page.locator('[data-testid="checkin-qr"]')
    await qr.waitFor()
    const size = await qr.evaluate((img) => ({ w: img.getBoundingClientRect().width, natural: img.naturalWidth }))
    assert(size.natural >= 300 && size.w >= 300, `QR too small: ${JSON.stringify(size)}`)
    await page.getByRole('button', { name: '打印签到码' }).waitFor()
    await page.locator('[data-testid="signup-table"]').waitFor()
    await shot(page, '29-party-qr')
  })

  await check('admin creates an activity (empty form refused in Chinese) and publishes it', async () => {
    await page.goto(`${baseUrl}/admin/party/activities`)
    await page.getByRole('button', { name: '新建活动' }).click()
    const dialog = page.locator('[data-testid="activity-dialog"]')
    await dialog.locator('[data-testid="activity-save"]').click()
    await dialog.getByText('请填写活动名称').waitFor()
    await dialog.getByText('请选择活动时间').waitFor()
    const title = `E2E 党员学习日 ${Date.now().toString(36)}`
    await dialog.getByLabel('活动名称').fill(title)
    await dialog.getByLabel('活动地点').fill('党群服务中心')
    const start = new Date(Date.now() + 3 * 86400000)
    const fmt = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} 09:00:00`
    const inputs = dialog.locator('.el-range-input')
    await inputs.nth(0).fill(fmt(start))
    await inputs.nth(1).fill(fmt(start).replace('09:00', '11:00'))
    await inputs.nth(1).press('Enter')
    await page.waitForTimeout(300)
    const ok = page.locator('.el-picker-panel__footer').getByRole('button', { name: '确定' })
    if (await ok.isVisible()) await ok.click({ force: true })
    await dialog.locator('.el-dialog__title').click() // close the picker panel if still open
    await dialog.locator('[data-testid="activity-save"]').click()
    const row = page.locator('[data-testid="activity-table"] .el-table__body-wrapper tbody tr').filter({ hasText: title })
    await row.getByText('草稿').waitFor()
    await row.getByRole('button', { name: '发布' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '发布' }).click()
    await row.getByText('已发布').waitFor()
  })

  await check('志愿服务 and 先进事迹 open with their lists', async () => {
    await page.goto(`${baseUrl}/admin/party/volunteer-records`)
    await page.locator('[data-testid="volunteer-table"]').waitFor()
    await page.getByRole('button', { name: '导出 Excel' }).waitFor()
    await page.goto(`${baseUrl}/admin/party/stories`)
    await page.locator('[data-testid="story-table"] .el-table__body-wrapper tbody tr').first().waitFor()
  })
  await context.close()
}
