// Files the API serves as bytes (PDF documents, PNG QR codes) that <image src> / a link cannot fetch with the
// token: wx.downloadFile with `Authorization`, then open or show the temp file.
const session = require('./session')

function failMessage(statusCode, what) {
  if (statusCode === 401) return '登录已过期，请重新进入页面'
  if (statusCode === 404) return what + '不存在或已失效'
  return what + '加载失败'
}

/**
 * download(url, {auth = true, what = '文件'}) → Promise of the temp file path, or '' when it failed
 * (a toast said why unless `quiet`).
 */
function download(url, options = {}) {
  const what = options.what || '文件'
  const token = options.auth === false ? '' : session.getAccessToken()
  return new Promise(resolve => {
    wx.downloadFile({
      url,
      header: token ? { Authorization: 'Bearer ' + token } : {},
      success: res => {
        if (res.statusCode !== 200) {
          if (!options.quiet) wx.showToast({ title: failMessage(res.statusCode, what), icon: 'none' })
          resolve('')
          return
        }
        resolve(res.tempFilePath)
      },
      fail: () => {
        if (!options.quiet) wx.showToast({ title: what + '下载失败', icon: 'none' })
        resolve('')
      },
    })
  })
}

/** Download a PDF (with the token unless auth: false) and open it with wx.openDocument. Resolves true when opened. */
function openPdf(url, options = {}) {
  const what = options.what || '文书'
  wx.showLoading({ title: '下载中', mask: true })
  return download(url, Object.assign({}, options, { what })).then(path => {
    wx.hideLoading()
    if (!path) return false
    return new Promise(resolve => {
      wx.openDocument({
        filePath: path,
        fileType: 'pdf',
        showMenu: true,
        success: () => resolve(true),
        fail: () => {
          wx.showToast({ title: '无法打开' + what, icon: 'none' })
          resolve(false)
        },
      })
    })
  })
}

module.exports = { download, openPdf }
