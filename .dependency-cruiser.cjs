// @ts-check
/**
 * Which way imports may point (npm run deps; npm test runs it): channels → core → (the
 * dialogs, injected by the composition root) → understanding, knowledge, state → lib.
 * Type-only imports count: a circle of types is still a circle for a reader.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type imports included: a module must be readable before the ones that use it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-knows-no-dialog',
      severity: 'error',
      comment: 'The core gets the dialogs injected (src/klikbot-core.ts); it imports none of them.',
      from: { path: '^src/core/' },
      to: { path: '^dialogs/' },
    },
    {
      name: 'lower-layers-know-no-dialog',
      severity: 'error',
      comment: 'Knowledge, state, understanding and the helpers under them serve the dialogs and never import one.',
      from: { path: '^src/(lib|knowledge|state|understanding|reminders|polls|calendar|status|server|dashboard)/' },
      to: { path: '^dialogs/' },
    },
    {
      name: 'channels-name-dialogs-only',
      severity: 'error',
      comment:
        'A channel may name a dialog (a welcome, the Slack Home tab) but goes through the core for everything else.',
      from: { path: '^src/channels/' },
      to: { path: '^dialogs/', pathNot: '^dialogs/names\\.ts$' },
    },
    {
      name: 'channel-sdks-in-channels-only',
      severity: 'error',
      comment: 'Bot Framework and Slack stay replaceable: only src/channels/ imports their SDKs.',
      from: { path: '^(src|dialogs)/', pathNot: '^src/channels/' },
      to: { path: 'node_modules/(botbuilder[^/]*|botframework-[^/]*|@slack/[^/]+)/' },
    },
    {
      name: 'dialogs-above-channels',
      severity: 'error',
      comment: 'Dialogs answer in Replies; they never reach into a channel, the server or the composition root.',
      from: { path: '^dialogs/' },
      to: { path: '^src/(channels|server)/|^src/(main|index|klikbot-core|open-data|services|start-channels)\\.ts$' },
    },
    {
      name: 'lib-knows-no-klikbot',
      severity: 'error',
      comment: 'src/lib/ holds generic helpers that know nothing of klikbot.',
      from: { path: '^src/lib/' },
      to: { path: '^(src|dialogs)/', pathNot: '^src/lib/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // type-only imports are kept (TypeScript would drop them from the output)
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
