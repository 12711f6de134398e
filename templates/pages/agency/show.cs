<?cs #
  pages/agency/show.cs: GET /agencies/{id}, a provider's public profile, inside layout.cs
  (cgi-bin/pages/agency.c).
  Reads:
    P.Crumbs.N.Label / .Href
    P.Agency.Id Name District FoundedYear Address Phone CreditCode CourseCount OfferingCount,
      P.Agency.Paragraphs.N.Lines.M (the intro, plain text)
    P.Courses.N (course_card fields), soonest start first; no paging (agencies list < 40)
  No alt: here: it prints without escaping, and these values are typed by agencies.
?>
<?cs call:breadcrumbs(P.Crumbs) ?>

<header class="course-header">
  <p class="muted"><?cs var:L.agency.kind ?></p>
  <h1><?cs var:P.Agency.Name ?></h1>
  <div class="card-badges">
    <?cs if:P.Agency.District ?><?cs call:badge("info", P.Agency.District) ?><?cs /if ?>
    <span class="badge badge-info"><?cs var:L.agency.courses_badge_pre ?> <?cs var:P.Agency.CourseCount ?> <?cs
      if:P.Agency.CourseCount == "1" ?><?cs var:L.agency.courses_badge_post_one ?><?cs
      else ?><?cs var:L.agency.courses_badge_post ?><?cs /if ?></span>
  </div>
</header>

<div class="course-layout">
  <div class="course-main">
    <?cs if:subcount(P.Agency.Paragraphs) > 0 ?>
    <section class="course-section" aria-labelledby="agency-intro">
      <h2 id="agency-intro"><?cs var:L.agency.intro ?></h2>
      <div class="prose">
        <?cs each:para = P.Agency.Paragraphs ?>
        <p><?cs each:line = para.Lines ?><?cs if:!first(line) ?><br><?cs /if ?><?cs var:line ?><?cs /each ?></p>
        <?cs /each ?>
      </div>
    </section>
    <?cs /if ?>

    <section class="course-section" aria-labelledby="agency-courses">
      <h2 id="agency-courses"><?cs var:L.agency.courses ?></h2>
      <?cs if:subcount(P.Courses) > 0 ?>
      <p class="muted"><?cs var:L.agency.courses_hint ?></p>
      <ul class="course-grid">
        <?cs each:c = P.Courses ?>
        <li><?cs call:course_card(c) ?></li>
        <?cs /each ?>
      </ul>
      <?cs else ?>
      <p class="empty-state"><?cs var:L.agency.no_courses ?></p>
      <?cs /if ?>
    </section>
  </div>

  <aside class="course-aside" id="contact" aria-labelledby="agency-facts">
    <div class="box">
      <h2 id="agency-facts"><?cs var:L.agency.facts ?></h2>
      <dl class="facts">
        <dt><?cs var:L.agency.district ?></dt>
        <dd><?cs if:P.Agency.District ?><?cs var:P.Agency.District ?><?cs else ?><?cs var:L.agency.not_given ?><?cs /if ?></dd>
        <dt><?cs var:L.agency.founded ?></dt>
        <dd><?cs if:P.Agency.FoundedYear ?><?cs var:P.Agency.FoundedYear ?> <?cs var:L.agency.founded_post ?><?cs
          else ?><?cs var:L.agency.not_given ?><?cs /if ?></dd>
        <dt><?cs var:L.agency.address ?></dt>
        <dd><?cs if:P.Agency.Address ?><?cs var:P.Agency.Address ?><?cs else ?><?cs var:L.agency.not_given ?><?cs /if ?></dd>
        <dt><?cs var:L.agency.phone ?></dt>
        <dd><?cs if:P.Agency.Phone ?><a href="tel:<?cs var:P.Agency.Phone ?>"><?cs var:P.Agency.Phone ?></a><?cs
          else ?><?cs var:L.agency.not_given ?><?cs /if ?></dd>
        <dt><?cs var:L.agency.course_count ?></dt>
        <dd><?cs var:P.Agency.CourseCount ?> <?cs var:L.agency.course_count_post ?></dd>
        <dt><?cs var:L.agency.offering_count ?></dt>
        <dd><?cs var:P.Agency.OfferingCount ?> <?cs var:L.agency.offering_count_post ?></dd>
      </dl>
      <p><span class="muted"><?cs var:L.agency.credit_code ?></span><br>
        <code><?cs var:P.Agency.CreditCode ?></code><br>
        <small class="muted"><?cs var:L.agency.credit_code_hint ?></small></p>
    </div>
  </aside>
</div>
