// Browser checks of 双随机: admin writes a plan through the API and finds it in the list; then the
// whole workflow through the screens — the manager (xlsj) adds a checklist item, imports two inspectors,
// writes a plan in the wizard, submits, approves, draws, confirms and assigns; an assigned inspector
// enters the result; the manager reviews and publishes it; the business's published results and its
// lifecycle (read through the API with the admin token) show the inspection.
import { isMain, runStandalone } from './standalone.mjs'
import { makeXlsx } from './xlsx.mjs'

const MANAGER = { username: 'xlsj', password: 'Staff@2026' }
/** 下陆区城区市场监管所: registers the demo businesses the plan samples, and employs the two inspectors. */
const UNIT_ORG = '下陆区城区市场监管所'

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

/** Three 执法人员 accounts of the 监管所 (admin creates them; the initial password is changed), and three of its businesses. */
async function setUp(baseUrl, admin, tag) {
  const token = (await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: admin })).token.access_token
  const flat = (nodes) => nodes.flatMap((n) => [n, ...flat(n.children ?? [])])
  const org = flat(await api(baseUrl, '/api/v1/admin/orgs', { token })).find((o) => o.name === UNIT_ORG)
  const inspectors = []
  for (const [i, name] of [`检查甲${tag}`, `检查乙${tag}`, `检查丙${tag}`].entries()) {
    const username = `e2e_insp_${tag}_${i}`
    const initial = 'Init2026x'
    const password = 'Insp@2026x'
    await api(baseUrl, '/api/v1/admin/users', { method: 'POST', token, body: { username, name, org_id: org.id, roles: ['inspector'], password: initial } })
    const login = await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: { username, password: initial } })
    await api(baseUrl, '/api/v1/admin/me/password', { method: 'POST', token: login.token.access_token, body: { old_password: initial, new_password: password } })
    inspectors.push({ username, password, name })
  }
  const page = await api(baseUrl, `/api/v1/admin/entities?org_id=${org.id}&this_level_only=true&status=active&limit=100`, { token })
  // A different slice each run, so a business is not skipped as already inspected twice.
  const start = Math.floor(Math.random() * Math.max(1, page.items.length - 3))
  const businesses = page.items.slice(start, start + 3)
  const spare = page.items[start + 3] ?? page.items[0]
  return { token, org, inspectors, businesses, spare }
}

/** Answers the open Element Plus message box (prompt or confirm) with its primary button. */
async function confirmBox(page, text) {
  const box = page.locator('.el-message-box').last()
  await box.waitFor()
  if (text !== undefined) await box.locator('textarea, input').first().fill(text)
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
}

export async function runSupervisionChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const name = `E2E 食品销售单位抽查 ${Date.now().toString(36)}`
  try {
    await check('admin sees a new 抽查方案 in the 双随机 list and opens its detail', async () => {
      await page.goto(`${baseUrl}/admin/login`)
      const reply = await fillLogin(page, admin.username, admin.password)
      assert(reply.status() === 200, `login answered HTTP ${reply.status()}`)
      await page.waitForURL(/\/admin\/dashboard/)
      const created = await page.evaluate(async (planName) => {
        const token = localStorage.getItem('getitong.admin.access_token')
        const res = await fetch('/api/v1/admin/inspections/plans', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: planName, basis: '《市场监管总局关于全面推进“双随机、一公开”监管的实施意见》', lead_department: '市场监管局', ratio: '3', start_on: '2026-12-10', end_on: '2026-12-31' }),
        })
        return res.status
      }, name)
      assert(created === 201, `creating the plan answered HTTP ${created}`)
      const menu = page.locator('[data-testid="side-menu"]')
      await menu.getByText('双随机').click()
      await menu.getByText('抽查方案').click()
      await page.waitForURL(/\/admin\/inspections\/plans$/)
      await page.locator('input[name="name"]').fill(name)
      await page.getByRole('button', { name: '查询' }).click()
      const row = page.locator('[data-testid="plan-table"] .el-table__body-wrapper tbody tr').filter({ hasText: name })
      await row.waitFor()
      const text = await row.innerText()
      assert(text.includes('暂存') && text.includes('2026-12-10 至 2026-12-31') && text.includes('3%'), `row reads ${text}`)
      await shot(page, '40-inspection-plans')
      await row.getByRole('button', { name: '查看' }).click()
      const drawer = page.locator('[data-testid="plan-drawer"]')
      await drawer.getByText('编辑方案').waitFor()
      await drawer.getByText('按登记机关').waitFor()
      await page.waitForTimeout(400)
      await shot(page, '41-inspection-plan-detail')
    })
  } finally {
    await context.close()
  }

  await runWorkflowChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin })
}

