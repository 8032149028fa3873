import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of design.md, enforced by reading every import. A layer imports only layers below it;
 * the core never sees a platform SDK; adapters never import each other; only src/main.ts wires all.
 */
const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  const full = path.join(root, dir);
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
  /** The project-relative target for relative imports, else undefined. */
  target: string | undefined;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map(({ fileName }) => ({
    file,
    specifier: fileName,
    target: fileName.startsWith('.')
      ? path.relative(root, path.resolve(root, path.dirname(file), fileName))
      : undefined,
  }));
}

/** Which project areas each area may import. */
const ALLOWED: Record<string, readonly string[]> = {
  'src/log': ['src/log'],
  'src/metrics': ['src/metrics', 'src/log'],
  'src/ops': ['src/ops', 'src/metrics', 'src/store', 'src/coop', 'src/log'],
  'src/coop': ['src/coop', 'src/log'],
  'src/coop-server': ['src/coop-server', 'src/coop', 'src/log'],
  'src/config': ['src/config', 'src/log'],
  'src/store': ['src/store', 'src/coop', 'src/log'],
  'src/core': ['src/core', 'src/store', 'src/coop', 'src/log'],
  'src/relay': ['src/relay', 'src/core', 'src/store', 'src/coop', 'src/metrics', 'src/log'],
};

const PLATFORM_SDKS = ['@slack/', 'discord.js', '@discordjs/'];

function areaOf(file: string): string {
  const parts = file.split(path.sep);
  if (parts[0] === 'adapters') return `adapters/${parts[1]}`;
  if (parts[0] === 'src' && parts.length > 2) return `src/${parts[1]}`;
  return file.replace(/\.ts$/, '').split(path.sep).join('/');
}

function layerViolations(list: readonly Import[]): string[] {
  return list
    .filter(({ file, target }) => {
      const allowed = ALLOWED[areaOf(file)];
      if (allowed === undefined || target === undefined) return false;
      // Files outside the code tree (package.json for the version) belong to no layer.
      const inCode = target.startsWith(`src${path.sep}`) || target.startsWith(`adapters${path.sep}`);
      return inCode && !allowed.includes(areaOf(target));
    })
    .map((v) => `${v.file} -> ${v.specifier}`);
}

function sdkViolations(list: readonly Import[]): string[] {
  return list
    .filter(
      ({ file, specifier }) =>
        file.startsWith('src') &&
        file !== 'src/main.ts' &&
        PLATFORM_SDKS.some((sdk) => specifier.startsWith(sdk)),
    )
    .map((v) => `${v.file} -> ${v.specifier}`);
}

function adapterViolations(list: readonly Import[]): string[] {
  return list
    .filter(({ file, target }) => {
      if (!file.startsWith('adapters') || !target) return false;
      const to = areaOf(target);
      return (to.startsWith('adapters/') && to !== areaOf(file)) || to === 'src/main';
    })
    .map((v) => `${v.file} -> ${v.specifier}`);
}

const files = [...sourceFiles('src'), ...sourceFiles('adapters')];
const imports = files.flatMap(importsOf);

describe('layer boundaries', () => {
  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(imports.length).toBeGreaterThan(3);
  });

  it('each layer imports only the layers below it', () => {
    expect(layerViolations(imports)).toEqual([]);
  });

  it('nothing below the adapters imports a platform SDK', () => {
    expect(sdkViolations(imports)).toEqual([]);
  });

  it('adapters never import each other, nor the composition root', () => {
    expect(adapterViolations(imports)).toEqual([]);
  });

  it('nothing reads ../shared at run time', () => {
    const offenders = files.filter((f) =>
      /\.\.\/shared|\/work\/shared/.test(readFileSync(path.join(root, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('the checks catch each kind of violation', () => {
    const fake = (file: string, specifier: string): Import => ({
      file,
      specifier,
      target: specifier.startsWith('.')
        ? path.relative(root, path.resolve(root, path.dirname(file), specifier))
        : undefined,
    });
    expect(layerViolations([fake('src/core/x.ts', '../../adapters/shell/y.js')])).toHaveLength(1);
    expect(layerViolations([fake('src/coop/x.ts', '../store/y.js')])).toHaveLength(1);
    expect(layerViolations([fake('src/core/x.ts', '../store/y.js')])).toHaveLength(0);
    expect(sdkViolations([fake('src/core/x.ts', '@slack/bolt')])).toHaveLength(1);
    expect(sdkViolations([fake('src/relay/x.ts', 'discord.js')])).toHaveLength(1);
    expect(adapterViolations([fake('adapters/slack/x.ts', '../discord/y.js')])).toHaveLength(1);
    expect(adapterViolations([fake('adapters/slack/x.ts', '../../src/core/y.js')])).toHaveLength(0);
  });
});
