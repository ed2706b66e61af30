// Preloaded (node --import) into a build to move its clock 400 days ahead: `Date.now()` and
// `new Date()` shift, dates built from parts do not. A build that reads the clock shows it.
const OFFSET_MS = 400 * 24 * 60 * 60 * 1000 + 12_345;
const RealDate = Date;
const now = () => RealDate.now() + OFFSET_MS;

globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
  apply: () => new RealDate(now()).toString(),
  get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
});
