/**
 * Where the comments of an import batch go in their threads, resolved in memory before the batch is written
 * (lib/server/ingest/store.ts): pure, so the rules are tested here without a database.
 */

/** A comment's place in its thread: its parent's id, the ancestor ids root first ("" at the top), its depth. */
export interface TreePlace {
  parentId: number | null;
  path: string;
  depth: number;
}

const TOP: TreePlace = { parentId: null, path: "", depth: 0 };

function childOf(parent: { id: number; path: string; depth: number }): TreePlace {
  return {
    parentId: parent.id,
    path: parent.path === "" ? String(parent.id) : `${parent.path}.${parent.id}`,
    depth: parent.depth + 1,
  };
}

/**
 * Places every comment of a batch in its thread (`ids[i]` is `batch[i]`'s id): a comment whose parent is in
 * the batch goes under it; one whose parent is not goes under the stored parent (`stored`), else at the top
 * (`linkOrphans` links it when the parent comes later). Comments on a parent cycle, and every reply below
 * one, stay at the top.
 */
export function placeInThreads(
  batch: readonly { externalId: string; parentExternalId: string | null }[],
  ids: readonly number[],
  stored: ReadonlyMap<string, { id: number; path: string; depth: number }>,
): TreePlace[] {
  const index = new Map(batch.map((c, i) => [c.externalId, i]));
  const places: (TreePlace | undefined)[] = new Array(batch.length);
  // Same values as TOP; its own object so that replies below a cycle stay at the top too.
  const cut: TreePlace = { ...TOP };
  const walking = new Uint8Array(batch.length);
  for (let start = 0; start < batch.length; start++) {
    if (places[start]) continue;
    // Up through parents in the batch until one is placed, is placed by what is outside the batch, or repeats.
    const chain: number[] = [];
    let at = start;
    let cycle = false;
    for (;;) {
      if (places[at]) break;
      if (walking[at]) {
        cycle = true;
        break;
      }
      walking[at] = 1;
      const parentExternalId = (batch[at] as { parentExternalId: string | null }).parentExternalId;
      const parentAt = parentExternalId === null ? undefined : index.get(parentExternalId);
      if (parentAt === undefined) {
        const parent = parentExternalId === null ? undefined : stored.get(parentExternalId);
        places[at] = parent ? childOf(parent) : TOP;
        break;
      }
      chain.push(at);
      at = parentAt;
    }
    // Down again: each comment under its parent, the one placed before it.
    for (let k = chain.length - 1; k >= 0; k--) {
      const i = chain[k] as number;
      const parentAt = k === chain.length - 1 ? at : (chain[k + 1] as number);
      const parent = places[parentAt];
      places[i] =
        cycle || parent === cut || parent === undefined
          ? cut
          : childOf({ id: ids[parentAt] as number, path: parent.path, depth: parent.depth });
    }
  }
  return places.map((p) => (p === cut ? TOP : (p as TreePlace)));
}
