/**
 * The baseline for bench/echo-ratio.ts: a bare botbuilder echo bot on restify, as botbuilder's
 * samples build it, in local mode (no credentials, so no token checked) like the klikbot it is
 * measured beside. It logs the same "klikbot listening" line so one helper can wait for either.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, async (context) => {
    await context.sendActivity(`Du skrev: ${context.activity.text ?? ''}`);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ msg: 'klikbot listening', url: `http://127.0.0.1:${address.port}` }));
});
