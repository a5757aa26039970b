// `npm test`: the shared data and lib/ are fresh, the shim type-checks on its own (no Node
// types), then the tests (compiled with tsc) run under `node --test` against lib/.
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const build = join(root, ".build");

function run(...args) {
  execFileSync(process.execPath, args, { cwd: root, stdio: "inherit" });
}

try {
  run(join(root, "scripts", "generate-data.mjs"), "--check");
  run(join(root, "scripts", "build-lib.mjs"), "--check");
  run(tsc, "-p", "tsconfig.json", "--noEmit");
  rmSync(build, { recursive: true, force: true });
  run(tsc, "-p", "tsconfig.test.json");
  const tests = readdirSync(join(build, "test"))
    .filter((name) => name.endsWith(".test.js"))
    .map((name) => join(build, "test", name));
  run("--test", ...process.argv.slice(2), ...tests);
} catch (error) {
  process.exit(typeof error.status === "number" ? error.status : 1);
}
