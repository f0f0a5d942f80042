// The ECharts build the app loads: only the chart types and components it draws,
// bundled from the npm package by esbuild (see Trunk.toml's pre_build hook) and
// exposed as the global `echarts` that src/charts.rs calls.
import * as core from 'echarts/core';
import { BarChart, LineChart, RadarChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

core.use([
  BarChart,
  LineChart,
  RadarChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  SVGRenderer,
]);

// Only the SVG renderer is bundled (charts stay sharp on a projector and print as
// vectors), so every chart is created with it.
globalThis.echarts = {
  init: (dom, theme, options) => core.init(dom, theme, { ...options, renderer: 'svg' }),
};
