// A stand-in for the admin API of docs/api-contract.md, for working on the admin app
// while the real backend is not running. It also serves dist/ at /admin/ like the API.
//   npm run build && PORT=8010 node e2e/mock-api.mjs
//   BASE_URL=http://127.0.0.1:8010 npm run e2e
// Not a test fixture: the e2e suite is meant to run against the real API.
import { createServer } from 'node:http'
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'

const PORT = Number(process.env.PORT || 8010)
const DIST = fileURLToPath(new URL('../dist/', import.meta.url))
const TOKEN_TTL_MS = Number(process.env.MOCK_TOKEN_TTL_MS || 15 * 60 * 1000)

const svg = (body, w = 120, h = 40) =>
  `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${body}</svg>`).toString('base64')}`

const orgTree = [
  {
    id: 1, name: '湖北省市场监督管理局', level: 'province', level_label: '省局', region_code: '420000',
    children: [
      {
        id: 2, name: '黄石市市场监督管理局', level: 'city', level_label: '市(州)局', region_code: '420200',
        children: [
          {
            id: 3, name: '黄石市下陆区市场监督管理局', level: 'county', level_label: '县(区)局', region_code: '420204',
            children: [{ id: 4, name: '团城山市场监管所', level: 'station', level_label: '监管所', region_code: '420204', children: [] }],
          },
        ],
      },
      { id: 5, name: '武汉市市场监督管理局', level: 'city', level_label: '市(州)局', region_code: '420100', children: [] },
    ],
  },
]
const orgs = new Map()
;(function walk(nodes) { for (const n of nodes) { orgs.set(n.id, n); walk(n.children) } })(orgTree)
const orgRef = (id) => { const { children, ...o } = orgs.get(id); return o }

const ALL = ['entity:read', 'org:read', 'user:read', 'user:write', 'audit:read', 'institution:read']
const roles = [
  { code: 'sys_admin', name: '系统管理员', permissions: ALL },
  { code: 'appeal_desk', name: '诉求主管', permissions: ['entity:read'] },
  { code: 'appeal_unit', name: '诉求承办', permissions: ['entity:read'] },
  { code: 'registration_review', name: '登记审核', permissions: ['entity:read'] },
  { code: 'content_editor', name: '内容编辑', permissions: [] },
]
const institutions = [{ id: 1, name: '湖北农信黄石分行' }, { id: 2, name: '建设银行黄石分行' }]

let nextUserId = 1
const users = []
function addUser({ username, name, org, roleCodes, password, phone = null }) {
  const user = {
    id: nextUserId++, username, name, phone, org_id: org, institution_id: null, roles: roleCodes, is_active: true,
    password, created_at: new Date(Date.now() - nextUserId * 86400000).toISOString(), must_change_password: false,
  }
  users.push(user)
  return user
}
addUser({ username: 'admin', name: '系统管理员', org: 1, roleCodes: ['sys_admin'], password: 'Admin@2026', phone: '13800000001' })
addUser({ username: 'xialu', name: '夏璐', org: 3, roleCodes: ['appeal_desk', 'registration_review'], password: 'Staff@2026' })
const surnames = '王李张刘陈杨黄赵吴周'
for (let i = 0; i < 26; i++) addUser({ username: `staff${i + 1}`, name: `${surnames[i % 10]}${'明华强丽军芳'[i % 6]}`, org: [2, 3, 4, 5][i % 4], roleCodes: [roles[1 + (i % 4)].code], password: 'Staff@2026' })

const mask = (p) => (p ? `${p.slice(0, 3)}****${p.slice(-4)}` : null)
const perms = (u) => [...new Set(u.roles.flatMap((c) => roles.find((r) => r.code === c)?.permissions ?? []))]
const userOut = (u) => ({
  id: u.id, username: u.username, name: u.name, phone_masked: mask(u.phone), org: { id: u.org_id, name: orgs.get(u.org_id).name },
  institution: u.institution_id ? institutions.find((i) => i.id === u.institution_id) : null,
  roles: u.roles.map((c) => ({ code: c, name: roles.find((r) => r.code === c)?.name ?? c })), is_active: u.is_active, created_at: u.created_at,
})
const meOut = (u) => ({
  id: u.id, username: u.username, name: u.name, phone_masked: mask(u.phone), org: orgRef(u.org_id), institution: null,
  roles: userOut(u).roles, permissions: perms(u), must_change_password: u.must_change_password,
})

const shops = ['下陆区惠民便利店', '黄石老字号港饼店', '团城山鲜果超市', '铁山区兴旺五金店', '磁湖边小吃店', '新下陆理发店', '黄石市味道餐馆', '下陆区平安药店', '东方山茶叶铺', '陆家巷文具店']
const statuses = [['active', '存续'], ['active', '存续'], ['active', '存续'], ['revoked', '吊销'], ['cancelled', '注销']]
const entities = Array.from({ length: 45 }, (_, i) => {
  const [status, status_label] = statuses[i % statuses.length]
  return {
    id: i + 1, uscc: `92420204MA4${String(1000000 + i * 7919).slice(-7)}`, reg_no: `420204600${String(100000 + i)}`,
    name: `${shops[i % shops.length]}${i >= shops.length ? `（${Math.floor(i / shops.length) + 1}号店）` : ''}`,
    kind: 'individual', kind_label: '个体工商户', operator_name: `${surnames[i % 10]}${'建国秀英志强海燕'[i % 4]}`, operator_id_masked: '420204********1234',
    region_code: '420204', region_name: '湖北省黄石市下陆区', org: { id: 3, name: '黄石市下陆区市场监督管理局' },
    industry: ['零售业', '餐饮业', '居民服务业'][i % 3], address: `湖北省黄石市下陆区团城山街道${i + 1}号`, established_on: `20${10 + (i % 14)}-0${1 + (i % 9)}-1${i % 10}`,
    status, status_label, scale_type: ['survival', 'growth', 'development'][i % 3], scale_type_label: ['生存型', '成长型', '发展型'][i % 3],
    tags: i % 4 === 0 ? ['名特优新'] : [],
  }
})

const tokens = new Map() // access -> {userId, exp}
const refreshTokens = new Map() // refresh -> userId
const captchas = new Map() // id -> code
const failures = new Map() // username -> count

function issue(user) {
  const access = randomUUID()
  const refresh = randomUUID()
  tokens.set(access, { userId: user.id, exp: Date.now() + TOKEN_TTL_MS })
  refreshTokens.set(refresh, user.id)
  return { access_token: access, refresh_token: refresh, token_type: 'Bearer', expires_in: Math.round(TOKEN_TTL_MS / 1000) }
}

class HttpError extends Error {
  constructor(status, code, message, data = null) { super(message); this.status = status; this.code = code; this.data = data }
}
const E = {
  unauth: () => new HttpError(401, 'UNAUTHENTICATED', '请先登录'),
  forbidden: () => new HttpError(403, 'FORBIDDEN', '无权限'),
  notFound: () => new HttpError(404, 'NOT_FOUND', '资源不存在'),
}

function page(items, url) {
  const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') || 20)))
  const after = Number(Buffer.from(url.searchParams.get('cursor') || '', 'base64url').toString() || 0)
  const rest = items.filter((x) => x.id > after)
  const slice = rest.slice(0, limit)
  return { items: slice, next: rest.length > limit ? Buffer.from(String(slice.at(-1).id)).toString('base64url') : null }
}

function authUser(req, perm) {
  const header = req.headers.authorization || ''
  const token = header.startsWith('Bearer ') ? header.slice(7) : null
  if (!token) throw E.unauth()
  const t = tokens.get(token)
  if (!t) throw new HttpError(401, 'TOKEN_INVALID', '登录凭证无效')
  if (t.exp < Date.now()) throw new HttpError(401, 'TOKEN_EXPIRED', '登录已过期')
  const user = users.find((u) => u.id === t.userId)
  if (perm && !perms(user).includes(perm)) throw E.forbidden()
  return user
}

const strong = (p) => typeof p === 'string' && p.length >= 8 && /[A-Za-z]/.test(p) && /\d/.test(p)

async function api(req, url, body) {
  const path = url.pathname.replace('/api/v1/admin', '')
  const m = (re) => path.match(re)
  const q = (k) => url.searchParams.get(k) || ''
  if (req.method === 'GET' && path === '/auth/captcha') {
    const id = randomUUID()
    const code = String(Math.floor(1000 + Math.random() * 9000))
    captchas.set(id, code)
    return { captcha_id: id, image: svg(`<rect width="120" height="40" fill="#eef2ff"/><text x="60" y="28" font-size="22" text-anchor="middle" fill="#1d4ed8" font-family="monospace" letter-spacing="6">${code}</text>`) }
  }
  if (req.method === 'POST' && path === '/auth/login') {
    const count = failures.get(body.username) || 0
    if (count >= 10) throw new HttpError(429, 'TOO_MANY_ATTEMPTS', '尝试次数过多，请稍后再试', { retry_after: 600 })
    if (count >= 3) {
      if (!body.captcha_id) throw new HttpError(400, 'CAPTCHA_REQUIRED', '请输入验证码')
      const code = captchas.get(body.captcha_id)
      captchas.delete(body.captcha_id)
      if (!code || code !== body.captcha_code) throw new HttpError(400, 'CAPTCHA_INVALID', '验证码错误或已过期')
    }
    const user = users.find((u) => u.username === body.username)
    if (!user || user.password !== body.password) {
      failures.set(body.username, count + 1)
      throw new HttpError(400, 'LOGIN_FAILED', '账号或密码错误')
    }
    if (!user.is_active) throw new HttpError(403, 'ACCOUNT_DISABLED', '账号已停用')
    failures.delete(body.username)
    return { token: issue(user), me: meOut(user) }
  }
  if (req.method === 'POST' && path === '/auth/refresh') {
    const userId = refreshTokens.get(body.refresh_token)
    if (!userId) throw new HttpError(401, 'TOKEN_INVALID', '登录凭证无效')
    refreshTokens.delete(body.refresh_token)
    return { token: issue(users.find((u) => u.id === userId)) }
  }
  if (req.method === 'POST' && path === '/auth/logout') { refreshTokens.delete(body.refresh_token); return null }
  if (req.method === 'GET' && path === '/me') return meOut(authUser(req))
  if (req.method === 'POST' && path === '/me/password') {
    const me = authUser(req)
    if (me.password !== body.old_password) throw new HttpError(400, 'PASSWORD_WRONG', '原密码错误')
    if (!strong(body.new_password)) throw new HttpError(400, 'WEAK_PASSWORD', '密码至少8位，需包含字母和数字')
    me.password = body.new_password
    me.must_change_password = false
    return null
  }
  if (req.method === 'GET' && path === '/orgs') { authUser(req); return orgTree }
  if (req.method === 'GET' && path === '/roles') { authUser(req); return roles }
  if (req.method === 'GET' && path === '/institutions') { authUser(req, 'institution:read'); return institutions }
  if (req.method === 'GET' && path === '/entities') {
    authUser(req, 'entity:read')
    const list = entities.filter((e) => (!q('q') || e.name.includes(q('q'))) && (!q('uscc') || e.uscc === q('uscc')) && (!q('status') || e.status === q('status')) && (!q('kind') || e.kind === q('kind')))
    const p = page(list, url)
    return { ...p, items: p.items.map(({ operator_id_masked, ...e }) => e) }
  }
  let hit
  if (req.method === 'GET' && (hit = m(/^\/entities\/(\d+)$/))) {
    authUser(req, 'entity:read')
    return entities.find((e) => e.id === Number(hit[1])) ?? (() => { throw new HttpError(404, 'ENTITY_NOT_FOUND', '未查询到该市场主体') })()
  }
  if (req.method === 'GET' && (hit = m(/^\/entities\/(\d+)\/license-qr$/))) {
    authUser(req, 'entity:read')
    const e = entities.find((x) => x.id === Number(hit[1]))
    if (!e) throw new HttpError(404, 'ENTITY_NOT_FOUND', '未查询到该市场主体')
    const cells = Array.from({ length: 121 }, (_, k) => ((k * 37 + e.id * 11) % 3 === 0 ? `<rect x="${(k % 11) * 14 + 3}" y="${Math.floor(k / 11) * 14 + 3}" width="14" height="14"/>` : '')).join('')
    return { text: `https://www.gsxt.gov.cn/qr?uscc=${e.uscc}`, image: svg(`<rect width="160" height="160" fill="#fff"/>${cells}`, 160, 160) }
  }
  if (req.method === 'GET' && path === '/users') {
    authUser(req, 'user:read')
    const orgId = Number(q('org_id')) || null
    const list = users.filter((u) => (!q('q') || u.username.includes(q('q')) || u.name.includes(q('q'))) && (!orgId || u.org_id === orgId))
    const p = page(list, url)
    return { ...p, items: p.items.map(userOut) }
  }
  if (req.method === 'POST' && path === '/users') {
    authUser(req, 'user:write')
    if (users.some((u) => u.username === body.username)) throw new HttpError(409, 'USERNAME_TAKEN', '用户名已存在')
    if (!strong(body.password)) throw new HttpError(400, 'WEAK_PASSWORD', '密码至少8位，需包含字母和数字')
    const u = addUser({ username: body.username, name: body.name, org: body.org_id, roleCodes: body.roles, password: body.password, phone: body.phone })
    u.institution_id = body.institution_id ?? null
    u.created_at = new Date().toISOString()
    return userOut(u)
  }
  if ((hit = m(/^\/users\/(\d+)(?:\/([a-z-]+))?$/))) {
    authUser(req, 'user:write')
    const u = users.find((x) => x.id === Number(hit[1]))
    if (!u) throw E.notFound()
    const action = hit[2]
    if (req.method === 'PATCH' && !action) {
      if (body.name) u.name = body.name
      if (body.phone) u.phone = body.phone
      if (body.org_id) u.org_id = body.org_id
      if (body.roles) u.roles = body.roles
      return userOut(u)
    }
    if (req.method === 'POST' && action === 'disable') { u.is_active = false; return userOut(u) }
    if (req.method === 'POST' && action === 'enable') { u.is_active = true; return userOut(u) }
    if (req.method === 'POST' && action === 'reset-password') {
      if (!strong(body.password)) throw new HttpError(400, 'WEAK_PASSWORD', '密码至少8位，需包含字母和数字')
      u.password = body.password
      return null
    }
  }
  throw E.notFound()
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' }

