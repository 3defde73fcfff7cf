const N = 30000;
const WM = new WeakMap<object, { core: number; cache: Record<string, unknown> }>();
function lazy(name: string) { return function (this: object) { const s = WM.get(this)!; return (s.cache[name] ??= [s.core]); }; }
const D: PropertyDescriptorMap = Object.fromEntries(['amendments', 'factualAccuracy', 'withdrawals', 'section50Notices', 'history'].map((k) => [k, { get: lazy(k), enumerable: true }]));
function a(i: number) {
  let h: unknown, b: unknown, c: unknown, d: unknown, e: unknown;
  const o = Object.freeze({ council: 'x', state: 's', scores: {}, get amendments() { return (h ??= [i]); }, get factualAccuracy() { return (b ??= [i]); }, publishedOn: null, x: null, y: null, get withdrawals() { return (c ??= [i]); }, z: null, get section50Notices() { return (d ??= [i]); }, w: null, get history() { return (e ??= [i]); } });
  WM.set(o, { core: i, cache: {} });
  return o;
}
function b(i: number) {
  const o = { council: 'x', state: 's', scores: {}, publishedOn: null, x: null, y: null, z: null, w: null };
  Object.defineProperties(o, D);
  Object.freeze(o);
  WM.set(o, { core: i, cache: {} });
  return o;
}
for (let r = 0; r < 4; r++) for (const [name, f] of [['literal', a], ['shared', b]] as const) {
  const keep: object[] = []; const t0 = performance.now();
  for (let i = 0; i < N; i++) keep.push(f(i));
  console.log(name, (performance.now() - t0).toFixed(1));
}
