<?cs #
  pages/catalog/list.cs: GET /courses, the catalog. Data from cgi-bin/pages/catalog.c:
    P.Q P.Total P.Courses.N (course_card fields) P.Facets.<name> (facet macro fields; names:
    cat district fee mode audience soon) P.Active.N.Name/.Label/.Href P.ClearAll
    P.Sorts.N.Key/.Label/.Selected P.Keep.N.Name/.Value P.Pager.*
  Works without JavaScript: filters are links, sorting is a GET form with a button.
?>
<h1 class="page-title"><?cs if:P.Q ?><?cs var:L.catalog.search_title_pre ?><?cs var:P.Q ?><?cs var:L.catalog.search_title_post ?><?cs else ?><?cs var:L.catalog.title ?><?cs /if ?></h1>

<div class="catalog">
  <aside class="catalog-filters" aria-labelledby="filters-heading">
    <details class="filters-details">
      <summary><h2 id="filters-heading" class="filters-heading"><?cs var:L.catalog.filters ?></h2></summary>
      <?cs call:facet(P.Facets.cat) ?>
      <?cs call:facet(P.Facets.fee) ?>
      <?cs call:facet(P.Facets.mode) ?>
      <?cs call:facet(P.Facets.audience) ?>
      <?cs call:facet(P.Facets.district) ?>
      <?cs call:facet(P.Facets.soon) ?>
    </details>
  </aside>

  <section class="catalog-results" aria-labelledby="results-heading">
    <h2 id="results-heading" class="results-count"><?cs var:L.catalog.results_pre ?> <strong><?cs var:P.Total ?></strong> <?cs var:L.catalog.results_post ?><?cs if:P.Q ?><?cs
      if:L.lang_code == "en" ?> <?cs /if ?><?cs var:L.catalog.results_for_pre ?><?cs var:P.Q ?><?cs var:L.catalog.results_for_post ?><?cs /if ?></h2>

    <?cs if:subcount(P.Active) > 0 ?>
    <div class="active-filters">
      <span class="active-filters-label"><?cs var:L.catalog.active_filters ?></span>
      <ul>
        <?cs each:f = P.Active ?>
        <li><a class="chip" href="<?cs var:f.Href ?>"><span class="visually-hidden"><?cs var:L.catalog.remove_filter ?> </span><?cs var:f.Name ?>: <?cs var:f.Label ?> <span aria-hidden="true">×</span></a></li>
        <?cs /each ?>
      </ul>
      <a class="clear-all" href="<?cs var:P.ClearAll ?>"><?cs var:L.catalog.clear_all ?></a>
    </div>
    <?cs /if ?>

    <form class="sort-form" action="/courses" method="get">
      <?cs each:k = P.Keep ?><input type="hidden" name="<?cs var:k.Name ?>" value="<?cs var:k.Value ?>"><?cs /each ?>
      <label for="sort"><?cs var:L.catalog.sort_label ?></label>
      <select id="sort" name="sort">
        <?cs each:s = P.Sorts ?>
        <option value="<?cs var:s.Key ?>"<?cs if:s.Selected == 1 ?> selected<?cs /if ?>><?cs var:s.Label ?></option>
        <?cs /each ?>
      </select>
      <button type="submit" class="btn"><?cs var:L.catalog.sort_button ?></button>
    </form>

    <?cs if:subcount(P.Courses) > 0 ?>
    <ul class="course-list" aria-label="<?cs var:L.catalog.list_label ?>">
      <?cs each:c = P.Courses ?>
      <li><?cs call:course_card(c) ?></li>
      <?cs /each ?>
    </ul>
    <?cs call:pager(P.Pager) ?>
    <?cs elif:#P.Pager.Page > 1 && #P.Total > 0 ?>
    <div class="empty-state">
      <p><?cs var:L.catalog.page_empty ?></p>
      <p><a href="<?cs var:P.Pager.Items.0.Href ?>"><?cs var:L.catalog.back_first ?></a></p>
    </div>
    <?cs else ?>
    <div class="empty-state">
      <p><strong><?cs var:L.catalog.no_results ?></strong></p>
      <p><?cs var:L.catalog.no_results_help ?></p>
      <?cs if:P.ClearAll ?><p><a href="<?cs var:P.ClearAll ?>"><?cs var:L.catalog.clear_all ?></a></p><?cs /if ?>
    </div>
    <?cs /if ?>
  </section>
</div>
