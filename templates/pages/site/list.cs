<?cs #
  pages/site/list.cs: GET /sites, the four-level network of learning sites, grouped by level (h2)
  and within a level by district (h3). Data from cgi-bin/pages/site.c (page_sites):
    P.Crumbs.N.Label/.Href       breadcrumbs
    P.LevelFacet, P.DistrictFacet   .ClearHref, .Items.N.Label/.Href/.Count/.Selected
    P.Levels.N.Level/.Name/.Count/.Grouped (1: some district has several sites of this level, so
                                            the level gets a sub-heading (h3) per district)
      .Districts.N.Id/.Name/.Count
        .Sites.N.Id/.Href/.Name/.Address/.District/.Offerings (District is shown only when the
                                    level has no district sub-headings)
    P.Total  P.LevelName  P.DistrictName (the filters in force)
  The filters are links (no JavaScript); the one in force has aria-current="true". The counts are
  of learning sites, so this page writes its own facet lists rather than the facet() macro, whose
  hidden unit is "courses".
?>
<?cs call:breadcrumbs(P.Crumbs) ?>
<h1><?cs var:L.sites.title ?></h1>
<p class="lead prose"><?cs var:L.sites.intro ?></p>
<p><a href="/map"><?cs var:L.sites.map_link ?></a></p>

<?cs def:site_facet(title, f) ?>
<?cs set:P.FacetSelected = 0 ?>
<?cs each:item = f.Items ?><?cs if:item.Selected == 1 ?><?cs set:P.FacetSelected = 1 ?><?cs /if ?><?cs /each ?>
<section class="facet">
  <h2 class="facet-title"><?cs var:title ?></h2>
  <ul class="facet-list">
    <li><a href="<?cs var:f.ClearHref ?>"<?cs if:P.FacetSelected == 0 ?> aria-current="true"><span class="facet-check" aria-hidden="true">✓</span><?cs else ?>><?cs /if ?><span class="facet-label"><?cs var:L.common.all ?></span></a></li>
    <?cs each:item = f.Items ?>
    <?cs if:item.Selected == 1 ?>
    <li><a href="<?cs var:item.Href ?>" aria-current="true"><span class="facet-check" aria-hidden="true">✓</span><span class="facet-label"><?cs
      var:item.Label ?></span> <span class="facet-count"><?cs var:item.Count ?><span class="visually-hidden"> <?cs var:L.sites.unit ?></span></span></a></li>
    <?cs elif:item.Count == "0" ?>
    <li><span class="facet-empty"><span class="facet-label"><?cs var:item.Label ?></span> <span class="facet-count">0<span class="visually-hidden"> <?cs
      var:L.sites.unit ?></span></span></span></li>
    <?cs else ?>
    <li><a href="<?cs var:item.Href ?>"><span class="facet-label"><?cs var:item.Label ?></span> <span class="facet-count"><?cs
      var:item.Count ?><span class="visually-hidden"> <?cs var:L.sites.unit ?></span></span></a></li>
    <?cs /if ?>
    <?cs /each ?>
  </ul>
</section>
<?cs /def ?>

<?cs def:site_item(s, grouped) ?>
<article class="site-item">
  <?cs if:grouped == 1 ?><h4 class="card-title"><?cs else ?><h3 class="card-title"><?cs /if ?><a href="<?cs var:s.Href ?>"><?cs var:s.Name ?></a><?cs if:grouped == 1 ?></h4><?cs else ?></h3><?cs /if ?>
  <dl class="card-meta">
    <div><dt><?cs var:L.sites.address ?></dt><dd><?cs var:s.Address ?></dd></div>
    <?cs if:grouped != 1 ?><div><dt><?cs var:L.sites.district ?></dt><dd><?cs var:s.District ?></dd></div><?cs /if ?>
    <div><dt><?cs var:L.sites.offerings ?></dt><dd><?cs var:s.Offerings ?> <?cs var:L.sites.offerings_post ?></dd></div>
  </dl>
</article>
<?cs /def ?>

<div class="catalog">
  <aside class="catalog-filters" aria-labelledby="site-filters-heading">
    <details class="filters" open>
      <summary><span id="site-filters-heading"><?cs var:L.sites.filters ?></span></summary>
      <div class="filters-body">
        <?cs call:site_facet(L.sites.facet_level, P.LevelFacet) ?>
        <?cs call:site_facet(L.sites.facet_district, P.DistrictFacet) ?>
      </div>
    </details>
  </aside>

  <div class="site-levels">
    <p class="results-count"><?cs var:L.sites.count_pre ?> <strong><?cs var:P.Total ?></strong> <?cs var:L.sites.count_post ?><?cs
      if:P.LevelName ?> · <?cs var:P.LevelName ?><?cs /if ?><?cs if:P.DistrictName ?> · <?cs var:P.DistrictName ?><?cs /if ?></p>
    <?cs each:lv = P.Levels ?>
    <section aria-labelledby="level-<?cs var:lv.Level ?>">
      <h2 id="level-<?cs var:lv.Level ?>" class="level-title"><?cs var:lv.Name ?> <span class="badge badge-info"><?cs var:lv.Count ?> <?cs var:L.sites.unit ?></span></h2>
      <?cs if:lv.Grouped == 1 ?>
      <?cs each:d = lv.Districts ?>
      <h3><?cs var:d.Name ?> <span class="muted">· <?cs var:d.Count ?> <?cs var:L.sites.unit ?></span></h3>
      <ul class="site-list">
        <?cs each:s = d.Sites ?><li><?cs call:site_item(s, lv.Grouped) ?></li><?cs /each ?>
      </ul>
      <?cs /each ?>
      <?cs else ?>
      <ul class="site-list">
        <?cs each:d = lv.Districts ?><?cs each:s = d.Sites ?><li><?cs call:site_item(s, lv.Grouped) ?></li><?cs /each ?><?cs /each ?>
      </ul>
      <?cs /if ?>
    </section>
    <?cs /each ?>
    <?cs if:#P.Total == 0 ?>
    <div class="empty-state">
      <p><strong><?cs var:L.sites.empty ?></strong></p>
      <p><?cs var:L.sites.empty_help ?></p>
      <p><a href="/sites"><?cs var:L.sites.clear ?></a></p>
    </div>
    <?cs /if ?>
  </div>
</div>
