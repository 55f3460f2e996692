// Render a mini-program page with miniprogram-simulate.
//
// miniprogram-simulate renders custom components; a page is rendered as one: the `Page({...})`
// definition is captured, its data becomes the component's data, its functions its methods, and
// attaching it runs onLoad(query) then onShow() the way the framework does when a page opens.
const fs = require('fs')
const path = require('path')
const simulate = require('miniprogram-simulate')

const ROOT = path.resolve(__dirname, '../..')
const definitions = new Map()
const componentIds = new Map()

function pageDefinition(route) {
  if (!definitions.has(route)) {
    let captured = null
    const previous = global.Page
    global.Page = def => {
      captured = def
    }
    try {
      require(path.join(ROOT, route + '.js'))
    } finally {
      global.Page = previous
    }
    if (!captured) throw new Error(route + '.js did not call Page()')
    definitions.set(route, captured)
  }
  return definitions.get(route)
}

// Custom components are loaded once per test file (their module stays cached by jest).
function componentId(absPath, tagName) {
  if (!componentIds.has(absPath)) {
    componentIds.set(absPath, simulate.load(absPath, tagName, { compiler: 'simulate', rootPath: ROOT }))
  }
  return componentIds.get(absPath)
}

/** loadPage('pages/auth/login/index', {query}) → the rendered page (a j-component root). */
function loadPage(route, { query = {} } = {}) {
  const def = pageDefinition(route)
  const json = JSON.parse(fs.readFileSync(path.join(ROOT, route + '.json'), 'utf8'))
  const usingComponents = {}
  Object.keys(json.usingComponents || {}).forEach(tag => {
    const ref = json.usingComponents[tag]
    const abs = ref.startsWith('/') ? path.join(ROOT, ref) : path.join(ROOT, path.dirname(route), ref)
    usingComponents[tag] = componentId(abs, tag)
  })

  const methods = {}
  Object.keys(def).forEach(key => {
    if (typeof def[key] === 'function') methods[key] = def[key]
  })
  const id = simulate.load({
    template: fs.readFileSync(path.join(ROOT, route + '.wxml'), 'utf8'),
    usingComponents,
    data: JSON.parse(JSON.stringify(def.data || {})),
    methods,
    lifetimes: {
      attached() {
        this.options = query
        if (this.onLoad) this.__loaded = this.onLoad(query)
        if (this.onShow) this.__shown = this.onShow()
      },
    },
  })
  const page = simulate.render(id)
  page.attach(document.createElement('parent-wrapper'))
  return page
}

/** Let pending promise callbacks and timers run. */
async function flush(times = 5) {
  for (let i = 0; i < times; i++) {
    await new Promise(resolve => setTimeout(resolve, 0))
  }
}

/** Text of the first node matching `selector`, or null when it is not rendered. */
function textOf(page, selector) {
  const node = page.querySelector(selector)
  return node ? node.dom.textContent.trim() : null
}

function exists(page, selector) {
  return !!page.querySelector(selector)
}

/** A WXML attribute as written on the node (built-in components keep them in the JSON view). */
function attr(page, selector, name) {
  const node = page.querySelector(selector)
  if (!node) return null
  const found = (node.toJSON().attrs || []).find(a => a.name === name)
  return found ? found.value : null
}

// j-component delivers events on a microtask, so these resolve once the handler has started.
async function trigger(page, selector, eventName, detail) {
  const node = page.querySelector(selector)
  if (!node) throw new Error('no node at ' + selector + ' for ' + eventName)
  node.dispatchEvent(eventName, detail === undefined ? {} : { detail })
  await flush()
}

function tap(page, selector) {
  return trigger(page, selector, 'tap')
}

function input(page, selector, value) {
  return trigger(page, selector, 'input', { value })
}

module.exports = { ROOT, loadPage, flush, textOf, exists, attr, trigger, tap, input }
