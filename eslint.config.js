// ESLint flat config: JavaScript and TypeScript recommended rules (not type-checked, for
// speed: `npm run typecheck` covers types) and the two classic React hooks rules.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const ROUTES = { group: ["~/routes", "~/routes/*", "**/routes/*"], message: "Only Remix imports route modules: move the shared code to a module, a component or utils." };
const MODULES = { group: ["~/modules", "~/modules/*", "**/modules/*"], message: "utils are cross-cutting: they never import a domain module." };
const HTTP = {
  group: ["@remix-run/node", "@remix-run/express", "@remix-run/react"],
  message: "Modules know nothing of HTTP: take plain arguments and throw a DomainError (utils/domain-error.ts).",
};
const SERVER_FILES = {
  group: ["**/*.server", "**/*.server.*"],
  message: "Components run in the browser: import a shared schema.ts, a pure module file or a type file, never a *.server file.",
};

/** The import rules of each folder (also checked on fixtures by app/utils/layering.test.ts). */
export const layering = [
  { files: ["app/modules/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [ROUTES, HTTP] }] } },
  { files: ["app/utils/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [ROUTES, MODULES] }] } },
  { files: ["app/components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [ROUTES, SERVER_FILES] }] } },
];

export default defineConfig(
  {
    ignores: [
      "build/",
      "public/build/",
      "app/generated/",
      "node_modules/",
      ".data/",
      ".cache/",
      "test-results/",
      "playwright-report/",
      "tests/.artifacts/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      // Only the two long-standing rules: the React Compiler rules of v7's preset are not adopted.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  // Layering: the folders tell the architecture (see /docs and CONVENTIONS), enforced here.
  ...layering,
  {
    // Ambient declaration files (remix.env.d.ts) reference types the way Remix's templates do.
    files: ["**/*.d.ts"],
    rules: { "@typescript-eslint/triple-slash-reference": "off" },
  },
  {
    // Plain JavaScript files run on Node (server.js, remix.config.js, this file).
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      sourceType: "module",
      globals: {
        process: "readonly",
        console: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        URL: "readonly",
        Buffer: "readonly",
      },
    },
  },
  {
    // The service worker runs in the browser, in its own global scope.
    files: ["public/sw.js"],
    languageOptions: {
      sourceType: "script",
      globals: { self: "readonly", caches: "readonly", fetch: "readonly", Request: "readonly", Response: "readonly", URL: "readonly", console: "readonly" },
    },
  },
);
