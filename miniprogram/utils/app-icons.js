// Home app icons. The catalogue names an icon by a key ("policy", "gift", …); the mini-program draws it
// as a coloured tile with one character, so staff can add apps without shipping images. An icon that
// is an image address (https://…, /assets/…png) is shown as that image.
const ICONS = {
  policy: { glyph: '政', color: '#c8161d' },
  gift: { glyph: '惠', color: '#e8590c' },
  bank: { glyph: '融', color: '#1d5fbf' },
  report: { glyph: '报', color: '#2f9e44' },
  medal: { glyph: '优', color: '#d4a017' },
  message: { glyph: '诉', color: '#1098ad' },
  warning: { glyph: '警', color: '#e03131' },
  flag: { glyph: '党', color: '#c8161d' },
  news: { glyph: '新', color: '#1d5fbf' },
  law: { glyph: '法', color: '#5f3dc4' },
  shield: { glyph: '信', color: '#2b8a3e' },
  stamp: { glyph: '登', color: '#e8590c' },
}
const FALLBACK_COLORS = ['#c8161d', '#1d5fbf', '#2f9e44', '#e8590c', '#5f3dc4', '#1098ad']

function isImage(icon) {
  return /^(https?:\/\/|\/)/.test(icon || '') || /\.(png|jpe?g|gif|svg|webp)$/i.test(icon || '')
}

/** {image} for an image icon, otherwise {glyph, color}. */
function iconFor(app) {
  const icon = (app && app.icon) || ''
  if (isImage(icon)) return { image: icon, glyph: '', color: '' }
  const known = ICONS[icon]
  if (known) return { image: '', glyph: known.glyph, color: known.color }
  const name = (app && app.name) || '应'
  const code = (app && app.code) || name
  let sum = 0
  for (let i = 0; i < code.length; i++) sum += code.charCodeAt(i)
  return { image: '', glyph: name.charAt(0), color: FALLBACK_COLORS[sum % FALLBACK_COLORS.length] }
}

/** The app with its icon resolved and, when given, a display badge ('99+' above 99, '' for none). */
function decorate(app) {
  const count = Number(app.badge_count) || 0
  return Object.assign({}, app, iconFor(app), { badgeText: count > 0 ? (count > 99 ? '99+' : String(count)) : '' })
}

module.exports = { ICONS, iconFor, decorate }
