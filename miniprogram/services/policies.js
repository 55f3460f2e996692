// 政策 and 免申即享: /api/v1/mp/policies and /api/v1/mp/benefits (docs/policies.md, SPEC C).
// Policies are those matched to the current business (newest publication first); their body is plain
// text and is rendered as text, never as HTML.
const { get, post } = require('../utils/request')

/** GET /policies?q&cursor&limit → {items, next}: published, unexpired, matching the current business. */
function listPolicies(params, options) {
  return get('/policies', params, options)
}

/** GET /policies/{id} → policy; 404 POLICY_NOT_FOUND when not published or not matching. */
function getPolicy(id, options) {
  return get('/policies/' + id, undefined, options)
}

/** GET /benefits?status&cursor&limit → {items, next}: the current business's pushed items. */
function listBenefits(params, options) {
  return get('/benefits', params, options)
}

/** GET /benefits/{eid} → item with `timeline` and `actions`. */
function getBenefit(id, options) {
  return get('/benefits/' + id, undefined, options)
}

/** POST /benefits/{eid}/confirm: once (409 BENEFIT_ALREADY_CONFIRMED). */
function confirmBenefit(id, options) {
  return post('/benefits/' + id + '/confirm', {}, options)
}

module.exports = { listPolicies, getPolicy, listBenefits, getBenefit, confirmBenefit }
