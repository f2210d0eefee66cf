// 指标库: the entry page's charts (from the JSON embedded in the page), and in the editor the picker
// "从指标库选择" / "推荐指标" that inserts an entry as a new indicator row with its unit and the value
// peers set, for the user to edit. Text from the server is put in with textContent, never as HTML.
document.addEventListener("DOMContentLoaded", () => {
  entryCharts();
  picker();
});

function entryCharts() {
  const node = document.getElementById("library-entry-data");
  if (!node || !window.echarts) return;
  const p = JSON.parse(node.textContent).provenance || {};
  const font = { fontFamily: "Noto Sans CJK SC, sans-serif" };
  const draw = (id, option) => {
    const el = document.getElementById(id);
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({ textStyle: font, animation: false, ...option });
    window.addEventListener("resize", () => chart.resize());
  };
  const years = Object.entries(p.years || {});
  if (years.length) draw("chart-years", {
    title: { text: "各年度使用它的表", textStyle: { fontSize: 13 } },
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: years.map(([y]) => y + "年") },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "bar", data: years.map(([, n]) => n), itemStyle: { color: "#1d4f91" }, label: { show: true, position: "top" } }],
  });
  const values = (p.values || []).slice(0, 4);
  if (values.length) draw("chart-values", {
    title: { text: "目标值：最低、中位数、最高（按单位）", textStyle: { fontSize: 13 } },
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 32, containLabel: true },
    xAxis: { type: "category", data: values.map((d) => (d.unit || "无单位") + "（" + d.count + " 个）") },
    yAxis: { type: "value" },
    series: [
      { name: "最低", type: "bar", data: values.map((d) => Number(d.min)), itemStyle: { color: "#90a4ae" } },
      { name: "中位数", type: "bar", data: values.map((d) => Number(d.median)), itemStyle: { color: "#2f7d32" } },
      { name: "最高", type: "bar", data: values.map((d) => Number(d.max)), itemStyle: { color: "#b26a00" } },
    ],
  });
}

function picker() {
  const box = document.getElementById("library-picker");
  const form = document.getElementById("editor");
  const template = document.getElementById("row-template");
  const body = document.querySelector("#indicator-rows tbody");
  if (!box || !form || !template || !body) return;
  const query = document.getElementById("library-q");
  const list = document.getElementById("library-results");
  const note = document.getElementById("library-note");
  // the picker's own typing is not the table's: keep it from the live review and the draft copy
  ["input", "change"].forEach((type) => box.addEventListener(type, (event) => event.stopPropagation()));
  query.addEventListener("keydown", (event) => {
    if (event.key === "Enter") { event.preventDefault(); search(); }
  });

  // 服务对象满意度 and 服务对象满意度指标 are one 二级
  const group = (text) => (text || "").trim().replace(/指标$/, "");
  const value = (row, name) => { const input = row.querySelector(`[name=${name}]`); return input ? input.value : ""; };
  // the entry goes into an empty row of its 二级 (the blank form has one per 二级), else below that
  // 二级's last row, else at the end
  const place = (item) => {
    const rows = Array.from(body.querySelectorAll("tr.indicator-row"));
    const same = rows.filter((r) => item.level2 && group(value(r, "level2")) === group(item.level2));
    const empty = same.find((r) => !value(r, "indicator").trim() && !value(r, "annual").trim());
    if (empty) return empty;
    const row = template.content.firstElementChild.cloneNode(true);
    if (same.length) same[same.length - 1].after(row); else body.appendChild(row);
    return row;
  };

  const insert = (item) => {
    const row = place(item);
    const set = (name, text) => {
      const input = row.querySelector(`[name=${name}]`);
      if (input && (text || !input.value)) input.value = text || "";
    };
    set("level1", item.level1);
    set("level2", item.level2);
    set("indicator", item.name);
    set("period", item.value);
    set("annual", item.value);
    row.dataset.libraryCode = item.code;
    form.dispatchEvent(new Event("input", { bubbles: true }));
    form.dispatchEvent(new Event("change", { bubbles: true }));
    const annual = row.querySelector("[name=annual]");
    if (annual) { annual.focus(); annual.select(); }
    note.textContent = `已插入“${item.name}”，请按本项目的实际核对指标值。`;
  };

  const show = (items, empty) => {
    list.replaceChildren();
    if (!items.length) { note.textContent = empty; return; }
    items.forEach((raw) => {
      const item = { ...raw, value: raw.suggested_value || raw.typical_value || "" };
      const li = document.createElement("li");
      li.dataset.testid = "library-item";
      li.setAttribute("data-testid", "library-item");
      const title = document.createElement("strong");
      title.textContent = item.name;
      const where = document.createElement("span");
      where.className = "muted";
      where.textContent = ` ${item.level1 || ""} / ${item.level2 || ""}${item.value ? " · 建议值 " + item.value : ""}${item.status === "draft" ? " · 草稿" : ""}`;
      const why = document.createElement("div");
      why.className = "muted";
      why.setAttribute("data-testid", "library-reason");
      why.textContent = item.reason || "";
      const button = document.createElement("button");
      button.type = "button";
      button.className = "small";
      button.textContent = "插入";
      button.setAttribute("data-testid", "library-insert");
      button.addEventListener("click", () => insert(item));
      li.append(title, where, " ", button, why);
      list.appendChild(li);
    });
  };

  const fetchJson = async (url) => {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(String(response.status));
    return response.json();
  };

  async function search() {
    const words = query.value.trim();
    if (!words) { note.textContent = "请输入要查找的指标名称、二级指标或行业。"; return; }
    list.replaceChildren();
    note.textContent = "正在查找…";
    try {
      const similar = await fetchJson(`/api/library/suggest?limit=10&name=${encodeURIComponent(words)}`);
      let items = similar.entries;
      if (!items.length) items = (await fetchJson(`/api/library?q=${encodeURIComponent(words)}`)).entries;
      note.textContent = items.length ? `找到 ${items.length} 个条目：` : "";
      show(items, `指标库中没有与“${words}”相近的指标。`);
    } catch (failed) {
      note.textContent = "指标库暂时无法访问，请稍后再试。";
    }
  }

  async function recommend() {
    const field = (name) => { const input = form.querySelector(`[name=${name}]`); return input ? input.value.trim() : ""; };
    const project = field("name");
    const goal = `${field("goals_annual")} ${field("goals_period")}`.trim();
    if (!project && !goal) { note.textContent = "请先填写项目名称（或绩效目标），再按项目推荐指标。"; return; }
    list.replaceChildren();
    note.textContent = "正在推荐…";
    const query = new URLSearchParams({ project, type: field("type"), goal: goal.slice(0, 1000), department: field("department") });
    try {
      const found = await fetchJson(`/api/library/recommend?${query}`);
      note.textContent = found.entries.length ? `${found.basis}，它们常用的指标：` : "";
      show(found.entries, `没有找到与“${project}”类似的已公开项目；可以用上面的搜索从指标库选择。`);
    } catch (failed) {
      note.textContent = "指标库暂时无法访问，请稍后再试。";
    }
  }

  document.getElementById("library-search-go").addEventListener("click", search);
  document.getElementById("library-recommend").addEventListener("click", recommend);
}
