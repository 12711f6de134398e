<?cs #
  pages/site/map.cs: GET /map, the learning map (seed 004) and the ten-minute learning circle
  (seed 003). Data from cgi-bin/pages/site.c (page_map):
    P.Crumbs.N.Label/.Href
    P.Map.Centre      "city", "district" or "point"     P.Map.CentreName  the district's name
    P.Map.Lat/.Lng    the centre                         P.Map.DistrictId  the chosen district
    P.Map.Radius      metres    .RadiusText "3.0 公里"   .RadiusCustom 1 when not a form choice
    P.Map.Walk        1 for the ten-minute circle        P.Map.WalkHref    the same search, walking
    P.Map.Cat/.CatName  the category filter              P.Map.Tiles/.Attribution (no map if empty)
    P.Districts.N.Id/.Name/.Lat/.Lng/.Selected           P.Categories.N.Slug/.Name/.Selected
    P.Total (sites in range)  P.Shown (listed)  P.Nearest (1: none in range, the nearest instead)
    P.Sites.N.Id/.Href/.Name/.Level/.LevelName/.Address/.Lat/.Lng/.Distance/.Offerings
             .Courses.M.Title/.Href
  The list is the page; the map is an extra. Without JavaScript, or when Leaflet or the tiles cannot
  load, the map container stays hidden (static/js/map.js reveals it). The script reads the sites
  from the data-* attributes of the list items, so the list is the one source of truth.
?>
<?cs call:breadcrumbs(P.Crumbs) ?>
<h1><?cs var:L.map.title ?></h1>
<p class="lead prose"><?cs var:L.map.intro ?></p>

<div class="course-layout map-top">
<form id="map-search" class="box map-search" action="/map" method="get" aria-labelledby="map-form-heading"
      data-locate-label="<?cs var:L.map.locate ?>" data-locate-busy="<?cs var:L.map.locate_busy ?>"
      data-locate-error="<?cs var:L.map.locate_error ?>">
  <h2 id="map-form-heading"><?cs var:L.map.form_heading ?></h2>
  <?cs if:P.Map.Centre == "point" ?>
  <input type="hidden" name="lat" value="<?cs var:P.Map.Lat ?>">
  <input type="hidden" name="lng" value="<?cs var:P.Map.Lng ?>">
  <?cs /if ?>
  <div class="field">
    <label for="map-district"><?cs var:L.map.centre ?></label>
    <select id="map-district" name="district">
      <?cs if:P.Map.Centre == "point" ?>
      <option value="" selected><?cs var:L.map.centre_point ?></option>
      <?cs else ?>
      <option value=""<?cs if:P.Map.Centre == "city" ?> selected<?cs /if ?>><?cs var:L.map.centre_city ?></option>
      <?cs /if ?>
      <?cs each:d = P.Districts ?>
      <option value="<?cs var:d.Id ?>"<?cs if:d.Selected == 1 ?> selected<?cs /if ?>><?cs var:L.map.centre_district_pre ?> <?cs var:d.Name ?><?cs var:L.map.centre_district_post ?></option>
      <?cs /each ?>
    </select>
  </div>
  <div class="field">
    <label for="map-radius"><?cs var:L.map.radius ?></label>
    <select id="map-radius" name="radius">
      <?cs each:r = L.map.radii ?>
      <option value="<?cs name:r ?>"<?cs if:P.Map.Radius == name(r) ?> selected<?cs /if ?>><?cs var:r ?></option>
      <?cs /each ?>
      <?cs if:P.Map.RadiusCustom == 1 ?>
      <option value="<?cs var:P.Map.Radius ?>" selected><?cs var:P.Map.RadiusText ?></option>
      <?cs /if ?>
    </select>
  </div>
  <div class="field">
    <label for="map-cat"><?cs var:L.map.category ?></label>
    <select id="map-cat" name="cat">
      <option value=""><?cs var:L.map.category_any ?></option>
      <?cs each:c = P.Categories ?>
      <option value="<?cs var:c.Slug ?>"<?cs if:c.Selected == 1 ?> selected<?cs /if ?>><?cs var:c.Name ?></option>
      <?cs /each ?>
    </select>
  </div>
  <div class="form-actions map-actions">
    <button type="submit" class="btn btn-primary"><?cs var:L.map.submit ?></button>
    <?cs if:P.Map.Centre != "city" ?><a href="/map"><?cs var:L.map.reset ?></a><?cs /if ?>
  </div>
</form>

