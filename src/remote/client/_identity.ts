/**
 * This home's registration with one hub (private to the client): kept in memory, read from the
 * key file, or obtained once from the hub — under a cross-process lock, so the plugin host and a
 * CLI starting together register once.
 */
import { withLock } from "../../store/mod.ts";
import { RegisterResponseSchema } from "../wire.ts";
import { readKeyFile, type RemoteIdentity, writeKeyFile } from "./key_file.ts";
import { RemoteError } from "./remote_error.ts";

/** What the keeper needs. */
export interface IdentityDeps {
  readonly keyFile: string;
  readonly baseUrl: string;
  /** Calls `POST /clients/register` (with retries) and returns the parsed JSON. */
  readonly register: () => Promise<unknown>;
  readonly now: () => Date;
  readonly log: (line: string) => void;
  /** Logs a line once per key (for failures that would repeat every turn). */
  readonly warnOnce: (key: string, line: string) => void;
}

/** Holds the identity and gets one when there is none. */
export class IdentityKeeper {
  readonly #deps: IdentityDeps;
  #identity: RemoteIdentity | undefined;
  #registering: Promise<RemoteIdentity> | undefined;

  constructor(deps: IdentityDeps) {
    this.#deps = deps;
  }

  /** The identity, registering when there is none (or when the hub no longer knows `stale`). */
  ensure(stale?: RemoteIdentity): Promise<RemoteIdentity> {
    if (this.#identity && this.#identity !== stale) return Promise.resolve(this.#identity);
    this.#registering ??= (async () => {
      const onDisk = stale ? undefined : await this.#fromDisk();
      this.#identity = onDisk ?? await this.#register(stale);
      return this.#identity;
    })().finally(() => (this.#registering = undefined));
    return this.#registering;
  }

  /**
   * The identity if this home has one (in memory, else in the key file), without the network;
   * when there is none, registration starts in the background for the next call.
   */
  async known(): Promise<RemoteIdentity | undefined> {
    if (this.#identity) return this.#identity;
    try {
      this.#identity = await this.#fromDisk();
    } catch (error) {
      const message = (error as Error).message;
      this.#deps.warnOnce(
        `keyfile:${message}`,
        `lshml: cannot read ${this.#deps.keyFile}: ${message}`,
      );
      return undefined;
    }
    if (!this.#identity) this.inBackground();
    return this.#identity;
  }

  /** Starts registering (again, when `stale` is given) without waiting for it. */
  inBackground(stale?: RemoteIdentity): void {
    this.ensure(stale).catch((error: Error) =>
      this.#deps.warnOnce(
        `register:${error.message}`,
        `lshml: hub registration failed: ${error.message}`,
      )
    );
  }

  /** Runs an authenticated call; on 401 (the hub forgot this key) registers again, once. */
  async authed<T>(run: (key: string) => Promise<T>): Promise<T> {
    const current = await this.ensure();
    try {
      return await run(current.key);
    } catch (error) {
      if (!(error instanceof RemoteError) || error.status !== 401) throw error;
      this.#deps.log(
        `lshml: the hub ${this.#deps.baseUrl} does not know this home's key; registering again`,
      );
      return await run((await this.ensure(current)).key);
    }
  }

  async #fromDisk(): Promise<RemoteIdentity | undefined> {
    const onDisk = await readKeyFile(this.#deps.keyFile, this.#deps.log);
    return onDisk && onDisk.base_url === this.#deps.baseUrl ? onDisk : undefined;
  }

  #register(stale: RemoteIdentity | undefined): Promise<RemoteIdentity> {
    const { keyFile, baseUrl } = this.#deps;
    return withLock(`${keyFile}.lock`, async () => {
      // Another process may have registered while this one waited for the lock.
      const onDisk = await this.#fromDisk();
      if (onDisk && onDisk.key !== stale?.key) return onDisk;
      const parsed = RegisterResponseSchema.safeParse(await this.#deps.register());
      if (!parsed.success) {
        throw new RemoteError("bad_response", "the hub's registration answer is malformed");
      }
      const fresh: RemoteIdentity = {
        version: 1,
        base_url: baseUrl,
        request_key_id: parsed.data.request_key_id,
        key: parsed.data.key,
        registered_at: this.#deps.now().toISOString(),
      };
      await writeKeyFile(keyFile, fresh);
      this.#deps.log(`lshml: registered with the hub ${baseUrl} as ${fresh.request_key_id}`);
      return fresh;
    });
  }
}