async function runWorkflowChecks({ browser, baseUrl, timeout, check, assert, shot, pageErrors, fillLogin, admin }) {
  const tag = Date.now().toString(36)
  let env = null
  await check('admin creates three inspector accounts of the 监管所 through the API', async () => {
    env = await setUp(baseUrl, admin, tag)
    assert(env.businesses.length === 3, `found ${env.businesses.length} businesses of ${UNIT_ORG}`)
  })
  if (!env) return
  const itemName = `E2E 食品经营检查 ${tag}`
  const contentName = `E2E 是否公示营业执照 ${tag}`
  const planName = `E2E 双随机抽查 ${tag}`

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  context.setDefaultTimeout(timeout)
  const page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  const menu = page.locator('[data-testid="side-menu"]')
  const openMenu = async (title) => {
    if (!(await menu.getByText(title, { exact: true }).isVisible())) await menu.getByText('双随机', { exact: true }).click()
    await menu.getByText(title, { exact: true }).click()
  }
  let planUrl = null
  try {
    await check(`the manager (${MANAGER.username}) adds a check item, sub-item and a 选择型 content in 检查事项`, async () => {
      await page.goto(`${baseUrl}/admin/login`)
      const reply = await fillLogin(page, MANAGER.username, MANAGER.password)
      assert(reply.status() === 200, `login answered HTTP ${reply.status()}`)
      await page.waitForURL(/\/admin\/dashboard/)
      await openMenu('检查事项')
      await page.waitForURL(/\/admin\/inspections\/catalog$/)
      const dialog = page.locator('[data-testid="catalog-dialog"]')
      const rows = page.locator('[data-testid="catalog-table"] .el-table__body-wrapper tbody tr')
      await page.getByRole('button', { name: '添加检查项目' }).click()
      await dialog.locator('input[name="catalog-name"]').fill(itemName)
      await dialog.getByRole('button', { name: '保存' }).click()
      await rows.filter({ hasText: itemName }).getByRole('button', { name: '添加子项' }).click()
      await dialog.locator('input[name="catalog-name"]').fill('亮照经营')
      await dialog.locator('textarea[name="catalog-method"]').fill('现场查看营业执照是否悬挂于经营场所醒目位置')
      await dialog.locator('textarea[name="catalog-basis"]').fill('《市场主体登记管理条例》第三十六条')
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.waitFor({ state: 'hidden' })
      const sub = rows.filter({ hasText: '《市场主体登记管理条例》第三十六条' }).last()
      await sub.getByRole('button', { name: '添加内容' }).click()
      await dialog.locator('textarea[name="catalog-name"]').fill(contentName)
      await dialog.getByRole('button', { name: '保存' }).click()
      await dialog.waitFor({ state: 'hidden' })
      const row = rows.filter({ hasText: contentName })
      await row.waitFor()
      const text = await row.innerText()
      assert(text.includes('选择型') && text.includes('符合 / 不符合'), `content row reads ${text}`)
      await shot(page, 'supervision-catalog')
    })

    await check('the manager imports the three inspectors from Excel, reads the row-by-row report and adds a recusal', async () => {
      await openMenu('执法人员库')
      await page.waitForURL(/\/admin\/inspections\/inspectors$/)
      await page.getByRole('button', { name: 'Excel 导入' }).click()
      const dialog = page.locator('[data-testid="import-dialog"]')
      const header = ['*姓名', '性别', '学历', '*人员类型', '*监督检查（执法）种类', '监督检查（执法）区域', '执法证号', '有效期限起始时间', '有效期限截止时间', '发证机关', '专业技能', '人员在岗状态']
      const row = (name, cert) => [name, '男', '本科', '行政执法', '市场监管', '下陆区', cert, '2025年1月1日', '2030-12-31', '湖北省人民政府', '食品安全', '在岗']
      const file = makeXlsx([header, ...env.inspectors.map((person, i) => row(person.name, `HB${tag}${i}`)), row(`无此人${tag}`, `HB${tag}9`)])
      await dialog.locator('[data-testid="import-file"]').setInputFiles({ name: '执法人员.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file })
      const summary = dialog.locator('[data-testid="import-summary"]')
      await summary.waitFor()
      const said = await summary.innerText()
      assert(said.includes('成功导入3条') && said.includes('失败1条'), `summary reads ${said}`)
      const report = await dialog.locator('[data-testid="import-rows"]').innerText()
      assert(report.includes('人员不存在') && report.includes(UNIT_ORG), `report reads ${report}`)
      await shot(page, 'supervision-inspector-import')
      await dialog.getByRole('button', { name: '关闭', exact: true }).click()
      await dialog.waitFor({ state: 'hidden' })
      await page.locator('input[name="name"]').fill(tag)
      await page.getByRole('button', { name: '查询' }).click()
      const rows = page.locator('[data-testid="inspector-table"] .el-table__body-wrapper tbody tr')
      await rows.filter({ hasText: env.inspectors[1].name }).waitFor()
      for (let i = 0; i < 50 && (await rows.count()) !== 3; i += 1) await page.waitForTimeout(100)
      assert((await rows.count()) === 3, `the pool lists ${await rows.count()} rows for ${tag}`)
      // A recusal on a business outside the plan: the inspector stays eligible for the plan's businesses.
      await rows.filter({ hasText: env.inspectors[2].name }).getByRole('button', { name: '修改' }).click()
      const edit = page.locator('[data-testid="inspector-dialog"]')
      await edit.getByPlaceholder('统一社会信用代码或注册号').fill(env.spare.uscc || env.spare.reg_no)
      await edit.getByPlaceholder('回避原因').fill('近亲属经营')
      await edit.getByRole('button', { name: '加入回避名单' }).click()
      await edit.locator('[data-testid="recusal-table"]').getByText(env.spare.name).waitFor()
      await edit.getByRole('button', { name: '取消' }).click()
      await edit.waitFor({ state: 'hidden' })
    })

    await check('the manager writes a plan through the wizard (方案 / 检查范围 / 检查事项 / 办理意见) and submits it', async () => {
      await openMenu('抽查方案')
      await page.waitForURL(/\/admin\/inspections\/plans$/)
      await page.getByRole('button', { name: '新建方案' }).click()
      await page.waitForURL(/\/inspections\/plans\/new$/)
      const wizard = page.locator('[data-testid="plan-wizard"]')
      await wizard.locator('input[name="plan-name"]').fill(planName)
      await wizard.getByPlaceholder('开始日期').fill('2026-12-01')
      await wizard.getByPlaceholder('截止日期').fill('2026-12-31')
      await wizard.getByPlaceholder('截止日期').press('Enter')
      await wizard.locator('textarea[name="plan-basis"]').fill('《市场监管总局关于全面推进“双随机、一公开”监管的实施意见》')
      await wizard.locator('input[name="plan-lead"]').fill('黄石市下陆区市场监督管理局')
      await wizard.getByRole('button', { name: '暂存' }).click()
      await page.waitForURL(/\/inspections\/plans\/\d+\/edit$/)
      await wizard.getByRole('button', { name: '下一步' }).click()
      await wizard.locator('[data-testid="plan-ratio"] input').fill('100')
      await wizard.locator('[data-testid="plan-ratio"] input').blur()
      await wizard.getByText('样本导入', { exact: true }).click()
      await wizard.locator('textarea').first().fill(env.businesses.map((b) => b.uscc || b.reg_no).join('\n'))
      await wizard.getByRole('button', { name: '下一步' }).click()
      await wizard.locator('[data-testid="plan-contents"] .el-tree-node__content').filter({ hasText: contentName }).locator('.el-checkbox').click()
      await wizard.getByText('已选 1 项检查内容').waitFor()
      await shot(page, 'supervision-plan-wizard')
      await wizard.getByRole('button', { name: '下一步' }).click()
      await wizard.locator('textarea[name="plan-opinion"]').fill('拟按方案开展抽查，请核准。')
      await wizard.getByRole('button', { name: '提交核准' }).click()
      await page.waitForURL(/\/inspections\/plans\/\d+$/)
      planUrl = page.url()
      const status = page.locator('[data-testid="plan-status"]')
      await status.getByText('待核准').waitFor()
      const detail = await page.locator('[data-testid="plan-detail"]').innerText()
      assert(detail.includes('3 / 0') && detail.includes('样本导入') && detail.includes('100%'), `detail reads ${detail}`)
    })
    if (!planUrl) return

    await check('the reviewer returns the plan with a comment; it is submitted again from the wizard', async () => {
      await page.getByRole('button', { name: '退回' }).click()
      await confirmBox(page, '请补充抽查要求')
      await page.locator('[data-testid="plan-status"]').getByText('暂存').waitFor()
      await page.getByRole('tab', { name: '办理记录' }).click()
      await page.getByText('请补充抽查要求').waitFor()
      await page.getByRole('button', { name: '编辑方案' }).click()
      await page.waitForURL(/\/inspections\/plans\/\d+\/edit$/)
      const wizard = page.locator('[data-testid="plan-wizard"]')
      await wizard.locator('input[name="plan-name"]').waitFor()
      await wizard.locator('.el-step').filter({ hasText: '办理意见' }).click()
      await wizard.getByRole('button', { name: '提交核准' }).click()
      await page.waitForURL(/\/inspections\/plans\/\d+$/)
      await page.locator('[data-testid="plan-status"]').getByText('待核准').waitFor()
    })

    await check('the manager approves the plan and draws: seed, algorithm, fingerprint and quotas shown, the draw verifies', async () => {
      await page.getByRole('button', { name: '核准通过' }).click()
      await confirmBox(page, '同意')
      await page.locator('[data-testid="plan-status"]').getByText('已生效（未抽取）').waitFor()
      await page.getByRole('button', { name: '随机抽取' }).click()
      const dialog = page.locator('[data-testid="draw-dialog"]')
      await dialog.locator('[data-testid="draw-preview"]').getByText('样本查看：候选 3 户，按比例抽取 3 户').waitFor()
      await dialog.locator('[data-testid="draw-preview"]').getByText(UNIT_ORG).waitFor()
      await dialog.getByRole('button', { name: '开始抽取' }).click()
      await page.locator('[data-testid="plan-status"]').getByText('已抽取（待确认名单）').waitFor()
      const draw = page.locator('[data-testid="plan-draw"]')
      const text = await draw.innerText()
      assert(text.includes('gtt-draw-v1') && text.includes('3 / 3') && /[0-9a-f]{64}/.test(text), `draw reads ${text}`)
      assert(text.includes(UNIT_ORG), `the quota table names the authority: ${text}`)
      await draw.getByRole('button', { name: '复核抽取' }).click()
      await draw.locator('[data-testid="draw-verify"]').getByText('抽中名单一致').waitFor()
      await shot(page, 'supervision-plan-draw')
    })

    await check('the manager confirms the list in batch and assigns two of the inspectors', async () => {
      const table = page.locator('[data-testid="target-table"]')
      await table.locator('.el-table__body-wrapper tbody tr').nth(2).waitFor()
      await table.locator('.el-table__header .el-checkbox').click()
      await page.getByRole('button', { name: '确认检查', exact: true }).click()
      await page.getByText('本页未确认 0 户').waitFor()
      await page.getByRole('button', { name: '完成名单确认' }).click()
      await page.locator('[data-testid="plan-status"]').getByText('名单已确认（待人员选派）').waitFor()
      await page.getByRole('button', { name: '人员选派' }).click()
      const dialog = page.locator('[data-testid="assign-dialog"]')
      for (const person of env.inspectors.slice(0, 2)) {
        await dialog.locator('[data-testid="assign-inspectors"] input').fill(person.name)
        await page.locator('.el-select-dropdown__item:visible').filter({ hasText: person.name }).click()
      }
      await dialog.locator('.el-dialog__title').click()
      await dialog.locator('.el-tag').filter({ hasText: env.inspectors[1].name }).waitFor()
      await dialog.getByRole('button', { name: '开始选派' }).click()
      await page.locator('[data-testid="plan-status"]').getByText('已选派（检查中）').waitFor()
      const teams = page.locator('[data-testid="team-table"]')
      await teams.getByText(env.inspectors[0].name).first().waitFor()
      const text = await teams.innerText()
      assert(text.includes(env.inspectors[1].name) && text.includes('3'), `teams read ${text}`)
      await shot(page, 'supervision-plan-teams')
    })

    await check('the manager moves one inspector\'s businesses to the third inspector with a reason', async () => {
      const teams = page.locator('[data-testid="team-table"] .el-table__body-wrapper tbody tr')
      const member = (name) => teams.filter({ has: page.locator('td:first-child', { hasText: name }) })
      await member(env.inspectors[1].name).getByRole('button', { name: '调整' }).click()
      const dialog = page.locator('[data-testid="adjust-dialog"]')
      await dialog.locator('.el-select').nth(1).locator('input').fill(env.inspectors[2].name)
      await page.locator('.el-select-dropdown__item:visible').filter({ hasText: env.inspectors[2].name }).click()
      await dialog.locator('textarea').fill('原检查人员临时借调，按规定调整')
      await dialog.getByRole('button', { name: '确定调整' }).click()
      await dialog.waitFor({ state: 'hidden' })
      await member(env.inspectors[2].name).waitFor()
      const names = await teams.locator('td:first-child').allInnerTexts()
      assert(names.length === 2 && !names.some((n) => n.includes(env.inspectors[1].name)), `the teams list ${names.join(', ')}`)
      await shot(page, 'supervision-plan-adjusted')
      await page.getByRole('tab', { name: '办理记录' }).click()
      await page.getByText('原检查人员临时借调，按规定调整').waitFor()
    })
  } finally {
    await context.close()
  }
  if (!planUrl) return

  const business = env.businesses[0]
  let targetId = null
  await check('an assigned inspector enters the result from the form built from the plan\'s checklist', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    ctx.setDefaultTimeout(timeout)
    const p = await ctx.newPage()
    p.on('pageerror', (error) => pageErrors.push(error.message))
    try {
      await p.goto(`${baseUrl}/admin/login`)
      const person = env.inspectors[0]
      const reply = await fillLogin(p, person.username, person.password)
      assert(reply.status() === 200, `login answered HTTP ${reply.status()}`)
      await p.waitForURL(/\/admin\/dashboard/)
      const side = p.locator('[data-testid="side-menu"]')
      await side.getByText('双随机', { exact: true }).click()
      await side.getByText('抽查任务', { exact: true }).waitFor()
      const offered = await side.innerText()
      assert(!offered.includes('抽查方案') && !offered.includes('执法人员库'), `an inspector's menu offers ${offered}`)
      await side.getByText('抽查任务', { exact: true }).click()
      const row = p.locator('[data-testid="task-table"] .el-table__body-wrapper tbody tr').filter({ hasText: business.name }).filter({ hasText: planName })
      await row.waitFor()
      await row.getByRole('button', { name: '录入结果' }).click()
      const form = p.locator('[data-testid="result-form"]')
      await form.getByText(contentName).waitFor()
      await form.getByRole('button', { name: '提交检查结果' }).click()
      await form.getByText('请填写检查结果').first().waitFor()
      await form.getByText('符合', { exact: true }).click()
      await form.locator('textarea[name="handling"]').fill('营业执照已悬挂于醒目位置，未发现问题。')
      await shot(p, 'supervision-result-entry')
      await form.getByRole('button', { name: '提交检查结果' }).click()
      await p.locator('[data-testid="result-status"]').getByText('待复核').waitFor()
      const view = await p.locator('[data-testid="result-view"]').innerText()
      assert(view.includes(contentName) && view.includes('符合'), `result reads ${view}`)
      targetId = Number(/targets\/(\d+)/.exec(p.url())?.[1])
      await p.goto(`${baseUrl}/admin/inspections/plans/new`)
      await p.getByText('403 无访问权限').waitFor()
    } finally {
      await ctx.close()
    }
  })

  await check('the inspector moved off the team is refused the result (API 403)', async () => {
    assert(targetId, 'no target id from the entry page')
    const person = env.inspectors[1]
    const login = await api(baseUrl, '/api/v1/admin/auth/login', { method: 'POST', body: { username: person.username, password: person.password } })
    const res = await fetch(`${baseUrl}/api/v1/admin/inspections/targets/${targetId}/enter`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${login.token.access_token}` },
      body: JSON.stringify({ method: 'on_site', outcome: 'normal', handling: '越权录入', checked_on: '2026-11-30', answers: [] }),
    })
    const body = await res.json()
    assert(res.status === 403 && body.code === 'INSPECTION_NOT_ASSIGNED', `answered HTTP ${res.status} ${body.code}`)
  })

  await check('the manager finds the business in 检查对象查询, reviews and publishes the result', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    ctx.setDefaultTimeout(timeout)
    const p = await ctx.newPage()
    p.on('pageerror', (error) => pageErrors.push(error.message))
    try {
      await p.goto(`${baseUrl}/admin/login`)
      await fillLogin(p, MANAGER.username, MANAGER.password)
      await p.waitForURL(/\/admin\/dashboard/)
      const side = p.locator('[data-testid="side-menu"]')
      await side.getByText('双随机', { exact: true }).click()
      await side.getByText('检查对象查询', { exact: true }).click()
      await p.locator('input[name="uscc"]').fill(business.uscc || business.reg_no)
      await p.getByRole('button', { name: '查询' }).click()
      const row = p.locator('[data-testid="inspected-table"] .el-table__body-wrapper tbody tr').filter({ hasText: planName }).filter({ hasText: business.name })
      await row.waitFor()
      assert((await row.innerText()).includes('待复核'), `row reads ${await row.innerText()}`)
      await row.getByRole('button', { name: '复核' }).click()
      await p.getByRole('button', { name: '复核通过并公示' }).click()
      await p.locator('[data-testid="result-status"]').getByText('已公示').waitFor()
      await shot(p, 'supervision-result-published')
    } finally {
      await ctx.close()
    }
  })

  await check("the business's published results and lifecycle (admin API) show the inspection", async () => {
    const results = await api(baseUrl, `/api/v1/admin/inspections/businesses/${business.id}/results`, { token: env.token })
    assert(results.items.some((r) => r.plan_name === planName), `results: ${JSON.stringify(results.items.map((r) => r.plan_name))}`)
    const life = await api(baseUrl, `/api/v1/admin/lifecycle/${business.id}?kind=inspection`, { token: env.token })
    const events = life.events.filter((e) => e.kind === 'inspection')
    assert(events.some((e) => JSON.stringify(e).includes(planName)), `lifecycle inspection events: ${JSON.stringify(events)}`)
  })
}

if (isMain(import.meta.url)) await runStandalone(runSupervisionChecks)
