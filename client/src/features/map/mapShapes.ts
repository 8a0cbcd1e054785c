import { geoEqualEarth, geoGraticule10, geoPath } from 'd3-geo'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import countries110m from 'world-atlas/countries-110m.json'
import { ZOOMS, type Zoom } from './mapZoom'

/**
 * The world's countries as SVG path data, projected once: Natural Earth's 1:110m shapes from
 * world-atlas, in the Equal Earth projection (areas true to size). Imported only by the map's
 * lazily loaded chunk, so that the other pages do not carry it.
 */

/** One country's shape: its ISO 3166-1 numeric id ('' for the few without), name and path. */
export interface CountryShape {
  id: string
  name: string
  d: string
}

/** The width of the map's drawing; its height follows from the projection. */
export const MAP_WIDTH = 960

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>

// Antarctica (010) takes a sixth of the drawing and negotiates as no one.
const ANTARCTICA = '010'

const topology = countries110m as unknown as Countries
const collection = feature(topology, topology.objects.countries)
const sphere = { type: 'Sphere' } as const
const projection = geoEqualEarth().fitWidth(MAP_WIDTH, sphere)
const path = geoPath(projection)

/** The height of the drawing at MAP_WIDTH. */
export const MAP_HEIGHT = Math.ceil(path.bounds(sphere)[1][1])

/** The outline of the globe (the sea) and its 10° graticule. */
export const SPHERE_PATH = path(sphere) ?? ''
export const GRATICULE_PATH = path(geoGraticule10()) ?? ''

/** Every country but Antarctica, as the atlas orders them. */
export const COUNTRY_SHAPES: readonly CountryShape[] = collection.features
  .filter((f) => String(f.id ?? '') !== ANTARCTICA)
  .map((f) => ({ id: String(f.id ?? ''), name: f.properties.name, d: path(f) ?? '' }))

/** The SVG viewBox of a part of the world: the projected box, its edges sampled every 5°. */
export function viewBoxOf(zoom: Zoom): [x: number, y: number, width: number, height: number] {
  const box = ZOOMS[zoom]
  if (!box) return [0, 0, MAP_WIDTH, MAP_HEIGHT]
  const [west, south, east, north] = box
  const xs: number[] = []
  const ys: number[] = []
  const add = (lon: number, lat: number) => {
    const p = projection([lon, lat])
    if (!p) return
    xs.push(p[0])
    ys.push(p[1])
  }
  for (let lon = west; lon <= east; lon += 5) {
    add(lon, south)
    add(lon, north)
  }
  for (let lat = south; lat <= north; lat += 5) {
    add(west, lat)
    add(east, lat)
  }
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]
  return [x0, y0, x1 - x0, y1 - y0]
}
