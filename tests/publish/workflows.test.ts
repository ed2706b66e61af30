/**
 * The GitHub workflows are checked offline against the Actions workflow schema, with GitHub's own
 * parser, and every `npm run` they call must exist: a typo would otherwise surface only on GitHub.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '#tools/fixture-site.ts';

const WORKFLOWS = ['deploy.yml', 'checks.yml'];

interface Step {
  uses?: string;
  run?: string;
}
interface Job {
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

async function schemaErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (parsed.value === undefined) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  // Conversion repeats the parse errors and adds its own (e.g. a bad cron or a job cycle).
  return [...new Set([...errors, ...(template.errors ?? []).map((error) => error.Message)])];
}

async function readWorkflow(name: string): Promise<{ text: string; workflow: Workflow }> {
  const text = await readFile(join(projectRoot, '.github/workflows', name), 'utf8');
  return { text, workflow: parseYaml(text) as Workflow };
}

const steps = (workflow: Workflow): Step[] => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);

describe('workflow schema check', () => {
  it('rejects a misspelt key, so a clean result means something', async () => {
    const misspelt =
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n        wiht: { fetch-depth: 0 }\n';
    expect(await schemaErrors('misspelt.yml', misspelt)).toEqual([expect.stringContaining("Unexpected value 'wiht'")]);
  });
});

describe.each(WORKFLOWS)('.github/workflows/%s', (name) => {
  it('is a valid GitHub Actions workflow', async () => {
    const { text } = await readWorkflow(name);
    expect(await schemaErrors(name, text)).toEqual([]);
  });

  it('runs only npm scripts that package.json defines', async () => {
    const { workflow } = await readWorkflow(name);
    const packageJson = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const commands = steps(workflow).flatMap((step) => (step.run ?? '').split('\n'));
    const scripts = commands.flatMap((command) => [...command.matchAll(/\bnpm (?:run )?([\w:-]+)/g)].map((match) => match[1] ?? ''));
    const npmBuiltins = new Set(['ci', 'install', 'audit']);
    const used = scripts.filter((script) => !npmBuiltins.has(script));
    expect(used.length).toBeGreaterThan(0);
    for (const script of used) expect(packageJson.scripts, `npm run ${script}`).toHaveProperty([script]);
  });

  it('pins every action to a major version and keeps the node version in .nvmrc', async () => {
    const { workflow } = await readWorkflow(name);
    const actions = steps(workflow).flatMap((step) => (step.uses === undefined ? [] : [step.uses]));
    for (const action of actions) expect(action).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
    const setupNode = steps(workflow).find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode).toMatchObject({ with: { 'node-version-file': '.nvmrc', cache: 'npm' } });
  });

  it('grants read-only repository access by default', async () => {
    const { workflow } = await readWorkflow(name);
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });
});

describe('deploy workflow', () => {
  it('builds on push to main with the Pages origin and base path, and deploys with the official Pages actions', async () => {
    const { workflow } = await readWorkflow('deploy.yml');
    expect(workflow.on).toHaveProperty('push', { branches: ['main'] });
    const actions = steps(workflow).map((step) => step.uses?.replace(/@.*/, ''));
    expect(actions).toEqual(expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']));
    const build = steps(workflow).find((step) => step.run === 'npm run build') as Step & { env?: Record<string, string> };
    expect(build.env).toEqual({
      SITE_URL: "${{ vars.DEPLOY_TARGET == 's3' && vars.SITE_URL || steps.pages.outputs.origin }}",
      BASE_PATH: "${{ vars.DEPLOY_TARGET == 's3' && (vars.BASE_PATH || '/') || format('{0}/', steps.pages.outputs.base_path) }}",
    });
    // Only the job that publishes may write to Pages.
    expect(workflow.jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs.build).toBeDefined();
    expect(workflow.jobs.build?.permissions).toBeUndefined();
  });

  it('deploys to an S3-compatible bucket instead when DEPLOY_TARGET is s3, its secrets in that step alone', async () => {
    const { workflow } = await readWorkflow('deploy.yml');
    type Conditional = Step & { if?: string; env?: Record<string, string> };
    const buildSteps = (workflow.jobs.build?.steps ?? []) as Conditional[];
    const s3 = buildSteps.filter((step) => step.run === 'npm run deploy:s3');
    expect(s3).toEqual([expect.objectContaining({ if: "vars.DEPLOY_TARGET == 's3'" })]);
    expect(Object.keys(s3[0]?.env ?? {}).sort()).toEqual([
      'S3_ACCESS_KEY_ID',
      'S3_BUCKET',
      'S3_ENDPOINT',
      'S3_REGION',
      'S3_SECRET_ACCESS_KEY',
    ]);
    expect(buildSteps.filter((step) => JSON.stringify(step).includes('secrets.'))).toEqual(s3);
    expect(buildSteps.indexOf(s3[0]!)).toBeGreaterThan(buildSteps.findIndex((step) => step.run === 'npm run build'));
    // Pages is left alone: not configured, not uploaded to, not deployed.
    for (const step of buildSteps.filter((step) => /configure-pages|upload-pages-artifact/.test(step.uses ?? ''))) {
      expect(step.if).toBe("vars.DEPLOY_TARGET != 's3'");
    }
    expect((workflow.jobs.deploy as Job & { if?: string }).if).toBe("vars.DEPLOY_TARGET != 's3'");
  });

  it('checks lint, types and the unit and site tiers before building, and no browser tier that timing could fail', async () => {
    const { workflow } = await readWorkflow('deploy.yml');
    const commands = (workflow.jobs.build?.steps ?? []).flatMap((step) => (step.run === undefined ? [] : [step.run]));
    const build = commands.indexOf('npm run build');
    for (const check of ['npm run lint', 'npm run typecheck', 'npm run test:unit', 'npm run test:site']) {
      expect(commands.indexOf(check), check).toBeGreaterThanOrEqual(0);
      expect(commands.indexOf(check), `${check} before npm run build`).toBeLessThan(build);
    }
    expect(commands.filter((command) => /\bnpm (?:run )?test(?!:unit|:site)\b/.test(command))).toEqual([]);
  });

  it('has pull requests run the whole suite, browser tier included', async () => {
    const { workflow } = await readWorkflow('checks.yml');
    expect(steps(workflow).map((step) => step.run)).toContain('npm test');
  });

  it('keeps pull requests away from the deploy', async () => {
    const { workflow } = await readWorkflow('checks.yml');
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(steps(workflow).map((step) => step.uses ?? '')).not.toContainEqual(expect.stringContaining('deploy-pages'));
  });
});
