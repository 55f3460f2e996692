// Client-side checks that mirror the API's rules, so people see mistakes before a round trip.
// The API stays the authority: every rule here is also enforced (and reported) by the server.

// GB 32100-2015: 统一社会信用代码 = 18 characters from this set; the last one is a check character.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const USCC_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/ // the same shape the API accepts

function normalizeUscc(value) {
  return String(value || '').replace(/\s+/g, '').toUpperCase()
}

/** The GB 32100-2015 check character for the first 17 characters. */
function usccCheckChar(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i]
  const rest = 31 - (sum % 31)
  return USCC_CHARS[rest === 31 ? 0 : rest]
}

/** '' when valid, else the same Chinese message the API uses. */
function checkUscc(value) {
  const uscc = normalizeUscc(value)
  if (!uscc) return '请输入统一社会信用代码'
  if (!USCC_PATTERN.test(uscc)) return '统一社会信用代码格式不正确'
  if (usccCheckChar(uscc.slice(0, 17)) !== uscc[17]) return '统一社会信用代码校验位错误'
  return ''
}

function checkPhone(value) {
  if (!value) return '请输入手机号'
  if (!/^1[3-9]\d{9}$/.test(value)) return '请输入正确的11位手机号'
  return ''
}

function checkPassword(value) {
  if (!value) return '请输入密码'
  if (value.length < 8 || !/[A-Za-z]/.test(value) || !/\d/.test(value)) return '密码至少8位，需包含字母和数字'
  return ''
}

function checkName(value) {
  const name = String(value || '').trim()
  if (!name) return '请输入姓名'
  if (name.length > 30) return '姓名过长'
  return ''
}

// GB 11643 citizen ID numbers (党员登记).
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** '' when `value` is a GB 11643 citizen ID number (18 characters, a real birth date, check digit). */
function checkIdNumber(value) {
  const id = String(value || '').trim().toUpperCase()
  if (!id) return '请输入身份证号码'
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为18位'
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return '身份证号码中的出生日期无效'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]
  if (ID_CHECK[sum % 11] !== id[17]) return '身份证号码校验位错误'
  return ''
}

module.exports = {
  checkIdNumber,
  USCC_CHARS,
  normalizeUscc,
  usccCheckChar,
  checkUscc,
  checkPhone,
  checkPassword,
  checkName,
}
