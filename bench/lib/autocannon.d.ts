// autocannon ships no types; the benchmarks use its documented options and events loosely.
declare module 'autocannon';
