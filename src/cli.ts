import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Command, CommanderError, Option } from 'commander';
import { z } from 'zod';
import { ConfigError, loadConfig, type Config } from './config/index.js';
import { systemClock } from './core/clock.js';
import { Invalid, isAppError } from './core/errors.js';
import { t } from './core/i18n.js';
import { verifyAuditChain } from './audit/index.js';
import { createUser, ROLES, systemActor, type Role } from './auth/index.js';
import { openDatabase, startServer } from './main.js';
import type { Database } from './db/client.js';

/** Bad arguments or input: exit code 2 with a clear message (no stack trace). */
class UsageError extends Error {}

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function config(): Config {
  return loadConfig();
}

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(config());
  try {
    await database.migrate();
    return await fn(database);
  } finally {
    await database.close();
  }
}

const log = (line: string) => process.stderr.write(`${line}\n`);

export function buildCli(): Command {
  const program = new Command()
    .name('stadsnav')
    .description('Stadsnav – registry, referral rounds, decisions and open data for a city.')
    .version(version)
    .showHelpAfterError('(stadsnav --help visar alla kommandon / lists all commands)')
    .exitOverride();

  program
    .command('serve')
    .description('Migrate the database, seed demo data on an empty embedded database, and serve HTTP')
    .option('-p, --port <port>', 'port (default: PORT or 3000)')
    .action(async (opts: { port?: string }) => {
      const env = { ...process.env, ...(opts.port !== undefined && { PORT: opts.port }) };
      const cfg = loadConfig(env);
      const server = await startServer(cfg, {
        afterMigrate: async (database) => {
          const { seedDemo, shouldSeedDemo } = await import('./demo/seed.js');
          if (await shouldSeedDemo(database, cfg)) {
            log('Fyller på demodata från seed-dokumenten (seeding demo data)…');
            const summary = await seedDemo({ db: database.db, clock: systemClock, actor: systemActor('demo') }, log);
            log(summary);
          }
        },
      });
      const address = `http://localhost:${cfg.PORT}`;
      log(`Stadsnav lyssnar på ${address} (databas: ${server.database.driver})`);
      const stop = async () => {
        log('Stänger av…');
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('migrate')
    .description('Apply database migrations and exit')
    .action(async () => {
      await withDatabase(async (database) => log(`Migrerad (${database.driver}).`));
    });

  program
    .command('seed-demo')
    .description('Create the demo organisation, cases and accounts from the seed documents (idempotent)')
    .action(async () => {
      const { seedDemo } = await import('./demo/seed.js');
      await withDatabase(async (database) => {
        log(await seedDemo({ db: database.db, clock: systemClock, actor: systemActor('demo') }, log));
      });
    });

  program
    .command('import')
    .description('Read protocol extracts, statements and memos (.txt, .md, .pdf; files or folders, recursively)')
    .argument('<paths...>', 'files or folders')
    .option('--dry-run', 'parse only and store nothing')
    .option('--json', 'print one JSON object per file, as a JSON array, on standard output')
    .option('--verbose', 'print one line per stored, skipped or failed file on standard error')
    .option('--max-bytes <bytes>', 'largest file to read', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-bytes måste vara ett positivt heltal, inte "${v}".`);
      return n;
    })
    .action(async (paths: string[], opts: { dryRun?: boolean; json?: boolean; verbose?: boolean; maxBytes?: number }) => {
      if (!opts.dryRun) {
        if (opts.json) throw new UsageError('--json gäller bara tillsammans med --dry-run. (--json only works with --dry-run.)');
        const { collectFiles, importFiles } = await import('./modules/archive-import/index.js');
        const { startProgress } = await import('./cli-support/progress.js');
        const files = await collectFiles(paths);
        const maxBytes = opts.maxBytes ?? config().STADSNAV_MAX_UPLOAD_BYTES;
        await withDatabase(async (database) => {
          const progress = startProgress(files.length, 'Importerar');
          const run = await importFiles(
            { db: database.db, clock: systemClock, actor: systemActor('import') },
            files,
            {
              maxBytes,
              source: 'cli',
              onFile: (file, status) => {
                if (opts.verbose) log(`${status}\t${file}`);
                progress.tick();
              },
            },
          );
          progress.stop();
          log(`Import ${run.id}: ${run.stored} sparade, ${run.skipped} redan importerade (oförändrade), ${run.failed} misslyckades av ${run.fileCount} filer.`);
          if (run.failures.length) {
            log('Filer som inte kunde sparas:');
            for (const f of run.failures) log(`  ${f.file}: ${f.reason}`);
            process.exitCode = 1;
          }
        });
        return;
      }
      const { collectFiles, parseFile } = await import('./modules/archive-import/dry-run.js');
      const { startProgress } = await import('./cli-support/progress.js');
      const files = await collectFiles(paths);
      const maxBytes = opts.maxBytes ?? config().STADSNAV_MAX_UPLOAD_BYTES;
      const progress = startProgress(files.length, 'Läser');
      const unreadable: Array<{ file: string; reason: string }> = [];
      const out = process.stdout;
      if (opts.json) out.write('[');
      for (const [i, file] of files.entries()) {
        const outcome = await parseFile(file, { maxBytes });
        if (outcome.error) unreadable.push({ file, reason: outcome.error.messageSv });
        if (opts.json) out.write(`${i ? ',' : ''}\n${JSON.stringify(outcome.result)}`);
        else out.write(`${file}\t${outcome.result.kind}\t${outcome.result.title ?? '–'}\t${outcome.result.warnings.length} varningar\n`);
        progress.tick();
      }
      if (opts.json) out.write(files.length ? '\n]\n' : ']\n');
      progress.stop();
      log(`${files.length - unreadable.length} av ${files.length} filer lästa (inget sparat: --dry-run).`);
      if (unreadable.length) {
        log(`${unreadable.length} filer kunde inte läsas:`);
        for (const u of unreadable) log(`  ${u.file}: ${u.reason}`);
        process.exitCode = 1;
      }
    });

  const user = program.command('user').description('Manage accounts');
  user
    .command('add')
    .description('Create a local account. Without --password-stdin a strong password is generated and printed once.')
    .requiredOption('-u, --username <username>', 'login name (a–z, 0–9, . _ -)')
    .requiredOption('-n, --name <name>', 'display name')
    .option('-e, --email <email>', 'e-mail address')
    .addOption(
      new Option('-r, --role <roles...>', `role, or role@body-slug for one body; one of: ${ROLES.join(', ')}`).default([]),
    )
    .option('--password-stdin', 'read the password from standard input')
    .option('--locale <locale>', 'sv or en', 'sv')
    .action(async (opts: { username: string; name: string; email?: string; role: string[]; passwordStdin?: boolean; locale: string }) => {
      const password = opts.passwordStdin ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : generatePassword();
      await withDatabase(async (database) => {
        const roles = await resolveRoles(database, opts.role);
        const created = await createUser(
          { db: database.db, clock: systemClock, actor: systemActor('cli') },
          { username: opts.username, displayName: opts.name, email: opts.email ?? null, password, locale: opts.locale as 'sv', roles },
        );
        log(`Skapade användaren ${created.username} (${created.id}).`);
        if (!opts.passwordStdin) process.stdout.write(`${password}\n`);
      });
    });

  const audit = program.command('audit').description('Audit log');
  audit
    .command('verify')
    .description('Walk the hash chain and report the first broken link (exit 1 if broken)')
    .action(async () => {
      await withDatabase(async (database) => {
        const result = await verifyAuditChain(database.db, (n) => log(`  kontrollerade ${n} poster…`));
        if (result.ok) {
          process.stdout.write(`OK: ${result.entries} poster, kedjan är obruten. Senaste hash ${result.lastHash}\n`);
        } else {
          process.stdout.write(`BRUTEN vid post ${result.brokenAt}: ${result.reason} (${result.entries} poster före är hela)\n`);
          process.exitCode = 1;
        }
      });
    });

  return program;
}

/** Four random words' worth of entropy in a form people can type: 24 base32 characters in groups. */
function generatePassword(): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(24);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{6}/g)!.join('-');
}

async function resolveRoles(database: Database, specs: string[]): Promise<Array<{ role: Role; bodyId: string | null }>> {
  const { findBodyBySlug } = await import('./modules/organisation/index.js');
  const roles: Array<{ role: Role; bodyId: string | null }> = [];
  for (const spec of specs) {
    const [roleName, slug] = spec.split('@');
    const role = z.enum(ROLES).safeParse(roleName);
    if (!role.success) throw new UsageError(`Okänd roll "${roleName}". Giltiga roller: ${ROLES.join(', ')}`);
    if (!slug) {
      roles.push({ role: role.data, bodyId: null });
      continue;
    }
    const body = await findBodyBySlug(database.db, slug);
    if (!body) throw new UsageError(`Okänt organ "${slug}" i --role ${spec}.`);
    roles.push({ role: role.data, bodyId: body.id });
  }
  return roles;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildCli();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError || e instanceof ConfigError) {
      log(e.message);
      return 2;
    }
    if (e instanceof Invalid) {
      log(t('sv', 'error.invalid'));
      for (const [field, msgs] of Object.entries(e.fields)) log(`  ${field}: ${msgs.map((m) => t('sv', m)).join('; ')}`);
      return 2;
    }
    if (isAppError(e)) {
      log(t('sv', e.messageKey, e.params));
      return 2;
    }
    log(`Oväntat fel: ${(e as Error).message}`);
    return 1;
  }
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain || process.argv[1]?.endsWith('cli.ts')) {
  runCli(process.argv).then((code) => {
    // `serve` keeps running; every other command ends here.
    if (code !== 0) process.exit(code);
  });
}
