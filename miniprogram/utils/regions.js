// Helpers over the 归属地 tree returned by GET /regions: [{code, name, children: [...]}].
const license = require('../services/license')

let cached = null

/** The region tree, fetched once per app run (a failed fetch is retried next time). */
function loadRegions() {
  if (!cached) {
    cached = license.getRegions({ showError: false }).catch(err => {
      cached = null
      throw err
    })
  }
  return cached
}

function resetRegionCache() {
  cached = null
}

/** Path of nodes from the root to the node with `code`, or [] when absent. */
function findPath(tree, code) {
  if (!code) return []
  for (let i = 0; i < (tree || []).length; i++) {
    const node = tree[i]
    if (node.code === code) return [node]
    const sub = findPath(node.children, code)
    if (sub.length) return [node].concat(sub)
  }
  return []
}

function pathLabel(path) {
  return path.map(node => node.name).join(' ')
}

/**
 * Columns for a multiSelector picker from the chosen index in each column.
 * Returns {columns: [[{code,name}]], indexes: [n], path: [node]}; depth follows the tree (≤ depth).
 */
function buildColumns(tree, indexes, depth) {
  const columns = []
  const chosen = []
  const path = []
  let level = tree || []
  for (let col = 0; col < depth; col++) {
    columns.push(level.map(node => ({ code: node.code, name: node.name })))
    if (!level.length) {
      chosen.push(0)
      level = []
      continue
    }
    let index = indexes[col] || 0
    if (index >= level.length) index = 0
    chosen.push(index)
    path.push(level[index])
    level = level[index].children || []
  }
  return { columns, indexes: chosen, path }
}

function treeDepth(tree) {
  let depth = 0
  ;(tree || []).forEach(node => {
    depth = Math.max(depth, 1 + treeDepth(node.children))
  })
  return depth
}

module.exports = { loadRegions, resetRegionCache, findPath, pathLabel, buildColumns, treeDepth }
