// Charts with ECharts from its WebJar (served by the gateway under /webjars): loaded on first use, so
// pages without charts never download it. If it cannot load, the page keeps its table of figures.
let loading = null;

function echartsModule() {
  loading ??= import('/webjars/echarts/5.3.1/dist/echarts.esm.min.js');
  return loading;
}

const palette = ['#1d4ed8', '#c2410c', '#15803d', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f', '#92400e'];

/**
 * Draws option into container (ARIA description on); returns the chart or null. The canvas renderer,
 * because the SVG one writes style attributes, which the gateway's content security policy blocks.
 */
export async function drawChart(container, option) {
  try {
    const echarts = await echartsModule();
    const existing = echarts.getInstanceByDom(container);
    if (existing) existing.dispose();
    const chart = echarts.init(container, null, { renderer: 'canvas' });
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    chart.setOption({ color: palette, aria: { enabled: true }, animation: !still, animationDuration: 300, textStyle: { fontFamily: 'sans-serif' }, ...option });
    // follows its box, not just the window: a phone turned, a menu opened, a panel beside it
    const sized = new ResizeObserver(() => chart.resize());
    sized.observe(container);
    new MutationObserver((_, observer) => {
      if (!container.isConnected) { sized.disconnect(); chart.dispose(); observer.disconnect(); }
    }).observe(document.getElementById('main'), { childList: true, subtree: true });
    // marked once drawn and animated, so a screenshot or a test sees the finished chart
    chart.on('finished', () => { container.dataset.rendered = 'true'; });
    return chart;
  } catch (e) {
    container.textContent = 'The chart could not be drawn here; the figures are listed below.';
    container.classList.add('muted');
    return null;
  }
}
