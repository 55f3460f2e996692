// wx.uploadFile through the same token / envelope / refresh pipeline as utils/request.js.
const config = require('../config')
const { perform, fullUrl, networkError } = require('./request')

/**
 * upload(url, {filePath, name = 'file', formData, auth, showError, loading}) → Promise of the data.
 * wx.uploadFile has no JSON body: extra fields go in formData (all values sent as strings).
 */
function upload(url, options) {
  const { filePath, name = 'file', formData = {} } = options
  const transport = header =>
    new Promise((resolve, reject) => {
      wx.uploadFile({
        url: fullUrl(url),
        filePath,
        name,
        formData,
        header,
        timeout: config.timeout,
        success: res => resolve({ statusCode: res.statusCode, data: res.data }),
        fail: err => reject(networkError(err)),
      })
    })
  return perform(transport, options)
}

module.exports = { upload }
