// The header's menu button: on narrow screens the navigation and account links fold away behind it
// (styles.css shows the button below 720 px). It closes on navigating and on Escape.
const button = document.getElementById('menu-button');
const header = button.closest('header');

export function setMenuOpen(open) {
  button.setAttribute('aria-expanded', String(open));
  header.classList.toggle('menu-open', open);
}

button.addEventListener('click', () => setMenuOpen(button.getAttribute('aria-expanded') !== 'true'));
header.addEventListener('keydown', e => {
  if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
    setMenuOpen(false);
    button.focus();
  }
});
