// `npm test`: the shared data and lib/ are fresh (lib/ is rebuilt from src/ with the strict
// tsconfig.json, so this is also `tsc --strict` on the shim alone, without Node's types), the
// tests compile, then they run under `node --test` against lib/.
import { execFile } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const build = join(root, ".build");

async function run(...args) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 1 << 26 });
    process.stdout.write(stdout);
    process.stderr.write(stderr);
  } catch (error) {
    process.stdout.write(error.stdout ?? "");
    process.stderr.write(error.stderr ?? String(error));
    process.exit(typeof error.code === "number" ? error.code : 1);
  }
}

await run(join(root, "scripts", "generate-data.mjs"), "--check");
rmSync(build, { recursive: true, force: true });
await Promise.all([run(join(root, "scripts", "build-lib.mjs"), "--check"), run(tsc, "-p", "tsconfig.test.json")]);
const tests = readdirSync(join(build, "test"))
  .filter((name) => name.endsWith(".test.js"))
  .map((name) => join(build, "test", name));
await run("--test", ...process.argv.slice(2), ...tests);
