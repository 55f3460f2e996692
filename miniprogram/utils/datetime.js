// Dates as people in China read them.
const CHINA_OFFSET_MS = 8 * 3600 * 1000

/** An ISO timestamp → 'YYYY-MM-DD' in China time; a bare date passes through; '' for nothing. */
function chinaDate(iso) {
  if (!iso) return ''
  const text = String(iso)
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text
  const ms = Date.parse(text)
  if (isNaN(ms)) return text.slice(0, 10)
  // A timestamp without an offset is taken as China time already.
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return text.slice(0, 10)
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** An ISO timestamp → 'YYYY-MM-DD HH:mm' in China time; '' for nothing. */
function chinaDateTime(iso) {
  if (!iso) return ''
  const text = String(iso)
  const ms = Date.parse(text)
  if (isNaN(ms) || !/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return text.replace('T', ' ').slice(0, 16)
  return new Date(ms + CHINA_OFFSET_MS).toISOString().replace('T', ' ').slice(0, 16)
}

module.exports = { chinaDate, chinaDateTime }
