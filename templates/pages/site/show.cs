<?cs #
  pages/site/show.cs: GET /sites/{id}, one learning site. Data from cgi-bin/pages/site.c (page_site):
    P.Crumbs.N.Label/.Href
    P.Site.Id/.Name/.Level/.LevelName/.Address/.Phone/.Hours/.StepFree (1 or 0)/.Lat/.Lng
          .District/.DistrictHref/.Street/.Community (any may be missing)
          .ParentName/.ParentHref/.ParentLevelName (missing for the city community university)
          .Paragraphs.N.Lines.M (the description)  .MapHref  .WalkHref
    P.Children.N.Name/.Href/.LevelName
    P.Nearby.N.Name/.Href/.LevelName/.Address/.Distance
    P.Offerings.N.Title/.CourseHref/.Name/.StartsOn/.EndsOn (missing for a one-day class)
                /.Schedule/.SeatsLeft/.Price/.IsFree/.Status (open, full, upcoming, closed)
  Enrollment itself happens on the course page; this page links there. Each cell's content is one
  <div>, because .table-stack makes a cell a grid on narrow screens.
?>
<?cs call:breadcrumbs(P.Crumbs) ?>
<header class="course-header">
  <h1><?cs var:P.Site.Name ?></h1>
  <div class="card-badges"><?cs call:badge("info", P.Site.LevelName) ?><?cs
    if:P.Site.StepFree == 1 ?> <?cs call:badge("ok", L.site.step_free) ?><?cs /if ?></div>
  <p class="lead"><?cs var:P.Site.Address ?></p>
</header>

