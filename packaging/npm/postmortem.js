#!/usr/bin/env node
// The `postmortem` command of the npm package postmortem-cli: runs the binary
// from the platform package npm installed beside it (one of the
// optionalDependencies, chosen by their os, cpu and libc fields; no install
// script). POSTMORTEM_BINARY runs another binary instead.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const PACKAGES = {
  "linux-x64-gnu": "@postmortem-cli/linux-x64-gnu",
  "linux-x64-musl": "@postmortem-cli/linux-x64-musl",
  "linux-arm64-gnu": "@postmortem-cli/linux-arm64-gnu",
  "linux-arm64-musl": "@postmortem-cli/linux-arm64-musl",
  "darwin-x64": "@postmortem-cli/darwin-x64",
  "darwin-arm64": "@postmortem-cli/darwin-arm64",
  "win32-x64": "@postmortem-cli/win32-x64",
};

function isMusl() {
  // Node reports the glibc it runs on; on musl there is none.
  try {
    const report = process.report && process.report.getReport();
    const header = report && (typeof report === "string" ? JSON.parse(report) : report).header;
    return !(header && header.glibcVersionRuntime);
  } catch (_) {
    return false;
  }
}

function binary() {
  if (process.env.POSTMORTEM_BINARY) return process.env.POSTMORTEM_BINARY;
  let key = `${process.platform}-${process.arch}`;
  if (process.platform === "linux") key += isMusl() ? "-musl" : "-gnu";
  const name = PACKAGES[key];
  if (!name) {
    throw new Error(
      `postmortem-cli has no binary for ${key}; install it with pipx (pipx install postmortem-cli) or cargo`,
    );
  }
  let manifest;
  try {
    manifest = require.resolve(`${name}/package.json`);
  } catch (_) {
    throw new Error(
      `${name} is not installed: npm installs it with postmortem-cli unless optional dependencies are omitted (--omit=optional, --no-optional)`,
    );
  }
  return path.join(path.dirname(manifest), process.platform === "win32" ? "postmortem.exe" : "postmortem");
}

let command;
try {
  command = binary();
} catch (error) {
  process.stderr.write(`postmortem: ${error.message}\n`);
  process.exit(2);
}
const result = spawnSync(command, process.argv.slice(2), { stdio: "inherit" });
if (result.error) {
  process.stderr.write(`postmortem: cannot run ${command}: ${result.error.message}\n`);
  process.exit(2);
}
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status === null ? 1 : result.status);
