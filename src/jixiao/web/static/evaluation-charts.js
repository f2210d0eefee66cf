// Dashboard: monitoring lights and self-evaluation grades (same figures as /api/dashboard "evaluation").
document.addEventListener("DOMContentLoaded", () => {
  const node = document.getElementById("evaluation-data");
  if (!node || !window.echarts) return;
  const data = JSON.parse(node.textContent);
  const font = { fontFamily: "Noto Sans CJK SC, sans-serif" };
  const draw = (id, option) => {
    const el = document.getElementById(id);
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({ textStyle: font, animation: false, ...option });
    window.addEventListener("resize", () => chart.resize());
  };
  const lights = [["green", "绿灯", "#2f7d32"], ["yellow", "黄灯", "#d29a00"], ["red", "红灯", "#c62828"]];
  draw("chart-lights", {
    tooltip: { trigger: "item" },
    legend: { bottom: 0 },
    series: [{ type: "pie", radius: ["40%", "68%"], center: ["50%", "45%"], label: { formatter: "{b}：{c}" },
      data: lights.filter(([k]) => data.lights[k]).map(([k, name, color]) => ({ name, value: data.lights[k], itemStyle: { color } })) }],
  });
  const grades = [["优", "#2f7d32"], ["良", "#1d4f91"], ["中", "#b26a00"], ["差", "#c62828"]];
  draw("chart-grades", {
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: grades.map(([g]) => g) },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "bar", label: { show: true, position: "top" },
      data: grades.map(([g, color]) => ({ value: data.grades[g] || 0, itemStyle: { color } })) }],
  });
});
