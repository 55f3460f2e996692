// Browser checks of 名特优新: the demo owner fills the wizard through the mini-program API and submits an
// application to the demo notice; admin finds it in 申请审核, sees the penalty record beside it, accepts it and
// recognises it (each confirmed); an empty 退回 reason is refused in Chinese. 认定公告 lists the notice.

const SHOP = { phone: '13900000001', password: 'Shop@2026' }
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64')

async function call(baseUrl, path, { method = 'GET', token, body, form } = {}) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {}
  if (!form) headers['Content-Type'] = 'application/json'
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) })
  const json = await res.json()
  if (json.code !== 'OK') throw new Error(`${method} ${path}: HTTP ${res.status} ${json.code} ${json.message} ${JSON.stringify(json.data)}`)
  return json.data
}

async function submitDemoApplication(baseUrl) {
  // The owner's second business applies: the mini-program's real-API tests, run on the same server after this,
  // apply with the current (first) business and need its open notice untouched.
  const login = await call(baseUrl, '/api/v1/mp/auth/login', { method: 'POST', body: SHOP })
  const other = login.profile.businesses.find((b) => b.id !== login.profile.current_business?.id)
  const token = other
    ? (await call(baseUrl, '/api/v1/mp/me/switch-business', { method: 'POST', token: login.token.access_token, body: { business_id: other.id } })).token.access_token
    : login.token.access_token
  const notices = (await call(baseUrl, '/api/v1/mp/recognition/notices', { token })).items
  const notice = notices.find((n) => !n.my_application || n.my_application.status === 'draft')
  if (!notice) return null // already applied in an earlier run on this server
  const base = `/api/v1/mp/recognition/notices/${notice.id}/application`
  await call(baseUrl, base, { method: 'POST', token })
  const upload = async () => {
    const form = new FormData()
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png')
    return (await call(baseUrl, '/api/v1/mp/uploads', { method: 'POST', token, form })).id
  }
  const image = await upload()
  const licence = await upload()
  const steps = [
    ['read_notice', { acknowledged: true }],
    ['promise', { accepted: true }],
    ['category', { category: notice.categories[0].code ?? notice.categories[0].value }],
    ['info', { employees: 5, social_insured: 3, revenue: '360000.00', net_profit: '52000.00', introduction: '本店经营二十年，坚持手工制作传统小吃，深受街坊喜爱。（浏览器测试）' }],
    ['declaration', { subject_type: 'product', subject_name: '手工热干面', highlights: '传统工艺，现做现卖', qualification_images: [image] }],
    ['materials', { materials: [{ type: 'license', file_id: licence }] }],
  ]
  for (const [step, body] of steps) await call(baseUrl, `${base}/steps/${step}`, { method: 'PUT', token, body })
  await call(baseUrl, `${base}/submit`, { method: 'POST', token })
  // The choice of business is remembered for the next login: give the owner their first business back.
  if (other) await call(baseUrl, '/api/v1/mp/me/switch-business', { method: 'POST', token, body: { business_id: login.profile.current_business.id } })
  return notice.title
}

export async function runRecognitionChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  await check('the demo owner submits a 名特优新 application (mini-program API)', async () => {
    const title = await submitDemoApplication(baseUrl)
    assert(title !== undefined, 'no notice')
  })

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const box = page.locator('.el-message-box')

  await check('admin sees the notice and reviews the application with the penalty record beside it', async () => {
    await page.goto(`${baseUrl}/admin/login`)
    const body = await (await fillLogin(page, admin.username, admin.password)).json()
    assert(body.code === 'OK', `login ${body.code}`)
    await page.waitForURL(/\/admin\/dashboard/)
    await page.goto(`${baseUrl}/admin/recognition/notices`)
    await page.locator('[data-testid="notice-table"]').getByText('名特优新').first().waitFor()
    await page.goto(`${baseUrl}/admin/recognition/applications`)
    const rows = page.locator('[data-testid="recognition-table"] .el-table__body-wrapper tbody tr')
    await rows.first().waitFor()
    const row = rows.filter({ hasText: '待受理' }).first()
    await row.getByRole('button', { name: '审核' }).click()
    await page.waitForURL(/\/admin\/recognition\/applications\/\d+$/)
    await page.locator('[data-testid="risk-panel"]').getByText('行政处罚').first().waitFor()
    await page.getByText('手工热干面').first().waitFor()
    await page.getByRole('button', { name: '退回补正' }).click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '退回补正' })
    await dialog.getByRole('button', { name: '提交' }).click()
    await dialog.getByText('请填写退回原因').waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()
    await page.getByRole('button', { name: '受理', exact: true }).click()
    await page.locator('.el-dialog').filter({ hasText: '受理' }).getByRole('button', { name: '提交' }).click()
    await box.getByRole('button', { name: '确定' }).click()
    await page.getByText('审核中').first().waitFor()
    await page.getByRole('button', { name: '认定', exact: true }).click()
    await page.locator('.el-dialog').filter({ hasText: '认定' }).getByRole('button', { name: '提交' }).click()
    await box.getByRole('button', { name: '确定' }).click()
    await page.getByText('已认定').first().waitFor()
    await page.waitForTimeout(300)
    await shot(page, '28-recognition-review')
  })
  await context.close()
}
