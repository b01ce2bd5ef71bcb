import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';
import { ImportProblem } from '../../../shared/interop/errors';
import { checkOpenApiDocument, importOpenApi } from '../../../shared/interop/openapi';
import type { PortableCollection } from '../../../shared/interop/tree';

export interface OpenApiSource {
  text: string;
  /** The file the text came from; relative `$ref`s are read from its folder (and only from there). */
  filePath?: string;
}

/**
 * Reads an OpenAPI 3 file (YAML or JSON), resolves its `$ref`s with swagger-parser and turns it
 * into a collection. Nothing is fetched from the network (the app talks to loopback only): a
 * `$ref` to a raw GitHub URL is read from a copy kept beside the spec as
 * `history/<repo>@<ref>/<file>`, and any other remote reference is left out and named in the notes.
 */
export async function loadOpenApi(source: OpenApiSource): Promise<PortableCollection> {
  let document: unknown;
  try {
    document = parseDocument(source.text);
  } catch (error) {
    throw new ImportProblem(`The OpenAPI file could not be read as YAML or JSON: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  checkOpenApiDocument(document);
  const notes: string[] = [];
  const baseDir = source.filePath ? path.dirname(path.resolve(source.filePath)) : undefined;
  const basePath = source.filePath ? path.resolve(source.filePath) : path.join(process.cwd(), 'pasted-openapi.yaml');
  stubUnreachableRefs(document, baseDir, notes);
  let dereferenced: unknown;
  try {
    dereferenced = await SwaggerParser.dereference(basePath, document as never, {
      resolve: {
        file: false,
        http: false,
        local: {
          order: 1,
          canRead: true,
          read: (file: { url: string }) => fs.readFileSync(localCopy(file.url, baseDir) ?? refuse(file.url)),
        },
      } as never,
      dereference: { circular: 'ignore' },
    });
  } catch (error) {
    throw new ImportProblem(`The OpenAPI file's references could not be resolved: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return importOpenApi(dereferenced, notes);
}

/** JSON (a subset of YAML) is read with JSON.parse: on a large spec the YAML parser is 40× slower. */
function parseDocument(text: string): unknown {
  if (/^\s*\{/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // Not strict JSON after all (comments, a YAML flow mapping): the YAML parser reads it.
    }
  }
  return parseYaml(text, { maxAliasCount: 1_000 });
}

function refuse(url: string): never {
  throw new Error(`${url} is outside the spec's folder and was not read`);
}

/** Where a reference may be read from on disk: inside the spec's folder, or a kept copy of a GitHub file. */
function localCopy(url: string, baseDir: string | undefined): string | undefined {
  if (!baseDir) return undefined;
  if (/^https?:\/\//i.test(url)) {
    const github = url.match(/^https:\/\/raw\.githubusercontent\.com\/[^/]+\/([^/]+)\/([^/]+)\/(?:.*\/)?([^/#?]+)/i);
    if (!github) return undefined;
    const candidate = path.join(baseDir, 'history', `${github[1]}@${github[2]}`, github[3]!);
    return fs.existsSync(candidate) ? candidate : undefined;
  }
  const file = path.resolve(url.startsWith('file:') ? fileURLToPath(url) : url);
  return file === baseDir || file.startsWith(baseDir + path.sep) ? file : undefined;
}

/** Replaces every reference that cannot be read here with a note-bearing stub, before resolving. */
function stubUnreachableRefs(node: unknown, baseDir: string | undefined, notes: string[], seen = new Set<object>()): void {
  if (!node || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (value && typeof value === 'object' && typeof (value as { $ref?: unknown }).$ref === 'string') {
      const ref = (value as { $ref: string }).$ref;
      const target = ref.split('#')[0]!;
      if (target !== '') {
        const reachable = baseDir !== undefined && (/^https?:/i.test(target) ? localCopy(target, baseDir) : localCopy(path.resolve(baseDir, target), baseDir));
        if (!reachable) {
          const note = `The reference ${ref} could not be read (${/^https?:/i.test(target) ? 'the app fetches nothing from the internet' : 'pasted text has no folder to read it from, or it points outside the spec’s folder'}); that part was left out.`;
          if (!notes.includes(note)) notes.push(note);
          (node as Record<string, unknown>)[key] = { description: `Not imported: ${ref}` };
          continue;
        }
      }
    }
    stubUnreachableRefs(value, baseDir, notes, seen);
  }
}
