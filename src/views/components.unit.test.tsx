import { describe, expect, it } from 'vitest';
import { ErrorSummary, TextField } from './components.js';

const t = (k: string) => k;

describe('form components', () => {
  it('echo typed values exactly and safely in attributes', async () => {
    const html = String(await TextField({ name: 'title', label: 'Rubrik', form: { values: { title: 'a&amp;b "q" <script>' }, errors: {} }, t }));
    expect(html).toContain('value="a&amp;amp;b &#34;q&#34; <script>"');
    expect(html).not.toContain('"q"');
  });

  it('escape labels and link each error to its field', async () => {
    const html = String(
      await TextField({ name: 'title', label: '<b>Rubrik</b>', form: { values: {}, errors: { title: ['Fyll i rubriken'] } }, t, required: true }),
    );
    // kitajs escapes `<` (enough to stop any tag) and leaves `>`.
    expect(html).toContain('&lt;b>Rubrik&lt;/b>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="f-title-error"');
    const summary = String(await ErrorSummary({ errors: { title: ['Fyll i <rubriken>'] }, t }));
    expect(summary).toContain('href="#f-title"');
    expect(summary).toContain('Fyll i &lt;rubriken>');
  });
});
