/**
 * The date-fns functions ingest uses, loaded as CommonJS: Node resolves each ESM subpath
 * through date-fns's large exports map, which is slow; CommonJS skips it.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const { differenceInCalendarDays } =
  require('date-fns/differenceInCalendarDays') as typeof import('date-fns/differenceInCalendarDays');
export const { format } = require('date-fns/format') as typeof import('date-fns/format');
export const { isValid } = require('date-fns/isValid') as typeof import('date-fns/isValid');
export const { parse } = require('date-fns/parse') as typeof import('date-fns/parse');
export const { parseISO } = require('date-fns/parseISO') as typeof import('date-fns/parseISO');
