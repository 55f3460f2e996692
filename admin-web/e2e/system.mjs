// Browser checks of 系统管理: the org tree filters, the roles list their permission codes (read-only), and the
// audit log shows the changes made earlier in this run, filtered by actor on the server.

export async function runSystemChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))

  await check('admin opens the org tree and filters it', async () => {
    await page.goto(`${baseUrl}/admin/login`)
    const body = await (await fillLogin(page, admin.username, admin.password)).json()
    assert(body.code === 'OK', `login ${body.code}`)
    await page.waitForURL(/\/admin\/dashboard/)
    await page.goto(`${baseUrl}/admin/system/orgs`)
    await page.locator('[data-testid="org-tree"]').getByText('湖北省市场监督管理局').waitFor()
    await page.locator('input[data-testid="org-filter"], [data-testid="org-filter"] input').first().fill('下陆')
    await page.locator('[data-testid="org-tree"]').getByText('黄石市下陆区市场监督管理局').waitFor()
    assert(!(await page.locator('[data-testid="org-tree"]').getByText('武汉市市场监督管理局').count()), 'filter kept 武汉')
  })

  await check('roles list their permission codes read-only', async () => {
    await page.goto(`${baseUrl}/admin/system/roles`)
    const table = page.locator('[data-testid="role-table"]')
    await table.getByText('信用修复审批').first().waitFor()
    await table.getByText('信用修复审批', { exact: true }).first().waitFor()
    assert(!(await page.getByRole('button', { name: /新增|编辑|删除/ }).count()), 'roles page offers write buttons')
  })

  await check('the audit log lists this run’s actions and filters by actor on the server', async () => {
    await page.goto(`${baseUrl}/admin/system/audit-logs`)
    const rows = page.locator('[data-testid="audit-table"] .el-table__body-wrapper tbody tr.el-table__row')
    await rows.first().waitFor()
    await page.locator('.el-select').first().click()
    await page.keyboard.type('xfsp')
    await page.locator('.el-select-dropdown__item').filter({ hasText: 'xfsp' }).first().click()
    const reply = page.waitForResponse((r) => r.url().includes('/audit-logs?') && r.url().includes('actor_id='))
    await page.getByRole('button', { name: '查询' }).click()
    assert((await reply).status() === 200, 'filtered query failed')
    await rows.first().waitFor()
    const text = await page.locator('[data-testid="audit-table"]').innerText()
    assert(text.includes('credit.approve'), 'no credit.approve by xfsp in the audit log')
    assert(!text.includes('系统管理员'), 'rows of another actor shown')
    await rows.first().locator('.el-table__expand-icon').click()
    await page.getByText('操作前').first().waitFor()
    await shot(page, '30-audit-log')
  })
  await context.close()
}
