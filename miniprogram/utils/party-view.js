// How 党员活动 read on screen: time range in China time, phase/status tag.
const { chinaDateTime } = require('./datetime')

function activityView(a) {
  const start = chinaDateTime(a.starts_at)
  const end = chinaDateTime(a.ends_at)
  const sameDay = start.slice(0, 10) === end.slice(0, 10)
  const cancelled = a.status === 'cancelled'
  return Object.assign({}, a, {
    timeText: start + ' 至 ' + (sameDay ? end.slice(11) : end),
    checkinText: chinaDateTime(a.checkin_opens_at) + ' 至 ' + chinaDateTime(a.checkin_closes_at),
    stateLabel: cancelled ? a.status_label || '已取消' : a.phase_label,
    stateTone: cancelled ? 'grey' : a.phase === 'ongoing' ? 'red' : a.phase === 'ended' ? 'grey' : 'blue',
  })
}

module.exports = { activityView }
