export * from './treatySchema'
