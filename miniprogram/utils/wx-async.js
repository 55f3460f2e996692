// Promise wrappers over the callback-style wx APIs the pages use.

function call(name, options) {
  return new Promise((resolve, reject) => {
    wx[name](
      Object.assign({}, options, {
        success: resolve,
        fail: reject,
      })
    )
  })
}

/** True when a wx API failed because the person backed out (not an error worth showing). */
function isCancel(err) {
  return !!err && /cancel|deny|denied/i.test(err.errMsg || '')
}

/** wx.login → the one-time code for /auth/wechat or /me/wechat. */
function login() {
  return call('login', { timeout: 10000 }).then(res => {
    if (!res || !res.code) throw new Error('wx.login returned no code')
    return res.code
  })
}

/** wx.scanCode → the text inside the QR code. */
function scanQrCode() {
  return call('scanCode', { onlyFromCamera: false, scanType: ['qrCode'] }).then(res => res.result)
}

/** wx.chooseMedia (one image, camera or album) → its temp file path. */
function chooseImage() {
  return call('chooseMedia', {
    count: 1,
    mediaType: ['image'],
    sourceType: ['camera', 'album'],
    sizeType: ['compressed'],
  }).then(res => res.tempFiles[0].tempFilePath)
}

/** wx.chooseMessageFile (one PDF from a chat) → {path, name}. */
function choosePdf() {
  return call('chooseMessageFile', { count: 1, type: 'file', extension: ['pdf'] }).then(res => ({ path: res.tempFiles[0].path, name: res.tempFiles[0].name }))
}

/** wx.showModal → true when confirmed. */
function confirm(content, title = '提示') {
  return call('showModal', { title, content, confirmColor: '#c8161d' }).then(res => !!res.confirm)
}

/** wx.showActionSheet → the tapped index, or -1 when cancelled. */
function actionSheet(itemList) {
  return call('showActionSheet', { itemList }).then(
    res => res.tapIndex,
    err => {
      if (isCancel(err)) return -1
      throw err
    }
  )
}

module.exports = { call, isCancel, login, scanQrCode, chooseImage, choosePdf, confirm, actionSheet }
