export { ChainView } from './components/chain-view';
export { DirectoryImport } from './components/directory-import';
export { DirectorySearch } from './components/directory-search';
export { EditFunction, EditOrganisation, EditPerson, EntryHistory } from './components/entry-pages';
export { OrganisationDetails } from './components/organisation-details';
export { PersonDetails } from './components/person-details';
