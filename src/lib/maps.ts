/**
 * Static SVG maps drawn at build time from Natural Earth's 1:110m geometry (world-atlas):
 * a small globe locating one country, and a world map marking the day's countries.
 * Coarse geometry and rounded coordinates keep each map to a few kilobytes.
 */
import { geoCentroid, geoEqualEarth, geoGraticule, geoOrthographic, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import landTopology from 'world-atlas/land-110m.json' with { type: 'json' };
import countriesTopology from 'world-atlas/countries-110m.json' with { type: 'json' };
import type { Country } from './countries.ts';
import { memoise } from './memo.ts';

type Shape = Feature<Geometry>;

const land = feature(
  landTopology as unknown as Topology,
  (landTopology as unknown as Topology<{ land: GeometryCollection }>).objects.land,
) as FeatureCollection;
const countryShapes = new Map<string, Shape>(
  (
    feature(
      countriesTopology as unknown as Topology,
      (countriesTopology as unknown as Topology<{ countries: GeometryCollection }>).objects.countries,
    ) as FeatureCollection
  ).features
    .filter((shape) => shape.id !== undefined)
    .map((shape) => [String(shape.id), shape]),
);

/** One country on a map: its outline, or only a dot where 1:110m has no outline (small states). */
export interface MapMark {
  name: string;
  /** SVG path data of the outline, empty when the country is a dot. */
  outline: string;
  /** Where to draw its dot, when it has no outline or the outline is too small to see. */
  dot: [number, number] | undefined;
}

export interface MapDrawing {
  width: number;
  height: number;
  /** The globe's disc (locator) or the world's outline (world map). */
  sphere: string;
  graticule: string;
  land: string;
  marks: MapMark[];
}

/**
 * SVG path data in whole pixels, leaving out every point closer than `MIN_STEP` pixels to the
 * last one drawn: at map sizes most of 1:110m's vertices are that close, so this cuts the bytes
 * several times over with no visible change.
 */
const MIN_STEP = 2;

function svgPath(projection: GeoProjection, object: GeoPermissibleObjects): string {
  const parts: string[] = [];
  let lastX = 0;
  let lastY = 0;
  let ringStart = 0;
  const context = {
    beginPath() {},
    moveTo(x: number, y: number) {
      [lastX, lastY] = [Math.round(x), Math.round(y)];
      ringStart = parts.length;
      parts.push(`M${lastX},${lastY}`);
    },
    lineTo(x: number, y: number) {
      const [roundX, roundY] = [Math.round(x), Math.round(y)];
      if (Math.hypot(roundX - lastX, roundY - lastY) < MIN_STEP) return;
      // Relative steps are shorter to write than absolute points.
      parts.push(`l${roundX - lastX},${roundY - lastY}`);
      [lastX, lastY] = [roundX, roundY];
    },
    closePath() {
      // A ring that rounded to a single point is invisible at this size.
      if (parts.length - ringStart < 3) parts.length = ringStart;
      else parts.push('Z');
    },
    arc() {},
  };
  geoPath(projection, context)(object);
  return parts.join('');
}

const SMALL_AREA = 12; // square pixels: below this an outline is marked with a dot too

function mark(projection: GeoProjection, country: Country): MapMark | undefined {
  const shape = countryShapes.get(country.numericCode);
  const outline = shape ? svgPath(projection, shape) : '';
  const [lat, lng] = country.latlng;
  const centre: [number, number] = shape ? geoCentroid(shape) : [lng, lat];
  const dotAt = projection(centre);
  const visible = outline !== '' || dotAt !== null;
  if (!visible) return undefined;
  const small = !shape || geoPath(projection).area(shape) < SMALL_AREA;
  return {
    name: country.name,
    outline,
    dot: small && dotAt ? [Math.round(dotAt[0]), Math.round(dotAt[1])] : undefined,
  };
}

const locatorMaps = new Map<string, MapDrawing>();

/** A globe turned to face `country`, the country filled in; drawn once per country and size. */
export function locatorMap(country: Country, size = 120): MapDrawing {
  const key = `${country.code}@${size}`;
  let map = locatorMaps.get(key);
  if (!map) locatorMaps.set(key, (map = drawLocatorMap(country, size)));
  return map;
}

function drawLocatorMap(country: Country, size: number): MapDrawing {
  const shape = countryShapes.get(country.numericCode);
  const [lng, lat] = shape ? geoCentroid(shape) : [country.latlng[1], country.latlng[0]];
  const projection = geoOrthographic().rotate([-lng, -lat]).fitSize([size, size], { type: 'Sphere' }).precision(1);
  const countryMark = mark(projection, country);
  return {
    width: size,
    height: size,
    sphere: svgPath(projection, { type: 'Sphere' }),
    graticule: svgPath(projection, geoGraticule().step([30, 30])()),
    land: svgPath(projection, land),
    marks: countryMark ? [countryMark] : [],
  };
}

const WORLD_WIDTH = 640;
const WORLD_HEIGHT = 312;
const worldProjection = geoEqualEarth().fitSize([WORLD_WIDTH, WORLD_HEIGHT], { type: 'Sphere' }).precision(1);

/** The world's land, the same for every page: served once as an image the day maps draw over. */
export function worldMap(): MapDrawing {
  return {
    width: WORLD_WIDTH,
    height: WORLD_HEIGHT,
    sphere: svgPath(worldProjection, { type: 'Sphere' }),
    graticule: '',
    land: svgPath(worldProjection, land),
    marks: [],
  };
}

/** A country's mark on the world map: the projection is fixed, so drawn once per build. */
const worldMark = memoise((country: Country) => mark(worldProjection, country));

/** Only the given countries, in the world map's projection, to lay over `worldMap()`. */
export function worldMarks(countries: readonly Country[]): MapMark[] {
  return countries.map(worldMark).filter((found) => found !== undefined);
}

export const WORLD_MAP_SIZE = { width: WORLD_WIDTH, height: WORLD_HEIGHT } as const;
