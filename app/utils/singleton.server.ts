// Keeps one instance per process, even when the dev server reloads modules.
export function singleton<Value>(name: string, create: () => Value): Value {
  const store = globalThis as typeof globalThis & { __pacteSingletons?: Map<string, unknown> };
  store.__pacteSingletons ??= new Map();
  if (!store.__pacteSingletons.has(name)) store.__pacteSingletons.set(name, create());
  return store.__pacteSingletons.get(name) as Value;
}
