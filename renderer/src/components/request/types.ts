/** One problem a rule found in a request or response body: the one shared type. */
export type { RuleIssue } from '../../../../shared/vipps/issues';
