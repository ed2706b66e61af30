/**
 * The names stages as the pipeline runs them: extraction per article (in `processDump`, cached with
 * its dump), then one resolution pass over the whole archive, both under one project's rules.
 */
import type { ArticleTags } from '../extract.ts';
import { unregisteredNames } from '../resolve.ts';
import { loadCuration } from './curation.ts';
import { rankByDoubt } from './doubt.ts';
import { compileRules, projectRules, type NameRules } from './rules.ts';

export interface NameStage {
  rules: NameRules;
}

export function defaultNameStage(): NameStage {
  return { rules: projectRules() };
}

/** The names stage for the project at `root`: its curation compiled (an IngestError if a file is wrong). */
export function openNameStage(root: string): NameStage {
  return { rules: compileRules(loadCuration(root)) };
}

/** How many names `--report` lists unless told otherwise: a review session's worth, most doubtful first. */
export const REPORT_NAMES = 50;

const CURATION = 'content/names';
const stories = (count: number) => `${count} ${count === 1 ? 'story' : 'stories'}`;
const signed = (weight: number) => (weight > 0 ? `+${weight}` : `${weight}`);

/**
 * `--report` lines: the `limit` most doubtful people the registry does not list yet, each with
 * the reasons for its doubt and the file that corrects it, then how many more there are.
 */
export function namesReport(
  articles: readonly { path: string; frontmatter: ArticleTags }[],
  stage: NameStage,
  limit = REPORT_NAMES,
): string[] {
  const ids = articles.map((article) => article.path.replace(/\.mdx$/, ''));
  const names = unregisteredNames(
    ids,
    articles.map((article) => article.frontmatter),
    stage.rules,
  );
  if (names.length === 0) return [];
  const ranked = rankByDoubt(
    names,
    stage.rules.curation.people.map((person) => person.name),
  );
  const shown = ranked.slice(0, limit);
  const lines = [
    `names ${ranked.length} not in ${CURATION}/people.yaml, most doubtful first (doubt: the sum of the weights of its reasons)`,
    ...shown.map((name) => {
      const reasons = name.reasons.map((reason) => `${signed(reason.weight)} ${reason.why}`).join(', ');
      const fix =
        name.sameAs !== undefined
          ? `if one person, list one name as the other's alias in ${CURATION}/people.yaml`
          : `${name.score > 0 ? '' : 'likely a person; '}if not a person, add it to ${CURATION}/not-people.yaml`;
      return `name  doubt ${name.score}  ${name.name}  (${stories(name.articles)}, first ${name.firstArticle}): ${reasons} -> ${fix}`;
    }),
  ];
  const rest = ranked.length - shown.length;
  if (rest > 0) lines.push(`names and ${rest} more, less doubtful (\`--names all\` lists every one)`);
  return lines;
}
