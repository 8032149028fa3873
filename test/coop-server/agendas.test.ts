import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { basic, type DemoServer, demoServer, TOWERS } from './support.js';

/** A1–A5 (§7): raw text stored, Textile HTML rendered as RedCloth did. */
describe('agendas', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await demoServer();
  });
  afterEach(() => server.close());

  it('renders the group agenda with Textile, and any member may change it', async () => {
    const put = await server.call({
      method: 'PUT',
      url: `/groups/${TOWERS}/agenda`,
      as: 'manuel',
      payload: { agenda: '* Bacon slap\n* Bacon slap' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.headers.location).toBe(`/groups/${TOWERS}/agenda`);
    expect(await server.json({ url: `/groups/${TOWERS}/agenda`, as: 'sybil' })).toEqual({
      group_id: TOWERS,
      agenda: '* Bacon slap\n* Bacon slap',
      agenda_html: '<ul>\n\t<li>Bacon slap</li>\n\t<li>Bacon slap</li>\n</ul>',
    });
  });

  it('keeps my_agenda per member and lists them all in user_agendas', async () => {
    const put = await server.call({
      method: 'PUT',
      url: `/groups/${TOWERS}/my_agenda.xml`,
      as: 'polly',
      headers: { 'content-type': 'application/xml' },
      payload: '<agenda>- Paint\n- Sketch</agenda>',
    });
    expect(put.statusCode).toBe(200);
    expect(put.headers.location).toBe(`/groups/${TOWERS}/my_agenda`);
    expect(await server.json({ url: `/groups/${TOWERS}/my_agenda`, as: 'polly' })).toEqual({
      user_id: server.idOf('polly'),
      agenda: '- Paint\n- Sketch',
      agenda_html: '<p>- Paint<br />\n- Sketch</p>',
    });
    const all = await server.json<{ user_id: number; agenda: string }[]>({
      url: `/groups/${TOWERS}/user_agendas`,
      as: 'manuel',
    });
    expect(all).toHaveLength(4);
    expect(all.find((a) => a.user_id === server.idOf('polly'))?.agenda).toBe('- Paint\n- Sketch');
  });

  it('accepts a form agenda= and escapes raw HTML in the rendered agenda', async () => {
    const response = await server.app.inject({
      method: 'PUT',
      url: `/groups/${TOWERS}/agenda.json`,
      headers: { authorization: basic('sybil'), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `agenda=${encodeURIComponent('<script>alert(1)</script> "x":javascript:alert(2)')}`,
    });
    expect(response.statusCode).toBe(200);
    const { agenda_html } = await server.json<{ agenda_html: string }>({
      url: `/groups/${TOWERS}/agenda`,
      as: 'sybil',
    });
    expect(agenda_html).not.toContain('<script>');
    expect(agenda_html).not.toContain('javascript:');
    expect(agenda_html).toContain('&lt;script&gt;');
  });

  it('400 without an agenda, XML records for user_agendas', async () => {
    expect(
      (
        await server.call({
          method: 'PUT',
          url: `/groups/${TOWERS}/agenda`,
          as: 'sybil',
          payload: { other: 1 },
        })
      ).statusCode,
    ).toBe(400);
    const xml = await server.app.inject({
      url: `/groups/${TOWERS}/user_agendas.xml`,
      headers: { authorization: basic('sybil') },
    });
    expect(xml.body).toContain('<records type="array">');
  });
});
