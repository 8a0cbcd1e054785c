// The proposals domain: its contract (types) and its pure rules.
export * from './types'
export * from './lifecycle'
export * from './alternatives'
export * from './positions'
export * from './incorporate'
export * from './scenario'
export * from './labels'
