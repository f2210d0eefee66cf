// The share of blanket full marks (全部满分) per department, from the JSON embedded in the dashboard.
// The table beside the chart holds the same figures as text.
document.addEventListener("DOMContentLoaded", () => {
  const node = document.getElementById("published-data");
  const el = document.getElementById("chart-full-marks");
  if (!node || !el || !window.echarts) return;
  const rows = JSON.parse(node.textContent);
  const chart = echarts.init(el, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: "Noto Sans CJK SC, sans-serif" },
    tooltip: { trigger: "axis", valueFormatter: (v) => `${v}%` },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: {
      type: "category", inverse: true, axisLabel: { width: 200, overflow: "truncate" },
      data: rows.map((r) => r.department || "（未注明）"),
    },
    series: [{
      type: "bar", itemStyle: { color: "#b26a00" }, label: { show: true, position: "right", formatter: "{c}%" },
      data: rows.map((r) => Number(r.share)),
    }],
  });
  window.addEventListener("resize", () => chart.resize());
});
