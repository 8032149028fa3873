import { badRequest, notFound } from '../http-error.js';
import { recordParam, stringParam } from '../params.js';
import { presentHarvestCredential } from '../present.js';
import type { HarvestAccount } from '../repositories/harvest-credentials-repository.js';
import type { CoopCall, CoopRouter, ServerContext } from './route-kit.js';
import { requireSelf } from './users.js';

/** H1–H3 and the inferred DELETE (§8): the caller's own Harvest login. */
export function registerHarvestCredentialRoutes(router: CoopRouter, context: ServerContext): void {
  const path = '/users/:userId/harvest_credential';
  const locationOf = (userId: number) => `/users/${userId}/harvest_credential`;

  router
    .get(path, async (call) => {
      const user = await requireSelf(context, call);
      const credential = context.db.harvestCredentials.forUser(user.id);
      if (!credential) throw notFound();
      return { body: call.codec.serializeHarvestCredential(presentHarvestCredential(credential)) };
    })
    .post(path, async (call) => {
      const user = await requireSelf(context, call);
      if (context.db.harvestCredentials.forUser(user.id)) {
        throw badRequest('Harvest credentials already exist: update them with PUT');
      }
      context.db.harvestCredentials.insert(user.id, validatedAccount(call), context.now());
      return { status: 201, location: locationOf(user.id) };
    })
    .put(path, async (call) => {
      const user = await requireSelf(context, call);
      if (!context.db.harvestCredentials.forUser(user.id)) throw notFound();
      context.db.harvestCredentials.update(user.id, validatedAccount(call), context.now());
      return { location: locationOf(user.id) };
    })
    .delete(path, async (call) => {
      const user = await requireSelf(context, call);
      if (!context.db.harvestCredentials.forUser(user.id)) throw notFound();
      context.db.harvestCredentials.delete(user.id);
      return {};
    });
}

/**
 * Real Co-op logged in to Harvest to check the credentials; this server cannot, so it applies the
 * checks Harvest would surely make: a plausible subdomain, an email, a password of 6+ characters.
 */
function validatedAccount(call: CoopCall): HarvestAccount {
  const fields = recordParam(call.input, 'harvest_credential');
  const subdomain = stringParam(fields, 'subdomain')?.trim().toLowerCase() ?? '';
  const email = stringParam(fields, 'email')?.trim() ?? '';
  const password = stringParam(fields, 'password') ?? '';
  if (!/^[a-z0-9-]+$/.test(subdomain)) {
    throw badRequest(
      'Harvest rejected the credentials: subdomain must be the <subdomain> of <subdomain>.harvestapp.com',
    );
  }
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw badRequest('Harvest rejected the credentials: email is not valid');
  if (password.length < 6) throw badRequest('Harvest rejected the credentials: wrong email or password');
  return { subdomain, email };
}
