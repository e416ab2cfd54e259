// On narrow screens styles.css shows each table row as a card; each cell then needs its column's
// name beside it. This labels every cell (data-label) from its column header, for tables any page
// draws, now or later.
function label(root) {
  for (const table of root.querySelectorAll('table')) {
    const heads = [...(table.tHead?.rows[0]?.cells ?? [])].map(th => th.textContent.trim());
    if (!heads.length) continue;
    for (const body of table.tBodies) {
      for (const row of body.rows) {
        for (const cell of row.cells) {
          if (cell.tagName === 'TD' && !cell.hasAttribute('data-label')) cell.dataset.label = heads[cell.cellIndex] ?? '';
        }
      }
    }
  }
}

export function labelTableCells(main) {
  label(main);
  new MutationObserver(() => label(main)).observe(main, { childList: true, subtree: true });
}
