/**
 * "Deploy a Score file" (issue 20 §2): a Score file converted by the API (convertScoreToSet), its change to the
 * environment and the resource definitions its resources match, and Deploy.
 */
export { ScorePage, scoreDraftKey } from './components/score-page';
