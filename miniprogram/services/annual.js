// 年度报告 of the current business: /api/v1/mp/annual-report (docs/home.md).
const { get } = require('../utils/request')

/**
 * GET /annual-report → {year, window: {start, end, open, days_left}, required, status, status_label,
 * reminder, url, history: [{year, status, status_label, reported_on, note}]}.
 */
function getAnnualReport(options) {
  return get('/annual-report', undefined, options)
}

module.exports = { getAnnualReport }
