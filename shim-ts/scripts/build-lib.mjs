// Compiles src/ into lib/ (ESM .js and .d.ts, what `sora-migrate shim vendor --lang js` ships).
// `--check` compiles into a temporary folder and fails if lib/ differs from it.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

function compile(outDir) {
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", outDir], {
    stdio: "inherit",
  });
}

function files(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

if (process.argv.includes("--check")) {
  const fresh = mkdtempSync(join(tmpdir(), "shim-lib-"));
  try {
    compile(fresh);
    const lib = join(root, "lib");
    const expected = files(fresh);
    const stale = [...new Set([...expected, ...files(lib)])].filter(
      (name) =>
        !expected.includes(name) ||
        !files(lib).includes(name) ||
        !readFileSync(join(fresh, name)).equals(readFileSync(join(lib, name))),
    );
    if (stale.length > 0) {
      console.error(`lib/ is stale (${stale.join(", ")}): run \`npm run build\` in shim-ts`);
      process.exit(1);
    }
  } finally {
    rmSync(fresh, { recursive: true, force: true });
  }
} else {
  compile(join(root, "lib"));
}
