/**
 * The names stages as the pipeline runs them: extraction per article (in `processDump`, cached with
 * its dump), then one resolution pass over the whole archive, both under one project's rules.
 */
import type { ArticleTags } from '../extract.ts';
import { unregisteredNames } from '../resolve.ts';
import { loadCuration } from './curation.ts';
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

/** `--report` lines: people the registry does not list yet, for a maintainer to confirm or correct. */
export function namesReport(articles: readonly { path: string; frontmatter: ArticleTags }[], stage: NameStage): string[] {
  const ids = articles.map((article) => article.path.replace(/\.mdx$/, ''));
  return unregisteredNames(
    ids,
    articles.map((article) => article.frontmatter),
    stage.rules,
  ).map(
    (name) =>
      `name  ${name.name}  (${name.articles} ${name.articles === 1 ? 'story' : 'stories'}, first ${name.firstArticle}): not in content/names/people.yaml`,
  );
}
