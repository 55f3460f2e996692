// Files the API serves only to their owner (appeal photos, reply files): <image src> cannot send the
// token, so they are downloaded with it and then shown (images) or opened (documents). Links of an appeal
// query by code + password are signed and expire (410 after 30 minutes).
const config = require('../config')
const session = require('./session')

function absolute(url) {
  return /^https?:\/\//.test(url) ? url : config.apiBase + url
}

/** Download `file` ({url, content_type}) with the token, then preview or open it. Resolves true when shown. */
function openFile(file) {
  if (!file || !file.url) return Promise.resolve(false)
  const token = session.getAccessToken()
  wx.showLoading({ title: '加载中', mask: true })
  return new Promise(resolve => {
    wx.downloadFile({
      url: absolute(file.url),
      header: token ? { Authorization: 'Bearer ' + token } : {},
      success: res => {
        wx.hideLoading()
        if (res.statusCode !== 200) {
          const title = res.statusCode === 401 ? '登录已过期，请重新进入页面'
            : res.statusCode === 410 ? '文件链接已过期，请重新查询' : '文件加载失败'
          wx.showToast({ title, icon: 'none' })
          resolve(false)
          return
        }
        if (/^image\//.test(file.content_type || '')) {
          wx.previewImage({ urls: [res.tempFilePath], current: res.tempFilePath })
        } else {
          wx.openDocument({ filePath: res.tempFilePath, showMenu: true, fail: () => wx.showToast({ title: '无法打开该文件', icon: 'none' }) })
        }
        resolve(true)
      },
      fail: () => {
        wx.hideLoading()
        wx.showToast({ title: '文件加载失败', icon: 'none' })
        resolve(false)
      },
    })
  })
}

module.exports = { openFile }
