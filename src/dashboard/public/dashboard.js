// The dashboard's enhancements: the pages stand without this script (server-drawn tables and
// forms); with it the board follows reported statuses live, the filters apply as they change,
// and the charts are drawn from the figures the page carries, each savable as PNG.
'use strict';

const language = document.body.dataset.lang === 'en' ? 'en' : 'da';

/**
 * Applies one changed cell: its status, symbol, words and hint, and the row's count of done.
 * A cell already showing it (a page catching up is sent every cell) is left alone, unflashed
 * and unannounced. Returns whether the cell changed.
 */
function applyCell(update) {
  const cell = document.getElementById(update.id);
  if (!cell) return false;
  const shown = cell.querySelector('.hint');
  if (cell.dataset.status === update.status && (shown ? shown.textContent : '') === update.hint) return false;
  cell.dataset.status = update.status;
  cell.querySelector('.symbol').textContent = update.symbol;
  cell.querySelector('.sr').textContent = update.words;
  let hint = cell.querySelector('.hint');
  if (!hint) {
    hint = document.createElement('span');
    hint.className = 'hint';
    cell.append(hint);
  }
  hint.textContent = update.hint;
  cell.tabIndex = 0;
  const row = cell.closest('tr');
  const count = row && row.querySelector('.count');
  if (count) {
    const cells = row.querySelectorAll('.cell');
    const done = row.querySelectorAll('.cell[data-status="done"]').length;
    count.textContent = `${done}/${cells.length}`;
  }
  cell.classList.remove('changed');
  // restarting the highlight: a cell changed twice in a row flashes twice
  void cell.offsetWidth;
  cell.classList.add('changed');
  return true;
}

function followLive() {
  const url = document.body.dataset.live;
  if (!url || !window.EventSource) return;
  const announce = document.querySelector('.live');
  const source = new window.EventSource(url);
  source.addEventListener('open', () => {
    document.body.dataset.stream = 'open';
  });
  source.addEventListener('error', () => {
    document.body.dataset.stream = source.readyState === window.EventSource.CLOSED ? 'closed' : 'connecting';
  });
  source.addEventListener('cells', (event) => {
    const updates = JSON.parse(event.data);
    const shown = updates.filter(applyCell);
    if (announce && shown.length > 0) {
      announce.textContent = shown.map((update) => `${update.municipality}: ${update.words}`).join('; ');
    }
  });
}

function submitFiltersOnChange() {
  for (const form of document.querySelectorAll('form.filters')) {
    for (const select of form.querySelectorAll('select')) select.addEventListener('change', () => form.submit());
  }
}

const STATUS_COLOURS = { done: '#1b7f3b', started: '#b35c00', 'not-started': '#6b6b6b', 'not-reported': '#d9d9d9' };

function chartConfig(data) {
  if (data.kind === 'progress') {
    return {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map((series) => ({
          label: series.label,
          data: series.values,
          backgroundColor: STATUS_COLOURS[series.status],
        })),
      },
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        // every bar keeps its label, however narrow the screen
        scales: {
          x: { stacked: true, beginAtZero: true, max: data.max || undefined },
          y: { stacked: true, ticks: { autoSkip: false } },
        },
      },
    };
  }
  return {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: data.series.map((series) => ({ label: series.label, data: series.values, borderColor: '#0b5cad' })),
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 1, max: 5 } } },
  };
}

function drawCharts() {
  if (!window.Chart) return;
  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    const source = document.getElementById(`${canvas.id}-data`);
    if (!source) continue;
    const data = JSON.parse(source.textContent);
    const rows = Math.max(3, data.labels.length);
    canvas.parentElement.style.height = data.kind === 'progress' ? `${rows * 36 + 80}px` : '320px';
    new window.Chart(canvas, chartConfig(data));
    canvas.dataset.drawn = 'true';
  }
  for (const button of document.querySelectorAll('button.png')) {
    const canvas = document.getElementById(button.dataset.chart);
    if (!canvas) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const link = document.createElement('a');
      link.href = canvas.toDataURL('image/png');
      link.download = `${canvas.id}-${language}.png`;
      link.click();
    });
  }
}

followLive();
submitFiltersOnChange();
drawCharts();
