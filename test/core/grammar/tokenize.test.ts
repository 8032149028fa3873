import { describe, expect, it } from 'vitest';
import { restFrom, tokenize } from '../../../src/core/grammar/tokenize.js';

const texts = (source: string, keys: string[] = []) => tokenize(source, keys).map((t) => t.text);

describe('tokenize', () => {
  it('splits on any whitespace and records positions', () => {
    const tokens = tokenize('  post\thello \n world ');
    expect(tokens.map((t) => t.text)).toEqual(['post', 'hello', 'world']);
    expect(tokens[1]).toEqual({ text: 'hello', raw: 'hello', start: 7, end: 12 });
  });

  it('returns nothing for blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t\u00a0')).toEqual([]);
  });

  it('keeps a quoted word together without its quotes, straight or curly', () => {
    expect(texts('subscribe "Design team" cobot')).toEqual(['subscribe', 'Design team', 'cobot']);
    expect(texts('use “Design team”')).toEqual(['use', 'Design team']);
    expect(tokenize('"a b"')[0]?.raw).toBe('"a b"');
  });

  it('treats an unclosed or empty quote as an ordinary character', () => {
    expect(texts('say "hello there')).toEqual(['say', '"hello', 'there']);
    expect(texts('x "" y')).toEqual(['x', '""', 'y']);
    expect(texts('x "  " y')).toEqual(['x', '"', '"', 'y']);
  });

  it('never splits a mention key, even inside a word', () => {
    const keys = ['<@U1|Ada L>', '@sybil'];
    expect(texts('tl <@U1|Ada L> today', keys)).toEqual(['tl', '<@U1|Ada L>', 'today']);
    expect(texts('sub user:<@U1|Ada L>', keys)).toEqual(['sub', 'user:<@U1|Ada L>']);
    expect(texts('tl @sybilla', keys)).toEqual(['tl', '@sybilla']);
  });

  it('slices the rest of the text verbatim', () => {
    const source = 'post  a  b\n c  ';
    const tokens = tokenize(source);
    expect(restFrom(source, tokens[1])).toBe('a  b\n c');
    expect(restFrom(source, undefined)).toBe('');
  });
});
