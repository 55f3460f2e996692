// Permission boundaries in the browser: admin creates (API) a 信用修复审核 user of the district; that user sees
// only the menus of their permission codes, no write buttons they lack, the 403 page for a URL they may not
// open (and the API refuses it too), and an API refusal inside a page they may open is shown, not a blank.

async function api(baseUrl, path, { method = 'GET', token, body } = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await res.json()
  return { status: res.status, code: json.code, data: json.data, message: json.message }
}

export async function runPermissionChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  const username = `e2e_perm_${Date.now().toString(36)}`
  const password = 'Perm@2026x'
  let token = null

  await check('admin creates a user with only the 信用修复审核 role (API)', async () => {
    const adminToken = (await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: admin })).data.token.access_token
    const me = (await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: { username: 'xfsh', password: 'Staff@2026' } })).data.me
    const created = await api(baseUrl, '/api/v1/admin/users', {
      method: 'POST',
      token: adminToken,
      body: { username, name: '权限测试员', org_id: me.org.id, roles: ['credit_reviewer'], password: 'Init2026x' },
    })
    assert(created.code === 'OK', `create user: ${created.code} ${created.message}`)
    const login = await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: { username, password: 'Init2026x' } })
    await api(baseUrl, '/api/v1/admin/me/password', { method: 'POST', token: login.data.token.access_token, body: { old_password: 'Init2026x', new_password: password } })
    token = (await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: { username, password } })).data.token.access_token
  })

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const menu = page.locator('[data-testid="side-menu"]')

  await check('the limited user sees only the menus of their permissions', async () => {
    await page.goto(`${baseUrl}/admin/login`)
    const body = await (await fillLogin(page, username, password)).json()
    assert(body.code === 'OK', `login ${body.code}`)
    await page.waitForURL(/\/admin\/dashboard/)
    await menu.getByText('信用修复').waitFor()
    const text = await menu.innerText()
    for (const shown of ['工作台', '主体库', '风险信息', '信用修复']) assert(text.includes(shown), `menu lacks ${shown}`)
    for (const hidden of ['诉求管理', '金融服务', '内容管理', '名特优新', '党建']) assert(!text.includes(hidden), `menu shows ${hidden}`)
    // 系统管理 holds only 机构树 (org:read): no 用户管理, 角色权限 or 审计日志.
    await menu.getByText('系统管理').click()
    await menu.getByText('机构树').waitFor()
    const system = await menu.innerText()
    for (const hidden of ['用户管理', '角色权限', '审计日志']) assert(!system.includes(hidden), `menu shows ${hidden}`)
  })

  await check('no write buttons without the permission: 风险信息 import/edit, 办理 on listings, actions on a 待受理 application', async () => {
    await page.goto(`${baseUrl}/admin/risk`)
    await page.locator('[data-testid="risk-table"] .el-table__body-wrapper tbody tr').first().waitFor()
    assert(!(await page.getByRole('button', { name: 'Excel 导入' }).count()), 'import button shown without risk:manage')
    assert(!(await page.locator('[data-testid="risk-table"]').getByRole('button', { name: '编辑' }).count()), 'edit button shown without risk:manage')
    await page.goto(`${baseUrl}/admin/credit/abnormal`)
    await page.locator('[data-testid="listing-table"] .el-table__body-wrapper tbody tr').first().waitFor()
    await page.waitForLoadState('networkidle')
    assert(!(await page.locator('[data-testid="listing-table"]').getByRole('button', { name: '办理' }).count()), '办理 shown without credit:accept')
    const all = await api(baseUrl, '/api/v1/admin/credit/applications?status=submitted', { token })
    const waiting = all.data.items[0]
    assert(waiting, 'no 待受理 application in the office')
    await page.goto(`${baseUrl}/admin/credit/${waiting.id}`)
    await page.locator('[data-testid="credit-status"]').getByText('待受理').waitFor()
    assert(!(await page.locator('[data-testid="credit-actions"] button').count()), 'a reviewer is offered actions on a 待受理 application')
  })

  await check('opening a forbidden URL shows the 403 page, and the API refuses it too', async () => {
    for (const path of ['/admin/users', '/admin/loans/applications', '/admin/system/audit-logs']) {
      await page.goto(`${baseUrl}${path}`)
      await page.getByText('403 无访问权限').waitFor()
    }
    await shot(page, '23-permission-403')
    const users = await api(baseUrl, '/api/v1/admin/users', { token })
    assert(users.status === 403 && users.code === 'FORBIDDEN', `GET /users answered ${users.status} ${users.code}`)
    const loans = await api(baseUrl, '/api/v1/admin/loans/applications', { token })
    assert(loans.status === 403, `GET /loans/applications answered ${loans.status}`)
    const audit = await api(baseUrl, '/api/v1/admin/audit-logs', { token })
    assert(audit.status === 403, `GET /audit-logs answered ${audit.status}`)
    const act = await api(baseUrl, '/api/v1/admin/credit/applications/1/actions', { method: 'POST', token, body: { action: 'accept', opinion: '' } })
    assert(act.status >= 400, `a reviewer could accept: ${act.status}`)
  })

  await check('an API refusal inside an allowed page is shown with its message, not a blank', async () => {
    await page.goto(`${baseUrl}/admin/credit/999999`)
    const error = page.locator('[data-testid="credit-error"]')
    await error.waitFor()
    const text = await error.innerText()
    assert(text.includes('无法打开该申请') && text.includes('不存在'), `error reads "${text}"`)
    await shot(page, '24-permission-api-refusal')
  })
  await context.close()
}
