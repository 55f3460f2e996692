// 新闻资讯 list: see utils/article-pages.js.
Page(require('../../utils/article-pages').listPage('news'))
