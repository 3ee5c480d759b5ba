/**
 * Placeholder until runtime/pagination/index.ts (R2) lands: the shape generated code compiles
 * against. Replaced by a re-export of the real PagePromise.
 */
export interface Page<Item> {
  readonly items: readonly Item[];
  hasNextPage(): boolean;
  getNextPage(): Promise<Page<Item>>;
}

export interface PagePromise<Item> extends PromiseLike<Page<Item>>, AsyncIterable<Item> {
  pages(): AsyncIterable<Page<Item>>;
}
