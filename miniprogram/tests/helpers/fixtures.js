// Small factories for the API's shapes (docs/api-contract.md).
const { usccCheckChar } = require('../../utils/validate')

/** A USCC with a correct GB 32100-2015 check character. */
function uscc(first17 = '92420204MA4F00001') {
  return first17 + usccCheckChar(first17)
}

/** The same USCC with a wrong check character. */
function tamperedUscc(valid) {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const last = valid[17]
  const other = chars[(chars.indexOf(last) + 1) % chars.length]
  return valid.slice(0, 17) + other
}

const REGIONS = [
  {
    code: '420000',
    name: '湖北省',
    children: [
      {
        code: '420200',
        name: '黄石市',
        children: [
          { code: '420204', name: '下陆区', children: [] },
          { code: '420202', name: '黄石港区', children: [] },
        ],
      },
      {
        code: '421100',
        name: '黄冈市',
        children: [{ code: '421102', name: '黄州区', children: [] }],
      },
    ],
  },
]

function business(overrides = {}) {
  return Object.assign(
    {
      id: 10,
      uscc: uscc(),
      name: '下陆区张三便利店',
      kind: 'individual',
      kind_label: '个体工商户',
      operator_name: '张三',
      region_code: '420204',
      region_name: '湖北省黄石市下陆区',
      status: 'active',
      status_label: '存续',
      role: 'operator',
    },
    overrides
  )
}

function licenseInfo(overrides = {}) {
  const b = business()
  return Object.assign(
    {
      uscc: b.uscc,
      name: b.name,
      operator_name: b.operator_name,
      kind: b.kind,
      kind_label: b.kind_label,
      region_code: b.region_code,
      region_name: b.region_name,
    },
    overrides
  )
}

function profile(overrides = {}) {
  const first = business()
  const second = business({ id: 11, uscc: uscc('92420204MA4F00002'), name: '下陆区张三小吃店' })
  return Object.assign(
    {
      person: { id: 1, name: '张三', phone_masked: '139****0001', wechat_bound: false },
      current_business: first,
      businesses: [first, second],
    },
    overrides
  )
}

function token(n = 1) {
  return { access_token: 'access-' + n, refresh_token: 'refresh-' + n, token_type: 'Bearer', expires_in: 900 }
}

// ---- home screen (docs/home.md)

const CATALOG = [
  { code: 'policies', name: '政策查询', icon: 'policy', page: '/pages/policies/index', badge: null },
  { code: 'benefits', name: '免申即享', icon: 'gift', page: '/pages/benefits/index', badge: 'benefits' },
  { code: 'loans', name: '金融支持', icon: 'bank', page: '/pages/loans/index', badge: null },
  { code: 'annual_report', name: '年度报告', icon: 'report', page: '/pages/annual/index', badge: 'annual_report' },
  { code: 'appeals', name: '诉求反馈', icon: 'message', page: '/pages/appeals/index', badge: 'appeals' },
  { code: 'news', name: '新闻资讯', icon: 'news', page: '/pages/news/index', badge: null },
  { code: 'laws', name: '法律法规', icon: 'law', page: '/pages/laws/index', badge: null },
]

/** A catalogue app by code, with a description; `extra` overrides fields (e.g. badge_count). */
function app(code, extra = {}) {
  const found = CATALOG.find(a => a.code === code)
  if (!found) throw new Error('no fixture app ' + code)
  return Object.assign({ description: found.name + '说明' }, found, extra)
}

function annualStatus(overrides = {}) {
  return Object.assign(
    {
      year: 2025,
      window: { start: '2026-01-01', end: '2026-06-30', open: true, days_left: 42 },
      required: true,
      status: 'missing',
      status_label: '未报送',
      reminder: true,
      url: 'https://www.gsxt.gov.cn/index.html',
    },
    overrides
  )
}

function annualReport(overrides = {}) {
  return Object.assign(
    annualStatus(),
    {
      history: [
        { year: 2024, status: 'reported', status_label: '已报送', reported_on: '2025-03-28', note: '' },
        { year: 2023, status: 'late', status_label: '逾期补报', reported_on: '2024-08-02', note: '补报' },
      ],
    },
    overrides
  )
}

function newsItem(id, title, publishedAt = '2026-05-0' + id + 'T09:00:00+08:00') {
  return { id, kind: 'news', title, summary: '', category: 'notice', published_at: publishedAt, view_count: 0 }
}

/** GET /home's reply for the profile() person, current business 10, one other business. */
function homeReply(overrides = {}) {
  const p = profile()
  return Object.assign(
    {
      person: p.person,
      current_business: p.businesses[0],
      other_businesses: [p.businesses[1]],
      apps: [
        app('policies', { badge_count: 0 }),
        app('benefits', { badge_count: 2 }),
        app('annual_report', { badge_count: 1 }),
        app('appeals', { badge_count: 0 }),
      ],
      unread: { appeals: 0, benefits: 2, risk: 0, party: 0, annual_report: 1 },
      annual_report: annualStatus(),
      news: [newsItem(2, '关于开展个体工商户年报工作的通知'), newsItem(1, '市场监管局发布惠企政策')],
      generated_at: '2026-05-19T08:00:00+00:00',
    },
    overrides
  )
}

module.exports = {
  uscc,
  tamperedUscc,
  REGIONS,
  business,
  licenseInfo,
  profile,
  token,
  CATALOG,
  app,
  annualStatus,
  annualReport,
  newsItem,
  homeReply,
}
