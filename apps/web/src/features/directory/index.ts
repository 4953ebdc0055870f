export { ChainView } from './components/chain-view';
export { DirectorySearch } from './components/directory-search';
export { EditOrganisation, EditPerson, EntryHistory } from './components/entry-pages';
export { OrganisationDetails } from './components/organisation-details';
export { PersonDetails } from './components/person-details';
