// Exports of a treaty text and its proposals: pure functions from documents and records to
// Akoma Ntoso, print HTML, and the models the server's DOCX writer renders.
export * from './nest'
export * from './escape'
export * from './labels'
export * from './akomaNtoso'
export * from './textHtml'
export * from './compendium'
export * from './compendiumHtml'
export * from './printPage'
export * from './titleBlock'
export * from './compendiumAkn'
export * from './proposalsInText'
export * from './provenance'
