import { createRequire } from 'node:module';

/**
 * Co-op asked clients to name themselves in `User-Agent` (coop-api.md §1.6). The version is read
 * once from package.json so the header follows releases without a second place to edit.
 */
function readVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    const pkg: unknown = require('../../../package.json');
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') {
      return pkg.version;
    }
  } catch {
    // A bundled or relocated build may lack package.json; the agent still names the application.
  }
  return '0.0.0';
}

export const USER_AGENT = `coop-bridge/${readVersion()}`;
