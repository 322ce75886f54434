// Progressive enhancement only: every form works without this file.

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('[data-copy]') : null;
  if (!button) return;
  const source = document.querySelector(button.getAttribute('data-copy') ?? '');
  const text = source && (source.getAttribute('data-secret') || source.getAttribute('data-copy-text') || source.textContent);
  if (!text || !navigator.clipboard) return;
  void navigator.clipboard.writeText(text.trim()).then(() => {
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => (button.textContent = label), 1500);
  });
});

document.addEventListener('DOMContentLoaded', () => {
  document.documentElement.classList.add('js');
});
