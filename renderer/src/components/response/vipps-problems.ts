// One reader of Vipps error bodies for the whole app, shared with the quick start's explanations.
export { readVippsProblem, type VippsProblem } from '../../../../shared/vipps/problems';
