/**
 * A dump whose headline, standfirst, caption and body carry markup, script and MDX payloads,
 * around names the extractor knows, so the story reaches story, day, home, tag and feed pages.
 */
import { storyLines } from './dumps.ts';

export const HOSTILE_DAY = '2026-02-09';

/** A word no other page holds, to find the story with the site's search. */
export const SEARCH_WORD = 'quokkagram';

export const HOSTILE_STORY = {
  title: `Donald Trump ${SEARCH_WORD} in Iran <script>alert("title")</script> </script><img src=x onerror=alert("title")> {alert(1)} --> javascript:alert(2)`,
  standfirst: `Tehran answers <svg onload=alert("standfirst")> & "quotes" </title></head><!-- {props.x} --> \uFFFE\uFFFF`,
  caption: `Donald Trump speaks in Iran <img src=x onerror=alert("caption")> <a href="javascript:alert(3)">x</a> ]]> --> (Reuters)`,
  body: [
    `US President Donald Trump said on Monday that Iran had answered his letter. <script>alert("body")</script> {alert(4)}`,
    `import fs from "node:fs"`,
    `export const leaked = fs.readFileSync("/etc/passwd", "utf8")`,
    `French President Emmanuel Macron said France would help. [click me](javascript:alert(5)) <iframe src="javascript:alert(6)"></iframe>`,
    `</script><script>alert("after script end")</script><!-- --> <style>body{display:none}</style> \u2028 end.`,
  ],
};

/** A plain story on the same day, so the hostile one shares day, home and tag lists with another. */
const NEIGHBOUR = {
  title: 'Iran and France Resume Talks on Trade Routes',
  caption: 'Delegates from Iran and France meet in Paris, February 9, 2026. (AFP)',
  body: ['Officials from Iran and France met on Monday to discuss trade routes.', 'Emmanuel Macron welcomed the talks.'],
};

export const HOSTILE_DUMP = [
  HOSTILE_STORY.title,
  '',
  HOSTILE_STORY.standfirst,
  HOSTILE_STORY.caption,
  HOSTILE_STORY.caption,
  'TT',
  '',
  HOSTILE_STORY.title,
  '',
  HOSTILE_STORY.standfirst,
  '',
  HOSTILE_STORY.caption,
  HOSTILE_STORY.caption,
  '',
  ...HOSTILE_STORY.body.flatMap((paragraph) => [paragraph, '']),
  '',
  '',
  ...storyLines(NEIGHBOUR),
].join('\n');
