/**
 * Import-cycle check (`npm run check:cycles`, issue 17). Type-only imports count: a cycle that
 * exists only in types still ties two modules' designs together. Workspace imports (`@fiscus/*`)
 * resolve through each package's `exports` to its src/, so cycles across packages show up too.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycle: move the shared piece into a module both sides import (docs/architecture.md).',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
