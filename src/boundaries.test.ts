import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IFlattenedRuleSet } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as {
  forbidden: IFlattenedRuleSet['forbidden'];
};

/**
 * A small tree with one planted violation of each boundary rule beside imports the rules allow,
 * cruised with the project's own configuration: each rule must name its violation, and nothing else.
 */
const PLANTED: Record<string, string> = {
  'package.json': JSON.stringify({ dependencies: { kysely: '*' }, devDependencies: { vitest: '*' } }),
  'node_modules/kysely/package.json': JSON.stringify({ name: 'kysely', main: 'index.js' }),
  'node_modules/kysely/index.js': '',
  'node_modules/vitest/package.json': JSON.stringify({ name: 'vitest', main: 'index.js' }),
  'node_modules/vitest/index.js': '',
  // Allowed: a module imports lower floors and the kernel; a test imports anything.
  'src/server/kernel/principal.ts': 'export const SYSTEM = 1;',
  'src/server/modules/audit/audit.service.ts': "import '../../kernel/principal.ts';",
  'src/server/modules/tasks/tasks.service.ts': "import '../audit/audit.service.ts'; import './tasks.repository.ts';",
  'src/server/modules/tasks/tasks.repository.ts': "import 'kysely';",
  'src/server/modules/tasks/tasks.test.ts':
    "import 'vitest'; import '../../testing/world.ts'; import '../open311/x.ts';",
  'src/server/testing/world.ts': "import 'vitest';",
  // Planted.
  'src/server/modules/people/people.service.ts': "import '../auth/auth.service.ts';",
  'src/server/modules/auth/auth.service.ts': "import '../people/people.service.ts';",
  'src/server/modules/open311/x.ts': '',
  'src/server/modules/audit/audit.repository.ts': "import './audit.service.ts';",
  'src/server/modules/audit/audit.routes.ts': "import './audit.repository.ts'; import 'kysely';",
  'src/server/modules/organizations/organizations.service.ts': "import '../../testing/world.ts'; import 'vitest';",
  'src/server/modules/portal/portal.service.ts': '',
  'src/server/app.ts': "import './modules/portal/portal.service.ts';",
  'src/server/kernel/scope.ts': "import '../modules/audit/audit.service.ts'; import './circle.ts';",
  'src/server/kernel/circle.ts': "import './scope.ts';",
  'src/shared/rule.ts': "import '../server/kernel/principal.ts';",
  'src/web/page.tsx': "import '../server/app.ts'; import 'vitest';",
};

const EXPECTED = [
  'kernel-below-modules: src/server/kernel/scope.ts → src/server/modules/audit/audit.service.ts',
  'module-floors: src/server/modules/people/people.service.ts → src/server/modules/auth/auth.service.ts',
  'module-without-floor: src/server/app.ts → src/server/modules/portal/portal.service.ts',
  'no-circular: src/server/kernel/circle.ts → src/server/kernel/scope.ts',
  'no-circular: src/server/modules/auth/auth.service.ts → src/server/modules/people/people.service.ts',
  'repository-imports-no-service: src/server/modules/audit/audit.repository.ts → src/server/modules/audit/audit.service.ts',
  'routes-import-no-repository: src/server/modules/audit/audit.routes.ts → node_modules/kysely/index.js',
  'routes-import-no-repository: src/server/modules/audit/audit.routes.ts → src/server/modules/audit/audit.repository.ts',
  'shared-imports-no-server-or-web: src/shared/rule.ts → src/server/kernel/principal.ts',
  'shipped-code-imports-no-test-support: src/server/modules/organizations/organizations.service.ts → src/server/testing/world.ts',
  'shipped-server-imports-no-dev-dependency: src/server/modules/organizations/organizations.service.ts → node_modules/vitest/index.js',
  'web-imports-no-server: src/web/page.tsx → src/server/app.ts',
  'web-imports-no-test-package: src/web/page.tsx → node_modules/vitest/index.js',
];

describe('module boundaries (.dependency-cruiser.cjs)', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'boundaries-'));
    for (const [path, text] of Object.entries(PLANTED)) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), text);
    }
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('names each planted violation under its rule, and no allowed import', async () => {
    const { output } = await cruise(['src'], {
      baseDir: root,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
      doNotFollow: { path: 'node_modules' },
      tsPreCompilationDeps: true,
    });
    const found = (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect([...new Set(found)].sort()).toEqual(EXPECTED);
  });
});
