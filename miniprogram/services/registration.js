// 个体户自助登记（智能审批）: /api/v1/mp/registrations (docs/registration.md, SPEC L). A server-side wizard
// (steps 1–4 saved as a draft) → confirm the generated documents → real-name confirmation and e-signature
// per signer → submit: all rules pass → approved at once (USCC + licence), else the staff 登记审核 queue.
// The signing page (opened from the signer's QR) needs no login: the token in the link is the credential.
const config = require('../config')
const { get, post, request } = require('../utils/request')
const { upload } = require('../utils/upload')

const BASE = '/registrations'

/**
 * @typedef {{text: string, kind: 'licensed'|'general', kind_label: string, main: boolean, given: boolean, standard: boolean}} ScopeItem
 * @typedef {{code: string, label: string, industry: string, industry_words: string[], main_item: string, scope: ScopeItem[]}} BusinessType
 * @typedef {{code: string, name: string, authority: {id: number, name: string}}} Region
 * @typedef {{value: string, label: string}} Option
 * @typedef {{
 *   business_types: BusinessType[], scope_catalog: ScopeItem[], regions: Region[], org_forms: string[],
 *   name_rules: {code: string, label: string}[], ethnicities: string[], id_types: Option[], genders: Option[],
 *   political_statuses: string[], educations: string[], employment_statuses: string[], property_types: Option[],
 *   property_uses: Option[], statuses: Option[], rules: {code: string, label: string}[], sign_days: number,
 *   auto_capital_max: string
 * }} Catalog
 * @typedef {{
 *   id: number, role: string, role_label: string, name: string, id_type_label: string, id_number_masked: string,
 *   realname_status: 'pending'|'verified'|'expired', realname_status_label: string, realname_at: ?string,
 *   realname_until: ?string, signed: boolean, sign_status_label: string, signed_at: ?string,
 *   sign_url?: string, sign_token?: string
 * }} Signer
 * @typedef {{code: string, label: string, passed?: boolean, reason: ?string}} RuleResult
 * @typedef {{
 *   id: number, number: string, status: 'draft'|'signing'|'reviewing'|'approved'|'refused'|'withdrawn',
 *   status_label: string, business_type: string, business_type_label: string,
 *   steps: {business_type: boolean, name: boolean, operator: boolean, basic: boolean},
 *   name_step: ?Object, operator: ?Object, basic: ?Object, scope: ?ScopeItem[], residence: ?Object, system: Object,
 *   signers: Signer[], sign_due_on: ?string, ready_to_submit: boolean, documents: {code: string, title: string}[],
 *   rule_results: RuleResult[], failed_rules: RuleResult[], refuse_reason: ?string, uscc: ?string,
 *   business_id: ?number, decided_by: ?('auto'|'staff'), license_available: boolean, pickup: ?string,
 *   created_at: string, submitted_at: ?string, decided_at: ?string, actions: string[], events?: Object[],
 *   outcome?: 'approved'|'reviewing', outcome_label?: string, license?: License
 * }} Registration
 * @typedef {{
 *   uscc: string, name: ?string, store_name: string, kind_label: string, operator_name: string, place: string,
 *   capital: string, form: string, scope_text: string, established_on: string, approved_on: string, term: string,
 *   authority: string, qr_text: string, qr_image: string, paper_license: boolean, pickup: ?string
 * }} License
 */

/** GET /catalog (no login) → {@link Catalog}. */
function getCatalog(options) {
  return get(BASE + '/catalog', undefined, Object.assign({ auth: false }, options))
}

/**
 * POST /name-check {region_code, business_type, trade_name, industry_word, org_form} → {name, available, authority}.
 * Refusals: 400 REGISTRATION_NAME_FORBIDDEN (data {rule, rule_label, text}), 409 REGISTRATION_NAME_TAKEN.
 */
function checkName(data, options) {
  return post(BASE + '/name-check', data, options)
}

/** POST "" {business_type} → 201 the new draft ({@link Registration}). */
function create(businessType, options) {
  return post(BASE, { business_type: businessType }, options)
}

/** GET "" ?cursor&limit → {items: summary[], next}: my own applications. */
function list(params, options) {
  return get(BASE, params, options)
}

/** GET /{id} → {@link Registration} with events. */
function getRegistration(id, options) {
  return get(BASE + '/' + id, undefined, options)
}

function put(url, data, options) {
  return request(Object.assign({}, options, { url, method: 'PUT', data }))
}

/** PUT /{id}/business-type {business_type} (step 1): scope and basic info are reset, the name is released. */
function setBusinessType(id, businessType, options) {
  return put(BASE + '/' + id + '/business-type', { business_type: businessType }, options)
}

