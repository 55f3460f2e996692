// Browser checks of 工作台: admin sees a to-do card per queue and the appeal charts; the credit
// reviewer xfsh sees only the credit card and no statistics.

async function signIn(browser, baseUrl, timeout, pageErrors, fillLogin, username, password) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${baseUrl}/admin/login`)
  const body = await (await fillLogin(page, username, password)).json()
  if (body.code !== 'OK') throw new Error(`${username} login: ${body.code} ${body.message}`)
  await page.waitForURL(/\/admin\/dashboard/)
  return { context, page }
}

export async function runDashboardChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  await check('admin 工作台 shows to-do cards for appeals and credit and four appeal charts', async () => {
    const { context, page } = await signIn(browser, baseUrl, timeout, pageErrors, fillLogin, admin.username, admin.password)
    await page.locator('[data-testid="todo-appeals"]').waitFor()
    await page.locator('[data-testid="todo-credit"]').waitFor()
    const count = await page.locator('[data-testid="todo-credit"] .todo-card__count').innerText()
    assert(/^\d+\+?$/.test(count.trim()), `credit to-do count "${count}"`)
    for (const id of ['chart-trend', 'chart-type', 'chart-ontime', 'chart-satisfaction']) {
      await page.locator(`[data-testid="${id}"] canvas`).first().waitFor()
    }
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(600) // chart animation
    await shot(page, '19-dashboard-workbench')
    await page.locator('[data-testid="todo-credit"]').click()
    await page.waitForURL(/\/admin\/credit$/)
    await context.close()
  })

  await check('the credit reviewer 工作台 has only the credit card and no statistics', async () => {
    const { context, page } = await signIn(browser, baseUrl, timeout, pageErrors, fillLogin, 'xfsh', 'Staff@2026')
    await page.locator('[data-testid="todo-credit"]').waitFor()
    await page.waitForLoadState('networkidle')
    assert(!(await page.locator('[data-testid="todo-appeals"]').count()), 'appeal card shown to a credit reviewer')
    assert(!(await page.locator('[data-testid="dashboard-stats"]').count()), 'statistics shown without appeal:stats')
    await context.close()
  })
}
