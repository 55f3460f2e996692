// 风险预警 of the current business: /api/v1/mp/risk-records (docs/risk.md).
const { get } = require('../utils/request')

/** The three tabs: kind sent to the API → label. */
const KINDS = [
  { kind: 'serious', label: '严重违法' },
  { kind: 'abnormal', label: '列入异常' },
  { kind: 'penalty', label: '行政处罚' },
]

/**
 * GET /risk-records?kind=serious|abnormal|penalty&cursor&limit → {items, next}.
 * Listings: {id, kind_label, status, status_label, doc_no, list_reason, listed_on, list_org_name,
 * remove_reason, removed_on, remove_org_name}; penalties: {id, doc_no, penalty_name, penalty_type,
 * basis, violation_type, content, fine_amount, confiscated_amount, amount_unit, decided_on,
 * published_on, decision_org_name}.
 */
function listRecords(kind, params, options) {
  return get('/risk-records', Object.assign({ kind }, params), options)
}

module.exports = { KINDS, listRecords }