<div class="course-layout">
  <div class="course-main">
    <?cs if:subcount(P.Site.Paragraphs) > 0 ?>
    <section class="course-section prose" aria-labelledby="site-about">
      <h2 id="site-about"><?cs var:L.site.about ?></h2>
      <?cs each:para = P.Site.Paragraphs ?>
      <p><?cs each:line = para.Lines ?><?cs var:line ?><?cs if:!last(line) ?><br><?cs /if ?><?cs /each ?></p>
      <?cs /each ?>
    </section>
    <?cs /if ?>

    <section class="course-section" aria-labelledby="site-courses">
      <h2 id="site-courses"><?cs var:L.site.courses ?></h2>
      <?cs if:subcount(P.Offerings) > 0 ?>
      <p><?cs var:L.site.courses_intro ?></p>
      <table class="table table-stack">
        <caption class="visually-hidden"><?cs var:L.site.courses ?></caption>
        <thead>
          <tr>
            <th scope="col"><?cs var:L.site.col_course ?></th>
            <th scope="col"><?cs var:L.site.col_when ?></th>
            <th scope="col" class="num"><?cs var:L.site.col_seats ?></th>
            <th scope="col" class="num"><?cs var:L.site.col_price ?></th>
            <th scope="col"><?cs var:L.site.col_status ?></th>
          </tr>
        </thead>
        <tbody>
          <?cs each:o = P.Offerings ?>
          <tr>
            <td data-label="<?cs var:L.site.col_course ?>"><div><a href="<?cs var:o.CourseHref ?>"><?cs var:o.Title ?></a><br><span class="muted"><?cs var:o.Name ?></span></div></td>
            <td data-label="<?cs var:L.site.col_when ?>"><div><?cs var:o.StartsOn ?><?cs if:o.EndsOn ?> <?cs var:L.site.dates_to ?> <?cs var:o.EndsOn ?><?cs /if ?><br><?cs var:o.Schedule ?></div></td>
            <td data-label="<?cs var:L.site.col_seats ?>" class="num"><div><?cs var:o.SeatsLeft ?> <?cs var:L.site.seats_post ?></div></td>
            <td data-label="<?cs var:L.site.col_price ?>" class="num"><div><?cs if:o.IsFree == 1 ?><?cs call:badge("free", o.Price) ?><?cs else ?><?cs var:o.Price ?><?cs /if ?></div></td>
            <td data-label="<?cs var:L.site.col_status ?>"><div><?cs
              if:o.Status == "open" ?><?cs call:badge("ok", L.site.status_open) ?><?cs
              elif:o.Status == "full" ?><?cs call:badge("full", L.site.status_full) ?><?cs
              elif:o.Status == "upcoming" ?><?cs call:badge("info", L.site.status_upcoming) ?><?cs
              else ?><?cs var:L.site.status_closed ?><?cs /if ?></div></td>
          </tr>
          <?cs /each ?>
        </tbody>
      </table>
      <?cs else ?>
      <div class="empty-state">
        <p><?cs var:L.site.courses_none ?></p>
        <p><a href="/courses"><?cs var:L.site.courses_browse ?></a></p>
      </div>
      <?cs /if ?>
    </section>

    <?cs if:subcount(P.Nearby) > 0 ?>
    <section class="course-section" aria-labelledby="site-nearby">
      <h2 id="site-nearby"><?cs var:L.site.nearby ?></h2>
      <ul class="site-list">
        <?cs each:n = P.Nearby ?>
        <li>
          <article class="site-item">
            <h3><a href="<?cs var:n.Href ?>"><?cs var:n.Name ?></a></h3>
            <dl class="card-meta">
              <div><dt><?cs var:L.site.level ?></dt><dd><?cs var:n.LevelName ?></dd></div>
              <div><dt><?cs var:L.site.address ?></dt><dd><?cs var:n.Address ?></dd></div>
              <div><dt><?cs var:L.site.distance ?></dt><dd><?cs var:n.Distance ?></dd></div>
            </dl>
          </article>
        </li>
        <?cs /each ?>
      </ul>
    </section>
    <?cs /if ?>
  </div>

  <aside class="course-aside">
    <section class="box course-section" aria-labelledby="site-facts">
      <h2 id="site-facts"><?cs var:L.site.facts ?></h2>
      <dl class="facts">
        <dt><?cs var:L.site.level ?></dt><dd><?cs var:P.Site.LevelName ?></dd>
        <?cs if:P.Site.ParentHref ?>
        <dt><?cs var:L.site.parent ?></dt><dd><a href="<?cs var:P.Site.ParentHref ?>"><?cs var:P.Site.ParentName ?></a> <span class="muted">· <?cs var:P.Site.ParentLevelName ?></span></dd>
        <?cs /if ?>
        <dt><?cs var:L.site.address ?></dt><dd><?cs var:P.Site.Address ?></dd>
        <?cs if:P.Site.District ?>
        <dt><?cs var:L.site.district ?></dt><dd><?cs if:P.Site.DistrictHref ?><a href="<?cs var:P.Site.DistrictHref ?>"><?cs var:P.Site.District ?></a><?cs else ?><?cs var:P.Site.District ?><?cs /if ?></dd>
        <?cs /if ?>
        <?cs if:P.Site.Street ?><dt><?cs var:L.site.street ?></dt><dd><?cs var:P.Site.Street ?></dd><?cs /if ?>
        <?cs if:P.Site.Community ?><dt><?cs var:L.site.community ?></dt><dd><?cs var:P.Site.Community ?></dd><?cs /if ?>
        <?cs if:P.Site.Phone ?>
        <dt><?cs var:L.site.phone ?></dt><dd><a href="tel:<?cs var:url_escape(P.Site.Phone) ?>"><?cs var:P.Site.Phone ?></a></dd>
        <?cs /if ?>
        <?cs if:P.Site.Hours ?><dt><?cs var:L.site.hours ?></dt><dd><?cs var:P.Site.Hours ?></dd><?cs /if ?>
        <dt><?cs var:L.site.step_free ?></dt><dd><?cs if:P.Site.StepFree == 1 ?><?cs var:L.site.step_free_yes ?><?cs else ?><?cs var:L.site.step_free_no ?><?cs /if ?></dd>
      </dl>
    </section>

    <section class="course-section" aria-labelledby="site-location">
      <h2 id="site-location"><?cs var:L.site.location ?></h2>
      <ul class="link-list">
        <li><a href="<?cs var:P.Site.MapHref ?>"><?cs var:L.site.on_map ?></a></li>
        <li><a href="<?cs var:P.Site.WalkHref ?>"><?cs var:L.site.walk_circle ?></a></li>
      </ul>
      <p class="muted"><?cs var:L.site.coords_pre ?> <?cs var:P.Site.Lat ?><?cs var:L.site.coords_mid ?> <?cs var:P.Site.Lng ?></p>
    </section>

    <?cs if:subcount(P.Children) > 0 ?>
    <section class="course-section" aria-labelledby="site-children">
      <h2 id="site-children"><?cs var:L.site.children ?></h2>
      <ul class="link-list">
        <?cs each:c = P.Children ?>
        <li><a href="<?cs var:c.Href ?>"><?cs var:c.Name ?></a> <span class="muted">· <?cs var:c.LevelName ?></span></li>
        <?cs /each ?>
      </ul>
    </section>
    <?cs /if ?>
  </aside>
</div>
