import { expect } from '@open-wc/testing';
import type { OpenApiDocument } from '@kith/schema';
import { serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { clientOf } from './fixtures.js';
import type { OpenApiResource } from './openapi.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _document: Equal<Awaited<ReturnType<OpenApiResource['get']>>, OpenApiDocument> = true;

describe('openapi resource against the real server (public)', () => {
  let server: KithServerInfo;
  before(async () => {
    server = await serverInfo();
  });

  it('an OpenAPI 3 document of the routes: this one, and GET/PATCH of a customer and of a deal', async () => {
    const document = await clientOf(server).openapi.get();
    expect(document.openapi).to.match(/^3\./);
    expect(document.info.title).to.equal('Kith API');
    expect(document.paths).to.have.property('/v1/openapi.json');
    expect(document.paths['/v1/customers/{id}']).to.have.keys('get', 'patch');
    expect(document.paths['/v1/opportunities/{id}']).to.have.keys('get', 'patch');
  });
});
