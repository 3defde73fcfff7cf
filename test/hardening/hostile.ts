// Hostile values for the hardening tests: what an attacker, a buggy form library or a
// stale Immer draft can hand a `safe…` function. Each is built fresh per call (a revoked
// Proxy cannot be un-revoked; frozen values must not leak between runs).
import fc from 'fast-check';

/** An object whose `key` getter throws (enumerable, so `Object.keys` lists it). */
export function throwingGetter(
  key: string,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  return Object.defineProperty({ ...base }, key, {
    get() {
      throw new Error(`getter ${key} throws`);
    },
    enumerable: true,
  });
}

/** A Proxy whose every trap throws. */
export function throwingProxy(): object {
  const fail = () => {
    throw new Error('trap throws');
  };
  return new Proxy(
    {},
    { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail },
  );
}

/** A revoked Proxy (any operation on it throws TypeError), of an object or of an array. */
export function revokedProxy(array = false): object {
  const { proxy, revoke } = Proxy.revocable(array ? [] : {}, {});
  revoke();
  return proxy;
}

/** A transparent Proxy over `target` (behaves like it; `Array.isArray` sees through it). */
export function transparentProxy<T extends object>(target: T): T {
  return new Proxy(target, {});
}

/** A sparse array of `length` holes (default 10⁹) — copying it would exhaust memory. */
export function hugeSparseArray(length = 1e9): unknown[] {
  const a: unknown[] = [];
  a.length = length;
  return a;
}

/** An object that contains itself. */
export function cyclic(): Record<string, unknown> {
  const o: Record<string, unknown> = { a: 1 };
  o.self = o;
  return o;
}

/** `depth` nested one-key objects (default 10,000): recursion without a limit overflows the stack. */
function deeplyNested(depth = 10_000): Record<string, unknown> {
  let o: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < depth; i++) o = { next: o };
  return o;
}

/** `depth` nested arrays. */
function deeplyNestedArray(depth = 10_000): unknown[] {
  let a: unknown[] = [1];
  for (let i = 0; i < depth; i++) a = [a];
  return a;
}

/** An object without a prototype, holding `entries`. */
function nullPrototype(entries: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, entries);
}

/** JSON-parsed `__proto__` and `constructor` keys (own properties, as JSON.parse makes them). */
function protoKeys(): Record<string, unknown> {
  return JSON.parse(
    '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}',
  ) as Record<string, unknown>;
}

/** Every hostile value by name, built fresh. */
export const HOSTILE: Readonly<Record<string, () => unknown>> = {
  'throwing getter': () => throwingGetter('safeguarding'),
  'throwing Proxy': throwingProxy,
  'revoked Proxy': () => revokedProxy(),
  'revoked array Proxy': () => revokedProxy(true),
  'huge sparse array': () => hugeSparseArray(),
  BigInt: () => 10n,
  symbol: () => Symbol('s'),
  'symbol-keyed object': () => ({ [Symbol('k')]: 1 }),
  cyclic,
  'cyclic array': () => {
    const a: unknown[] = [];
    a.push(a);
    return a;
  },
  'null-prototype object': () => nullPrototype({ safeguarding: 3 }),
  '__proto__ and constructor keys': protoKeys,
  '10k-deep objects': () => deeplyNested(),
  '10k-deep arrays': () => deeplyNestedArray(),
  function: () => () => 1,
  'Object.create(null) empty': () => Object.create(null) as unknown,
};

/**
 * How to build one input. fast-check cannot hold a Proxy in a generated value (it probes
 * values for a clone method), so the arbitraries generate recipes and each property
 * builds its input with {@link build}; a counterexample prints as its recipe.
 */
export type Recipe =
  | { readonly any: unknown }
  | { readonly hostile: string; readonly where: Placement; readonly other: unknown };
type Placement =
  | 'itself'
  | 'array'
  | 'object'
  | 'safeguarding'
  | 'council'
  | 'profile-list'
  | 'notificationDate';

const ANYTHING = fc.anything({
  withBigInt: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withDate: true,
  withTypedArray: true,
  withUnicodeString: true,
});

/** Recipes for any input: fast-check's `anything()` (null-prototype objects, BigInt, sparse arrays, `__proto__` keys…) or a hostile value, alone or nested in plain data. */
export function inputRecipe(
  hostileNames: readonly string[] = Object.keys(HOSTILE),
): fc.Arbitrary<Recipe> {
  const placements: Placement[] = [
    'itself',
    'array',
    'object',
    'safeguarding',
    'council',
    'profile-list',
    'notificationDate',
  ];
  return fc.oneof(
    { weight: 3, arbitrary: ANYTHING.map((any): Recipe => ({ any })) },
    {
      weight: 2,
      arbitrary: fc.record({
        hostile: fc.constantFrom(...hostileNames),
        where: fc.constantFrom(...placements),
        other: ANYTHING,
      }),
    },
  );
}

/** The input a recipe describes, built fresh. */
export function build(recipe: Recipe): unknown {
  if ('any' in recipe) return recipe.any;
  const value = HOSTILE[recipe.hostile]!();
  switch (recipe.where) {
    case 'itself':
      return value;
    case 'array':
      return [recipe.other, value];
    case 'object':
      return { other: recipe.other, value };
    case 'safeguarding':
      return { safeguarding: value };
    case 'council':
      return { council: value };
    case 'notificationDate':
      return { notificationDate: value };
    default:
      return [{ council: value }];
  }
}

/** Fuzz runs per property: bounded for `npm test`; set FUZZ_RUNS for a longer run (e.g. FUZZ_RUNS=20000). */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** Freezes a value and everything reachable from it (skips Proxies that throw or are revoked). */
export function deepFreezeHostile<T>(value: T, seen = new Set<unknown>(), depth = 0): T {
  try {
    if (typeof value !== 'object' || value === null || seen.has(value) || depth > 300) return value;
    seen.add(value);
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) deepFreezeHostile(descriptor.value, seen, depth + 1);
    }
  } catch {
    // a hostile value that refuses to be read or frozen stays as it is
  }
  return value;
}

/**
 * A structural snapshot to compare before and after a call: own keys and data values,
 * getters by identity, hostile parts as markers; below 300 levels only a marker (so a
 * 10k-deep input does not overflow the stack here).
 */
export function snapshot(value: unknown, seen = new Map<unknown, number>(), depth = 0): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'symbol') return value;
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return `[cycle ${seen.get(value)}]`;
  if (depth > 300) return '[deep]';
  seen.set(value, seen.size);
  try {
    const out: Record<string | symbol, unknown> = {
      '[proto]': identity(Object.getPrototypeOf(value)),
      '[frozen]': Object.isFrozen(value),
    };
    if (Array.isArray(value)) out['[length]'] = value.length;
    for (const key of Reflect.ownKeys(value)) {
      const d = Reflect.getOwnPropertyDescriptor(value, key)!;
      out[key] =
        'value' in d
          ? snapshot(d.value, seen, depth + 1)
          : { get: identity(d.get), set: identity(d.set) };
    }
    return out;
  } catch {
    return '[unreadable]';
  }
}

const identities = new Map<unknown, number>();
/** A number standing for an object's identity (comparing the objects themselves would read them). */
function identity(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return value;
  if (!identities.has(value)) identities.set(value, identities.size);
  return identities.get(value)!;
}
