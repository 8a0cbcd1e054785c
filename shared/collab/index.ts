export * from './rooms'
export * from './closeCodes'
export * from './origins'
export * from './ack'
