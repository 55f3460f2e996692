// 法律法规 list: see utils/article-pages.js.
Page(require('../../utils/article-pages').listPage('laws'))
