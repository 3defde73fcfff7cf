/** A typed array of one of the element types the library grows. */
type GrowableArray = Int32Array | Uint32Array | Uint8Array;

/** A new array of the same type and `length` elements, starting with `array`'s (as many as fit). */
export function resized<T extends GrowableArray>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array.subarray(0, Math.min(array.length, length)));
  return copy;
}