async function serveAdmin(url, res) {
  const rel = normalize(decodeURIComponent(url.pathname.replace(/^\/admin\/?/, ''))).replace(/^(\.\.[/\\])+/, '')
  for (const file of [rel && join(DIST, rel), join(DIST, 'index.html')].filter(Boolean)) {
    try {
      const data = await readFile(file)
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' })
      return res.end(data)
    } catch { /* try the history-mode fallback */ }
  }
  res.writeHead(404).end('run npm run build first')
}

createServer(async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`)
  if (url.pathname === '/admin' || url.pathname.startsWith('/admin/')) return serveAdmin(url, res)
  const send = (status, payload) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(payload))
  }
  if (url.pathname === '/api/health') return send(200, { status: 'ok', database: { ok: true, backend: 'mock', latency_ms: 0 }, cache: { ok: true, backend: 'mock' } })
  if (!url.pathname.startsWith('/api/v1/admin/')) return send(404, { code: 'NOT_FOUND', message: '资源不存在', data: null })
  let raw = ''
  for await (const chunk of req) raw += chunk
  try {
    const data = await api(req, url, raw ? JSON.parse(raw) : {})
    send(200, { code: 'OK', message: '成功', data })
  } catch (error) {
    if (error instanceof HttpError) return send(error.status, { code: error.code, message: error.message, data: error.data })
    console.error(error)
    send(500, { code: 'INTERNAL_ERROR', message: '服务器内部错误', data: null })
  }
}).listen(PORT, '127.0.0.1', () => console.log(`mock admin API on http://127.0.0.1:${PORT}`))
