// Browser checks of 信用修复: the 经办 xfjb registers an application from 列异名录 (办理), finds it in
// 待办 and transfers it to a 监管所 of the district (it leaves the office's list); a clerk of that
// 监管所 (created by admin through the API) transfers it back; xfjb accepts, xfsh reviews, xfsp approves,
// the 审批表 shows the three opinions and the decision letter downloads as a PDF.

const STAFF_PASSWORD = 'Staff@2026'

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

async function signIn(browser, baseUrl, timeout, pageErrors, fillLogin, username, password = STAFF_PASSWORD) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${baseUrl}/admin/login`)
  const reply = await fillLogin(page, username, password)
  const body = await reply.json()
  if (body.code !== 'OK') throw new Error(`${username} login: ${body.code} ${body.message}`)
  await page.waitForURL(/\/admin\/dashboard/)
  return { context, page }
}

export async function runCreditChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  const rows = (page) => page.locator('[data-testid="credit-table"] .el-table__body-wrapper tbody tr')
  const confirmBox = (page) => page.locator('.el-message-box')
  const dialog = (page) => page.locator('[data-testid="credit-action-dialog"]')
  let business = null
  let number = null
  let appId = null
  let targetOrg = null

  let clerk
  await check('the credit clerk xfjb opens 列异名录 and registers an application with 办理 (empty reason refused)', async () => {
    clerk = await signIn(browser, baseUrl, timeout, pageErrors, fillLogin, 'xfjb')
    const { page } = clerk
    const menu = page.locator('[data-testid="side-menu"]')
    await menu.getByText('信用修复').click()
    await menu.getByText('列异名录').click()
    await page.waitForURL(/\/admin\/credit\/abnormal$/)
    const listingRows = page.locator('[data-testid="listing-table"] .el-table__body-wrapper tbody tr')
    await listingRows.first().waitFor()
    const free = listingRows.filter({ has: page.getByRole('button', { name: '办理' }) }).first()
    business = (await free.locator('td').first().innerText()).trim()
    await shot(page, '15-credit-listings')
    await free.getByRole('button', { name: '办理' }).click()
    const apply = page.locator('[data-testid="apply-dialog"]')
    await apply.getByText('申请事由').first().waitFor()
    await apply.locator('[data-testid="apply-submit"]').click()
    await apply.getByText('请填写申请事由').waitFor()
    await apply.locator('textarea').fill('经营者已补报年度报告，申请恢复正常记载状态（浏览器测试）')
    await apply.locator('[data-testid="apply-submit"]').click()
    const reply = page.waitForResponse((r) => /\/credit\/listings\/\d+\/apply$/.test(r.url()))
    await confirmBox(page).getByRole('button', { name: '确定' }).click()
    const res = await reply
    assert(res.status() === 201 || res.status() === 200, `apply answered HTTP ${res.status()}`)
    const data = (await res.json()).data
    number = data.number
    appId = data.id
    await page.waitForURL(new RegExp(`/admin/credit/${appId}$`))
    await page.locator('[data-testid="credit-status"]').getByText('待受理').waitFor()
  })

  await check('the application is in 我的待办 with its time limit; xfjb transfers it within the district', async () => {
    const { page } = clerk
    await page.locator('[data-testid="side-menu"]').getByText('修复办理').click()
    await page.waitForURL(/\/admin\/credit$/)
    await page.locator('[data-testid="credit-table"]').getByText(number).waitFor()
    const due = await rows(page).filter({ hasText: number }).locator('[data-testid="credit-due"]').innerText()
    assert(/工作日|即将到期/.test(due), `due badge reads "${due}"`)
    await shot(page, '16-credit-todo')
    await page.locator('[data-testid="credit-table"]').getByText(number).click()
    await page.waitForURL(new RegExp(`/admin/credit/${appId}$`))
    const targets = page.waitForResponse((r) => r.url().includes(`/credit/applications/${appId}/transfer-targets`))
    await page.locator('[data-testid="credit-actions"]').getByRole('button', { name: '转办' }).click()
    const list = (await (await targets).json()).data.items
    assert(list.length > 0, 'no transfer target offered')
    targetOrg = list[0]
    await dialog(page).locator('[data-testid="credit-action-submit"]').click()
    await dialog(page).getByText('请填写转办原因').waitFor()
    await dialog(page).getByText('请选择转办单位').waitFor()
    await dialog(page).locator('[data-testid="transfer-target"]').click()
    await page.locator('.el-select-dropdown__item').filter({ hasText: targetOrg.name }).click()
    await dialog(page).locator('textarea').fill('经营场所在该所辖区，转其办理')
    await dialog(page).locator('[data-testid="credit-action-submit"]').click()
    const reply = page.waitForResponse((r) => r.url().endsWith(`/credit/applications/${appId}/actions`))
    await confirmBox(page).getByRole('button', { name: '确定' }).click()
    assert((await reply).status() === 200, 'transfer failed')
    await page.locator('[data-testid="credit-gone"]').waitFor()
    await page.getByRole('button', { name: '返回待办' }).click()
    await page.waitForURL(/\/admin\/credit$/)
    await page.locator('[data-testid="credit-table"] .el-table__body-wrapper').waitFor()
    await page.waitForLoadState('networkidle')
    const text = await page.locator('[data-testid="credit-table"]').innerText()
    assert(!text.includes(number), 'the transferred application is still in the office list')
  })

  await check(`a clerk of the receiving office sees it and transfers it back to the district (API)`, async () => {
    const adminLogin = await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: admin })
    const username = `e2e_xf_${Date.now().toString(36)}`
    await api(baseUrl, '/api/v1/admin/users', {
      method: 'POST',
      token: adminLogin.token.access_token,
      body: { username, name: '所经办测试员', org_id: targetOrg.id, roles: ['credit_clerk'], password: 'Init2026x' },
    })
    const login = await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: { username, password: 'Init2026x' } })
    const token = login.token.access_token
    const todo = await api(baseUrl, '/api/v1/admin/credit/applications?todo=true', { token })
    assert(todo.items.some((a) => a.number === number), 'the receiving office does not see the application')
    const back = await api(baseUrl, `/api/v1/admin/credit/applications/${appId}/transfer-targets`, { token })
    const district = back.items.find((o) => o.level === 'district')
    assert(district, 'the district bureau is not a transfer target of the 监管所')
    await api(baseUrl, `/api/v1/admin/credit/applications/${appId}/actions`, {
      method: 'POST',
      token,
      body: { action: 'transfer', target_org_id: district.id, opinion: '由区局统一办理' },
    })
  })

  async function act(page, button, opinion, extra) {
    await page.goto(`${baseUrl}/admin/credit`)
    await page.locator('[data-testid="credit-table"]').getByText(number).click()
    await page.waitForURL(new RegExp(`/admin/credit/${appId}$`))
    await page.locator('[data-testid="credit-actions"]').getByRole('button', { name: button }).click()
    if (extra) await extra(dialog(page))
    await dialog(page).locator('textarea').fill(opinion)
    await dialog(page).locator('[data-testid="credit-action-submit"]').click()
    const reply = page.waitForResponse((r) => r.url().endsWith(`/credit/applications/${appId}/actions`))
    await confirmBox(page).getByRole('button', { name: '确定' }).click()
    assert((await reply).status() === 200, `${button} failed`)
  }

  await check('xfjb accepts it again from 待办 (待受理 → 待审核)', async () => {
    await act(clerk.page, '受理', '材料齐全，同意受理')
    await clerk.page.locator('[data-testid="credit-status"]').getByText('待审核').waitFor()
    await clerk.context.close()
  })

  await check('the reviewer xfsh reviews it from 待办 (→ 待审批)', async () => {
    const { context, page } = await signIn(browser, baseUrl, timeout, pageErrors, fillLogin, 'xfsh')
    await act(page, '审核通过', '列入事由已消除，同意修复')
    await page.locator('[data-testid="credit-status"]').getByText('待审批').waitFor()
    await context.close()
  })

  await check('the approver xfsp approves it; the 审批表 shows the opinions and the decision letter downloads', async () => {
    const { context, page } = await signIn(browser, baseUrl, timeout, pageErrors, fillLogin, 'xfsp')
    const decisionNo = `黄下市监信修〔2026〕E${Date.now().toString(36)}号`
    await act(page, '审批通过', '同意信用修复', (d) => d.getByPlaceholder('不填则按申请编号生成').fill(decisionNo))
    await page.locator('[data-testid="credit-status"]').getByText('已办结').waitFor()
    await page.getByRole('tab', { name: '审批表' }).click()
    const form = page.locator('[data-testid="approval-form"]')
    for (const text of ['材料齐全，同意受理', '列入事由已消除，同意修复', '同意信用修复', '王丽', '赵刚', '孙敏']) await form.getByText(text).first().waitFor()
    await page.waitForTimeout(300)
    await shot(page, '17-credit-approval-form')
    const download = page.waitForEvent('download')
    await page.locator('[data-testid="decision-letter"]').click()
    const file = await download
    assert(file.suggestedFilename().endsWith('.pdf'), `decision letter named ${file.suggestedFilename()}`)
    await page.getByRole('tab', { name: '办理进度' }).click()
    await page.locator('[data-testid="credit-timeline"]').getByText('审批通过').first().waitFor()
    await shot(page, '18-credit-progress')
    await page.goto(`${baseUrl}/admin/credit/abnormal`)
    await page.locator('[data-testid="listing-table"] .el-table__body-wrapper tbody tr').first().waitFor()
    await page.waitForLoadState('networkidle')
    const listed = await page.locator('[data-testid="listing-table"]').innerText()
    assert(!listed.includes(business), `${business} is still listed after the approval`)
    await context.close()
  })
}
