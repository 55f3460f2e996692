// Money as the loans API wants it: a string in 元 with two decimals; people type 万元.

/** '12.5' 万元 → '125000.00' 元, or '' when it is not a positive number with at most 4 decimals. */
function wanToYuan(text) {
  const value = String(text || '').trim()
  if (!/^\d+(\.\d{1,4})?$/.test(value)) return ''
  const fen = Math.round(Number(value) * 1000000) // 1 万元 = 1 000 000 分
  if (!fen) return ''
  return (fen / 100).toFixed(2)
}

module.exports = { wanToYuan }
