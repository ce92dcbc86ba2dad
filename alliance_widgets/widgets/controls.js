// The kit's accessible controls (anywidget ESM; loaded offline from the package).
//
// RangeControl: a native <input type=range> named by its visible <label for>, with an
// aria-valuetext ("3.25 of 5", "r = .28") so a screen reader says what the number means.
// The browser's own range input gives arrows, Page Up/Down and Home/End. The value text
// is formatted here too, so it is right the moment a key moves the thumb (the kernel's
// copy follows one round trip later, with the same rules).
// LiveReadout: a region that exists once and keeps its role=status/aria-live=polite
// while its paragraphs change, so screen readers announce each new readout.

// anywidget may give each widget its own copy of this module, so a module-level
// counter does not make ids unique in the page: a random id does.
function uniqueId() {
  const c = globalThis.crypto;
  const r = c && c.randomUUID ? c.randomUUID() : Math.random().toString(36).slice(2);
  return `aw-range-${r}`;
}

// The keys a range input or a radio group answers by itself. In JupyterLab and Notebook 7
// the same keys are notebook shortcuts (arrows select another cell, Home/End the first or
// last): Lumino's keydown handler on the document matches them for a focused input that
// is not :read-write (a range or radio input never is), calls preventDefault and moves
// focus to a cell, so the control never moves and the kernel hears nothing.
// ipywidgets' own sliders are not hit: noUiSlider handles these keys on its handle.
const OWN_KEYS = new Set([
  "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End",
]);

// Keep the control's keys for the control: Lumino skips shortcuts for a target inside an
// element marked data-lm-suppress-shortcuts, and the keydown stops before any other
// handler of the page (the notebook's) can take it. Tab, Escape, Shift+Enter still pass.
function keepOwnKeys(input) {
  input.setAttribute("data-lm-suppress-shortcuts", "true");
  input.addEventListener("keydown", (event) => {
    if (OWN_KEYS.has(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.stopPropagation();
    }
  });
}

function formatNumber(x, spec) {
  if (spec === "apa") {
    // APA style for numbers that cannot exceed 1: no leading zero (r = .28).
    return x.toFixed(2).replace(/^(-?)0\./, "$1.");
  }
  const fixed = /^\.(\d+)f$/.exec(spec);
  if (fixed) return x.toFixed(Number(fixed[1]));
  if (spec === "d") return String(Math.round(x));
  return String(x);
}

export function valueText(template, value, min, max, spec) {
  const f = (v) => formatNumber(v, spec);
  return template
    .replaceAll("{value}", f(value))
    .replaceAll("{min}", String(min))
    .replaceAll("{max}", String(max));
}

function renderRange({ model, el }) {
  const id = uniqueId();
  el.classList.add("aw-range");
  const label = document.createElement("label");
  label.className = "aw-range-label";
  label.htmlFor = id;
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  input.className = "aw-range-input";
  // The visible number beside the track; hidden from the accessibility tree because
  // aria-valuetext already says it (a screen reader would otherwise read it twice).
  const readout = document.createElement("output");
  readout.className = "aw-range-readout";
  readout.htmlFor = id;
  readout.setAttribute("aria-hidden", "true");
  keepOwnKeys(input);
  el.append(label, input, readout);

  function showValue(value) {
    const spec = model.get("readout_format");
    const text = valueText(
      model.get("text_template"), value, model.get("min"), model.get("max"), spec);
    input.setAttribute("aria-valuetext", text);
    readout.textContent = formatNumber(value, spec);
  }
  function sync() {
    label.textContent = model.get("description");
    label.style.width = model.get("label_width") || "";
    input.min = model.get("min");
    input.max = model.get("max");
    input.step = model.get("step");
    input.value = model.get("value");
    input.disabled = model.get("disabled");
    const tip = model.get("tooltip");
    if (tip) el.title = tip; else el.removeAttribute("title");
    showValue(model.get("value"));
  }
  function send() {
    model.set("value", Number(input.value));
    model.save_changes();
  }
  input.addEventListener("input", () => {
    showValue(Number(input.value));
    if (model.get("continuous_update")) send();
  });
  input.addEventListener("change", send);
  model.on("change", sync);
  sync();
  return () => model.off("change", sync);
}

function renderLive({ model, el }) {
  const region = document.createElement("div");
  region.className = "aw-live";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  el.append(region);
  function sync() {
    const lines = model.get("value").split("\n");
    region.replaceChildren(
      ...lines.map((line) => {
        const p = document.createElement("p");
        p.textContent = line;
        return p;
      }),
    );
  }
  model.on("change:value", sync);
  sync();
  return () => model.off("change:value", sync);
}

function renderChoice({ model, el }) {
  // One choice of a few, as a radio group: the legend names the group and each option
  // says "selected" or not (ipywidgets' toggle buttons say neither).
  const group = document.createElement("fieldset");
  group.className = "aw-choice";
  const legend = document.createElement("legend");
  legend.className = "aw-choice-legend";
  group.append(legend);
  el.append(group);
  const name = uniqueId();
  let inputs = [];
  function build() {
    group.querySelectorAll(".aw-choice-option").forEach((o) => o.remove());
    inputs = model.get("labels").map((text, i) => {
      const option = document.createElement("label");
      option.className = "aw-choice-option";
      const input = document.createElement("input");
      input.type = "radio";
      input.name = name;
      input.value = String(i);
      keepOwnKeys(input);
      input.addEventListener("change", () => {
        if (input.checked) {
          model.set("index", i);
          model.save_changes();
        }
      });
      option.append(input, document.createTextNode(text));
      group.append(option);
      return input;
    });
  }
  function sync() {
    legend.textContent = model.get("description");
    inputs.forEach((input, i) => {
      input.checked = i === model.get("index");
      input.disabled = model.get("disabled");
    });
    const tip = model.get("tooltip");
    if (tip) group.title = tip; else group.removeAttribute("title");
  }
  function rebuild() {
    build();
    sync();
  }
  model.on("change:labels", rebuild);
  model.on("change", sync);
  rebuild();
  return () => {
    model.off("change:labels", rebuild);
    model.off("change", sync);
  };
}

const VIEWS = { range: renderRange, live: renderLive, choice: renderChoice };

export default {
  render(context) {
    return VIEWS[context.model.get("kind")](context);
  },
};
