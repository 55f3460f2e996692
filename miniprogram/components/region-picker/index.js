// 归属地 picker: a multiSelector cascade 省 → 市 → 区县 over GET /regions.
// Emits `regionchange` with {code, name, path: [{code, name}]}; `code` is the deepest chosen region.
const regions = require('../../utils/regions')

const MAX_DEPTH = 3

Component({
  properties: {
    value: { type: String, value: '' },
    placeholder: { type: String, value: '请选择归属地' },
    disabled: { type: Boolean, value: false },
  },

  data: {
    loading: true,
    failed: false,
    columns: [],
    indexes: [],
    label: '',
  },

  lifetimes: {
    attached() {
      this.load()
    },
  },

  methods: {
    load() {
      this.setData({ loading: true, failed: false })
      return regions
        .loadRegions()
        .then(tree => {
          this.tree = tree || []
          this.depth = Math.min(MAX_DEPTH, regions.treeDepth(this.tree)) || 1
          const path = regions.findPath(this.tree, this.data.value)
          const indexes = this.indexesOf(path)
          const built = regions.buildColumns(this.tree, indexes, this.depth)
          this.setData({
            loading: false,
            columns: built.columns,
            indexes: built.indexes,
            label: path.length ? regions.pathLabel(path) : '',
          })
        })
        .catch(() => {
          this.setData({ loading: false, failed: true })
        })
    },

    indexesOf(path) {
      const indexes = []
      let level = this.tree
      path.forEach(node => {
        const index = level.findIndex(item => item.code === node.code)
        indexes.push(index < 0 ? 0 : index)
        level = node.children || []
      })
      return indexes
    },

    onColumnChange(e) {
      const { column, value } = e.detail
      const indexes = this.data.indexes.slice(0, column)
      indexes[column] = value
      const built = regions.buildColumns(this.tree, indexes, this.depth)
      this.setData({ columns: built.columns, indexes: built.indexes })
    },

    onChange(e) {
      const built = regions.buildColumns(this.tree, e.detail.value || [], this.depth)
      if (!built.path.length) return
      const last = built.path[built.path.length - 1]
      const label = regions.pathLabel(built.path)
      this.setData({ indexes: built.indexes, columns: built.columns, label })
      this.triggerEvent('regionchange', {
        code: last.code,
        name: label,
        path: built.path.map(node => ({ code: node.code, name: node.name })),
      })
    },
  },
})
