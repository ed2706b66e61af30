/**
 * Dumps of a few days in which two developing stories run across days among unrelated ones: a
 * burst dam in Moldova (2, 3 and 5 March) and a copper strike in Chile (3 and 4 March). Shared
 * by the thread stage's pipeline test and the thread pages' fixture build.
 */
import { captionedStory } from '../names/helpers.ts';

export const dam = {
  burst: {
    id: '2026-03-02/dam-bursts-above-the-moldovan-town-of-varnita',
    text: captionedStory(
      'Dam bursts above the Moldovan town of Varnita',
      'Floodwater from the Varnita reservoir fills a street. (Reuters)',
      [
        'A dam above the town of Varnita in Moldova burst on Monday, sending floodwater from its reservoir through the streets.',
        'Mayor Ilinca Rusu said rescuers had pulled dozens of people from flooded houses along the river.',
      ],
    ),
  },
  rescue: {
    id: '2026-03-03/rescuers-search-for-the-missing-after-the-varnita-dam-burst',
    text: captionedStory('Rescuers search for the missing after the Varnita dam burst', 'Rescuers in boats in flooded Varnita. (Reuters)', [
      'Rescuers in Moldova searched flooded houses in Varnita for a second day after the dam above the town burst.',
      'Mayor Ilinca Rusu said the reservoir had emptied and the floodwater was falling.',
    ]),
  },
  inquiry: {
    id: '2026-03-05/moldova-opens-an-inquiry-into-the-varnita-dam-collapse',
    text: captionedStory('Moldova opens an inquiry into the Varnita dam collapse', 'The broken dam above Varnita. (Reuters)', [
      'Moldova opened an inquiry on Thursday into why the dam above Varnita burst and flooded the town.',
      'Mayor Ilinca Rusu said the reservoir had been inspected only once in a decade.',
    ]),
  },
  /** The day after the fixture's last: the thread grows by one more story. */
  repairs: {
    id: '2026-03-06/repairs-begin-on-the-varnita-dam',
    text: captionedStory('Repairs begin on the Varnita dam', 'Engineers on the broken Varnita dam. (Reuters)', [
      'Engineers in Moldova began repairing the dam above Varnita on Friday, a week after it burst and flooded the town.',
      'Mayor Ilinca Rusu said the reservoir would stay empty until the dam was safe.',
    ]),
  },
};

export const strike = {
  walkout: {
    id: '2026-03-03/miners-strike-at-the-escondida-copper-mine-in-chile',
    text: captionedStory('Miners strike at the Escondida copper mine in Chile', 'Miners gather at the gate of the Escondida mine. (AFP)', [
      'Workers at the Escondida copper mine in Chile walked out on Tuesday over pay, halting the largest copper mine in the world.',
      'Union leader Tomas Quiroga said the strike would go on until the company raised its offer.',
    ]),
  },
  spreads: {
    id: '2026-03-04/escondida-copper-strike-spreads-to-a-second-mine',
    text: captionedStory('Escondida copper strike spreads to a second mine', 'Miners march near the Escondida mine. (AFP)', [
      'The strike at the Escondida copper mine in Chile spread to a second mine on Wednesday as copper prices rose.',
      'Union leader Tomas Quiroga said miners at the Escondida mine would not return to work.',
    ]),
  },
};

/** Stories alone in their threads; the orchestra's gains a second story on the added day. */
export const alone = {
  orchestra: {
    id: '2026-03-02/orchestra-opens-its-season-with-a-new-symphony',
    text: captionedStory('Orchestra opens its season with a new symphony', 'Musicians rehearse in the concert hall. (AFP)', [
      'The national orchestra opened its season with the first performance of a symphony written for its centenary.',
      'The conductor said the audience had stood for ten minutes at the end of the symphony.',
    ]),
  },
  tennis: {
    id: '2026-03-04/tennis-champion-retires-at-thirty',
    text: captionedStory('Tennis champion retires at thirty', 'The champion waves to the crowd. (AP)', [
      'The former world number one said she would retire from tennis at the end of the season.',
      'She won four grand slam titles in a career of twelve years.',
    ]),
  },
  tour: {
    id: '2026-03-06/orchestra-takes-its-new-symphony-on-tour',
    text: captionedStory('Orchestra takes its new symphony on tour', 'The orchestra on the stage of the concert hall. (AFP)', [
      'The national orchestra will take the symphony written for its centenary on a tour of ten cities.',
      'The conductor said the orchestra had never played a new symphony to so many.',
    ]),
  },
};

/** One dump per day, its stories in order, as `content/sources/` holds them: `YYYY-MM-DD/news.txt` -> text. */
export function dayDumps(stories: readonly { id: string; text: string }[]): Record<string, string> {
  const days = new Map<string, string[]>();
  for (const { id, text } of stories) {
    const day = id.slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), text]);
  }
  return Object.fromEntries([...days].map(([day, texts]) => [`${day}/news.txt`, texts.join('\n\n\n')]));
}

/** The fixture's four days, 2 to 5 March. */
export const fourDays = [dam.burst, alone.orchestra, dam.rescue, strike.walkout, strike.spreads, alone.tennis, dam.inquiry];
/** The day added after them, 6 March. */
export const addedDay = [dam.repairs, alone.tour];

/** A thread's slug: its first story's id with the day joined to the slug. */
export const slugOf = (id: string) => id.replace('/', '-');
