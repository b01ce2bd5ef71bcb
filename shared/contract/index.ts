import type { z } from 'zod';
import type { Result } from '../errors';
import { appContract } from './app';
import { collectionsContract } from './collections';
import { historyContract } from './history';
import { interopContract } from './interop';
import { ordersContract } from './orders';
import { profilesContract } from './profiles';
import { quickstartContract } from './quickstart';
import { requestsContract } from './requests';
import { runnerContract } from './runner';
import { sandboxContract } from './sandbox';
import { workspaceContract } from './workspace';

/**
 * Every backend method, listed once. The preload bridge, the IPC handlers, the browser host's
 * RPC routes, the renderer's client and the CLI are all derived from this object, so a new
 * capability is one entry here plus one backend function.
 */
export const contract = {
  ...appContract,
  ...profilesContract,
  ...requestsContract,
  ...historyContract,
  ...quickstartContract,
  ...sandboxContract,
  ...collectionsContract,
  ...runnerContract,
  ...interopContract,
  ...workspaceContract,
  ...ordersContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What a caller passes (before schema defaults are applied). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives (after validation and defaults). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** The API the renderer sees: every method resolves to a Result, never throws for domain errors. */
export type ExplorerApi = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<Result<MethodOutput<M>>>;
};

/** Clients put `subscribe` beside the methods, so no method may take that name. */
type NoMethodNamedSubscribe = 'subscribe' extends MethodName ? never : true;
export const METHOD_NAMES_LEAVE_ROOM_FOR_SUBSCRIBE: NoMethodNamedSubscribe = true;

export const IPC_CHANNEL_PREFIX = 'explorer:';
export const RPC_PATH_PREFIX = '/rpc/';
export const RPC_TOKEN_HEADER = 'x-explorer-token';

export * from './app';
export * from './define';
export * from './profiles';
export * from './requests';
export * from './history';
export * from './sandbox';
export * from './quickstart';
export * from './collections';
export * from './runner';
export * from './interop';
export * from './workspace';
export * from './orders';
