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

module.exports = { uscc, tamperedUscc, REGIONS, business, licenseInfo, profile, token }
