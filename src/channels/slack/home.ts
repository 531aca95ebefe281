import type { App } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { Reply } from '../../core/types.js';
import { rememberSlackConversation } from './remember.js';
import { toSlackMessage } from './render-blocks.js';
import type { SlackDeps } from './slack-deps.js';
import { toTurn } from './to-turn.js';
import { ANSWER_DIALOGS, STATUS_DIALOGS } from '../../../dialogs/names.js';

/** Slack allows 100 blocks in a Home view. */
const MAX_HOME_BLOCKS = 100;

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

/**
 * The App Home: where the person's municipality stands (its open tasks, overdue first, from
 * the same dialog as everywhere else), and the deadlines coming up.
 */
async function homeBlocks(userId: string, teamId: string | undefined, deps: SlackDeps): Promise<KnownBlock[]> {
  const place = { userId, channelId: userId, teamId };
  const answer = (dialog: string): Promise<Reply[]> =>
    deps.core.handle(toTurn(place, '', deps.clock.now(), { dialog, args: { lang: 'da' } }));
  const [mine, deadlines] = await Promise.all([answer(STATUS_DIALOGS.mine), answer(ANSWER_DIALOGS.upcoming)]);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'klikbot' } },
    section('Spørg mig her under *Beskeder*, med `/klik` eller ved at nævne @klikbot i en kanal.'),
  ];
  for (const reply of [...mine, ...deadlines]) blocks.push({ type: 'divider' }, ...toSlackMessage(reply).blocks);
  return blocks.slice(0, MAX_HOME_BLOCKS);
}

/** The Home tab is drawn when opened; opening the Messages tab tells us the DM to remind in. */
export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client, body }) => {
    if (event.tab === 'messages') {
      await rememberSlackConversation(event.channel, body.team_id, deps, event.user);
      return;
    }
    const blocks = await homeBlocks(event.user, body.team_id, deps);
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
  });
}
