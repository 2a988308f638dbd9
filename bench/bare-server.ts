import Fastify from 'fastify';

/** The baseline: Fastify answering a constant, no database, no authentication. */
const app = Fastify({ logger: false });
app.get('/ping', async () => ({ ok: true }));
await app.listen({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1' });
console.log('ready');
