// A small lint rule for Lanyard's import boundaries (STYLE.md habit 13): each top-level folder
// says which folders and packages its files may import. Relative imports are resolved against
// the importing file, so `../../electron/x` from shared/ is caught however it is spelled.
import { dirname, relative, resolve } from 'node:path'

const root = process.cwd()

function packageName(specifier) {
  if (specifier.startsWith('@')) return specifier.split('/').slice(0, 2).join('/')
  return specifier.split('/')[0]
}

function folderOf(absolutePath) {
  return relative(root, absolutePath).split(/[\\/]/)[0] + '/'
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps shared/ and renderer/ inside their import boundaries.' },
    schema: [{ type: 'object' }],
    messages: {
      folder: '{{from}} may not import from {{to}} ({{specifier}}).',
      package: '{{from}} may not import the package "{{name}}".',
    },
  },
  create(context) {
    const policies = context.options[0] ?? {}
    const filename = context.filename
    const from = folderOf(filename)
    const policy = policies[from]
    if (!policy) return {}

    function check(node, specifier) {
      if (typeof specifier !== 'string') return
      if (specifier.startsWith('.')) {
        const to = folderOf(resolve(dirname(filename), specifier))
        if (!policy.allowFolders.includes(to)) {
          context.report({ node, messageId: 'folder', data: { from, to, specifier } })
        }
        return
      }
      const name = specifier.startsWith('node:') ? specifier : packageName(specifier)
      const denied = policy.allowPackages ? !policy.allowPackages.includes(name) : policy.denyPackages.includes(name)
      if (denied) context.report({ node, messageId: 'package', data: { from, name } })
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    }
  },
}

export default { rules: { 'import-boundaries': rule } }
