/** Types for `popular-english-words`, which ships none. */
declare module 'popular-english-words' {
  export const words: {
    getMostPopular(count: number): string[];
  };
}
