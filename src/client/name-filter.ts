/**
 * The name box of the people A to Z (src/components/NameFilter.astro). On the index, a name
 * opens the page of the index it is filed on (the last page whose first name sorts before it),
 * carrying the name as `?name=`; on a page of names, the box (filled from `?name=`) hides every
 * name that does not hold what is typed. Names are compared as slugs: case and accents aside.
 */
import { initialOf } from '#lib/name-index.ts';
import { slugify } from '#lib/slug.ts';

function jump(form: HTMLElement, input: HTMLInputElement, status: HTMLOutputElement): void {
  const pages = [...document.querySelectorAll<HTMLAnchorElement>('a[data-initial][data-from]')];
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const wanted = slugify(input.value);
    if (wanted === '') return;
    const filed = pages.filter((page) => page.dataset.initial === initialOf(input.value));
    const page = filed.findLast((candidate) => (candidate.dataset.from ?? '') <= wanted) ?? filed[0];
    if (page === undefined) {
      status.value = `No one named in the stories has a name starting “${input.value.trim().charAt(0)}”.`;
      return;
    }
    const url = new URL(page.href);
    url.searchParams.set('name', input.value.trim());
    location.assign(url);
  });
}

function filter(input: HTMLInputElement, status: HTMLOutputElement): void {
  const names = [...document.querySelectorAll<HTMLLIElement>('main .tag-index > li')].map((item) => ({
    item,
    slug: slugify(item.querySelector('a')?.textContent ?? ''),
  }));
  const apply = () => {
    const wanted = slugify(input.value);
    let shown = 0;
    for (const { item, slug } of names) {
      item.hidden = !slug.includes(wanted);
      if (!item.hidden) shown++;
    }
    status.value = wanted === '' ? '' : `${shown} of ${names.length} names on this page.`;
  };
  input.addEventListener('input', apply);
  input.value = new URLSearchParams(location.search).get('name') ?? '';
  if (input.value !== '') apply();
}

for (const form of document.querySelectorAll<HTMLElement>('[data-name-filter]')) {
  const input = form.querySelector('input');
  const status = form.querySelector('output');
  if (!input || !status) continue;
  if (form.dataset.nameFilter === 'jump') jump(form, input, status);
  else filter(input, status);
  form.hidden = false;
}
