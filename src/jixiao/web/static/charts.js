// Dashboard charts from the JSON embedded in the page (the same figures as /api/dashboard).
document.addEventListener("DOMContentLoaded", () => {
  const node = document.getElementById("dashboard-data");
  if (!node || !window.echarts) return;
  const data = JSON.parse(node.textContent);
  const font = { fontFamily: "Noto Sans CJK SC, sans-serif" };
  const statusLabels = { draft: "草稿", submitted: "已提交", returned: "退回", approved: "已通过", published: "已公开" };
  const severityLabels = { error: "错误", warning: "警告", info: "提示" };
  const severityColors = { error: "#c62828", warning: "#b26a00", info: "#2166ac" };
  const wan = (yuan) => Math.round(Number(yuan) / 100) / 100;
  const draw = (id, option) => {
    const el = document.getElementById(id);
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({ textStyle: font, animation: false, ...option });
    window.addEventListener("resize", () => chart.resize());
  };
  const pie = (entries, labels, colors) => ({
    tooltip: { trigger: "item" },
    legend: { bottom: 0 },
    series: [{
      type: "pie", radius: ["40%", "68%"], center: ["50%", "45%"],
      label: { formatter: "{b}：{c}" },
      data: Object.entries(entries).map(([k, v]) => ({ name: labels[k] || k, value: v, itemStyle: colors && colors[k] ? { color: colors[k] } : undefined })),
    }],
  });
  const bars = (names, values, color) => ({
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value" },
    yAxis: { type: "category", data: names, inverse: true, axisLabel: { width: 220, overflow: "truncate" } },
    series: [{ type: "bar", data: values, itemStyle: { color }, label: { show: true, position: "right" } }],
  });
  const empty = (id) => { const el = document.getElementById(id); if (el) el.innerHTML = '<p class="muted">暂无数据</p>'; };
  if (Object.keys(data.by_status).length) draw("chart-status", pie(data.by_status, statusLabels, {
    draft: "#90a4ae", submitted: "#1d4f91", returned: "#b26a00", approved: "#66bb6a", published: "#2f7d32" }));
  else empty("chart-status");
  const grades = ["优", "良", "中", "差"];
  const gradeColors = { "优": "#2f7d32", "良": "#558b2f", "中": "#b26a00", "差": "#c62828" };
  if (Object.keys(data.by_outcome).length) draw("chart-outcome", {
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: grades },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "bar", barWidth: "45%", label: { show: true, position: "top" },
      data: grades.map((g) => ({ value: data.by_outcome[g] || 0, itemStyle: { color: gradeColors[g] } })) }],
  });
  else empty("chart-outcome");
  if (Object.keys(data.findings_by_severity).length) draw("chart-severity", pie(data.findings_by_severity, severityLabels, severityColors));
  else empty("chart-severity");
  if (data.budget_by_type.length) draw("chart-type", bars(data.budget_by_type.map((r) => r.type), data.budget_by_type.map((r) => wan(r.budget)), "#a4262c"));
  else empty("chart-type");
  if (data.budget_by_unit.length) draw("chart-unit", bars(data.budget_by_unit.map((r) => r.unit), data.budget_by_unit.map((r) => wan(r.budget)), "#1d4f91"));
  else empty("chart-unit");
  if (data.findings_by_rule.length) {
    const rules = data.findings_by_rule;
    const option = bars(
      rules.map((r) => (r.title ? `${r.code} ${r.title}` : r.code)),
      rules.map((r) => ({ value: r.count, itemStyle: { color: severityColors[r.severity] } })), "#b26a00");
    // the tooltip names the rule in full (the axis label may be cut short) and its severity
    option.tooltip = { trigger: "item", formatter: (p) => {
      const r = rules[p.dataIndex];
      return `${r.code} ${r.title || ""}<br>${severityLabels[r.severity] || r.severity}：${r.count} 条`;
    } };
    draw("chart-rule", option);
  }
  else empty("chart-rule");
});
