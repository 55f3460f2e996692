// Browser checks of 内容管理: admin writes a news item in the rich-text editor (empty form refused in Chinese),
// publishes it and withdraws it with a reason (both confirmed); creates and publishes a policy; pushes a
// 免申即享 benefit to one business by USCC and sees it in the push records.

export async function runContentChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const box = page.locator('.el-message-box')
  const title = `E2E 个体工商户年报提醒 ${Date.now().toString(36)}`

  await check('admin writes a news item with rich text; an empty one is refused in Chinese', async () => {
    await page.goto(`${baseUrl}/admin/login`)
    const body = await (await fillLogin(page, admin.username, admin.password)).json()
    assert(body.code === 'OK', `login ${body.code}`)
    await page.waitForURL(/\/admin\/dashboard/)
    const menu = page.locator('[data-testid="side-menu"]')
    await menu.getByText('内容管理').click()
    await menu.getByText('新闻资讯').click()
    await page.waitForURL(/\/admin\/content\/news$/)
    await page.getByRole('button', { name: '新建资讯' }).click()
    const dialog = page.locator('[data-testid="article-dialog"]')
    await dialog.locator('[data-testid="article-save"]').click()
    await dialog.getByText('请填写标题').waitFor()
    await dialog.getByText('请填写正文').waitFor()
    await dialog.getByLabel('标题').fill(title)
    const editor = dialog.locator('.ProseMirror').first()
    await editor.click()
    await page.keyboard.type('请于6月30日前完成年度报告。逾期将被标记为经营异常。')
    // Select the second sentence and make it bold from the toolbar: the selection is the editor's own state,
    // so the result does not depend on where the focus goes when the button is clicked.
    for (let i = 0; i < '逾期将被标记为经营异常。'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await dialog.getByRole('button', { name: 'B', exact: true }).click()
    await editor.locator('strong', { hasText: '逾期将被标记为经营异常。' }).waitFor({ timeout: 5000 }).catch(() => null)
    assert((await editor.innerHTML()).includes('<strong>逾期将被标记为经营异常。</strong>'), 'bold text not in the editor')
    await shot(page, '25-news-editor')
    await dialog.locator('[data-testid="article-save"]').click()
    await page.locator('[data-testid="article-table"]').getByText(title).waitFor()
  })

  await check('the news item is published and withdrawn, each after a confirmation', async () => {
    const row = page.locator('[data-testid="article-table"] .el-table__body-wrapper tbody tr').filter({ hasText: title })
    await row.getByRole('button', { name: '发布' }).click()
    await box.getByRole('button', { name: '发布' }).click()
    await row.getByText('已发布').waitFor()
    const shopSide = await (await fetch(`${baseUrl}/api/v1/mp/news?q=${encodeURIComponent(title)}`)).json()
    assert(shopSide.data.items.some((a) => a.title === title), 'the published item is not on the shop side')
    await row.getByRole('button', { name: '撤回' }).click()
    await box.getByRole('button', { name: '撤回' }).click()
    await box.getByText('请填写撤回原因', { exact: true }).waitFor()
    await box.locator('textarea').fill('内容需更新')
    await box.getByRole('button', { name: '撤回' }).click()
    await row.getByText('已撤回').waitFor()
    await shot(page, '26-news-list')
  })

  await check('admin creates and publishes a policy', async () => {
    await page.goto(`${baseUrl}/admin/policies`)
    await page.getByRole('button', { name: '新建政策' }).click()
    const dialog = page.locator('[data-testid="policy-dialog"]')
    await dialog.locator('[data-testid="policy-save"]').click()
    await dialog.getByText('请填写政策标题').waitFor()
    const name = `E2E 个体户房租补贴 ${Date.now().toString(36)}`
    await dialog.getByLabel('标题').fill(name)
    await dialog.getByLabel('发布部门').fill('黄石市市场监督管理局')
    await dialog.getByLabel('政策内容').fill('对符合条件的个体工商户给予房租补贴。')
    await dialog.getByText('生存型').click()
    await dialog.locator('[data-testid="policy-save"]').click()
    const row = page.locator('[data-testid="policy-table"] .el-table__body-wrapper tbody tr').filter({ hasText: name })
    await row.getByText('草稿').waitFor()
    await row.getByRole('button', { name: '发布' }).click()
    await box.getByRole('button', { name: '发布' }).click()
    await row.getByText('已发布').waitFor()
  })

  await check('免申即享: admin pushes a benefit to one business by USCC and sees the record', async () => {
    await page.goto(`${baseUrl}/admin/benefits`)
    await page.locator('[data-testid="benefit-table"] .el-table__body-wrapper tbody tr').first().waitFor()
    await page.locator('[data-testid="benefit-table"] .el-table__body-wrapper tbody tr').first().getByRole('button', { name: '推送管理' }).click()
    await page.waitForURL(/\/admin\/benefits\/\d+$/)
    await page.locator('[data-testid="benefit-counts"]').waitFor()
    const token = await page.evaluate(() => localStorage.getItem('getitong.admin.access_token'))
    const entities = await (await fetch(`${baseUrl}/api/v1/admin/entities?limit=50&status=active`, { headers: { Authorization: `Bearer ${token}` } })).json()
    const pushed = await (await fetch(`${baseUrl}${new URL(page.url()).pathname.replace('/admin/benefits', '/api/v1/admin/benefits')}/eligibilities?limit=100`, { headers: { Authorization: `Bearer ${token}` } })).json()
    const taken = new Set(pushed.data.items.map((e) => e.business.uscc))
    const target = entities.data.items.find((e) => e.uscc && e.uscc.length === 18 && !taken.has(e.uscc))
    assert(target, 'no business left to push to')
    await page.locator('input[data-testid="mark-uscc"], [data-testid="mark-uscc"] input').first().fill(target.uscc)
    const reply = page.waitForResponse((r) => r.url().endsWith('/eligibilities') && r.request().method() === 'POST')
    await page.getByRole('button', { name: '推送', exact: true }).click()
    const res = await reply
    assert(res.status() === 201 || res.status() === 200, `push answered ${res.status()}: ${await res.text()}`)
    await page.locator('[data-testid="eligibility-table"]').getByText(target.uscc).waitFor()
    await shot(page, '27-benefit-detail')
  })
  await context.close()
}
