// `use:sortable` on a <table>: every header that names one column sorts the body rows by it
// (click or Enter; again for the other direction). It reads the cells as shown (or a cell's
// data-sort), so any table gets it without its component changing how it renders; rows the page
// adds or replaces later are put back in the chosen order. Rows with data-sort-fixed stay last.
import { firstDirection, headerColumns, sortRows, sortValue, type SortDir, type SortValue } from './sort';

/** The cell of a body row that covers `column` (cells with colspan count as wide). */
function cellAt(row: HTMLTableRowElement, column: number): HTMLTableCellElement | null {
  let col = 0;
  for (const cell of row.cells) {
    if (column < col + cell.colSpan) return column === col ? cell : null;
    col += cell.colSpan;
  }
  return null;
}

function valueOf(row: HTMLTableRowElement, column: number): SortValue {
  const cell = cellAt(row, column);
  if (!cell) return null;
  return sortValue(cell.dataset.sort ?? cell.textContent ?? '');
}

export function sortable(table: HTMLTableElement) {
  let column = -1;
  let dir: SortDir = 'asc';
  const headers = new Map<HTMLTableCellElement, number>();

  const body = () => table.tBodies[0] ?? null;

  function apply() {
    const tbody = body();
    if (!tbody || column < 0) return;
    const rows = [...tbody.rows];
    const fixed = rows.filter((r) => r.hasAttribute('data-sort-fixed'));
    const sorted = [...sortRows(rows.filter((r) => !r.hasAttribute('data-sort-fixed')), (r) => valueOf(r, column), dir), ...fixed];
    if (sorted.every((r, i) => r === rows[i])) return;
    observer.disconnect();
    tbody.append(...sorted);
    watch();
  }

  function mark() {
    for (const [th, col] of headers) {
      th.setAttribute('aria-sort', col === column ? (dir === 'asc' ? 'ascending' : 'descending') : 'none');
    }
  }

  function choose(col: number) {
    if (col === column) dir = dir === 'asc' ? 'desc' : 'asc';
    else {
      column = col;
      dir = firstDirection([...(body()?.rows ?? [])].map((r) => valueOf(r, col)));
    }
    mark();
    apply();
  }

  const onClick = (e: Event) => {
    const th = (e.target as Element).closest('th');
    // Links and buttons inside a header keep their own meaning.
    if (!th || !headers.has(th as HTMLTableCellElement) || (e.target as Element).closest('a, button, input, select')) return;
    choose(headers.get(th as HTMLTableCellElement)!);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const th = (e.target as Element).closest('th');
    if (!th || !headers.has(th as HTMLTableCellElement)) return;
    e.preventDefault();
    choose(headers.get(th as HTMLTableCellElement)!);
  };

  /** (Re)reads the header rows: a component may re-render them. */
  function setup() {
    headers.clear();
    const rows = [...(table.tHead?.rows ?? [])];
    const layout = headerColumns(rows.map((r) => [...r.cells].map((c) => ({ rowSpan: c.rowSpan, colSpan: c.colSpan }))));
    rows.forEach((r, i) =>
      [...r.cells].forEach((th, j) => {
        const at = layout[i]![j]!;
        if (!at.single || th.hasAttribute('data-sort-off')) return;
        headers.set(th, at.column);
        th.classList.add('sortable');
        th.tabIndex = 0;
        th.title ||= 'Bấm để sắp xếp theo cột này';
      }),
    );
    mark();
  }

  const observer = new MutationObserver((records) => {
    if (records.some((r) => table.tHead?.contains(r.target) ?? false)) setup();
    apply();
  });
  function watch() {
    observer.observe(table, { childList: true, subtree: true });
  }

  setup();
  watch();
  table.addEventListener('click', onClick);
  table.addEventListener('keydown', onKey);
  return {
    destroy() {
      observer.disconnect();
      table.removeEventListener('click', onClick);
      table.removeEventListener('keydown', onKey);
    },
  };
}
