// 新闻资讯 detail: see utils/article-pages.js.
Page(require('../../../utils/article-pages').detailPage('news'))
