// Browser checks of 诉求 (appeals): the district desk works one appeal from 待受理 to 已回复,
// and the statistics and 督办 pages render. The appeal is submitted through the
// mini-program API by the demo shop owner, so the run does not depend on demo appeals.

const SHOP = { phone: '13900000001', password: 'Shop@2026' }
const DESK = { username: 'xialu', password: 'Staff@2026' }

async function api(baseUrl, path, { method = 'GET', token, body } = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await res.json()
  if (json.code !== 'OK') throw new Error(`${method} ${path}: HTTP ${res.status} ${json.code} ${json.message}`)
  return json.data
}

/** Submits an appeal as the demo shop owner; returns its title. */
export async function submitDemoAppeal(baseUrl) {
  const login = await api(baseUrl, '/api/v1/mp/auth/login', { method: 'POST', body: SHOP })
  const title = `E2E 招牌更换咨询 ${Date.now().toString(36)}`
  await api(baseUrl, '/api/v1/mp/appeals', {
    method: 'POST',
    token: login.token.access_token,
    body: { title, type: 'consult', department: '登记注册', content: '请问更换门店招牌需要办理什么手续？（浏览器测试提交）' },
  })
  return title
}

/** A 诉求承办 staff member of a 监管所, created by admin through the API with the initial password already changed. */
async function createUnitUser(baseUrl, admin, orgId) {
  const adminLogin = await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: admin })
  const username = `e2e_unit_${Date.now().toString(36)}`
  const initial = 'Init2026x'
  const password = 'Unit@2026x'
  await api(baseUrl, '/api/v1/admin/users', {
    method: 'POST',
    token: adminLogin.token.access_token,
    body: { username, name: '承办测试员', org_id: orgId, roles: ['appeal_handler'], password: initial },
  })
  const unitLogin = await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: { username, password: initial } })
  await api(baseUrl, '/api/v1/admin/me/password', {
    method: 'POST',
    token: unitLogin.token.access_token,
    body: { old_password: initial, new_password: password },
  })
  return { username, password }
}