/** PUT /{id}/name (step 2) {named, region_code, trade_name?, industry_word?, org_form?, commitment_accepted, place, capital}. */
function saveName(id, data, options) {
  return put(BASE + '/' + id + '/name', data, options)
}

/**
 * PUT /{id}/operator (step 3) {name, gender, ethnicity, id_type, id_number, id_valid_from, id_valid_until | id_long_term,
 * phone, email, address, postcode, political_status, education, employment_status, id_photo_file_id}.
 */
function saveOperator(id, data, options) {
  return put(BASE + '/' + id + '/operator', data, options)
}

/** PUT /{id}/basic (step 4) {store_name, urban, postcode, staff_count, paper_license, scope: string[], residence}. */
function saveBasic(id, data, options) {
  return put(BASE + '/' + id + '/basic', data, options)
}

/** Absolute address of GET /{id}/documents/{code} (a PDF; send the token). */
function documentUrl(id, code) {
  return config.apiBase + config.apiPrefix + BASE + '/' + id + '/documents/' + code
}

/** POST /{id}/confirm: lock the content, status signing, signers with sign_url/sign_token (again after expiry). */
function confirm(id, options) {
  return post(BASE + '/' + id + '/confirm', {}, options)
}

/** POST /{id}/signers/{signerId}/realname {name, id_number} (step 6) → the application; signer verified until sign_due_on. */
function realname(id, signerId, data, options) {
  return post(BASE + '/' + id + '/signers/' + signerId + '/realname', data, options)
}

/** Absolute address of GET /{id}/signers/{signerId}/qr.png (step 7, the QR of the signing link; send the token). */
function signerQrUrl(id, signerId) {
  return config.apiBase + config.apiPrefix + BASE + '/' + id + '/signers/' + signerId + '/qr.png'
}

/** POST /{id}/submit (step 8) → the application + outcome (approved|reviewing), outcome_label, license, pickup. */
function submit(id, options) {
  return post(BASE + '/' + id + '/submit', {}, options)
}

/** POST /{id}/reopen: back to draft; real-name confirmations and signatures are void. */
function reopen(id, options) {
  return post(BASE + '/' + id + '/reopen', {}, options)
}

/** POST /{id}/withdraw: the application ends, its name is released. */
function withdraw(id, options) {
  return post(BASE + '/' + id + '/withdraw', {}, options)
}

/** GET /{id}/license → {@link License}; 409 REGISTRATION_NOT_APPROVED before approval. */
function getLicense(id, options) {
  return get(BASE + '/' + id + '/license', undefined, options)
}

/** POST /uploads (the operator's ID photo, an image) → {id, content_type, size, url}. */
function uploadIdPhoto(filePath, options) {
  return upload('/uploads', Object.assign({}, options, { filePath, name: 'file' }))
}

// ---- the signing page: no login, the token of the link is the credential

/** GET /signing/{token} → {registration {number, name, operator_name, business_type_label, scope_text}, signer, documents, sign_due_on}. */
function getSigning(token, options) {
  return get(BASE + '/signing/' + encodeURIComponent(token), undefined, Object.assign({}, options, { auth: false }))
}

/** Absolute address of GET /signing/{token}/documents/{code} (a PDF, no token header needed). */
function signingDocumentUrl(token, code) {
  return config.apiBase + config.apiPrefix + BASE + '/signing/' + encodeURIComponent(token) + '/documents/' + code
}

/** POST /signing/{token} multipart field `image` (PNG/JPEG of the hand-written signature) → {signed, signed_at, number}. */
function sign(token, filePath, options) {
  return upload(BASE + '/signing/' + encodeURIComponent(token), Object.assign({}, options, { auth: false, filePath, name: 'image' }))
}

/**
 * The sign token of a signing link: `?token=` when the page is opened directly, or the `q` parameter WeChat
 * passes when a scanned link QR (REGISTRATION_SIGN_URL?token=…) opens the mini-program.
 */
function signTokenFrom(query) {
  const q = query || {}
  if (q.token) return String(q.token)
  if (q.q) {
    let link = String(q.q)
    try {
      link = decodeURIComponent(link)
    } catch (err) {
      // not encoded: use as is
    }
    const m = /[?&]token=([^&#]+)/.exec(link)
    if (m) return decodeURIComponent(m[1])
  }
  return ''
}

module.exports = {
  getCatalog,
  checkName,
  create,
  list,
  getRegistration,
  setBusinessType,
  saveName,
  saveOperator,
  saveBasic,
  documentUrl,
  confirm,
  realname,
  signerQrUrl,
  submit,
  reopen,
  withdraw,
  getLicense,
  uploadIdPhoto,
  getSigning,
  signingDocumentUrl,
  sign,
  signTokenFrom,
}
