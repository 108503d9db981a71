// Copy Chart.js's browser bundle from node_modules into the Django static
// folder, for the report builder and the desk dashboard.
//
//   npm ci && npm run build
//
// The output is committed, so a machine with Python alone draws the charts,
// and nothing is loaded from a CDN. The UMD bundle already contains
// Chart.js's one dependency (@kurkle/color).

import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(repo, "apps/lao_moha/lao_moha/static/lao_moha/vendor/chart.js");
// chart.js exports no "./package.json": find its folder from its entry file.
let pkgDir = dirname(require.resolve("chart.js"));
while (!existsSync(join(pkgDir, "package.json"))) pkgDir = dirname(pkgDir);
const { version, license } = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
copyFileSync(join(pkgDir, "dist/chart.umd.min.js"), join(outDir, "chart.umd.min.js"));
copyFileSync(join(pkgDir, "LICENSE.md"), join(outDir, "LICENSE.md"));
writeFileSync(
  join(outDir, "README.md"),
  `# Chart.js

\`chart.umd.min.js\` is Chart.js ${version} (${license} licence, see
\`LICENSE.md\`), copied from the npm package by \`assets/build-charts.mjs\`
(\`npm ci && npm run build\` at the repository root); do not edit by hand.
\`lao_moha/js/charts.js\` draws every \`canvas[data-lao-chart]\` with it.
`,
);
console.log(`copied Chart.js ${version} to ${outDir}`);
