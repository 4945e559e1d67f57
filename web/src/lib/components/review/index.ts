export { default as MatchActions } from './MatchActions.svelte';
export { default as AddTheme } from './AddTheme.svelte';
export { default as DecisionHistory } from './DecisionHistory.svelte';
export { default as FlagQueue } from './FlagQueue.svelte';
export { default as LowConfidenceList } from './LowConfidenceList.svelte';
export { default as SubmissionTable } from './SubmissionTable.svelte';
export { default as SubmissionForm } from './SubmissionForm.svelte';
export { default as RetrainCard } from './RetrainCard.svelte';
export { flagStateLabel, submissionStateLabel } from './labels';
