/* map.js: progressive enhancement for GET /map (templates/pages/site/map.cs). The page works
 * without it: the form is a plain GET form and the list of sites is the content. This script
 *  1. adds a "use my location" button to the search form (only where the browser can locate),
 *     which puts the position in lat/lng fields and submits the form;
 *  2. draws the listed sites on a Leaflet map in #map: one marker per list item (data-lat,
 *     data-lng, data-name, data-href), a circle for the radius. The container starts hidden; it is
 *     shown only when Leaflet loaded and a tile server is configured, and hidden again if no tile
 *     loads (no network), so a failed map never leaves an empty box.
 * All text comes from the page (data-* attributes written from the lang files). It never builds
 * HTML from data: names go into text nodes. ES2017, no build step, no globals but Leaflet's L. */
(function () {
  'use strict';

  /* ---------- "use my location" ---------- */

  function setField(form, name, value) {
    let input = form.querySelector('input[type="hidden"][name="' + name + '"]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'hidden';
      input.name = name;
      form.appendChild(input);
    }
    input.value = value;
  }

  function addLocateButton(form) {
    if (!('geolocation' in navigator) || !form.dataset.locateLabel) {
      return;
    }
    const actions = form.querySelector('.map-actions') || form;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-secondary map-locate';
    button.textContent = form.dataset.locateLabel;
    const status = document.createElement('p');
    status.className = 'map-locate-status';
    status.setAttribute('role', 'status');
    const submit = actions.querySelector('button[type="submit"]');
    if (submit) {
      submit.insertAdjacentElement('afterend', button);
    } else {
      actions.appendChild(button);
    }
    actions.insertAdjacentElement('afterend', status);

    button.addEventListener('click', function () {
      button.disabled = true;
      status.textContent = form.dataset.locateBusy || '';
      navigator.geolocation.getCurrentPosition(
        function (pos) {
          /* 5 decimals is about a metre: enough for a walking circle, no more precise than needed */
          setField(form, 'lat', pos.coords.latitude.toFixed(5));
          setField(form, 'lng', pos.coords.longitude.toFixed(5));
          const district = form.querySelector('select[name="district"]');
          if (district) {
            district.value = '';
          }
          form.submit();
        },
        function () {
          button.disabled = false;
          status.textContent = form.dataset.locateError || '';
        },
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 }
      );
    });
  }

  /* ---------- the map ---------- */

  /* Leaflet puts the attribution in with innerHTML: hand it text with the markup characters
   * escaped, so the configured string is shown as written. */
  function escapeText(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return '&#' + c.charCodeAt(0) + ';';
    });
  }

  function popupContent(name, href) {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = name;
    return link;
  }

  function showMap(el) {
    const lat = parseFloat(el.dataset.lat);
    const lng = parseFloat(el.dataset.lng);
    const radius = parseFloat(el.dataset.radius);
    if (!isFinite(lat) || !isFinite(lng) || !isFinite(radius) || !el.dataset.tiles) {
      return;
    }

    /* The circle's box and every listed site (the nearest may lie outside the circle). */
    const centre = L.latLng(lat, lng);
    const bounds = centre.toBounds(2 * radius);
    const sites = [];
    document.querySelectorAll('.map-results li[data-lat]').forEach(function (item) {
      const p = L.latLng(parseFloat(item.dataset.lat), parseFloat(item.dataset.lng));
      if (isFinite(p.lat) && isFinite(p.lng)) {
        sites.push({ at: p, name: item.dataset.name || '', href: item.dataset.href || '#' });
        bounds.extend(p);
      }
    });

    el.hidden = false;
    const map = L.map(el, { scrollWheelZoom: false });
    map.fitBounds(bounds, { padding: [16, 16], maxZoom: 17 });

    const tiles = L.tileLayer(el.dataset.tiles, {
      maxZoom: 19,
      attribution: escapeText(el.dataset.attribution || '')
    });
    let loaded = 0;
    function giveUp() {
      /* Hide, and leave the map be: removing it while tile requests are still failing makes
       * Leaflet's own callbacks trip over it. A hidden map has no size and asks for nothing. */
      if (loaded === 0) {
        el.hidden = true;
      }
    }
    tiles.on('tileload', function () {
      loaded += 1;
    });
    /* "load" fires once every visible tile has finished, loaded or failed */
    tiles.on('load', giveUp);
    window.setTimeout(giveUp, 15000); /* a tile server that never answers */
    tiles.addTo(map);

    L.circle(centre, { radius: radius, weight: 2, fillOpacity: 0.08 }).addTo(map);
    L.circleMarker(centre, { radius: 6, weight: 2, fillOpacity: 1 }).addTo(map);
    sites.forEach(function (site) {
      L.marker(site.at, { title: site.name, alt: site.name })
        .bindPopup(popupContent(site.name, site.href))
        .addTo(map);
    });
  }

  const form = document.getElementById('map-search');
  if (form) {
    addLocateButton(form);
  }
  const container = document.getElementById('map');
  if (container && typeof L !== 'undefined') {
    showMap(container);
  }
})();
