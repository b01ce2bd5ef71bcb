/** One problem a rule found in a request or response body; `name` is a JSON path like `orderLines[0].totalTaxAmount`. */
export interface RuleIssue {
  name: string;
  reason: string;
}
