// 法律法规 detail: see utils/article-pages.js.
Page(require('../../../utils/article-pages').detailPage('laws'))
