// Browser checks of 金融服务: the demo shop owner applies (mini-program API) to a product of 湖北银行 and one of
// 农业银行; the 湖北银行 staff member hbbank sees only their institution's applications, contacts and approves
// one, and creates and publishes a product; admin (supervisor) sees both institutions read-only.

const SHOP = { phone: '13900000001', password: 'Shop@2026' }
const BANK = { username: 'hbbank', password: 'Bank@2026' }

async function api(baseUrl, path, { method = 'GET', token, body } = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await res.json()
  return { status: res.status, code: json.code, data: json.data, message: json.message }
}

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

export async function runLoanChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  const rows = (page) => page.locator('[data-testid="loan-table"] .el-table__body-wrapper tbody tr')
  let bankInstitution = null

  await check('the shop owner applies for a 湖北银行 and a 农业银行 product (mini-program API)', async () => {
    const login = await api(baseUrl, '/api/v1/mp/auth/login', { method: 'POST', body: SHOP })
    assert(login.code === 'OK', `owner login ${login.code}`)
    const token = login.data.token.access_token
    const products = (await api(baseUrl, '/api/v1/mp/loans/products?limit=50', { token })).data.items
    const byInst = new Map()
    for (const p of products) if (!byInst.has(p.institution.name)) byInst.set(p.institution.name, p)
    for (const name of ['湖北银行黄石分行', '中国农业银行黄石分行']) {
      const product = byInst.get(name)
      assert(product, `no published product of ${name}`)
      const amount = String(Math.max(Number(product.amount_min), 50000))
      const r = await api(baseUrl, `/api/v1/mp/loans/products/${product.id}/apply`, { method: 'POST', token, body: { amount, purpose: '进货周转（浏览器测试）' } })
      assert(r.code === 'OK' || r.code === 'LOAN_DUPLICATE_APPLICATION', `apply to ${name}: ${r.code} ${r.message}`)
    }
  })

  let bank
  await check('bank staff hbbank sees only the 金融服务 menu and only their institution’s applications', async () => {
    bank = await signIn(browser, baseUrl, timeout, pageErrors, fillLogin, BANK.username, BANK.password)
    const { page } = bank
    const menu = page.locator('[data-testid="side-menu"]')
    await menu.getByText('金融服务').click()
    await menu.getByText('贷款申请').click()
    await page.waitForURL(/\/admin\/loans\/applications$/)
    await rows(page).first().waitFor()
    await page.waitForLoadState('networkidle')
    bankInstitution = await page.evaluate(async () => {
      const token = localStorage.getItem('getitong.admin.access_token')
      return (await (await fetch('/api/v1/admin/me', { headers: { Authorization: `Bearer ${token}` } })).json()).data.institution.name
    })
    const text = await page.locator('[data-testid="loan-table"] .el-table__body-wrapper').innerText()
    assert(text.includes(bankInstitution), `no ${bankInstitution} application listed`)
    assert(!text.includes('中国农业银行'), 'another institution’s application is listed for hbbank')
    assert(!(await menu.getByText('主体库').count()), 'bank staff sees 主体库')
    // Admin's view of the same list contains the other institution: the filter is the API's, not an accident of data.
    const adminLogin = await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: admin })
    const all = await api(baseUrl, '/api/v1/admin/loans/applications?limit=100', { token: adminLogin.data.token.access_token })
    assert(all.data.items.some((a) => a.product.institution_name === '中国农业银行黄石分行'), 'admin does not see the 农业银行 application')
    await shot(page, '20-loan-applications')
  })

  await check('hbbank contacts and approves an application (empty approval refused in Chinese)', async () => {
    const { page } = bank
    const open = rows(page).filter({ hasText: '已提交' }).first()
    await open.getByRole('button', { name: '办理' }).click()
    const drawer = page.locator('[data-testid="loan-drawer"]')
    await drawer.locator('[data-testid="loan-status"]').getByText('已提交').waitFor()
    const confirm = page.locator('.el-message-box')
    const dialog = page.locator('[data-testid="loan-action-dialog"]')
    await drawer.locator('[data-testid="loan-actions"]').getByRole('button', { name: '联系' }).click()
    await dialog.locator('textarea').fill('已电话联系经营者，约定面谈')
    await dialog.locator('[data-testid="loan-action-submit"]').click()
    await confirm.getByRole('button', { name: '确定' }).click()
    await drawer.locator('[data-testid="loan-status"]').getByText('已联系').waitFor()
    await drawer.locator('[data-testid="loan-actions"]').getByRole('button', { name: '审批通过' }).click()
    await dialog.getByLabel('审批金额').fill('')
    await dialog.locator('[data-testid="loan-action-submit"]').click()
    await dialog.getByText('请填写审批金额').waitFor()
    await dialog.getByText('请填写年利率').waitFor()
    await dialog.getByLabel('审批金额').fill('50000')
    await dialog.getByLabel('年利率').fill('3.85')
    await dialog.locator('.el-input-number input').fill('12')
    await dialog.locator('[data-testid="loan-action-submit"]').click()
    const reply = page.waitForResponse((r) => /\/loans\/applications\/\d+\/approve$/.test(r.url()))
    await confirm.getByRole('button', { name: '确定' }).click()
    assert((await reply).status() === 200, 'approve failed')
    await drawer.locator('[data-testid="loan-status"]').getByText('已审批通过').waitFor()
    await drawer.getByText('已电话联系经营者，约定面谈').waitFor()
    await page.waitForTimeout(300)
    await shot(page, '21-loan-approved')
  })

  await check('hbbank’s inbox shows the new-application notice with an unread badge; 全部已读 clears it', async () => {
    const { page } = bank
    await page.goto(`${baseUrl}/admin/loans/applications`)
    const badge = page.locator('[data-testid="loan-inbox-badge"] .el-badge__content')
    await badge.waitFor()
    assert(Number(await badge.innerText()) >= 1, 'no unread count')
    await page.getByRole('button', { name: '消息通知' }).click()
    const drawer = page.locator('.el-drawer').filter({ hasText: '消息通知' })
    await drawer.getByText('新的贷款申请').first().waitFor()
    await drawer.getByRole('button', { name: '全部已读' }).click()
    await drawer.getByText('未读 0 条').waitFor()
    await page.keyboard.press('Escape')
  })

  await check('hbbank creates a draft product and publishes it after a confirmation', async () => {
    const { page, context } = bank
    await page.goto(`${baseUrl}/admin/loans/products`)
    await page.locator('[data-testid="product-table"] .el-table__body-wrapper tbody tr').first().waitFor()
    await page.getByRole('button', { name: '新增产品' }).click()
    const dialog = page.locator('[data-testid="product-dialog"]')
    await dialog.locator('[data-testid="product-save"]').click()
    await dialog.getByText('请填写产品名称').waitFor()
    const name = `E2E 商户贷 ${Date.now().toString(36)}`
    await dialog.getByLabel('产品名称').fill(name)
    await dialog.getByLabel('最低额度').fill('10000')
    await dialog.getByLabel('最高额度').fill('200000')
    await dialog.getByLabel('最低年利率').fill('3.5')
    await dialog.getByLabel('最高年利率').fill('5.5')
    await dialog.locator('.el-input-number input').nth(1).fill('24')
    await dialog.getByText('信用', { exact: true }).click()
    await dialog.locator('[data-testid="product-save"]').click()
    const row = page.locator('[data-testid="product-table"] .el-table__body-wrapper tbody tr').filter({ hasText: name })
    await row.getByText('草稿').waitFor()
    await row.getByRole('button', { name: '发布' }).click()
    await page.locator('.el-message-box').getByRole('button', { name: '发布' }).click()
    await row.getByText('已发布').waitFor()
    await shot(page, '22-loan-products')
    await context.close()
  })
}
