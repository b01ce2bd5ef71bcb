import type { RunEvent, RunSummary } from '../../../shared/model/run';

/**
 * A view of one run, fed only the runner's typed events. The CLI, JSON and JUnit reporters are
 * three such views; none of them knows how the run was carried out.
 */
export interface RunReporter {
  readonly name: string;
  onEvent(event: RunEvent): void;
  /** Called once with the final summary; file reporters write their file here. */
  finish(summary: RunSummary): Promise<void>;
}

/**
 * Replaces every known secret value (keys from the environment, secret variables) in a report's
 * text. The runner already redacts what it emits; this is the second lock on the door, so a
 * value that slipped through a script's console line or an error message still never reaches a
 * report file or a CI log.
 */
export type Scrub = (text: string) => string;

export function createScrub(secrets: readonly string[]): Scrub {
  const values = [...new Set(secrets.filter((value) => value.length >= 4))].sort((a, b) => b.length - a.length);
  if (values.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const value of values) out = out.split(value).join('«redacted»');
    return out;
  };
}

/**
 * How reports name a request: its folders (as they are on disk) and its own name, as newman
 * names an item "Folder/Request". The file name is left out; the name is what people gave it.
 */
export function displayName(result: { path: string; name: string }): string {
  const slash = result.path.lastIndexOf('/');
  return slash > 0 ? `${result.path.slice(0, slash)}/${result.name}` : result.name;
}
