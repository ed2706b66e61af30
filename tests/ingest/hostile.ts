/** Text a scraped page can hold that Markdown, MDX, JSX, HTML or YAML would read as syntax. */
import fc from 'fast-check';

const SYNTAX = [
  '{',
  '}',
  '{props.x}',
  '<script>alert(1)</script>',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '<b>',
  '<Foo />',
  'import x from "y"',
  'export const a = 1',
  '*',
  '**',
  '_',
  '__init__',
  '#',
  '## ',
  '1.',
  '1)',
  '- ',
  '+ ',
  '>',
  '> quote',
  '\\',
  '\\\\',
  '`',
  '```',
  '~~~',
  '&amp;',
  '&lt;',
  '&#123;',
  '&nbsp;',
  '-->',
  '<!--',
  '---',
  '===',
  '[link](javascript:alert(1))',
  '![img](x)',
  '<https://example.com>',
  '|',
  '| a | b |',
  '$',
  '%',
  '"',
  "'",
  ':',
  'title: "x"',
  '😀',
  '👩‍👩‍👧',
  'مرحبا بالعالم',
  'שלום',
  '\u202e',
  'e\u0301',
  '[^1]',
  '[x]: y',
];

/** One line of hostile text: syntax fragments mixed with ordinary words and random Unicode, trimmed and non-empty. */
export const hostileLine = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...SYNTAX), weight: 4 },
      { arbitrary: fc.constantFrom('word', 'Trump', '2026', 'a'), weight: 2 },
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 1 },
    ),
    { minLength: 1, maxLength: 10 },
  )
  .chain((parts) =>
    fc
      .array(fc.constantFrom('', ' ', ' '), { minLength: parts.length, maxLength: parts.length })
      .map((gaps) => parts.map((part, index) => gaps[index] + part).join('')),
  )
  // Ingest trims lines and drops control characters; a generated line is what survives that.
  .map((text) => text.replace(/[\p{Cc}\u2028\u2029\uFEFF]/gu, '').trim())
  .filter((text) => text !== '' && text !== 'TT');

/** Names and text as the ingest may give them, and the words YAML reads as something other than text. */
export const frontmatterText = fc.oneof(
  hostileLine,
  fc.constantFrom(
    "Ann O'Neil",
    'José Álvarez',
    'Jean-Luc Picard',
    'W. Bush',
    'null',
    'True',
    'FALSE',
    'Yes',
    'No',
    'Null Island',
    'A: B',
    'A #b',
    'B ',
    '2026',
    '- x',
    '~',
    '__proto__',
    'constructor',
  ),
  fc.string({
    unit: fc.constantFrom(
      'a',
      'B',
      ' ',
      "'",
      '’',
      '.',
      '-',
      ':',
      '#',
      '"',
      '\\',
      'é',
      '\t',
      '\r',
      '\u00a0',
      '\u0085',
      '\u2028',
      '\ufeff',
      '\ud800',
    ),
    minLength: 1,
    maxLength: 12,
  }),
);
