export * from './treatySchema'
export * from './wordingSchema'
