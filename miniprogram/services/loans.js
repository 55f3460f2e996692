// 金融支持: loan products and this business's applications, /api/v1/mp/loans (docs/loans.md).
// Money is a string in 元 ("300000.00"); products also carry amount_label, rate_label, term_label.
const { get, post } = require('../utils/request')

/** GET /loans/options → {guarantee_types: [{value,label}], institutions: [{id,name}], statuses}. */
function getOptions(options) {
  return get('/loans/options', undefined, options)
}

/** GET /loans/products?guarantee_type&institution_id&q&cursor&limit → {items, next}. */
function listProducts(params, options) {
  return get('/loans/products', params, options)
}

/** GET /loans/products/{id} → product with institution contacts, my_application, can_apply. */
function getProduct(id, options) {
  return get('/loans/products/' + id, undefined, options)
}

/** POST /loans/products/{id}/apply {amount (元), purpose?, contact_name?, contact_phone?} → application. */
function apply(productId, data, options) {
  return post('/loans/products/' + productId + '/apply', data, options)
}

/** GET /loans/applications?status&cursor&limit → {items, next}. */
function listApplications(params, options) {
  return get('/loans/applications', params, options)
}

/** GET /loans/applications/{id} → application with timeline and allowed_actions. */
function getApplication(id, options) {
  return get('/loans/applications/' + id, undefined, options)
}

/** POST /loans/applications/{id}/withdraw {note?}: only while 已提交. */
function withdraw(id, note, options) {
  return post('/loans/applications/' + id + '/withdraw', note ? { note } : {}, options)
}

module.exports = { getOptions, listProducts, getProduct, apply, listApplications, getApplication, withdraw }