export async function runAppealChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  let title = null
  let second = null
  let third = null
  await check('the shop owner submits three appeals through the mini-program API', async () => {
    title = await submitDemoAppeal(baseUrl)
    second = await submitDemoAppeal(baseUrl)
    third = await submitDemoAppeal(baseUrl)
  })

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const menu = page.locator('[data-testid="side-menu"]')
  const rows = page.locator('[data-testid="appeal-table"] .el-table__body-wrapper tbody tr')

  await check(`the appeal desk (${DESK.username}) signs in and opens the appeal queue`, async () => {
    await page.goto(`${baseUrl}/admin/login`)
    const reply = await fillLogin(page, DESK.username, DESK.password)
    const body = await reply.json()
    assert(
      body.code !== 'CAPTCHA_REQUIRED',
      `${DESK.username} needs a captcha (wrong passwords of an earlier run within 15 minutes): run against a fresh server`,
    )
    assert(reply.status() === 200, `login answered HTTP ${reply.status()} ${body.code}`)
    await page.waitForURL(/\/admin\/dashboard/)
    await menu.getByText('诉求管理').click()
    await menu.getByText('诉求办理').click()
    await page.waitForURL(/\/admin\/appeals$/)
    await rows.first().waitFor()
    assert(title, 'no appeal was submitted')
    await page.locator('[data-testid="appeal-table"]').getByText(title).waitFor()
    const badge = await rows.filter({ hasText: title }).locator('[data-testid="due-badge"]').innerText()
    assert(/剩余|即将到期/.test(badge), `due badge reads "${badge}"`)
    await menu.getByText('诉求统计').waitFor()
    await menu.getByText('超期督办').waitFor()
    await shot(page, '08-appeal-queue')
  })

  const dialog = page.locator('[data-testid="action-dialog"]')
  const confirmBox = page.locator('.el-message-box')

  await check('the appeal detail shows the content and the timeline', async () => {
    await page.locator('[data-testid="appeal-table"]').getByText(title).click()
    await page.waitForURL(/\/admin\/appeals\/\d+$/)
    const heading = await page.locator('[data-testid="appeal-title"]').innerText()
    assert(heading.includes(title), `title "${heading}"`)
    await page.locator('[data-testid="appeal-timeline"]').getByText('提交诉求').waitFor()
    await page.locator('[data-testid="appeal-actions"]').getByRole('button', { name: '受理' }).waitFor()
    await shot(page, '09-appeal-detail')
  })

  await check('the desk accepts the appeal (with a confirmation)', async () => {
    await page.locator('[data-testid="appeal-actions"]').getByRole('button', { name: '受理' }).click()
    await dialog.getByText('受理意见').waitFor()
    await dialog.locator('textarea').fill('已受理，转入办理。')
    await dialog.locator('[data-testid="action-submit"]').click()
    const reply = page.waitForResponse((r) => /\/appeals\/\d+\/accept$/.test(r.url()))
    await confirmBox.getByRole('button', { name: '确定' }).click()
    assert((await reply).status() === 200, 'accept failed')
    await page.locator('[data-testid="appeal-timeline"]').getByText('已受理，转入办理。').waitFor()
    await page.locator('[data-testid="appeal-actions"]').getByRole('button', { name: '转办' }).waitFor()
  })

  await check('an empty out-of-scope reply is refused with Chinese messages, a full one answers the appeal', async () => {
    await page.locator('[data-testid="appeal-actions"]').getByRole('button', { name: '职责范围外回复' }).click()
    await dialog.getByText('主管部门').first().waitFor()
    await dialog.locator('[data-testid="action-submit"]').click()
    await dialog.getByText('请填写主管部门').waitFor()
    await dialog.getByText('请填写联系电话').waitFor()
    const inputs = dialog.locator('input')
    await inputs.nth(0).fill('黄石市住房和城乡建设局')
    await inputs.nth(1).fill('王科长')
    await inputs.nth(2).fill('0714-6251234')
    await dialog.locator('[data-testid="action-submit"]').click()
    const reply = page.waitForResponse((r) => /\/appeals\/\d+\/reply-out-of-scope$/.test(r.url()))
    await confirmBox.getByRole('button', { name: '确定' }).click()
    assert((await reply).status() === 200, 'out-of-scope reply failed')
    await page.getByText('主管部门：黄石市住房和城乡建设局').waitFor()
    await confirmBox.waitFor({ state: 'hidden' })
    await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => undefined)
    const status = await page.locator('.head .el-tag').first().innerText()
    assert(status.includes('已回复'), `status is "${status}"`)
    await shot(page, '10-appeal-replied')
  })

  await check('the desk accepts a second appeal and transfers it with a 转办单 to a 监管所', async () => {
    await menu.getByText('诉求办理').click()
    await page.waitForURL(/\/admin\/appeals$/)
    await page.locator('[data-testid="appeal-table"]').getByText(second).click()
    await page.waitForURL(/\/admin\/appeals\/\d+$/)
    const actions = page.locator('[data-testid="appeal-actions"]')
    await actions.getByRole('button', { name: '受理' }).click()
    await dialog.getByText('受理意见').waitFor()
    await dialog.locator('[data-testid="action-submit"]').click()
    await confirmBox.getByRole('button', { name: '确定' }).click()
    await actions.getByRole('button', { name: '转办' }).click()
    await dialog.getByText('承办单位').first().waitFor()
    await dialog.locator('[data-testid="action-submit"]').click()
    await dialog.getByText('请选择承办单位').waitFor()
    await dialog.locator('[data-testid="unit-select"]').click()
    await page.locator('.el-tree-select__popper, .el-select__popper').getByText('下陆区城区市场监管所').last().click()
    await dialog.locator('textarea').fill('请核实门店招牌情况，3日内反馈。')
    await dialog.locator('[data-testid="action-submit"]').click()
    const reply = page.waitForResponse((r) => /\/appeals\/\d+\/transfer$/.test(r.url()))
    await confirmBox.getByRole('button', { name: '确定' }).click()
    const res = await reply
    assert(res.status() === 200, `transfer failed: ${await res.text()}`)
    await page.getByText('办理要求：请核实门店招牌情况，3日内反馈。').waitFor()
    const status = await page.locator('.head .el-tag').first().innerText()
    assert(status.includes('承办中'), `status is "${status}"`)
    await confirmBox.waitFor({ state: 'hidden' })
    await shot(page, '10b-appeal-transferred')
  })

  await check('a 监管所 handler reports the result with an evidence file; the desk replies passing it on', async () => {
    const unitOrg = await page.evaluate(async () => {
      const token = localStorage.getItem('getitong.admin.access_token')
      const res = await fetch('/api/v1/admin/orgs', { headers: { Authorization: `Bearer ${token}` } })
      const find = (nodes) => nodes.flatMap((n) => [n, ...find(n.children || [])])
      return find((await res.json()).data).find((o) => o.name === '下陆区城区市场监管所')?.id
    })
    assert(unitOrg, 'org 下陆区城区市场监管所 not found')
    const unit = await createUnitUser(baseUrl, admin, unitOrg)
    const detailUrl = page.url()

    const unitContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    unitContext.setDefaultTimeout(timeout)
    try {
    const unitPage = await unitContext.newPage()
    unitPage.on('pageerror', (error) => pageErrors.push(error.message))
    await unitPage.goto(`${baseUrl}/admin/login`)
    const login = await fillLogin(unitPage, unit.username, unit.password)
    assert(login.status() === 200, `unit login answered HTTP ${login.status()}`)
    await unitPage.waitForURL(/\/admin\/dashboard/)
    const unitMenu = unitPage.locator('[data-testid="side-menu"]')
    await unitMenu.getByText('诉求管理').click()
    await unitMenu.getByText('诉求办理').click()
    assert((await unitMenu.getByText('诉求统计').count()) === 0, 'a handler sees 诉求统计')
    await unitPage.locator('[data-testid="appeal-table"]').getByText(second).click()
    const unitActions = unitPage.locator('[data-testid="appeal-actions"]')
    await unitActions.getByRole('button', { name: '退回' }).waitFor()
    await unitActions.getByRole('button', { name: '办结反馈' }).click()
    const unitDialog = unitPage.locator('[data-testid="action-dialog"]')
    await unitDialog.getByText('佐证材料').waitFor()
    await unitDialog.locator('textarea').fill('已现场核实，招牌更换无需审批，已告知经营者。')
    const uploaded = unitPage.waitForResponse((r) => r.url().endsWith('/api/v1/admin/uploads'))
    await unitDialog.locator('input[type="file"]').setInputFiles({
      name: '现场核查记录.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    })
    const up = await uploaded
    assert(up.ok(), `upload failed: ${await up.text()}`)
    await unitDialog.locator('[data-testid="action-submit"]').click()
    const reported = unitPage.waitForResponse((r) => /\/appeals\/\d+\/report$/.test(r.url()))
    await unitPage.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
    const rep = await reported
    assert(rep.status() === 200, `report failed: ${await rep.text()}`)
    await unitPage.locator('[data-testid="appeal-timeline"]').getByText('现场核查记录.pdf').waitFor()
    await shot(unitPage, '10c-appeal-reported')
    } finally {
      await unitContext.close()
    }

    await page.goto(detailUrl)
    const actions = page.locator('[data-testid="appeal-actions"]')
    await actions.getByRole('button', { name: '回复' }).click()
    await dialog.getByText('承办佐证').waitFor()
    await dialog.locator('textarea').fill('经核实，更换门店招牌无需审批，请按规定设置。')
    await dialog.getByText('现场核查记录.pdf').click()
    await dialog.locator('[data-testid="action-submit"]').click()
    const replied = page.waitForResponse((r) => /\/appeals\/\d+\/reply$/.test(r.url()))
    await confirmBox.getByRole('button', { name: '确定' }).click()
    const rr = await replied
    assert(rr.status() === 200, `reply failed: ${await rr.text()}`)
    await page.getByText('经核实，更换门店招牌无需审批，请按规定设置。').first().waitFor()
    const status = await page.locator('.head .el-tag').first().innerText()
    assert(status.includes('已回复'), `status is "${status}"`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.el-descriptions').filter({ hasText: '答复附件' }).getByRole('button', { name: '现场核查记录.pdf' }).click(),
    ])
    assert(download.suggestedFilename() === '现场核查记录.pdf', `downloaded "${download.suggestedFilename()}"`)
  })

  await check('the statistics page renders its figures and ECharts charts', async () => {
    await menu.getByText('诉求统计').click()
    await page.waitForURL(/\/admin\/appeals\/stats/)
    await page.locator('[data-testid="stats-summary"]').waitFor()
    await page.locator('[data-testid="chart-trend"] canvas').waitFor()
    await page.locator('[data-testid="chart-ontime"] canvas').waitFor()
    const rowsText = await page.locator('[data-testid="stats-table"]').innerText()
    assert(rowsText.includes('下陆区'), 'the per-org table lacks the district')
    await page.waitForTimeout(600) // chart animation
    await shot(page, '11-appeal-stats')
  })

  await check('the 督办 page lists overdue appeals of the orgs below (or says there are none)', async () => {
    await menu.getByText('超期督办').click()
    await page.waitForURL(/\/admin\/appeals\/overdue/)
    await page.locator('[data-testid="overdue-table"]').waitFor()
    await page.waitForResponse((r) => r.url().includes('/api/v1/admin/appeals/overdue')).catch(() => undefined)
    await shot(page, '12-appeal-overdue')
  })

  await check(`${DESK.username} has no 风险信息 write buttons and no 用户管理 menu`, async () => {
    await menu.getByText('风险信息').click()
    await page.waitForURL(/\/admin\/risk/)
    await page.locator('[data-testid="risk-table"]').waitFor()
    await page.waitForTimeout(300)
    assert((await page.getByRole('button', { name: 'Excel 导入' }).count()) === 0, 'the import button is shown without risk:manage')
    assert((await menu.getByText('用户管理').count()) === 0, '用户管理 is in the menu')
    await page.goto(`${baseUrl}/admin/users`)
    await page.waitForURL(/\/admin\/403/)
  })

  await context.close()

  await check('the province (admin) sends a 督办 notice on an open appeal of the district', async () => {
    const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    adminContext.setDefaultTimeout(timeout)
    try {
      const adminPage = await adminContext.newPage()
      adminPage.on('pageerror', (error) => pageErrors.push(error.message))
      await adminPage.goto(`${baseUrl}/admin/login`)
      const login = await fillLogin(adminPage, admin.username, admin.password)
      assert(login.status() === 200, `admin login answered HTTP ${login.status()}`)
      await adminPage.waitForURL(/\/admin\/dashboard/)
      await adminPage.goto(`${baseUrl}/admin/appeals`)
      await adminPage.locator('[data-testid="appeal-table"]').getByText(third).click()
      await adminPage.waitForURL(/\/admin\/appeals\/\d+$/)
      const actions = adminPage.locator('[data-testid="appeal-actions"]')
      await actions.getByRole('button', { name: '督办' }).click()
      // the province does not handle the district's appeal, it only supervises
      assert((await actions.getByRole('button', { name: '受理' }).count()) === 0, 'the province may accept a district appeal')
      const svDialog = adminPage.locator('[data-testid="action-dialog"]')
      await svDialog.getByText('督办意见').waitFor()
      await svDialog.locator('textarea').fill('请下陆区局抓紧受理，按期办结。')
      await svDialog.locator('[data-testid="action-submit"]').click()
      const sent = adminPage.waitForResponse((r) => /\/appeals\/\d+\/supervise$/.test(r.url()))
      await adminPage.locator('.el-message-box').getByRole('button', { name: '确定' }).click()
      const res = await sent
      assert(res.ok(), `supervise failed: ${await res.text()}`)
      await adminPage.locator('.slip').getByText('请下陆区局抓紧受理，按期办结。').waitFor()
      await shot(adminPage, '12b-appeal-supervised')
    } finally {
      await adminContext.close()
    }
  })
}
