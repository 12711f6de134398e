<?cs #
  pages/home/index.cs: GET /. Data from cgi-bin/pages/home.c:
    P.Totals.Courses/.Free/.Sites/.Agencies  P.Categories.N.Slug/.Name/.Count/.Href
    P.OpenNow.N (course_card fields)  P.Sites.N.Id/.Name/.Address/.LevelName/.Distance
    P.SoonHref P.SeniorsFreeHref P.WalkHref
?>
<section class="hero" aria-labelledby="home-heading">
  <h1 id="home-heading" class="page-title"><?cs var:L.home.heading ?></h1>
  <p class="lead"><?cs var:L.home.intro ?></p>
  <form class="search hero-search" role="search" aria-label="<?cs var:L.home.search_heading ?>" action="/courses" method="get">
    <label for="home-q" class="hero-search-label"><?cs var:L.home.search_heading ?></label>
    <div class="search-row">
      <input type="search" id="home-q" name="q" placeholder="<?cs var:L.nav.search_placeholder ?>" maxlength="50" enterkeyhint="search">
      <button type="submit" class="btn btn-primary"><?cs var:L.nav.search_button ?></button>
    </div>
  </form>
  <ul class="stats">
    <li><strong><?cs var:P.Totals.Courses ?></strong> <?cs var:L.home.stats_courses ?></li>
    <li><strong><?cs var:P.Totals.Free ?></strong> <?cs var:L.home.stats_free ?></li>
    <li><strong><?cs var:P.Totals.Sites ?></strong> <?cs var:L.home.stats_sites ?></li>
    <li><strong><?cs var:P.Totals.Agencies ?></strong> <?cs var:L.home.stats_agencies ?></li>
  </ul>
  <p class="quick-links">
    <a class="btn" href="<?cs var:P.SeniorsFreeHref ?>"><?cs var:L.home.seniors_free ?></a>
    <a class="btn" href="<?cs var:P.WalkHref ?>"><?cs var:L.home.walk ?></a>
  </p>
</section>

<section class="home-section" aria-labelledby="cats-heading">
  <h2 id="cats-heading"><?cs var:L.home.categories ?></h2>
  <ul class="category-grid">
    <?cs each:cat = P.Categories ?>
    <li><a class="category-tile" href="<?cs var:cat.Href ?>"><span class="category-name"><?cs var:cat.Name ?></span>
      <span class="category-count"><?cs var:cat.Count ?> <?cs var:L.home.category_count_post ?></span></a></li>
    <?cs /each ?>
  </ul>
</section>

<section class="home-section" aria-labelledby="open-heading">
  <h2 id="open-heading"><?cs var:L.home.open_now ?></h2>
  <?cs if:subcount(P.OpenNow) > 0 ?>
  <ul class="course-grid">
    <?cs each:c = P.OpenNow ?>
    <li><?cs call:course_card(c) ?></li>
    <?cs /each ?>
  </ul>
  <?cs else ?>
  <p><?cs var:L.home.open_now_none ?></p>
  <?cs /if ?>
  <p><a href="<?cs var:P.SoonHref ?>"><?cs var:L.home.open_now_more ?></a></p>
</section>

<section class="home-section" aria-labelledby="sites-heading">
  <h2 id="sites-heading"><?cs var:L.home.sites ?></h2>
  <ul class="site-list">
    <?cs each:s = P.Sites ?>
    <li class="site-item">
      <h3><a href="/sites/<?cs var:s.Id ?>"><?cs var:s.Name ?></a></h3>
      <p><?cs var:s.LevelName ?> · <?cs var:s.Address ?></p>
      <p><?cs var:L.home.distance ?> <?cs var:s.Distance ?></p>
    </li>
    <?cs /each ?>
  </ul>
  <p><a href="/sites"><?cs var:L.home.sites_more ?></a></p>
</section>
