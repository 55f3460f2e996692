// 扫码签到: scan the QR shown at the activity, then confirm who is checking in on the check-in page.
const wxa = require('./wx-async')

const CHECKIN_PAGE = '/pages/party/checkin/index'

/** wx.scanCode → open the check-in page with the scanned text (nothing when the person backs out). */
function scanToCheckin() {
  return wxa.scanQrCode().then(
    text => {
      if (!text) return false
      wx.navigateTo({ url: CHECKIN_PAGE + '?token=' + encodeURIComponent(text) })
      return true
    },
    err => {
      if (!wxa.isCancel(err)) wx.showToast({ title: '未识别到二维码，请重试', icon: 'none' })
      return false
    }
  )
}

module.exports = { CHECKIN_PAGE, scanToCheckin }
