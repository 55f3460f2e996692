// Which form field an API error belongs to, so pages can show it next to that field.

const FIELD_BY_CODE = {
  USCC_FORMAT_INVALID: 'uscc',
  USCC_CHECK_FAILED: 'uscc',
  ENTITY_NOT_FOUND: 'uscc',
  REGION_MISMATCH: 'uscc',
  QR_NOT_FOUND: 'uscc',
  QR_NO_USCC: 'uscc',
  FILE_NOT_IMAGE: 'uscc',
  FILE_TYPE_NOT_ALLOWED: 'uscc',
  FILE_TOO_LARGE: 'uscc',
  BUSINESS_ALREADY_LINKED: 'uscc',
  PHONE_ALREADY_REGISTERED: 'phone',
  ACCOUNT_NOT_FOUND: 'phone',
  OPERATOR_NAME_MISMATCH: 'name',
  WEAK_PASSWORD: 'password',
  PRIVACY_NOT_AGREED: 'privacy',
}

const HAS_CHINESE = /[\u4e00-\u9fa5]/

// Schema validators may word their messages in English ("Field required"); people see Chinese.
function chinese(message, type) {
  if (message && HAS_CHINESE.test(message)) return String(message)
  if (type === 'missing' || /required/i.test(message || '')) return '此项为必填项'
  return '格式不正确'
}

// VALIDATION_ERROR carries field errors; the contract does not fix their shape, so accept the
// ones in use: {errors: [{field, message}]} (schema errors), {field: 'phone'} (the message is the
// error's own), {field: message}, [{field|loc, msg|message}].
function validationFields(data, message) {
  const out = {}
  if (!data) return out
  if (typeof data.field === 'string') {
    out[data.field] = message || '参数错误'
    return out
  }
  const list = Array.isArray(data) ? data : Array.isArray(data.errors) ? data.errors : Array.isArray(data.fields) ? data.fields : null
  if (list) {
    list.forEach(item => {
      if (!item) return
      const loc = item.field || item.loc
      const field = Array.isArray(loc) ? loc[loc.length - 1] : loc
      const text = chinese(item.message || item.msg, item.type)
      if (field && !out[field]) out[field] = text
    })
    return out
  }
  const map = data.fields && typeof data.fields === 'object' ? data.fields : data
  Object.keys(map).forEach(field => {
    const value = map[field]
    const message = Array.isArray(value) ? value[0] : value
    if (typeof message === 'string') out[field] = message
  })
  return out
}

/**
 * Map an ApiError onto the given form fields: → {field: message}. Empty when it belongs to none
 * of them (the caller then shows it as a toast).
 */
function fieldErrors(err, fields) {
  if (!err) return {}
  const out = {}
  if (err.code === 'VALIDATION_ERROR') {
    const found = validationFields(err.data, err.message)
    Object.keys(found).forEach(field => {
      if (fields.indexOf(field) >= 0) out[field] = found[field]
    })
    if (found.privacy_agreed && fields.indexOf('privacy') >= 0) out.privacy = found.privacy_agreed
    if (found.region_code && fields.indexOf('region') >= 0) out.region = found.region_code
    return out
  }
  const field = FIELD_BY_CODE[err.code]
  if (field && fields.indexOf(field) >= 0) out[field] = err.message
  return out
}

module.exports = { FIELD_BY_CODE, fieldErrors, validationFields }
