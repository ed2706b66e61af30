/**
 * The date-fns functions ingest uses, loaded as CommonJS: Node (22 and 26) resolves each ESM
 * subpath through date-fns's 200 KB exports map at ~0.2 s apiece, CommonJS all four in a fraction
 * of that.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const { format } = require('date-fns/format') as typeof import('date-fns/format');
export const { isValid } = require('date-fns/isValid') as typeof import('date-fns/isValid');
export const { parse } = require('date-fns/parse') as typeof import('date-fns/parse');
export const { parseISO } = require('date-fns/parseISO') as typeof import('date-fns/parseISO');
