/** The parts of the world the map can zoom to, as [west, south, east, north] in degrees. */
export const ZOOMS = {
  World: null,
  Europe: [-25, 34, 45, 72],
  Africa: [-20, -36, 55, 38],
  Americas: [-170, -57, -30, 75],
  Asia: [25, -12, 150, 56],
  Oceania: [110, -50, 180, 5],
} as const satisfies Record<string, readonly [number, number, number, number] | null>

/** A part of the world the map can show. */
export type Zoom = keyof typeof ZOOMS

/** The parts in the order the zoom picker lists them. */
export const ZOOM_NAMES = Object.keys(ZOOMS) as Zoom[]
