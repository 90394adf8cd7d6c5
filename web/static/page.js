// The page view: zoom and pan the scan, toggle the regions, link regions and
// article text both ways, pick a region for the correction form, poll a reprocess.
(function () {
  "use strict";
  const svg = document.getElementById("scan");
  if (svg) { viewer(svg); }
  const job = document.getElementById("job");
  if (job && job.dataset.job) { poll(job.dataset.job); }

  function viewer(svg) {
    const full = [0, 0, +svg.dataset.width, +svg.dataset.height];
    let box = full.slice();
    const show = () => svg.setAttribute("viewBox", box.join(" "));
    const zoom = (factor, cx, cy) => {
      const w = Math.min(full[2], Math.max(full[2] / 40, box[2] * factor));
      const h = w * full[3] / full[2];
      cx = cx ?? box[0] + box[2] / 2;
      cy = cy ?? box[1] + box[3] / 2;
      box = [cx - (cx - box[0]) * w / box[2], cy - (cy - box[1]) * h / box[3], w, h];
      show();
    };
    const toPage = (evt) => {
      const pt = svg.createSVGPoint();
      pt.x = evt.clientX; pt.y = evt.clientY;
      return pt.matrixTransform(svg.getScreenCTM().inverse());
    };
    svg.addEventListener("wheel", (evt) => {
      evt.preventDefault();
      const p = toPage(evt);
      zoom(evt.deltaY < 0 ? 0.8 : 1.25, p.x, p.y);
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (evt) => {
      drag = { p: toPage(evt), moved: false };
    });
    svg.addEventListener("pointermove", (evt) => {
      if (!drag) { return; }
      const p = toPage(evt);
      const dx = p.x - drag.p.x, dy = p.y - drag.p.y;
      if (!drag.moved && Math.hypot(dx, dy) < box[2] / 200) { return; }
      drag.moved = true;
      svg.classList.add("dragging");
      box[0] -= dx; box[1] -= dy;
      show();
    });
    const stop = () => { svg.classList.remove("dragging"); setTimeout(() => { drag = null; }, 0); };
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointerleave", stop);
    button("zoom-in", () => zoom(0.7));
    button("zoom-out", () => zoom(1 / 0.7));
    button("zoom-reset", () => { box = full.slice(); show(); });
    toggle("show-regions", "hide-regions");
    toggle("show-numbers", "hide-numbers");

    svg.querySelectorAll(".region").forEach((region) => {
      region.addEventListener("click", () => {
        if (drag && drag.moved) { return; }
        pick(region);
        light(region.dataset.article, true);
      });
    });
    document.querySelectorAll("#articles article").forEach((article) => {
      const go = () => light(article.dataset.article, false);
      article.addEventListener("click", go);
      article.addEventListener("keydown", (evt) => { if (evt.key === "Enter") { go(); } });
    });

    function button(id, action) {
      const el = document.getElementById(id);
      if (el) { el.addEventListener("click", action); }
    }
    function toggle(id, hidden) {
      const el = document.getElementById(id);
      if (el) { el.addEventListener("change", () => svg.classList.toggle(hidden, !el.checked)); }
    }
  }

  // Highlight one article on both sides; scroll the other side to it.
  function light(number, fromScan) {
    document.querySelectorAll(".lit").forEach((el) => el.classList.remove("lit"));
    if (!number) { return; }
    const text = document.querySelector(`#articles article[data-article="${number}"]`);
    const regions = document.querySelectorAll(`.region[data-article="${number}"]`);
    regions.forEach((el) => el.classList.add("lit"));
    if (text) {
      text.classList.add("lit");
      if (fromScan) { text.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
    }
  }

  // A clicked region is "picked": the correction form's buttons copy its box
  // or id, never silently (a click only to read must not change the page).
  function pick(region) {
    document.querySelectorAll(".picked").forEach((el) => el.classList.remove("picked"));
    region.classList.add("picked");
    const label = document.getElementById("picked");
    if (label) { label.textContent = `${region.dataset.region} (${region.dataset.type}) ${region.dataset.bbox}`; }
  }
  document.querySelectorAll("[data-use]").forEach((btn) => {
    btn.addEventListener("click", () => {
      const region = document.querySelector(".region.picked");
      const field = document.getElementById(btn.dataset.target);
      if (!region || !field) { return; }
      field.value = region.dataset[btn.dataset.use];
    });
  });

  function poll(url) {
    const tick = () => fetch(url, { headers: { Accept: "application/json" } })
      .then((r) => r.json())
      .then((state) => {
        if (["done", "flagged", "failed"].includes(state.state)) {
          const page = location.pathname;
          location.replace(`${page}?job=${state.id}`);
        } else {
          setTimeout(tick, 1500);
        }
      })
      .catch(() => setTimeout(tick, 3000));
    setTimeout(tick, 1000);
  }
})();
