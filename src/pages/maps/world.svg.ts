// The world's land, drawn once per build; day maps lay their marks over it.
import type { APIRoute } from 'astro';
import { worldMap } from '#lib/maps.ts';

export const GET: APIRoute = () => {
  const map = worldMap();
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}" width="${map.width}" height="${map.height}">` +
    `<style>.sea{fill:#dce6ee}.land{fill:#b9c2ca}@media (prefers-color-scheme:dark){.sea{fill:#1c2630}.land{fill:#46525c}}</style>` +
    `<path class="sea" d="${map.sphere}"/><path class="land" d="${map.land}"/></svg>`;
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
