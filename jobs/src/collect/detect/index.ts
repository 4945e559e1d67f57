export { detectSourceKind, isArticlePage } from './detect-kind';
