// 新闻资讯 and 法律法规: /api/v1/mp/news and /api/v1/mp/laws (docs/content.md). Published items only.
const { get } = require('../utils/request')

const RESOURCES = { news: '/news', laws: '/laws' }

function base(res) {
  const path = RESOURCES[res]
  if (!path) throw new Error('unknown content resource ' + res)
  return path
}

/**
 * GET /{news|laws}?q&category&cursor&limit → {items: [{id, title, summary, category_label,
 * published_at, view_count, cover, (laws:) issuer, doc_number, effective_date, validity_label}], next}.
 */
function listArticles(res, params, options) {
  return get(base(res), params, options)
}

/** GET /{news|laws}/{id} → the item plus body_html, attachments (laws: interpretation_html). */
function getArticle(res, id, options) {
  return get(base(res) + '/' + id, undefined, options)
}

module.exports = { listArticles, getArticle }
