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
  ['audit', 'health'],
  ['idempotency', 'organizations', 'calendar'],
  ['people', 'directives'],
  ['auth', 'tasks'],
  ['spreadsheets'],
  ['dashboard'],
  ['feedback'],
  ['open311'],
];

/**
 * Imports that break the floors today, each named, to be removed, not added to. Both go when
 * spreadsheets becomes a format library that each module uses for its own exports: spreadsheets
 * then moves to the ground floor.
 */
const KNOWN_EXCEPTIONS = [
  { from: 'tasks', to: 'spreadsheets', why: 'the task list export and import live in spreadsheets' },
  { from: 'spreadsheets', to: 'dashboard', why: 'the dashboard workbook is written in spreadsheets' },
];

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

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...floorRules,
    {
      name: 'module-without-floor',
      comment: 'every module has a floor in FLOORS, so that the floors rule sees it (app.ts imports each one)',
      severity: 'error',
      from: {},
      to: { path: '^src/server/modules/', pathNot: moduleFolder(FLOORS.flat()) },
    },
    {
      name: 'kernel-below-modules',
      comment: 'the kernel is what several modules share: it imports no module, route or seed',
      severity: 'error',
      from: { path: '^src/server/kernel/' },
      to: { path: '^src/(server/(modules|http|seed|testing)|cli|web)/' },
    },
    {
      name: 'no-circular',
      comment: 'files of the kernel, the modules, http and shared never import each other round a circle',
      severity: 'error',
      from: { path: '^src/(server/(kernel|modules|http)|shared)/', pathNot: TEST },
      to: { circular: true, viaOnly: { pathNot: TEST } },
    },
    {
      name: 'repository-imports-no-service',
      comment: 'routes → service → repository: a repository never calls back up',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '\\.(service|routes)\\.ts$' },
    },
    {
      name: 'routes-import-no-repository',
      comment: 'routes call services; only repositories write SQL',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: ['\\.repository\\.ts$', '^node_modules/kysely/'] },
    },
    {
      name: 'shipped-code-imports-no-test-support',
      comment: 'test support and test files are not what ships',
      severity: 'error',
      from: SHIPPED,
      to: { path: ['^src/server/testing/', TEST] },
    },
    {
      name: 'web-imports-no-test-package',
      comment: 'the web app bundles devDependencies, but never the test and benchmark tools among them',
      severity: 'error',
      from: { path: '^src/web/', pathNot: TEST },
      to: { path: `^node_modules/(${TEST_PACKAGES.join('|')})/` },
    },
    {
      name: 'shipped-server-imports-no-dev-dependency',
      comment:
        'production installs dependencies only (the web app is bundled at build time, so it may use devDependencies)',
      severity: 'error',
      from: SHIPPED_SERVER,
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'shared-imports-no-server-or-web',
      comment: 'src/shared is used by server and web alike: it depends on neither',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(server|web|cli)/' },
    },
    {
      name: 'web-imports-no-server',
      comment: 'the web app talks to the server over HTTP; what both need lives in src/shared',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(server|cli)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
