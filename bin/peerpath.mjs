#!/usr/bin/env node
// The `peerpath` command. Runs the TypeScript sources through tsx, so there is no separate build step for the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
