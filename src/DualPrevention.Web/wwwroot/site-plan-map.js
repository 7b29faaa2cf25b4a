// A site plan drawn with Leaflet (ADR 0044): the plan's image under L.CRS.Simple, zones, picked points and the page's
// own marks and lines over it, with zoom, pan, pinch and keyboard zoom. Coordinates are image pixels (column, row) with
// rows counted downwards; Leaflet's simple CRS counts latitude upwards, so a pixel is drawn at [-row, column].
// Leaflet comes from npm at build time (wwwroot/lib/leaflet), never a CDN; its UMD build sets globalThis.L.
import './lib/leaflet/leaflet.js';

const L = globalThis.L;
const toLatLng = ([column, row]) => [-row, column];

// Sets data-* attributes (and the test id) on a vector layer's SVG element.
function tag(layer, attributes) {
  const element = layer.getElement();
  for (const [name, value] of Object.entries(attributes || {})) {
    element.setAttribute(name, value);
  }
}

class SitePlanMap {
  constructor(element, options, dotnet) {
    this.element = element;
    this.dotnet = dotnet;
    this.picking = false;
    this.marks = new Map();
    this.lines = new Map();
    this.bounds = L.latLngBounds([[-options.height, 0], [0, options.width]]);
    this.size = { width: options.width, height: options.height };
    this.map = L.map(element, {
      crs: L.CRS.Simple,
      attributionControl: false,
      zoomControl: false,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      maxBounds: this.bounds.pad(0.5),
      maxBoundsViscosity: 0.5,
    });
    // A first view, so that layers are drawn at once; fit() below replaces it once the element has a size.
    this.fitting = true;
    this.map.setView(this.bounds.getCenter(), 0, { animate: false });
    this.fitting = false;
    L.control.zoom({ zoomInTitle: options.zoomIn, zoomOutTitle: options.zoomOut }).addTo(this.map);
    if (options.image) {
      L.imageOverlay(options.image, this.bounds, { alt: options.alt }).addTo(this.map);
    } else {
      L.rectangle(this.bounds, { className: 'site-plan-blank', interactive: false }).addTo(this.map);
    }
    this.zones = L.layerGroup().addTo(this.map);
    this.draft = L.layerGroup().addTo(this.map);
    // Refit whenever the element changes size (it may have none yet when the map is made, or the page's layout
    // settles later) until the user zooms or pans; then only keep the transform current.
    this.moved = false;
    this.map.on('dragstart zoomstart', () => {
      this.moved ||= !this.fitting;
    });
    this.resized = new ResizeObserver(() => (this.moved ? this.map.invalidateSize({ animate: false }) : this.fit()));
    this.resized.observe(element);
    this.fit();
    this.map.on('zoomend moveend resize', () => this.expose());
    this.map.on('click', (event) => this.pick(event.latlng));
    this.print = window.matchMedia('print');
    this.refit = () => {
      this.moved = false;
      this.fit();
    };
    this.print.addEventListener('change', this.refit);
    window.addEventListener('afterprint', this.refit);
  }

  // Fits the whole plan into the element (in steps of zoomSnap), then allows zooming out one step and in five.
  fit() {
    this.map.invalidateSize({ animate: false });
    const size = this.map.getSize();
    const snap = this.map.options.zoomSnap;
    const zoom = Math.floor(Math.log2(Math.min(size.x / this.size.width, size.y / this.size.height)) / snap) * snap;
    if (!Number.isFinite(zoom)) {
      return;
    }

    this.fitting = true;
    try {
      this.map.setMinZoom(zoom - 1);
      this.map.setMaxZoom(Math.max(zoom, 0) + 5);
      this.map.setView(this.bounds.getCenter(), zoom, { animate: false });
    } finally {
      this.fitting = false;
    }

    this.expose();
  }

  // The map's transform on the container, for the browser tests: container point = offset + pixel × scale.
  expose() {
    const origin = this.map.latLngToContainerPoint([0, 0]);
    const zoom = this.map.getZoom();
    this.element.dataset.zoom = String(zoom);
    this.element.dataset.scale = String(this.map.getZoomScale(zoom, 0));
    this.element.dataset.offsetX = String(origin.x);
    this.element.dataset.offsetY = String(origin.y);
    this.element.dataset.ready = 'true';
  }

  pick(latlng) {
    const column = latlng.lng;
    const row = -latlng.lat;
    if (this.picking && column >= 0 && row >= 0 && column <= this.size.width && row <= this.size.height) {
      this.dotnet.invokeMethodAsync('Pick', column, row);
    }
  }

  setPicking(picking) {
    this.picking = picking;
    this.element.classList.toggle('site-plan-map-picking', picking);
  }

  // Zones: [{ name, color ('red' …), testId, points: [[column, row], …] }], drawn in their risk colours with their names.
  setZones(json) {
    this.zones.clearLayers();
    for (const zone of JSON.parse(json)) {
      const polygon = L.polygon(zone.points.map(toLatLng), { className: `zone zone-${zone.color}` })
        .bindTooltip(zone.name, { permanent: true, direction: 'center', className: 'zone-label' })
        .addTo(this.zones);
      tag(polygon, { 'data-testid': zone.testId });
    }
  }

  // The points picked so far (scale points or a zone's corners) and the draft outline through them.
  setPicked(json) {
    this.draft.clearLayers();
    const points = JSON.parse(json).map(toLatLng);
    if (points.length === 0) {
      return;
    }

    tag(L.polyline(points, { className: 'zone-draft', interactive: false }).addTo(this.draft), { 'data-testid': 'zone-draft' });
    for (const point of points) {
      tag(L.circleMarker(point, { radius: 6, className: 'zone-draft-point', interactive: false }).addTo(this.draft), { 'data-testid': 'zone-draft-point' });
    }
  }

  // The page's marks (people, cameras, the track's current point): [{ key, column, row, radius, className, title,
  // attributes }]. A mark whose key is already drawn moves in place; marks no longer listed are removed.
  setMarks(json) {
    const wanted = new Map(JSON.parse(json).map((mark) => [mark.key, mark]));
    for (const [key, layer] of this.marks) {
      if (!wanted.has(key)) {
        layer.remove();
        this.marks.delete(key);
      }
    }

    for (const [key, mark] of wanted) {
      let layer = this.marks.get(key);
      const at = toLatLng([mark.column, mark.row]);
      if (layer) {
        layer.setLatLng(at);
        layer.setRadius(mark.radius);
        layer.getElement().setAttribute('class', `${mark.className} leaflet-interactive`);
        layer.setTooltipContent(mark.title);
      } else {
        layer = L.circleMarker(at, { radius: mark.radius, className: mark.className }).bindTooltip(mark.title).addTo(this.map);
        this.marks.set(key, layer);
      }

      tag(layer, mark.attributes);
    }
  }

  // The page's lines (the track): [{ key, points: [[column, row], …], className, attributes }].
  setLines(json) {
    for (const layer of this.lines.values()) {
      layer.remove();
    }

    this.lines.clear();
    for (const line of JSON.parse(json)) {
      const layer = L.polyline(line.points.map(toLatLng), { className: line.className, interactive: false }).addTo(this.map);
      tag(layer, line.attributes);
      this.lines.set(line.key, layer);
    }

    for (const mark of this.marks.values()) {
      mark.bringToFront();
    }
  }

  dispose() {
    this.resized.disconnect();
    this.print.removeEventListener('change', this.refit);
    window.removeEventListener('afterprint', this.refit);
    this.map.remove();
    delete this.element.dataset.ready;
  }
}

export function create(element, options, dotnet) {
  return new SitePlanMap(element, options, dotnet);
}
