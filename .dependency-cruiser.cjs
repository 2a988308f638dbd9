/**
 * The house's boundaries, checked by `npm run lint:deps` (part of `npm run lint`); decision 0029
 * gives the why. A planted violation of each rule is shown to fail in src/boundaries.test.ts.
 */

/**
 * The modules of src/server/modules, floor by floor from the ground up. A module imports only
 * modules on lower floors, so no two modules can import each other, directly or round a circle.
 * A new module gets a floor here before it can import or be imported.
 */
const FLOORS = [
  ['audit', 'health', 'spreadsheets'],
  ['idempotency', 'organizations'],
  ['people', 'directives', 'calendar'],
  ['auth'],
  ['tasks'],
  ['task-import', 'dashboard'],
  ['feedback', 'indicators'],
  ['open311', 'search'],
];

/**
 * Imports that break the floors, each named, to be removed, not added to. The two spreadsheet ones
 * went when spreadsheets became a format library on the ground floor (decision 0028).
 */
const KNOWN_EXCEPTIONS = [];

const TEST = '\\.test\\.ts$';
const SHIPPED = { path: '^src/', pathNot: [TEST, '^src/server/testing/'] };
const SHIPPED_SERVER = { path: '^src/(server|cli|shared)/', pathNot: [TEST, '^src/server/testing/'] };
/** Development packages that only tests and benchmarks use (the web app bundles the others). */
const TEST_PACKAGES = [
  'vitest',
  'fast-check',
  'ajv',
  'ajv-formats',
  'yaml',
  'playwright-core',
  '@playwright',
  '@axe-core',
  'autocannon',
  'dependency-cruiser',
];
const moduleFolder = (names) => `^src/server/modules/(${names.join('|')})/`;

const floorRules = FLOORS.flatMap((floor, level) =>
  floor.map((name) => {
    const exceptions = KNOWN_EXCEPTIONS.filter((exception) => exception.from === name).map((e) => e.to);
    return {
      name: 'module-floors',
      comment: `${name} imports only modules on lower floors (.dependency-cruiser.cjs FLOORS)`,
      severity: 'error',
      from: { path: `^src/server/modules/${name}/`, pathNot: TEST },
      to: {
        path: moduleFolder(
          FLOORS.slice(level)
            .flat()
            .filter((other) => other !== name),
        ),
        ...(exceptions.length > 0 ? { pathNot: moduleFolder(exceptions) } : {}),
      },
    };
  }),
);

/** The other rules: name, from, to, why. */
const RULES = [
  [
    'module-without-floor',
    {},
    { path: '^src/server/modules/', pathNot: moduleFolder(FLOORS.flat()) },
    'every module has a floor in FLOORS, so that the floors rule sees it (app.ts imports each one)',
  ],
  [
    'kernel-below-modules',
    { path: '^src/server/kernel/' },
    { path: '^src/(server/(modules|http|seed|testing)|cli|web)/' },
    'the kernel is what several modules share: it imports no module, route or seed',
  ],
  [
    'no-circular',
    { path: '^src/(server/(kernel|modules|http)|shared)/', pathNot: TEST },
    { circular: true, viaOnly: { pathNot: TEST } },
    'files of the kernel, the modules, http and shared never import each other round a circle',
  ],
  [
    'repository-imports-no-service',
    { path: '\\.repository\\.ts$' },
    { path: '\\.(service|routes)\\.ts$' },
    'routes → service → repository: a repository never calls back up',
  ],
  [
    'routes-import-no-repository',
    { path: '\\.routes\\.ts$' },
    { path: ['\\.repository\\.ts$', '^node_modules/kysely/'] },
    'routes call services; only repositories write SQL',
  ],
  [
    'shipped-code-imports-no-test-support',
    SHIPPED,
    { path: ['^src/server/testing/', TEST] },
    'test support and test files are not what ships',
  ],
  [
    'web-imports-no-test-package',
    { path: '^src/web/', pathNot: TEST },
    { path: `^node_modules/(${TEST_PACKAGES.join('|')})/` },
    'the web app bundles devDependencies, but never the test and benchmark tools among them',
  ],
  [
    'shipped-server-imports-no-dev-dependency',
    SHIPPED_SERVER,
    { dependencyTypes: ['npm-dev'] },
    'production installs dependencies only (the web app is bundled at build time, so it may use devDependencies)',
  ],
  [
    'shared-imports-no-server-or-web',
    { path: '^src/shared/' },
    { path: '^src/(server|web|cli)/' },
    'src/shared is used by server and web alike: it depends on neither',
  ],
  [
    'web-imports-no-server',
    { path: '^src/web/' },
    { path: '^src/(server|cli)/' },
    'the web app talks to the server over HTTP; what both need lives in src/shared',
  ],
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...floorRules,
    ...RULES.map(([name, from, to, comment]) => ({ name, comment, severity: 'error', from, to })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