<section class="notice<?cs if:P.Map.Walk == 1 ?> notice-ok<?cs /if ?>" aria-labelledby="walk-heading">
  <h2 id="walk-heading"><?cs var:L.map.walk_heading ?></h2>
  <p><?cs var:L.map.walk_explain ?></p>
  <?cs if:P.Map.Walk != 1 ?><p><a href="<?cs var:P.Map.WalkHref ?>"><?cs var:L.map.walk_try ?></a></p><?cs /if ?>
</section>
</div>

<section aria-labelledby="results-heading">
  <h2 id="results-heading"><?cs if:P.Nearest == 1 ?><?cs var:L.map.nearest_heading ?><?cs else ?><?cs var:L.map.results_heading ?><?cs /if ?></h2>
  <dl class="facts map-summary">
    <dt><?cs var:L.map.centre ?></dt>
    <dd><?cs if:P.Map.Centre == "district" ?><?cs var:L.map.centre_district_pre ?> <?cs var:P.Map.CentreName ?><?cs var:L.map.centre_district_post ?><?cs
      elif:P.Map.Centre == "point" ?><?cs var:L.map.centre_point ?><?cs else ?><?cs var:L.map.centre_city ?><?cs /if ?></dd>
    <dt><?cs var:L.map.radius ?></dt>
    <dd><?cs if:P.Map.RadiusCustom == 1 ?><?cs var:P.Map.RadiusText ?><?cs else ?><?cs var:L.map.radii[P.Map.Radius] ?><?cs /if ?></dd>
    <?cs if:P.Map.CatName ?><dt><?cs var:L.map.category ?></dt><dd><?cs var:P.Map.CatName ?></dd><?cs /if ?>
  </dl>
  <?cs if:P.Nearest == 1 ?>
  <div class="notice notice-warn">
    <p><strong><?cs var:L.map.note ?></strong> <?cs if:P.Map.Cat ?><?cs var:L.map.none_within_cat ?><?cs else ?><?cs var:L.map.none_within ?><?cs /if ?></p>
  </div>
  <?cs else ?>
  <p class="results-count"><?cs var:L.map.found_pre ?> <strong><?cs var:P.Total ?></strong> <?cs var:L.map.found_post ?><?cs
    if:#P.Total > #P.Shown ?><?cs var:L.map.shown_pre ?> <?cs var:P.Shown ?> <?cs var:L.map.shown_post ?><?cs /if ?></p>
  <?cs /if ?>

  <?cs if:P.Map.Tiles ?>
  <div id="map" class="map" hidden role="region" aria-label="<?cs var:L.map.map_label ?>"
       data-lat="<?cs var:P.Map.Lat ?>" data-lng="<?cs var:P.Map.Lng ?>" data-radius="<?cs var:P.Map.Radius ?>"
       data-tiles="<?cs var:P.Map.Tiles ?>" data-attribution="<?cs var:P.Map.Attribution ?>"></div>
  <?cs /if ?>

  <?cs if:subcount(P.Sites) > 0 ?>
  <ol class="site-list map-results" aria-label="<?cs var:L.map.list_label ?>">
    <?cs each:s = P.Sites ?>
    <li data-lat="<?cs var:s.Lat ?>" data-lng="<?cs var:s.Lng ?>" data-name="<?cs var:s.Name ?>" data-href="<?cs var:s.Href ?>">
      <article class="site-item">
        <h3><a href="<?cs var:s.Href ?>"><?cs var:s.Name ?></a></h3>
        <dl class="card-meta">
          <div><dt><?cs var:L.map.distance ?></dt><dd><strong><?cs var:s.Distance ?></strong></dd></div>
          <div><dt><?cs var:L.map.level ?></dt><dd><?cs var:s.LevelName ?></dd></div>
          <div><dt><?cs var:L.map.address ?></dt><dd><?cs var:s.Address ?></dd></div>
          <div><dt><?cs var:L.map.offerings ?></dt><dd><?cs var:s.Offerings ?> <?cs var:L.map.offerings_post ?></dd></div>
        </dl>
        <?cs if:subcount(s.Courses) > 0 ?>
        <p class="site-meta"><?cs var:L.map.courses ?></p>
        <ul class="map-courses"><?cs each:c = s.Courses ?><li><a href="<?cs var:c.Href ?>"><?cs var:c.Title ?></a></li><?cs /each ?></ul>
        <?cs /if ?>
      </article>
    </li>
    <?cs /each ?>
  </ol>
  <?cs elif:P.Nearest == 1 ?>
  <div class="empty-state"><p><?cs var:L.map.none_at_all ?></p></div>
  <?cs /if ?>
</section>
